//! The rule-pack tooling, from the library and from the installed binary: layering
//! (`pack.yaml`), `rules validate|schema|test|init|explain`, exit codes, the committed
//! JSON schemas and the rule-file headers that point at them.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crosscheck::pack::schema::SchemaKind;
use crosscheck::pack::{FileKind, Pack, read_tests};
use crosscheck::{Document, Engine};

fn bin() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn pack(files: &[(&str, &str)]) -> (tempfile::TempDir, Pack) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let pack = match Pack::load(dir.path()) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.render()),
    };
    (dir, pack)
}

/// Labels and deciding rules of the claims in `texts`.
fn labels(engine: &Engine, texts: &[&str]) -> Vec<(String, Option<String>)> {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("text-{}", i + 1), *t))
        .collect();
    engine
        .check(docs, None, false)
        .report
        .claims
        .into_iter()
        .map(|c| (c.label.to_string(), c.rule))
        .collect()
}

const CLAIM: &str = "The Kremlin says Trump invited Putin to the White House.";
const CONFIRMATION: &str = "The White House confirmed the invitation.";
const DENIAL: &str = "The State Department denied that Trump had invited Putin.";

fn rule_ids(p: &Pack) -> Vec<&str> {
    p.rules.rules.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn extending_overrides_a_rule_by_id_and_adds_rules() {
    let (_d, p) = pack(&[
        ("pack.yaml", "extends: default\n"),
        (
            "labels.yaml",
            "rules:\n  - id: contested\n    label: contested\n    priority: 10\n    when: {ref: denial}\n  - id: two-confirmations\n    label: confirmed\n    priority: 75\n    when: {count: {statement: {stance: confirms}, at_least: 2}}\n",
        ),
    ]);
    // The default rules stay, `contested` moved down to priority 10, one rule added.
    assert_eq!(
        rule_ids(&p),
        [
            "unrelated",
            "agrees-it-is-false",
            "contested-given",
            "confirmed-with-caveat",
            "two-confirmations",
            "confirmed",
            "stated-by-outlet",
            "presented-as-fact",
            "subject-confirms",
            "contested",
            "one-side-only"
        ]
    );
    // With the default pack a denial outranks a confirmation; here it no longer does.
    let default = Engine::builtin().unwrap();
    assert_eq!(
        labels(&default, &[CLAIM, CONFIRMATION, DENIAL]),
        [("contested".into(), Some("contested".into()))]
    );
    assert_eq!(
        labels(&Engine::new(p), &[CLAIM, CONFIRMATION, DENIAL]),
        [("confirmed".into(), Some("confirmed".into()))]
    );
}

#[test]
fn extending_adds_words_and_entities() {
    let text = "Acme trumpeted that Trump invited Putin to the White House.";
    assert!(labels(&Engine::builtin().unwrap(), &[text]).is_empty());
    let (_d, p) = pack(&[
        ("pack.yaml", "extends: default\n"),
        ("cues.yaml", "verbs:\n  asserts: [trumpet]\n"),
        (
            "sources.yaml",
            "entities:\n  - id: acme\n    name: Acme Corp\n    aliases: [Acme]\n",
        ),
    ]);
    // The default entities and cues are all still there.
    assert!(p.sources.entities.iter().any(|e| e.id == "kremlin"));
    assert!(p.sources.entities.iter().any(|e| e.id == "acme"));
    let engine = Engine::new(p);
    let checked = engine.check(vec![Document::new("t", text)], None, false);
    let claim = &checked.report.claims[0];
    assert_eq!(claim.claimant.as_ref().unwrap().id, "acme");
    assert_eq!(labels(&engine, &[CLAIM, CONFIRMATION])[0].0, "confirmed");
}

#[test]
fn removing_entries_from_the_pack_underneath() {
    let (_d, p) = pack(&[(
        "pack.yaml",
        "extends: default\nremove:\n  labels.yaml:\n    rules: [stated-by-outlet]\n  cues.yaml:\n    verbs: {confirms: [confirm]}\n",
    )]);
    assert!(!rule_ids(&p).contains(&"stated-by-outlet"));
    assert_eq!(
        p.rules.rules.len(),
        Pack::builtin().unwrap().rules.rules.len() - 1
    );
    // Without `confirm` as a cue, "the White House confirmed" is no confirmation.
    assert_eq!(
        labels(&Engine::builtin().unwrap(), &[CLAIM, CONFIRMATION])[0].0,
        "confirmed"
    );
    let got = labels(&Engine::new(p), &[CLAIM, CONFIRMATION]);
    assert_eq!(got, [("unconfirmed".into(), Some("one-side-only".into()))]);
}

#[test]
fn replace_in_an_extending_pack_replaces_that_file_whole() {
    let (_d, p) = pack(&[
        ("pack.yaml", "extends: default\nreplace: [labels.yaml]\n"),
        (
            "labels.yaml",
            "rules:\n  - id: all\n    label: unconfirmed\n    priority: 0\n    when: {any: [{claim: {related: true}}, {claim: {related: false}}]}\n",
        ),
    ]);
    assert_eq!(rule_ids(&p), ["all"]);
}

#[test]
fn without_a_manifest_files_replace_the_defaults() {
    let (_d, p) = pack(&[(
        "labels.yaml",
        "rules:\n  - id: all\n    label: unconfirmed\n    priority: 0\n    when: {any: [{claim: {related: true}}, {claim: {related: false}}]}\n",
    )]);
    assert_eq!(rule_ids(&p), ["all"]);
    // Other files stay as built in.
    assert!(p.sources.entities.iter().any(|e| e.id == "kremlin"));
}

#[test]
fn a_pack_can_extend_another_folder_and_inherits_its_tests() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("base/pack.yaml", "extends: default\n"),
            (
                "base/sources.yaml",
                "entities:\n  - id: acme\n    name: Acme Corp\n",
            ),
            (
                "base/tests/base.yaml",
                "cases:\n  - name: base case\n    documents: [The Kremlin says Trump invited Putin to the White House.]\n    expect: [unconfirmed]\n",
            ),
            ("top/pack.yaml", "extends: ../base\n"),
            (
                "top/labels.yaml",
                "rules:\n  - id: extra\n    label: confirmed\n    priority: 75\n    when: {count: {statement: {stance: confirms}, at_least: 2}}\n",
            ),
            (
                "top/tests/top.yaml",
                "cases:\n  - name: top case\n    documents: [The Kremlin says Trump invited Putin to the White House.]\n    not: [confirmed]\n",
            ),
        ],
    );
    let p = Pack::load(&dir.path().join("top")).unwrap_or_else(|e| panic!("{}", e.render()));
    assert!(p.sources.entities.iter().any(|e| e.id == "acme"));
    assert!(rule_ids(&p).contains(&"extra"));
    assert!(rule_ids(&p).contains(&"contested"));
    let mut errors = Default::default();
    let tests = read_tests(&p.folders, &mut errors);
    let names: Vec<(String, bool)> = tests
        .iter()
        .map(|t| {
            (
                Path::new(&t.file.name)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                t.inherited,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("top.yaml".to_string(), false),
            ("base.yaml".to_string(), true),
            ("labels.yaml".to_string(), true),
        ]
    );
    // `rules test --own` runs the folder's own tests only.
    let out = bin()
        .args(["rules", "test", "--own"])
        .arg(dir.path().join("top"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("ok    top case"), "{text}");
    assert!(!text.contains("base case"), "{text}");
    let out = bin()
        .args(["rules", "test"])
        .arg(dir.path().join("top"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("ok    base case"), "{text}");
    assert!(text.contains("(inherited)"), "{text}");
}

#[test]
fn validate_exit_codes_by_class() {
    bin().args(["rules", "validate"]).assert().code(0);
    let dir = tempfile::tempdir().unwrap();
    // Syntax: 1.
    write(&dir.path().join("syntax"), &[("labels.yaml", "rules: [\n")]);
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("syntax"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[syntax]"));
    // Semantic: 4.
    write(
        &dir.path().join("semantic"),
        &[(
            "labels.yaml",
            "rules:\n  - id: a\n    label: contested\n    priority: 1\n    when: {ref: nothing}\n",
        )],
    );
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("semantic"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("error[unknown-reference]"));
    // I/O: 5.
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("missing"))
        .assert()
        .code(5);
    // Several paths: all reported, the most basic class decides.
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("semantic"))
        .arg(dir.path().join("syntax"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[syntax]")
                .and(predicate::str::contains("error[unknown-reference]")),
        );
    // Warnings only: 0, or 4 with --strict.
    write(
        &dir.path().join("warn"),
        &[("stance.yaml", "hedges: [maybe, maybe]\n")],
    );
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("warn"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning[duplicate-entry]"));
    bin()
        .args(["rules", "validate", "--strict"])
        .arg(dir.path().join("warn"))
        .assert()
        .code(4);
    // Checking with a pack that has warnings says so, and works.
    bin()
        .args(["check", "--format", "json", "--text", CLAIM, "--rules"])
        .arg(dir.path().join("warn"))
        .assert()
        .success()
        .stderr(predicate::str::contains("1 warning(s)"));
    // The diagnostics as JSON, for editors and CI.
    let out = bin()
        .args(["rules", "validate", "--format", "json"])
        .arg(dir.path().join("semantic"))
        .assert()
        .code(4);
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["code"], "unknown-reference");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["class"], "semantic");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(17))
    );
    assert!(d["file"].as_str().unwrap().ends_with("labels.yaml"));
}

#[test]
fn commands_that_load_a_bad_pack_exit_1() {
    // check, batch, extract and graph keep the simple contract: 1 for input and rule
    // errors; only `rules validate`/`rules test` tell error classes apart.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "labels.yaml",
            "rules:\n  - id: a\n    label: contested\n    priority: 1\n    when: {ref: nothing}\n",
        )],
    );
    bin()
        .args(["check", "--text", CLAIM, "--rules"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("labels.yaml:5:"));
    bin()
        .args(["check", "--text", CLAIM, "--rules", "/nonexistent/rules"])
        .assert()
        .code(1);
}

#[test]
fn validate_a_single_rule_file_or_test_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("stance.yaml", "hedges: [perhaps]\n"),
            (
                "tests/t.yaml",
                "cases:\n  - name: x\n    documents: [a]\n    expect_rule: [contestd]\n",
            ),
        ],
    );
    // A rule file stands for its folder.
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("stance.yaml"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("did you mean `contested`?"));
    // A test file is checked against the pack above its tests/ folder.
    bin()
        .args(["rules", "validate"])
        .arg(dir.path().join("tests/t.yaml"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("t.yaml:4:19"));
}

#[test]
fn schema_command_prints_and_checks_the_committed_schemas() {
    let out = bin().args(["rules", "schema", "labels"]).assert().success();
    let printed: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let committed: Value =
        serde_json::from_str(&fs::read_to_string("schema/labels.schema.json").unwrap()).unwrap();
    assert_eq!(printed, committed);
    bin()
        .args(["rules", "schema", "--check", "schema"])
        .assert()
        .success();
    bin()
        .args(["rules", "schema", "lables"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `labels`?"));
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["rules", "schema", "--write"])
        .arg(dir.path())
        .assert()
        .success();
    fs::write(dir.path().join("labels.schema.json"), "{}").unwrap();
    bin()
        .args(["rules", "schema", "--check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("labels.schema.json"));
}

/// The schemas in schema/ are the ones the serde types generate. When this fails,
/// run `cargo run -- rules schema --write schema` and commit the result.
#[test]
fn committed_schemas_match_the_generated_ones() {
    for k in SchemaKind::all() {
        let path = PathBuf::from("schema").join(k.file_name());
        let committed = fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run `cargo run -- rules schema --write schema`",
                path.display()
            )
        });
        assert!(
            committed == k.schema_text(),
            "{} is out of date: run `cargo run -- rules schema --write schema`",
            path.display()
        );
    }
}

/// Every rule file starts with the header that points editors at its schema, and the
/// schema is there.
#[test]
fn rule_files_point_at_their_schema() {
    for k in FileKind::ALL {
        let path = Path::new("rules").join(k.file_name());
        let text = fs::read_to_string(&path).unwrap();
        let kind = k.file_name().trim_end_matches(".yaml");
        let header = format!("# yaml-language-server: $schema=../schema/{kind}.schema.json");
        assert_eq!(
            text.lines().next(),
            Some(header.as_str()),
            "{}",
            path.display()
        );
        assert!(
            Path::new("rules")
                .join(format!("../schema/{kind}.schema.json"))
                .is_file()
        );
    }
    for e in fs::read_dir("rules/tests").unwrap() {
        let path = e.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=../../schema/tests.schema.json"),
            "{}",
            path.display()
        );
    }
    assert!(Path::new("rules/tests/../../schema/tests.schema.json").is_file());
}

/// The test files built into the binary are exactly those in rules/tests/.
#[test]
fn embedded_tests_are_the_files_in_rules_tests() {
    let mut on_disk: Vec<(String, String)> = fs::read_dir("rules/tests")
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    on_disk.sort();
    let mut embedded: Vec<(String, String)> = crosscheck::pack::BUILTIN_TESTS
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

/// The default pack's tests pass and name every label rule (`rules test --strict`).
#[test]
fn default_pack_tests_pass_and_cover_every_rule() {
    let out = bin().args(["rules", "test", "--strict"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("test result: ok."), "{text}");
    assert!(text.contains("0 failed; 0 untested rule(s)"), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
    // The same through the folder on disk.
    bin().args(["rules", "test", "rules"]).assert().success();
}

#[test]
fn a_failing_rule_test_shows_a_diff_and_exits_6() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "t.yaml",
            "cases:\n  - name: a denial\n    documents:\n      - The Kremlin says Trump invited Putin to the White House.\n      - The White House denied that Trump had invited Putin.\n    expect: [confirmed]\n  - name: fine\n    documents: [The Kremlin says Trump invited Putin to the White House.]\n    not: [contested]\n",
        )],
    );
    let out = bin()
        .args(["rules", "test"])
        .arg(dir.path().join("t.yaml"))
        .assert()
        .code(6);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("FAIL  a denial (line 2)"), "{text}");
    assert!(text.contains("- C1 confirmed"), "{text}");
    assert!(text.contains("+ C1 contested"), "{text}");
    assert!(text.contains("ok    fine (line 7)"), "{text}");
    assert!(
        text.contains("test result: FAILED. 1 passed; 1 failed"),
        "{text}"
    );
    // A test file without `expect_rule` leaves every rule untested: --strict fails.
    bin()
        .args(["rules", "test", "--strict"])
        .arg(dir.path().join("t.yaml"))
        .assert()
        .code(6);
}

#[test]
fn rule_tests_with_errors_are_reported_not_run() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "t.yaml",
            "cases:\n  - name: x\n    documents: [a]\n    expect_rule: [contestd]\n",
        )],
    );
    bin()
        .args(["rules", "test"])
        .arg(dir.path().join("t.yaml"))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("did you mean `contested`?"))
        .stdout(predicate::str::is_empty());
}

#[test]
fn init_writes_a_pack_that_validates_and_passes_its_tests() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    bin().args(["rules", "init"]).arg(&full).assert().success();
    for k in FileKind::ALL {
        let text = fs::read_to_string(full.join(k.file_name())).unwrap();
        let kind = k.file_name().trim_end_matches(".yaml");
        // The header points into the pack's own schema/ folder, which is there.
        assert_eq!(
            text.lines().next().unwrap(),
            format!("# yaml-language-server: $schema=schema/{kind}.schema.json")
        );
        assert!(full.join(format!("schema/{kind}.schema.json")).is_file());
        // Apart from the header, the file is the default one.
        let default = k.builtin();
        assert_eq!(
            text.lines().skip(1).collect::<Vec<_>>(),
            default.lines().skip(1).collect::<Vec<_>>()
        );
    }
    bin()
        .args(["rules", "validate"])
        .arg(&full)
        .assert()
        .success()
        .stderr(predicate::str::contains("(7 from the folder)"));
    bin()
        .args(["rules", "test", "--strict"])
        .arg(&full)
        .assert()
        .success();
    // It will not overwrite, unless asked to.
    bin()
        .args(["rules", "init"])
        .arg(&full)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    bin()
        .args(["rules", "init", "--force"])
        .arg(&full)
        .assert()
        .success();

    let ext = dir.path().join("ext");
    bin()
        .args(["rules", "init", "--extend"])
        .arg(&ext)
        .assert()
        .success();
    assert!(
        fs::read_to_string(ext.join("pack.yaml"))
            .unwrap()
            .contains("extends: default")
    );
    bin()
        .args(["rules", "validate"])
        .arg(&ext)
        .assert()
        .success();
    let out = bin()
        .args(["rules", "test", "--strict"])
        .arg(&ext)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("(inherited)"), "{text}");
    // And it can be used right away.
    bin()
        .args(["check", "--format", "json", "--text", CLAIM, "--rules"])
        .arg(&ext)
        .assert()
        .success();
}

#[test]
fn explain_a_text_and_a_test_case() {
    let out = bin()
        .args(["rules", "explain", "--text", CLAIM, "--text", CONFIRMATION])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("C1 CONFIRMED"), "{text}");
    assert!(
        text.contains("6. confirmed (priority 70, gives confirmed): DECIDES"),
        "{text}"
    );
    assert!(
        text.contains(
            "✓ a statement with stance=confirms side=other|unknown|outlet  <- statement [2]"
        ),
        "{text}"
    );
    let out = bin()
        .args([
            "rules", "explain", "--format", "json", "--text", CLAIM, "--text", DENIAL,
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v[0]["rule"], "contested");
    assert_eq!(v[0]["explanation"]["winner"], "contested");
    // A case of the default tests, by file and line (any line inside the case).
    let tests = fs::read_to_string("rules/tests/labels.yaml").unwrap();
    let line = tests
        .lines()
        .position(|l| l.contains("a denial outranks a confirmation"))
        .unwrap()
        + 2;
    let out = bin()
        .args(["rules", "explain", "--case"])
        .arg(format!("rules/tests/labels.yaml:{line}"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("test case `a denial outranks a confirmation`: passes"),
        "{text}"
    );
    assert!(text.contains("holds (a rule above decided)"), "{text}");
    // And by name.
    bin()
        .args([
            "rules",
            "explain",
            "--case",
            "rules/tests/labels.yaml#a claim nobody else speaks to is unconfirmed",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("C1 UNCONFIRMED"));
    bin()
        .args([
            "rules",
            "explain",
            "--case",
            "rules/tests/labels.yaml#no such case",
        ])
        .assert()
        .code(2);
}

/// docs/rules.md describes every key of every kind of file (as the schemas have them)
/// and every diagnostic code the sources can report; the README links to it.
#[test]
fn docs_describe_every_key_and_every_diagnostic() {
    let docs = fs::read_to_string("docs/rules.md").unwrap();
    let mut missing = Vec::new();
    for k in SchemaKind::all() {
        let schema = k.schema();
        let mut objects = vec![schema.clone()];
        if let Some(defs) = schema.get("definitions").and_then(Value::as_object) {
            objects.extend(defs.values().cloned());
        }
        for o in objects {
            if let Some(props) = o.get("properties").and_then(Value::as_object) {
                for key in props.keys() {
                    if !docs.contains(&format!("`{key}")) {
                        missing.push(format!("{}: key `{key}`", k.name()));
                    }
                }
            }
        }
    }
    // Diagnostic codes: `Class::X, "code"` wherever a diagnostic is made, and the
    // codes serde errors are sorted into.
    let re = regex::Regex::new(r#"Class::(?:Syntax|Semantic|Io),\s*"([a-z0-9-]+)""#).unwrap();
    let mut codes: Vec<String> = vec![
        "syntax".into(),
        "unknown-field".into(),
        "unknown-value".into(),
        "missing-field".into(),
        "wrong-type".into(),
        "too-deep".into(),
        "unquoted-word".into(),
    ];
    for dir in ["src/pack", "src/rules"] {
        for e in fs::read_dir(dir).unwrap() {
            let text = fs::read_to_string(e.unwrap().path()).unwrap();
            codes.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    codes.sort();
    codes.dedup();
    assert!(codes.len() > 30, "{codes:?}");
    for c in &codes {
        if !docs.contains(&format!("| `{c}` |")) {
            missing.push(format!("diagnostic `{c}`"));
        }
    }
    assert!(missing.is_empty(), "not in docs/rules.md: {missing:#?}");
    let readme = fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("docs/rules.md"));
}
