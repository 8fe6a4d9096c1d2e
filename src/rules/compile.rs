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
    let names = at.unique_ids(
        "conditions",
        file.conditions.iter().map(|c| c.id.as_str()),
        "condition",
        "rename one of them; `ref:` must name exactly one condition",
        errors,
    );
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
    let refs_ok = check_cycles(&set, at, errors);

    at.unique_ids(
        "rules",
        file.rules.iter().map(|r| r.id.as_str()),
        "rule",
        "rule ids name rules in reports and overrides: make each one unique",
        errors,
    );
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
        let when = ctx.cond(&r.when, crate::yaml_path!["rules", i, "when"], errors);
        if let Some(m) = &r.message {
            check_placeholders(m, i, at, errors);
        }
        if let Some(url) = &r.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            errors.push(
                at.at_value(
                    &crate::yaml_path!["rules", i, "url"],
                    Class::Semantic,
                    "bad-url",
                    format!("`url: {url}` is not a web address"),
                )
                .help("write the full address, starting with https://")
                .warning(),
            );
        }
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
    if !refs_ok {
        set.rules = rules.into_iter().map(|(_, r)| r).collect();
        return set;
    }
    let mut memo = vec![None; set.conditions.len()];
    let mut too_big = false;
    for (i, r) in &rules {
        let n = expanded_size(&r.when, &set, &mut memo);
        if n > MAX_EXPANDED {
            too_big = true;
            errors.push(
                at.at_key(
                    &crate::yaml_path!["rules", *i, "when"],
                    Class::Semantic,
                    "too-complex",
                    format!(
                        "the condition of rule `{}` has {n} parts once every `ref` is written out",
                        r.id
                    ),
                )
                .help("conditions that refer to the same condition several times, level after level, grow fast: simplify them"),
            );
        }
    }
    if too_big {
        set.rules = rules.into_iter().map(|(_, r)| r).collect();
        return set;
    }
    check_shadowing(&rules, &set, at, errors);
    let caught = rules
        .iter()
        .map(|(_, r)| covers(&resolved(&r.when, &set)))
        .fold([false, false], |a, b| [a[0] || b[0], a[1] || b[1]]);
    if !rules.is_empty() && caught != [true, true] {
        let (message, help) = if caught[1] {
            (
                "no rule catches a given claim that the text is not about; it is reported as unconfirmed with no rule",
                "add a rule with `when: {claim: {related: false}}`, like the default `unrelated` rule",
            )
        } else {
            (
                "no rule catches every claim; claims no rule matches are reported as unconfirmed with no rule",
                "add a last rule with a low priority and `when: {claim: {related: true}}` (and one with `related: false`)",
            )
        };
        errors.push(
            at.at_key(
                &crate::yaml_path!["rules"],
                Class::Semantic,
                "no-fallback",
                message,
            )
            .help(help)
            .warning(),
        );
    }
    check_unused(&rules, &set, at, errors);
    set.rules = rules.into_iter().map(|(_, r)| r).collect();
    set
}

/// The placeholders a rule message may use.
pub const PLACEHOLDERS: [&str; 4] = ["claimant", "responder", "cue", "label"];

/// `{claimnt}` in a message is left as written in every report: warn, with a guess.
fn check_placeholders(message: &str, i: usize, at: &Located, errors: &mut RuleErrors) {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            let help = match closest(name, PLACEHOLDERS.into_iter()) {
                Some(c) => format!("did you mean `{{{c}}}`?"),
                None => format!(
                    "the placeholders are {}",
                    PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
                ),
            };
            errors.push(
                at.at_value(
                    &crate::yaml_path!["rules", i, "message"],
                    Class::Semantic,
                    "unknown-placeholder",
                    format!("`{{{name}}}` is not a placeholder; it is shown as written"),
                )
                .narrow_to(&format!("{{{name}}}"))
                .help(help)
                .warning(),
            );
        }
        rest = &after[close + 1..];
    }
}

/// The named conditions `c` refers to with `ref:` (not those they refer to in turn).
fn refs(c: &Cond, out: &mut Vec<usize>) {
    match c {
        Cond::All(p) | Cond::Any(p) => p.iter().for_each(|x| refs(x, out)),
        Cond::Not(x) => refs(x, out),
        Cond::Ref(i) => out.push(*i),
        _ => {}
    }
}

/// Named conditions no rule uses, directly or through other conditions.
fn check_unused(rules: &[(usize, Rule)], set: &RuleSet, at: &Located, errors: &mut RuleErrors) {
    let mut used = vec![false; set.conditions.len()];
    let mut todo = Vec::new();
    for (_, r) in rules {
        refs(&r.when, &mut todo);
    }
    while let Some(i) = todo.pop() {
        if i < used.len() && !used[i] {
            used[i] = true;
            refs(&set.conditions[i].when, &mut todo);
        }
    }
    for (i, c) in set.conditions.iter().enumerate() {
        let duplicated = set.conditions.iter().filter(|o| o.id == c.id).count() > 1;
        if !used[i] && !duplicated {
            errors.push(
                at.at_value(
                    &crate::yaml_path!["conditions", i, "id"],
                    Class::Semantic,
                    "unused-entry",
                    format!("the condition `{}` is not used by any rule", c.id),
                )
                .help("refer to it with `ref:` in a rule, or remove it")
                .warning(),
            );
        }
    }
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

/// How deep `ref`s may lead from one condition to the next.
const MAX_REF_DEPTH: usize = 64;

/// Reports conditions that refer to each other in a loop, or through too long a
/// chain; returns whether there are none (later checks follow references freely).
fn check_cycles(set: &RuleSet, at: &Located, errors: &mut RuleErrors) -> bool {
    enum Found {
        Cycle(Vec<usize>),
        TooDeep(usize),
    }
    let n = set.conditions.len();
    // 0 = unvisited, 1 = on stack, 2 = done
    let mut state = vec![0u8; n];
    fn visit(i: usize, set: &RuleSet, state: &mut [u8], stack: &mut Vec<usize>) -> Option<Found> {
        if stack.len() >= MAX_REF_DEPTH {
            return Some(Found::TooDeep(stack[0]));
        }
        state[i] = 1;
        stack.push(i);
        let mut out = Vec::new();
        refs(&set.conditions[i].when, &mut out);
        for j in out {
            if state[j] == 1 {
                let pos = stack.iter().position(|&x| x == j).unwrap_or(0);
                return Some(Found::Cycle(stack[pos..].to_vec()));
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
    let mut ok = true;
    for i in 0..n {
        if state[i] != 0 {
            continue;
        }
        let mut stack = Vec::new();
        let found = visit(i, set, &mut state, &mut stack);
        // Whatever was on the stack is dealt with.
        for &k in &stack {
            state[k] = 2;
        }
        match found {
            None => {}
            Some(Found::Cycle(cycle)) => {
                ok = false;
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
            }
            Some(Found::TooDeep(start)) => {
                ok = false;
                errors.push(
                    at.at_value(
                        &crate::yaml_path!["conditions", start, "id"],
                        Class::Semantic,
                        "too-deep",
                        format!(
                            "`{}` leads through more than {MAX_REF_DEPTH} `ref`s, one inside the next",
                            set.conditions[start].id
                        ),
                    )
                    .help("name fewer conditions in a chain: write some of them out in place"),
                );
            }
        }
    }
    ok
}

/// Replaces references by what they name, so rules can be compared. Cycles were
/// reported already; a budget of nodes keeps this small whatever the file holds (a
/// reference left in place compares equal only to itself).
fn resolve(c: &Cond, set: &RuleSet, budget: &mut usize) -> Cond {
    if *budget == 0 {
        return c.clone();
    }
    *budget -= 1;
    match c {
        Cond::All(p) => Cond::All(p.iter().map(|x| resolve(x, set, budget)).collect()),
        Cond::Any(p) => Cond::Any(p.iter().map(|x| resolve(x, set, budget)).collect()),
        Cond::Not(x) => Cond::Not(Box::new(resolve(x, set, budget))),
        Cond::Ref(i) => match set.conditions.get(*i) {
            Some(named) => resolve(&named.when, set, budget),
            None => c.clone(),
        },
        other => other.clone(),
    }
}

/// `resolve` with the usual budget.
fn resolved(c: &Cond, set: &RuleSet) -> Cond {
    resolve(c, set, &mut 2_000)
}

/// Whether a resolved condition holds for every claim.
fn always_true(c: &Cond) -> bool {
    match c {
        Cond::All(p) => p.iter().all(always_true),
        Cond::Any(p) => p.iter().any(always_true) || covers(c) == [true, true],
        Cond::Claim(m) => m.is_empty(),
        Cond::Count {
            at_least: None,
            at_most: None,
            ..
        } => true,
        _ => false,
    }
}

/// Which claims a resolved condition always catches: [unrelated ones, related ones].
fn covers(c: &Cond) -> [bool; 2] {
    match c {
        Cond::Claim(m) if m.is_empty() => [true, true],
        // Only `related` set: it catches one of the two kinds of claim.
        Cond::Claim(m)
            if (ClaimMatcher {
                related: None,
                ..m.clone()
            })
            .is_empty() =>
        {
            let mut out = [false, false];
            if let Some(v) = m.related {
                out[usize::from(v)] = true;
            }
            out
        }
        Cond::Count {
            at_least: None,
            at_most: None,
            ..
        } => [true, true],
        Cond::Any(p) => p
            .iter()
            .map(covers)
            .fold([false, false], |a, b| [a[0] || b[0], a[1] || b[1]]),
        Cond::All(p) => p
            .iter()
            .map(covers)
            .fold([true, true], |a, b| [a[0] && b[0], a[1] && b[1]]),
        _ => [false, false],
    }
}

/// The size a condition has with every reference written out (how much work it is to
/// test), saturating; references in a loop count as nothing (the loop is reported).
fn expanded_size(c: &Cond, set: &RuleSet, memo: &mut Vec<Option<usize>>) -> usize {
    match c {
        Cond::All(p) | Cond::Any(p) => p
            .iter()
            .fold(1usize, |n, x| n.saturating_add(expanded_size(x, set, memo))),
        Cond::Not(x) => expanded_size(x, set, memo).saturating_add(1),
        Cond::Ref(i) => {
            let Some(slot) = memo.get(*i) else { return 1 };
            if let Some(n) = slot {
                return *n;
            }
            memo[*i] = Some(0); // in progress: a loop adds nothing
            let n = expanded_size(&set.conditions[*i].when, set, memo).saturating_add(1);
            memo[*i] = Some(n);
            n
        }
        _ => 1,
    }
}

/// Conditions so large once references are written out that testing them would take
/// too long (references that fan out level after level).
const MAX_EXPANDED: usize = 100_000;

/// Whether `a` holding means `b` holds, for every claim (a sound, incomplete test:
/// `false` means "not shown", not "no"). `fuel` bounds the work on odd packs.
fn implies(a: &Cond, b: &Cond, fuel: &mut usize) -> bool {
    if *fuel == 0 {
        return false;
    }
    *fuel -= 1;
    if a == b || always_true(b) {
        return true;
    }
    let shown = match (a, b) {
        (Cond::Statement(m1), Cond::Statement(m2)) => m1.implies(m2),
        (
            Cond::Count {
                matcher,
                at_least: Some(n),
                ..
            },
            Cond::Statement(m2),
        ) => *n >= 1 && matcher.implies(m2),
        (
            Cond::Statement(m1),
            Cond::Count {
                matcher,
                at_least: Some(1),
                at_most: None,
            },
        ) => m1.implies(matcher),
        (Cond::Claim(c1), Cond::Claim(c2)) => {
            c2.given.is_none_or(|g| c1.given == Some(g))
                && c2.related.is_none_or(|r| c1.related == Some(r))
        }
        (Cond::Not(x), Cond::Not(y)) => implies(y, x, fuel),
        _ => false,
    };
    shown
        || match b {
            Cond::All(bs) => !bs.is_empty() && bs.iter().all(|x| implies(a, x, fuel)),
            Cond::Any(bs) => bs.iter().any(|x| implies(a, x, fuel)),
            _ => false,
        }
        || match a {
            Cond::Any(xs) => !xs.is_empty() && xs.iter().all(|x| implies(x, b, fuel)),
            Cond::All(xs) => xs.iter().any(|x| implies(x, b, fuel)),
            _ => false,
        }
}

/// A rule is shadowed when a rule tried before it holds whenever it does (the same
/// condition, one that always holds, or a weaker one): it can then never decide a label.
fn check_shadowing(rules: &[(usize, Rule)], set: &RuleSet, at: &Located, errors: &mut RuleErrors) {
    let resolved: Vec<Cond> = rules.iter().map(|(_, r)| resolved(&r.when, set)).collect();
    for (k, (i, rule)) in rules.iter().enumerate() {
        for (j, (_, earlier)) in rules.iter().enumerate().take(k) {
            let why = if resolved[j] == resolved[k] {
                "has the same condition"
            } else if always_true(&resolved[j]) {
                "always holds"
            } else if implies(&resolved[k], &resolved[j], &mut 20_000) {
                "holds whenever this one does"
            } else {
                continue;
            };
            errors.push(
                at.at_key(&crate::yaml_path!["rules", *i], Class::Semantic, "shadowed-rule",
                    format!("rule `{}` can never decide a label: `{}` (priority {}) is tried first and {why}", rule.id, earlier.id, earlier.priority))
                    .help("raise this rule's priority above the other's, or narrow the other rule's condition")
                    .warning(),
            );
            break;
        }
    }
}
