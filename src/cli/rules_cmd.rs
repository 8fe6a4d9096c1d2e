//! `crosscheck rules ...`: checking, testing, explaining and creating rule packs.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{DocsArgs, RulesArg, RulesCommand, exit, input, write_out};
use crate::error::Error;
use crate::pack::schema::SchemaKind;
use crate::pack::validate::{Target, builtin_tests, target, validate as validate_target};
use crate::pack::{FileKind, Pack, RuleErrors, TestSource, read_tests};
use crate::pipeline::Engine;
use crate::rules::testing::{LoadedTests, compare, find_case, load_tests, run_tests};

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Rule pack folders, rule files (their folder is checked) or rule test files
    /// (default: the built-in pack and its tests).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Count warnings as errors (exit code 4 or 1 when there are any).
    #[arg(long)]
    pub strict: bool,
    /// text (default: rustc-style, on standard error) or json (an array of
    /// diagnostics on standard output, for editors and CI).
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// The kind of file: cues, stance, sources, text, english, linking, labels, tests
    /// (rule test files) or pack (pack.yaml).
    #[arg(value_name = "KIND")]
    pub kind: Option<String>,
    /// Write every schema to DIR as <kind>.schema.json.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["kind", "check"])]
    pub write: Option<PathBuf>,
    /// Compare the schemas in DIR with the generated ones; exit 1 when they differ.
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub check: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TestArgs {
    /// Pack folders (their tests/*.yaml) or test files (default: the built-in pack, or
    /// the pack given with --rules).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Only the pack's own tests, not those of the packs it extends.
    #[arg(long)]
    pub own: bool,
    /// Fail (exit 6) when a label rule has no test that names it in `expect_rule`.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (it may exist, but must not hold the files to be written).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Write a pack that extends the built-in one (pack.yaml and examples) instead of
    /// a full copy of it.
    #[arg(long)]
    pub extend: bool,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
}

/// Output format of `rules validate` and `rules explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub docs: DocsArgs,
    /// Explain this claim against all documents instead of the claims found in them.
    #[arg(long, value_name = "CLAIM")]
    pub claim: Option<String>,
    /// Explain a rule test case: FILE:LINE (any line of the case) or FILE#NAME.
    #[arg(long, value_name = "FILE:LINE", conflicts_with_all = ["files", "texts", "claim"])]
    pub case: Option<String>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// text (default) or json (the traces, as in `check --explain --format json`).
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

pub fn run(cmd: RulesCommand) -> Result<i32, Error> {
    match cmd {
        RulesCommand::Validate(args) => validate(args),
        RulesCommand::Schema(args) => schema(args),
        RulesCommand::Test(args) => test(args),
        RulesCommand::Init(args) => init(args),
        RulesCommand::Explain(args) => explain(args),
    }
}

fn validate(args: ValidateArgs) -> Result<i32, Error> {
    let targets: Vec<Target> = if args.paths.is_empty() {
        vec![Target::Builtin]
    } else {
        args.paths.iter().map(|p| target(p)).collect()
    };
    let mut all = RuleErrors::default();
    let mut summaries = Vec::new();
    for t in &targets {
        let v = validate_target(t);
        summaries.extend(v.summaries);
        all.extend(v.diagnostics);
    }
    if args.format == ExplainFormat::Json {
        let items: Vec<serde_json::Value> = all
            .items
            .iter()
            .map(|d| {
                serde_json::json!({
                    "file": d.file,
                    "line": d.line,
                    "column": d.column,
                    "severity": match d.severity {
                        crate::pack::Severity::Error => "error",
                        crate::pack::Severity::Warning => "warning",
                    },
                    "class": match d.class {
                        crate::pack::Class::Syntax => "syntax",
                        crate::pack::Class::Semantic => "semantic",
                        crate::pack::Class::Io => "io",
                    },
                    "code": d.code,
                    "message": d.message,
                    "help": d.help,
                })
            })
            .collect();
        write_out(&super::to_json(&items)?)?;
        return Ok(all.exit_code(args.strict));
    }
    if !all.items.is_empty() {
        eprintln!("{}", all.render());
    }
    for s in summaries {
        eprintln!("{s}");
    }
    Ok(all.exit_code(args.strict))
}

fn kind_names() -> String {
    SchemaKind::all()
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn schema(args: SchemaArgs) -> Result<i32, Error> {
    if let Some(dir) = &args.write {
        std::fs::create_dir_all(dir).map_err(|e| Error::Read {
            path: dir.display().to_string(),
            source: e,
        })?;
        for k in SchemaKind::all() {
            let path = dir.join(k.file_name());
            std::fs::write(&path, k.schema_text()).map_err(Error::Write)?;
            eprintln!("wrote {}", path.display());
        }
        return Ok(exit::OK);
    }
    if let Some(dir) = &args.check {
        let mut stale = Vec::new();
        for k in SchemaKind::all() {
            let path = dir.join(k.file_name());
            if std::fs::read_to_string(&path).ok().as_deref() != Some(k.schema_text().as_str()) {
                stale.push(path.display().to_string());
            }
        }
        if stale.is_empty() {
            eprintln!("ok: the schemas in {} are up to date", dir.display());
            return Ok(exit::OK);
        }
        for s in &stale {
            eprintln!("out of date: {s}");
        }
        eprintln!(
            "run `crosscheck rules schema --write {}` to regenerate them",
            dir.display()
        );
        return Ok(exit::INPUT);
    }
    let Some(name) = &args.kind else {
        return Err(Error::Usage(format!(
            "name the kind of file ({}), or pass --write DIR to write them all",
            kind_names()
        )));
    };
    let Some(kind) = SchemaKind::parse(name) else {
        let help = crate::pack::closest(name, SchemaKind::all().iter().map(|k| k.name()))
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        return Err(Error::Usage(format!(
            "unknown kind of file `{name}`{help} (kinds: {})",
            kind_names()
        )));
    };
    write_out(&kind.schema_text())?;
    Ok(exit::OK)
}

/// The engine and the test files for one path given to `rules test`.
fn test_target(
    path: Option<&Path>,
    rules: &RulesArg,
    own: bool,
) -> Result<(Engine, Vec<TestSource>, RuleErrors), Error> {
    let mut read = RuleErrors::default();
    let t = match path {
        Some(p) => target(p),
        None => match &rules.rules {
            Some(dir) => Target::Pack(dir.clone()),
            None => Target::Builtin,
        },
    };
    let (pack_dir, test_file) = match &t {
        Target::Builtin => (None, None),
        Target::Pack(d) => (Some(d.clone()), None),
        Target::TestFile(f, pack) => (rules.rules.clone().or(pack.clone()), Some(f.clone())),
    };
    let pack = match &pack_dir {
        Some(d) => Pack::load(d)?,
        None => Pack::builtin()?,
    };
    let tests = match (&t, test_file) {
        (_, Some(f)) => {
            let mut v = Vec::new();
            if let Some(text) = crate::pack::read_text(&f, &mut read) {
                v.push(TestSource {
                    file: crate::pack::SourceFile {
                        name: f.display().to_string(),
                        text,
                        origin: crate::pack::PackSource::File(f.clone()),
                    },
                    inherited: false,
                });
            }
            v
        }
        (Target::Builtin, None) => builtin_tests(),
        _ => read_tests(&pack.folders, &mut read)
            .into_iter()
            .filter(|t| !own || !t.inherited)
            .collect(),
    };
    Ok((Engine::new(pack), tests, read))
}

fn test(args: TestArgs) -> Result<i32, Error> {
    let paths: Vec<Option<&Path>> = if args.paths.is_empty() {
        vec![None]
    } else {
        args.paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut code = exit::OK;
    for path in paths {
        let (engine, sources, mut diagnostics) = test_target(path, &args.rules, args.own)?;
        let loaded = load_tests(&sources, Some(&engine.pack.rules), &mut diagnostics);
        diagnostics.sort();
        if !diagnostics.items.is_empty() {
            eprintln!("{}", diagnostics.render());
        }
        if diagnostics.has_errors() {
            eprintln!(
                "error: the rule tests have {} error(s); fix them first",
                diagnostics.errors().count()
            );
            code = code.max(diagnostics.exit_code(false));
            continue;
        }
        if loaded.iter().all(|t| t.cases.is_empty()) {
            eprintln!("warning: no rule tests found (put them in tests/*.yaml in the pack folder)");
        }
        let mut run = run_tests(&engine, &loaded);
        run.pack = match path.map(target) {
            Some(Target::Pack(d)) => Some(d.display().to_string()),
            _ => args.rules.rules.as_ref().map(|d| d.display().to_string()),
        };
        write_out(&run.render())?;
        if run.failed() > 0 || (args.strict && !run.untested.is_empty()) {
            code = code.max(exit::TESTS_FAILED);
        }
    }
    Ok(code)
}

/// Text of a default file as written by `rules init`: the schema path points into
/// the pack's own `schema/` folder.
fn relocated(text: &str, from: &str, to: &str) -> String {
    text.replacen(&format!("$schema={from}"), &format!("$schema={to}"), 1)
}

const EXTEND_MANIFEST: &str = "\
# yaml-language-server: $schema=schema/pack.schema.json
#
# This pack extends the built-in one: each rule file in this folder is merged into the
# built-in file of the same name. Lists of words are added to; a rule, condition,
# entity or junk rule with the id of a built-in one replaces it; maps merge key by key.
# See docs/rules.md (\"Layering\") for the details.
extends: default
description: My additions to the built-in rules.

# Files here that should replace the built-in file whole instead:
# replace: [stance.yaml]

# Entries to take out of the built-in pack, by file:
# remove:
#   labels.yaml:
#     rules: [stated-by-outlet]
#   stance.yaml:
#     hedges: [may]
";

const EXTEND_LABELS: &str = "\
# yaml-language-server: $schema=schema/labels.schema.json
#
# Rules here are merged into the built-in labels.yaml: a rule with the id of a
# built-in rule replaces it; others are added. `crosscheck rules explain` shows them
# in the order they are tried.
rules: []
#  - id: contested
#    label: contested
#    priority: 90
#    description: A denial outranks any confirmation.
#    message: \"{responder} disputes the claim ({cue}).\"
#    when:
#      ref: denial
";

const EXTEND_STANCE: &str = "\
# yaml-language-server: $schema=schema/stance.schema.json
#
# Words here are added to the built-in stance.yaml.
hedges: []
#  - purportedly
";

const EXTEND_TESTS: &str = "\
# yaml-language-server: $schema=../schema/tests.schema.json
#
# Rule tests: run them with `crosscheck rules test DIR`. Each case gives texts and the
# label (and rule) each claim must get, or labels no claim may get.
cases:
  - name: a confirmation from the other side
    documents:
      - The Kremlin says Trump invited Putin to the White House.
      - The White House confirmed the invitation.
    expect: [confirmed]
    expect_rule: [confirmed]
";

fn init(args: InitArgs) -> Result<i32, Error> {
    let dir = &args.dir;
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    if args.extend {
        files.push((dir.join("pack.yaml"), EXTEND_MANIFEST.to_string()));
        files.push((dir.join("labels.yaml"), EXTEND_LABELS.to_string()));
        files.push((dir.join("stance.yaml"), EXTEND_STANCE.to_string()));
        files.push((dir.join("tests/labels.yaml"), EXTEND_TESTS.to_string()));
    } else {
        for kind in FileKind::ALL {
            files.push((
                dir.join(kind.file_name()),
                relocated(kind.builtin(), "../schema/", "schema/"),
            ));
        }
        for (name, text) in crate::pack::BUILTIN_TESTS {
            files.push((
                dir.join("tests").join(name),
                relocated(text, "../../schema/", "../schema/"),
            ));
        }
    }
    for k in SchemaKind::all() {
        files.push((dir.join("schema").join(k.file_name()), k.schema_text()));
    }
    if !args.force {
        let existing: Vec<String> = files
            .iter()
            .filter(|(p, _)| p.exists())
            .map(|(p, _)| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Error::Usage(format!(
                "{} already exist(s): {}; pass --force to overwrite",
                existing.len(),
                existing.join(", ")
            )));
        }
    }
    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(Error::Write)?;
        }
        std::fs::write(path, text).map_err(Error::Write)?;
    }
    eprintln!(
        "wrote {} files to {}{}",
        files.len(),
        dir.display(),
        if args.extend {
            " (a pack that extends the built-in one)"
        } else {
            " (a copy of the built-in pack)"
        }
    );
    eprintln!(
        "next: edit the files, then `crosscheck rules validate {0}` and `crosscheck rules test {0}`; use it with `--rules {0}`",
        dir.display()
    );
    Ok(exit::OK)
}

fn explain(args: ExplainArgs) -> Result<i32, Error> {
    let (engine, docs, claim, case) = match &args.case {
        Some(spec) => {
            let (file, _) = spec
                .rsplit_once('#')
                .or_else(|| spec.rsplit_once(':'))
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "`--case {spec}`: give FILE:LINE or FILE#NAME of a rule test case"
                    ))
                })?;
            let (engine, sources, mut diagnostics) = match file.strip_prefix("<default>/tests/") {
                // A built-in test case, with the built-in pack or the one given.
                Some(_) => (
                    super::engine(&args.rules)?,
                    builtin_tests(),
                    RuleErrors::default(),
                ),
                None => test_target(Some(Path::new(file)), &args.rules, true)?,
            };
            let loaded: Vec<LoadedTests> =
                load_tests(&sources, Some(&engine.pack.rules), &mut diagnostics);
            if diagnostics.has_errors() {
                return Err(Error::Rules(diagnostics));
            }
            let (_, c) = find_case(&loaded, spec)
                .ok_or_else(|| Error::Usage(format!("`--case {spec}`: no test case there")))?;
            let case = c.case.clone();
            (engine, case.documents(), case.claim.clone(), Some(case))
        }
        None => {
            let engine = super::engine(&args.rules)?;
            let docs = input::documents(&args.docs)?;
            (engine, docs, args.claim.clone(), None)
        }
    };
    let checked = engine.check(docs, claim.as_deref(), true);
    let out = match args.format {
        ExplainFormat::Json => {
            let traces: Vec<_> = checked
                .report
                .claims
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id,
                        "text": c.text,
                        "label": c.label,
                        "rule": c.rule,
                        "explanation": c.explanation,
                    })
                })
                .collect();
            super::to_json(&traces)?
        }
        ExplainFormat::Text => {
            let mut s = crate::rules::explain::render(&checked.report);
            if let Some(case) = &case {
                let diff = compare(case, &checked.report.claims);
                s.push_str(&format!("\ntest case `{}`: ", case.name));
                if diff.is_empty() {
                    s.push_str("passes\n");
                } else {
                    s.push_str("FAILS\n");
                    for l in diff {
                        s.push_str(&format!("  {l}\n"));
                    }
                }
            }
            s
        }
    };
    write_out(&out)?;
    Ok(exit::OK)
}
