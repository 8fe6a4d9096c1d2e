//! Snapshot reports (text and YAML) for every fixture in tests/fixtures, stored in the
//! top-level snapshots/ folder. After changing rules, review with `cargo insta review`.

mod common;

use crosscheck::Engine;

#[test]
fn fixture_reports() {
    let engine = Engine::builtin().expect("default rule pack compiles");
    for f in common::fixtures() {
        let checked = engine.check(f.docs.clone(), f.claim.as_deref(), false);
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{}.text", f.name), crosscheck::report::text(&checked.report));
            insta::assert_yaml_snapshot!(format!("{}.yaml", f.name), checked.report);
        });
    }
}

/// The labels the fixtures' `expect:` lists name, claim by claim.
#[test]
fn fixture_labels() {
    let engine = Engine::builtin().expect("default rule pack compiles");
    let mut checked_any = false;
    for f in common::fixtures()
        .into_iter()
        .filter(|f| !f.expect.is_empty())
    {
        checked_any = true;
        let checked = engine.check(f.docs, f.claim.as_deref(), false);
        let labels: Vec<&str> = checked.verdicts.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(labels, f.expect, "fixture {}", f.name);
    }
    assert!(checked_any, "no fixture lists expected labels");
}
