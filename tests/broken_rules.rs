//! The catalogue of broken rule packs in tests/broken-rules/<case>/: each is validated
//! as `crosscheck rules validate` does, the table below says what it must report and
//! with which exit code, and the rendered diagnostics (no colour) are kept as
//! snapshots in snapshots/broken-rules__<case>.snap. After changing a message, review
//! them with `cargo insta review`.

use std::collections::BTreeSet;
use std::path::Path;

use crosscheck::pack::validate::{Target, target, validate};

struct Case {
    dir: &'static str,
    /// The exit code `rules validate` gives.
    exit: i32,
    /// Every diagnostic code the case reports, errors and warnings.
    codes: &'static [&'static str],
}

const fn case(dir: &'static str, exit: i32, codes: &'static [&'static str]) -> Case {
    Case { dir, exit, codes }
}

const CASES: &[Case] = &[
    case("alias-bomb", 1, &["too-deep"]),
    case("bad-pattern", 4, &["bad-pattern", "out-of-range"]),
    case(
        "bad-tests",
        1,
        &[
            "duplicate-id",
            "empty-test",
            "inconsistent-test",
            "unknown-field",
            "unknown-reference",
        ],
    ),
    case("cycle", 4, &["cycle"]),
    case(
        "duplicate-entries",
        0,
        &[
            "ambiguous-alias",
            "duplicate-cue",
            "duplicate-entry",
            "empty-entry",
            "short-group",
            "unused-entry",
        ],
    ),
    case("duplicate-id", 4, &["duplicate-id"]),
    case("duplicate-key", 1, &["syntax"]),
    case(
        "empty-condition",
        4,
        &["empty-condition", "impossible-condition", "shadowed-rule"],
    ),
    case("empty-pack", 4, &["empty-pack"]),
    case("extends-cycle/a", 4, &["cycle"]),
    case("extends-missing", 5, &["not-a-directory"]),
    case("layering", 4, &["unknown-reference", "unused-entry"]),
    case("manifest-errors", 1, &["unknown-field", "unknown-value"]),
    case("missing-field", 1, &["missing-field"]),
    case(
        "mixed-classes",
        5,
        &["not-a-directory", "syntax", "unknown-reference"],
    ),
    case("no-fallback", 0, &["no-fallback"]),
    case("not-a-map", 1, &["wrong-type"]),
    case("not-utf8", 1, &["not-utf8"]),
    case(
        "placeholders",
        0,
        &["bad-url", "unknown-placeholder", "unused-entry"],
    ),
    case("ref-chain", 4, &["too-deep"]),
    case("several-keys", 4, &["several-keys"]),
    case("shadowed-rule", 0, &["shadowed-rule"]),
    case("skipped-files", 4, &["skipped-file"]),
    case("syntax-error", 1, &["syntax"]),
    case("too-complex", 4, &["too-complex"]),
    case("too-deep", 1, &["too-deep"]),
    case("unknown-key", 1, &["unknown-field"]),
    case(
        "unknown-reference",
        4,
        &["unknown-reference", "unused-entry"],
    ),
    case("unknown-value", 1, &["unknown-value"]),
    case("unquoted-word", 0, &["unquoted-word"]),
    case("wrong-type", 1, &["wrong-type"]),
];

fn root() -> &'static Path {
    Path::new("tests/broken-rules")
}

#[test]
fn every_broken_pack_reports_what_it_should() {
    assert!(
        std::env::current_dir().unwrap().join(root()).is_dir(),
        "run from the package root"
    );
    for c in CASES {
        let dir = root().join(c.dir);
        let t = target(&dir);
        assert_eq!(t, Target::Pack(dir.clone()), "{}", c.dir);
        let v = validate(&t);
        let codes: BTreeSet<&str> = v.diagnostics.items.iter().map(|d| d.code).collect();
        let want: BTreeSet<&str> = c.codes.iter().copied().collect();
        // The summary line counts the rules of the default pack, which changes as
        // the default rules are tuned: it is not part of the snapshot.
        let rendered = format!(
            "{}\nexit code: {}\n",
            v.diagnostics.render(),
            v.exit_code(false)
        );
        assert_eq!(codes, want, "{}:\n{rendered}", c.dir);
        assert_eq!(v.exit_code(false), c.exit, "{}:\n{rendered}", c.dir);
        // Every diagnostic is placed in a file, and those with a line show it.
        for d in &v.diagnostics.items {
            assert!(!d.file.is_empty(), "{}: {d:?}", c.dir);
            if d.line > 0 {
                assert!(
                    d.render()
                        .contains(&format!("{}:{}:{}", d.file, d.line, d.column)),
                    "{}: {}",
                    c.dir,
                    d.render()
                );
            }
        }
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("broken-rules__{}", c.dir.replace('/', "-")), rendered);
        });
    }
}

/// Every folder of the catalogue has a row in the table, and every row a folder.
#[test]
fn the_table_lists_every_case() {
    let mut on_disk: BTreeSet<String> = std::fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // A pair of packs that extend each other; `a` is the case.
    assert!(on_disk.remove("extends-cycle"));
    on_disk.insert("extends-cycle/a".into());
    let listed: BTreeSet<String> = CASES.iter().map(|c| c.dir.to_string()).collect();
    assert_eq!(on_disk, listed);
}

/// Strict mode turns warnings into a failing exit code; errors keep theirs.
#[test]
fn strict_counts_warnings() {
    let v = validate(&target(&root().join("shadowed-rule")));
    assert_eq!(v.exit_code(false), 0);
    assert_eq!(v.exit_code(true), 4);
    let v = validate(&target(&root().join("unquoted-word")));
    assert_eq!(v.exit_code(true), 1, "unquoted words are a syntax matter");
}
