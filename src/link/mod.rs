//! Stage 5, linking: which statements address which claim. Without a given claim,
//! claims come from the text: the first assertion of each proposition is a claim,
//! later assertions of the same content restate it, and confirmations, denials and
//! caveats respond to the claim they name (explicitly, "the Kremlin's announcement",
//! or by shared content). With a given claim, every statement is scored against it.
//! Each link records why it was made. The output is plain data for the rules stage.

mod signals;
mod terms;

pub use signals::Signals;
pub use terms::{TermMaker, Terms};

use std::ops::Range;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::extract::Attribution;
use crate::graph::{Edge, Story, StoryGraph};
use crate::model::{Span, Stance};
use crate::pack::Pack;
use crate::pack::raw::{EntityKind, Side};
use crate::rules::{ClaimFacts, StatementFacts};
use crate::text::Parsed;

pub use crate::pack::raw::Role;

/// A statement tied to a claim, with the facts the rules see and the evidence behind them.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedStatement {
    pub doc: usize,
    /// Index into the document's attributions; `None` for the outlet's own voice.
    pub attribution: Option<usize>,
    pub sentence: usize,
    /// The speaking entity; `None` for the outlet's own voice.
    pub entity: Option<usize>,
    pub role: Role,
    /// Why this statement is tied to the claim.
    pub reason: String,
    /// Share of the claim's terms the statement mentions.
    pub score: f32,
    pub facts: StatementFacts,
    /// Token ranges behind each fact that a word triggered (hedge, refutation...).
    #[serde(skip)]
    pub evidence: Vec<(&'static str, Range<usize>)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// The claim as stated: the origin's content, or the given text.
    pub text: String,
    /// Where the claim was first made, for claims found in the text.
    pub doc: Option<usize>,
    pub spans: Vec<Span>,
    pub given: bool,
    /// For a given claim: share of its terms the documents mention at all.
    pub relatedness: f32,
    /// For a given claim: how the relatedness score was made.
    #[serde(skip)]
    pub detail: Option<Relatedness>,
    pub related: bool,
    /// The claim's own wording refutes, hedges or negates (given claims).
    pub wording: Wording,
    /// The entity that made the claim.
    pub claimant: Option<usize>,
    pub statements: Vec<LinkedStatement>,
    #[serde(skip)]
    pub node: Option<NodeIndex>,
}

impl Claim {
    /// What the rules see: nested statements are shown but not counted.
    pub fn facts(&self) -> ClaimFacts {
        ClaimFacts {
            given: self.given,
            related: self.related,
            refutes: self.wording.refutes,
            hedged: self.wording.hedged,
            negated: self.wording.negated,
            attributed: self.wording.attributed,
            statements: self
                .statements
                .iter()
                .filter(|s| s.role != Role::Nested)
                .map(|s| s.facts.clone())
                .collect(),
        }
    }

    /// Maps an index into `facts().statements` back to `statements`.
    pub fn counted(&self) -> Vec<usize> {
        self.statements
            .iter()
            .enumerate()
            .filter(|(_, s)| s.role != Role::Nested)
            .map(|(i, _)| i)
            .collect()
    }
}

/// A statement before linking: one attribution or one sentence in the outlet's voice.
#[derive(Clone)]
struct Candidate {
    doc: usize,
    attribution: Option<usize>,
    sentence: usize,
    node: NodeIndex,
    entity: Option<usize>,
    stance: Stance,
    lemma: String,
    ranges: Vec<Range<usize>>,
    terms: Terms,
    positions: Vec<(u64, usize)>,
    signals: Signals,
    headline: bool,
    /// The document is one short line: a headline on its own (for given claims).
    headline_only: bool,
    /// A hedge in the source or cue ("Unconfirmed reports say"), for given claims.
    hedged_around: Option<Range<usize>>,
    /// In the headline or the first sentences of the body.
    lead: bool,
    parent: Option<usize>,
    /// Index of the candidate it sits inside (nested attributions).
    parent_candidate: Option<usize>,
    /// Content words that are not function words, references or stance words: how
    /// much the statement says of its own.
    substance: usize,
    /// Terms of the source phrase ("a Russian guy", "Pope Francis").
    source_terms: Terms,
    /// A question put to someone ("Asked about the share price, ...") or a refusal
    /// ("declined to comment further"): nothing said that could be checked, so it
    /// joins claims made elsewhere but makes none.
    no_claim: bool,
}

impl Candidate {
    fn is_response(&self) -> bool {
        matches!(
            self.stance,
            Stance::Confirms | Stance::Denies | Stance::Qualifies
        ) || self.signals.qualifies.is_some()
            || self.signals.refutes.is_some()
    }
}

/// A claim given with `--claim` (or a batch line), after the text stage.
pub struct Given {
    pub parsed: Parsed,
    pub attributions: Vec<Attribution>,
    /// What statements are checked against, and its terms.
    content: Vec<Range<usize>>,
    content_terms: Terms,
    /// The whole claim, its terms and where each term is.
    whole: Vec<Range<usize>>,
    whole_terms: Terms,
    whole_positions: Vec<(u64, usize)>,
}

impl Given {
    pub fn new(text: &str, pack: &Pack) -> Given {
        let parsed = crate::text::read(crate::text::Document::new("claim", text), pack);
        let attributions = crate::extract::extract(&parsed, pack);
        let mut given = Given {
            parsed,
            attributions,
            content: Vec::new(),
            content_terms: Terms::default(),
            whole: Vec::new(),
            whole_terms: Terms::default(),
            whole_positions: Vec::new(),
        };
        // The whole claim ("X says Y", a headline with a kicker) tells what it is
        // about; its content Y is what the statements are checked against, unless the
        // content is only a small part of it ("Rumours are 'fabricated'").
        let mut maker = TermMaker::new(pack);
        given.whole = given
            .parsed
            .sentences
            .iter()
            .map(|s| s.tokens.clone())
            .collect();
        given.whole_terms = maker.terms(
            &given.parsed,
            &given.whole,
            Some(&mut given.whole_positions),
        );
        given.content = given.content();
        given.content_terms = maker.terms(&given.parsed, &given.content, None);
        if given.content_terms.total() < 0.5 * given.whole_terms.total() {
            given.content = given.whole.clone();
            given.content_terms = given.whole_terms.clone();
        }
        given
    }

    /// The part of the claim that is its content: "the Kremlin says X" -> X.
    fn content(&self) -> Vec<Range<usize>> {
        match self.attributions.iter().find(|a| a.parent.is_none()) {
            Some(a) => a.content.clone(),
            None => self
                .parsed
                .sentences
                .iter()
                .map(|s| s.tokens.clone())
                .collect(),
        }
    }
}

/// The terms of a whole document, and of its lead (headline and first sentences).
struct DocTerms {
    all: Terms,
    lead: Terms,
    /// Distinct content terms: the longer the text, the more a claim's words turn up
    /// in it by chance.
    words: usize,
}

/// What a given claim's own words do: "X is a hoax", "X reportedly ...", "X did not ...".
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Wording {
    pub refutes: bool,
    pub hedged: bool,
    pub negated: bool,
    pub attributed: bool,
}

/// How much of a given claim a story mentions, measured three ways.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Relatedness {
    /// Share of the claim's terms (by weight) found anywhere in the document.
    pub whole: f32,
    /// Share found in the headline and lead sentences.
    pub lead: f32,
    /// Share found in the single sentence that mentions most of it.
    pub best: f32,
    /// Distinct content terms of the document.
    pub words: usize,
    /// The combined score that is compared with the `related` threshold.
    pub score: f32,
}

/// The statements of a story, ready to be linked to any number of claims.
pub struct Prepared {
    candidates: Vec<Candidate>,
    /// Every sentence read whole, in the outlet's voice, whatever its attributions:
    /// used to tell whether a document addresses a claim at all, and where, and for
    /// a claim that is in the outlet's own words around a quote.
    sentences: Vec<Candidate>,
    /// Index of each document's first sentence in `sentences`.
    doc_first: Vec<usize>,
    docs: Vec<DocTerms>,
}

impl Prepared {
    pub fn new(story: &Story, graph: &StoryGraph, pack: &Pack) -> Prepared {
        let mut maker = TermMaker::new(pack);
        let lead_n = pack.linking.thresholds.lead_sentences;
        let mut sentences = Vec::new();
        let mut doc_first = Vec::new();
        let mut docs = Vec::new();
        for (d, p) in story.docs.iter().enumerate() {
            let mut all = Terms::default();
            let mut lead = Terms::default();
            let in_lead = lead_sentences(p, lead_n);
            let headline_only = headline_only(p);
            doc_first.push(sentences.len());
            for (si, &lead_sentence) in in_lead.iter().enumerate() {
                let node = graph.outlet_nodes[d];
                let c = outlet_candidate(
                    p,
                    d,
                    si,
                    node,
                    lead_sentence,
                    headline_only,
                    pack,
                    &mut maker,
                );
                all.items.extend_from_slice(&c.terms.items);
                if in_lead[si] {
                    lead.items.extend_from_slice(&c.terms.items);
                }
                sentences.push(c);
            }
            all.normalise();
            lead.normalise();
            docs.push(DocTerms {
                words: all.items.len(),
                all,
                lead,
            });
        }
        Prepared {
            candidates: candidates(story, graph, pack, &mut maker, &sentences, &doc_first),
            sentences,
            doc_first,
            docs,
        }
    }
}

/// Links a story's statements to a given claim without recording the links in the
/// story's graph (batch mode, where nothing draws the graph).
pub fn link_detached(story: &Story, prepared: &Prepared, given: &Given, pack: &Pack) -> Claim {
    link_given(story, None, given, prepared, pack)
}

/// Links a story's statements to the given claim, or finds its claims in the text.
pub fn link(
    story: &Story,
    graph: &mut StoryGraph,
    prepared: &Prepared,
    given: Option<&Given>,
    pack: &Pack,
) -> Vec<Claim> {
    match given {
        Some(g) => vec![link_given(story, Some(graph), g, prepared, pack)],
        None => link_story(story, graph, &prepared.candidates, pack),
    }
}

fn candidates(
    story: &Story,
    graph: &StoryGraph,
    pack: &Pack,
    maker: &mut TermMaker,
    sentences: &[Candidate],
    doc_first: &[usize],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (d, p) in story.docs.iter().enumerate() {
        let attrs = &story.attributions[d];
        let lead = lead_sentences(p, pack.linking.thresholds.lead_sentences);
        let headline_only = headline_only(p);
        let first = out.len();
        let mut items: Vec<(usize, Candidate)> = Vec::new();
        for (i, a) in attrs.iter().enumerate() {
            let mut positions = Vec::new();
            let terms = maker.terms(p, &a.content, Some(&mut positions));
            let mut signals = signals::scan(p, &a.content, pack);
            // "Unconfirmed reports say ...", "sources claim ...": a hedge in who speaks
            // or how (checked for given claims).
            let around: Vec<Range<usize>> =
                a.source.iter().cloned().chain([a.cue.clone()]).collect();
            let hedged_around = signals::scan(p, &around, pack).hedged;
            // When a statement was made is said outside its content: "Last summer he
            // said ...", "..., he said, in July". Inside the content it dates the news.
            signals.background = outside(p.sentences[a.sentence].tokens.clone(), &a.content)
                .iter()
                .find_map(|r| {
                    pack.linking
                        .background
                        .find_all(&p.tokens, r.start, r.end)
                        .into_iter()
                        .next()
                        .map(|(s, n, _)| s..s + n)
                });
            // A question headline or sentence hedges whatever it relays.
            signals.question |= p.sentences[a.sentence].span.end > 0
                && p.slice(p.sentences[a.sentence].span)
                    .trim_end_matches(['"', '\u{201D}', '\''])
                    .ends_with('?');
            let entity = story.sources.mention(d, i).map(|m| m.entity);
            let start = a.extent().start;
            let weight = substance(p, &a.content, &signals, pack);
            items.push((
                start,
                Candidate {
                    doc: d,
                    attribution: Some(i),
                    sentence: a.sentence,
                    node: graph.attribution_nodes[d][i],
                    entity,
                    stance: a.stance,
                    lemma: a
                        .lemma
                        .map(|l| pack.lemma(l).to_string())
                        .unwrap_or_default(),
                    ranges: a.content.clone(),
                    terms,
                    positions,
                    signals,
                    headline: p.sentences[a.sentence].headline,
                    headline_only,
                    hedged_around,
                    lead: lead[a.sentence],
                    parent: a.parent,
                    parent_candidate: None,
                    substance: weight,
                    source_terms: a
                        .source
                        .as_ref()
                        .map(|r| maker.terms(p, std::slice::from_ref(r), None))
                        .unwrap_or_default(),
                    no_claim: a.pattern == crate::extract::Pattern::Asked
                        || a.lemma.is_some_and(|l| pack.cues.needs_infinitive.has(l)),
                },
            ));
        }
        // Sentences in the outlet's voice were read whole already.
        for &(si, node) in &graph.outlet_assertions[d] {
            let mut c = sentences[doc_first[d] + si].clone();
            c.node = node;
            items.push((p.sentences[si].tokens.start, c));
        }
        // Text order within a document.
        items.sort_by_key(|(start, c)| (*start, c.attribution.is_none()));
        for (_, c) in items {
            out.push(c);
        }
        // Map attribution parents to candidate indices.
        let by_attr: Vec<(usize, usize)> = (first..out.len())
            .filter_map(|k| out[k].attribution.map(|a| (a, k)))
            .collect();
        for c in out.iter_mut().skip(first) {
            if let Some(parent) = c.parent {
                c.parent_candidate = by_attr.iter().find(|(a, _)| *a == parent).map(|(_, k)| *k);
            }
        }
    }
    out
}

/// A whole sentence as a statement in the outlet's own voice.
#[allow(clippy::too_many_arguments)]
fn outlet_candidate(
    p: &Parsed,
    d: usize,
    si: usize,
    node: NodeIndex,
    lead: bool,
    headline_only: bool,
    pack: &Pack,
    maker: &mut TermMaker,
) -> Candidate {
    let s = &p.sentences[si];
    let ranges = vec![s.tokens.clone()];
    let mut positions = Vec::new();
    let terms = maker.terms(p, &ranges, Some(&mut positions));
    let signals = signals::scan(p, &ranges, pack);
    Candidate {
        doc: d,
        attribution: None,
        sentence: si,
        node,
        entity: None,
        stance: Stance::Asserts,
        lemma: String::new(),
        ranges,
        terms,
        positions,
        signals,
        headline: s.headline,
        headline_only,
        hedged_around: None,
        lead,
        parent: None,
        parent_candidate: None,
        substance: 0,
        source_terms: Terms::default(),
        no_claim: false,
    }
}

/// A question that names its alternatives: "Real or hoax?", "Is there a threat or not?".
fn open_question(p: &Parsed, si: usize) -> bool {
    let s = &p.sentences[si];
    s.tokens
        .clone()
        .any(|k| p.tokens[k].is_word() && p.token_text(k).eq_ignore_ascii_case("or"))
}

/// A text that is one short line ("Nun gives birth to surprise baby") is a headline
/// on its own, though no body follows it.
fn headline_only(p: &Parsed) -> bool {
    let kept = p.paragraphs.iter().filter(|x| x.junk.is_none()).count();
    let words = p.tokens.iter().filter(|t| t.is_word()).count();
    kept == 1 && p.sentences.len() <= 2 && words <= 40
}

/// For each sentence: is it in the lead (the headline, or one of the first `n`
/// sentences after it)?
fn lead_sentences(p: &Parsed, n: usize) -> Vec<bool> {
    let mut body = 0;
    p.sentences
        .iter()
        .map(|s| {
            if s.headline {
                true
            } else {
                body += 1;
                body <= n
            }
        })
        .collect()
}

/// The parts of `whole` that none of `ranges` covers.
fn outside(whole: Range<usize>, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = whole.start;
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|r| r.start);
    for r in sorted {
        if r.start > start {
            out.push(start..r.start.min(whole.end));
        }
        start = start.max(r.end);
    }
    if start < whole.end {
        out.push(start..whole.end);
    }
    out
}

fn substance(p: &Parsed, ranges: &[Range<usize>], signals: &Signals, pack: &Pack) -> usize {
    use crate::pack::wf;
    let marked: Vec<&Range<usize>> = [
        &signals.refutes,
        &signals.hedged,
        &signals.qualifies,
        &signals.vouches,
    ]
    .into_iter()
    .flatten()
    .collect();
    ranges
        .iter()
        .flat_map(|r| r.clone())
        .filter(|&k| {
            let t = &p.tokens[k];
            t.is_word()
                && !pack.is(
                    t.word,
                    wf::STOP
                        | wf::PRON
                        | wf::DET
                        | wf::PREP
                        | wf::AUX
                        | wf::NEGATION
                        | wf::REFERENCE
                        | wf::CONJ,
                )
                && !marked.iter().any(|m| m.contains(&k))
        })
        .count()
}

/// Facts about one candidate relative to one claim.
/// A one-word hedge that is a form of a reporting cue of `source_cues` ("claims",
/// "said").
fn reporting_word(p: &Parsed, h: Range<usize>, pack: &Pack) -> bool {
    if h.len() != 1 {
        return false;
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let word = p.token_text(h.start).to_lowercase();
    let stem = stemmer.stem(&word);
    pack.linking
        .source_cues
        .iter()
        .any(|c| stemmer.stem(c) == stem)
}

/// The negation in a statement that bears on the claim: next to the words it shares
/// with the claim or, in a headline about a given claim, on its main clause ("This
/// cartoon is not by Banksy", "No, ESPN is not having an all-male panel").
fn negation(
    p: &Parsed,
    c: &Candidate,
    claim_terms: &Terms,
    given: bool,
    pack: &Pack,
) -> Option<Range<usize>> {
    let neg = signals::negation_of(p, &c.signals, &c.positions, claim_terms);
    if neg.is_some() || !given || !(c.headline || c.headline_only) {
        return neg;
    }
    c.signals
        .negations
        .iter()
        .find(|n| {
            let word = negation_word(p, n.start);
            // "No, ..." answers the claim; "no one", "no idea" do not.
            let no_comma = word == "no"
                && p.tokens
                    .get(n.end)
                    .is_some_and(|t| t.kind == crate::text::tokens::Kind::Comma);
            (matches!(word.as_str(), "not" | "n't" | "never") || no_comma)
                && !after_clause_word(p, n.start, &pack.linking.clause_words)
        })
        .cloned()
}

/// What a statement is compared with: the claim's terms and polarity, its claimant,
/// the entities it names, and whether it was given.
struct About<'a> {
    terms: &'a Terms,
    negated: bool,
    claimant: Option<usize>,
    entities: &'a [usize],
    given: bool,
    /// The given claim reports what someone says: a reporting word ("claims")
    /// in a statement repeats that, it does not hedge it.
    reports: bool,
}

fn facts(
    story: &Story,
    c: &Candidate,
    about: &About,
    role: Role,
    pack: &Pack,
) -> (StatementFacts, Vec<(&'static str, Range<usize>)>) {
    let About {
        terms: claim_terms,
        negated: claim_negated,
        claimant,
        entities: claim_text_entities,
        given,
        ..
    } = *about;
    let p = &story.docs[c.doc];
    let headline = c.headline || (given && c.headline_only);
    let mut hedge = c
        .signals
        .hedged
        .clone()
        .or(if given { c.hedged_around.clone() } else { None });
    if about.reports && headline && hedge.is_some() {
        // "Priest claims God is a woman" for the claim that a priest says so.
        let mut ranges = c.ranges.clone();
        ranges.extend(c.hedged_around.clone());
        hedge = signals::hedges(p, &ranges, pack)
            .into_iter()
            .find(|h| !reporting_word(p, h.clone(), pack));
    }
    // "Real or hoax?", "... or not?": a question that offers both answers weighs a
    // denial, it makes none ("Was it a hoax?" leans one way and keeps it).
    let open = c.signals.question && open_question(p, c.sentence);
    let mut neg = negation(p, c, claim_terms, given, pack).filter(|_| !open);
    // A claim found in the text: a statement negates it when their polarities differ.
    // A given claim that is itself negative ("X did not happen") is often restated
    // in positive words ("X will require nightly charging"), so only a negation of
    // a positive given claim counts; refutations speak for the rest.
    let negated = if given {
        neg.is_some() && !claim_negated
    } else {
        neg.is_some() != claim_negated
    };
    if given && !negated {
        neg = None;
    }
    let side = match c.entity {
        None if c.attribution.is_some() => Side::Unknown,
        None => Side::Outlet,
        Some(e) => match claimant {
            Some(cl) if cl == e => Side::Claimant,
            Some(cl) if story.sources.same_side(cl, e) => Side::Same,
            _ if story.sources.entities[e].kind == EntityKind::Anonymous
                && story.sources.entities[e].speaks_for.is_none() =>
            {
                Side::Unknown
            }
            _ => Side::Other,
        },
    };
    let by_subject = c.entity.is_some_and(|e| {
        claim_text_entities
            .iter()
            .any(|&x| story.sources.same_side(x, e) && x == e)
    }) || (given && c.source_terms.shares_key_term(claim_terms));
    let refutes = c.signals.refutes.clone().filter(|_| !open);
    let mut evidence = Vec::new();
    for (name, r) in [
        ("negation", neg.clone()),
        ("refutation", refutes.clone()),
        ("hedge", hedge.clone()),
        (
            "qualifier",
            c.signals.qualifies.clone().or(c.signals.contrast.clone()),
        ),
        ("vouches", c.signals.vouches.clone()),
    ] {
        if let Some(r) = r {
            evidence.push((name, r));
        }
    }
    let facts = StatementFacts {
        stance: c.stance,
        side,
        role,
        negated,
        refutes: refutes.is_some(),
        hedged: hedge.is_some() || c.signals.question,
        qualifies: c.signals.qualifies.is_some() || c.signals.contrast.is_some(),
        vouches: c.signals.vouches.is_some(),
        question: c.signals.question,
        headline,
        lead: c.lead,
        by_subject,
        cue: c.lemma.clone(),
    };
    (facts, evidence)
}

/// Entities of the alias table that a stretch of text names, as story entities.
fn named_entities(story: &Story, terms: &Terms) -> Vec<usize> {
    story
        .sources
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| terms.contains(entity_term(&e.id)))
        .map(|(i, _)| i)
        .collect()
}

fn entity_term(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    b'e'.hash(&mut h);
    id.hash(&mut h);
    h.finish()
}

fn claim_negated(
    p: &Parsed,
    ranges: &[Range<usize>],
    terms: &Terms,
    positions: &[(u64, usize)],
    pack: &Pack,
) -> bool {
    let s = signals::scan(p, ranges, pack);
    signals::negation_of(p, &s, positions, terms).is_some()
}

/// A negation of a claim's main clause: "not", "n't", "never" with no clause word
/// ("that", "who", "with", "without"...) before it. "A panel that didn't include
/// women" and "frustrated with not finding love" are positive claims.
fn main_clause_negation(p: &Parsed, n: Range<usize>, clause_words: &[String]) -> bool {
    matches!(negation_word(p, n.start).as_str(), "not" | "n't" | "never")
        && !after_clause_word(p, n.start, clause_words)
}

fn negation_word(p: &Parsed, k: usize) -> String {
    p.token_text(k).to_lowercase().replace('\u{2019}', "'")
}

/// A headline that names its source around a colon: "Iraqi media: ISIS fighters
/// have Ebola", "Apple to buy Path: sources". A few words on one side of the colon,
/// a sentence on the other.
fn colon_source(p: &Parsed) -> bool {
    let Some(s) = p.sentences.first() else {
        return false;
    };
    let toks = &p.tokens[s.tokens.clone()];
    let words = |ts: &[crate::text::tokens::Token]| ts.iter().filter(|t| t.is_word()).count();
    toks.iter().enumerate().any(|(i, t)| {
        if t.kind != crate::text::tokens::Kind::Colon {
            return false;
        }
        let (before, after) = (words(&toks[..i]), words(&toks[i + 1..]));
        ((1..=3).contains(&before) && after >= 3) || ((1..=2).contains(&after) && before >= 3)
    })
}

/// A clause word ("that", "who", "with") comes before token `at` in its sentence.
fn after_clause_word(p: &Parsed, at: usize, clause_words: &[String]) -> bool {
    let start = p.sentence_of(at).map_or(0, |s| p.sentences[s].tokens.start);
    (start..at).any(|k| {
        let w = p.token_text(k).to_lowercase();
        clause_words.contains(&w)
    })
}

/// How much of a claim the story mentions: in its best document, the share of the
/// claim's terms found anywhere, in the lead, and in the best single sentence.
fn relatedness(prepared: &Prepared, claim: &Terms, pack: &Pack) -> Relatedness {
    let t = &pack.linking.thresholds;
    let mut best = Relatedness::default();
    for (d, doc) in prepared.docs.iter().enumerate() {
        let sentence = prepared
            .sentences
            .iter()
            .skip(prepared.doc_first[d])
            .take_while(|s| s.doc == d)
            .map(|s| claim.covered_by(&s.terms))
            .fold(0.0, f32::max);
        let mut r = Relatedness {
            whole: claim.covered_by(&doc.all),
            lead: claim.covered_by(&doc.lead),
            best: sentence,
            words: doc.words,
            score: 0.0,
        };
        r.score = combined(&r, t);
        if r.score > best.score || d == 0 {
            best = r;
        }
    }
    best
}

/// The relatedness score: the share of the claim the whole text mentions, less what
/// a text of that length mentions by chance, or what its lead or best sentence
/// mentions, whichever is higher.
fn combined(r: &Relatedness, t: &crate::pack::raw::Thresholds) -> f32 {
    let counted = r.words.saturating_sub(t.chance_free_words) as f64;
    let chance = (t.chance_per_word * counted).min(t.chance_max) as f32;
    (r.whole - chance)
        .max(r.lead * t.lead_weight as f32)
        .max(r.best * t.sentence_weight as f32)
        .max(0.0)
}

fn link_given(
    story: &Story,
    mut graph: Option<&mut StoryGraph>,
    given: &Given,
    prepared: &Prepared,
    pack: &Pack,
) -> Claim {
    let candidates = &prepared.candidates[..];
    let t = &pack.linking.thresholds;
    let content = &given.content;
    let claim_terms = &given.content_terms;
    let whole_ranges = &given.whole;
    let whole_terms = &given.whole_terms;
    let whole_positions = &given.whole_positions;
    // A claim is negative when a negation bears on its main predicate; "with not
    // finding love", "for not paying" negate a phrase inside it, not the claim.
    let negated = {
        let p = &given.parsed;
        let mut s = signals::scan(p, whole_ranges, pack);
        s.negations
            .retain(|n| main_clause_negation(p, n.clone(), &pack.linking.clause_words));
        signals::negation_of(p, &s, whole_positions, whole_terms).is_some()
    };
    let wording = {
        let s = signals::scan(&given.parsed, whole_ranges, pack);
        Wording {
            refutes: s.refutes.is_some(),
            // "Evander Kane could be traded" hedges; "a sensor that would give a
            // more accurate heart rate" hedges a part of the claim only.
            hedged: s.question
                || signals::hedges(&given.parsed, whole_ranges, pack)
                    .into_iter()
                    .any(|h| {
                        !after_clause_word(&given.parsed, h.start, &pack.linking.clause_words)
                    }),
            negated,
            // "Nigeria says ...", "... claims", "according to ...": a claim that
            // reports what someone says. "Mass grave found ..." is not one.
            attributed: given.attributions.iter().any(|a| {
                a.parent.is_none()
                    && a.source.is_some()
                    && (matches!(a.stance, Stance::Reports | Stance::Hedges)
                        || a.pattern == crate::extract::Pattern::Colon
                        || a.lemma.is_some_and(|l| {
                            let l = pack.lemma(l);
                            pack.linking.source_cues.iter().any(|c| c == l)
                        }))
            }) || colon_source(&given.parsed),
        }
    };
    let text = content
        .iter()
        .map(|r| given.parsed.slice(given.parsed.span_of(r.clone())))
        .collect::<Vec<_>>()
        .join(" ");
    let node = graph.as_deref_mut().map(|g| g.add_given(&text));

    // Relatedness: how much of the claim the documents mention, in the best document.
    let detail = relatedness(prepared, whole_terms, pack);
    let relatedness = detail.score;
    let related = relatedness >= t.related as f32 && !claim_terms.is_empty();
    // Share of the claim each sentence mentions, whatever its attributions.
    let sentence_of = |doc: usize, sentence: usize| prepared.doc_first[doc] + sentence;
    // Share of the claim each sentence and each candidate mentions, once.
    let sentence_scores: Vec<f32> = if related {
        // A sentence may name the claim's own source ("Pope Francis did not say
        // ..."): its share of the whole claim counts too.
        prepared
            .sentences
            .iter()
            .map(|s| {
                claim_terms
                    .covered_by(&s.terms)
                    .max(whole_terms.covered_by(&s.terms))
            })
            .collect()
    } else {
        Vec::new()
    };
    let scores: Vec<f32> = if related {
        candidates
            .iter()
            .map(|c| claim_terms.covered_by(&c.terms))
            .collect()
    } else {
        Vec::new()
    };
    let sentence_score = |doc: usize, sentence: usize| sentence_scores[sentence_of(doc, sentence)];
    // Statements are candidates (index k) or whole sentences (candidates.len() + j).
    let all: Vec<&Candidate> = candidates.iter().chain(prepared.sentences.iter()).collect();

    // The claim's own source, if the given text has one ("the Kremlin says ...").
    let mut claimant: Option<usize> = None;
    let claim_entities = named_entities(story, claim_terms);
    let mut linked: Vec<(usize, Role, String, f32)> = Vec::new();
    if related {
        // Sentences where some source's own words address the claim: those are
        // read through their attributions, not in the outlet's voice.
        let content_linked: Vec<(usize, usize)> = candidates
            .iter()
            .zip(&scores)
            .filter(|(c, score)| {
                let score = **score;
                c.attribution.is_some()
                    && (score >= t.addresses as f32
                        || (c.signals.reference.is_some() && c.is_response() && score > 0.0))
            })
            .map(|(c, _)| (c.doc, c.sentence))
            .collect();
        for (k, c) in candidates.iter().enumerate() {
            let score = scores[k];
            let reference = c.signals.reference.is_some() && c.is_response();
            let in_sentence = sentence_score(c.doc, c.sentence);
            // In the lead of a text about the claim, less is needed: the lead is
            // where a text says what it is about ("The hoax was the work of ...").
            let lead_refutes = c.lead && c.signals.refutes.is_some();
            // A sentence links what it holds when no source's own words in it
            // address the claim (those are linked, and caveats beside them below).
            let sentence_links = (in_sentence >= t.addresses as f32
                || (c.lead && in_sentence >= t.lead_addresses as f32))
                && !content_linked.contains(&(c.doc, c.sentence));
            // The claim's words are mostly outside what the source says ("Man saved
            // from bear attack when ..."): the sentence, in the outlet's own voice,
            // is what addresses the claim.
            if c.attribution.is_some()
                && sentence_links
                && score < in_sentence / 2.0
                && !(reference && score > 0.0)
                && !lead_refutes
            {
                let j = candidates.len() + sentence_of(c.doc, c.sentence);
                if !linked.iter().any(|(x, ..)| *x == j) {
                    let s = all[j];
                    let role = if s.is_response() {
                        Role::Responds
                    } else {
                        Role::Restates
                    };
                    linked.push((
                        j,
                        role,
                        format!(
                            "its sentence mentions {:.0}% of the claim, mostly outside the quoted source's words",
                            in_sentence * 100.0
                        ),
                        in_sentence,
                    ));
                }
                continue;
            }
            if score >= t.addresses as f32
                || (reference && score > 0.0)
                || sentence_links
                || lead_refutes
            {
                let reason = if score >= t.addresses as f32 {
                    format!("mentions {:.0}% of the claim", score * 100.0)
                } else if reference && score > 0.0 {
                    "refers to the claim".to_string()
                } else if in_sentence >= t.addresses as f32 {
                    format!(
                        "its sentence mentions {:.0}% of the claim",
                        in_sentence * 100.0
                    )
                } else if c.lead && in_sentence >= t.lead_addresses as f32 {
                    format!(
                        "in the lead, mentions {:.0}% of the claim",
                        in_sentence * 100.0
                    )
                } else {
                    "calls something false in the lead of a text about the claim".to_string()
                };
                let role = if c
                    .parent_candidate
                    .is_some_and(|pc| linked.iter().any(|(x, ..)| *x == pc))
                    && !c.is_response()
                {
                    Role::Nested
                } else if c.is_response() {
                    Role::Responds
                } else {
                    Role::Restates
                };
                // The claimant is the first source that says the claim, not one
                // that says it is not so.
                if claimant.is_none()
                    && role == Role::Restates
                    && c.stance == Stance::Asserts
                    && c.signals.refutes.is_none()
                    && (negated
                        || negation(&story.docs[c.doc], c, whole_terms, true, pack).is_none())
                    && let Some(e) = c.entity
                {
                    claimant = Some(e);
                }
                linked.push((k, role, reason, score));
            }
        }
        // A caveat in the same sentence as a statement about the claim qualifies it:
        // "confirmed the invitation, noting that no date had been set".
        let about: Vec<(usize, usize)> = linked
            .iter()
            .map(|(k, ..)| (all[*k].doc, all[*k].sentence))
            .collect();
        for (k, c) in candidates.iter().enumerate() {
            let caveat = c.signals.qualifies.is_some() || c.stance == Stance::Qualifies;
            if caveat
                && c.attribution.is_some()
                && !linked.iter().any(|(x, ..)| *x == k)
                && about.contains(&(c.doc, c.sentence))
            {
                linked.push((
                    k,
                    Role::Responds,
                    "caveat in a statement about the claim".into(),
                    claim_terms.covered_by(&c.terms),
                ));
            }
        }
        // "Fake news report claims ...", "A bunch of people thought X but it was a
        // hoax": a refutation in the outlet's own words around a statement in the
        // lead is the outlet calling it false.
        let around: Vec<usize> = linked
            .iter()
            .filter(|(k, ..)| *k < candidates.len())
            .map(|(k, ..)| &candidates[*k])
            .filter(|c| c.attribution.is_some() && c.lead && c.signals.refutes.is_none())
            .map(|c| candidates.len() + sentence_of(c.doc, c.sentence))
            .collect();
        for j in around {
            let s = all[j];
            if s.signals.refutes.is_some() && !linked.iter().any(|(x, ..)| *x == j) {
                linked.push((
                    j,
                    Role::Responds,
                    "the outlet's own words around a statement about the claim call it false"
                        .into(),
                    sentence_scores[j - candidates.len()],
                ));
            }
        }
        // A related text whose headline is what it says about the claim, in words
        // too different to link ("No, that broken pencil illustration isn't by
        // Banksy"): the headline that mentions most of the claim speaks for it.
        if linked.is_empty() {
            let best = prepared
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.headline || s.headline_only)
                .map(|(j, _)| (j, sentence_scores[j]))
                .filter(|(_, score)| *score > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((j, score)) = best {
                let s = &prepared.sentences[j];
                let role = if s.is_response() {
                    Role::Responds
                } else {
                    Role::Restates
                };
                linked.push((
                    candidates.len() + j,
                    role,
                    format!(
                        "the headline, of a related text, mentions {:.0}% of the claim",
                        score * 100.0
                    ),
                    score,
                ));
            }
        }
        linked.sort_by_key(|(k, ..)| *k);
    }
    let statements = linked
        .into_iter()
        .map(|(k, role, reason, score)| {
            let c = all[k];
            let about = About {
                terms: whole_terms,
                negated,
                claimant,
                entities: &claim_entities,
                given: true,
                reports: wording.attributed,
            };
            let (facts, evidence) = facts(story, c, &about, role, pack);
            let edge = match role {
                Role::Responds => Edge::RespondsTo {
                    reason: reason.clone(),
                },
                _ => Edge::Restates {
                    reason: reason.clone(),
                },
            };
            if let (Some(g), Some(node)) = (graph.as_deref_mut(), node) {
                g.graph.add_edge(c.node, node, edge);
            }
            LinkedStatement {
                doc: c.doc,
                attribution: c.attribution,
                sentence: c.sentence,
                entity: c.entity,
                role,
                reason,
                score,
                facts,
                evidence,
            }
        })
        .collect();
    Claim {
        text,
        doc: None,
        spans: Vec::new(),
        given: true,
        relatedness,
        detail: Some(detail),
        related,
        wording,
        claimant,
        statements,
        node,
    }
}

struct Building {
    origin: usize,
    terms: Terms,
    negated: bool,
    members: Vec<(usize, Role, String, f32)>,
}

fn link_story(
    story: &Story,
    graph: &mut StoryGraph,
    candidates: &[Candidate],
    pack: &Pack,
) -> Vec<Claim> {
    let t = &pack.linking.thresholds;
    let mut claims: Vec<Building> = Vec::new();
    // Which claim each candidate went to.
    let mut placed: Vec<Option<usize>> = vec![None; candidates.len()];
    // A claim reported inside a response comes before the response that answers it:
    // "confirmed the union's announcement that the plant would close".
    let mut order: Vec<(usize, usize)> = (0..candidates.len())
        .map(|k| {
            let c = &candidates[k];
            match c.parent_candidate {
                Some(pc) if candidates[pc].is_response() && !c.is_response() => (pc * 2, k),
                _ => (k * 2 + 1, k),
            }
        })
        .collect();
    order.sort_unstable();
    for k in order.into_iter().map(|(_, k)| k) {
        let c = &candidates[k];
        let p = &story.docs[c.doc];
        let is_outlet = c.attribution.is_none();
        // Nested statements go with the statement they sit in.
        if let Some(pc) = c.parent_candidate
            && let Some(ci) = placed[pc]
            && !c.is_response()
        {
            claims[ci].members.push((
                k,
                Role::Nested,
                "reported inside another statement".into(),
                0.0,
            ));
            placed[k] = Some(ci);
            continue;
        }
        // Best match among claims made so far (not the one it sits inside).
        let ancestor = |ci: usize| {
            let mut cur = c.parent_candidate;
            // Bounded: nesting never loops, but a bound keeps that a local fact.
            for _ in 0..candidates.len() {
                let Some(x) = cur else { break };
                if claims[ci].origin == x {
                    return true;
                }
                cur = candidates[x].parent_candidate;
            }
            false
        };
        let best = (0..claims.len())
            .filter(|&ci| !ancestor(ci))
            .map(|ci| (ci, claims[ci].terms.covered_by(&c.terms)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let background = c.signals.background.is_some();

        if is_outlet {
            // The outlet's own sentences only ever restate or answer a claim.
            if let Some((ci, score)) = best {
                let strong = score >= t.same_claim as f32;
                let stance_words = c.signals.refutes.is_some() || c.signals.vouches.is_some();
                if strong || (stance_words && score >= t.addresses as f32) {
                    let role = if stance_words {
                        Role::Responds
                    } else {
                        Role::Restates
                    };
                    claims[ci].members.push((
                        k,
                        role,
                        format!("mentions {:.0}% of the claim", score * 100.0),
                        score,
                    ));
                    placed[k] = Some(ci);
                }
            }
            continue;
        }

        if c.is_response() && !background {
            // Explicit reference: "the Kremlin's announcement" -> a claim of that side.
            let referred = reference_target(story, c, candidates, &claims);
            let target = match (referred, best) {
                (Some(ci), _) => Some((
                    ci,
                    "refers to it by name".to_string(),
                    best.map_or(0.0, |b| b.1),
                )),
                (None, Some((ci, score))) if score >= t.addresses as f32 => Some((
                    ci,
                    format!("mentions {:.0}% of the claim", score * 100.0),
                    score,
                )),
                // A bare reference ("rejected the report", "the video was a hoax") or a
                // caveat with no claim of its own answers the story's lead claim.
                (None, _)
                    if !claims.is_empty()
                        && (c.signals.qualifies.is_some()
                            || c.stance == Stance::Qualifies
                            || c.substance <= 1) =>
                {
                    let why = if c.signals.reference.is_some() {
                        "refers back to the story's lead claim"
                    } else {
                        "caveat on the story's lead claim"
                    };
                    Some((0, why.to_string(), 0.0))
                }
                _ => None,
            };
            if let Some((ci, reason, score)) = target {
                claims[ci].members.push((k, Role::Responds, reason, score));
                placed[k] = Some(ci);
                continue;
            }
        } else if !background
            && let Some((ci, score)) = best
            && score >= t.same_claim as f32
        {
            claims[ci].members.push((
                k,
                Role::Restates,
                format!("says the same ({:.0}% of the claim)", score * 100.0),
                score,
            ));
            placed[k] = Some(ci);
            continue;
        }
        // A new claim; statements with no content words, questions and refusals are
        // not claims.
        if c.terms.is_empty() || c.no_claim {
            continue;
        }
        let negated = claim_negated(p, &c.ranges, &c.terms, &c.positions, pack);
        placed[k] = Some(claims.len());
        let why = if background {
            "made before the story (background)"
        } else {
            "first made here"
        };
        claims.push(Building {
            origin: k,
            terms: c.terms.clone(),
            negated,
            members: vec![(k, Role::Origin, why.into(), 1.0)],
        });
    }

    claims
        .into_iter()
        .map(|b| {
            let origin = &candidates[b.origin];
            let claimant = if matches!(
                origin.stance,
                Stance::Asserts | Stance::Hedges | Stance::Reports
            ) {
                origin.entity
            } else {
                None
            };
            let claim_entities = named_entities(story, &b.terms);
            let p = &story.docs[origin.doc];
            let node = origin.node;
            let statements: Vec<LinkedStatement> = b
                .members
                .into_iter()
                .map(|(k, role, reason, score)| {
                    let c = &candidates[k];
                    let about = About {
                        terms: &b.terms,
                        negated: b.negated,
                        claimant,
                        entities: &claim_entities,
                        given: false,
                        reports: false,
                    };
                    let (facts, evidence) = facts(story, c, &about, role, pack);
                    if k != b.origin {
                        let edge = match role {
                            Role::Responds => Some(Edge::RespondsTo {
                                reason: reason.clone(),
                            }),
                            Role::Restates => Some(Edge::Restates {
                                reason: reason.clone(),
                            }),
                            _ => None,
                        };
                        if let Some(edge) = edge {
                            graph.graph.add_edge(c.node, node, edge);
                        }
                    }
                    LinkedStatement {
                        doc: c.doc,
                        attribution: c.attribution,
                        sentence: c.sentence,
                        entity: c.entity,
                        role,
                        reason,
                        score,
                        facts,
                        evidence,
                    }
                })
                .collect();
            let spans: Vec<Span> = origin.ranges.iter().map(|r| p.span_of(r.clone())).collect();
            let text = spans
                .iter()
                .map(|s| p.slice(*s))
                .collect::<Vec<_>>()
                .join(" … ");
            Claim {
                text: clean_claim_text(&text),
                doc: Some(origin.doc),
                spans,
                given: false,
                relatedness: 1.0,
                detail: None,
                related: true,
                wording: Wording::default(),
                claimant,
                statements,
                node: Some(node),
            }
        })
        .collect()
}

/// "the Kremlin's announcement", "a statement from Moscow": the claim made by that side.
fn reference_target(
    story: &Story,
    c: &Candidate,
    candidates: &[Candidate],
    claims: &[Building],
) -> Option<usize> {
    c.signals.reference?;
    let named = named_entities(story, &c.terms);
    if named.is_empty() {
        return None;
    }
    claims.iter().position(|b| {
        candidates[b.origin]
            .entity
            .is_some_and(|e| named.iter().any(|&n| story.sources.same_side(n, e)))
    })
}

fn clean_claim_text(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches([',', ';', ':']).to_string()
}

#[cfg(test)]
mod tests;
