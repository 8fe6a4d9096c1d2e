//! Stage 7, report: claims, labels and evidence as plain serialisable data, rendered
//! as text, Markdown, JSON or YAML. Offsets are character (Unicode scalar) offsets
//! into each document; nothing depends on time or on where files live, so output
//! is stable for snapshots.

mod render;

pub use render::{markdown, text};

use serde::Serialize;

use crate::extract::Attribution;
use crate::graph::Story;
use crate::link::{Claim, Role};
use crate::model::{Label, Span, Stance};
use crate::pack::raw::{EntityKind, Side};
use crate::rules::{Trace, Verdict, side_name};
use crate::sources::Resolution;

/// Byte offset -> character offset for one document.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// Characters before each block of `BLOCK` bytes (empty for ASCII text, where a
    /// byte is a character). A table per block, not per byte: building one for every
    /// byte cost more than all the lookups a document gets.
    blocks: Vec<u32>,
}

/// Small enough that a lookup counts few bytes (an attribution asks for six or more
/// offsets), large enough that the table costs little to build: 32 measured best.
const BLOCK: usize = 32;

/// Characters starting in `bytes` (UTF-8 continuation bytes start none).
fn char_starts(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    // Eight bytes at a time: a continuation byte (0b10xx_xxxx) has its high bit set and
    // the bit below clear, which `x << 1` moves into the high bit's place; one bit per
    // such byte, summed into the top byte by a multiplication.
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let marks = (x & !(x << 1) & HIGH) >> 7;
        continuations += (marks.wrapping_mul(ONES) >> 56) as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - continuations - rest.iter().filter(|&&b| (b as i8) < -0x40).count()
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        let mut blocks = Vec::new();
        if !text.is_ascii() {
            blocks.reserve(bytes.len() / BLOCK + 1);
            let mut n = 0u32;
            blocks.push(0);
            for chunk in bytes.chunks(BLOCK) {
                n += char_starts(chunk) as u32;
                blocks.push(n);
            }
        }
        CharIndex { bytes, blocks }
    }

    /// The characters before byte `byte`; a byte inside a character counts that
    /// character (so maps to the next character boundary), and a byte past the end
    /// maps to the length.
    pub fn char_at(&self, byte: u32) -> usize {
        let b = (byte as usize).min(self.bytes.len());
        if self.blocks.is_empty() {
            return b;
        }
        let k = b / BLOCK;
        self.blocks[k] as usize + char_starts(&self.bytes[k * BLOCK..b])
    }

    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.char_at(s.start), self.char_at(s.end)]
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: Vec<DocumentReport>,
    pub claims: Vec<ClaimReport>,
    pub sources: Vec<SourceReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub sentences: usize,
    pub attributions: usize,
    /// Lines dropped as page furniture, with the junk rule that dropped them.
    pub dropped: Vec<Dropped>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dropped {
    pub rule: String,
    pub text: String,
    pub chars: [usize; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaks_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    pub id: String,
    pub text: String,
    pub label: Label,
    /// The rule that decided the label (`null` when none held).
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub given: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relatedness: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chars: Vec<[usize; 2]>,
    /// Every rule that held, in the order tried (the first decided).
    pub fired: Vec<FiredReport>,
    pub statements: Vec<StatementReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Trace>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FiredReport {
    pub rule: String,
    pub label: Label,
    /// Statement numbers (1-based, as listed) that made the rule hold.
    pub statements: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Piece {
    pub text: String,
    pub chars: [usize; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementReport {
    pub n: usize,
    pub role: Role,
    pub stance: Stance,
    pub side: &'static str,
    pub doc: String,
    /// The speaker, resolved; `null` for the outlet's own voice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// The source phrase as written, and how it was resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_text: Option<Piece>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Piece>,
    pub content: Vec<Piece>,
    pub sentence: Piece,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
    pub linked_because: String,
    /// The facts rules test that are true for this statement.
    pub flags: Vec<&'static str>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub kind: &'static str,
    pub text: String,
    pub chars: [usize; 2],
}

/// Builds the report of a checked story.
pub fn build(
    story: &Story,
    claims: &[Claim],
    verdicts: &[Verdict],
    explanations: Option<&[Trace]>,
) -> Report {
    let indices: Vec<CharIndex> = story
        .docs
        .iter()
        .map(|p| CharIndex::new(p.text()))
        .collect();
    let piece = |d: usize, s: Span| Piece {
        text: story.docs[d].slice(s).to_string(),
        chars: indices[d].span(s),
    };
    let source_ref = |e: usize| SourceRef {
        id: story.sources.entities[e].id.clone(),
        name: story.sources.entities[e].name.clone(),
    };

    let documents = story
        .docs
        .iter()
        .enumerate()
        .map(|(d, p)| DocumentReport {
            id: p.doc.id.clone(),
            date: p.doc.date.map(|d| d.to_string()),
            sentences: p.sentences.len(),
            attributions: story.attributions[d].len(),
            dropped: p
                .paragraphs
                .iter()
                .filter_map(|para| {
                    let rule = para.junk.clone()?;
                    Some(Dropped {
                        rule,
                        text: p.slice(para.span).to_string(),
                        chars: indices[d].span(para.span),
                    })
                })
                .collect(),
        })
        .collect();

    let mut claim_reports = Vec::with_capacity(claims.len());
    for (ci, (claim, verdict)) in claims.iter().zip(verdicts).enumerate() {
        let counted = claim.counted();
        let statements: Vec<StatementReport> = claim
            .statements
            .iter()
            .map(|s| {
                let p = &story.docs[s.doc];
                let a: Option<&Attribution> = s.attribution.map(|i| &story.attributions[s.doc][i]);
                let mention = s.attribution.and_then(|i| story.sources.mention(s.doc, i));
                let resolved_by = mention.map(|m| match &m.via {
                    Resolution::Name => "name".to_string(),
                    Resolution::Alias { alias } => format!("alias \"{alias}\" in sources.yaml"),
                    Resolution::Antecedent {
                        pronoun,
                        antecedent,
                        doc,
                    } => {
                        format!(
                            "\"{pronoun}\" -> \"{}\"",
                            story.docs[*doc].slice(*antecedent)
                        )
                    }
                    Resolution::SameSpeaker => {
                        "same speaker as the statement it continues".to_string()
                    }
                    Resolution::Anonymous => "unnamed source".to_string(),
                    Resolution::QuoteSpeaker => "whoever is quoted".to_string(),
                });
                let content = match a {
                    Some(a) => a
                        .content_spans(p)
                        .into_iter()
                        .map(|sp| piece(s.doc, sp))
                        .collect(),
                    None => vec![piece(s.doc, p.sentences[s.sentence].span)],
                };
                let f = &s.facts;
                let mut flags = Vec::new();
                for (name, on) in [
                    ("negated", f.negated),
                    ("refutes", f.refutes),
                    ("hedged", f.hedged),
                    ("qualifies", f.qualifies),
                    ("vouches", f.vouches),
                    ("question", f.question),
                    ("headline", f.headline),
                    ("by_subject", f.by_subject),
                ] {
                    if on {
                        flags.push(name);
                    }
                }
                StatementReport {
                    n: 0,
                    role: s.role,
                    stance: f.stance,
                    side: side_name(f.side),
                    doc: p.doc.id.clone(),
                    source: s.entity.map(source_ref),
                    source_text: a.and_then(|a| a.source_span(p)).map(|sp| piece(s.doc, sp)),
                    resolved_by,
                    cue: a
                        .filter(|a| !a.cue.is_empty())
                        .map(|a| piece(s.doc, a.cue_span(p))),
                    content,
                    sentence: piece(s.doc, p.sentences[s.sentence].span),
                    pattern: a.map(|a| a.pattern.name()),
                    linked_because: s.reason.clone(),
                    flags,
                    evidence: s
                        .evidence
                        .iter()
                        .map(|(kind, r)| {
                            let sp = p.span_of(r.clone());
                            Evidence {
                                kind,
                                text: p.slice(sp).to_string(),
                                chars: indices[s.doc].span(sp),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        // Order statements by document and position; number them for reference.
        let mut order: Vec<usize> = (0..statements.len()).collect();
        order.sort_by_key(|&i| {
            let s = &claim.statements[i];
            (
                s.role != Role::Origin,
                s.doc,
                statements[i].sentence.chars[0],
                statements[i].content.first().map_or(0, |c| c.chars[0]),
            )
        });
        let mut number = vec![0; statements.len()];
        for (n, &i) in order.iter().enumerate() {
            number[i] = n + 1;
        }
        let mut sorted: Vec<StatementReport> =
            order.iter().map(|&i| statements[i].clone()).collect();
        for (n, s) in sorted.iter_mut().enumerate() {
            s.n = n + 1;
        }
        let fired = verdict
            .fired
            .iter()
            .map(|f| FiredReport {
                rule: f.rule.clone(),
                label: f.label,
                statements: {
                    let mut v: Vec<usize> = f
                        .statements
                        .iter()
                        .filter_map(|&k| counted.get(k))
                        .map(|&i| number[i])
                        .collect();
                    v.sort_unstable();
                    v
                },
            })
            .collect();
        let explanation = explanations.and_then(|e| e.get(ci)).cloned().map(|mut t| {
            renumber_trace(&mut t, &counted, &number);
            t
        });
        claim_reports.push(ClaimReport {
            id: format!("C{}", ci + 1),
            text: claim.text.clone(),
            label: verdict.label,
            rule: verdict.rule.clone(),
            message: verdict.message.clone(),
            given: claim.given,
            relatedness: claim
                .given
                .then_some((claim.relatedness * 100.0).round() / 100.0),
            claimant: claim.claimant.map(source_ref),
            doc: claim.doc.map(|d| story.docs[d].doc.id.clone()),
            chars: claim.doc.map_or_else(Vec::new, |d| {
                claim.spans.iter().map(|s| indices[d].span(*s)).collect()
            }),
            fired,
            statements: sorted,
            explanation,
        });
    }

    let speakers = story.sources.speakers();
    let sources = story
        .sources
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| speakers[*i])
        .map(|(_, e)| SourceReport {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            speaks_for: e.speaks_for.map(|t| story.sources.entities[t].id.clone()),
            because: e.speaks_for_because.clone(),
        })
        .collect();
    Report {
        documents,
        claims: claim_reports,
        sources,
    }
}

fn renumber_trace(t: &mut Trace, counted: &[usize], number: &[usize]) {
    fn walk(n: &mut crate::rules::TraceNode, counted: &[usize], number: &[usize]) {
        for s in n.statements.iter_mut() {
            *s = counted.get(*s).map_or(0, |&i| number[i]);
        }
        n.statements.sort_unstable();
        for p in n.parts.iter_mut() {
            walk(p, counted, number);
        }
    }
    for r in t.rules.iter_mut() {
        walk(&mut r.condition, counted, number);
    }
}

/// Side names for documentation and for `Side` values in reports.
pub fn side_label(s: Side) -> &'static str {
    side_name(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "“Déjà vu,” she said.";
        let idx = CharIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(idx.span(Span::new(said, said + 4)), [15, 19]);
        assert_eq!(text.chars().skip(15).take(4).collect::<String>(), "said");
        let ascii = CharIndex::new("plain text");
        assert_eq!(ascii.span(Span::new(6, 10)), [6, 10]);
    }

    /// Every byte offset, inside characters and past the end too, across blocks.
    #[test]
    fn char_offsets_match_a_per_byte_table() {
        let text = "“Déjà vu,” she said. ".repeat(40) + "end";
        let idx = CharIndex::new(&text);
        for b in 0..text.len() + 3 {
            let want = if b >= text.len() {
                text.chars().count()
            } else {
                // The next character boundary's offset.
                let next = (b..=text.len())
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap();
                text[..next].chars().count()
            };
            assert_eq!(idx.char_at(b as u32), want, "byte {b}");
        }
    }

    #[test]
    fn char_starts_count_every_byte_value_in_every_place() {
        for b in 0..=255u8 {
            for len in 0..20 {
                for k in 0..len {
                    let mut bytes = "aé€".repeat(4).into_bytes();
                    bytes.truncate(len);
                    bytes[k] = b;
                    let want = bytes.iter().filter(|&&c| (c as i8) >= -0x40).count();
                    assert_eq!(char_starts(&bytes), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn reports_are_deterministic() {
        let engine = crate::Engine::builtin().unwrap();
        let docs = || {
            vec![
                crate::Document::new(
                    "a",
                    "The Kremlin says Trump invited Putin to the White House.",
                ),
                crate::Document::new(
                    "b",
                    "The White House confirmed the invitation, noting that no date had been set.",
                ),
            ]
        };
        let one = serde_json::to_string(&engine.check(docs(), None, true).report).unwrap();
        let two = serde_json::to_string(&engine.check(docs(), None, true).report).unwrap();
        assert_eq!(one, two);
        assert!(
            !one.contains("/work/") && !one.contains("20:"),
            "no paths or times in reports"
        );
    }
}
