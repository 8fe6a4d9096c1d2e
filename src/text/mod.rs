//! Stage 1, text: a document's text cut into tokens, paragraphs and sentences, with
//! byte offsets into the original. Page furniture (credits, captions, comment forms,
//! share prompts) is dropped by the junk rules in `text.yaml`; the headline is marked.

pub mod sentences;
pub mod tokens;

use std::ops::Range;

use chrono::NaiveDate;

use crate::model::Span;
use crate::pack::{Pack, wf};
use tokens::{Kind, Token, flag, tokenize};

/// One input text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Name shown in reports: a file name as given, `text-1` for `--text`, a batch id.
    pub id: String,
    pub text: String,
    pub date: Option<NaiveDate>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub paragraph: usize,
    pub headline: bool,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub tokens: Range<usize>,
    pub sentences: Range<usize>,
    /// The junk rule that dropped this paragraph, if any.
    pub junk: Option<String>,
}

/// A document after the text stage.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub doc: Document,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of the paragraphs that were kept.
    pub sentences: Vec<Sentence>,
}

impl Parsed {
    pub fn text(&self) -> &str {
        &self.doc.text
    }

    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        self.doc.text.get(span.range()).unwrap_or("")
    }

    #[inline]
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    /// Span covering tokens `range` (empty span at the start when the range is empty).
    pub fn span_of(&self, range: Range<usize>) -> Span {
        if range.is_empty() {
            let at = self
                .tokens
                .get(range.start)
                .map_or(self.doc.text.len() as u32, |t| t.span.start);
            return Span { start: at, end: at };
        }
        Span {
            start: self.tokens[range.start].span.start,
            end: self.tokens[range.end - 1].span.end,
        }
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        (k < self.sentences.len() && self.sentences[k].tokens.contains(&i)).then_some(k)
    }

    /// The sentence holding byte offset `at`.
    pub fn sentence_at(&self, at: u32) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.span.end <= at);
        (k < self.sentences.len() && self.sentences[k].span.start <= at).then_some(k)
    }
}

/// Reads a document: tokens, paragraphs, junk, sentences, headline.
pub fn read(doc: Document, pack: &Pack) -> Parsed {
    let mut buf = String::new();
    let tokens = drop_markup(tokenize(&doc.text, &pack.abbreviations, |text, range| {
        pack.vocab.get_token_at(text, range, &mut buf)
    }));
    let raw_paragraphs = sentences::paragraphs(&tokens);
    let junk = junk_flags(&doc.text, &tokens, &raw_paragraphs, pack);

    let starts_sentence =
        |t: &Token| pack.is(t.word, wf::DET | wf::PRON | wf::CONJ | wf::PREP | wf::STOP);
    let mut paragraphs = Vec::with_capacity(raw_paragraphs.len());
    // A paragraph holds a sentence or more.
    let mut sentences = Vec::with_capacity(raw_paragraphs.len());
    let mut ranges = Vec::new();
    for (p, (para, junk)) in raw_paragraphs.into_iter().zip(junk).enumerate() {
        let first = sentences.len();
        if junk.is_none() {
            sentences::sentences(&tokens, para.tokens.clone(), starts_sentence, &mut ranges);
            for range in &ranges {
                // Markup-only stretches are no sentence at all.
                let Some(a) = range.clone().find(|&i| !tokens[i].is(flag::MARKUP)) else {
                    continue;
                };
                let b = range
                    .clone()
                    .rev()
                    .find(|&i| !tokens[i].is(flag::MARKUP))
                    .unwrap_or(a)
                    + 1;
                sentences.push(Sentence {
                    span: Span {
                        start: tokens[a].span.start,
                        end: tokens[b - 1].span.end,
                    },
                    tokens: a..b,
                    paragraph: p,
                    headline: false,
                });
            }
        }
        paragraphs.push(Paragraph {
            span: para.span,
            tokens: para.tokens,
            sentences: first..sentences.len(),
            junk,
        });
    }
    mark_headline(&doc.text, &tokens, &paragraphs, &mut sentences);
    Parsed {
        doc,
        tokens,
        paragraphs,
        sentences,
    }
}

/// Markup (Markdown marks, link targets) is not text: drop it, passing its line
/// breaks on to the next token.
fn drop_markup(tokens: Vec<Token>) -> Vec<Token> {
    // One pass with no early exit, over every token: markup is rare, and this loop
    // needs no branch per token.
    if tokens.iter().fold(0, |all, t| all | t.flags) & flag::MARKUP == 0 {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut carry = 0u16;
    for mut t in tokens {
        if t.is(flag::MARKUP) {
            carry |= flag::MARKUP_BEFORE
                | t.flags & (flag::LINE_BEFORE | flag::BLANK_BEFORE | flag::SPACE_BEFORE);
            continue;
        }
        t.flags |= carry;
        carry = 0;
        out.push(t);
    }
    out
}

/// Applies the junk rules to each paragraph.
fn junk_flags(
    text: &str,
    tokens: &[Token],
    paragraphs: &[sentences::Paragraph],
    pack: &Pack,
) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(paragraphs.len());
    let mut previous: Option<usize> = None;
    for para in paragraphs {
        let line = text[para.span.range()].trim();
        // Has the paragraph at most `limit` words? Counted no further than needed: a
        // paragraph is mostly far longer than a rule's limit.
        let at_most = |limit: usize| {
            tokens[para.tokens.clone()]
                .iter()
                .filter(|t| t.is_word() || t.kind == Kind::Number)
                .take(limit + 1)
                .count()
                <= limit
        };
        let hit = pack.junk.iter().enumerate().find(|(_, rule)| {
            rule.after.is_none_or(|a| previous == Some(a))
                && crate::pack::required::has_all(line, &rule.needs)
                && rule.max_words.is_none_or(at_most)
                && rule.pattern.is_match(line)
        });
        previous = hit.map(|(i, _)| i);
        out.push(hit.map(|(_, r)| r.id.clone()));
    }
    out
}

/// The first kept paragraph is a headline when it is a single short sentence that
/// does not end like prose (no final period), or is written in title case, and more
/// text follows.
fn mark_headline(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    sentences: &mut [Sentence],
) {
    let Some(first) = paragraphs
        .iter()
        .find(|p| p.junk.is_none() && !p.sentences.is_empty())
    else {
        return;
    };
    let more_text = paragraphs
        .iter()
        .any(|p| p.junk.is_none() && p.span.start > first.span.end);
    if !more_text || first.sentences.len() != 1 {
        return;
    }
    let s = &sentences[first.sentences.start];
    let toks = &tokens[s.tokens.clone()];
    let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
    if words.is_empty() || words.len() > 40 {
        return;
    }
    let ends_prose = matches!(toks.last().map(|t| t.kind), Some(Kind::Period));
    let long_words: Vec<&&Token> = words
        .iter()
        .filter(|t| text[t.span.range()].chars().count() > 3)
        .collect();
    let title_case = !long_words.is_empty()
        && long_words.iter().filter(|t| t.is_cap()).count() * 10 >= long_words.len() * 8;
    if !ends_prose || title_case {
        sentences[first.sentences.start].headline = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::test_pack;

    fn sentences(text: &str) -> Vec<String> {
        let p = read(Document::new("t", text), test_pack());
        p.sentences
            .iter()
            .map(|s| p.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Smith met Sen. Jones at 3 p.m. on Jan. 4 in the U.S. capital. They spoke."
            ),
            [
                "Mr. Smith met Sen. Jones at 3 p.m. on Jan. 4 in the U.S. capital.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences("Acme Corp. said so. Shares rose 3.5 per cent."),
            ["Acme Corp. said so.", "Shares rose 3.5 per cent."]
        );
        assert_eq!(
            sentences("He would overturn Roe v. Wade. She disagreed."),
            ["He would overturn Roe v. Wade.", "She disagreed."]
        );
    }

    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        assert_eq!(
            sentences("PHILADELPHIA, July 25 (UPI) — The party apologised. Sanders spoke."),
            [
                "PHILADELPHIA, July 25 (UPI) —",
                "The party apologised.",
                "Sanders spoke."
            ]
        );
        assert_eq!(
            sentences("Paris (AFP) – The minister resigned."),
            ["Paris (AFP) –", "The minister resigned."]
        );
        assert_eq!(
            sentences("Gov. John Kasich (R-OH) - who spoke first - said no."),
            ["Gov. John Kasich (R-OH) - who spoke first - said no."]
        );
        // An acronym that opens a sentence with a dash aside is no dateline.
        assert_eq!(
            sentences("GOP front-runner Donald Trump - who spoke first - said no."),
            ["GOP front-runner Donald Trump - who spoke first - said no."]
        );
    }

    #[test]
    fn a_numbered_abbreviation_holds_only_before_a_number() {
        assert_eq!(
            sentences("The No. 2 Republican spoke. It ranked no. 1 in May."),
            ["The No. 2 Republican spoke.", "It ranked no. 1 in May."]
        );
        assert_eq!(
            sentences("He said No. Then he left."),
            ["He said No.", "Then he left."]
        );
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence() {
        assert_eq!(
            sentences("He lives in the U.S. The rest live abroad."),
            ["He lives in the U.S.", "The rest live abroad."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"It is over.\" He left. \"Why?\" she asked."),
            ["\"It is over.\"", "He left.", "\"Why?\" she asked."]
        );
    }

    #[test]
    fn paragraphs_and_hard_wrapped_lines() {
        let p = read(
            Document::new("t", "First line\ncontinues here.\n\nSecond paragraph."),
            test_pack(),
        );
        assert_eq!(p.paragraphs.len(), 2);
        assert_eq!(p.sentences.len(), 2);
    }

    #[test]
    fn junk_lines_are_dropped_by_rule() {
        let text = "Council approves lanes\n\nThe council voted on Monday.\n\nA rider on the road. Photo: City Council\n\nJane Doe\n\nShare this article\n\nDo you back the mayor? Like the page:\n\nLeave a Reply";
        let p = read(Document::new("t", text), test_pack());
        let junk: Vec<&str> = p
            .paragraphs
            .iter()
            .filter_map(|x| x.junk.as_deref())
            .collect();
        assert_eq!(
            junk,
            [
                "photo-credit",
                "credit-name",
                "share-prompt",
                "like-prompt",
                "comment-form"
            ]
        );
        assert_eq!(p.sentences.len(), 2);
    }

    #[test]
    fn the_headline_is_marked() {
        let p = read(
            Document::new("t", "Port strike to end, union says\n\nThe union said so."),
            test_pack(),
        );
        assert!(p.sentences[0].headline);
        assert!(!p.sentences[1].headline);
        let p = read(
            Document::new("t", "The union said the strike would end."),
            test_pack(),
        );
        assert!(
            !p.sentences[0].headline,
            "a lone sentence of prose is no headline"
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "\u{201C}Déjà vu,\u{201D} she said.";
        let p = read(Document::new("t", text), test_pack());
        for t in &p.tokens {
            assert!(
                text.is_char_boundary(t.span.start as usize)
                    && text.is_char_boundary(t.span.end as usize)
            );
        }
        assert_eq!(p.slice(p.sentences[0].span), text);
    }
}
