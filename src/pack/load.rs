//! Finding and reading the files of a pack: the embedded defaults, or a directory.

use std::path::Path;
use std::sync::Arc;

use super::diagnostic::{Class, RuleDiagnostic, RuleErrors};

/// The kinds of file a pack holds, each under a fixed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Cues,
    Stance,
    Sources,
    Text,
    English,
    Linking,
    Labels,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Cues,
        FileKind::Stance,
        FileKind::Sources,
        FileKind::Text,
        FileKind::English,
        FileKind::Linking,
        FileKind::Labels,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Cues => "cues.yaml",
            FileKind::Stance => "stance.yaml",
            FileKind::Sources => "sources.yaml",
            FileKind::Text => "text.yaml",
            FileKind::English => "english.yaml",
            FileKind::Linking => "linking.yaml",
            FileKind::Labels => "labels.yaml",
        }
    }

    pub fn from_file_name(name: &str) -> Option<FileKind> {
        let stem = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))?;
        FileKind::ALL
            .into_iter()
            .find(|k| k.file_name().trim_end_matches(".yaml") == stem)
    }

    fn builtin(self) -> &'static str {
        match self {
            FileKind::Cues => include_str!("../../rules/cues.yaml"),
            FileKind::Stance => include_str!("../../rules/stance.yaml"),
            FileKind::Sources => include_str!("../../rules/sources.yaml"),
            FileKind::Text => include_str!("../../rules/text.yaml"),
            FileKind::English => include_str!("../../rules/english.yaml"),
            FileKind::Linking => include_str!("../../rules/linking.yaml"),
            FileKind::Labels => include_str!("../../rules/labels.yaml"),
        }
    }
}

/// Where a pack file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    Builtin,
    File(std::path::PathBuf),
}

#[derive(Debug, Clone)]
pub struct PackFile {
    pub kind: FileKind,
    /// Name shown in diagnostics: the path as given, or `<default>/name.yaml`.
    pub name: String,
    pub text: Arc<String>,
    pub origin: PackSource,
}

impl PackFile {
    pub fn builtin(kind: FileKind) -> PackFile {
        PackFile {
            kind,
            name: format!("<default>/{}", kind.file_name()),
            text: Arc::new(kind.builtin().to_string()),
            origin: PackSource::Builtin,
        }
    }
}

/// Reads the files of a pack. With a directory, each file present there replaces the
/// default of the same name; the others come from the embedded default pack.
pub fn read_pack(dir: Option<&Path>) -> Result<Vec<PackFile>, RuleErrors> {
    let mut errors = RuleErrors::default();
    let mut files = Vec::new();
    if let Some(dir) = dir
        && !dir.is_dir()
    {
        errors.push(
            RuleDiagnostic::new(
                Class::Io,
                "not-a-directory",
                &dir.display().to_string(),
                "rule directory not found",
            )
            .help("pass the folder that holds cues.yaml, labels.yaml and the other rule files"),
        );
        return Err(errors);
    }
    for kind in FileKind::ALL {
        let local = dir
            .map(|d| d.join(kind.file_name()))
            .filter(|p| p.is_file());
        match local {
            Some(path) => match std::fs::read_to_string(&path) {
                Ok(text) => files.push(PackFile {
                    kind,
                    name: path.display().to_string(),
                    text: Arc::new(text),
                    origin: PackSource::File(path),
                }),
                Err(e) => errors.push(
                    RuleDiagnostic::new(
                        Class::Io,
                        "unreadable",
                        &path.display().to_string(),
                        format!("cannot read rule file: {e}"),
                    )
                    .help("check the file exists, is readable and is UTF-8 text"),
                ),
            },
            None => files.push(PackFile::builtin(kind)),
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(files)
    }
}
