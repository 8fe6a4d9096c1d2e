//! Explanations (`crosscheck rules explain`) of every fixture in tests/fixtures, kept
//! as snapshots in snapshots/<fixture>.explain.snap: each claim's statements and every
//! label rule in the order tried, each condition marked ✓ or ✗ with the statements
//! that satisfied it. After changing rules, review with `cargo insta review`.

mod common;

use crosscheck::Engine;
use crosscheck::rules::TraceNode;

#[test]
fn fixture_explanations() {
    let engine = Engine::builtin().expect("default rule pack compiles");
    for f in common::fixtures() {
        let checked = engine.check(f.docs.clone(), f.claim.as_deref(), true);
        let text = crosscheck::rules::explain::render(&checked.report);
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{}.explain", f.name), text);
        });
    }
}

/// What the explanation says agrees with the verdict: the winner is the first rule
/// that held, it decided the label, and a condition that held names the statements
/// behind it whenever it tests statements.
#[test]
fn explanations_agree_with_the_verdicts() {
    let engine = Engine::builtin().expect("default rule pack compiles");
    fn check_node(n: &TraceNode, statements: usize) {
        if !n.held {
            assert!(n.statements.is_empty(), "{n:?}");
        }
        for s in &n.statements {
            assert!(*s >= 1 && *s <= statements, "statement {s} of {statements}");
        }
        if n.held && n.condition.starts_with("a statement with") {
            assert!(!n.statements.is_empty(), "{n:?}");
        }
        // A composite that held stands on what its parts that held stand on.
        if n.held && (n.condition == "all of" || n.condition == "any of") {
            let mut from_parts: Vec<usize> = n
                .parts
                .iter()
                .filter(|p| p.held)
                .flat_map(|p| p.statements.clone())
                .collect();
            from_parts.sort_unstable();
            from_parts.dedup();
            assert_eq!(n.statements, from_parts, "{n:?}");
        }
        for p in &n.parts {
            check_node(p, statements);
        }
    }
    let mut claims = 0;
    for f in common::fixtures() {
        let checked = engine.check(f.docs.clone(), f.claim.as_deref(), true);
        for c in &checked.report.claims {
            claims += 1;
            let t = c.explanation.as_ref().expect("asked for explanations");
            let first_held = t.rules.iter().find(|r| r.held).map(|r| r.rule.clone());
            assert_eq!(t.winner, first_held, "{}", f.name);
            assert_eq!(c.rule, t.winner, "{}", f.name);
            let fired: Vec<&str> = c.fired.iter().map(|r| r.rule.as_str()).collect();
            let held: Vec<&str> = t
                .rules
                .iter()
                .filter(|r| r.held)
                .map(|r| r.rule.as_str())
                .collect();
            assert_eq!(fired, held, "{}", f.name);
            // Rules are listed highest priority first.
            assert!(t.rules.windows(2).all(|w| w[0].priority >= w[1].priority));
            for r in &t.rules {
                check_node(&r.condition, c.statements.len());
            }
        }
    }
    assert!(claims > 10, "the fixtures have claims");
}
