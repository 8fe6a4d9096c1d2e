//! From parsed rule files to a checked, compiled `Pack`. Every problem found is
//! collected (not only the first) and located at file:line:column.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;

use super::diagnostic::{Class, Positions, RuleDiagnostic, RuleErrors, Step};
use super::inflect::verb_forms;
use super::lexicon::{PhraseSet, Vocab, wf};
use super::load::{FileKind, PackFile};
use super::raw::{
    CuesFile, EnglishFile, LabelsFile, LinkingFile, SourcesFile, StanceFile, TextFile,
};
use super::{
    Cues, EntitySpec, Form, JunkRule, Linking, Pack, PhraseCue, SourceTable, StanceWords, VerbCue,
};
use crate::model::Stance;
use crate::text::tokens::{Abbreviations, WordId, tokenize};

/// Locates paths inside one file for diagnostics; positions are read only when needed.
pub struct Located<'a> {
    pub file: &'a PackFile,
    positions: OnceLock<Positions>,
}

impl<'a> Located<'a> {
    pub fn new(file: &'a PackFile) -> Self {
        Located {
            file,
            positions: OnceLock::new(),
        }
    }

    fn positions(&self) -> &Positions {
        self.positions
            .get_or_init(|| Positions::read(&self.file.text))
    }

    /// A diagnostic at the key (or list item) `path`, or at the file's start.
    pub fn at_key(
        &self,
        path: &[Step],
        class: Class,
        code: &'static str,
        message: impl Into<String>,
    ) -> RuleDiagnostic {
        let d = RuleDiagnostic::new(class, code, &self.file.name, message);
        match self.positions().key(path) {
            Some((line, col)) => d.at_line_col(&self.file.text, line, col),
            None => d.at_line_col(&self.file.text, 1, 1),
        }
    }

    /// A diagnostic at the value of `path`.
    pub fn at_value(
        &self,
        path: &[Step],
        class: Class,
        code: &'static str,
        message: impl Into<String>,
    ) -> RuleDiagnostic {
        let d = RuleDiagnostic::new(class, code, &self.file.name, message);
        match self
            .positions()
            .value(path)
            .or_else(|| self.positions().key(path))
        {
            Some((line, col)) => d.at_line_col(&self.file.text, line, col),
            None => d.at_line_col(&self.file.text, 1, 1),
        }
    }

    pub fn key_paths(&self) -> Vec<(Vec<Step>, (usize, usize))> {
        self.positions()
            .paths()
            .map(|(p, m)| (p.to_vec(), m))
            .collect()
    }
}

/// Short path builder: `path!["rules", 3, "when"]`.
#[macro_export]
macro_rules! yaml_path {
    ($($x:expr),* $(,)?) => {{
        let p: Vec<$crate::pack::diagnostic::Step> = vec![$($crate::pack::yaml_step($x)),*];
        p
    }};
}

pub trait IntoStep {
    fn into_step(self) -> Step;
}
impl IntoStep for &str {
    fn into_step(self) -> Step {
        Step::Key(self.to_string())
    }
}
impl IntoStep for usize {
    fn into_step(self) -> Step {
        Step::Index(self)
    }
}

/// Parses one file into its serde type, turning a failure into a located diagnostic.
pub fn parse<T: DeserializeOwned + Default>(file: &PackFile, errors: &mut RuleErrors) -> T {
    if file.text.trim().is_empty()
        || file
            .text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return T::default();
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(yaml_error(file, &e));
            T::default()
        }
    }
}

/// A serde_yaml error as a diagnostic, with a "did you mean" where one fits.
pub fn yaml_error(file: &PackFile, e: &serde_yaml::Error) -> RuleDiagnostic {
    let raw = e.to_string();
    let message = strip_location(&raw);
    // serde_yaml puts the path first: "rules[0]: unknown field `lable`, ...".
    let bare = message
        .split_once(": ")
        .filter(|(p, _)| !p.contains(' '))
        .map_or(message.as_str(), |(_, m)| m);
    let code = if bare.starts_with("unknown field") {
        "unknown-field"
    } else if bare.starts_with("unknown variant") {
        "unknown-value"
    } else if bare.starts_with("missing field") {
        "missing-field"
    } else if bare.contains("recursion limit") || bare.contains("repetition limit") {
        "too-deep"
    } else if bare.starts_with("invalid type") {
        "wrong-type"
    } else {
        "syntax"
    };
    let mut d = RuleDiagnostic::new(Class::Syntax, code, &file.name, message.clone());
    if let Some(help) = did_you_mean(&message) {
        d = d.help(help);
    } else if code == "too-deep" {
        d = d.help(
            "rule files are small, plain documents: remove the anchors/aliases or the deep nesting",
        );
    } else if code == "missing-field" {
        d = d.help("add the field; `crosscheck rules schema` lists what each kind of entry needs");
    }
    match e.location() {
        Some(loc) => d.at_line_col(&file.text, loc.line(), loc.column()),
        None => d.at_line_col(&file.text, 1, 1),
    }
}

fn strip_location(msg: &str) -> String {
    let re = regex_lite_location();
    re.replace(msg, "").trim().to_string()
}

fn regex_lite_location() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"\s+at line \d+ column \d+$").expect("valid regex"))
}

/// "unknown field `lable`, expected one of `id`, `label`" -> "did you mean `label`?"
pub fn did_you_mean(message: &str) -> Option<String> {
    let mut quoted = message.split('`').skip(1).step_by(2);
    let wrong = quoted.next()?;
    let candidates: Vec<&str> = quoted.collect();
    if candidates.is_empty() {
        return None;
    }
    let best = closest(wrong, candidates.iter().copied())?;
    Some(format!("did you mean `{best}`?"))
}

/// The candidate closest to `word` by edit distance, if close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

struct Builder {
    vocab: Vocab,
    abbr: Abbreviations,
}

impl Builder {
    /// Word ids of a phrase, tokenized exactly as text is.
    fn phrase(&mut self, text: &str) -> Vec<WordId> {
        let vocab = &mut self.vocab;
        tokenize(text, &self.abbr, |w| vocab.intern(w))
            .iter()
            .map(|t| t.word)
            .collect()
    }

    fn flag_words(&mut self, words: &[String], f: u32) {
        for w in words {
            for id in self.phrase(w) {
                self.vocab.add_flag(id, f);
            }
        }
    }

    fn phrase_set(&mut self, words: &[String]) -> PhraseSet<()> {
        let mut set = PhraseSet::default();
        for w in words {
            let ids = self.phrase(w);
            set.insert(ids, ());
        }
        set
    }
}

/// Compiles the files of a pack; collects every problem before giving up.
pub fn compile(files: Vec<PackFile>) -> Result<Pack, RuleErrors> {
    let mut errors = RuleErrors::default();
    let file = |k: FileKind| {
        files
            .iter()
            .find(|f| f.kind == k)
            .expect("read_pack gives every kind")
    };

    let cues: CuesFile = parse(file(FileKind::Cues), &mut errors);
    let stance: StanceFile = parse(file(FileKind::Stance), &mut errors);
    let sources: SourcesFile = parse(file(FileKind::Sources), &mut errors);
    let text: TextFile = parse(file(FileKind::Text), &mut errors);
    let english: EnglishFile = parse(file(FileKind::English), &mut errors);
    let linking: LinkingFile = parse(file(FileKind::Linking), &mut errors);
    let labels: LabelsFile = parse(file(FileKind::Labels), &mut errors);

    let mut abbr = Abbreviations::default();
    abbr.titles.extend(
        text.titles
            .iter()
            .map(|s| s.to_lowercase().trim_end_matches('.').to_string()),
    );
    abbr.other.extend(
        text.abbreviations
            .iter()
            .map(|s| s.to_lowercase().trim_end_matches('.').to_string()),
    );
    let mut b = Builder {
        vocab: Vocab::default(),
        abbr,
    };

    // English word classes.
    b.flag_words(&english.determiners, wf::DET);
    b.flag_words(&english.prepositions, wf::PREP);
    b.flag_words(&english.conjunctions, wf::CONJ);
    b.flag_words(&english.complementizers, wf::COMP);
    b.flag_words(&english.relatives, wf::REL);
    b.flag_words(&english.auxiliaries, wf::AUX);
    b.flag_words(&english.verbs, wf::VERB);
    b.flag_words(&english.time_words, wf::TIME);
    b.flag_words(&english.honorifics, wf::HONORIFIC);
    b.flag_words(&english.adverbs, wf::ADVERB);
    b.flag_words(&english.name_particles, wf::NAME_PARTICLE);
    b.flag_words(&text.titles, wf::TITLE_WORD);
    b.flag_words(&text.headline_labels, wf::HEADLINE_LABEL);
    b.flag_words(&english.stopwords, wf::STOP);
    let mut pronouns = FxHashMap::default();
    for (class, words) in &english.pronouns {
        for w in words {
            for id in b.phrase(w) {
                b.vocab.add_flag(id, wf::PRON);
                pronouns.insert(id, *class);
            }
        }
    }

    // Cues.
    let located_cues = Located::new(file(FileKind::Cues));
    let compiled_cues = compile_cues(&mut b, &cues, &located_cues, &mut errors);

    // Stance words.
    b.flag_words(
        &stance
            .negations
            .iter()
            .filter(|w| !w.contains(' '))
            .cloned()
            .collect::<Vec<_>>(),
        wf::NEGATION,
    );
    let stance_words = StanceWords {
        negations: b.phrase_set(&stance.negations),
        not_negations: b.phrase_set(&stance.not_negations),
        refutations: b.phrase_set(&stance.refutations),
        hedges: b.phrase_set(&stance.hedges),
        qualifiers: b.phrase_set(&stance.qualifiers),
        contrasts: b.phrase_set(&stance.contrasts),
        confirmations: b.phrase_set(&stance.confirmations),
    };

    // Sources.
    let located_sources = Located::new(file(FileKind::Sources));
    let table = compile_sources(&mut b, &sources, &located_sources, &mut errors);
    b.flag_words(&sources.anonymous, wf::ANONYMOUS);
    b.flag_words(&sources.first_names.female, wf::FEMALE);
    b.flag_words(&sources.first_names.male, wf::MALE);

    // Linking.
    b.flag_words(&linking.references, wf::REFERENCE);
    let linking_compiled = compile_linking(
        &mut b,
        &linking,
        &Located::new(file(FileKind::Linking)),
        &mut errors,
    );

    // Junk rules.
    let junk = compile_junk(&text, &Located::new(file(FileKind::Text)), &mut errors);

    // Label rules.
    let located_labels = Located::new(file(FileKind::Labels));
    let rules = crate::rules::compile(&labels, &located_labels, &mut errors);

    errors.sort();
    if errors.has_errors() {
        return Err(errors);
    }
    let Builder { vocab, abbr } = b;
    Ok(Pack {
        vocab,
        abbreviations: abbr,
        junk,
        cues: compiled_cues,
        stance: stance_words,
        sources: table,
        pronouns,
        linking: linking_compiled,
        rules,
        files,
        warnings: errors,
    })
}

fn compile_cues(b: &mut Builder, cues: &CuesFile, at: &Located, errors: &mut RuleErrors) -> Cues {
    let mut out = Cues::default();
    let hearer: Vec<String> = cues.hearer.iter().map(|s| s.to_lowercase()).collect();
    let mut seen: FxHashMap<String, Stance> = FxHashMap::default();
    for (stance, lemmas) in &cues.verbs {
        for (i, lemma) in lemmas.iter().enumerate() {
            let lemma_lc = lemma.trim().to_lowercase();
            if let Some(prev) = seen.insert(lemma_lc.clone(), *stance) {
                errors.push(
                    at.at_key(
                        &crate::yaml_path!["verbs", stance.as_str(), i],
                        Class::Semantic,
                        "duplicate-cue",
                        format!("`{lemma}` is listed twice (also under `{prev}`)"),
                    )
                    .help("keep one entry: a cue has one stance")
                    .warning(),
                );
            }
            let lemma_id = out.lemmas.len() as u32;
            out.lemmas.push(lemma_lc.clone());
            let irregular = cues.irregular.get(&lemma_lc).cloned().unwrap_or_default();
            let is_hearer = hearer.contains(&lemma_lc);
            for form_text in verb_forms(&lemma_lc, &irregular) {
                let head = form_text.split(' ').next().unwrap_or("");
                let form = if head.ends_with("ing") && !lemma_lc.starts_with(head) {
                    Form::Ing
                } else if form_text == lemma_lc {
                    Form::Base
                } else {
                    Form::Finite
                };
                let ids = b.phrase(&form_text);
                if let Some(&first) = ids.first() {
                    b.vocab.add_flag(first, wf::CUE_VERB);
                }
                out.verbs.insert(
                    ids,
                    VerbCue {
                        lemma: lemma_id,
                        stance: *stance,
                        form,
                        hearer: is_hearer,
                    },
                );
            }
        }
    }
    for lemma in cues.irregular.keys() {
        if !seen.contains_key(&lemma.to_lowercase()) {
            errors.push(
                at.at_key(
                    &crate::yaml_path!["irregular", lemma.as_str()],
                    Class::Semantic,
                    "unused-entry",
                    format!("irregular forms for `{lemma}`, which is not listed under `verbs`"),
                )
                .help("add the lemma under a stance in `verbs`, or remove this entry")
                .warning(),
            );
        }
    }
    for (i, h) in cues.hearer.iter().enumerate() {
        if !seen.contains_key(&h.to_lowercase()) {
            errors.push(
                at.at_key(
                    &crate::yaml_path!["hearer", i],
                    Class::Semantic,
                    "unused-entry",
                    format!(
                        "`{h}` is not a cue verb, so marking it as taking a hearer has no effect"
                    ),
                )
                .help("add it under a stance in `verbs` first")
                .warning(),
            );
        }
    }
    for p in &cues.phrases {
        let lemma_id = out.lemmas.len() as u32;
        out.lemmas.push(p.text.to_lowercase());
        let ids = b.phrase(&p.text);
        out.phrases.insert(
            ids,
            PhraseCue {
                lemma: lemma_id,
                stance: p.stance,
                frame: p.frame,
            },
        );
    }
    for (stance, nouns) in &cues.nouns {
        for n in nouns {
            for id in b.phrase(n) {
                b.vocab.add_flag(id, wf::CUE_NOUN);
                out.nouns.insert(id, *stance);
            }
        }
    }
    for lv in &cues.light_verbs {
        for form in verb_forms(&lv.to_lowercase(), &[]) {
            let ids = b.phrase(&form);
            if let Some(&first) = ids.first() {
                b.vocab.add_flag(first, wf::LIGHT_VERB);
            }
            out.light_verbs.insert(ids, ());
        }
    }
    for (i, w) in cues.verb_group.iter().enumerate() {
        let ids = b.phrase(w);
        if ids.is_empty() {
            errors.push(at.at_key(
                &crate::yaml_path!["verb_group", i],
                Class::Semantic,
                "empty-entry",
                "empty entry",
            ));
            continue;
        }
        if ids.len() == 1 {
            b.vocab.add_flag(ids[0], wf::VERB_GROUP);
        } else {
            out.verb_group.insert(ids, ());
        }
    }
    out
}

fn compile_sources(
    b: &mut Builder,
    sources: &SourcesFile,
    at: &Located,
    errors: &mut RuleErrors,
) -> SourceTable {
    let mut table = SourceTable::default();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, e) in sources.entities.iter().enumerate() {
        if index.insert(e.id.as_str(), i).is_some() {
            errors.push(
                at.at_value(
                    &crate::yaml_path!["entities", i, "id"],
                    Class::Semantic,
                    "duplicate-id",
                    format!("entity id `{}` is used twice", e.id),
                )
                .help("give each entity its own id; merge the aliases into one entry"),
            );
        }
    }
    for (i, e) in sources.entities.iter().enumerate() {
        let speaks_for = match &e.speaks_for {
            None => None,
            Some(target) => match index.get(target.as_str()) {
                Some(&j) => Some(j),
                None => {
                    let help = match super::compile::closest(
                        target,
                        sources.entities.iter().map(|e| e.id.as_str()),
                    ) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => "use the `id` of an entity listed in this file".to_string(),
                    };
                    errors.push(
                        at.at_value(
                            &crate::yaml_path!["entities", i, "speaks_for"],
                            Class::Semantic,
                            "unknown-reference",
                            format!("`speaks_for: {target}` names no entity"),
                        )
                        .help(help),
                    );
                    None
                }
            },
        };
        table.entities.push(EntitySpec {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            speaks_for,
        });
    }
    // speaks_for must not loop.
    for start in 0..table.entities.len() {
        let mut seen = vec![false; table.entities.len()];
        let mut cur = Some(start);
        while let Some(c) = cur {
            if seen[c] {
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["entities", start, "speaks_for"],
                        Class::Semantic,
                        "cycle",
                        format!(
                            "`{}` speaks for itself through a chain of `speaks_for`",
                            table.entities[start].id
                        ),
                    )
                    .help("one of the entities in the chain must speak for nobody"),
                );
                table.entities[start].speaks_for = None;
                break;
            }
            seen[c] = true;
            cur = table.entities[c].speaks_for;
        }
    }
    for (i, e) in sources.entities.iter().enumerate() {
        let mut names = e.aliases.clone();
        names.push(e.name.clone());
        for name in names {
            let mut ids = b.phrase(&name);
            // "the Kremlin" and "Kremlin" both name it; match without the article.
            if ids.len() > 1 && b.vocab.word(ids[0]) == "the" {
                ids.remove(0);
            }
            table.aliases.insert(ids, i);
        }
    }
    for r in &sources.roles {
        let ids = b.phrase(r);
        for &id in &ids {
            b.vocab.add_flag(id, wf::ROLE);
        }
        table.roles.insert(ids, ());
    }
    table
}

fn compile_linking(
    b: &mut Builder,
    linking: &LinkingFile,
    at: &Located,
    errors: &mut RuleErrors,
) -> Linking {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut synonyms = FxHashMap::default();
    let mut synonym_phrases = PhraseSet::default();
    for (g, group) in linking.synonyms.iter().enumerate() {
        if group.len() < 2 {
            errors.push(
                at.at_key(
                    &crate::yaml_path!["synonyms", g],
                    Class::Semantic,
                    "empty-condition",
                    "a synonym group needs at least two words",
                )
                .warning(),
            );
        }
        for w in group {
            let lower = w.to_lowercase();
            if lower.contains(' ') || lower.contains('.') {
                let ids = b.phrase(&lower);
                synonym_phrases.insert(ids, g as u32);
            } else {
                synonyms.insert(stemmer.stem(&lower).into_owned(), g as u32);
            }
        }
    }
    let t = &linking.thresholds;
    for (name, v) in [
        ("same_claim", t.same_claim),
        ("addresses", t.addresses),
        ("related", t.related),
    ] {
        if !(0.0..=1.0).contains(&v) {
            errors.push(at.at_value(
                &crate::yaml_path!["thresholds", name],
                Class::Semantic,
                "out-of-range",
                format!("`{name}` is {v}, but it is a share between 0 and 1"),
            ));
        }
    }
    let weak = linking
        .weak_words
        .iter()
        .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
        .collect();
    Linking {
        synonyms,
        synonym_phrases,
        weak,
        clause_words: linking
            .clause_words
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        source_cues: linking
            .source_cues
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        background: b.phrase_set(&linking.background),
        thresholds: linking.thresholds.clone(),
    }
}

fn compile_junk(text: &TextFile, at: &Located, errors: &mut RuleErrors) -> Vec<JunkRule> {
    let mut out = Vec::new();
    for (i, r) in text.junk.iter().enumerate() {
        let pattern = match regex::Regex::new(&r.pattern) {
            Ok(p) => p,
            Err(e) => {
                let msg = e
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("invalid pattern")
                    .trim()
                    .to_string();
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["junk", i, "pattern"],
                        Class::Semantic,
                        "bad-pattern",
                        format!(
                            "junk rule `{}`: the pattern is not a valid regular expression: {msg}",
                            r.id
                        ),
                    )
                    .help("patterns use Rust regex syntax; in single quotes, write a quote as ''"),
                );
                continue;
            }
        };
        out.push(JunkRule {
            id: r.id.clone(),
            pattern,
            max_words: r.max_words,
            after: None,
        });
    }
    for (i, r) in text.junk.iter().enumerate() {
        if let Some(after) = &r.after {
            match out.iter().position(|j| &j.id == after) {
                Some(k) => {
                    if let Some(rule) = out.iter_mut().find(|j| j.id == r.id) {
                        rule.after = Some(k);
                    }
                }
                None => errors.push(
                    at.at_value(
                        &crate::yaml_path!["junk", i, "after"],
                        Class::Semantic,
                        "unknown-reference",
                        format!("`after: {after}` names no junk rule"),
                    )
                    .help(
                        match closest(after, text.junk.iter().map(|j| j.id.as_str())) {
                            Some(c) => format!("did you mean `{c}`?"),
                            None => "use the id of another junk rule".into(),
                        },
                    ),
                ),
            }
        }
    }
    out
}

/// Used by `yaml_path!`.
pub fn step<T: IntoStep>(x: T) -> Step {
    x.into_step()
}
