//! Checks that apply to every word list of every file: a word listed twice (the second
//! does nothing, and often one of the two was meant to be something else) and empty
//! entries (which match nothing).

use serde_yaml::Value as Yaml;

use super::compile::Located;
use super::diagnostic::{Class, RuleErrors, Step, path_text};

/// Reports repeated and empty words in every list of words in `doc`.
pub fn word_lists(at: &Located, doc: &Yaml, errors: &mut RuleErrors) {
    walk(at, doc, &mut Vec::new(), errors, 0);
}

fn walk(at: &Located, v: &Yaml, path: &mut Vec<Step>, errors: &mut RuleErrors, depth: usize) {
    if depth > 64 {
        return;
    }
    match v {
        Yaml::Mapping(m) => {
            for (k, child) in m {
                path.push(Step::Key(super::merge::key_text(k)));
                walk(at, child, path, errors, depth + 1);
                path.pop();
            }
        }
        Yaml::Sequence(items) => {
            if items.iter().all(|i| i.is_string()) {
                words(at, items, path, errors);
            } else {
                for (i, child) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(at, child, path, errors, depth + 1);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

fn words(at: &Located, items: &[Yaml], path: &[Step], errors: &mut RuleErrors) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let word = item.as_str().unwrap_or_default();
        let norm = word
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let mut p = path.to_vec();
        p.push(Step::Index(i));
        if norm.is_empty() {
            errors.push(
                at.at_value(
                    &p,
                    Class::Semantic,
                    "empty-entry",
                    format!("an empty entry in `{}` matches nothing", path_text(path)),
                )
                .help("remove it")
                .warning(),
            );
            continue;
        }
        match seen.iter().find(|(w, _)| *w == norm) {
            Some((_, first)) => {
                let mut fp = path.to_vec();
                fp.push(Step::Index(*first));
                let (file, line) = at.line_of(&fp);
                errors.push(
                    at.at_value(
                        &p,
                        Class::Semantic,
                        "duplicate-entry",
                        format!(
                            "`{word}` is listed twice in `{}` (first at {file}:{line})",
                            path_text(path)
                        ),
                    )
                    .help("remove one of the two")
                    .warning(),
                );
            }
            None => seen.push((norm, i)),
        }
    }
}
