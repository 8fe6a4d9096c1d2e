//! The rule pack: YAML files under `rules/` (cue lexicon, stance words, sources, text
//! rules, English word classes, linking settings, label rules), parsed into serde
//! structs (`raw`) and compiled into the checked types the pipeline stages use.
//! The default pack is embedded in the binary; `--rules DIR` replaces it file by file.

pub mod diagnostic;
pub mod inflect;
pub mod lexicon;
pub mod manifest;
pub mod raw;
pub mod required;
pub mod schema;
pub mod validate;

mod compile;
mod lint;
mod load;
mod merge;

use rustc_hash::{FxHashMap, FxHashSet};

pub use compile::{
    Located, closest, compile, did_you_mean, edit_distance, parse_checked, parse_yaml,
    schema_of_kind, step as yaml_step, yaml_error,
};
pub use diagnostic::{
    Class, EXIT_IO, EXIT_SEMANTIC, EXIT_SYNTAX, RuleDiagnostic, RuleErrors, Severity,
};
pub use lexicon::{PhraseSet, Vocab, wf};
pub use load::{
    BUILTIN_TESTS, Base, FileKind, Folder, MAX_FILE_BYTES, Op, PackFile, PackSource, PackSources,
    SourceFile, TestSource, read_sources, read_tests, read_text,
};

use crate::model::Stance;
use crate::rules::RuleSet;
use crate::text::tokens::{Abbreviations, WordId};
use raw::{EntityKind, PhraseFrame, PronounClass, Thresholds};

/// A compiled rule pack, ready for the pipeline.
#[derive(Debug)]
pub struct Pack {
    /// Unique per compiled pack in this process (for caches keyed by pack).
    pub id: u64,
    pub vocab: Vocab,
    pub abbreviations: Abbreviations,
    pub junk: Vec<JunkRule>,
    /// Words and phrases before a headline colon that label the story ("Breaking:").
    pub headline_labels: PhraseSet<()>,
    /// Nouns of several words whose first is also a verb ("think tank").
    pub compound_nouns: PhraseSet<()>,
    /// Word endings of modifiers (`english.yaml`), lowercase.
    pub adjective_endings: Vec<Box<str>>,
    pub cues: Cues,
    pub stance: StanceWords,
    pub sources: SourceTable,
    pub pronouns: FxHashMap<WordId, PronounClass>,
    pub linking: Linking,
    pub rules: RuleSet,
    /// Where each file came from, for reports and `rules validate`.
    pub files: Vec<PackFile>,
    /// The packs this one stands on, bottom (the built-in pack) first, itself last.
    pub folders: Vec<Folder>,
    /// Problems that do not stop the pack from working (shown by `rules validate`).
    pub warnings: RuleErrors,
}

#[derive(Debug)]
pub struct JunkRule {
    pub id: String,
    pub pattern: JunkPattern,
    /// ASCII bytes every match of `pattern` holds: a line without them is no match,
    /// and needs no regex search.
    pub needs: Vec<u8>,
    pub max_words: Option<usize>,
    /// Index of the rule whose match must come just before.
    pub after: Option<usize>,
}

/// A junk rule's regular expression, compiled when first used: an input seldom needs
/// every rule (`credit-name` is tried only after a photo credit), and compiling them
/// all was most of start-up.
pub struct JunkPattern {
    source: String,
    /// Tests that rule out most texts without the regex, made on first use.
    checks: std::sync::OnceLock<Checks>,
    /// Compiled when a text first passes `checks`: most inputs never need some rules.
    re: std::sync::OnceLock<regex::Regex>,
}

/// What a junk pattern's matches must look like: the bytes they can begin with when
/// they are all anchored at the start (`required::first_bytes`), and how they end when
/// the pattern ends in a byte and a class up to `$` (`required::tail`).
struct Checks {
    first: Option<required::ByteSet>,
    tail: Option<required::Tail>,
    /// The tail's `head`, compiled when first needed.
    head: std::sync::OnceLock<Option<regex::Regex>>,
}

impl Checks {
    fn of(pattern: &str) -> Checks {
        Checks {
            first: required::first_bytes(pattern),
            tail: required::tail(pattern),
            head: std::sync::OnceLock::new(),
        }
    }

    /// `false` when `text` cannot match.
    fn pass(&self, text: &str) -> bool {
        // A text that begins with no byte a match can begin with is no match.
        if let (Some(first), Some(&b)) = (&self.first, text.as_bytes().first())
            && !first.has(b)
        {
            return false;
        }
        let Some(tail) = &self.tail else {
            return true;
        };
        let Some(upto) = tail.fit(text) else {
            return false;
        };
        // (A head that does not compile rules nothing out.)
        self.head
            .get_or_init(|| compile::cached_regex(&tail.head).ok())
            .as_ref()
            .is_none_or(|head| head.is_match(upto))
    }
}

impl JunkPattern {
    /// A pattern compiled already (and so checked).
    pub fn compiled(re: regex::Regex) -> JunkPattern {
        JunkPattern {
            source: re.as_str().to_string(),
            checks: Checks::of(re.as_str()).into(),
            re: re.into(),
        }
    }

    /// A pattern compiled on first use: only for those known to compile (the built-in
    /// pack's, which the tests compile).
    pub fn lazy(source: String) -> JunkPattern {
        JunkPattern {
            source,
            checks: std::sync::OnceLock::new(),
            re: std::sync::OnceLock::new(),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        if !self
            .checks
            .get_or_init(|| Checks::of(&self.source))
            .pass(text)
        {
            return false;
        }
        self.re
            .get_or_init(|| {
                compile::cached_regex(&self.source).expect("built-in junk patterns compile")
            })
            .is_match(text)
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }
}

/// As a compiled `regex::Regex` shows itself, compiled yet or not.
impl std::fmt::Debug for JunkPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Regex").field(&self.source).finish()
    }
}

/// Which inflected form a cue verb takes in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// say, deny: needs an auxiliary or a plural subject.
    Base,
    /// says, denied, told: a finite verb.
    Finite,
    /// saying, denying: a participle clause (", saying that ...").
    Ing,
}

#[derive(Debug, Clone, Copy)]
pub struct VerbCue {
    pub lemma: u32,
    pub stance: Stance,
    pub form: Form,
    pub hearer: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct PhraseCue {
    pub lemma: u32,
    pub stance: Stance,
    pub frame: PhraseFrame,
}

/// A noun and its preposition ("criticism of"): the stance, and the lemma (the phrase,
/// in `Cues::lemmas`).
#[derive(Debug, Clone, Copy)]
pub struct NounObject {
    pub lemma: u32,
    pub stance: Stance,
}

#[derive(Debug, Default)]
pub struct Cues {
    pub verbs: PhraseSet<VerbCue>,
    pub phrases: PhraseSet<PhraseCue>,
    /// Lemmas of verbs and phrases, indexed by `lemma`.
    pub lemmas: Vec<String>,
    pub nouns: FxHashMap<WordId, Stance>,
    pub light_verbs: PhraseSet<()>,
    /// Noun and preposition pairs whose owner speaks ("criticism of"), by the words.
    pub noun_objects: PhraseSet<NounObject>,
    /// Multi-word members of the verb group ("expected to"); single words carry `wf::VERB_GROUP`.
    pub verb_group: PhraseSet<()>,
    /// Raising verbs ("seem", "be expected"); the payload says whether a form of "be"
    /// must come before it.
    pub raising: PhraseSet<bool>,
    /// Per lemma (index as `lemmas`): a verb of thinking or wanting (`mental`).
    pub mental: LemmaMarks,
    /// Per lemma (index as `lemmas`): a verb whose content is a topic (`topic`).
    pub topic: LemmaMarks,
    /// Per lemma (index as `lemmas`): a cue only before an infinitive (`needs_infinitive`).
    pub needs_infinitive: LemmaMarks,
    /// Per lemma (index as `lemmas`): no cue after "to" (`no_infinitive`).
    pub no_infinitive: LemmaMarks,
    /// Per lemma (index as `lemmas`): a cue only with speech after it or a quote before
    /// it (`needs_speech`).
    pub needs_speech: LemmaMarks,
    /// Per lemma (index as `lemmas`): a participle that names an indefinite noun
    /// before it (`naming`).
    pub naming: LemmaMarks,
    /// Per lemma (index as `lemmas`): a passive that needs its agent (`needs_agent`).
    pub needs_agent: LemmaMarks,
    /// Per lemma (index as `lemmas`): a passive that is the subject's attitude
    /// (`stative_passive`).
    pub stative_passive: LemmaMarks,
    /// Per lemma (index as `lemmas`): a verb of speech that may precede its source
    /// (`inverting`).
    pub inverting: LemmaMarks,
    /// Words in a verb group that say others report it (`hearsay`).
    pub hearsay: PhraseSet<()>,
    /// Phrases that start with a cue word but are no cue (`not_cues`).
    pub not_cues: PhraseSet<()>,
    /// Nouns and prepositions for what a subject receives from a source (`received`).
    pub received: PhraseSet<()>,
}

/// Per lemma (index as `Cues::lemmas`): is it listed under a key such as `mental`?
#[derive(Debug, Default)]
pub struct LemmaMarks(pub Vec<bool>);

impl LemmaMarks {
    pub fn has(&self, lemma: u32) -> bool {
        self.0.get(lemma as usize) == Some(&true)
    }
}

#[derive(Debug, Default)]
pub struct StanceWords {
    pub negations: PhraseSet<()>,
    pub not_negations: PhraseSet<()>,
    pub refutations: PhraseSet<()>,
    pub hedges: PhraseSet<()>,
    pub qualifiers: PhraseSet<()>,
    pub contrasts: PhraseSet<()>,
    pub confirmations: PhraseSet<()>,
}

#[derive(Debug, Clone)]
pub struct EntitySpec {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub speaks_for: Option<usize>,
}

#[derive(Debug, Default)]
pub struct SourceTable {
    pub entities: Vec<EntitySpec>,
    pub aliases: PhraseSet<usize>,
    pub roles: PhraseSet<()>,
}

#[derive(Debug)]
pub struct Linking {
    /// Stem -> synonym group.
    pub synonyms: FxHashMap<String, u32>,
    /// Multi-word synonym entries ("islamic state").
    pub synonym_phrases: PhraseSet<u32>,
    /// Stems of words too common in news to say what a text is about.
    pub weak: rustc_hash::FxHashSet<String>,
    /// Lowercase words that open a clause inside a claim.
    pub clause_words: Vec<String>,
    /// Cue lemmas that make a given claim a report of what someone says.
    pub source_cues: Vec<String>,
    pub background: PhraseSet<()>,
    pub thresholds: Thresholds,
}

impl Pack {
    /// The default pack embedded in the binary. Its files are not checked again at
    /// every start: `rules validate` does that, and so do the tests.
    pub fn builtin() -> Result<Pack, RuleErrors> {
        compile::compile_builtin()
    }

    /// The pack in `dir`: without a `pack.yaml`, its files replace the default ones of
    /// the same name; with `extends:`, they are merged into the pack underneath.
    /// Every problem found is returned, not only the first.
    pub fn load(dir: &std::path::Path) -> Result<Pack, RuleErrors> {
        compile(read_sources(Some(dir)))
    }

    pub fn word_flags(&self, id: WordId) -> u32 {
        self.vocab.flags(id)
    }

    pub fn lemma(&self, id: u32) -> &str {
        self.cues.lemmas.get(id as usize).map_or("", |s| s)
    }

    pub fn is(&self, id: WordId, flags: u32) -> bool {
        self.vocab.has(id, flags)
    }

    /// The ids of every word in the pack that belongs to `flags`.
    pub fn words_with(&self, flags: u32) -> FxHashSet<WordId> {
        (0..self.vocab.len() as WordId)
            .filter(|&w| self.vocab.has(w, flags))
            .collect()
    }
}

/// The default pack, compiled once, for tests.
#[cfg(test)]
pub fn test_pack() -> &'static Pack {
    static PACK: std::sync::OnceLock<Pack> = std::sync::OnceLock::new();
    PACK.get_or_init(|| Pack::builtin().expect("default pack compiles"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in pack compiled without the rule-file checks is the one compiled with
    /// them, warnings (none) included: the checks find nothing to report or fix.
    #[test]
    fn trusted_builtin_is_the_checked_one() {
        let checked = compile(read_sources(None)).expect("default pack compiles");
        let mut trusted = Pack::builtin().expect("default pack compiles");
        assert_eq!(checked.warnings.items.len(), 0, "{:?}", checked.warnings);
        trusted.id = checked.id;
        assert_eq!(format!("{trusted:?}"), format!("{checked:?}"));
        // Its junk patterns, compiled on first use, do compile.
        for rule in &trusted.junk {
            let _ = rule.pattern.is_match("x");
        }
    }
}
