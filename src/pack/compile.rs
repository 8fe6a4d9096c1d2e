//! From parsed rule files to a checked, compiled `Pack`. Every problem found is
//! collected (not only the first) and located at file:line:column.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;

use std::sync::Arc;

use serde_yaml::Value as Yaml;

use super::diagnostic::{Class, Positions, RuleDiagnostic, RuleErrors, Severity, Step};
use super::inflect::verb_forms;
use super::lexicon::{PhraseSet, Vocab, wf};
use super::load::{FileKind, Op, PackFile, PackSources};
use super::merge::{Origins, Tree, merge};
use super::raw::{
    CuesFile, EnglishFile, LabelsFile, LinkingFile, SourcesFile, StanceFile, TextFile,
};
use super::schema::SchemaKind;
use super::{
    Cues, EntitySpec, Form, JunkPattern, JunkRule, LemmaMarks, Linking, NounObject, Pack,
    PhraseCue, SourceTable, StanceWords, VerbCue,
};
use crate::model::Stance;
use crate::text::tokens::{Abbreviations, WordId, normalise, tokenize};

/// Locates paths of a (possibly merged) document in the files it came from, for
/// diagnostics; positions are read only when needed.
pub struct Located<'a> {
    layers: Vec<Layer<'a>>,
    /// For a merged document, where each part came from; `None` for a single file.
    origins: Option<Origins>,
}

struct Layer<'a> {
    name: &'a str,
    text: &'a Arc<String>,
    positions: OnceLock<Positions>,
}

impl<'a> Located<'a> {
    pub fn new(file: &'a PackFile) -> Self {
        Located::source(&file.name, &file.text)
    }

    /// One file, by its name and text.
    pub fn source(name: &'a str, text: &'a Arc<String>) -> Self {
        Located {
            layers: vec![Layer {
                name,
                text,
                positions: OnceLock::new(),
            }],
            origins: None,
        }
    }

    /// A merged document: `origins` map its paths into `layers`.
    fn layered(layers: Vec<(&'a str, &'a Arc<String>)>, origins: Origins) -> Self {
        Located {
            layers: layers
                .into_iter()
                .map(|(name, text)| Layer {
                    name,
                    text,
                    positions: OnceLock::new(),
                })
                .collect(),
            origins: Some(origins),
        }
    }

    /// The layer and the path inside it that `path` of the document points to.
    fn place(&self, path: &[Step]) -> (&Layer<'a>, Vec<Step>) {
        let (i, p) = match &self.origins {
            Some(o) => o
                .map(path)
                .unwrap_or_else(|| (self.layers.len().saturating_sub(1), path.to_vec())),
            None => (0, path.to_vec()),
        };
        let i = i.min(self.layers.len().saturating_sub(1));
        (&self.layers[i], p)
    }

    fn positions<'l>(layer: &'l Layer<'_>) -> &'l Positions {
        layer.positions.get_or_init(|| Positions::read(layer.text))
    }

    /// File name and 1-based line of `path` (for "first listed at ...").
    pub fn line_of(&self, path: &[Step]) -> (String, usize) {
        let (layer, p) = self.place(path);
        let line = Located::positions(layer)
            .key(&p)
            .map_or(1, |(line, _)| line);
        (layer.name.to_string(), line)
    }

    /// A diagnostic at the key (or list item) `path`, or at the file's start.
    pub fn at_key(
        &self,
        path: &[Step],
        class: Class,
        code: &'static str,
        message: impl Into<String>,
    ) -> RuleDiagnostic {
        let (layer, p) = self.place(path);
        let d = RuleDiagnostic::new(class, code, layer.name, message);
        match Located::positions(layer).key(&p) {
            Some((line, col)) => d.at_line_col(layer.text, line, col),
            None => d.at_line_col(layer.text, 1, 1),
        }
    }

    /// Reports each `id` of the list `list` that is used twice (`what` names the kind of
    /// entry in the message), and returns the index of each id.
    pub fn unique_ids<'i>(
        &self,
        list: &'static str,
        ids: impl IntoIterator<Item = &'i str>,
        what: &str,
        help: &'static str,
        errors: &mut RuleErrors,
    ) -> FxHashMap<&'i str, usize> {
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, id) in ids.into_iter().enumerate() {
            if index.insert(id, i).is_some() {
                errors.push(
                    self.at_value(
                        &crate::yaml_path![list, i, "id"],
                        Class::Semantic,
                        "duplicate-id",
                        format!("{what} id `{id}` is used twice"),
                    )
                    .help(help),
                );
            }
        }
        index
    }

    /// A diagnostic at the value of `path`.
    pub fn at_value(
        &self,
        path: &[Step],
        class: Class,
        code: &'static str,
        message: impl Into<String>,
    ) -> RuleDiagnostic {
        let (layer, p) = self.place(path);
        let d = RuleDiagnostic::new(class, code, layer.name, message);
        let positions = Located::positions(layer);
        match positions.value(&p).or_else(|| positions.key(&p)) {
            Some((line, col)) => d.at_line_col(layer.text, line, col),
            None => d.at_line_col(layer.text, 1, 1),
        }
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

/// Whether a file holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// Parses one file as YAML, checks it against the schema of its kind (every unknown
/// key, wrong type and missing field is reported, not only the first), then reads it
/// into `T`. Returns the document, or `None` when it has errors.
pub fn parse_yaml<T: DeserializeOwned>(
    name: &str,
    text: &Arc<String>,
    kind: SchemaKind,
    errors: &mut RuleErrors,
) -> Option<Yaml> {
    let mut doc = parse_trusted(name, text, errors)?;
    // A blank or empty file sets nothing, so there is nothing to check.
    if matches!(&doc, Yaml::Mapping(m) if m.is_empty()) {
        return Some(doc);
    }
    let violations = super::schema::check(schema_of_kind(kind), &mut doc);
    let at = Located::source(name, text);
    for v in &violations {
        errors.push(v.diagnostic(&at));
    }
    if violations.iter().any(|v| !v.warning) {
        return None;
    }
    // The schema says less than serde in places (the range of a number, the keys of a
    // map by stance); serde has the last word.
    if let Err(e) = serde_yaml::from_str::<T>(text) {
        errors.push(yaml_error(name, text, &e));
        return None;
    }
    Some(doc)
}

/// The untyped document of a rule file, with no schema check and no trial typed read:
/// on its own only for the built-in pack, which the tests check in full
/// (`trusted_builtin_is_the_checked_one`); `parse_yaml` adds the checks.
fn parse_trusted(name: &str, text: &Arc<String>, errors: &mut RuleErrors) -> Option<Yaml> {
    if is_blank(text) {
        return Some(Yaml::Mapping(Default::default()));
    }
    match serde_yaml::from_str::<Yaml>(text) {
        Ok(Yaml::Null) => Some(Yaml::Mapping(Default::default())),
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(yaml_error(name, text, &e));
            None
        }
    }
}

/// `parse_trusted` for a file of the built-in pack (`Checks::Trusted` only): read with
/// yaml-rust2, in a fraction of the time serde_yaml takes. Anything unusual (several
/// documents, aliases) goes serde_yaml's way; rule files a user gives always do, as
/// yaml-rust2 accepts some that serde_yaml refuses (alias bombs, repeated keys).
fn parse_builtin(name: &str, text: &Arc<String>, errors: &mut RuleErrors) -> Option<Yaml> {
    if let Ok(mut docs) = yaml_rust2::YamlLoader::load_from_str(text)
        && docs.len() == 1
        && let Some(doc) = untyped(docs.remove(0))
        && !doc.is_null()
    {
        return Some(doc);
    }
    parse_trusted(name, text, errors)
}

/// A yaml-rust2 document as the serde_yaml one (`None` for an alias or a float that
/// does not parse). `trusted_builtin_is_the_checked_one` checks that the built-in
/// pack read this way is the one serde_yaml reads.
fn untyped(y: yaml_rust2::Yaml) -> Option<Yaml> {
    use yaml_rust2::Yaml as Y;
    Some(match y {
        Y::Real(_) => Yaml::Number(y.as_f64()?.into()),
        Y::Integer(i) => Yaml::Number(i.into()),
        Y::String(s) => Yaml::String(s),
        Y::Boolean(b) => Yaml::Bool(b),
        Y::Null => Yaml::Null,
        Y::Array(items) => Yaml::Sequence(items.into_iter().map(untyped).collect::<Option<_>>()?),
        Y::Hash(map) => Yaml::Mapping(
            map.into_iter()
                .map(|(k, v)| Some((untyped(k)?, untyped(v)?)))
                .collect::<Option<_>>()?,
        ),
        Y::Alias(_) | Y::BadValue => return None,
    })
}

/// `parse_yaml`, then the typed value.
pub fn parse_checked<T: DeserializeOwned>(
    name: &str,
    text: &Arc<String>,
    kind: SchemaKind,
    errors: &mut RuleErrors,
) -> Option<T> {
    let doc = parse_yaml::<T>(name, text, kind, errors)?;
    match serde_yaml::from_value::<T>(doc) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(yaml_error(name, text, &e));
            None
        }
    }
}

/// The schema of each kind, generated once.
pub fn schema_of_kind(kind: SchemaKind) -> &'static serde_json::Value {
    static SCHEMAS: OnceLock<Vec<(SchemaKind, serde_json::Value)>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        SchemaKind::all()
            .into_iter()
            .map(|k| (k, k.schema()))
            .collect()
    });
    &all.iter()
        .find(|(k, _)| *k == kind)
        .expect("every kind has a schema")
        .1
}

/// Builds the document of one kind from the layers of a pack: parses each layer,
/// merges, applies removals. Returns the typed value (the default when a layer has
/// errors) and the locator that maps its paths back to the files.
fn build<'a, T: DeserializeOwned + Default>(
    sources: &'a PackSources,
    kind: FileKind,
    errors: &mut RuleErrors,
    checks: Checks,
) -> (T, Located<'a>, Yaml) {
    let ops = &sources.ops[kind.index()];
    // Whatever lies under the last file that replaces its kind whole plays no part.
    let start = ops
        .iter()
        .rposition(|op| matches!(op, Op::Set(_)))
        .unwrap_or(0);
    // A trusted single file needs no merge tree: its document is the file's, and
    // where its values came from is only asked when there is a problem to report.
    if checks == Checks::Trusted
        && let [Op::Set(i)] = &ops[start..]
    {
        let file = &sources.files[*i];
        let layers = vec![(file.name.as_str(), &file.text)];
        let at = Located::layered(layers, Origins::default());
        let Some(doc) = parse_builtin(&file.name, &file.text, errors) else {
            return (T::default(), at, Yaml::Null);
        };
        // Read from the document in place: it is returned too, so not moved.
        let value = match T::deserialize(&doc) {
            Ok(v) => v,
            Err(e) => {
                errors.push(yaml_error(&file.name, &file.text, &e));
                T::default()
            }
        };
        return (value, at, doc);
    }
    let mut layers: Vec<(&'a str, &'a Arc<String>)> = Vec::new();
    let mut tree: Option<Tree> = None;
    let mut failed = false;
    for op in &ops[start..] {
        match op {
            Op::Set(i) | Op::Merge(i) => {
                let file = &sources.files[*i];
                layers.push((&file.name, &file.text));
                let layer = layers.len() - 1;
                let doc = match checks {
                    Checks::All => {
                        parse_yaml::<T>(&file.name, &file.text, SchemaKind::Rules(kind), errors)
                    }
                    Checks::Trusted => parse_builtin(&file.name, &file.text, errors),
                };
                match doc {
                    Some(doc) => {
                        let t = Tree::new(&doc, layer);
                        tree = Some(match (tree.take(), op) {
                            (Some(base), Op::Merge(_)) => merge(base, t),
                            _ => t,
                        });
                    }
                    None => failed = true,
                }
            }
            Op::Remove { manifest, spec } => {
                let Some(t) = tree.as_mut() else { continue };
                let m = &sources.manifests[*manifest];
                let at = Located::source(&m.name, &m.text);
                for e in super::merge::remove(t, spec) {
                    let mut path = crate::yaml_path!["remove", kind.file_name()];
                    path.extend(e.path);
                    errors.push(
                        at.at_value(&path, Class::Semantic, "unknown-reference", e.message)
                            .help(e.help),
                    );
                }
            }
        }
    }
    let Some(tree) = tree.filter(|_| !failed) else {
        return (
            T::default(),
            Located::layered(layers, Origins::default()),
            Yaml::Null,
        );
    };
    let origins = tree.origins();
    let doc = tree.to_yaml();
    let value = match serde_yaml::from_value::<T>(doc.clone()) {
        Ok(v) => v,
        Err(e) => {
            let (name, text) = *layers.last().expect("a document has a layer");
            errors.push(yaml_error(name, text, &e));
            T::default()
        }
    };
    (value, Located::layered(layers, origins), doc)
}

/// A serde_yaml error as a diagnostic, with a "did you mean" where one fits.
pub fn yaml_error(name: &str, text: &Arc<String>, e: &serde_yaml::Error) -> RuleDiagnostic {
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
    let mut d = RuleDiagnostic::new(Class::Syntax, code, name, message.clone());
    if let Some(help) = did_you_mean(&message) {
        d = d.help(help);
    } else if code == "too-deep" {
        d = d.help(
            "rule files are small, plain documents: remove the anchors/aliases or the deep nesting",
        );
    } else if code == "missing-field" {
        d = d.help("add the field; `crosscheck rules schema` lists what each kind of entry needs");
    }
    let (mut line, mut column) = e
        .location()
        .map_or((1, 1), |loc| (loc.line(), loc.column()));
    // serde places a repeated key at the start of its map: point at the repeat.
    if let Some(key) = message
        .split_once("duplicate entry with key \"")
        .and_then(|(_, k)| k.split_once('"'))
        .map(|(k, _)| k)
    {
        let map_path = message
            .split_once(": duplicate entry")
            .map_or(Vec::new(), |(p, _)| serde_path(p));
        let mut path = map_path;
        path.push(Step::Key(key.to_string()));
        if let Some(&(l, c)) = Positions::read(text).all_keys(&path).get(1) {
            (line, column) = (l, c);
        }
    }
    if code == "syntax" && d.help.is_none() {
        let this_line = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        d = d.help(if this_line.contains('\t') {
            "YAML does not allow tabs for indentation: indent with spaces"
        } else if message.contains("flow mapping") || message.contains("flow sequence") {
            "a `{` or `[` opened on a line above is not closed: check the brackets"
        } else if message.contains("duplicate entry") {
            "a key may appear once in each map: remove or rename one of them"
        } else if message.contains("quoted scalar") {
            "a quote opened on this line or above is not closed"
        } else {
            "check the indentation, the brackets and the quotes on this line and the one above"
        });
    }
    d.at_line_col(text, line, column)
}

/// serde's path notation (`rules[0].when`) as steps.
fn serde_path(p: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in p.split('.').filter(|x| !x.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            if i > 0 {
                out.push(Step::Key(rest[..i].to_string()));
            }
            rest = &rest[i..];
            while let Some(close) = rest.find(']') {
                if let Ok(n) = rest[1..close].parse() {
                    out.push(Step::Index(n));
                }
                rest = &rest[close + 1..];
            }
        } else {
            out.push(Step::Key(rest.to_string()));
        }
    }
    out
}

fn strip_location(msg: &str) -> String {
    let re = regex_lite_location();
    re.replace_all(msg, "").trim().to_string()
}

fn regex_lite_location() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"\s+at line \d+ column \d+").expect("valid regex"))
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
        let mut buf = String::new();
        tokenize(text, &self.abbr, |text, range| {
            normalise(&text[range], &mut buf);
            vocab.intern(&buf)
        })
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

/// Warnings the built-in pack has by itself (shown when validating it, not again for
/// every pack built on it).
fn builtin_warnings() -> &'static [RuleDiagnostic] {
    static WARNINGS: OnceLock<Vec<RuleDiagnostic>> = OnceLock::new();
    WARNINGS.get_or_init(|| match compile(super::load::read_sources(None)) {
        Ok(p) => p.warnings.items,
        Err(e) => e.items,
    })
}

/// How much checking a compile does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Schema, trial typed reads and word-list lints: every problem is reported.
    All,
    /// None of those: only for the built-in pack, which the tests check in full, so
    /// that starting up does not validate the same embedded files every time.
    Trusted,
}

/// The built-in pack, compiled without the checks that only find problems in rule
/// files (the tests make sure it has none, and that it compiles to the same pack).
pub fn compile_builtin() -> Result<Pack, RuleErrors> {
    compile_pack(super::load::read_sources(None), Checks::Trusted)
}

/// Compiles the files of a pack; collects every problem before giving up.
pub fn compile(sources: PackSources) -> Result<Pack, RuleErrors> {
    let builtin_only = sources.folders.len() <= 1;
    let result = compile_pack(sources, Checks::All);
    if builtin_only {
        return result;
    }
    let inherited = |d: &RuleDiagnostic| {
        d.severity == Severity::Warning
            && builtin_warnings().iter().any(|b| {
                (&b.file, b.line, b.column, b.code, &b.message)
                    == (&d.file, d.line, d.column, d.code, &d.message)
            })
    };
    match result {
        Ok(mut p) => {
            p.warnings.items.retain(|d| !inherited(d));
            Ok(p)
        }
        Err(mut e) => {
            e.items.retain(|d| !inherited(d));
            Err(e)
        }
    }
}

fn compile_pack(sources: PackSources, checks: Checks) -> Result<Pack, RuleErrors> {
    let mut errors = sources.diagnostics.clone();

    let (cues, located_cues, cues_doc) =
        build::<CuesFile>(&sources, FileKind::Cues, &mut errors, checks);
    let (stance, located_stance, stance_doc) =
        build::<StanceFile>(&sources, FileKind::Stance, &mut errors, checks);
    let (sources_raw, located_sources, sources_doc) =
        build::<SourcesFile>(&sources, FileKind::Sources, &mut errors, checks);
    let (text, located_text, text_doc) =
        build::<TextFile>(&sources, FileKind::Text, &mut errors, checks);
    let (english, located_english, english_doc) =
        build::<EnglishFile>(&sources, FileKind::English, &mut errors, checks);
    let (linking, located_linking, linking_doc) =
        build::<LinkingFile>(&sources, FileKind::Linking, &mut errors, checks);
    let (labels, located_labels, _) =
        build::<LabelsFile>(&sources, FileKind::Labels, &mut errors, checks);

    // Repeated and empty words in every word list.
    for (at, doc) in [
        (&located_cues, &cues_doc),
        (&located_stance, &stance_doc),
        (&located_sources, &sources_doc),
        (&located_text, &text_doc),
        (&located_english, &english_doc),
        (&located_linking, &linking_doc),
    ] {
        if checks == Checks::All {
            super::lint::word_lists(at, doc, &mut errors);
        }
    }

    let bare = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|s| s.to_lowercase().trim_end_matches('.').to_string())
            .collect()
    };
    let abbr = Abbreviations::new(
        bare(&text.titles),
        bare(&text.abbreviations),
        bare(&text.numbered),
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
    b.flag_words(&english.adjectives, wf::ADJECTIVE);
    b.flag_words(&text.titles, wf::TITLE_WORD);
    let headline_labels = b.phrase_set(&text.headline_labels);
    let compound_nouns = b.phrase_set(&english.compound_nouns);
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
    for list in crate::extract::QUANTITY_WORDS {
        for w in *list {
            for id in b.phrase(w) {
                b.vocab.add_flag(id, wf::QUANTITY);
            }
        }
    }

    // Cues.
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
    for list in [
        &stance.negations,
        &stance.not_negations,
        &stance.refutations,
        &stance.hedges,
        &stance.qualifiers,
        &stance.contrasts,
        &stance.confirmations,
    ] {
        for w in list {
            if let Some(&first) = b.phrase(w).first() {
                b.vocab.add_flag(first, wf::STANCE_START);
            }
        }
    }
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
    let table = compile_sources(&mut b, &sources_raw, &located_sources, &mut errors);
    b.flag_words(&sources_raw.anonymous, wf::ANONYMOUS);
    b.flag_words(&sources_raw.first_names.female, wf::FEMALE);
    b.flag_words(&sources_raw.first_names.male, wf::MALE);

    // Linking.
    b.flag_words(&linking.references, wf::REFERENCE);
    let linking_compiled = compile_linking(&mut b, &linking, &located_linking, &mut errors);

    // Junk rules.
    let junk = compile_junk(&text, &located_text, &mut errors, checks);

    // Label rules.
    let rules = crate::rules::compile(&labels, &located_labels, &mut errors);

    errors.sort();
    if errors.has_errors() {
        return Err(errors);
    }
    let Builder { vocab, abbr } = b;
    static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    Ok(Pack {
        id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        vocab,
        abbreviations: abbr,
        junk,
        headline_labels,
        compound_nouns,
        adjective_endings: english
            .adjective_endings
            .iter()
            .map(|e| e.trim().to_lowercase().into_boxed_str())
            .filter(|e| !e.is_empty())
            .collect(),
        cues: compiled_cues,
        stance: stance_words,
        sources: table,
        pronouns,
        linking: linking_compiled,
        rules,
        files: sources.files.clone(),
        folders: sources.folders.clone(),
        warnings: errors,
    })
}

/// The `cues.yaml` keys that mark lemmas of `verbs`, in the order `Cues` holds them.
fn lemma_mark_lists(cues: &CuesFile) -> [(&'static str, &[String]); 9] {
    [
        ("mental", &cues.mental),
        ("topic", &cues.topic),
        ("needs_infinitive", &cues.needs_infinitive),
        ("no_infinitive", &cues.no_infinitive),
        ("needs_speech", &cues.needs_speech),
        ("naming", &cues.naming),
        ("needs_agent", &cues.needs_agent),
        ("stative_passive", &cues.stative_passive),
        ("inverting", &cues.inverting),
    ]
}

fn compile_cues(b: &mut Builder, cues: &CuesFile, at: &Located, errors: &mut RuleErrors) -> Cues {
    let mut out = Cues::default();
    let hearer: Vec<String> = cues.hearer.iter().map(|s| s.to_lowercase()).collect();
    let mut seen: FxHashMap<String, Stance> = FxHashMap::default();
    for (stance, lemmas) in &cues.verbs {
        for (i, lemma) in lemmas.iter().enumerate() {
            let lemma_lc = lemma.trim().to_lowercase();
            if let Some(prev) = seen.insert(lemma_lc.clone(), *stance)
                && prev != *stance
            {
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
                    if form == Form::Finite
                        && !head.ends_with("ing")
                        && irregular
                            .iter()
                            .any(|f| f.trim().to_lowercase() == form_text)
                    {
                        b.vocab.add_flag(first, wf::PARTICIPLE);
                    }
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
        let lc = lemma.to_lowercase();
        let controls = cues
            .object_control
            .iter()
            .any(|v| v.trim().to_lowercase() == lc);
        if !seen.contains_key(&lc) && !controls {
            errors.push(
                at.at_key(
                    &crate::yaml_path!["irregular", lemma.as_str()],
                    Class::Semantic,
                    "unused-entry",
                    format!(
                        "irregular forms for `{lemma}`, which is listed neither under `verbs` nor under `object_control`"
                    ),
                )
                .help("add the lemma under a stance in `verbs` or to `object_control`, or remove this entry")
                .warning(),
            );
        }
    }
    for (key, list) in lemma_mark_lists(cues) {
        for (i, m) in list.iter().enumerate() {
            if !seen.contains_key(&m.to_lowercase()) {
                errors.push(
                    at.at_key(
                        &crate::yaml_path![key, i],
                        Class::Semantic,
                        "unused-entry",
                        format!("`{m}` is not a cue verb, so marking it as {key} has no effect"),
                    )
                    .help("add it under a stance in `verbs` first")
                    .warning(),
                );
            }
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
    let mut phrase_seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, p) in cues.phrases.iter().enumerate() {
        let key = p
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(first) = phrase_seen.insert(key, i) {
            let (file, line) = at.line_of(&crate::yaml_path!["phrases", first]);
            errors.push(
                at.at_value(
                    &crate::yaml_path!["phrases", i, "text"],
                    Class::Semantic,
                    "duplicate-entry",
                    format!(
                        "the phrase `{}` is listed twice (first at {file}:{line})",
                        p.text
                    ),
                )
                .help("keep one entry: a phrase has one stance and one frame")
                .warning(),
            );
        }
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
    let mut noun_seen: FxHashMap<String, Stance> = FxHashMap::default();
    for (stance, nouns) in &cues.nouns {
        for (i, n) in nouns.iter().enumerate() {
            if let Some(prev) = noun_seen.insert(n.trim().to_lowercase(), *stance)
                && prev != *stance
            {
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["nouns", stance.as_str(), i],
                        Class::Semantic,
                        "duplicate-cue",
                        format!("`{n}` is listed twice (also under `{prev}`)"),
                    )
                    .help("keep one entry: a statement noun has one stance")
                    .warning(),
                );
            }
        }
    }
    for (stance, nouns) in &cues.nouns {
        for n in nouns {
            for id in b.phrase(n) {
                b.vocab.add_flag(id, wf::CUE_NOUN);
                out.nouns.insert(id, *stance);
            }
        }
    }
    let mut object_seen: FxHashMap<String, Stance> = FxHashMap::default();
    for (stance, entries) in &cues.noun_objects {
        for (i, n) in entries.iter().enumerate() {
            let words: Vec<&str> = n.split_whitespace().collect();
            let key = words.join(" ").to_lowercase();
            // (Blank entries are reported with every word list's.)
            if words.is_empty() {
                continue;
            }
            if words.len() == 1 {
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["noun_objects", stance.as_str(), i],
                        Class::Semantic,
                        "unused-entry",
                        format!("`{n}` has no preposition after the noun, so it matches nothing"),
                    )
                    .help("write the noun with the word that takes its object: `criticism of`")
                    .warning(),
                );
                continue;
            }
            if let Some(prev) = object_seen.insert(key.clone(), *stance) {
                if prev != *stance {
                    errors.push(
                        at.at_value(
                            &crate::yaml_path!["noun_objects", stance.as_str(), i],
                            Class::Semantic,
                            "duplicate-cue",
                            format!("`{n}` is listed twice (also under `{prev}`)"),
                        )
                        .help("keep one entry: a noun and its preposition have one stance")
                        .warning(),
                    );
                }
                continue;
            }
            let ids = b.phrase(n);
            if let Some(&first) = ids.first() {
                b.vocab.add_flag(first, wf::NOUN_OBJECT);
            }
            let lemma = out.lemmas.len() as u32;
            out.lemmas.push(key);
            out.noun_objects.insert(
                ids,
                NounObject {
                    lemma,
                    stance: *stance,
                },
            );
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
    for w in &cues.noun_like {
        for id in b.phrase(w) {
            b.vocab.add_flag(id, wf::NOUN_LIKE);
        }
    }
    for v in &cues.object_control {
        let irregular = cues
            .irregular
            .get(&v.trim().to_lowercase())
            .cloned()
            .unwrap_or_default();
        for form in verb_forms(&v.trim().to_lowercase(), &irregular) {
            if let Some(&first) = b.phrase(&form).first() {
                b.vocab.add_flag(first, wf::OBJECT_CONTROL);
            }
        }
    }
    // Per lemma: is it listed under each of these keys?
    let marks = |list: &[String]| -> LemmaMarks {
        let list: Vec<String> = list.iter().map(|s| s.trim().to_lowercase()).collect();
        LemmaMarks(out.lemmas.iter().map(|l| list.contains(l)).collect())
    };
    [
        out.mental,
        out.topic,
        out.needs_infinitive,
        out.no_infinitive,
        out.needs_speech,
        out.naming,
        out.needs_agent,
        out.stative_passive,
        out.inverting,
    ] = lemma_mark_lists(cues).map(|(_, list)| marks(list));
    out.not_cues = b.phrase_set(&cues.not_cues);
    out.received = b.phrase_set(&cues.received);
    for r in &cues.raising {
        let r = r.trim().to_lowercase();
        match r.strip_prefix("be ") {
            Some(participle) => out.raising.insert(b.phrase(participle), true),
            None => {
                for form in verb_forms(&r, &[]) {
                    let ids = b.phrase(&form);
                    out.raising.insert(ids, false);
                }
            }
        }
    }
    for w in &cues.hearsay {
        let ids = b.phrase(w);
        if !ids.is_empty() {
            out.hearsay.insert(ids, ());
        }
    }
    for (i, w) in cues.verb_group.iter().enumerate() {
        let ids = b.phrase(w);
        if ids.is_empty() {
            // Blank entries are reported with every word list's.
            if !w.trim().is_empty() {
                errors.push(
                    at.at_key(
                        &crate::yaml_path!["verb_group", i],
                        Class::Semantic,
                        "empty-entry",
                        format!("`{w}` has no words in it, so it matches nothing"),
                    )
                    .help("write a word, or remove the entry")
                    .warning(),
                );
            }
            continue;
        }
        if ids.len() == 1 {
            b.vocab.add_flag(ids[0], wf::VERB_GROUP);
        } else {
            out.verb_group.insert(ids, ());
        }
    }
    let firsts: Vec<WordId> = out
        .verbs
        .first_words()
        .chain(out.phrases.first_words())
        .chain(out.raising.first_words())
        .chain(out.light_verbs.first_words())
        .collect();
    for id in firsts {
        b.vocab.add_flag(id, wf::CUE_START);
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
    let index = at.unique_ids(
        "entities",
        sources.entities.iter().map(|e| e.id.as_str()),
        "entity",
        "give each entity its own id; merge the aliases into one entry",
        errors,
    );
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
    let mut alias_owner: FxHashMap<Vec<WordId>, usize> = FxHashMap::default();
    for (i, e) in sources.entities.iter().enumerate() {
        let mut names: Vec<(String, Vec<Step>)> = e
            .aliases
            .iter()
            .enumerate()
            .map(|(k, a)| (a.clone(), crate::yaml_path!["entities", i, "aliases", k]))
            .collect();
        names.push((e.name.clone(), crate::yaml_path!["entities", i, "name"]));
        for (name, path) in names {
            let mut ids = b.phrase(&name);
            // "the Kremlin" and "Kremlin" both name it; match without the article.
            if ids.len() > 1 && b.vocab.word(ids[0]) == "the" {
                ids.remove(0);
            }
            match alias_owner.get(&ids) {
                Some(&owner) if owner != i => errors.push(
                    at.at_value(
                        &path,
                        Class::Semantic,
                        "ambiguous-alias",
                        format!(
                            "`{name}` names both `{}` and `{}`; the text is read as naming `{}`",
                            sources.entities[owner].id, e.id, sources.entities[owner].id
                        ),
                    )
                    .help("a name can stand for one entity only: remove it from one of them")
                    .warning(),
                ),
                Some(_) => {}
                None => {
                    alias_owner.insert(ids.clone(), i);
                }
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
    let mut group_of: FxHashMap<String, usize> = FxHashMap::default();
    for (g, group) in linking.synonyms.iter().enumerate() {
        for (k, w) in group.iter().enumerate() {
            let lower = w.trim().to_lowercase();
            if let Some(&first) = group_of.get(&lower)
                && first != g
            {
                let (file, line) = at.line_of(&crate::yaml_path!["synonyms", first]);
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["synonyms", g, k],
                        Class::Semantic,
                        "duplicate-entry",
                        format!("`{w}` is in two synonym groups (the other at {file}:{line})"),
                    )
                    .help(
                        "a word belongs to one group: merge the two groups, or remove it from one",
                    )
                    .warning(),
                );
            } else {
                group_of.insert(lower, g);
            }
        }
        if group.len() < 2 {
            errors.push(
                at.at_key(
                    &crate::yaml_path!["synonyms", g],
                    Class::Semantic,
                    "short-group",
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
            errors.push(
                at.at_value(
                    &crate::yaml_path!["thresholds", name],
                    Class::Semantic,
                    "out-of-range",
                    format!("`{name}` is {v}, but it is a share between 0 and 1"),
                )
                .help("write a number from 0 to 1: 0.5 means half"),
            );
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

/// Regular expressions compiled once per process: a pack is compiled again for every
/// `--rules` folder and rule test, and compiling the junk patterns is the slow part.
pub(super) fn cached_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    static CACHE: OnceLock<std::sync::Mutex<FxHashMap<String, regex::Regex>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(r) = cache.lock().ok().and_then(|c| c.get(pattern).cloned()) {
        return Ok(r);
    }
    // A roomy lazy-DFA cache: Unicode classes in junk rules otherwise thrash it.
    let r = regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()?;
    if let Ok(mut c) = cache.lock() {
        c.insert(pattern.to_string(), r.clone());
    }
    Ok(r)
}

fn compile_junk(
    text: &TextFile,
    at: &Located,
    errors: &mut RuleErrors,
    checks: Checks,
) -> Vec<JunkRule> {
    let mut out = Vec::new();
    at.unique_ids(
        "junk",
        text.junk.iter().map(|r| r.id.as_str()),
        "junk rule",
        "give each junk rule its own id; reports name the rule that dropped a line",
        errors,
    );
    for (i, r) in text.junk.iter().enumerate() {
        // The built-in pack's patterns, which the tests compile, wait for their first
        // use; any other pack's are compiled now, so that errors are reported at load.
        if checks == Checks::Trusted {
            out.push(JunkRule {
                id: r.id.clone(),
                pattern: JunkPattern::lazy(r.pattern.clone()),
                needs: super::required::required_bytes(&r.pattern),
                max_words: r.max_words,
                after: None,
            });
            continue;
        }
        let pattern = match cached_regex(&r.pattern) {
            Ok(p) => JunkPattern::compiled(p),
            Err(e) => {
                let msg = e
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("invalid pattern")
                    .trim()
                    .trim_start_matches("error: ")
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
            needs: super::required::required_bytes(&r.pattern),
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
