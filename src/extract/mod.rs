//! Stage 2, extraction: attributions (who said what). Each attribution is a source
//! phrase, a cue and one or more content pieces, found by one of a few pattern
//! families and tagged with the family's name so a report can say how it was found.
//! Cue words and their stances come from `cues.yaml`.

mod frames;
mod phrase;
mod quotes;

pub(crate) use phrase::QUANTITY_WORDS;

use std::ops::Range;

use serde::Serialize;

use crate::model::{Span, Stance};
use crate::pack::Pack;
use crate::text::Parsed;

/// The pattern family that found an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pattern {
    /// "X said (that) C", "X told reporters C", "X continued: C".
    SourceCue,
    /// "C, said X" and `"C," said X`.
    CueSource,
    /// "C, X said" and `"C," X said`.
    ContentFirst,
    /// "The plan, he said, is dead."
    Parenthetical,
    /// "according to X, C" and "C, according to X".
    AccordingTo,
    /// "In a CNN poll released Monday, C": a report named in an opening phrase.
    InSource,
    /// "X: C" in a headline, "X: “C”", or "X went even further: “C”".
    Colon,
    /// "..., noting that C": the main clause's subject speaks.
    Participle,
    /// "X confirmed A but said B": a second verb with the first one's subject.
    Coordinated,
    /// "a statement which emphasised that C", "the report that said C".
    Relative,
    /// "X provided confirmation of C", "X issued a denial".
    LightVerb,
    /// "X's announcement that C", "his criticism of C".
    Possessive,
    /// "As X confirmed, C".
    AsClause,
    /// "It was announced that C", "C was confirmed by X".
    Passive,
    /// A quote paragraph that continues the previous speaker.
    QuoteContinuation,
    /// "Trump seemed to be shrinking", "The sale is expected to close": the subject and
    /// what follows the verb are the content; no one is named as its source.
    Raising,
    /// "Asked by X whether C", "Y was asked (by X) C": the one asking is the source.
    Asked,
    /// "urged Congress to reject C", "appeared on Fox to defend C": an infinitive cue
    /// takes its source from the clause around it.
    Infinitive,
    /// "Khoga was reportedly on that trip": a hearsay adverb says others report the
    /// clause around it; no one is named as its source.
    Hearsay,
}

impl Pattern {
    pub fn name(self) -> &'static str {
        match self {
            Pattern::SourceCue => "source-cue",
            Pattern::CueSource => "cue-source",
            Pattern::ContentFirst => "content-first",
            Pattern::Parenthetical => "parenthetical",
            Pattern::AccordingTo => "according-to",
            Pattern::InSource => "in-source",
            Pattern::Colon => "colon",
            Pattern::Participle => "participle",
            Pattern::Coordinated => "coordinated",
            Pattern::Relative => "relative",
            Pattern::LightVerb => "light-verb",
            Pattern::Possessive => "possessive",
            Pattern::AsClause => "as-clause",
            Pattern::Passive => "passive",
            Pattern::QuoteContinuation => "quote-continuation",
            Pattern::Raising => "raising",
            Pattern::Hearsay => "hearsay",
            Pattern::Asked => "asked",
            Pattern::Infinitive => "infinitive",
        }
    }
}

/// One attribution, in token ranges of its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub sentence: usize,
    /// The source phrase as written ("Yury Ushakov, an aide to the Russian leader,").
    pub source: Option<Range<usize>>,
    pub cue: Range<usize>,
    pub content: Vec<Range<usize>>,
    /// A complementizer written before the content ("that", "whether"): part of the
    /// content as annotated, left out of `content` so reports show what was said.
    pub lead: Option<usize>,
    /// The relative pronoun that stands for the source in the text ("officials who
    /// said"): `source` holds its antecedent, annotated corpora mark the pronoun.
    pub relative: Option<usize>,
    pub stance: Stance,
    /// Index of the cue's lemma in the pack (`Pack::lemma`); `None` for a colon or a
    /// continued quote.
    pub lemma: Option<u32>,
    pub pattern: Pattern,
    /// The cue is negated ("did not confirm").
    pub negated: bool,
    /// Said inside another speaker's direct quotation (`"As the president confirmed,
    /// ..." she said`). Annotated corpora such as PolNeAR leave these out; the report
    /// keeps them, nested.
    pub quoted: bool,
    /// The attribution whose content holds this one ("Ushakov said Trump had told him...").
    pub parent: Option<usize>,
    /// The attribution whose speaker this one shares (a participle clause, a continued quote).
    pub same_speaker_as: Option<usize>,
}

impl Attribution {
    pub fn cue_span(&self, p: &Parsed) -> Span {
        p.span_of(self.cue.clone())
    }
    pub fn source_span(&self, p: &Parsed) -> Option<Span> {
        self.source.clone().map(|r| p.span_of(r))
    }
    pub fn content_spans(&self, p: &Parsed) -> Vec<Span> {
        self.content.iter().map(|r| p.span_of(r.clone())).collect()
    }
    /// The source as written: the relative pronoun for "X, who said ...".
    pub fn written_source_span(&self, p: &Parsed) -> Option<Span> {
        match self.relative {
            Some(k) => Some(p.span_of(k..k + 1)),
            None => self.source_span(p),
        }
    }
    /// Content spans as written, with the complementizer before them ("that the
    /// strike would end"): the convention of annotated corpora such as PolNeAR.
    pub fn written_content_spans(&self, p: &Parsed) -> Vec<Span> {
        self.written_content_iter(p).collect()
    }
    /// `written_content_spans`, one at a time (no vector to build).
    pub fn written_content_iter<'a>(&'a self, p: &'a Parsed) -> impl Iterator<Item = Span> + 'a {
        self.content.iter().enumerate().map(move |(k, r)| {
            let mut s = p.span_of(r.clone());
            if let (0, Some(lead)) = (k, self.lead) {
                s.start = s.start.min(p.tokens[lead].span.start);
            }
            s
        })
    }
    /// First and last token of everything the attribution covers.
    pub fn extent(&self) -> Range<usize> {
        let mut lo = self.cue.start;
        let mut hi = self.cue.end;
        for r in self.source.iter().chain(self.content.iter()) {
            lo = lo.min(r.start);
            hi = hi.max(r.end);
        }
        lo..hi
    }
}

/// Finds the attributions of a document, in text order.
pub fn extract(p: &Parsed, pack: &Pack) -> Vec<Attribution> {
    frames::find(p, pack)
}

#[cfg(test)]
mod tests;
