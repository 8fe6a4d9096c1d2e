//! `crosscheck rules validate`: every problem of a pack (its rule files, its
//! `pack.yaml` and its rule tests) in one run.

use std::path::{Path, PathBuf};

use super::compile;
use super::diagnostic::{Class, RuleDiagnostic, RuleErrors};
use super::load::{
    BUILTIN_TESTS, FileKind, PackSource, SourceFile, TestSource, read_sources, read_text,
};
use super::manifest::MANIFEST;
use crate::rules::testing::load_tests;

/// What validating one path found.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    pub diagnostics: RuleErrors,
    /// One line per pack validated: what it holds.
    pub summaries: Vec<String>,
}

impl Validation {
    pub fn exit_code(&self, strict: bool) -> i32 {
        self.diagnostics.exit_code(strict)
    }
}

/// What a path given to `rules validate` or `rules test` stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The built-in pack.
    Builtin,
    /// A pack folder.
    Pack(PathBuf),
    /// One test file, and the pack it tests (`None`: the built-in pack).
    TestFile(PathBuf, Option<PathBuf>),
}

/// Whether `dir` holds a pack: a rule file or a `pack.yaml`.
pub fn looks_like_pack(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file()
        || FileKind::ALL
            .iter()
            .any(|k| dir.join(k.file_name()).is_file())
}

/// Works out what `path` stands for: a folder is a pack; a rule file or `pack.yaml`
/// stands for the folder it is in; any other file is a test file, of the pack in the
/// folder above its `tests/` folder (or of the built-in pack).
pub fn target(path: &Path) -> Target {
    if path.is_dir() {
        return Target::Pack(path.to_path_buf());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let in_tests = parent.file_name().is_some_and(|n| n == "tests");
    let rule_name = name == MANIFEST || FileKind::from_file_name(&name).is_some();
    // `tests/labels.yaml` is a test file, unless it reads like rules (no `cases:`).
    let test_file = !rule_name
        || (in_tests
            && std::fs::read_to_string(path)
                .map(|t| t.lines().any(|l| l.starts_with("cases:")))
                .unwrap_or(true));
    if !test_file && path.is_file() {
        return Target::Pack(parent.to_path_buf());
    }
    let pack = in_tests
        .then(|| parent.parent().unwrap_or(Path::new(".")))
        .filter(|p| looks_like_pack(p))
        .map(Path::to_path_buf);
    Target::TestFile(path.to_path_buf(), pack)
}

/// The built-in pack's test files.
pub fn builtin_tests() -> Vec<TestSource> {
    BUILTIN_TESTS
        .iter()
        .map(|(name, text)| TestSource {
            file: SourceFile {
                name: format!("<default>/tests/{name}"),
                text: std::sync::Arc::new(text.to_string()),
                origin: PackSource::Builtin,
            },
            inherited: false,
        })
        .collect()
}

/// Validates the pack (and its own tests) or the test file `target` stands for.
pub fn validate(target: &Target) -> Validation {
    let mut v = Validation::default();
    let (dir, only_test) = match target {
        Target::Builtin => (None, None),
        Target::Pack(d) => (Some(d.as_path()), None),
        Target::TestFile(f, pack) => (pack.as_deref(), Some(f.as_path())),
    };
    let sources = read_sources(dir);
    let folders = sources.folders.clone();
    let result = compile(sources);
    let (pack, mut diagnostics) = match result {
        Ok(pack) => {
            let w = pack.warnings.clone();
            (Some(pack), w)
        }
        Err(e) => (None, e),
    };
    let tests: Vec<TestSource> = match (only_test, dir) {
        (Some(file), _) => {
            let mut t = Vec::new();
            if file.exists()
                && let Some(text) = read_text(file, &mut diagnostics)
            {
                t.push(TestSource {
                    file: SourceFile {
                        name: file.display().to_string(),
                        text,
                        origin: PackSource::File(file.to_path_buf()),
                    },
                    inherited: false,
                });
            }
            t
        }
        (None, None) => builtin_tests(),
        (None, Some(_)) => {
            // The folder's own tests; inherited ones are checked with their own pack.
            super::load::read_tests(&folders, &mut diagnostics)
                .into_iter()
                .filter(|t| !t.inherited)
                .collect()
        }
    };
    if let Some(file) = only_test
        && !file.exists()
    {
        diagnostics.push(
            RuleDiagnostic::new(
                Class::Io,
                "not-found",
                &file.display().to_string(),
                "no such file or folder",
            )
            .help("give a rule pack folder, a rule file or a test file"),
        );
    }
    let loaded = load_tests(&tests, pack.as_ref().map(|p| &p.rules), &mut diagnostics);
    diagnostics.sort();
    let cases: usize = loaded.iter().map(|t| t.cases.len()).sum();
    let name = match target {
        Target::Builtin => "the built-in pack".to_string(),
        Target::Pack(d) => d.display().to_string(),
        Target::TestFile(f, _) => f.display().to_string(),
    };
    let errors = diagnostics.errors().count();
    let warnings = diagnostics.warnings().count();
    v.summaries.push(match &pack {
        Some(p) if errors == 0 => {
            let own = p
                .files
                .iter()
                .filter(|f| matches!(f.origin, PackSource::File(_)))
                .count();
            format!(
                "ok: {name}: {} rule files ({own} from the folder), {} label rules, {} named conditions, {} test file(s) with {cases} case(s); {warnings} warning(s)",
                FileKind::ALL.len(),
                p.rules.rules.len(),
                p.rules.conditions.len(),
                loaded.len(),
            )
        }
        _ => format!("{name}: {errors} error(s), {warnings} warning(s)"),
    });
    v.diagnostics = diagnostics;
    v
}
