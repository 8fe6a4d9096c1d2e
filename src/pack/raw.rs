//! The rule files as written: serde structs that mirror the YAML one to one.
//! Every struct denies unknown fields so a typo is an error, not a silent no-op.
//! `compile.rs` turns these into the checked types the pipeline uses.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Label, Stance};

/// `cues.yaml`: the words that introduce what someone said.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CuesFile {
    /// Reporting verbs by stance class, as lemmas ("say", "deny"). Inflected forms
    /// (says, said, saying) are generated; list irregular ones under `irregular`.
    #[serde(default)]
    #[schemars(schema_with = "keyed_by::<Stance>")]
    pub verbs: BTreeMap<Stance, Vec<String>>,
    /// Irregular forms of a lemma, e.g. `tell: [told]`.
    #[serde(default)]
    pub irregular: BTreeMap<String, Vec<String>>,
    /// Verbs whose next noun phrase is the hearer, not the content ("told reporters that").
    #[serde(default)]
    pub hearer: Vec<String>,
    /// Multi-word cues ("according to", "in a statement", "was quoted as saying").
    #[serde(default)]
    pub phrases: Vec<PhraseCue>,
    /// Nouns that name a statement ("the Kremlin's announcement", "a statement from X",
    /// "provided confirmation of"), by stance class.
    #[serde(default)]
    #[schemars(schema_with = "keyed_by::<Stance>")]
    pub nouns: BTreeMap<Stance, Vec<String>>,
    /// Nouns that take what their owner says or thinks of something after a
    /// preposition, written with it ("criticism of", "attacks on"), by stance: the owner
    /// is the source and the phrase after the preposition the content ("his criticism
    /// of Obama", "Trump's attacks on Khan").
    #[serde(default)]
    #[schemars(schema_with = "keyed_by::<Stance>")]
    pub noun_objects: BTreeMap<Stance, Vec<String>>,
    /// Verbs that turn a statement noun into a cue: "provided confirmation", "issued a denial".
    #[serde(default)]
    pub light_verbs: Vec<String>,
    /// Words that may stand between a subject and its cue verb and belong to the cue
    /// ("has said", "is expected to say", "also said").
    #[serde(default)]
    pub verb_group: Vec<String>,
    /// Forms of cue verbs that are mostly nouns in news ("the states", "his attacks",
    /// "a tweet"): a cue only after a pronoun or an auxiliary, or before "that" or a quote.
    #[serde(default)]
    pub noun_like: Vec<String>,
    /// Verbs whose subject and what follows them make up the content, with no source
    /// ("Trump seemed to be shrinking", "the sale is expected to close"): a lemma
    /// (`seem`), or `be` and a participle (`be expected`) for a passive.
    #[serde(default)]
    pub raising: Vec<String>,
    /// Verbs of thinking, wanting, feeling and deciding ("think", "want"): inside another
    /// speaker's reported speech they are part of what was said ("Devine said he does
    /// not think ..."), not a statement of their own. Each must be listed under `verbs`.
    #[serde(default)]
    pub mental: Vec<String>,
    /// Verbs whose content is a topic, not a claim ("discuss", "talk about"): inside
    /// another speaker's reported speech they are part of what was said ("confirmed the
    /// two had discussed a meeting"), not a statement of their own. Each must be listed
    /// under `verbs`.
    #[serde(default)]
    pub topic: Vec<String>,
    /// Words in a verb group that say others report it ("reportedly", "is said to"):
    /// before a verb of thinking or wanting ("reportedly plans to") the subject is what
    /// is reported on, not a speaker.
    #[serde(default)]
    pub hearsay: Vec<String>,
    /// Verbs that are cues only before an infinitive ("declined to comment", not
    /// "profits declined", "refused its proposal"). A refusal makes no claim of its
    /// own. Each must be listed under `verbs`.
    #[serde(default)]
    pub needs_infinitive: Vec<String>,
    /// Verbs whose infinitive names an act still to come, not a view held: what someone
    /// went to watch or find ("lined up to see him", "struggling to find work"), a choice
    /// still to make ("the court has to decide C"), a task ("used markers to write
    /// notes"). Such an infinitive is no cue. Each must be listed under `verbs`.
    #[serde(default)]
    pub no_infinitive: Vec<String>,
    /// Verbs that are cues only with speech after them (a quote, a colon or "that") or
    /// a quotation before them: "he continued: C", "has maintained that C", not
    /// "continued campaigning", "maintains a lead". Each must be listed under `verbs`.
    #[serde(default)]
    pub needs_speech: Vec<String>,
    /// Verbs whose past participle names the thing before it when that is an
    /// indefinite noun phrase: "a group called Citizens for Trump", "a firm named
    /// Acme". There they are no cue. Each must be listed under `verbs`.
    #[serde(default)]
    pub naming: Vec<String>,
    /// Verbs whose passive reports a statement only when its agent is named ("the
    /// report was published by X"), not "the body was found", "the book was
    /// published". Each must be listed under `verbs`.
    #[serde(default)]
    pub needs_agent: Vec<String>,
    /// Verbs whose passive participle, with no agent, is the subject's own attitude:
    /// "Most Republicans are opposed to the deal", "she is worried that C". The
    /// subject is the source. Each must be listed under `verbs`.
    #[serde(default)]
    pub stative_passive: Vec<String>,
    /// Verbs of speech that may come before their source, after what was said: "C,
    /// said X", `"C," wrote X`. After a comma any other verb is joined to the clause
    /// before it ("C, mocked X" has no source after it). Each must be listed under
    /// `verbs`.
    #[serde(default)]
    pub inverting: Vec<String>,
    /// Phrases that hold a cue word but say nothing: "showed up", "supposed to",
    /// "found himself". A cue word that starts one is no cue there.
    #[serde(default)]
    pub not_cues: Vec<String>,
    /// Nouns for what a subject receives from others, with the preposition that names
    /// them: "drew criticism from X", "won support among X". The one after the
    /// preposition is the source, the receiver the content.
    #[serde(default)]
    pub received: Vec<String>,
    /// Verbs whose object is the one who speaks in an infinitive cue after it ("urged
    /// Congress to act", "allows him to call for"), as lemmas.
    #[serde(default)]
    pub object_control: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhraseCue {
    /// The words of the cue, as they appear in text.
    pub text: String,
    /// The stance the phrase gives a statement.
    pub stance: Stance,
    /// How the phrase attaches to its source and content.
    #[serde(default)]
    pub frame: PhraseFrame,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PhraseFrame {
    /// Behaves like a reporting verb: "X was quoted as saying C".
    #[default]
    Verb,
    /// The source follows the phrase: "according to X, C" or "C, according to X".
    SourceAfter,
    /// An adverb that says others report the clause around it, naming no one:
    /// "Khoga was reportedly on that trip". Before a cue verb it joins that verb's
    /// group instead ("reportedly said").
    Adverb,
}

/// `stance.yaml`: words in the content of a statement that change what it does to a claim.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceFile {
    /// Words that negate the verb they precede ("not", "never", "didn't").
    #[serde(default)]
    pub negations: Vec<String>,
    /// Phrases that hold a negation word but negate nothing ("not the first time",
    /// "not only", "no doubt").
    #[serde(default)]
    pub not_negations: Vec<String>,
    /// Words and phrases that call a claim false ("hoax", "fake", "no evidence").
    #[serde(default)]
    pub refutations: Vec<String>,
    /// Words and phrases that hold back from asserting ("reportedly", "may", "rumour").
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Words and phrases that limit a claim without denying it ("no date", "not yet").
    #[serde(default)]
    pub qualifiers: Vec<String>,
    /// Contrast words ("but", "although"): they qualify only a statement already
    /// about the claim, and never make a statement a response on their own.
    #[serde(default)]
    pub contrasts: Vec<String>,
    /// Words and phrases that vouch for a claim ("confirmed", "officially").
    #[serde(default)]
    pub confirmations: Vec<String>,
}

/// `sources.yaml`: who is who, and who speaks for whom.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// Who is who: people, organisations, outlets, each with the names the text may use.
    #[serde(default)]
    pub entities: Vec<EntityEntry>,
    /// Job titles that make a person speak for an organisation ("press secretary", "aide").
    #[serde(default)]
    pub roles: Vec<String>,
    /// Head nouns of unnamed sources ("officials", "sources", "a person familiar").
    #[serde(default)]
    pub anonymous: Vec<String>,
    /// First names whose gender helps resolve "he" and "she".
    #[serde(default)]
    pub first_names: FirstNames,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityEntry {
    /// Stable identifier used in reports and in `speaks_for`.
    pub id: String,
    /// Name shown in reports.
    pub name: String,
    /// What the entity is (default: organisation).
    #[serde(default)]
    pub kind: EntityKind,
    /// Other ways the text may name this entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The entity this one speaks for (an aide speaks for a government).
    #[serde(default)]
    pub speaks_for: Option<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A government, company, agency or other body.
    #[default]
    Organisation,
    /// A news outlet.
    Outlet,
    /// A report, study or other document that "says" something.
    Document,
    /// An unnamed source ("officials", "a person familiar with the matter").
    Anonymous,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstNames {
    /// First names of women: "she" and "her" can refer to them.
    #[serde(default)]
    pub female: Vec<String>,
    /// First names of men: "he" and "him" can refer to them.
    #[serde(default)]
    pub male: Vec<String>,
}

/// `text.yaml`: how text is cut into sentences and which lines are page furniture.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    /// Abbreviations (without the final period) that never end a sentence: titles.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Abbreviations that usually do not end a sentence but may ("U.S.", "p.m.", "Inc.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Abbreviations that keep their period only before a number, where they never end
    /// a sentence ("the No. 2 Republican", "pp. 4-5").
    #[serde(default)]
    pub numbered: Vec<String>,
    /// Lines that are not news text (credits, captions, comment forms, share prompts).
    #[serde(default)]
    pub junk: Vec<JunkRule>,
    /// Words before a headline colon that label the story rather than name a speaker
    /// ("Breaking:", "Rumor:", "Watch:").
    #[serde(default)]
    pub headline_labels: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JunkRule {
    /// Names the rule in reports (each dropped line names the rule that dropped it).
    pub id: String,
    /// What the rule is for, for the reader.
    #[serde(default)]
    pub description: Option<String>,
    /// Regular expression matched against a whole paragraph (line).
    pub pattern: String,
    /// Only drop lines of at most this many words.
    #[serde(default)]
    pub max_words: Option<usize>,
    /// Only drop a line that directly follows a line dropped by this rule.
    #[serde(default)]
    pub after: Option<String>,
}

/// `english.yaml`: closed word classes the extractor uses to find phrase edges.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnglishFile {
    /// Words that open a noun phrase ("the", "his", "several").
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Personal pronouns by what they can refer to.
    #[serde(default)]
    #[schemars(schema_with = "keyed_by::<PronounClass>")]
    pub pronouns: BTreeMap<PronounClass, Vec<String>>,
    /// Prepositions ("of", "in", "after").
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Conjunctions ("and", "but", "or").
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// Words that open a subordinate clause ("that", "whether", "if").
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Relative pronouns that open a clause about a noun ("who", "which").
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Verbs that are never part of a name or a source phrase ("is", "has", "will").
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Common verbs, used to tell where a noun phrase ends.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Words that mark time ("Monday", "yesterday", "earlier"), skipped between cue and content.
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Sentence adverbs that are never part of a name ("Meanwhile", "However").
    #[serde(default)]
    pub adverbs: Vec<String>,
    /// Lowercase particles inside names ("de" in "Piet de Vries").
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Honorifics before names ("Mr", "Sen.", "President").
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Modifiers that make the cue-like word after them a noun ("her own plans").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Endings of such modifiers ("-al": "electoral votes", "-ive": "expansive plans").
    #[serde(default)]
    pub adjective_endings: Vec<String>,
    /// Nouns of several words whose first is also a verb ("think tank"): read as one
    /// noun, never as a cue.
    #[serde(default)]
    pub compound_nouns: Vec<String>,
    /// Words too common to count when comparing what two statements are about.
    #[serde(default)]
    pub stopwords: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PronounClass {
    /// "he", "him": a man.
    Male,
    /// "she", "her": a woman.
    Female,
    /// "they", "them": a group or an organisation.
    Plural,
    /// "it": an organisation or a document.
    Neuter,
    /// "I", "we": the speaker of a quote.
    Speaker,
}

/// `linking.yaml`: how statements are matched to the claims they address.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkingFile {
    /// Groups of words that count as the same when comparing content.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Nouns that refer back to an earlier claim ("the announcement", "the report").
    #[serde(default)]
    pub references: Vec<String>,
    /// Phrases that place a statement before the story ("last summer", "in 2016").
    #[serde(default)]
    pub background: Vec<String>,
    /// Words so common in news that sharing them says little about a shared topic
    /// ("report", "video", "people"); they weigh `weak_weight` instead of 1.
    #[serde(default)]
    pub weak_words: Vec<String>,
    /// Words that open a clause or phrase inside a claim ("that", "who", "with"): a
    /// negation after one of them negates that part, not the claim.
    #[serde(default)]
    pub clause_words: Vec<String>,
    /// Cue lemmas that make a given claim a report of what someone says
    /// ("Nigeria says ...", "... claims").
    #[serde(default)]
    pub source_cues: Vec<String>,
    #[serde(default)]
    pub thresholds: Thresholds,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Share of a claim's key terms a statement must repeat to be about the same claim.
    #[serde(default = "default_same_claim")]
    pub same_claim: f64,
    /// Share of a claim's key terms a response must mention to address it.
    #[serde(default = "default_addresses")]
    pub addresses: f64,
    /// Share of a given claim's key terms a document must mention to be related at all.
    #[serde(default = "default_related")]
    pub related: f64,
    /// Share of a given claim's key terms a sentence in the lead must mention to
    /// address it (elsewhere: `addresses`).
    #[serde(default = "default_lead_addresses")]
    pub lead_addresses: f64,
    /// Body sentences after the headline that count as the lead.
    #[serde(default = "default_lead_sentences")]
    pub lead_sentences: usize,
    /// Share of a claim a text mentions by chance, per distinct content word of the
    /// text: subtracted from the whole text's share.
    #[serde(default)]
    pub chance_per_word: f64,
    /// Words of a text that cost nothing: in a headline, a shared word is no chance.
    #[serde(default)]
    pub chance_free_words: usize,
    /// The most a text's length can take off its share.
    #[serde(default = "default_chance_max")]
    pub chance_max: f64,
    /// Weight of the share the lead mentions (0 to ignore the lead).
    #[serde(default = "default_one")]
    pub lead_weight: f64,
    /// Weight of the share the best single sentence mentions.
    #[serde(default = "default_one")]
    pub sentence_weight: f64,
    /// Weight of a weak word (`weak_words`); other words weigh 1, names 2.
    #[serde(default = "default_weak_weight")]
    pub weak_weight: f64,
}

fn default_lead_addresses() -> f64 {
    0.25
}

fn default_chance_max() -> f64 {
    0.5
}

fn default_weak_weight() -> f64 {
    0.25
}

fn default_lead_sentences() -> usize {
    3
}

fn default_one() -> f64 {
    1.0
}

fn default_same_claim() -> f64 {
    0.5
}
fn default_addresses() -> f64 {
    0.34
}
fn default_related() -> f64 {
    0.3
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            same_claim: default_same_claim(),
            addresses: default_addresses(),
            related: default_related(),
            lead_sentences: default_lead_sentences(),
            lead_addresses: default_lead_addresses(),
            chance_per_word: 0.0,
            chance_max: default_chance_max(),
            chance_free_words: 0,
            lead_weight: default_one(),
            sentence_weight: default_one(),
            weak_weight: default_weak_weight(),
        }
    }
}

/// `labels.yaml`: the rules that give each claim its label.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelsFile {
    /// Named conditions that rules refer to with `ref: id`.
    #[serde(default)]
    pub conditions: Vec<NamedCondition>,
    #[serde(default)]
    pub rules: Vec<LabelRule>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedCondition {
    /// The name rules use to refer to this condition (`ref: id`).
    pub id: String,
    /// What the condition means, for the reader.
    #[serde(default)]
    pub description: Option<String>,
    /// The condition itself.
    pub when: Condition,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelRule {
    /// Names the rule in reports, explanations, tests and overrides.
    pub id: String,
    /// The label a claim gets when this rule decides.
    pub label: Label,
    /// Higher runs first; the first rule whose condition holds decides the label.
    pub priority: i32,
    /// What the rule means, for the reader.
    #[serde(default)]
    pub description: Option<String>,
    /// A web page that explains the rule (a style guide, a policy).
    #[serde(default)]
    pub url: Option<String>,
    /// Shown in reports; `{claimant}`, `{responder}`, `{cue}`, `{label}` are filled in.
    #[serde(default)]
    pub message: Option<String>,
    /// The condition under which the rule holds.
    pub when: Condition,
}

/// One condition over a claim and the statements about it. Write exactly one key.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Every condition in the list holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one condition in the list holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// The condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    /// A named condition from `conditions:`.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Some statement about the claim matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementMatch>,
    /// At least / at most so many statements match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<CountMatch>,
    /// A property of the claim itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimMatch>,
}

impl Condition {
    /// The keys this condition sets (a valid condition sets exactly one).
    pub fn keys(&self) -> Vec<&'static str> {
        let mut k = Vec::new();
        if self.all.is_some() {
            k.push("all");
        }
        if self.any.is_some() {
            k.push("any");
        }
        if self.not.is_some() {
            k.push("not");
        }
        if self.reference.is_some() {
            k.push("ref");
        }
        if self.statement.is_some() {
            k.push("statement");
        }
        if self.count.is_some() {
            k.push("count");
        }
        if self.claim.is_some() {
            k.push("claim");
        }
        k
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementMatch {
    /// The statement's stance class (from its cue; the outlet's own voice asserts).
    #[serde(default)]
    pub stance: Option<OneOrMany<Stance>>,
    /// Who makes it, relative to the claim.
    #[serde(default)]
    pub side: Option<OneOrMany<Side>>,
    /// How it is tied to the claim: it made it, says it again, or answers it.
    #[serde(default)]
    pub role: Option<OneOrMany<Role>>,
    /// The content negates what the claim says.
    #[serde(default)]
    pub negated: Option<bool>,
    /// The content calls the claim false ("hoax", "no evidence").
    #[serde(default)]
    pub refutes: Option<bool>,
    /// The statement hedges ("reportedly", "may", a question).
    #[serde(default)]
    pub hedged: Option<bool>,
    /// The content limits the claim ("no date", "not yet").
    #[serde(default)]
    pub qualifies: Option<bool>,
    /// The content vouches for the claim ("confirmed", "officially").
    #[serde(default)]
    pub vouches: Option<bool>,
    /// The statement is a question.
    #[serde(default)]
    pub question: Option<bool>,
    /// The statement is in the headline.
    #[serde(default)]
    pub headline: Option<bool>,
    /// The statement is in the lead: the headline or the first `lead_sentences`
    /// sentences of the body (`linking.yaml`).
    #[serde(default)]
    pub lead: Option<bool>,
    /// The speaker is who the claim is about ("Islam denies making $72 million").
    #[serde(default)]
    pub by_subject: Option<bool>,
    /// The cue's lemma is one of these.
    #[serde(default)]
    pub cue: Option<OneOrMany<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountMatch {
    /// The statements to count: those with all these fields.
    pub statement: StatementMatch,
    /// The condition holds when at least this many statements match.
    #[serde(default)]
    pub at_least: Option<usize>,
    /// The condition holds when at most this many statements match.
    #[serde(default)]
    pub at_most: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimMatch {
    /// The claim was given with `--claim` (or a batch line) rather than found in the text.
    #[serde(default)]
    pub given: Option<bool>,
    /// The documents are about the claim's topic at all.
    #[serde(default)]
    pub related: Option<bool>,
    /// The claim itself calls something false ("Banksy arrest is a hoax").
    #[serde(default)]
    pub refutes: Option<bool>,
    /// The claim itself hedges ("reportedly", "Report: ...", a question).
    #[serde(default)]
    pub hedged: Option<bool>,
    /// The claim itself is negative ("Banksy was not arrested").
    #[serde(default)]
    pub negated: Option<bool>,
    /// The claim names its own source ("Nigeria says ...", "Pope tells boy ...").
    #[serde(default)]
    pub attributed: Option<bool>,
}

/// Who makes a statement, relative to the claim it addresses.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The source that made the claim.
    Claimant,
    /// Someone who speaks for the claimant (or for whom the claimant speaks).
    Same,
    /// A named source on another side.
    Other,
    /// The publication's own voice, unattributed.
    Outlet,
    /// A source whose side is not known (anonymous, unresolved).
    Unknown,
}

/// How a statement is tied to the claim it is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The statement that made the claim.
    Origin,
    /// Says the same thing again.
    Restates,
    /// Answers it: confirms, denies, qualifies.
    Responds,
    /// Reported inside another statement about the claim; shown, not counted.
    Nested,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Origin => "origin",
            Role::Restates => "restates",
            Role::Responds => "responds",
            Role::Nested => "nested",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: PartialEq> OneOrMany<T> {
    pub fn contains(&self, x: &T) -> bool {
        match self {
            OneOrMany::One(v) => v == x,
            OneOrMany::Many(vs) => vs.contains(x),
        }
    }
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(v) => std::slice::from_ref(v),
            OneOrMany::Many(vs) => vs,
        }
    }
}

/// The schema of a map from `K` (stance, pronoun class) to words: its keys are `K`s.
fn keyed_by<K: JsonSchema>(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let key = generator.subschema_for::<K>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": key,
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    })
}
