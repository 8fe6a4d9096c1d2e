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

    pub fn slice(&self, span: Span) -> &str {
        self.doc.text.get(span.range()).unwrap_or("")
    }

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
    let tokens = tokenize(&doc.text, &pack.abbreviations, |w| pack.vocab.get(w));
    let raw_paragraphs = sentences::paragraphs(&tokens);
    let junk = junk_flags(&doc.text, &tokens, &raw_paragraphs, pack);

    let starts_sentence =
        |t: &Token| pack.is(t.word, wf::DET | wf::PRON | wf::CONJ | wf::PREP | wf::STOP);
    let mut paragraphs = Vec::with_capacity(raw_paragraphs.len());
    let mut sentences = Vec::new();
    for (p, (para, junk)) in raw_paragraphs.into_iter().zip(junk).enumerate() {
        let first = sentences.len();
        if junk.is_none() {
            for range in sentences::sentences(&tokens, para.tokens.clone(), starts_sentence) {
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
        let words = tokens[para.tokens.clone()]
            .iter()
            .filter(|t| t.is_word() || t.kind == Kind::Number)
            .count();
        let hit = pack.junk.iter().enumerate().find(|(_, rule)| {
            rule.max_words.is_none_or(|m| words <= m)
                && rule.after.is_none_or(|a| previous == Some(a))
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
