//! Finding and reading the files of a pack: the embedded defaults, or a folder (which
//! may extend the defaults or another folder through its `pack.yaml`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compile::{Located, closest};
use super::diagnostic::{Class, RuleDiagnostic, RuleErrors};
use super::manifest::{MANIFEST, PackManifest, Remove};
use super::schema::SchemaKind;
use std::collections::BTreeMap;

/// Rule files larger than this are refused: rule files are small, hand-written text.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// How many packs may stand on each other through `extends`.
const MAX_EXTENDS: usize = 8;

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
        FileKind::ALL.into_iter().find(|k| k.file_name() == name)
    }

    pub fn index(self) -> usize {
        FileKind::ALL
            .iter()
            .position(|k| *k == self)
            .expect("every kind is listed")
    }

    /// The default file, as embedded in the binary.
    pub fn builtin(self) -> &'static str {
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

/// The default pack's rule tests (`rules/tests/`), embedded in the binary.
pub const BUILTIN_TESTS: &[(&str, &str)] =
    &[("labels.yaml", include_str!("../../rules/tests/labels.yaml"))];

/// Where a pack file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    Builtin,
    File(PathBuf),
}

/// One file of a pack (a rule file, `pack.yaml` or a test file) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Name shown in diagnostics: the path as given, or `<default>/name.yaml`.
    pub name: String,
    pub text: Arc<String>,
    pub origin: PackSource,
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

/// One step in building a kind of file from the layers of a pack.
#[derive(Debug, Clone)]
pub enum Op {
    /// This file (index into `PackSources::files`) replaces everything underneath.
    Set(usize),
    /// This file is merged into what is underneath.
    Merge(usize),
    /// Entries taken out of what is underneath, as listed in a `pack.yaml`
    /// (index into `PackSources::manifests`) under `remove:`.
    Remove {
        manifest: usize,
        spec: BTreeMap<String, Remove>,
    },
}

/// A folder (or the built-in pack) in the stack of packs, bottom first.
#[derive(Debug, Clone)]
pub struct Folder {
    pub source: PackSource,
    /// What the folder stands on.
    pub base: Base,
}

/// What a folder of the stack stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// Nothing: this is the built-in pack.
    Nothing,
    /// No `extends`: its files replace the default files of the same name.
    Replaces,
    /// `extends: default`.
    Default,
    /// `extends: <folder>`: the folder just below it on the stack.
    Folder,
}

/// Everything read for one pack.
#[derive(Debug, Clone, Default)]
pub struct PackSources {
    /// Every rule file read, the default ones first.
    pub files: Vec<PackFile>,
    /// Every `pack.yaml` read, bottom first.
    pub manifests: Vec<SourceFile>,
    /// For each kind (in `FileKind::ALL` order), how to build it, bottom first.
    pub ops: Vec<Vec<Op>>,
    /// The packs on the stack, bottom (the built-in pack) first.
    pub folders: Vec<Folder>,
    /// Problems found while reading: skipped files, unreadable files, bad manifests.
    pub diagnostics: RuleErrors,
}

/// Reads the files of a pack. Without a folder: the built-in pack. With one, see
/// `pack.yaml` (`manifest.rs`) for how the folder's files combine with the defaults.
/// Errors come back with the sources so that compiling can add its own; the caller
/// decides.
pub fn read_sources(dir: Option<&Path>) -> PackSources {
    let mut s = PackSources {
        ops: vec![Vec::new(); FileKind::ALL.len()],
        ..PackSources::default()
    };
    for kind in FileKind::ALL {
        s.files.push(PackFile::builtin(kind));
        s.ops[kind.index()].push(Op::Set(s.files.len() - 1));
    }
    s.folders.push(Folder {
        source: PackSource::Builtin,
        base: Base::Nothing,
    });
    if let Some(dir) = dir {
        let mut chain = Vec::new();
        read_folder(&mut s, dir, &mut chain, None);
    }
    s
}

/// Where a diagnostic about `extends` should point, if the folder was reached that way.
struct ExtendsSite {
    manifest: usize,
    /// The value of `extends:` as written.
    written: String,
}

fn io_error(path: &Path, code: &'static str, message: String, help: &str) -> RuleDiagnostic {
    RuleDiagnostic::new(Class::Io, code, &path.display().to_string(), message).help(help)
}

fn unreadable(path: &Path, e: &std::io::Error) -> RuleDiagnostic {
    io_error(
        path,
        "unreadable",
        format!("cannot read rule file: {e}"),
        "check that the file exists and is readable",
    )
}

/// Reads one file of a pack folder, refusing huge and non-UTF-8 files.
pub fn read_text(path: &Path, errors: &mut RuleErrors) -> Option<Arc<String>> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            errors.push(io_error(
                path,
                "too-large",
                format!(
                    "the file is {} bytes; rule files may be at most {} bytes",
                    m.len(),
                    MAX_FILE_BYTES
                ),
                "rule files are small, hand-written text: is this the right file?",
            ));
            return None;
        }
        Ok(_) => {}
        Err(e) => {
            errors.push(unreadable(path, &e));
            return None;
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            errors.push(unreadable(path, &e));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(t) => Some(Arc::new(t)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = Arc::new(String::from_utf8_lossy(e.as_bytes()).into_owned());
            errors.push(
                RuleDiagnostic::new(
                    Class::Syntax,
                    "not-utf8",
                    &path.display().to_string(),
                    format!("the file is not UTF-8 text (invalid byte at offset {offset})"),
                )
                .help("save the file as UTF-8; rule files are YAML text")
                .at_offset(&text, offset),
            );
            None
        }
    }
}

fn read_folder(
    s: &mut PackSources,
    dir: &Path,
    chain: &mut Vec<PathBuf>,
    site: Option<ExtendsSite>,
) {
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !dir.is_dir() {
        let d = match &site {
            Some(site) => {
                let m = &s.manifests[site.manifest];
                Located::source(&m.name, &m.text)
                    .at_value(
                        &crate::yaml_path!["extends"],
                        Class::Io,
                        "not-a-directory",
                        format!(
                            "`extends: {}`: there is no folder {}",
                            site.written,
                            dir.display()
                        ),
                    )
                    .help("give `default` or the path of a pack folder, relative to this pack.yaml")
            }
            None => RuleDiagnostic::new(
                Class::Io,
                "not-a-directory",
                &dir.display().to_string(),
                "rule directory not found",
            )
            .help("pass the folder that holds cues.yaml, labels.yaml and the other rule files"),
        };
        s.diagnostics.push(d);
        return;
    }
    if chain.contains(&canonical) || chain.len() >= MAX_EXTENDS {
        if let Some(site) = &site {
            let m = &s.manifests[site.manifest];
            let why = if chain.contains(&canonical) {
                "packs extend each other in a loop".to_string()
            } else {
                format!("more than {MAX_EXTENDS} packs stand on each other")
            };
            s.diagnostics.push(
                Located::source(&m.name, &m.text)
                    .at_value(
                        &crate::yaml_path!["extends"],
                        Class::Semantic,
                        "cycle",
                        format!("`extends: {}`: {why}", site.written),
                    )
                    .help("a pack may extend `default` or a folder that does not lead back to it"),
            );
        }
        return;
    }
    chain.push(canonical);

    // The manifest first: it says what the folder stands on.
    let manifest_path = dir.join(MANIFEST);
    let mut manifest = PackManifest::default();
    let mut manifest_index = None;
    if manifest_path.is_file()
        && let Some(text) = read_text(&manifest_path, &mut s.diagnostics)
    {
        let file = SourceFile {
            name: manifest_path.display().to_string(),
            text,
            origin: PackSource::File(manifest_path.clone()),
        };
        if let Some(m) = super::compile::parse_checked::<PackManifest>(
            &file.name,
            &file.text,
            SchemaKind::Manifest,
            &mut s.diagnostics,
        ) {
            manifest = m;
        }
        s.manifests.push(file);
        manifest_index = Some(s.manifests.len() - 1);
    }
    let base = match manifest.extends.as_deref().map(str::trim) {
        None => Base::Replaces,
        Some("default") => Base::Default,
        Some(other) => {
            read_folder(
                s,
                &normalize(&dir.join(other)),
                chain,
                manifest_index.map(|m| ExtendsSite {
                    manifest: m,
                    written: other.to_string(),
                }),
            );
            Base::Folder
        }
    };
    let merging = base != Base::Replaces;
    s.folders.push(Folder {
        source: PackSource::File(dir.to_path_buf()),
        base,
    });

    // Removals apply to what is underneath, before this folder's files.
    if let Some(mi) = manifest_index {
        for kind in FileKind::ALL {
            let spec = manifest.remove.for_kind(kind);
            if spec.is_empty() {
                continue;
            }
            s.ops[kind.index()].push(Op::Remove {
                manifest: mi,
                spec: spec.clone(),
            });
        }
    }

    let mut found_any = manifest_index.is_some();
    let mut entries: Vec<(String, PathBuf, bool)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| {
                let path = e.path();
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = path.is_dir();
                (name, path, is_dir)
            })
            .collect(),
        Err(e) => {
            s.diagnostics.push(io_error(
                dir,
                "unreadable",
                format!("cannot list the rule folder: {e}"),
                "check that the folder is readable",
            ));
            Vec::new()
        }
    };
    entries.sort();
    for (name, path, is_dir) in entries {
        if is_dir {
            if name != "tests"
                && name != "schema"
                && super::compile::edit_distance(&name.to_lowercase(), "tests") <= 1
            {
                s.diagnostics.push(
                    RuleDiagnostic::new(
                        Class::Semantic,
                        "skipped-file",
                        &path.display().to_string(),
                        format!("the folder `{name}` is skipped: rule tests go in `tests/`"),
                    )
                    .help("rename the folder to `tests`"),
                );
            }
            continue;
        }
        if name == MANIFEST {
            continue;
        }
        if let Some(kind) = FileKind::from_file_name(&name) {
            found_any = true;
            let Some(text) = read_text(&path, &mut s.diagnostics) else {
                continue;
            };
            s.files.push(PackFile {
                kind,
                name: path.display().to_string(),
                text,
                origin: PackSource::File(path.clone()),
            });
            let i = s.files.len() - 1;
            let replace = !merging || manifest.replace.iter().any(|r| r.kind() == kind);
            s.ops[kind.index()].push(if replace { Op::Set(i) } else { Op::Merge(i) });
            continue;
        }
        if let Some(d) = skipped_file(&name, &path) {
            s.diagnostics.push(d);
        }
    }
    if !found_any {
        s.diagnostics.push(
            RuleDiagnostic::new(
                Class::Semantic,
                "empty-pack",
                &dir.display().to_string(),
                "the folder holds no rule files and no pack.yaml",
            )
            .help("pass the folder that holds cues.yaml, labels.yaml and the other rule files, or create one with `crosscheck rules init DIR`"),
        );
    }
    // `replace:` naming a file the folder does not have, or `remove:` for a file it replaces.
    if let Some(mi) = manifest_index {
        let m = &s.manifests[mi];
        let at = Located::source(&m.name, &m.text);
        for (i, r) in manifest.replace.iter().enumerate() {
            if !dir.join(r.kind().file_name()).is_file() {
                s.diagnostics.push(
                    at.at_value(
                        &crate::yaml_path!["replace", i],
                        Class::Semantic,
                        "unused-entry",
                        format!(
                            "`{}` is listed under `replace` but this folder has no such file",
                            r.kind().file_name()
                        ),
                    )
                    .help("add the file, or remove it from `replace`")
                    .warning(),
                );
            }
            if !merging {
                s.diagnostics.push(
                    at.at_value(
                        &crate::yaml_path!["replace", i],
                        Class::Semantic,
                        "unused-entry",
                        "`replace` has no effect without `extends`: every file replaces the default",
                    )
                    .help("add `extends: default` to merge the other files into the default pack")
                    .warning(),
                );
            }
        }
        for kind in FileKind::ALL {
            let replaces = !merging || manifest.replace.iter().any(|r| r.kind() == kind);
            if replaces
                && !manifest.remove.for_kind(kind).is_empty()
                && dir.join(kind.file_name()).is_file()
            {
                s.diagnostics.push(
                    at.at_key(
                        &crate::yaml_path!["remove", kind.file_name()],
                        Class::Semantic,
                        "unused-entry",
                        format!(
                            "removing entries from `{}` has no effect: this folder's {} replaces it whole",
                            kind.file_name(),
                            kind.file_name()
                        ),
                    )
                    .help("edit the file itself, or merge it with `extends: default`")
                    .warning(),
                );
            }
        }
    }
    chain.pop();
}

/// `a/b/../c` as `a/c`, without touching the file system (for messages and loops).
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A YAML file in a pack folder that is not read: an error when its name is close to
/// a rule file's (a typo), a warning otherwise.
fn skipped_file(name: &str, path: &Path) -> Option<RuleDiagnostic> {
    let lower = name.to_lowercase();
    let stem = lower
        .strip_suffix(".yaml")
        .or_else(|| lower.strip_suffix(".yml"))?;
    let known: Vec<&str> = FileKind::ALL
        .iter()
        .map(|k| k.file_name())
        .chain([MANIFEST])
        .collect();
    let stems: Vec<&str> = known.iter().map(|n| n.trim_end_matches(".yaml")).collect();
    let file = path.display().to_string();
    if super::compile::edit_distance(stem, "tests") <= 1 {
        return Some(
            RuleDiagnostic::new(
                Class::Semantic,
                "skipped-file",
                &file,
                format!("`{name}` is not read: rule tests go in the `tests/` folder"),
            )
            .help(format!("move it to tests/{stem}.yaml")),
        );
    }
    let close = closest(stem, stems.iter().copied());
    Some(match close {
        Some(c) => RuleDiagnostic::new(
            Class::Semantic,
            "skipped-file",
            &file,
            format!("`{name}` is not read: rule files have fixed names"),
        )
        .help(format!("did you mean `{c}.yaml`? rename the file")),
        None => RuleDiagnostic::new(
            Class::Semantic,
            "skipped-file",
            &file,
            format!("`{name}` is not part of a rule pack and is skipped"),
        )
        .help(format!(
            "rule files are {}; move other YAML files out of the pack folder",
            known.join(", ")
        ))
        .warning(),
    })
}

/// A rule test file, read.
#[derive(Debug, Clone)]
pub struct TestSource {
    pub file: SourceFile,
    /// From a pack this one extends (not the pack's own folder).
    pub inherited: bool,
}

/// The rule test files of a pack: its own folder's `tests/*.yaml` (or the built-in
/// tests for the built-in pack), then, going down through `extends`, those of the packs
/// it extends, marked inherited.
pub fn read_tests(folders: &[Folder], errors: &mut RuleErrors) -> Vec<TestSource> {
    let mut picked = Vec::new();
    let mut i = folders.len().saturating_sub(1);
    loop {
        picked.push(i);
        match folders.get(i).map(|f| f.base) {
            Some(Base::Default) if i != 0 => {
                picked.push(0);
                break;
            }
            Some(Base::Folder) if i > 1 => i -= 1,
            _ => break,
        }
    }
    let mut out = Vec::new();
    for (n, &i) in picked.iter().enumerate() {
        let inherited = n > 0;
        match &folders[i].source {
            PackSource::Builtin => {
                for (name, text) in BUILTIN_TESTS {
                    out.push(TestSource {
                        file: SourceFile {
                            name: format!("<default>/tests/{name}"),
                            text: Arc::new(text.to_string()),
                            origin: PackSource::Builtin,
                        },
                        inherited,
                    });
                }
            }
            PackSource::File(dir) => {
                for path in test_paths(&dir.join("tests"), errors) {
                    if let Some(text) = read_text(&path, errors) {
                        out.push(TestSource {
                            file: SourceFile {
                                name: path.display().to_string(),
                                text,
                                origin: PackSource::File(path.clone()),
                            },
                            inherited,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The `.yaml` files in a tests folder, sorted; other YAML-looking names are reported.
pub fn test_paths(dir: &Path, errors: &mut RuleErrors) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in rd.filter_map(Result::ok) {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if !path.is_file() {
            continue;
        }
        if name.ends_with(".yaml") {
            out.push(path);
        } else if name.to_lowercase().ends_with(".yml") || name.to_lowercase().ends_with(".yaml") {
            errors.push(
                RuleDiagnostic::new(
                    Class::Semantic,
                    "skipped-file",
                    &path.display().to_string(),
                    format!("`{name}` is not read: test files end in `.yaml`"),
                )
                .help("rename the file to end in `.yaml`"),
            );
        }
    }
    out.sort();
    out
}
