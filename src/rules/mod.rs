//! Stage 6, rules: give each claim a label. Label rules come from `labels.yaml`; they
//! are tried from the highest priority down and the first whose condition holds
//! decides. The input is plain facts about a claim and the statements that address
//! it (built by the linking stage); the output names the deciding rule, every rule
//! that held, and the statements that made each hold.

mod compile;
mod eval;
pub mod explain;
pub mod testing;

pub use compile::compile;
pub use eval::{Trace, TraceNode};

use serde::Serialize;

use crate::model::{Label, Stance};
use crate::pack::raw::{ClaimMatch, Side, StatementMatch};

/// What the rules know about one statement that addresses a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementFacts {
    pub stance: Stance,
    pub side: Side,
    /// How the statement is tied to the claim (origin, restates, responds).
    pub role: crate::pack::raw::Role,
    pub negated: bool,
    pub refutes: bool,
    pub hedged: bool,
    pub qualifies: bool,
    pub vouches: bool,
    pub question: bool,
    pub headline: bool,
    /// In the headline or the first sentences of the body.
    pub lead: bool,
    pub by_subject: bool,
    /// Lemma of the cue ("deny"); empty for the outlet's own voice.
    pub cue: String,
}

/// What the rules know about one claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimFacts {
    /// The claim was given by the user, not found in the text.
    pub given: bool,
    /// The documents are about the claim's topic at all.
    pub related: bool,
    /// The claim's own wording refutes, hedges or negates.
    pub refutes: bool,
    pub hedged: bool,
    pub negated: bool,
    /// The claim names its own source ("Nigeria says ...").
    pub attributed: bool,
    pub statements: Vec<StatementFacts>,
}

/// A compiled condition; `Ref` points into `RuleSet::conditions`.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Ref(usize),
    Statement(Matcher),
    Count {
        matcher: Matcher,
        at_least: Option<usize>,
        at_most: Option<usize>,
    },
    Claim(ClaimMatcher),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matcher {
    pub stance: Option<Vec<Stance>>,
    pub side: Option<Vec<Side>>,
    pub role: Option<Vec<crate::pack::raw::Role>>,
    pub negated: Option<bool>,
    pub refutes: Option<bool>,
    pub hedged: Option<bool>,
    pub qualifies: Option<bool>,
    pub vouches: Option<bool>,
    pub question: Option<bool>,
    pub headline: Option<bool>,
    pub lead: Option<bool>,
    pub by_subject: Option<bool>,
    pub cue: Option<Vec<String>>,
}

impl Matcher {
    pub fn from_raw(m: &StatementMatch) -> Matcher {
        Matcher {
            stance: m.stance.as_ref().map(|s| s.as_slice().to_vec()),
            side: m.side.as_ref().map(|s| s.as_slice().to_vec()),
            role: m.role.as_ref().map(|s| s.as_slice().to_vec()),
            negated: m.negated,
            refutes: m.refutes,
            hedged: m.hedged,
            qualifies: m.qualifies,
            vouches: m.vouches,
            question: m.question,
            headline: m.headline,
            lead: m.lead,
            by_subject: m.by_subject,
            cue: m
                .cue
                .as_ref()
                .map(|c| c.as_slice().iter().map(|s| s.to_lowercase()).collect()),
        }
    }

    pub fn matches(&self, s: &StatementFacts) -> bool {
        fn flag(want: Option<bool>, have: bool) -> bool {
            want.is_none_or(|w| w == have)
        }
        self.stance.as_ref().is_none_or(|v| v.contains(&s.stance))
            && self.side.as_ref().is_none_or(|v| v.contains(&s.side))
            && self.role.as_ref().is_none_or(|v| v.contains(&s.role))
            && flag(self.negated, s.negated)
            && flag(self.refutes, s.refutes)
            && flag(self.hedged, s.hedged)
            && flag(self.qualifies, s.qualifies)
            && flag(self.vouches, s.vouches)
            && flag(self.question, s.question)
            && flag(self.headline, s.headline)
            && flag(self.lead, s.lead)
            && flag(self.by_subject, s.by_subject)
            && self.cue.as_ref().is_none_or(|v| v.contains(&s.cue))
    }

    /// Whether every statement this matcher accepts is accepted by `other`: `other`
    /// tests nothing this one does not test at least as narrowly.
    pub fn implies(&self, other: &Matcher) -> bool {
        fn subset<T: PartialEq>(mine: &Option<Vec<T>>, theirs: &Option<Vec<T>>) -> bool {
            match (mine, theirs) {
                (_, None) => true,
                (Some(m), Some(t)) => m.iter().all(|x| t.contains(x)),
                (None, Some(_)) => false,
            }
        }
        fn flag(mine: Option<bool>, theirs: Option<bool>) -> bool {
            theirs.is_none_or(|t| mine == Some(t))
        }
        // Spelled out field by field, so that a new field cannot be forgotten here.
        let Matcher {
            stance,
            side,
            role,
            negated,
            refutes,
            hedged,
            qualifies,
            vouches,
            question,
            headline,
            lead,
            by_subject,
            cue,
        } = other;
        subset(&self.stance, stance)
            && subset(&self.side, side)
            && subset(&self.role, role)
            && subset(&self.cue, cue)
            && flag(self.negated, *negated)
            && flag(self.refutes, *refutes)
            && flag(self.hedged, *hedged)
            && flag(self.qualifies, *qualifies)
            && flag(self.vouches, *vouches)
            && flag(self.question, *question)
            && flag(self.headline, *headline)
            && flag(self.lead, *lead)
            && flag(self.by_subject, *by_subject)
    }

    /// A short description for explanations: `stance=denies side=other|unknown`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = &self.stance {
            parts.push(format!(
                "stance={}",
                v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("|")
            ));
        }
        if let Some(v) = &self.role {
            parts.push(format!(
                "role={}",
                v.iter().map(|r| r.as_str()).collect::<Vec<_>>().join("|")
            ));
        }
        if let Some(v) = &self.side {
            parts.push(format!(
                "side={}",
                v.iter()
                    .map(|s| side_name(*s))
                    .collect::<Vec<_>>()
                    .join("|")
            ));
        }
        for (name, v) in [
            ("negated", self.negated),
            ("refutes", self.refutes),
            ("hedged", self.hedged),
            ("qualifies", self.qualifies),
            ("vouches", self.vouches),
            ("question", self.question),
            ("headline", self.headline),
            ("lead", self.lead),
            ("by_subject", self.by_subject),
        ] {
            if let Some(b) = v {
                parts.push(format!("{name}={b}"));
            }
        }
        if let Some(v) = &self.cue {
            parts.push(format!("cue={}", v.join("|")));
        }
        if parts.is_empty() {
            "any statement".to_string()
        } else {
            parts.join(" ")
        }
    }
}

pub fn side_name(s: Side) -> &'static str {
    match s {
        Side::Claimant => "claimant",
        Side::Same => "same",
        Side::Other => "other",
        Side::Outlet => "outlet",
        Side::Unknown => "unknown",
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimMatcher {
    pub given: Option<bool>,
    pub related: Option<bool>,
    pub refutes: Option<bool>,
    pub hedged: Option<bool>,
    pub negated: Option<bool>,
    pub attributed: Option<bool>,
}

impl ClaimMatcher {
    pub fn from_raw(m: &ClaimMatch) -> ClaimMatcher {
        ClaimMatcher {
            given: m.given,
            related: m.related,
            refutes: m.refutes,
            hedged: m.hedged,
            negated: m.negated,
            attributed: m.attributed,
        }
    }
    pub fn matches(&self, c: &ClaimFacts) -> bool {
        self.given.is_none_or(|g| g == c.given)
            && self.related.is_none_or(|r| r == c.related)
            && self.refutes.is_none_or(|r| r == c.refutes)
            && self.hedged.is_none_or(|r| r == c.hedged)
            && self.negated.is_none_or(|r| r == c.negated)
            && self.attributed.is_none_or(|r| r == c.attributed)
    }

    /// Tests nothing at all.
    pub fn is_empty(&self) -> bool {
        self.given.is_none()
            && self.related.is_none()
            && self.refutes.is_none()
            && self.hedged.is_none()
            && self.negated.is_none()
            && self.attributed.is_none()
    }

    /// `given=true related=false`
    pub fn describe(&self) -> String {
        [
            ("given", self.given),
            ("related", self.related),
            ("refutes", self.refutes),
            ("hedged", self.hedged),
            ("negated", self.negated),
            ("attributed", self.attributed),
        ]
        .into_iter()
        .filter_map(|(n, v)| v.map(|v| format!("{n}={v}")))
        .collect::<Vec<_>>()
        .join(" ")
    }
}

#[derive(Debug, Clone)]
pub struct NamedCond {
    pub id: String,
    pub description: Option<String>,
    pub when: Cond,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub label: Label,
    pub priority: i32,
    pub description: Option<String>,
    pub url: Option<String>,
    pub message: Option<String>,
    pub when: Cond,
}

/// The label rules of a pack, in the order they are tried.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub conditions: Vec<NamedCond>,
    pub rules: Vec<Rule>,
}

/// One rule that held for a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub rule: String,
    pub label: Label,
    /// Indices into the claim's statements that made the rule hold.
    pub statements: Vec<usize>,
}

/// The outcome of the rules for one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub label: Label,
    /// The rule that decided, or `None` when no rule held.
    pub rule: Option<String>,
    pub message: Option<String>,
    /// Every rule that held, in the order tried.
    pub fired: Vec<Fired>,
}

impl RuleSet {
    /// Applies the rules to one claim. When none holds, the claim is unconfirmed and
    /// `rule` is empty (`rules validate` warns about packs without a catch-all rule).
    /// Only the deciding rule: (label, rule id). Stops at the first rule that holds,
    /// for callers that show no more than that (batch output).
    pub fn first(&self, claim: &ClaimFacts) -> (Label, Option<&str>) {
        let mut scratch = Vec::new();
        for rule in &self.rules {
            scratch.clear();
            if self.holds(&rule.when, claim, &mut scratch) {
                return (rule.label, Some(rule.id.as_str()));
            }
        }
        (Label::Unconfirmed, None)
    }

    pub fn decide(&self, claim: &ClaimFacts, names: &dyn Fn(&[usize]) -> Names) -> Verdict {
        let mut fired = Vec::new();
        for rule in &self.rules {
            let mut witnesses = Vec::new();
            if self.holds(&rule.when, claim, &mut witnesses) {
                witnesses.sort_unstable();
                witnesses.dedup();
                fired.push((rule, witnesses));
            }
        }
        let decided = fired.first().map(|(rule, w)| {
            let message = rule
                .message
                .as_ref()
                .map(|m| fill_message(m, rule.label, &names(w)));
            (rule.label, rule.id.clone(), message)
        });
        let fired: Vec<Fired> = fired
            .into_iter()
            .map(|(r, w)| Fired {
                rule: r.id.clone(),
                label: r.label,
                statements: w,
            })
            .collect();
        match decided {
            Some((label, id, message)) => Verdict {
                label,
                rule: Some(id),
                message,
                fired,
            },
            None => Verdict {
                label: Label::Unconfirmed,
                rule: None,
                message: None,
                fired,
            },
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Names used to fill a rule's message.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub claimant: String,
    pub responder: String,
    pub cue: String,
}

fn fill_message(template: &str, label: Label, names: &Names) -> String {
    let filled = template
        .replace(
            "{claimant}",
            if names.claimant.is_empty() {
                "the claimant"
            } else {
                &names.claimant
            },
        )
        .replace(
            "{responder}",
            if names.responder.is_empty() {
                "someone"
            } else {
                &names.responder
            },
        )
        .replace(
            "{cue}",
            if names.cue.is_empty() {
                "no cue"
            } else {
                &names.cue
            },
        )
        .replace("{label}", label.as_str());
    // Names fill in lower case ("the White House"); a sentence starts with a capital.
    let mut chars = filled.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => filled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::raw::Role;
    use crate::pack::test_pack;

    fn statement(stance: Stance, side: Side) -> StatementFacts {
        StatementFacts {
            stance,
            side,
            role: if side == Side::Claimant {
                Role::Origin
            } else {
                Role::Responds
            },
            negated: false,
            refutes: false,
            hedged: false,
            qualifies: false,
            vouches: false,
            question: false,
            headline: false,
            lead: false,
            by_subject: false,
            cue: String::new(),
        }
    }

    fn label(given: bool, statements: Vec<StatementFacts>) -> Verdict {
        let claim = ClaimFacts {
            given,
            related: true,
            statements,
            ..ClaimFacts::default()
        };
        test_pack().rules.decide(&claim, &|_| Names::default())
    }

    #[test]
    fn one_side_only_is_unconfirmed() {
        let v = label(
            false,
            vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Confirms, Side::Same),
            ],
        );
        assert_eq!(v.label, Label::Unconfirmed);
        assert_eq!(v.rule.as_deref(), Some("one-side-only"));
    }

    #[test]
    fn other_side_confirms() {
        let v = label(
            false,
            vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Confirms, Side::Other),
            ],
        );
        assert_eq!(v.label, Label::Confirmed);
        assert_eq!(v.fired[0].statements, [1]);
    }

    #[test]
    fn caveat_makes_it_qualified_and_denial_outranks_all() {
        let mut caveat = statement(Stance::Asserts, Side::Other);
        caveat.qualifies = true;
        let base = vec![
            statement(Stance::Asserts, Side::Claimant),
            statement(Stance::Confirms, Side::Other),
            caveat,
        ];
        assert_eq!(label(false, base.clone()).label, Label::Qualified);
        let mut with_denial = base;
        with_denial.push(statement(Stance::Denies, Side::Other));
        let v = label(false, with_denial);
        assert_eq!(v.label, Label::Contested);
        let fired: Vec<&str> = v.fired.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(
            fired,
            [
                "contested",
                "confirmed-with-caveat",
                "confirmed",
                "one-side-only"
            ]
        );
    }

    #[test]
    fn outlet_voice_confirms_only_a_given_claim() {
        let mut outlet = statement(Stance::Asserts, Side::Outlet);
        outlet.lead = true;
        assert_eq!(label(true, vec![outlet.clone()]).label, Label::Confirmed);
        assert_eq!(
            label(
                false,
                vec![statement(Stance::Asserts, Side::Claimant), outlet.clone()]
            )
            .label,
            Label::Unconfirmed
        );
        let mut hedged = outlet;
        hedged.hedged = true;
        assert_eq!(label(true, vec![hedged]).label, Label::Unconfirmed);
    }

    #[test]
    fn first_agrees_with_decide() {
        let mut caveat = statement(Stance::Asserts, Side::Other);
        caveat.qualifies = true;
        let cases = [
            vec![statement(Stance::Asserts, Side::Claimant)],
            vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Confirms, Side::Other),
            ],
            vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Confirms, Side::Other),
                caveat,
            ],
            vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Denies, Side::Other),
            ],
            vec![],
        ];
        for given in [false, true] {
            for related in [false, true] {
                for statements in &cases {
                    let claim = ClaimFacts {
                        given,
                        related,
                        statements: statements.clone(),
                        ..ClaimFacts::default()
                    };
                    let v = test_pack().rules.decide(&claim, &|_| Names::default());
                    assert_eq!(
                        test_pack().rules.first(&claim),
                        (v.label, v.rule.as_deref())
                    );
                }
            }
        }
    }

    #[test]
    fn unrelated_given_claim() {
        let claim = ClaimFacts {
            given: true,
            related: false,
            statements: vec![],
            ..ClaimFacts::default()
        };
        assert_eq!(
            test_pack()
                .rules
                .decide(&claim, &|_| Names::default())
                .label,
            Label::Unrelated
        );
    }

    #[test]
    fn explanation_lists_every_rule_in_order() {
        let claim = ClaimFacts {
            given: false,
            related: true,
            statements: vec![
                statement(Stance::Asserts, Side::Claimant),
                statement(Stance::Confirms, Side::Other),
            ],
            ..ClaimFacts::default()
        };
        let t = test_pack().rules.explain(&claim);
        assert_eq!(t.winner.as_deref(), Some("confirmed"));
        let held: Vec<(&str, bool)> = t.rules.iter().map(|r| (r.rule.as_str(), r.held)).collect();
        assert_eq!(held[0], ("unrelated", false));
        assert!(held.contains(&("confirmed", true)));
        assert!(held.contains(&("contested", false)));
    }

    #[test]
    fn messages_fill_placeholders() {
        let m = fill_message(
            "{responder} confirms what {claimant} said ({cue}): {label}",
            Label::Confirmed,
            &Names {
                claimant: "the Kremlin".into(),
                responder: "the White House".into(),
                cue: "confirmed".into(),
            },
        );
        assert_eq!(
            m,
            "The White House confirms what the Kremlin said (confirmed): confirmed"
        );
    }
}
