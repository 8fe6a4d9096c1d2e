//! Words inside a statement that change what it does to a claim (`stance.yaml`):
//! refutations, hedges, qualifiers, vouching words and negations, with the tokens
//! that carry them so a report can show them.

use std::ops::Range;

use super::terms::Terms;
use crate::pack::{Pack, PhraseSet, wf};
use crate::text::Parsed;
use crate::text::tokens::Kind;

#[derive(Debug, Clone, Default)]
pub struct Signals {
    pub refutes: Option<Range<usize>>,
    pub hedged: Option<Range<usize>>,
    /// A qualifier that limits a claim ("no date", "not yet").
    pub qualifies: Option<Range<usize>>,
    /// A contrast word ("but", "although"): a weaker qualifier.
    pub contrast: Option<Range<usize>>,
    pub vouches: Option<Range<usize>>,
    pub negations: Vec<Range<usize>>,
    pub question: bool,
    /// A phrase that places the statement before the story ("last summer").
    pub background: Option<Range<usize>>,
    /// A noun that points back at an earlier claim ("the announcement").
    pub reference: Option<usize>,
}

/// Every hedge in the ranges ("reportedly", "could"), as token ranges.
pub fn hedges(p: &Parsed, ranges: &[Range<usize>], pack: &Pack) -> Vec<Range<usize>> {
    ranges
        .iter()
        .flat_map(|r| pack.stance.hedges.find_all(&p.tokens, r.start, r.end))
        .map(|(s, n, _)| s..s + n)
        .filter(|h| !month_or_name(p, h.clone(), pack))
        .collect()
}

/// A capitalised one-word match right after a preposition or before a number is a
/// name or a month, not the word: "resume in May", "May 5".
fn month_or_name(p: &Parsed, h: Range<usize>, pack: &Pack) -> bool {
    h.len() == 1
        && p.tokens[h.start].is_cap()
        && ((h.start > 0 && pack.is(p.tokens[h.start - 1].word, wf::PREP))
            || p.tokens.get(h.end).is_some_and(|t| t.kind == Kind::Number))
}

pub fn scan(p: &Parsed, ranges: &[Range<usize>], pack: &Pack) -> Signals {
    let s = &pack.stance;
    let toks = &p.tokens;
    let mut out = Signals::default();
    // One pass: only words that start some stance phrase are looked up. Each list
    // keeps its own meaning: the first match (refutations, qualifiers, contrasts,
    // confirmations), the first hedge that is not a month or a name, and every
    // negation outside an idiom ("not the first time"), matched left to right
    // without overlaps as `PhraseSet::find_all` does.
    let mut idioms: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        let (mut hedge_next, mut neg_next, mut idiom_next) = (r.start, r.start, r.start);
        for k in r.clone() {
            if !pack.is(toks[k].word, wf::STANCE_START) {
                continue;
            }
            let at = |set: &PhraseSet<()>| set.at(toks, k, r.end).map(|(n, _)| k..k + n);
            if out.refutes.is_none() {
                out.refutes = at(&s.refutations);
            }
            if out.qualifies.is_none() {
                out.qualifies = at(&s.qualifiers);
            }
            if out.contrast.is_none() {
                out.contrast = at(&s.contrasts);
            }
            if out.vouches.is_none() {
                out.vouches = at(&s.confirmations);
            }
            if k >= hedge_next
                && let Some(h) = at(&s.hedges)
            {
                hedge_next = h.end;
                if out.hedged.is_none() && !month_or_name(p, h.clone(), pack) {
                    out.hedged = Some(h);
                }
            }
            if k >= idiom_next
                && let Some(i) = at(&s.not_negations)
            {
                idiom_next = i.end;
                idioms.push(i);
            }
            if k >= neg_next
                && let Some(n) = at(&s.negations)
            {
                neg_next = n.end;
                if !idioms.iter().any(|i| i.contains(&k)) {
                    out.negations.push(n);
                }
            }
        }
        if out.reference.is_none() {
            out.reference = r
                .clone()
                .find(|&k| pack.is(toks[k].word, wf::REFERENCE) && toks[k].kind == Kind::Word);
        }
        let mut end = r.end;
        while end > r.start && toks[end - 1].is_quote() {
            end -= 1;
        }
        if end > r.start && toks[end - 1].kind == Kind::Question {
            out.question = true;
        }
    }
    out
}

/// The first negation that bears on what the claim says: a few words before one of
/// the claim's common (non-name) terms, with no clause break between. Negated names
/// ("not the first time Trump ...") do not count.
pub fn negation_of(
    p: &Parsed,
    signals: &Signals,
    positions: &[(u64, usize)],
    claim: &Terms,
) -> Option<Range<usize>> {
    let predicates: Vec<usize> = positions
        .iter()
        .filter(|(t, _)| {
            claim
                .items
                .binary_search_by_key(t, |(k, _)| *k)
                .is_ok_and(|i| claim.items[i].1 < 2.0)
        })
        .map(|(_, k)| *k)
        .collect();
    signals
        .negations
        .iter()
        .find(|n| {
            predicates.iter().any(|&k| {
                k >= n.end
                    && k - n.end <= 4
                    && (n.end..k).all(|j| {
                        !matches!(
                            p.tokens[j].kind,
                            Kind::Comma | Kind::Semicolon | Kind::Period | Kind::Dash
                        )
                    })
            })
        })
        .cloned()
}
