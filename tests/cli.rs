//! The command line, run as a user would: exit codes, formats, batch behaviour.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

const CLAIM: &str = "The Kremlin says Trump invited Putin to the White House.";
const CONFIRMATION: &str =
    "The White House confirmed the invitation, noting that no date had been set.";

#[test]
fn check_inline_texts_gives_qualified() {
    let out = bin()
        .args([
            "check",
            "--format",
            "json",
            "--text",
            CLAIM,
            "--text",
            CONFIRMATION,
        ])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["claims"][0]["label"], "qualified");
    assert_eq!(v["claims"][0]["rule"], "confirmed-with-caveat");
    assert_eq!(v["claims"][0]["claimant"]["id"], "kremlin");
    // Every statement carries character offsets into its document.
    let st = &v["claims"][0]["statements"][1];
    assert_eq!(st["doc"], "text-2");
    assert_eq!(st["cue"]["text"], "confirmed");
    assert_eq!(st["cue"]["chars"], serde_json::json!([16, 25]));
}

#[test]
fn fail_on_sets_the_exit_code() {
    bin()
        .args([
            "check",
            "--format",
            "json",
            "--text",
            CLAIM,
            "--fail-on",
            "unconfirmed",
        ])
        .assert()
        .code(3);
    bin()
        .args([
            "check",
            "--format",
            "json",
            "--text",
            CLAIM,
            "--fail-on",
            "contested",
        ])
        .assert()
        .code(0);
    bin()
        .args(["check", "--text", CLAIM, "--fail-on", "maybe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown label"));
}

#[test]
fn reads_files_stdin_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, CLAIM).unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "a.txt",
            "-",
            "--format",
            "json",
            "--date",
            "2018-04-02",
            "--date",
            "2018-04-03",
        ])
        .write_stdin(CONFIRMATION)
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(
        v["documents"][0]["id"], "a.txt",
        "ids are the paths as given, not absolute"
    );
    assert_eq!(v["documents"][1]["id"], "<stdin>");
    assert_eq!(v["documents"][1]["date"], "2018-04-03");
    assert_eq!(v["claims"][0]["label"], "qualified");
}

#[test]
fn input_errors_name_the_file() {
    bin()
        .args(["check", "no-such-file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-file.txt"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    fs::write(&bad, b"caf\xe9 au lait").unwrap();
    bin()
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not UTF-8"));
    bin()
        .args(["check", "--text", CLAIM, "--date", "2018-13-45"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn usage_errors_exit_2() {
    bin()
        .args(["check", "--format", "pdf", "--text", "x"])
        .assert()
        .code(2);
    bin().arg("frobnicate").assert().code(2);
}

#[test]
fn batch_answers_every_line_in_order() {
    let input = [
        r#"{"id": "a", "claim": "Trump invited Putin to the White House.", "text": "The White House confirmed that Trump invited Putin."}"#,
        r#"{"id": "b", "claim": "x", "text": broken}"#,
        r#"{"id": 3, "claim": "Trump invited Putin to the White House.", "text": "The White House denied that Trump had invited Putin."}"#,
        r#"{"id": "d", "text": "no claim here"}"#,
        r#"{"id": "e", "claim": "Trump invited Putin to the White House.", "text": "Rain is expected in Oslo on Friday."}"#,
    ]
    .join("\n");
    let out = bin().arg("batch").write_stdin(input).assert().code(1);
    let lines: Vec<Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["label"], "confirmed");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 2, column"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["id"], "3");
    assert_eq!(lines[2]["label"], "contested");
    assert_eq!(lines[3]["error"], "line 4: missing `claim`");
    assert_eq!(lines[4]["label"], "unrelated");
}

#[test]
fn extract_jsonl_uses_character_offsets() {
    let text = "\u{201C}Déjà vu,\u{201D} said the mayor.";
    let line = serde_json::json!({"id": "x", "text": text}).to_string();
    let out = bin()
        .args(["extract", "--jsonl"])
        .write_stdin(line)
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    let a = &v["attributions"][0];
    assert_eq!(a["cue"][0], serde_json::json!({"start": 11, "end": 15}));
    assert_eq!(a["source"][0], serde_json::json!({"start": 16, "end": 25}));
    assert_eq!(a["content"][0], serde_json::json!({"start": 0, "end": 10}));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[16..25].iter().collect::<String>(), "the mayor");
}

#[test]
fn extract_lists_nested_attributions_only_when_asked() {
    let text = "The ambassador said the foreign minister had told him that talks would resume.";
    let line = serde_json::json!({"id": "n", "text": text}).to_string();
    let cues = |args: &[&str]| -> Vec<(String, serde_json::Value)> {
        let out = bin()
            .args(args)
            .write_stdin(line.clone())
            .assert()
            .success();
        json(&out.get_output().stdout)["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["cue_text"].as_str().unwrap().to_string(),
                    a["nested_in"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        cues(&["extract", "--jsonl"]),
        [("said".to_string(), serde_json::Value::Null)]
    );
    assert_eq!(
        cues(&["extract", "--jsonl", "--nested"]),
        [
            ("said".to_string(), serde_json::Value::Null),
            ("had told".to_string(), serde_json::json!(0))
        ]
    );
}

#[test]
fn extract_lists_a_continued_quote_paragraph_as_more_content() {
    let text = "\"We will win,\" Smith said.\n\n\"The voters are with us.\"\n\nThe rally ended.";
    let out = bin()
        .args(["extract", "--format", "json", "--text", text])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    let attrs = v[0]["attributions"].as_array().unwrap();
    assert_eq!(attrs.len(), 1, "{attrs:?}");
    assert_eq!(attrs[0]["source_text"], "Smith");
    assert_eq!(
        attrs[0]["content_text"],
        serde_json::json!(["\"We will win,\"", "\"The voters are with us.\""])
    );
}

#[test]
fn graph_as_dot_and_json() {
    bin()
        .args(["graph", "--text", CLAIM, "--text", CONFIRMATION])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("digraph story {")
                .and(predicate::str::contains("speaks for").not()),
        );
    let out = bin()
        .args([
            "graph",
            "--format",
            "json",
            "--text",
            CLAIM,
            "--text",
            CONFIRMATION,
        ])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    let edges = v["edges"].as_array().unwrap();
    assert!(
        edges.iter().any(|e| e["type"] == "responds_to"),
        "{edges:?}"
    );
    assert!(
        edges
            .iter()
            .any(|e| e["type"] == "statement" && e["stance"] == "confirms")
    );
}

#[test]
fn markdown_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.md"), "# Bridge opens\n\n*The transport ministry* said the bridge would open in [March](https://x.y/march).\n").unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["extract", "s.md", "--format", "json"])
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(
        v[0]["attributions"][0]["source_text"],
        "The transport ministry"
    );
    assert_eq!(
        v[0]["attributions"][0]["content_text"][0],
        "the bridge would open in [March"
    );
}

#[test]
fn rules_validate_reports_file_line_column() {
    bin()
        .args(["rules", "validate"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ok:"));
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("labels.yaml"),
        "rules:\n  - id: a\n    label: contested\n    priority: 1\n    when: {ref: nothing}\n",
    )
    .unwrap();
    bin()
        .args(["rules", "validate"])
        .arg(dir.path())
        .assert()
        // An unknown reference is a semantic error: exit code 4.
        .code(4)
        .stderr(
            predicate::str::contains("labels.yaml:5:")
                .and(predicate::str::contains("names no condition")),
        );
}

#[test]
fn a_rule_pack_replaces_the_default_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("labels.yaml"),
        "rules:\n  - id: everything-is-contested\n    label: contested\n    priority: 1\n    when: {claim: {related: true}}\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", "--format", "json", "--text", CLAIM, "--rules"])
        .arg(dir.path())
        .assert()
        .success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["claims"][0]["label"], "contested");
    assert_eq!(v["claims"][0]["rule"], "everything-is-contested");
}

#[test]
fn explain_lists_rules_in_order() {
    let out = bin()
        .args([
            "check",
            "--explain",
            "--format",
            "text",
            "--text",
            CLAIM,
            "--text",
            CONFIRMATION,
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        text.contains("confirmed-with-caveat -> qualified (priority 80): WINNER"),
        "{text}"
    );
    assert!(
        text.contains("contested -> contested (priority 90): failed"),
        "{text}"
    );
}
