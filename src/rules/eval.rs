//! Evaluating conditions over a claim's facts, with an optional trace for `--explain`.

use serde::Serialize;

use super::{ClaimFacts, Cond, RuleSet};

/// How one condition came out, with its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceNode {
    pub condition: String,
    pub held: bool,
    /// Statements (indices) that satisfied this condition, where it tests statements.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TraceNode>,
}

/// Every rule in the order tried, how its condition came out, and the winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    pub rules: Vec<RuleTrace>,
    pub winner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleTrace {
    pub rule: String,
    pub label: crate::model::Label,
    pub priority: i32,
    pub held: bool,
    pub condition: TraceNode,
}

impl RuleSet {
    pub(super) fn holds(
        &self,
        cond: &Cond,
        claim: &ClaimFacts,
        witnesses: &mut Vec<usize>,
    ) -> bool {
        match cond {
            Cond::All(parts) => {
                let mut local = Vec::new();
                for p in parts {
                    if !self.holds(p, claim, &mut local) {
                        return false;
                    }
                }
                witnesses.extend(local);
                true
            }
            Cond::Any(parts) => {
                let mut any = false;
                for p in parts {
                    if self.holds(p, claim, witnesses) {
                        any = true;
                    }
                }
                any
            }
            Cond::Not(inner) => !self.holds(inner, claim, &mut Vec::new()),
            Cond::Ref(i) => self.holds(&self.conditions[*i].when, claim, witnesses),
            Cond::Statement(m) => {
                let before = witnesses.len();
                for (i, s) in claim.statements.iter().enumerate() {
                    if m.matches(s) {
                        witnesses.push(i);
                    }
                }
                witnesses.len() > before
            }
            Cond::Count {
                matcher,
                at_least,
                at_most,
            } => {
                let hits: Vec<usize> = claim
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| matcher.matches(s))
                    .map(|(i, _)| i)
                    .collect();
                let ok = at_least.is_none_or(|n| hits.len() >= n)
                    && at_most.is_none_or(|n| hits.len() <= n);
                if ok {
                    witnesses.extend(hits);
                }
                ok
            }
            Cond::Claim(m) => m.matches(claim),
        }
    }

    /// Explains how every rule came out for `claim`.
    pub fn explain(&self, claim: &ClaimFacts) -> Trace {
        let mut rules = Vec::new();
        let mut winner = None;
        for rule in &self.rules {
            let node = self.trace(&rule.when, claim);
            if node.held && winner.is_none() {
                winner = Some(rule.id.clone());
            }
            rules.push(RuleTrace {
                rule: rule.id.clone(),
                label: rule.label,
                priority: rule.priority,
                held: node.held,
                condition: node,
            });
        }
        Trace { rules, winner }
    }

    fn trace(&self, cond: &Cond, claim: &ClaimFacts) -> TraceNode {
        let leaf = |condition: String, held: bool, statements: Vec<usize>| TraceNode {
            condition,
            held,
            statements,
            parts: Vec::new(),
        };
        match cond {
            Cond::All(parts) => {
                let parts: Vec<TraceNode> = parts.iter().map(|p| self.trace(p, claim)).collect();
                let held = parts.iter().all(|p| p.held);
                TraceNode {
                    condition: "all of".into(),
                    held,
                    statements: if held {
                        held_statements(&parts)
                    } else {
                        vec![]
                    },
                    parts,
                }
            }
            Cond::Any(parts) => {
                let parts: Vec<TraceNode> = parts.iter().map(|p| self.trace(p, claim)).collect();
                TraceNode {
                    condition: "any of".into(),
                    held: parts.iter().any(|p| p.held),
                    statements: held_statements(&parts),
                    parts,
                }
            }
            Cond::Not(inner) => {
                let inner = self.trace(inner, claim);
                TraceNode {
                    condition: "not".into(),
                    held: !inner.held,
                    statements: vec![],
                    parts: vec![inner],
                }
            }
            Cond::Ref(i) => {
                let named = &self.conditions[*i];
                let inner = self.trace(&named.when, claim);
                TraceNode {
                    condition: format!("ref {}", named.id),
                    held: inner.held,
                    statements: if inner.held {
                        inner.statements.clone()
                    } else {
                        vec![]
                    },
                    parts: vec![inner],
                }
            }
            Cond::Statement(m) => {
                let hits: Vec<usize> = claim
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| m.matches(s))
                    .map(|(i, _)| i)
                    .collect();
                leaf(
                    format!("a statement with {}", m.describe()),
                    !hits.is_empty(),
                    hits,
                )
            }
            Cond::Count {
                matcher,
                at_least,
                at_most,
            } => {
                let hits: Vec<usize> = claim
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| matcher.matches(s))
                    .map(|(i, _)| i)
                    .collect();
                let ok = at_least.is_none_or(|n| hits.len() >= n)
                    && at_most.is_none_or(|n| hits.len() <= n);
                let bounds = match (at_least, at_most) {
                    (Some(a), Some(b)) => format!("{a} to {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => "any number of".into(),
                };
                leaf(
                    format!(
                        "{bounds} statements with {} (found {})",
                        matcher.describe(),
                        hits.len()
                    ),
                    ok,
                    if ok { hits } else { vec![] },
                )
            }
            Cond::Claim(m) => leaf(
                format!("the claim has {}", m.describe()),
                m.matches(claim),
                vec![],
            ),
        }
    }
}

/// The statements that made the parts that held hold, each once, in order: the
/// statements a composite condition stands on.
fn held_statements(parts: &[TraceNode]) -> Vec<usize> {
    let mut out: Vec<usize> = parts
        .iter()
        .filter(|p| p.held)
        .flat_map(|p| p.statements.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
