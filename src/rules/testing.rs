//! Rule tests: YAML files of short stories and the labels their claims must (or must
//! not) get, run through the whole pipeline with `crosscheck rules test`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Label;
use crate::pack::raw::OneOrMany;

/// A rule test file: `tests/*.yaml` in a pack folder.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// The test cases, run in order.
    #[serde(default)]
    pub cases: Vec<TestCase>,
}

/// One story and what the rules must make of it. Give at least one of `expect`,
/// `expect_rule`, `not` and `not_rule`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    /// Names the case in the test report; unique within the file.
    pub name: String,
    /// What the case is about, for the reader.
    #[serde(default)]
    pub description: Option<String>,
    /// The documents of one story, as plain text, in order (as `--text` on the command line).
    pub documents: Vec<String>,
    /// Check this claim against the documents (as `check --claim`), instead of the
    /// claims found in them.
    #[serde(default)]
    pub claim: Option<String>,
    /// The label of each claim, in the order the report lists the claims.
    #[serde(default)]
    pub expect: Option<OneOrMany<Label>>,
    /// The id of the rule that must decide each claim, in the order the report lists
    /// the claims. A rule that no case names here is reported as untested.
    #[serde(default)]
    pub expect_rule: Option<OneOrMany<String>>,
    /// Labels that no claim may get.
    #[serde(default)]
    pub not: Option<OneOrMany<Label>>,
    /// Rules that must not decide any claim.
    #[serde(default)]
    pub not_rule: Option<OneOrMany<String>>,
}

use rustc_hash::FxHashMap;

use super::RuleSet;
use crate::pack::diagnostic::{Class, RuleErrors};
use crate::pack::schema::SchemaKind;
use crate::pack::{Located, TestSource, closest, parse_checked};
use crate::pipeline::Engine;
use crate::report::ClaimReport;
use crate::text::Document;

/// A test file read and checked, ready to run.
#[derive(Debug, Clone)]
pub struct LoadedTests {
    pub source: TestSource,
    pub cases: Vec<LoadedCase>,
}

#[derive(Debug, Clone)]
pub struct LoadedCase {
    pub case: TestCase,
    /// 1-based line of the case in its file.
    pub line: usize,
}

impl TestCase {
    fn labels(v: &Option<OneOrMany<Label>>) -> &[Label] {
        v.as_ref().map_or(&[], OneOrMany::as_slice)
    }
    fn ids(v: &Option<OneOrMany<String>>) -> &[String] {
        v.as_ref().map_or(&[], OneOrMany::as_slice)
    }
    pub fn expect_labels(&self) -> &[Label] {
        TestCase::labels(&self.expect)
    }
    pub fn expect_rules(&self) -> &[String] {
        TestCase::ids(&self.expect_rule)
    }
    pub fn not_labels(&self) -> &[Label] {
        TestCase::labels(&self.not)
    }
    pub fn not_rules(&self) -> &[String] {
        TestCase::ids(&self.not_rule)
    }

    /// The documents of the case, named as `--text` names them.
    pub fn documents(&self) -> Vec<Document> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("text-{}", i + 1), t.clone()))
            .collect()
    }
}

/// Reads and checks test files: syntax, duplicate names, cases that test nothing,
/// unknown rule ids (when `rules` is known) and expectations that contradict each other.
pub fn load_tests(
    sources: &[TestSource],
    rules: Option<&RuleSet>,
    errors: &mut RuleErrors,
) -> Vec<LoadedTests> {
    let mut out = Vec::new();
    for src in sources {
        let f = &src.file;
        let Some(file) = parse_checked::<TestFile>(&f.name, &f.text, SchemaKind::Tests, errors)
        else {
            continue;
        };
        let at = Located::source(&f.name, &f.text);
        let mut names: FxHashMap<&str, usize> = FxHashMap::default();
        let mut cases = Vec::new();
        for (i, c) in file.cases.iter().enumerate() {
            check_case(c, i, &at, rules, &mut names, errors);
            let line = at.line_of(&crate::yaml_path!["cases", i]).1;
            cases.push(LoadedCase {
                case: c.clone(),
                line,
            });
        }
        out.push(LoadedTests {
            source: src.clone(),
            cases,
        });
    }
    out
}

fn check_case<'c>(
    c: &'c TestCase,
    i: usize,
    at: &Located,
    rules: Option<&RuleSet>,
    names: &mut FxHashMap<&'c str, usize>,
    errors: &mut RuleErrors,
) {
    if let Some(first) = names.insert(c.name.as_str(), i) {
        let line = at.line_of(&crate::yaml_path!["cases", first]).1;
        errors.push(
            at.at_value(
                &crate::yaml_path!["cases", i, "name"],
                Class::Semantic,
                "duplicate-id",
                format!(
                    "the case name `{}` is used twice (first at line {line})",
                    c.name
                ),
            )
            .help("give each case its own name; the test report names failing cases"),
        );
    }
    if c.documents.iter().all(|d| d.trim().is_empty()) {
        errors.push(
            at.at_key(
                &crate::yaml_path!["cases", i, "documents"],
                Class::Semantic,
                "empty-test",
                format!("the case `{}` has no text to check", c.name),
            )
            .help("list at least one document under `documents:`"),
        );
    }
    if c.expect_labels().is_empty()
        && c.expect_rules().is_empty()
        && c.not_labels().is_empty()
        && c.not_rules().is_empty()
    {
        errors.push(
            at.at_key(
                &crate::yaml_path!["cases", i],
                Class::Semantic,
                "empty-test",
                format!("the case `{}` tests nothing", c.name),
            )
            .help("add `expect:` (the label of each claim), `expect_rule:`, `not:` or `not_rule:`"),
        );
    }
    if !c.expect_labels().is_empty()
        && !c.expect_rules().is_empty()
        && c.expect_labels().len() != c.expect_rules().len()
    {
        errors.push(
            at.at_key(
                &crate::yaml_path!["cases", i, "expect_rule"],
                Class::Semantic,
                "inconsistent-test",
                format!(
                    "`expect` names {} claim(s) but `expect_rule` names {}",
                    c.expect_labels().len(),
                    c.expect_rules().len()
                ),
            )
            .help("give one label and one rule per claim, in the same order"),
        );
    }
    for (k, label) in c.expect_labels().iter().enumerate() {
        if c.not_labels().contains(label) {
            errors.push(
                at.at_value(
                    &expect_path(&c.expect, i, "expect", k),
                    Class::Semantic,
                    "inconsistent-test",
                    format!("`{label}` is both expected and listed under `not`"),
                )
                .help("a case cannot both want and forbid a label"),
            );
        }
    }
    let Some(rules) = rules else { return };
    let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    for (key, list) in [("expect_rule", &c.expect_rule), ("not_rule", &c.not_rule)] {
        for (k, id) in TestCase::ids(list).iter().enumerate() {
            match rules.rule(id) {
                None => errors.push(
                    at.at_value(
                        &expect_path(list, i, key, k),
                        Class::Semantic,
                        "unknown-reference",
                        format!("`{id}` names no label rule"),
                    )
                    .help(match closest(id, ids.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!("the rules are: {}", ids.join(", ")),
                    }),
                ),
                Some(rule) if key == "expect_rule" => {
                    if let Some(want) = c.expect_labels().get(k)
                        && *want != rule.label
                    {
                        errors.push(
                            at.at_value(
                                &expect_path(list, i, key, k),
                                Class::Semantic,
                                "inconsistent-test",
                                format!(
                                    "rule `{id}` gives `{}`, but `expect` says claim {} is `{want}`",
                                    rule.label,
                                    k + 1
                                ),
                            )
                            .help("fix the label or the rule id"),
                        );
                    }
                }
                Some(_) => {}
            }
        }
    }
}

/// The path of item `k` of a one-or-many field: the field itself when it is one value.
fn expect_path<T>(
    v: &Option<OneOrMany<T>>,
    case: usize,
    key: &str,
    k: usize,
) -> Vec<crate::pack::diagnostic::Step> {
    match v {
        Some(OneOrMany::Many(_)) => crate::yaml_path!["cases", case, key, k],
        _ => crate::yaml_path!["cases", case, key],
    }
}

/// How one case came out.
#[derive(Debug, Clone)]
pub struct CaseOutcome {
    pub file: String,
    pub line: usize,
    pub name: String,
    pub inherited: bool,
    /// Empty when the case passed; otherwise a diff of expected against got, and notes.
    pub failure: Vec<String>,
    /// The rules that decided the claims.
    pub decided_by: Vec<Option<String>>,
}

impl CaseOutcome {
    pub fn passed(&self) -> bool {
        self.failure.is_empty()
    }
}

/// Runs one case through the whole pipeline.
pub fn run_case(engine: &Engine, file: &str, inherited: bool, lc: &LoadedCase) -> CaseOutcome {
    let c = &lc.case;
    let checked = engine.check(c.documents(), c.claim.as_deref(), false);
    let claims = &checked.report.claims;
    CaseOutcome {
        file: file.to_string(),
        line: lc.line,
        name: c.name.clone(),
        inherited,
        failure: compare(c, claims),
        decided_by: claims.iter().map(|r| r.rule.clone()).collect(),
    }
}

/// The diff of what the case expects against what the rules gave, or nothing.
pub fn compare(c: &TestCase, claims: &[ClaimReport]) -> Vec<String> {
    let want_labels = c.expect_labels();
    let want_rules = c.expect_rules();
    let positional = !want_labels.is_empty() || !want_rules.is_empty();
    let mut failed = false;
    let mut diff = Vec::new();
    if positional {
        let n = want_labels.len().max(want_rules.len()).max(claims.len());
        let show = |label: Option<String>, rule: Option<String>| -> String {
            let mut parts = Vec::new();
            if !want_labels.is_empty() {
                parts.push(label.unwrap_or_else(|| "(no claim)".into()));
            }
            if !want_rules.is_empty() {
                parts.push(format!(
                    "by rule {}",
                    rule.unwrap_or_else(|| "(none)".into())
                ));
            }
            parts.join(" ")
        };
        for k in 0..n {
            let expected = (k < want_labels.len().max(want_rules.len())).then(|| {
                show(
                    want_labels.get(k).map(|l| l.to_string()),
                    want_rules.get(k).cloned(),
                )
            });
            let got = claims.get(k).map(|r| {
                show(
                    Some(r.label.to_string()),
                    Some(r.rule.clone().unwrap_or_else(|| "(none)".into())),
                )
            });
            let id = format!("C{}", k + 1);
            match (expected, got) {
                (Some(e), Some(g)) if e == g => diff.push(format!("  {id} {e}")),
                (Some(e), Some(g)) => {
                    failed = true;
                    diff.push(format!("- {id} {e}"));
                    diff.push(format!("+ {id} {g}"));
                }
                (Some(e), None) => {
                    failed = true;
                    diff.push(format!("- {id} {e}"));
                    diff.push(format!(
                        "+ {id} (no such claim: the text gave {} claim(s))",
                        claims.len()
                    ));
                }
                (None, Some(g)) => {
                    failed = true;
                    diff.push(format!("+ {id} {g} (a claim the case does not expect)"));
                }
                (None, None) => {}
            }
        }
    }
    let mut notes = Vec::new();
    for (k, r) in claims.iter().enumerate() {
        if c.not_labels().contains(&r.label) {
            failed = true;
            notes.push(format!(
                "C{} is `{}`, a label the case lists under `not`",
                k + 1,
                r.label
            ));
        }
        if let Some(rule) = &r.rule
            && c.not_rules().contains(rule)
        {
            failed = true;
            notes.push(format!(
                "C{} was decided by `{rule}`, a rule the case lists under `not_rule`",
                k + 1
            ));
        }
    }
    if !failed {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !diff.is_empty() {
        out.push("--- expected".to_string());
        out.push("+++ got".to_string());
        out.extend(diff);
    }
    out.extend(notes);
    for (k, r) in claims.iter().enumerate() {
        let fired: Vec<&str> = r.fired.iter().map(|f| f.rule.as_str()).collect();
        out.push(format!(
            "C{} \"{}\": {} by {}; rules that held: {}",
            k + 1,
            r.text,
            r.label,
            r.rule.as_deref().unwrap_or("no rule"),
            if fired.is_empty() {
                "none".to_string()
            } else {
                fired.join(", ")
            }
        ));
    }
    if claims.is_empty() {
        out.push("the text gave no claims".to_string());
    }
    out
}

/// The result of a test run.
#[derive(Debug, Clone, Default)]
pub struct TestRun {
    pub outcomes: Vec<CaseOutcome>,
    /// Label rules no case names in `expect_rule`.
    pub untested: Vec<String>,
    /// The pack folder the tests ran with (`None`: the built-in pack), for the
    /// command that explains a failing case.
    pub pack: Option<String>,
}

impl TestRun {
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| !o.passed()).count()
    }
    pub fn passed(&self) -> usize {
        self.outcomes.len() - self.failed()
    }

    /// The report: one line per case, the diff under each failure, then the summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut file = "";
        for o in &self.outcomes {
            if o.file != file {
                file = &o.file;
                out.push_str(&format!(
                    "{}{}\n",
                    o.file,
                    if o.inherited { " (inherited)" } else { "" }
                ));
            }
            if o.passed() {
                out.push_str(&format!("  ok    {} (line {})\n", o.name, o.line));
            } else {
                out.push_str(&format!("  FAIL  {} (line {})\n", o.name, o.line));
                for l in &o.failure {
                    out.push_str(&format!("        {l}\n"));
                }
                let rules = self
                    .pack
                    .as_ref()
                    .map(|p| format!("--rules {p} "))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "        explain: crosscheck rules explain {rules}--case {}:{}\n",
                    o.file, o.line
                ));
            }
        }
        if !self.untested.is_empty() {
            out.push_str(&format!(
                "untested rules (no case names them under `expect_rule`): {}\n",
                self.untested.join(", ")
            ));
        }
        out.push_str(&format!(
            "test result: {}. {} passed; {} failed; {} untested rule(s)\n",
            if self.failed() == 0 { "ok" } else { "FAILED" },
            self.passed(),
            self.failed(),
            self.untested.len()
        ));
        out
    }
}

/// Runs every case of `tests` with `engine` and lists the rules no case names.
pub fn run_tests(engine: &Engine, tests: &[LoadedTests]) -> TestRun {
    let mut outcomes = Vec::new();
    for t in tests {
        for c in &t.cases {
            outcomes.push(run_case(engine, &t.source.file.name, t.source.inherited, c));
        }
    }
    let named: Vec<&str> = tests
        .iter()
        .flat_map(|t| &t.cases)
        .flat_map(|c| c.case.expect_rules())
        .map(String::as_str)
        .collect();
    let untested = engine
        .pack
        .rules
        .rules
        .iter()
        .filter(|r| !named.contains(&r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    TestRun {
        outcomes,
        untested,
        pack: None,
    }
}

/// Finds a case by `FILE:LINE` (any line inside the case) or `FILE#NAME`.
pub fn find_case<'t>(
    tests: &'t [LoadedTests],
    spec: &str,
) -> Option<(&'t LoadedTests, &'t LoadedCase)> {
    let (file, which) = spec.rsplit_once('#').or_else(|| spec.rsplit_once(':'))?;
    let line: Option<usize> = which.parse().ok();
    let same_file = |t: &LoadedTests| {
        let name = &t.source.file.name;
        name == file || name.ends_with(&format!("/{file}")) || file.ends_with(name.as_str())
    };
    for t in tests.iter().filter(|t| same_file(t)) {
        let found = match line {
            Some(l) => t.cases.iter().rev().find(|c| c.line <= l),
            None => t.cases.iter().find(|c| c.case.name == which),
        };
        if let Some(c) = found {
            return Some((t, c));
        }
    }
    None
}
