//! `batch` and `extract`: many items, in parallel, answered in input order. A line
//! that cannot be read gets an error object naming its line and column; the run goes on.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::{Value, json};

use super::input::{Lines, display};
use super::{BatchArgs, ExtractArgs, Format, default_format, engine, exit, to_json, write_out};
use super::{json_in, json_out};
use crate::error::Error;
use crate::extract::{Attribution, Pattern};
use crate::link::Given;
use crate::pipeline::{Engine, Prepped};
use crate::report::CharIndex;
use crate::text::{Document, Parsed};

/// Lines handled together; bounds memory and keeps output streaming.
const CHUNK: usize = 4096;
/// Distinct texts kept parsed; beyond this the cache starts over.
const CACHE_LIMIT: usize = 20_000;

/// The fields of a JSONL line crosscheck reads; the others are skipped unread.
#[derive(serde::Deserialize)]
struct Item {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    claim: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

impl Item {
    fn id(&self) -> Option<String> {
        match self.id.as_ref()? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// A JSONL line's fields, or an error message naming the line and column.
fn parse_line(number: usize, text: &str) -> Result<Item, String> {
    match serde_json::from_str::<Item>(text) {
        Ok(item) => Ok(item),
        Err(e) if e.is_data() && e.to_string().contains("expected struct Item") => Err(format!(
            "line {number}: expected a JSON object like {{\"id\": ..., \"text\": ...}}"
        )),
        Err(e) => Err(format!(
            "line {number}, column {}: {}",
            e.column(),
            strip_position(&e.to_string())
        )),
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Takes a string field out of a line.
fn field(v: Option<Value>, name: &str, number: usize) -> Result<String, String> {
    match v {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("line {number}: `{name}` must be a string")),
        None => Err(format!("line {number}: missing `{name}`")),
    }
}

fn error_line(id: Option<String>, number: usize, message: String) -> String {
    json!({ "id": id, "line": number, "error": message }).to_string()
}

struct Job {
    number: usize,
    id: Option<String>,
    parsed: Result<(String, String), String>,
}

pub fn batch(args: BatchArgs) -> Result<i32, Error> {
    let engine = engine(&args.rules)?;
    let lines = Lines::open(args.file.as_deref())?;
    // Keyed by the whole text (not a hash of it), so two texts can never share a parse.
    let mut cache: FxHashMap<Arc<str>, Arc<Prepped>> = FxHashMap::default();
    let mut failed = false;
    let mut givens: FxHashMap<Arc<str>, Arc<Given>> = FxHashMap::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut lines = lines.peekable();
    while lines.peek().is_some() {
        let raw: Vec<_> = lines.by_ref().take(CHUNK).collect::<Result<_, _>>()?;
        chunk.clear();
        raw.par_iter()
            .map(|line| match parse_line(line.number, &line.text) {
                Ok(item) => {
                    let id = item.id();
                    let parsed = match id {
                        None => Err(format!(
                            "line {}: missing `id` (a string or a number)",
                            line.number
                        )),
                        Some(_) => field(item.claim, "claim", line.number)
                            .and_then(|c| field(item.text, "text", line.number).map(|t| (c, t))),
                    };
                    Job {
                        number: line.number,
                        id,
                        parsed,
                    }
                }
                Err(e) => Job {
                    number: line.number,
                    id: None,
                    parsed: Err(e),
                },
            })
            .collect_into_vec(&mut chunk);
        let pairs = || chunk.iter().filter_map(|j| j.parsed.as_ref().ok());
        fill_cache(&mut cache, pairs().map(|(_, t)| t.as_str()), |text| {
            engine.prep(vec![Document::new("text", text)])
        });
        fill_cache(&mut givens, pairs().map(|(c, _)| c.as_str()), |claim| {
            Given::new(claim, &engine.pack)
        });
        let out: Vec<(bool, String)> = chunk
            .par_iter()
            .map(|job| match &job.parsed {
                Err(e) => (true, error_line(job.id.clone(), job.number, e.clone())),
                Ok((claim, text)) => {
                    let prepped = cache.get(text.as_str()).cloned();
                    match (prepped, givens.get(claim.as_str())) {
                        (Some(p), Some(g)) => (
                            false,
                            label_line(&engine, &p, job.id.clone(), g, args.evidence),
                        ),
                        _ => (
                            true,
                            error_line(
                                job.id.clone(),
                                job.number,
                                "internal: text was not prepared".into(),
                            ),
                        ),
                    }
                }
            })
            .collect();
        let mut buf = String::with_capacity(out.len() * 64);
        for (bad, line) in out {
            failed |= bad;
            buf.push_str(&line);
            buf.push('\n');
        }
        write_out(&buf)?;
    }
    Ok(if failed { exit::INPUT } else { exit::OK })
}

/// Reads each distinct claim, and parses each distinct text, once: both repeat across
/// lines and chunks (FNC-1 pairs each body with many headlines).
fn fill_cache<'a, V: Send + Sync>(
    cache: &mut FxHashMap<Arc<str>, Arc<V>>,
    keys: impl Iterator<Item = &'a str>,
    make: impl Fn(&str) -> V + Sync,
) {
    if cache.len() > CACHE_LIMIT {
        cache.clear();
    }
    let mut todo: Vec<&str> = keys.filter(|k| !cache.contains_key(*k)).collect();
    todo.sort_unstable();
    todo.dedup();
    let done: Vec<(Arc<str>, Arc<V>)> = todo
        .into_par_iter()
        .map(|k| (Arc::from(k), Arc::new(make(k))))
        .collect();
    cache.extend(done);
}

#[derive(Serialize)]
struct BatchOut<'a> {
    id: Option<String>,
    label: crate::model::Label,
    rule: Option<&'a str>,
    relatedness: f32,
    /// With `--evidence`: the parts of the relatedness score.
    #[serde(skip_serializing_if = "Option::is_none")]
    related_by: Option<&'a crate::link::Relatedness>,
    /// With `--evidence`: what the claim's own words do.
    #[serde(skip_serializing_if = "Option::is_none")]
    wording: Option<crate::link::Wording>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Vec<Value>>,
}

/// The names of the statement facts that hold, for `--evidence`.
fn flags(f: &crate::rules::StatementFacts) -> Vec<&'static str> {
    [
        ("negated", f.negated),
        ("refutes", f.refutes),
        ("hedged", f.hedged),
        ("qualifies", f.qualifies),
        ("vouches", f.vouches),
        ("question", f.question),
        ("headline", f.headline),
        ("lead", f.lead),
        ("by_subject", f.by_subject),
    ]
    .into_iter()
    .filter_map(|(n, b)| b.then_some(n))
    .collect()
}

fn label_line(
    engine: &Engine,
    prepped: &Prepped,
    id: Option<String>,
    given: &Given,
    evidence: bool,
) -> String {
    // Stages 5 and 6 with the claim read once (claims repeat too) and no copy of
    // the story's graph (nothing draws it here).
    let c = crate::link::link_detached(&prepped.story, &prepped.prepared, given, &engine.pack);
    let (label, rule) = engine.pack.rules.first(&c.facts());
    let evidence = evidence.then(|| {
        let p = &prepped.story.docs[0];
        let idx = CharIndex::new(p.text());
        c.statements
            .iter()
            .map(|s| {
                let span = p.sentences[s.sentence].span;
                json!({
                    "stance": s.facts.stance,
                    "side": crate::rules::side_name(s.facts.side),
                    "role": s.facts.role,
                    "flags": flags(&s.facts),
                    "cue": s.facts.cue,
                    "sentence": p.slice(span),
                    "sentence_no": s.sentence,
                    "chars": idx.span(span),
                    "linked_because": s.reason,
                    "score": (s.score * 1000.0).round() / 1000.0,
                })
            })
            .collect()
    });
    let out = BatchOut {
        id,
        label,
        rule,
        relatedness: (c.relatedness * 1000.0).round() / 1000.0,
        related_by: evidence.as_ref().and(c.detail.as_ref()),
        wording: evidence.as_ref().map(|_| c.wording),
        evidence,
    };
    serde_json::to_string(&out).unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string())
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

/// One line of `extract --jsonl` output as `serde_json` writes it; `extract_line`
/// writes the same bytes faster (the tests compare the two).
#[cfg(test)]
#[derive(Serialize)]
struct ExtractLine<'a> {
    id: &'a str,
    attributions: &'a [AttributionOut<'a>],
}

/// One attribution as output; its texts borrow from the parsed document.
#[derive(Serialize)]
struct AttributionOut<'a> {
    source: Vec<SpanOut>,
    cue: Vec<SpanOut>,
    content: Vec<SpanOut>,
    stance: crate::model::Stance,
    pattern: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_text: Option<&'a str>,
    cue_text: &'a str,
    content_text: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nested_in: Option<usize>,
}

/// One line of `extract --jsonl` output: `ExtractLine` of `attributions_out` in JSON,
/// field by field, written straight from the attributions (no `AttributionOut` and
/// its vectors for each: output is about as large as the input).
fn extract_line(id: &str, p: &Parsed, attrs: &[Attribution], listed: Listed) -> String {
    use json_out::{push_str, push_usize};
    let list = Listing::of(attrs, listed);
    let idx = CharIndex::new(p.text());
    let span = |out: &mut String, s: crate::model::Span| {
        let [start, end] = idx.span(s);
        out.push_str("{\"start\":");
        push_usize(out, start);
        out.push_str(",\"end\":");
        push_usize(out, end);
        out.push('}');
    };
    // A line runs about one and a half times the length of its text (spans, then the
    // same text again): room for twice that, so that it is seldom copied as it grows.
    let mut out = String::with_capacity(id.len() + 32 + 2 * p.text().len());
    out.push_str("{\"id\":");
    push_str(&mut out, id);
    out.push_str(",\"attributions\":[");
    // The content spans of one attribution, reused from one to the next.
    let mut content = Vec::new();
    let mut first = true;
    for (i, a) in attrs.iter().enumerate() {
        if !list.shown[i] {
            continue;
        }
        let source = a.written_source_span(p);
        let cue = a.cue_span(p);
        content.clear();
        content.extend(a.written_content_iter(p));
        for &j in &list.more[i] {
            content.extend(attrs[j].written_content_iter(p));
        }
        // Room for this one, so that the line is seldom copied as it grows.
        let len = |s: &crate::model::Span| s.end.saturating_sub(s.start) as usize;
        let texts: usize = content.iter().map(len).sum();
        out.reserve(200 + source.as_ref().map_or(0, len) + len(&cue) + texts);
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str("{\"source\":[");
        if let Some(s) = source {
            span(&mut out, s);
        }
        out.push_str("],\"cue\":[");
        if !a.cue.is_empty() {
            span(&mut out, cue);
        }
        out.push_str("],\"content\":[");
        for (k, &s) in content.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            span(&mut out, s);
        }
        out.push_str("],\"stance\":");
        push_str(&mut out, a.stance.as_str());
        out.push_str(",\"pattern\":");
        push_str(&mut out, a.pattern.name());
        if let Some(s) = source {
            out.push_str(",\"source_text\":");
            push_str(&mut out, p.slice(s));
        }
        out.push_str(",\"cue_text\":");
        push_str(&mut out, p.slice(cue));
        out.push_str(",\"content_text\":[");
        for (k, &s) in content.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            push_str(&mut out, p.slice(s));
        }
        out.push(']');
        if let Some(n) = a.parent.and_then(|i| list.index[i]) {
            out.push_str(",\"nested_in\":");
            push_usize(&mut out, n);
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// Reads and extracts one document (what `attributions_out` lists).
fn parse_and_extract(engine: &Engine, doc: Document) -> (Parsed, Vec<Attribution>) {
    let p = engine.read(doc);
    let attrs = engine.extract(&p);
    (p, attrs)
}

/// Which attributions `extract` lists.
#[derive(Debug, Clone, Copy)]
struct Listed {
    in_quotes: bool,
    nested: bool,
}

impl Listed {
    fn of(args: &ExtractArgs) -> Self {
        Listed {
            in_quotes: args.in_quotes,
            nested: args.nested,
        }
    }

    fn keeps(self, a: &Attribution) -> bool {
        (self.in_quotes || !a.quoted) && (self.nested || a.parent.is_none())
    }
}

/// Which attributions `extract` lists, and where.
struct Listing {
    /// Listed as an attribution of its own.
    shown: Vec<bool>,
    /// The quote paragraphs that continue each one (listed as more of its content).
    more: Vec<Vec<usize>>,
    /// Output index of each listed attribution (quoted and nested ones may be left out).
    index: Vec<Option<usize>>,
    /// How many are listed.
    n: usize,
}

impl Listing {
    fn of(attrs: &[Attribution], listed: Listed) -> Listing {
        // A quote paragraph that continues a listed speaker is more of that attribution's
        // content (a multi-paragraph quote), as annotated corpora mark it.
        let continues = |a: &Attribution| {
            a.pattern == Pattern::QuoteContinuation
                && a.same_speaker_as.is_some_and(|i| listed.keeps(&attrs[i]))
        };
        let shown: Vec<bool> = attrs
            .iter()
            .map(|a| listed.keeps(a) && !continues(a))
            .collect();
        let mut more: Vec<Vec<usize>> = vec![Vec::new(); attrs.len()];
        for (j, a) in attrs.iter().enumerate() {
            if let Some(i) = a
                .same_speaker_as
                .filter(|_| listed.keeps(a) && continues(a))
            {
                more[i].push(j);
            }
        }
        let mut index = Vec::with_capacity(attrs.len());
        let mut n = 0;
        for &s in &shown {
            index.push(s.then_some(n));
            n += usize::from(s);
        }
        Listing {
            shown,
            more,
            index,
            n,
        }
    }
}

fn attributions_out<'a>(
    p: &'a Parsed,
    attrs: &[Attribution],
    listed: Listed,
) -> Vec<AttributionOut<'a>> {
    let Listing {
        shown,
        more,
        index,
        n,
    } = Listing::of(attrs, listed);
    let idx = CharIndex::new(p.text());
    let span = |s: crate::model::Span| {
        let [start, end] = idx.span(s);
        SpanOut { start, end }
    };
    let listed = attrs
        .iter()
        .enumerate()
        .filter(|&(i, _)| shown[i])
        .map(|(i, a)| {
            let source = a.written_source_span(p);
            let mut content = a.written_content_spans(p);
            for &j in &more[i] {
                content.extend(attrs[j].written_content_spans(p));
            }
            AttributionOut {
                source: source.map(span).into_iter().collect(),
                cue: (!a.cue.is_empty())
                    .then(|| span(a.cue_span(p)))
                    .into_iter()
                    .collect(),
                content: content.iter().copied().map(span).collect(),
                stance: a.stance,
                pattern: a.pattern.name(),
                source_text: source.map(|s| p.slice(s)),
                cue_text: p.slice(a.cue_span(p)),
                content_text: content.into_iter().map(|s| p.slice(s)).collect(),
                nested_in: a.parent.and_then(|i| index[i]),
            }
        });
    // Room for the `n` listed, so that the (large) items are not copied as it grows.
    let mut out = Vec::with_capacity(n);
    out.extend(listed);
    out
}

pub fn extract(args: ExtractArgs) -> Result<i32, Error> {
    let engine = engine(&args.rules)?;
    if args.jsonl {
        if args.files.len() > 1 || !args.texts.is_empty() {
            return Err(Error::Usage(
                "extract --jsonl reads one JSONL file (or standard input)".into(),
            ));
        }
        return extract_jsonl(
            &engine,
            args.files.first().map(|p| p.as_path()),
            Listed::of(&args),
        );
    }
    let docs = super::input::documents(&super::DocsArgs {
        files: args.files.clone(),
        texts: args.texts.clone(),
        dates: vec![],
    })?;
    let format = default_format(args.format);
    let mut out = String::new();
    let mut all = Vec::new();
    for doc in docs {
        let id = doc.id.clone();
        let (p, attrs) = parse_and_extract(&engine, doc);
        let attrs = attributions_out(&p, &attrs, Listed::of(&args));
        if format == Format::Text {
            out.push_str(&format!("{id}: {} attributions\n", attrs.len()));
            for (i, a) in attrs.iter().enumerate() {
                let nested = a
                    .nested_in
                    .map(|n| format!(" (inside {})", n + 1))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "  {}. [{}] {} | {} | {}{nested}\n",
                    i + 1,
                    a.pattern,
                    a.source_text.unwrap_or("-"),
                    a.cue_text,
                    a.content_text.join(" … ")
                ));
            }
        } else {
            all.push(json!({ "id": id, "attributions": attrs }));
        }
    }
    match format {
        Format::Text => write_out(&out)?,
        Format::Yaml => {
            write_out(&serde_yaml::to_string(&all).map_err(|e| Error::Usage(e.to_string()))?)?
        }
        _ => write_out(&to_json(&all)?)?,
    }
    Ok(exit::OK)
}

fn extract_jsonl(
    engine: &Engine,
    path: Option<&std::path::Path>,
    listed: Listed,
) -> Result<i32, Error> {
    let mut failed = false;
    let mut lines = Lines::open(path)?.peekable();
    let _ = path.map(display);
    while lines.peek().is_some() {
        let chunk: Vec<_> = lines.by_ref().take(CHUNK).collect::<Result<_, _>>()?;
        let out: Vec<(bool, String)> = chunk
            .par_iter()
            .map(|line| {
                // The usual line is read by hand; any other by `serde_json`, which also
                // words the errors.
                if let Some((id, text)) = json_in::id_and_text(&line.text) {
                    let (p, attrs) = parse_and_extract(engine, Document::new(id.clone(), text));
                    return (false, extract_line(&id, &p, &attrs, listed));
                }
                let item = match parse_line(line.number, &line.text) {
                    Ok(item) => item,
                    Err(e) => return (true, error_line(None, line.number, e)),
                };
                let id = item.id();
                match (id.clone(), field(item.text, "text", line.number)) {
                    (None, _) => (
                        true,
                        error_line(
                            None,
                            line.number,
                            format!("line {}: missing `id`", line.number),
                        ),
                    ),
                    (_, Err(e)) => (true, error_line(id, line.number, e)),
                    (Some(id), Ok(text)) => {
                        let (p, attrs) = parse_and_extract(engine, Document::new(id.clone(), text));
                        (false, extract_line(&id, &p, &attrs, listed))
                    }
                }
            })
            .collect();
        let mut buf = String::with_capacity(out.iter().map(|(_, l)| l.len() + 1).sum());
        for (bad, l) in out {
            failed |= bad;
            buf.push_str(&l);
            buf.push('\n');
        }
        write_out(&buf)?;
    }
    Ok(if failed { exit::INPUT } else { exit::OK })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_lines_are_the_bytes_serde_json_writes() {
        let engine = Engine::builtin().unwrap();
        let texts = [
            "WASHINGTON \u{2014} President Obama said on Tuesday that \"the economy is \
             recovering,\" according to a statement.\n\nHe added: \u{201C}We\u{2019}re not \
             done.\u{201D} Officials, who declined to be named, said the talks\tcontinued.",
            "\"I don't know,\" Smith told reporters. The company denied the report, which \
             claimed that it had lied \\ cheated.",
            "No attribution here.",
        ];
        for (k, text) in texts.iter().enumerate() {
            let id = format!("doc \"{k}\"\u{1}");
            let (p, attrs) = parse_and_extract(&engine, Document::new(id.clone(), *text));
            for (in_quotes, nested) in [(false, false), (true, true)] {
                let out = attributions_out(&p, &attrs, Listed { in_quotes, nested });
                let want = serde_json::to_string(&ExtractLine {
                    id: &id,
                    attributions: &out,
                })
                .unwrap();
                assert_eq!(
                    extract_line(&id, &p, &attrs, Listed { in_quotes, nested }),
                    want
                );
            }
        }
    }
}
