//! JSON Schemas of the rule files, generated from the serde types that parse them, and
//! a checker that walks a parsed YAML document against such a schema to report every
//! unknown key, wrong type and missing field of a file in one run (serde stops at the
//! first).

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value as Json};
use serde_yaml::Value as Yaml;

use super::diagnostic::{Class, RuleDiagnostic, Step, path_text};
use super::load::FileKind;
use super::manifest::PackManifest;
use super::raw::{
    CuesFile, EnglishFile, LabelsFile, LinkingFile, SourcesFile, StanceFile, TextFile,
};
use crate::rules::testing::TestFile;

/// Every kind of YAML file a pack folder may hold, each with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchemaKind {
    Rules(FileKind),
    /// `tests/*.yaml`.
    Tests,
    /// `pack.yaml`.
    Manifest,
}

impl SchemaKind {
    pub fn all() -> Vec<SchemaKind> {
        let mut v: Vec<SchemaKind> = FileKind::ALL.into_iter().map(SchemaKind::Rules).collect();
        v.push(SchemaKind::Tests);
        v.push(SchemaKind::Manifest);
        v
    }

    /// The short name: `labels`, `tests`, `pack`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Rules(k) => k.file_name().trim_end_matches(".yaml"),
            SchemaKind::Tests => "tests",
            SchemaKind::Manifest => "pack",
        }
    }

    pub fn parse(name: &str) -> Option<SchemaKind> {
        let name = name
            .trim_end_matches(".schema.json")
            .trim_end_matches(".yaml");
        SchemaKind::all().into_iter().find(|k| k.name() == name)
    }

    /// The schema's file name: `labels.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// The JSON Schema (draft 7, which editors support best) of this kind of file.
    pub fn schema(self) -> Json {
        let generator = SchemaSettings::draft07().into_generator();
        let schema = match self {
            SchemaKind::Rules(FileKind::Cues) => generator.into_root_schema_for::<CuesFile>(),
            SchemaKind::Rules(FileKind::Stance) => generator.into_root_schema_for::<StanceFile>(),
            SchemaKind::Rules(FileKind::Sources) => generator.into_root_schema_for::<SourcesFile>(),
            SchemaKind::Rules(FileKind::Text) => generator.into_root_schema_for::<TextFile>(),
            SchemaKind::Rules(FileKind::English) => generator.into_root_schema_for::<EnglishFile>(),
            SchemaKind::Rules(FileKind::Linking) => generator.into_root_schema_for::<LinkingFile>(),
            SchemaKind::Rules(FileKind::Labels) => generator.into_root_schema_for::<LabelsFile>(),
            SchemaKind::Tests => generator.into_root_schema_for::<TestFile>(),
            SchemaKind::Manifest => generator.into_root_schema_for::<PackManifest>(),
        };
        let mut v = schema.to_value();
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "$id".into(),
                Json::String(format!(
                    "https://crosscheck.invalid/schema/{}",
                    self.file_name()
                )),
            );
        }
        v
    }

    /// The schema as written to `schema/`: pretty JSON with a final newline.
    pub fn schema_text(self) -> String {
        let mut s = serde_json::to_string_pretty(&self.schema()).expect("a schema is JSON");
        s.push('\n');
        s
    }
}

/// A generated schema is a plain value; `T` only needs `JsonSchema`.
pub fn schema_of<T: JsonSchema>() -> Json {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// One problem the schema check found: where, what, and a hint.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub path: Vec<Step>,
    /// At the key (true: unknown key) or at the value.
    pub at_key: bool,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// A warning (the document is read anyway), not an error.
    pub warning: bool,
}

impl Violation {
    pub fn diagnostic(&self, at: &super::Located) -> RuleDiagnostic {
        let d = if self.at_key {
            at.at_key(&self.path, Class::Syntax, self.code, self.message.clone())
        } else {
            at.at_value(&self.path, Class::Syntax, self.code, self.message.clone())
        };
        let d = match &self.help {
            Some(h) => d.help(h.clone()),
            None => d,
        };
        if self.warning { d.warning() } else { d }
    }
}

/// Checks `doc` against `schema`; returns every violation found. Where a word is
/// expected and the document has a bare `true`, `12` or `~`, serde reads the word as
/// written, so the check does too: the value is turned into text in `doc` (for the
/// merge of layers) and a warning suggests quotes.
pub fn check(schema: &Json, doc: &mut Yaml) -> Vec<Violation> {
    let mut c = Checker {
        root: schema,
        out: Vec::new(),
        coerce: Vec::new(),
    };
    c.value(schema, doc, &mut Vec::new(), 0);
    for path in &c.coerce {
        if let Some(v) = value_at(doc, path) {
            *v = Yaml::String(scalar_text(v));
        }
    }
    c.out
}

/// The text serde reads for a bare scalar where it expects a word.
fn scalar_text(v: &Yaml) -> String {
    match v {
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Null => String::new(),
        Yaml::String(s) => s.clone(),
        _ => String::new(),
    }
}

fn value_at<'v>(doc: &'v mut Yaml, path: &[Step]) -> Option<&'v mut Yaml> {
    let mut cur = doc;
    for step in path {
        cur = match (step, cur) {
            (Step::Key(k), Yaml::Mapping(m)) => m
                .iter_mut()
                .find(|(key, _)| key_text(key) == *k)
                .map(|(_, v)| v)?,
            (Step::Index(i), Yaml::Sequence(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

struct Checker<'a> {
    root: &'a Json,
    out: Vec<Violation>,
    /// Bare scalars read as words.
    coerce: Vec<Vec<Step>>,
}

fn yaml_type(v: &Yaml) -> &'static str {
    match v {
        Yaml::Null => "nothing",
        Yaml::Bool(_) => "true/false",
        Yaml::Number(n) if n.is_f64() => "a number",
        Yaml::Number(_) => "a whole number",
        Yaml::String(_) => "text",
        Yaml::Sequence(_) => "a list",
        Yaml::Mapping(_) => "a map of keys",
        Yaml::Tagged(_) => "a tagged value",
    }
}

use super::merge::key_text;

impl<'a> Checker<'a> {
    fn resolve(&self, s: &'a Json) -> &'a Json {
        let mut s = s;
        for _ in 0..32 {
            match s.get("$ref").and_then(Json::as_str) {
                Some(r) => {
                    let pointer = r.trim_start_matches('#');
                    match self.root.pointer(pointer) {
                        Some(t) => s = t,
                        None => return s,
                    }
                }
                None => return s,
            }
        }
        s
    }

    /// Whether `doc` fits `schema`; if it does, its warnings and coercions are kept.
    fn fits(&mut self, schema: &'a Json, doc: &Yaml, path: &[Step]) -> bool {
        let mut probe = Checker {
            root: self.root,
            out: Vec::new(),
            coerce: Vec::new(),
        };
        probe.value(schema, doc, &mut path.to_vec(), 0);
        if probe.out.iter().any(|v| !v.warning) {
            return false;
        }
        self.out.extend(probe.out);
        self.coerce.extend(probe.coerce);
        true
    }

    fn push(
        &mut self,
        path: &[Step],
        at_key: bool,
        code: &'static str,
        message: String,
        help: Option<String>,
    ) {
        self.out.push(Violation {
            path: path.to_vec(),
            at_key,
            code,
            message,
            help,
            warning: false,
        });
    }

    fn value(&mut self, schema: &'a Json, doc: &Yaml, path: &mut Vec<Step>, depth: usize) {
        if depth > 64 {
            return;
        }
        let schema = self.resolve(schema);
        if schema.as_bool() == Some(true) {
            return;
        }
        if let Yaml::Tagged(t) = doc {
            self.push(
                path,
                false,
                "wrong-type",
                format!(
                    "`{}`: rule files do not use YAML tags ({})",
                    path_text(path),
                    t.tag
                ),
                Some("remove the `!tag` before the value".into()),
            );
            return;
        }
        if let Some(parts) = schema.get("allOf").and_then(Json::as_array) {
            for part in parts {
                self.value(part, doc, path, depth + 1);
            }
        }
        // Alternatives: untagged enums (one word or a list) and enums with documented variants.
        if let Some(alts) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            if alts.iter().any(|a| self.fits(a, doc, path)) {
                return;
            }
            // Every alternative a single value: an enum of documented variants.
            let consts: Vec<&str> = alts
                .iter()
                .filter_map(|a| self.resolve(a).get("const").and_then(Json::as_str))
                .collect();
            if consts.len() == alts.len() {
                self.bad_value(path, doc, &consts);
                return;
            }
            // Report against the alternative of the same shape (a list for a list).
            let same_shape = alts
                .iter()
                .find(|a| self.shape_ok(a, doc, 0))
                .or(alts.first());
            if let Some(a) = same_shape {
                self.value(a, doc, path, depth + 1);
            }
            return;
        }
        if let Some(c) = schema.get("const").and_then(Json::as_str) {
            if doc.as_str() != Some(c) {
                self.bad_value(path, doc, &[c]);
            }
            return;
        }
        if let Some(e) = schema.get("enum").and_then(Json::as_array) {
            let words: Vec<&str> = e.iter().filter_map(Json::as_str).collect();
            let ok = match doc {
                Yaml::String(s) => words.contains(&s.as_str()),
                Yaml::Null => e.iter().any(Json::is_null),
                _ => false,
            };
            if !ok {
                self.bad_value(path, doc, &words);
            }
            return;
        }
        if !self.type_ok(schema, doc) && self.word_wanted(schema, doc) {
            self.coerce.push(path.clone());
            let text = scalar_text(doc);
            self.out.push(Violation {
                path: path.clone(),
                at_key: false,
                code: "unquoted-word",
                message: format!(
                    "`{}` is read as the word \"{text}\", but YAML tools may read it as {}",
                    path_text(path),
                    yaml_type(doc)
                ),
                help: Some(format!("put it in quotes: \"{text}\"")),
                warning: true,
            });
            return;
        }
        if !self.type_ok(schema, doc) {
            let want = describe_type(schema);
            self.push(
                path,
                false,
                "wrong-type",
                format!(
                    "{} should be {want}, not {}",
                    if path.is_empty() {
                        "the file".to_string()
                    } else {
                        format!("`{}`", path_text(path))
                    },
                    yaml_type(doc)
                ),
                Some(type_help(schema)),
            );
            return;
        }
        match doc {
            Yaml::Mapping(m) => self.mapping(schema, m, path, depth),
            Yaml::Sequence(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        self.value(item_schema, item, path, depth + 1);
                        path.pop();
                    }
                }
            }
            Yaml::Number(n) => {
                if let (Some(min), Some(x)) =
                    (schema.get("minimum").and_then(Json::as_f64), n.as_f64())
                    && x < min
                {
                    self.push(
                        path,
                        false,
                        "wrong-type",
                        format!(
                            "`{}` is {x}, but it must be at least {min}",
                            path_text(path)
                        ),
                        None,
                    );
                }
            }
            _ => {}
        }
    }

    fn mapping(
        &mut self,
        schema: &'a Json,
        m: &serde_yaml::Mapping,
        path: &mut Vec<Step>,
        depth: usize,
    ) {
        let props: Option<&'a Map<String, Json>> =
            schema.get("properties").and_then(Json::as_object);
        let additional = schema.get("additionalProperties");
        let closed = additional.and_then(Json::as_bool) == Some(false);
        let key_names = schema
            .get("propertyNames")
            .map(|p| self.resolve(p))
            .and_then(|p| p.get("enum").or_else(|| p.get("oneOf")));
        // A required key that an unknown key looks like a typo of is one mistake, not two.
        let mut suggested: Vec<&str> = Vec::new();
        for (k, v) in m {
            let key = key_text(k);
            if let Some(s) = props.and_then(|p| p.get(&key)) {
                path.push(Step::Key(key));
                self.value(s, v, path, depth + 1);
                path.pop();
                continue;
            }
            if closed {
                let mut p = path.clone();
                p.push(Step::Key(key.clone()));
                let names: Vec<&str> = props
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let help = match super::closest(&key, names.iter().copied()) {
                    Some(c) => {
                        suggested.push(c);
                        format!("did you mean `{c}`?")
                    }
                    None => format!("the keys allowed here are: {}", names.join(", ")),
                };
                let place = if path.is_empty() {
                    "at the top of this file".to_string()
                } else {
                    format!("in `{}`", path_text(path))
                };
                self.push(
                    &p,
                    true,
                    "unknown-field",
                    format!("unknown key `{key}` {place}"),
                    Some(help),
                );
                continue;
            }
            if key_names.is_some() {
                let names_schema = schema.get("propertyNames").expect("checked above");
                if !self.fits(names_schema, &Yaml::String(key.clone()), path) {
                    let names = self.const_words(names_schema);
                    let mut p = path.clone();
                    p.push(Step::Key(key.clone()));
                    let help = match super::closest(&key, names.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("use one of: {}", names.join(", ")),
                    };
                    self.push(
                        &p,
                        true,
                        "unknown-value",
                        format!("`{key}` is not a valid key in `{}`", path_text(path)),
                        Some(help),
                    );
                    continue;
                }
            }
            if let Some(s) = additional.filter(|a| a.is_object()) {
                path.push(Step::Key(key));
                self.value(s, v, path, depth + 1);
                path.pop();
            }
        }
        if let Some(req) = schema.get("required").and_then(Json::as_array) {
            for r in req.iter().filter_map(Json::as_str) {
                if !m.contains_key(r) && !suggested.contains(&r) {
                    let place = if path.is_empty() {
                        "this file".to_string()
                    } else {
                        format!("`{}`", path_text(path))
                    };
                    self.push(
                        path,
                        true,
                        "missing-field",
                        format!("{place} has no `{r}`"),
                        Some(format!("add `{r}: ...`; `crosscheck rules schema` lists what each kind of entry needs")),
                    );
                }
            }
        }
    }

    fn const_words(&self, schema: &'a Json) -> Vec<&'a str> {
        let schema = self.resolve(schema);
        if let Some(e) = schema.get("enum").and_then(Json::as_array) {
            return e.iter().filter_map(Json::as_str).collect();
        }
        schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Json::as_array)
            .map(|alts| {
                alts.iter()
                    .filter_map(|a| self.resolve(a).get("const").and_then(Json::as_str))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn bad_value(&mut self, path: &[Step], doc: &Yaml, words: &[&str]) {
        let shown = match doc {
            Yaml::String(s) => s.clone(),
            other => yaml_type(other).to_string(),
        };
        let help = match doc
            .as_str()
            .and_then(|s| super::closest(s, words.iter().copied()))
        {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("use one of: {}", words.join(", ")),
        };
        self.push(
            path,
            false,
            "unknown-value",
            format!("`{}` cannot be `{shown}`", path_text(path)),
            Some(help),
        );
    }

    /// Whether `doc` has the outward shape `schema` asks for (a list for a list, a word
    /// for a choice of words), to pick the alternative to report against.
    fn shape_ok(&self, schema: &'a Json, doc: &Yaml, depth: usize) -> bool {
        let schema = self.resolve(schema);
        if schema.get("type").is_some() {
            return self.type_ok(schema, doc);
        }
        if schema.get("const").is_some() || schema.get("enum").is_some() {
            return doc.is_string();
        }
        match schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            Some(alts) if depth < 8 => alts.iter().any(|a| self.shape_ok(a, doc, depth + 1)),
            _ => true,
        }
    }

    /// A bare scalar where only a word fits: serde reads it as the word.
    fn word_wanted(&self, schema: &Json, doc: &Yaml) -> bool {
        let types: Vec<&str> = match schema.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            _ => return false,
        };
        types.contains(&"string")
            && match doc {
                Yaml::Bool(_) | Yaml::Number(_) => true,
                Yaml::Null => !types.contains(&"null"),
                _ => false,
            }
    }

    fn type_ok(&self, schema: &Json, doc: &Yaml) -> bool {
        let types: Vec<&str> = match schema.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            _ => return true,
        };
        types.iter().any(|t| match (*t, doc) {
            ("null", Yaml::Null) => true,
            ("boolean", Yaml::Bool(_)) => true,
            ("string", Yaml::String(_)) => true,
            ("integer", Yaml::Number(n)) => n.is_i64() || n.is_u64(),
            ("number", Yaml::Number(_)) => true,
            ("array", Yaml::Sequence(_)) => true,
            ("object", Yaml::Mapping(_)) => true,
            _ => false,
        })
    }
}

fn describe_type(schema: &Json) -> String {
    let types: Vec<&str> = match schema.get("type") {
        Some(Json::String(t)) => vec![t.as_str()],
        Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
        _ => vec![],
    };
    let words: Vec<&str> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "boolean" => "true or false",
            "string" => "text",
            "integer" => "a whole number",
            "number" => "a number",
            "array" => "a list",
            "object" => "a map of keys",
            other => other,
        })
        .collect();
    if words.is_empty() {
        "something else".into()
    } else {
        words.join(" or ")
    }
}

/// What to write instead of a value of the wrong type.
fn type_help(schema: &Json) -> String {
    let types: Vec<&str> = match schema.get("type") {
        Some(Json::String(t)) => vec![t.as_str()],
        Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
        _ => vec![],
    };
    let what = if types.contains(&"boolean") {
        "write `true` or `false`"
    } else if types.contains(&"array") {
        "write a list: `[a, b]`, or one `- item` per line"
    } else if types.contains(&"object") {
        "write keys and values, one `key: value` per line"
    } else if types.contains(&"integer") {
        "write a whole number, without quotes"
    } else if types.contains(&"number") {
        "write a number, without quotes"
    } else {
        "write a word or phrase"
    };
    match schema.get("description").and_then(Json::as_str) {
        Some(d) => format!("{what} ({})", first_sentence(d).trim_end_matches('.')),
        None => what.to_string(),
    }
}

fn first_sentence(s: &str) -> &str {
    let s = s.trim();
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}
