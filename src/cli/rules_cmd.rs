//! `crosscheck rules ...`: checking rule packs.

use std::path::PathBuf;

use clap::Args;

use super::{RulesCommand, exit};
use crate::error::Error;
use crate::pack::{Pack, RuleErrors};

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// The rule pack folder to check (default: the built-in pack).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(cmd: RulesCommand) -> Result<i32, Error> {
    match cmd {
        RulesCommand::Validate(args) => validate(args),
    }
}

fn validate(args: ValidateArgs) -> Result<i32, Error> {
    let result = match &args.dir {
        Some(dir) => Pack::load(dir),
        None => Pack::builtin(),
    };
    let (diagnostics, ok, pack) = match result {
        Ok(pack) => (pack.warnings.clone(), true, Some(pack)),
        Err(errors) => (errors, false, None),
    };
    print_diagnostics(&diagnostics);
    let errors = diagnostics.errors().count();
    let warnings = diagnostics.items.len() - errors;
    match pack {
        Some(p) if ok => {
            eprintln!(
                "ok: {} files, {} label rules, {} named conditions, {} warning(s)",
                p.files.len(),
                p.rules.rules.len(),
                p.rules.conditions.len(),
                warnings
            );
            Ok(exit::OK)
        }
        _ => {
            eprintln!("{errors} error(s), {warnings} warning(s)");
            Ok(exit::INPUT)
        }
    }
}

fn print_diagnostics(d: &RuleErrors) {
    if !d.items.is_empty() {
        eprint!("{}", d.render());
    }
}
