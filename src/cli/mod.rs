//! The command line. `main.rs` only calls `main()` here; each subcommand is a thin
//! layer over the library: read input, run the engine, print.

mod batch;
mod input;
mod json_in;
mod json_out;
pub mod rules_cmd;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::model::Label;
use crate::pack::Pack;
use crate::pipeline::Engine;

/// Exit codes (documented in the README).
pub mod exit {
    pub const OK: i32 = 0;
    /// Bad input or rule files (batch: at least one line could not be read).
    pub const INPUT: i32 = 1;
    /// Bad command line.
    pub const USAGE: i32 = 2;
    /// A claim got a label named with `--fail-on`.
    pub const FAIL_ON: i32 = 3;
    /// Rule files: the files mean something wrong (unknown reference, duplicate id...).
    pub const RULES_SEMANTIC: i32 = crate::pack::EXIT_SEMANTIC;
    /// Rule files: a file or folder could not be read.
    pub const RULES_IO: i32 = crate::pack::EXIT_IO;
    /// `rules test`: a test case failed (or, with --strict, a rule has no test).
    pub const TESTS_FAILED: i32 = 6;
}

#[derive(Parser, Debug)]
#[command(
    name = "crosscheck",
    version,
    about = "Who asserts what in news text, and whether anyone else backs it up.",
    long_about = "crosscheck reads news text, finds who asserts what (sources, cues, content), builds a graph of \
                  sources and assertions, and labels each claim confirmed, qualified, contested or unconfirmed \
                  with the YAML rules in the rule pack, showing the rule and the text behind every label."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check one story: find its claims (or check a given claim) and label them.
    Check(CheckArgs),
    /// Label claim/text pairs from JSONL: one output line per input line, in order.
    Batch(BatchArgs),
    /// List attributions (source, cue, content) in documents or JSONL.
    Extract(ExtractArgs),
    /// Print the graph of sources and assertions as DOT or JSON.
    Graph(GraphArgs),
    /// Work with rule packs.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(Args, Debug, Clone)]
pub struct RulesArg {
    /// Use the rule pack in DIR: its files replace the default ones of the same name,
    /// or, with `extends: default` in its pack.yaml, are merged into them.
    #[arg(long, value_name = "DIR", global = true)]
    pub rules: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct DocsArgs {
    /// Documents to read: files (plain text or Markdown), or - for standard input.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// A document given inline; repeat for several.
    #[arg(long = "text", value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Publication date (YYYY-MM-DD) of each document, in order; one date applies to all.
    #[arg(long = "date", value_name = "YYYY-MM-DD")]
    pub dates: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Yaml,
    Markdown,
    Dot,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub docs: DocsArgs,
    /// Check this claim against all documents instead of finding claims in them.
    #[arg(long, value_name = "CLAIM")]
    pub claim: Option<String>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Output format (default: text on a terminal, JSON otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Show, for each claim, every rule in order with which conditions held.
    #[arg(long)]
    pub explain: bool,
    /// Exit with code 3 if any claim gets this label (repeatable).
    #[arg(long = "fail-on", value_name = "LABEL", value_parser = parse_label)]
    pub fail_on: Vec<Label>,
}

#[derive(Args, Debug)]
pub struct BatchArgs {
    /// JSONL file with `id`, `claim` and `text` on each line, or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Add the deciding evidence (statements with spans) to each output line.
    #[arg(long)]
    pub evidence: bool,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Documents, or with --jsonl a JSONL file (`id`, `text` per line); - for standard input.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// A document given inline; repeat for several.
    #[arg(long = "text", value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Read JSONL (`id`, `text`) and write JSONL (`id`, `attributions`).
    #[arg(long)]
    pub jsonl: bool,
    /// Also list attributions said inside another speaker's direct quotation (left
    /// out by default, as annotated corpora such as PolNeAR do).
    #[arg(long)]
    pub in_quotes: bool,
    /// Also list attributions reported inside another one's content ("Ushakov said
    /// Trump had told him that ..."), each marked with the one it is inside. Left out
    /// by default: annotated corpora such as PolNeAR mark only the outermost.
    #[arg(long)]
    pub nested: bool,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Output format for documents (default: text on a terminal, JSON otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Args, Debug)]
pub struct GraphArgs {
    #[command(flatten)]
    pub docs: DocsArgs,
    /// Link the graph to this claim instead of the claims found in the text.
    #[arg(long, value_name = "CLAIM")]
    pub claim: Option<String>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// dot (default) or json.
    #[arg(long, value_enum, default_value = "dot")]
    pub format: Format,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// Check rule packs and rule tests: syntax, unknown keys, references, duplicates,
    /// cycles, shadowed rules, skipped files. Every problem, as file:line:column.
    Validate(rules_cmd::ValidateArgs),
    /// Print the JSON Schema of a kind of rule file (or write them all with --write).
    Schema(rules_cmd::SchemaArgs),
    /// Run rule tests: texts and the labels their claims must (or must not) get.
    Test(rules_cmd::TestArgs),
    /// Write a rule pack to edit: a copy of the built-in one, or one that extends it.
    Init(rules_cmd::InitArgs),
    /// Show, for each claim, every label rule in order, which conditions held, and
    /// the statements that satisfied them.
    Explain(rules_cmd::ExplainArgs),
}

fn parse_label(s: &str) -> Result<Label, String> {
    Label::parse(s).ok_or_else(|| {
        format!("unknown label `{s}`; use one of: confirmed, qualified, contested, unconfirmed, unrelated")
    })
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report_error(&e);
            // Input and rule errors exit 1 here; `rules validate` and `rules test`
            // return their own per-class codes.
            e.exit_code()
        }
    }
}

fn report_error(e: &Error) {
    match e {
        Error::Rules(errs) => {
            eprint!("{}", errs.render());
            eprintln!(
                "error: the rule pack has {} error(s); fix them or run `crosscheck rules validate` for details",
                errs.errors().count()
            );
        }
        Error::Write(_) if e.exit_code() == 0 => {}
        other => eprintln!("error: {other}"),
    }
}

pub fn run(cli: Cli) -> Result<i32, Error> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Batch(args) => batch::batch(args),
        Command::Extract(args) => batch::extract(args),
        Command::Graph(args) => graph(args),
        Command::Rules(cmd) => rules_cmd::run(cmd),
    }
}

pub(crate) fn engine(rules: &RulesArg) -> Result<Engine, Error> {
    let pack = match &rules.rules {
        Some(dir) => {
            let pack = Pack::load(dir)?;
            let warnings = pack.warnings.warnings().count();
            if warnings > 0 {
                eprintln!(
                    "warning: the rule pack has {warnings} warning(s); run `crosscheck rules validate {}` to see them",
                    dir.display()
                );
            }
            pack
        }
        None => Pack::builtin()?,
    };
    Ok(Engine::new(pack))
}

fn default_format(f: Option<Format>) -> Format {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    })
}

pub(crate) fn write_out(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes()).map_err(Error::Write)?;
    out.flush().map_err(Error::Write)
}

fn check(args: CheckArgs) -> Result<i32, Error> {
    let engine = engine(&args.rules)?;
    let docs = input::documents(&args.docs)?;
    let checked = engine.check(docs, args.claim.as_deref(), args.explain);
    let out = match default_format(args.format) {
        Format::Text => crate::report::text(&checked.report),
        Format::Markdown => crate::report::markdown(&checked.report),
        Format::Json => to_json(&checked.report)?,
        Format::Yaml => {
            serde_yaml::to_string(&checked.report).map_err(|e| Error::Usage(e.to_string()))?
        }
        Format::Dot => crate::graph::to_dot(&checked.story, &checked.graph),
    };
    write_out(&out)?;
    let failed = checked
        .verdicts
        .iter()
        .any(|v| args.fail_on.contains(&v.label));
    Ok(if failed { exit::FAIL_ON } else { exit::OK })
}

fn graph(args: GraphArgs) -> Result<i32, Error> {
    let engine = engine(&args.rules)?;
    let docs = input::documents(&args.docs)?;
    let checked = engine.check(docs, args.claim.as_deref(), false);
    let out = match args.format {
        Format::Json => {
            let v = crate::graph::to_json(&checked.story, &checked.graph);
            let mut s =
                serde_json::to_string_pretty(&v).map_err(|e| Error::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
        Format::Dot => crate::graph::to_dot(&checked.story, &checked.graph),
        other => {
            return Err(Error::Usage(
                format!("`crosscheck graph` writes dot or json, not {other:?}").to_lowercase(),
            ));
        }
    };
    write_out(&out)?;
    Ok(exit::OK)
}

pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<String, Error> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| Error::Usage(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
