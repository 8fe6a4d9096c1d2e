//! Layering: merging a pack file into the file of the same name underneath, and taking
//! entries out of it, while remembering which file (and where in it) every part of
//! the result came from, so diagnostics point into the file a user wrote.
//!
//! Merge rules: maps merge key by key; lists of items with an `id` (or, for cue
//! phrases, a `text`) replace the item with the same id in place or are appended;
//! other lists (words, synonym groups) are appended; a single value replaces the one
//! underneath; an empty value (`key:` with nothing after it) leaves it alone.

use std::collections::BTreeMap;

use serde_yaml::{Mapping, Value as Yaml};

use super::diagnostic::{Step, path_text};
use super::manifest::Remove;

/// Where a part of a merged document came from: a layer and the path inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub layer: usize,
    pub path: Vec<Step>,
}

/// A YAML document in which every node remembers its origin.
#[derive(Debug, Clone)]
pub enum Tree {
    Map(Vec<(Yaml, Tree)>, Origin),
    Seq(Vec<Tree>, Origin),
    Leaf(Yaml, Origin),
}

pub fn key_text(k: &Yaml) -> String {
    match k {
        Yaml::String(s) => s.clone(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Null => "~".into(),
        other => format!("{other:?}"),
    }
}

impl Tree {
    /// The tree of one layer's document.
    pub fn new(v: &Yaml, layer: usize) -> Tree {
        Tree::build(v, layer, &mut Vec::new())
    }

    fn build(v: &Yaml, layer: usize, path: &mut Vec<Step>) -> Tree {
        let origin = Origin {
            layer,
            path: path.clone(),
        };
        match v {
            Yaml::Mapping(m) => Tree::Map(
                m.iter()
                    .map(|(k, v)| {
                        path.push(Step::Key(key_text(k)));
                        let t = Tree::build(v, layer, path);
                        path.pop();
                        (k.clone(), t)
                    })
                    .collect(),
                origin,
            ),
            Yaml::Sequence(items) => Tree::Seq(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        path.push(Step::Index(i));
                        let t = Tree::build(v, layer, path);
                        path.pop();
                        t
                    })
                    .collect(),
                origin,
            ),
            other => Tree::Leaf(other.clone(), origin),
        }
    }

    pub fn origin(&self) -> &Origin {
        match self {
            Tree::Map(_, o) | Tree::Seq(_, o) | Tree::Leaf(_, o) => o,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Tree::Leaf(Yaml::Null, _))
    }

    pub fn to_yaml(&self) -> Yaml {
        match self {
            Tree::Map(entries, _) => {
                let mut m = Mapping::new();
                for (k, t) in entries {
                    m.insert(k.clone(), t.to_yaml());
                }
                Yaml::Mapping(m)
            }
            Tree::Seq(items, _) => Yaml::Sequence(items.iter().map(Tree::to_yaml).collect()),
            Tree::Leaf(v, _) => v.clone(),
        }
    }

    /// Every node's path in this tree with its origin.
    pub fn origins(&self) -> Origins {
        let mut out = Vec::new();
        self.collect(&mut Vec::new(), &mut out);
        Origins { entries: out }
    }

    fn collect(&self, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Origin)>) {
        out.push((path.clone(), self.origin().clone()));
        match self {
            Tree::Map(entries, _) => {
                for (k, t) in entries {
                    path.push(Step::Key(key_text(k)));
                    t.collect(path, out);
                    path.pop();
                }
            }
            Tree::Seq(items, _) => {
                for (i, t) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    t.collect(path, out);
                    path.pop();
                }
            }
            Tree::Leaf(..) => {}
        }
    }

    /// What names an item of a list: the `id` (or `text`) of a mapping, a word, or
    /// the first word of a group.
    fn name(&self) -> Option<String> {
        match self {
            Tree::Map(..) => self.keyed_name(),
            Tree::Leaf(Yaml::String(s), _) => Some(s.trim().to_lowercase()),
            Tree::Seq(items, _) => items.first().and_then(Tree::name),
            _ => None,
        }
    }

    /// The `id` or `text` of a mapping item: items with one override each other.
    fn keyed_name(&self) -> Option<String> {
        let Tree::Map(entries, _) = self else {
            return None;
        };
        for key in ["id", "text"] {
            if let Some((_, Tree::Leaf(Yaml::String(s), _))) =
                entries.iter().find(|(k, _)| k.as_str() == Some(key))
            {
                return Some(if key == "text" {
                    s.trim().to_lowercase()
                } else {
                    s.clone()
                });
            }
        }
        None
    }
}

/// Merges `over` into `base` (see the module comment for the rules).
pub fn merge(base: Tree, over: Tree) -> Tree {
    if over.is_null() {
        return base;
    }
    if base.is_null() {
        return over;
    }
    match (base, over) {
        (Tree::Map(mut b, o), Tree::Map(v, _)) => {
            for (k, t) in v {
                match b.iter().position(|(bk, _)| *bk == k) {
                    Some(pos) => {
                        let old = std::mem::replace(
                            &mut b[pos].1,
                            Tree::Leaf(Yaml::Null, t.origin().clone()),
                        );
                        b[pos].1 = merge(old, t);
                    }
                    None => b.push((k, t)),
                }
            }
            Tree::Map(b, o)
        }
        (Tree::Seq(mut b, o), Tree::Seq(v, _)) => {
            for t in v {
                let same = t
                    .keyed_name()
                    .and_then(|n| b.iter().position(|x| x.keyed_name().as_deref() == Some(&n)));
                match same {
                    Some(pos) => b[pos] = t,
                    None => b.push(t),
                }
            }
            Tree::Seq(b, o)
        }
        (_, over) => over,
    }
}

/// Paths of a merged document mapped to where they came from.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    entries: Vec<(Vec<Step>, Origin)>,
}

impl Origins {
    /// The layer and path a merged path came from (the longest known prefix decides).
    pub fn map(&self, path: &[Step]) -> Option<(usize, Vec<Step>)> {
        let (prefix, origin) = self
            .entries
            .iter()
            .filter(|(p, _)| path.starts_with(p))
            .max_by_key(|(p, _)| p.len())?;
        let mut out = origin.path.clone();
        out.extend_from_slice(&path[prefix.len()..]);
        Some((origin.layer, out))
    }
}

/// A `remove:` entry that names nothing, located inside `remove.<file>`.
#[derive(Debug, Clone)]
pub struct RemoveError {
    pub path: Vec<Step>,
    pub message: String,
    pub help: String,
}

fn suggest<'a>(word: &str, names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match super::compile::closest(word, names.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None if names.is_empty() => "there is nothing there to remove".to_string(),
        None if names.len() <= 12 => format!("it holds: {}", names.join(", ")),
        None => "check the spelling against the file underneath".to_string(),
    }
}

/// Takes out of `tree` what `spec` names; returns what could not be found.
pub fn remove(tree: &mut Tree, spec: &BTreeMap<String, Remove>) -> Vec<RemoveError> {
    let mut errors = Vec::new();
    if tree.is_null() {
        *tree = Tree::Map(Vec::new(), tree.origin().clone());
    }
    for (key, r) in spec {
        let path = vec![Step::Key(key.clone())];
        apply_key(tree, key, r, &path, &mut errors);
    }
    errors
}

fn apply_key(node: &mut Tree, key: &str, r: &Remove, path: &[Step], errors: &mut Vec<RemoveError>) {
    let Tree::Map(entries, _) = node else {
        return;
    };
    match entries.iter_mut().find(|(k, _)| key_text(k) == key) {
        Some((_, child)) => apply(child, r, path, errors),
        None => {
            let names: Vec<String> = entries.iter().map(|(k, _)| key_text(k)).collect();
            errors.push(RemoveError {
                path: path.to_vec(),
                message: format!("there is no `{}` to remove from", path_text(path)),
                help: suggest(key, names.iter().map(String::as_str)),
            });
        }
    }
}

fn apply(node: &mut Tree, r: &Remove, path: &[Step], errors: &mut Vec<RemoveError>) {
    match (node, r) {
        (Tree::Seq(items, _), Remove::Items(names)) => {
            for (i, name) in names.iter().enumerate() {
                let want = name.trim().to_lowercase();
                match items
                    .iter()
                    .position(|t| t.name().map(|n| n.to_lowercase()) == Some(want.clone()))
                {
                    Some(pos) => {
                        items.remove(pos);
                    }
                    None => {
                        let have: Vec<String> = items.iter().filter_map(Tree::name).collect();
                        let mut p = path.to_vec();
                        p.push(Step::Index(i));
                        errors.push(RemoveError {
                            path: p,
                            message: format!("`{name}` is not in `{}`", path_text(path)),
                            help: suggest(&want, have.iter().map(String::as_str)),
                        });
                    }
                }
            }
        }
        (Tree::Map(entries, _), Remove::Items(names)) => {
            for (i, name) in names.iter().enumerate() {
                match entries.iter().position(|(k, _)| key_text(k) == *name) {
                    Some(pos) => {
                        entries.remove(pos);
                    }
                    None => {
                        let have: Vec<String> = entries.iter().map(|(k, _)| key_text(k)).collect();
                        let mut p = path.to_vec();
                        p.push(Step::Index(i));
                        errors.push(RemoveError {
                            path: p,
                            message: format!(
                                "`{}` has no key `{name}`; it is a map, so name a key and the entries under it",
                                path_text(path)
                            ),
                            help: suggest(name, have.iter().map(String::as_str)),
                        });
                    }
                }
            }
        }
        (node @ Tree::Map(..), Remove::Keys(map)) => {
            for (k, r) in map {
                let mut p = path.to_vec();
                p.push(Step::Key(k.clone()));
                apply_key(node, k, r, &p, errors);
            }
        }
        (Tree::Seq(..), Remove::Keys(_)) => errors.push(RemoveError {
            path: path.to_vec(),
            message: format!("`{}` is a list", path_text(path)),
            help: "give the ids or words to remove as a list: `[a, b]`".into(),
        }),
        (Tree::Leaf(..), _) => errors.push(RemoveError {
            path: path.to_vec(),
            message: format!("`{}` is a single value, not a list", path_text(path)),
            help: "set the value in this folder's file instead".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(src: &str, layer: usize) -> Tree {
        Tree::new(&serde_yaml::from_str::<Yaml>(src).unwrap(), layer)
    }

    #[test]
    fn lists_append_ids_override_maps_merge() {
        let base = tree(
            "hedges: [may, might]\nrules:\n  - {id: a, priority: 1}\n  - {id: b, priority: 2}\nthresholds: {x: 1, y: 2}\n",
            0,
        );
        let over = tree(
            "hedges: [perhaps]\nrules:\n  - {id: b, priority: 9}\n  - {id: c, priority: 3}\nthresholds: {y: 5}\n",
            1,
        );
        let merged = merge(base, over);
        let y = merged.to_yaml();
        let want: Yaml = serde_yaml::from_str(
            "hedges: [may, might, perhaps]\nrules:\n  - {id: a, priority: 1}\n  - {id: b, priority: 9}\n  - {id: c, priority: 3}\nthresholds: {x: 1, y: 5}\n",
        )
        .unwrap();
        assert_eq!(y, want);
        let o = merged.origins();
        let k = |s: &str| Step::Key(s.into());
        // The overriding rule b comes from layer 1, item 0; a stays in layer 0.
        assert_eq!(
            o.map(&[k("rules"), Step::Index(1), k("priority")]),
            Some((1, vec![k("rules"), Step::Index(0), k("priority")]))
        );
        assert_eq!(
            o.map(&[k("rules"), Step::Index(0)]),
            Some((0, vec![k("rules"), Step::Index(0)]))
        );
        assert_eq!(
            o.map(&[k("hedges"), Step::Index(2)]),
            Some((1, vec![k("hedges"), Step::Index(0)]))
        );
        assert_eq!(
            o.map(&[k("thresholds"), k("y")]),
            Some((1, vec![k("thresholds"), k("y")]))
        );
    }

    #[test]
    fn empty_values_leave_the_base_alone() {
        let merged = merge(tree("hedges: [may]\n", 0), tree("hedges:\n", 1));
        assert_eq!(
            merged.to_yaml(),
            serde_yaml::from_str::<Yaml>("hedges: [may]").unwrap()
        );
    }

    #[test]
    fn removal_by_id_word_and_key_with_did_you_mean() {
        let mut t = tree(
            "hedges: [may, Might]\nrules: [{id: contested}, {id: confirmed}]\nverbs: {asserts: [say, insist]}\n",
            0,
        );
        let spec: BTreeMap<String, Remove> = serde_yaml::from_str(
            "hedges: [might]\nrules: [contestd]\nverbs: {asserts: [insist]}\nnouns: [x]\n",
        )
        .unwrap();
        let errors = remove(&mut t, &spec);
        assert_eq!(
            t.to_yaml(),
            serde_yaml::from_str::<Yaml>(
                "hedges: [may]\nrules: [{id: contested}, {id: confirmed}]\nverbs: {asserts: [say]}\n"
            )
            .unwrap()
        );
        let msgs: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.message.as_str(), e.help.as_str()))
            .collect();
        assert_eq!(
            msgs,
            [
                (
                    "there is no `nouns` to remove from",
                    "it holds: hedges, rules, verbs"
                ),
                ("`contestd` is not in `rules`", "did you mean `contested`?"),
            ]
        );
        assert_eq!(
            errors[1].path,
            vec![Step::Key("rules".into()), Step::Index(0)]
        );
    }
}
