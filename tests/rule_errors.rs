//! Broken rule files are reported at file:line:column, all of them in one run,
//! and never panic.

use std::fs;

use crosscheck::pack::{Pack, RuleErrors};

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
    let d = &e.items[0];
    assert_eq!(d.code, "unknown-field");
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
