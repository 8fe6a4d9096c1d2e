//! Checking and compiling `labels.yaml`: references resolved, cycles, duplicates,
//! empty conditions and shadowed rules reported at their place in the file.

use rustc_hash::FxHashMap;

use super::{ClaimMatcher, Cond, Matcher, NamedCond, Rule, RuleSet};
use crate::pack::diagnostic::{Class, RuleErrors, Step};
use crate::pack::raw::{Condition, LabelsFile};
use crate::pack::{Located, closest};

struct Ctx<'a> {
    names: FxHashMap<&'a str, usize>,
    at: &'a Located<'a>,
}

pub fn compile(file: &LabelsFile, at: &Located, errors: &mut RuleErrors) -> RuleSet {
    let mut names: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, c) in file.conditions.iter().enumerate() {
        if names.insert(c.id.as_str(), i).is_some() {
            errors.push(
                at.at_value(
                    &crate::yaml_path!["conditions", i, "id"],
                    Class::Semantic,
                    "duplicate-id",
                    format!("condition id `{}` is used twice", c.id),
                )
                .help("rename one of them; `ref:` must name exactly one condition"),
            );
        }
    }
    let ctx = Ctx { names, at };
    let mut set = RuleSet::default();
    for (i, c) in file.conditions.iter().enumerate() {
        let path = crate::yaml_path!["conditions", i, "when"];
        let when = ctx.cond(&c.when, path, errors);
        set.conditions.push(NamedCond {
            id: c.id.clone(),
            description: c.description.clone(),
            when,
        });
    }
    check_cycles(&set, at, errors);

    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut rules = Vec::new();
    for (i, r) in file.rules.iter().enumerate() {
        if r.id.trim().is_empty() {
            errors.push(at.at_key(
                &crate::yaml_path!["rules", i],
                Class::Semantic,
                "empty-id",
                "a rule needs a non-empty `id`",
            ));
        }
        if seen.insert(r.id.as_str(), i).is_some() {
            errors.push(
                at.at_value(
                    &crate::yaml_path!["rules", i, "id"],
                    Class::Semantic,
                    "duplicate-id",
                    format!("rule id `{}` is used twice", r.id),
                )
                .help("rule ids name rules in reports and overrides: make each one unique"),
            );
        }
        let when = ctx.cond(&r.when, crate::yaml_path!["rules", i, "when"], errors);
        rules.push((
            i,
            Rule {
                id: r.id.clone(),
                label: r.label,
                priority: r.priority,
                description: r.description.clone(),
                url: r.url.clone(),
                message: r.message.clone(),
                when,
            },
        ));
    }
    // Highest priority first; equal priorities keep file order.
    rules.sort_by_key(|(i, r)| (std::cmp::Reverse(r.priority), *i));
    check_shadowing(&rules, &set, at, errors);
    if !rules.is_empty()
        && !rules.iter().any(|(_, r)| always_true(&r.when, &set))
        && !has_fallback(&rules)
    {
        errors.push(
            at.at_key(&crate::yaml_path!["rules"], Class::Semantic, "no-fallback",
                "no rule catches every claim; claims no rule matches are reported as unconfirmed with no rule")
                .help("add a last rule with a low priority, e.g. `when: {claim: {related: true}}`")
                .warning(),
        );
    }
    set.rules = rules.into_iter().map(|(_, r)| r).collect();
    set
}

impl Ctx<'_> {
    fn cond(&self, c: &Condition, path: Vec<Step>, errors: &mut RuleErrors) -> Cond {
        let sub = |key: &str| {
            let mut p = path.clone();
            p.push(Step::Key(key.to_string()));
            p
        };
        let keys = c.keys();
        if keys.is_empty() {
            errors.push(
                self.at
                    .at_value(
                        &path,
                        Class::Semantic,
                        "empty-condition",
                        "this condition tests nothing",
                    )
                    .help("write one of: all, any, not, ref, statement, count, claim"),
            );
            return Cond::Any(vec![]);
        }
        if keys.len() > 1 {
            errors.push(
                self.at.at_key(&sub(keys[1]), Class::Semantic, "several-keys",
                    format!("a condition has one key, but this one has {}", keys.join(", ")))
                    .help("put the conditions in a list under `all:` (every one holds) or `any:` (one holds)"),
            );
        }
        if let Some(parts) = c.all.as_ref().or(c.any.as_ref()) {
            let key = if c.all.is_some() { "all" } else { "any" };
            if parts.is_empty() {
                errors.push(
                    self.at
                        .at_key(
                            &sub(key),
                            Class::Semantic,
                            "empty-condition",
                            format!("`{key}` has no conditions"),
                        )
                        .help("list at least one condition, or remove it"),
                );
            }
            let compiled = parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut pp = sub(key);
                    pp.push(Step::Index(i));
                    self.cond(p, pp, errors)
                })
                .collect();
            return if key == "all" {
                Cond::All(compiled)
            } else {
                Cond::Any(compiled)
            };
        }
        if let Some(inner) = &c.not {
            return Cond::Not(Box::new(self.cond(inner, sub("not"), errors)));
        }
        if let Some(name) = &c.reference {
            return match self.names.get(name.as_str()) {
                Some(&i) => Cond::Ref(i),
                None => {
                    let help = match closest(name, self.names.keys().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => "name a condition listed under `conditions:`".to_string(),
                    };
                    errors.push(
                        self.at
                            .at_value(
                                &sub("ref"),
                                Class::Semantic,
                                "unknown-reference",
                                format!("`ref: {name}` names no condition"),
                            )
                            .help(help),
                    );
                    Cond::Any(vec![])
                }
            };
        }
        if let Some(m) = &c.statement {
            return Cond::Statement(Matcher::from_raw(m));
        }
        if let Some(cm) = &c.count {
            if cm.at_least.is_none() && cm.at_most.is_none() {
                errors.push(
                    self.at.at_key(&sub("count"), Class::Semantic, "empty-condition",
                        "`count` needs `at_least` or `at_most`")
                        .help("without a bound it always holds; use `statement:` to ask for one match"),
                );
            }
            if let (Some(a), Some(b)) = (cm.at_least, cm.at_most)
                && a > b
            {
                errors.push(self.at.at_key(
                    &sub("count"),
                    Class::Semantic,
                    "impossible-condition",
                    format!("`at_least: {a}` is more than `at_most: {b}`: this never holds"),
                ));
            }
            return Cond::Count {
                matcher: Matcher::from_raw(&cm.statement),
                at_least: cm.at_least,
                at_most: cm.at_most,
            };
        }
        let m = c.claim.clone().unwrap_or_default();
        if ClaimMatcher::from_raw(&m).is_empty() {
            errors.push(
                self.at
                    .at_key(
                        &sub("claim"),
                        Class::Semantic,
                        "empty-condition",
                        "`claim` tests nothing",
                    )
                    .help("set `given`, `related`, `refutes`, `hedged`, `negated` or `attributed`")
                    .warning(),
            );
        }
        Cond::Claim(ClaimMatcher::from_raw(&m))
    }
}

fn check_cycles(set: &RuleSet, at: &Located, errors: &mut RuleErrors) {
    fn refs(c: &Cond, out: &mut Vec<usize>) {
        match c {
            Cond::All(p) | Cond::Any(p) => p.iter().for_each(|x| refs(x, out)),
            Cond::Not(x) => refs(x, out),
            Cond::Ref(i) => out.push(*i),
            _ => {}
        }
    }
    let n = set.conditions.len();
    // 0 = unvisited, 1 = on stack, 2 = done
    let mut state = vec![0u8; n];
    fn visit(
        i: usize,
        set: &RuleSet,
        state: &mut [u8],
        stack: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[i] = 1;
        stack.push(i);
        let mut out = Vec::new();
        refs(&set.conditions[i].when, &mut out);
        for j in out {
            if state[j] == 1 {
                let pos = stack.iter().position(|&x| x == j).unwrap_or(0);
                return Some(stack[pos..].to_vec());
            }
            if state[j] == 0
                && let Some(c) = visit(j, set, state, stack)
            {
                return Some(c);
            }
        }
        stack.pop();
        state[i] = 2;
        None
    }
    for i in 0..n {
        if state[i] == 0 {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(i, set, &mut state, &mut stack) {
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&k| set.conditions[k].id.as_str())
                    .collect();
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["conditions", cycle[0], "id"],
                        Class::Semantic,
                        "cycle",
                        format!(
                            "conditions refer to each other in a loop: {} -> {}",
                            names.join(" -> "),
                            names[0]
                        ),
                    )
                    .help("break the loop: one of these conditions must not refer back"),
                );
                for &k in &cycle {
                    state[k] = 2;
                }
            }
        }
    }
}

/// Replaces references by what they name, so rules can be compared. Cycles were
/// reported already; a depth limit keeps this finite regardless.
fn resolve(c: &Cond, set: &RuleSet, depth: usize) -> Cond {
    if depth > 32 {
        return c.clone();
    }
    match c {
        Cond::All(p) => Cond::All(p.iter().map(|x| resolve(x, set, depth + 1)).collect()),
        Cond::Any(p) => Cond::Any(p.iter().map(|x| resolve(x, set, depth + 1)).collect()),
        Cond::Not(x) => Cond::Not(Box::new(resolve(x, set, depth + 1))),
        Cond::Ref(i) => resolve(&set.conditions[*i].when, set, depth + 1),
        other => other.clone(),
    }
}

fn always_true(c: &Cond, set: &RuleSet) -> bool {
    match resolve(c, set, 0) {
        Cond::All(p) => p.iter().all(|x| always_true(x, set)),
        Cond::Any(p) => p.iter().any(|x| always_true(x, set)),
        Cond::Claim(m) => m.is_empty(),
        Cond::Count {
            at_least: None,
            at_most: None,
            ..
        } => true,
        _ => false,
    }
}

/// A low-priority rule whose condition is `related: true` or `related: false`
/// together with one for the other value catches everything.
fn has_fallback(rules: &[(usize, Rule)]) -> bool {
    let mut related = [false, false];
    for (_, r) in rules {
        if let Cond::Claim(m) = &r.when
            && let Some(v) = m.related
            && (ClaimMatcher {
                related: None,
                ..m.clone()
            })
            .is_empty()
        {
            related[usize::from(v)] = true;
        }
    }
    related[0] && related[1]
}

/// A rule is shadowed when a rule tried before it has the same condition or one that
/// always holds: it can then never decide a label.
fn check_shadowing(rules: &[(usize, Rule)], set: &RuleSet, at: &Located, errors: &mut RuleErrors) {
    let resolved: Vec<Cond> = rules
        .iter()
        .map(|(_, r)| resolve(&r.when, set, 0))
        .collect();
    for (k, (i, rule)) in rules.iter().enumerate() {
        for (j, (_, earlier)) in rules.iter().enumerate().take(k) {
            let same = resolved[j] == resolved[k];
            if same || always_true(&earlier.when, set) {
                let why = if same {
                    "has the same condition"
                } else {
                    "always holds"
                };
                errors.push(
                    at.at_key(&crate::yaml_path!["rules", *i], Class::Semantic, "shadowed-rule",
                        format!("rule `{}` can never decide a label: `{}` is tried first and {why}", rule.id, earlier.id))
                        .help("raise this rule's priority above the other's, or narrow the other rule's condition")
                        .warning(),
                );
                break;
            }
        }
    }
}
