//! `pack.yaml`: how a rule folder relates to the pack under it. Without one, each
//! file in the folder replaces the default file of the same name. With
//! `extends: default` (or the path of another pack folder), each file is merged into
//! the file of the same name underneath instead: lists of words grow, items with an
//! `id` replace the item of the same id or are added, mappings merge key by key.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The file name of the manifest in a pack folder.
pub const MANIFEST: &str = "pack.yaml";

/// `pack.yaml`: how the files of this folder combine with the pack they build on.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackManifest {
    /// What this pack builds on: `default` (the built-in pack) or the path of another
    /// pack folder, relative to this file. The files in this folder are then merged
    /// into the files of the same name underneath. Without `extends`, each file in
    /// this folder replaces the default file of the same name whole.
    #[serde(default)]
    pub extends: Option<String>,
    /// Shown by `crosscheck rules validate`: what this pack is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Files of this folder that replace the file underneath whole, even though the
    /// pack `extends` another.
    #[serde(default)]
    pub replace: Vec<RuleFileName>,
    /// Entries to take out of the pack underneath before this folder's files are
    /// merged in, by file: ids of rules, conditions, entities and junk rules; texts of
    /// cue phrases; words of word lists. Maps (such as `verbs` by stance) nest.
    #[serde(default)]
    pub remove: Removals,
}

/// The name of one rule file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
pub enum RuleFileName {
    #[serde(rename = "cues.yaml")]
    Cues,
    #[serde(rename = "stance.yaml")]
    Stance,
    #[serde(rename = "sources.yaml")]
    Sources,
    #[serde(rename = "text.yaml")]
    Text,
    #[serde(rename = "english.yaml")]
    English,
    #[serde(rename = "linking.yaml")]
    Linking,
    #[serde(rename = "labels.yaml")]
    Labels,
}

/// What to take out of each file of the pack underneath.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Removals {
    #[serde(
        rename = "cues.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub cues: BTreeMap<String, Remove>,
    #[serde(
        rename = "stance.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub stance: BTreeMap<String, Remove>,
    #[serde(
        rename = "sources.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub sources: BTreeMap<String, Remove>,
    #[serde(
        rename = "text.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub text: BTreeMap<String, Remove>,
    #[serde(
        rename = "english.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub english: BTreeMap<String, Remove>,
    #[serde(
        rename = "linking.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub linking: BTreeMap<String, Remove>,
    #[serde(
        rename = "labels.yaml",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub labels: BTreeMap<String, Remove>,
}

/// Under a list: the ids, texts or words to remove. Under a map (such as `verbs`): the
/// same again, by key.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Remove {
    Items(Vec<String>),
    Keys(BTreeMap<String, Remove>),
}

impl Removals {
    /// The removals for the file of `kind`.
    pub fn for_kind(&self, kind: super::FileKind) -> &BTreeMap<String, Remove> {
        use super::FileKind as K;
        match kind {
            K::Cues => &self.cues,
            K::Stance => &self.stance,
            K::Sources => &self.sources,
            K::Text => &self.text,
            K::English => &self.english,
            K::Linking => &self.linking,
            K::Labels => &self.labels,
        }
    }
}

impl RuleFileName {
    pub fn kind(self) -> super::FileKind {
        use super::FileKind as K;
        match self {
            RuleFileName::Cues => K::Cues,
            RuleFileName::Stance => K::Stance,
            RuleFileName::Sources => K::Sources,
            RuleFileName::Text => K::Text,
            RuleFileName::English => K::English,
            RuleFileName::Linking => K::Linking,
            RuleFileName::Labels => K::Labels,
        }
    }
}
