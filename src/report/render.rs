//! Human renderings of a report: plain text for the terminal, Markdown for notes.

use std::fmt::Write;

use super::{ClaimReport, Piece, Report, StatementReport};
use crate::graph::export::shorten;
use crate::rules::TraceNode;

fn at(p: &Piece) -> String {
    format!("{}-{}", p.chars[0], p.chars[1])
}

fn quoted(p: &Piece, max: usize) -> String {
    format!("\"{}\"", shorten(&p.text, max))
}

fn role(s: &StatementReport) -> &'static str {
    match s.role {
        crate::link::Role::Origin => "origin",
        crate::link::Role::Restates => "restates",
        crate::link::Role::Responds => "responds",
        crate::link::Role::Nested => "nested",
    }
}

fn speaker(s: &StatementReport) -> String {
    match &s.source {
        Some(src) => src.name.clone(),
        None if s.source_text.is_some() => "(unresolved)".into(),
        None => format!("{} (own voice)", s.doc),
    }
}

/// The plain-text report.
pub fn text(r: &Report) -> String {
    let mut out = String::new();
    let docs: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    let _ = writeln!(
        out,
        "crosscheck: {} document{} ({}), {} claim{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        docs.join(", "),
        r.claims.len(),
        if r.claims.len() == 1 { "" } else { "s" }
    );
    for d in &r.documents {
        for j in &d.dropped {
            let _ = writeln!(
                out,
                "  dropped from {} by {}: {} @ {}-{}",
                d.id,
                j.rule,
                quoted(
                    &Piece {
                        text: j.text.clone(),
                        chars: j.chars
                    },
                    60
                ),
                j.chars[0],
                j.chars[1]
            );
        }
    }
    for c in &r.claims {
        out.push('\n');
        claim_text(&mut out, c);
    }
    out
}

fn claim_text(out: &mut String, c: &ClaimReport) {
    let _ = writeln!(
        out,
        "{} {}: \"{}\"",
        c.id,
        c.label.as_str().to_uppercase(),
        shorten(&c.text, 160)
    );
    if let Some(cl) = &c.claimant {
        let _ = writeln!(out, "   claimed by: {}", cl.name);
    }
    if let Some(rel) = c.relatedness {
        let _ = writeln!(out, "   relatedness: {rel:.2}");
    }
    match (&c.rule, &c.message) {
        (Some(rule), Some(msg)) => {
            let _ = writeln!(out, "   decided by: {rule} ({msg})");
        }
        (Some(rule), None) => {
            let _ = writeln!(out, "   decided by: {rule}");
        }
        (None, _) => {
            let _ = writeln!(out, "   decided by: no rule held; unconfirmed by default");
        }
    }
    if !c.fired.is_empty() {
        let fired: Vec<String> = c
            .fired
            .iter()
            .map(|f| {
                let stmts: Vec<String> = f.statements.iter().map(|n| n.to_string()).collect();
                if stmts.is_empty() {
                    format!("{} ({})", f.rule, f.label)
                } else {
                    format!("{} ({}; statements {})", f.rule, f.label, stmts.join(", "))
                }
            })
            .collect();
        let _ = writeln!(out, "   rules that held: {}", fired.join("; "));
    }
    for s in &c.statements {
        let _ = writeln!(
            out,
            "   [{}] {} {} by {} ({}), in {}",
            s.n,
            role(s),
            s.stance,
            speaker(s),
            s.side,
            s.doc
        );
        if let Some(src) = &s.source_text {
            let how = s.resolved_by.as_deref().unwrap_or("unresolved");
            let _ = writeln!(
                out,
                "       source {} @ {} ({how})",
                quoted(src, 80),
                at(src)
            );
        }
        if let Some(cue) = &s.cue {
            let pattern = s
                .pattern
                .map(|p| format!(", pattern {p}"))
                .unwrap_or_default();
            let _ = writeln!(out, "       cue {} @ {}{pattern}", quoted(cue, 40), at(cue));
        }
        for piece in &s.content {
            let _ = writeln!(out, "       content {} @ {}", quoted(piece, 120), at(piece));
        }
        for e in &s.evidence {
            let _ = writeln!(
                out,
                "       {} \"{}\" @ {}-{}",
                e.kind, e.text, e.chars[0], e.chars[1]
            );
        }
        if !s.flags.is_empty() {
            let _ = writeln!(out, "       flags: {}", s.flags.join(", "));
        }
        let _ = writeln!(out, "       linked: {}", s.linked_because);
        let _ = writeln!(
            out,
            "       sentence @ {}: {}",
            at(&s.sentence),
            quoted(&s.sentence, 160)
        );
    }
    if let Some(t) = &c.explanation {
        let _ = writeln!(out, "   explanation (rules in the order tried):");
        for r in &t.rules {
            let mark = if t.winner.as_deref() == Some(r.rule.as_str()) {
                "WINNER"
            } else if r.held {
                "held"
            } else {
                "failed"
            };
            let _ = writeln!(
                out,
                "     {} -> {} (priority {}): {}",
                r.rule, r.label, r.priority, mark
            );
            trace(out, &r.condition, 7);
        }
    }
}

fn trace(out: &mut String, n: &TraceNode, indent: usize) {
    let stmts = if n.statements.is_empty() {
        String::new()
    } else {
        format!(
            " [statements {}]",
            n.statements
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let _ = writeln!(
        out,
        "{}{} {}{}",
        " ".repeat(indent),
        if n.held { "✓" } else { "✗" },
        n.condition,
        stmts
    );
    for p in &n.parts {
        trace(out, p, indent + 2);
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The Markdown report.
pub fn markdown(r: &Report) -> String {
    let mut out = String::from("# crosscheck report\n\n");
    for d in &r.documents {
        let _ = writeln!(
            out,
            "- **{}**: {} sentences, {} attributions, {} lines dropped",
            d.id,
            d.sentences,
            d.attributions,
            d.dropped.len()
        );
    }
    for c in &r.claims {
        let _ = writeln!(
            out,
            "\n## {} — {}\n\n> {}\n",
            c.id,
            c.label,
            md_escape(&c.text)
        );
        if let Some(cl) = &c.claimant {
            let _ = writeln!(out, "- Claimed by: {}", cl.name);
        }
        match &c.rule {
            Some(rule) => {
                let _ = writeln!(
                    out,
                    "- Decided by: `{rule}`{}",
                    c.message
                        .as_ref()
                        .map(|m| format!(" — {m}"))
                        .unwrap_or_default()
                );
            }
            None => {
                let _ = writeln!(out, "- Decided by: no rule held (unconfirmed by default)");
            }
        }
        let fired: Vec<String> = c
            .fired
            .iter()
            .map(|f| format!("`{}` ({})", f.rule, f.label))
            .collect();
        if !fired.is_empty() {
            let _ = writeln!(out, "- Rules that held: {}", fired.join(", "));
        }
        let _ = writeln!(
            out,
            "\n| # | role | stance | speaker | side | cue | content | chars |\n|---|---|---|---|---|---|---|---|"
        );
        for s in &c.statements {
            let cue = s
                .cue
                .as_ref()
                .map(|c| md_escape(&c.text))
                .unwrap_or_default();
            let content: Vec<String> = s
                .content
                .iter()
                .map(|p| md_escape(&shorten(&p.text, 80)))
                .collect();
            let chars: Vec<String> = s.content.iter().map(at).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                s.n,
                role(s),
                s.stance,
                md_escape(&speaker(s)),
                s.side,
                cue,
                content.join(" … "),
                chars.join(", ")
            );
        }
    }
    out
}
