//! Paragraph and sentence boundaries over tokens.

use std::ops::Range;

use super::tokens::{Kind, QuoteDir, Token, flag};
use crate::model::Span;

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// Splits tokens into paragraphs. A blank line always starts one; a single line break
/// does too, unless the text looks hard-wrapped (the new line continues a sentence in
/// lower case).
pub fn paragraphs(tokens: &[Token]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    // (An iterator, not indexing: no bounds check on each token.)
    for (i, t) in tokens.iter().enumerate().skip(1) {
        if !t.is(flag::LINE_BEFORE) {
            continue;
        }
        let wrapped = !t.is(flag::BLANK_BEFORE) && continues_line(&tokens[i - 1], t);
        if !wrapped {
            out.push(make_paragraph(tokens, start, i));
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(make_paragraph(tokens, start, tokens.len()));
    }
    out
}

fn continues_line(prev: &Token, next: &Token) -> bool {
    let prev_open = matches!(
        prev.kind,
        Kind::Word | Kind::Number | Kind::Comma | Kind::Hyphen
    );
    let next_lower = next.is_word() && !next.is_cap() && !next.is(flag::MARKUP);
    prev_open && next_lower
}

fn make_paragraph(tokens: &[Token], start: usize, end: usize) -> Paragraph {
    Paragraph {
        span: Span {
            start: tokens[start].span.start,
            end: tokens[end - 1].span.end,
        },
        tokens: start..end,
    }
}

/// Sentence boundaries inside one paragraph, as token ranges.
/// `starts_sentence` says whether a capitalised word may open a sentence after an
/// abbreviation such as "U.S." (function words like "The" or "He" do; names do not).
/// They are written into `out`, which is cleared first: one list serves every paragraph.
pub fn sentences(
    tokens: &[Token],
    range: Range<usize>,
    starts_sentence: impl Fn(&Token) -> bool,
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let mut start = range.start;
    // "WASHINGTON (AP) —", "PHILADELPHIA, July 25 (UPI) —": a dateline opening the
    // paragraph is no part of the sentence after it ("GOP front-runner Donald Trump -
    // who ..." is no dateline: a lowercase word comes before the dash).
    // ("Washington (AFP) –": in title case, an agency's one-word note before the dash
    // marks it; "Gov. John Kasich (R-OH) - who ..." is no dateline.)
    let agency = |dash: usize| {
        dash >= start + 4
            && tokens[dash - 1].kind == Kind::CloseParen
            && tokens[dash - 3].kind == Kind::OpenParen
            && tokens[dash - 2].is_word()
            && tokens[dash - 2].is(flag::ALL_CAPS | flag::CAP)
            && tokens[dash - 2].span.len() >= 2
    };
    if (tokens[start].is(flag::ALL_CAPS) || tokens[start].is_cap())
        && let Some(dash) = (start + 1..range.end.min(start + 12))
            .take_while(|&k| {
                let t = &tokens[k];
                !matches!(t.kind, Kind::Period | Kind::Quote(_)) && (!t.is_word() || t.is_cap())
            })
            .find(|&k| tokens[k].kind == Kind::Dash)
        && (tokens[start].is(flag::ALL_CAPS) || agency(dash))
        && dash + 1 < range.end
    {
        out.push(start..dash + 1);
        start = dash + 1;
    }
    let terminal = |t: &Token| {
        matches!(
            t.kind,
            Kind::Period | Kind::Question | Kind::Exclaim | Kind::Ellipsis
        )
    };
    // An abbreviation's period, which may end a sentence too.
    let abbrev_end =
        |t: &Token| t.flags & (flag::ABBREV | flag::TITLE | flag::INITIAL) == flag::ABBREV;
    let mut i = start;
    while i < range.end {
        // Most tokens end nothing: found by one search over the slice, with no bounds
        // check per token.
        let Some(skip) = tokens[i..range.end]
            .iter()
            .position(|t| terminal(t) || abbrev_end(t))
        else {
            break;
        };
        i += skip;
        let t = &tokens[i];
        let (terminal, abbrev_end) = (terminal(t), abbrev_end(t));
        // Closing quotes and brackets stay with the sentence they close.
        let mut j = i + 1;
        while j < range.end {
            let u = &tokens[j];
            let closes = match u.kind {
                Kind::CloseParen => true,
                Kind::Quote(q) => q.dir != QuoteDir::Open && !u.is(flag::SPACE_BEFORE),
                Kind::Period | Kind::Question | Kind::Exclaim => true,
                _ => false,
            };
            if !closes {
                break;
            }
            j += 1;
        }
        if j >= range.end {
            break;
        }
        let next = &tokens[j];
        let opens = match next.kind {
            Kind::Word => {
                if abbrev_end && !terminal {
                    next.is_cap() && starts_sentence(next)
                } else {
                    next.is_cap() || next.is(flag::MARKUP)
                }
            }
            Kind::Number => !abbrev_end,
            Kind::Quote(q) => q.dir != QuoteDir::Close,
            Kind::OpenParen | Kind::Dash => !abbrev_end,
            _ => next.is(flag::MARKUP),
        };
        let ellipsis_mid = t.kind == Kind::Ellipsis && !next.is_cap();
        if opens && !ellipsis_mid {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < range.end {
        out.push(start..range.end);
    }
}
