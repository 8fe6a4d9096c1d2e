//! Helpers shared by the integration tests: the fixture files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crosscheck::Document;
use serde::Deserialize;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A `.story.yaml` fixture: several documents about one story, an optional given
/// claim, and the labels the claims must get.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    #[serde(default)]
    pub claim: Option<String>,
    pub documents: Vec<String>,
    #[serde(default)]
    pub expect: Vec<String>,
}

pub struct Fixture {
    pub name: String,
    pub docs: Vec<Document>,
    pub claim: Option<String>,
    pub expect: Vec<String>,
}

/// Every fixture, sorted by name: `.txt` and `.md` files are one document each.
pub fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        if let Some(name) = file.strip_suffix(".story.yaml") {
            let story: Story =
                serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
            let docs = story
                .documents
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("{name}-{}", i + 1), t.clone()))
                .collect();
            out.push(Fixture {
                name: name.to_string(),
                docs,
                claim: story.claim,
                expect: story.expect,
            });
        } else if file.ends_with(".txt") || file.ends_with(".md") {
            let name = file
                .rsplit_once('.')
                .map(|(s, _)| s)
                .unwrap_or(&file)
                .to_string();
            out.push(Fixture {
                name,
                docs: vec![Document::new(file.clone(), text)],
                claim: None,
                expect: vec![],
            });
        }
    }
    out
}
