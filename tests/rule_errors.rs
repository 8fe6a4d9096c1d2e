//! Broken rule files are reported at file:line:column, all of them in one run,
//! and never panic.

use std::fs;
use std::sync::Arc;

use crosscheck::pack::schema::SchemaKind;
use crosscheck::pack::{FileKind, Op, Pack, RuleErrors, compile, parse_yaml, read_sources};
use proptest::prelude::*;

fn load(files: &[(&str, &str)]) -> Result<Pack, RuleErrors> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    Pack::load(dir.path())
}

fn errors(files: &[(&str, &str)]) -> RuleErrors {
    match load(files) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

#[test]
fn unknown_key_with_did_you_mean() {
    let e = errors(&[(
        "labels.yaml",
        "rules:\n  - id: a\n    lable: contested\n    priority: 1\n    when: {claim: {related: true}}\n",
    )]);
    let d = e.items.iter().find(|d| d.code == "unknown-field").unwrap();
    // `label` is missing too, but that is the same mistake: one diagnostic.
    assert_eq!(e.items.len(), 1, "{}", e.render());
    assert!(d.file.ends_with("labels.yaml"));
    assert_eq!((d.line, d.column), (3, 5));
    assert_eq!(d.help.as_deref(), Some("did you mean `label`?"));
}

#[test]
fn unknown_reference_and_duplicate_id_in_one_run() {
    let labels = "\
conditions:
  - id: denial
    when: {statement: {stance: denies}}
rules:
  - id: a
    label: contested
    priority: 2
    when: {ref: denail}
  - id: a
    label: unconfirmed
    priority: 1
    when: {claim: {related: true}}
";
    let e = errors(&[("labels.yaml", labels)]);
    let found: Vec<(&str, usize)> = e.errors().map(|d| (d.code, d.line)).collect();
    assert!(found.contains(&("unknown-reference", 8)), "{found:?}");
    assert!(found.contains(&("duplicate-id", 9)), "{found:?}");
    let unknown = e.errors().find(|d| d.code == "unknown-reference").unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `denial`?"));
}

#[test]
fn reference_cycle() {
    let labels = "\
conditions:
  - id: a
    when: {ref: b}
  - id: b
    when: {ref: a}
rules:
  - id: r
    label: contested
    priority: 1
    when: {ref: a}
";
    let e = errors(&[("labels.yaml", labels)]);
    assert!(
        e.errors()
            .any(|d| d.code == "cycle" && d.message.contains("a -> b -> a")),
        "{}",
        e.render()
    );
}

#[test]
fn errors_in_several_files_are_all_reported() {
    let e = errors(&[
        (
            "text.yaml",
            "junk:\n  - id: bad\n    pattern: '(unclosed'\n",
        ),
        (
            "sources.yaml",
            "entities:\n  - id: x\n    name: X\n    speaks_for: nobody\n",
        ),
    ]);
    let codes: Vec<&str> = e.errors().map(|d| d.code).collect();
    assert!(codes.contains(&"bad-pattern"), "{codes:?}");
    assert!(codes.contains(&"unknown-reference"), "{codes:?}");
}

#[test]
fn rendered_diagnostic_shows_the_line() {
    let e = errors(&[(
        "labels.yaml",
        "rules:\n  - id: a\n    label: contestd\n    priority: 1\n    when: {claim: {related: true}}\n",
    )]);
    let out = e.render();
    assert!(out.contains("label: contestd"), "{out}");
    assert!(out.contains("labels.yaml:3:"), "{out}");
}

#[test]
fn hostile_yaml_does_not_panic() {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nrules: [*g]\n";
    assert!(load(&[("labels.yaml", bomb)]).is_err());
    let deep = format!("rules: {}{}\n", "[".repeat(2_000), "]".repeat(2_000));
    assert!(load(&[("labels.yaml", &deep)]).is_err());
    assert!(load(&[("cues.yaml", "\u{0}\u{1}: [")]).is_err());
}

#[test]
fn missing_directory() {
    let e = Pack::load(std::path::Path::new("/nonexistent/rules")).unwrap_err();
    assert_eq!(e.items[0].code, "not-a-directory");
}

#[test]
fn huge_and_binary_files_are_refused_without_panicking() {
    let huge = "hedges: [".to_string() + &"word, ".repeat(800_000) + "]\n";
    assert!(huge.len() as u64 > crosscheck::pack::MAX_FILE_BYTES);
    let e = errors(&[("stance.yaml", &huge)]);
    assert_eq!(e.items[0].code, "too-large");
    assert_eq!(e.exit_code(false), 5);

    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    fs::write(dir.path().join("labels.yaml"), &junk).unwrap();
    let e = Pack::load(dir.path()).unwrap_err();
    assert_eq!(e.items[0].code, "not-utf8");
    assert!(e.render().contains("labels.yaml:"), "{}", e.render());
}

#[test]
fn hostile_manifest_and_test_files_do_not_panic() {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\nextends: default\nremove: {labels.yaml: {rules: *f}}\n";
    assert!(load(&[("pack.yaml", bomb)]).is_err());
    let deep = format!(
        "extends: default\nremove: {}{}\n",
        "{a: ".repeat(500),
        "}".repeat(500)
    );
    assert!(load(&[("pack.yaml", &deep)]).is_err());
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("tests")).unwrap();
    fs::write(dir.path().join("tests/t.yaml"), bomb).unwrap();
    fs::write(dir.path().join("pack.yaml"), "extends: default\n").unwrap();
    let v = crosscheck::pack::validate::validate(&crosscheck::pack::validate::target(dir.path()));
    assert!(v.diagnostics.has_errors());
}

/// Any text as any kind of file: a located diagnostic or a document, never a panic.
fn parse_any(kind: SchemaKind, text: String) -> RuleErrors {
    use crosscheck::pack::manifest::PackManifest;
    use crosscheck::pack::raw::*;
    use crosscheck::rules::testing::TestFile;
    let text = Arc::new(text);
    let mut e = RuleErrors::default();
    let name = "f.yaml";
    let _ = match kind {
        SchemaKind::Rules(FileKind::Cues) => parse_yaml::<CuesFile>(name, &text, kind, &mut e),
        SchemaKind::Rules(FileKind::Stance) => parse_yaml::<StanceFile>(name, &text, kind, &mut e),
        SchemaKind::Rules(FileKind::Sources) => {
            parse_yaml::<SourcesFile>(name, &text, kind, &mut e)
        }
        SchemaKind::Rules(FileKind::Text) => parse_yaml::<TextFile>(name, &text, kind, &mut e),
        SchemaKind::Rules(FileKind::English) => {
            parse_yaml::<EnglishFile>(name, &text, kind, &mut e)
        }
        SchemaKind::Rules(FileKind::Linking) => {
            parse_yaml::<LinkingFile>(name, &text, kind, &mut e)
        }
        SchemaKind::Rules(FileKind::Labels) => parse_yaml::<LabelsFile>(name, &text, kind, &mut e),
        SchemaKind::Tests => parse_yaml::<TestFile>(name, &text, kind, &mut e),
        SchemaKind::Manifest => parse_yaml::<PackManifest>(name, &text, kind, &mut e),
    };
    e
}

/// Text that looks like rule files: their keys and words, YAML punctuation, indents.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("rules:".to_string()),
        Just("conditions:".to_string()),
        Just("cases:".to_string()),
        Just("- id: a".to_string()),
        Just("- id: b".to_string()),
        Just("label: contested".to_string()),
        Just("priority: 5".to_string()),
        Just("when:".to_string()),
        Just("ref: a".to_string()),
        Just("ref: b".to_string()),
        Just("all:".to_string()),
        Just("any:".to_string()),
        Just("not:".to_string()),
        Just("statement: {stance: denies}".to_string()),
        Just("count: {statement: {}, at_least: 2, at_most: 1}".to_string()),
        Just("claim: {related: true}".to_string()),
        Just("verbs: {asserts: [say]}".to_string()),
        Just("entities: [{id: x, name: X, speaks_for: x}]".to_string()),
        Just("junk: [{id: j, pattern: '(', after: j}]".to_string()),
        Just("extends: default".to_string()),
        Just("remove: {labels.yaml: {rules: [a]}}".to_string()),
        Just("documents: [text]".to_string()),
        "[a-z_]{1,8}".prop_map(|s| s),
        "[-:,\\[\\]{}&*!|>'\"#%@` ]".prop_map(|s| s),
        "[0-9.e+-]{1,6}".prop_map(|s| s),
        Just("\n".to_string()),
        Just("\n  ".to_string()),
        Just("\n    ".to_string()),
        Just("\t".to_string()),
        Just("&x ".to_string()),
        Just("*x".to_string()),
        Just("é€\u{0}".to_string()),
    ];
    prop::collection::vec(token, 0..60).prop_map(|ts| ts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn parsing_any_text_never_panics(text in "\\PC{0,200}", kind in 0usize..9) {
        let e = parse_any(SchemaKind::all()[kind], text);
        let _ = e.render();
    }

    #[test]
    fn parsing_rule_like_text_never_panics(text in yamlish(), kind in 0usize..9) {
        let e = parse_any(SchemaKind::all()[kind], text);
        for d in &e.items {
            // Every diagnostic is placed inside the file.
            prop_assert!(d.line >= 1);
            let _ = d.render();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, .. ProptestConfig::default() })]

    /// The whole load (every check, every kind) on rule-like text in one file.
    #[test]
    fn loading_a_pack_never_panics(text in yamlish(), kind in 0usize..7, merge in any::<bool>()) {
        let mut sources = read_sources(None);
        let name = format!("pack/{}", FileKind::ALL[kind].file_name());
        if merge {
            // As a folder that extends the default pack: merged into the default file.
            let mut file = sources.files[kind].clone();
            file.text = Arc::new(text);
            file.name = name;
            sources.files.push(file);
            let i = sources.files.len() - 1;
            sources.ops[kind].push(Op::Merge(i));
        } else {
            sources.files[kind].text = Arc::new(text);
            sources.files[kind].name = name;
        }
        sources.folders.push(sources.folders[0].clone());
        match compile(sources) {
            Ok(p) => { let _ = p.warnings.render(); }
            Err(e) => {
                prop_assert!(e.has_errors());
                let _ = e.render();
            }
        }
    }
}
