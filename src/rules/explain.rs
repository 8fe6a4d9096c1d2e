//! `crosscheck rules explain`: for each claim, the statements about it and every label
//! rule in the order tried, with each condition's outcome (✓ held, ✗ did not) and the
//! statements that satisfied it.

use std::fmt::Write;

use crate::report::{ClaimReport, Report};

use super::TraceNode;

/// The explanation of every claim of a report built with explanations.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    if report.claims.is_empty() {
        out.push_str("no claims: the text has no statement the rules could label\n");
    }
    for (i, c) in report.claims.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        claim(&mut out, c);
    }
    out
}

fn claim(out: &mut String, c: &ClaimReport) {
    let _ = writeln!(
        out,
        "{} {}: \"{}\"",
        c.id,
        c.label.as_str().to_uppercase(),
        c.text
    );
    if let Some(who) = &c.claimant {
        let _ = writeln!(out, "  claimed by: {}", who.name);
    }
    if c.given {
        let _ = writeln!(out, "  given on the command line");
    }
    let _ = writeln!(out, "  statements:");
    if c.statements.is_empty() {
        let _ = writeln!(out, "    (none)");
    }
    for s in &c.statements {
        let who = s
            .source
            .as_ref()
            .map(|r| r.name.clone())
            .unwrap_or_else(|| "the outlet".into());
        let cue = s
            .cue
            .as_ref()
            .map(|p| format!(" cue \"{}\"", p.text))
            .unwrap_or_default();
        let flags = if s.flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", s.flags.join(", "))
        };
        let _ = writeln!(
            out,
            "    [{}] {} {} by {} (side {}){cue}{flags}",
            s.n,
            s.role.as_str(),
            s.stance,
            who,
            s.side
        );
    }
    let Some(t) = &c.explanation else {
        let _ = writeln!(out, "  (no explanation: run the check with explanations)");
        return;
    };
    let _ = writeln!(
        out,
        "  rules, highest priority first (the first that holds decides):"
    );
    for (k, r) in t.rules.iter().enumerate() {
        let mark = if t.winner.as_deref() == Some(r.rule.as_str()) {
            "DECIDES"
        } else if r.held {
            "holds (a rule above decided)"
        } else {
            "does not hold"
        };
        let _ = writeln!(
            out,
            "    {}. {} (priority {}, gives {}): {mark}",
            k + 1,
            r.rule,
            r.priority,
            r.label
        );
        node(out, &r.condition, 7);
    }
    match &t.winner {
        Some(w) => {
            let _ = writeln!(out, "  decided by: {w}");
        }
        None => {
            let _ = writeln!(
                out,
                "  decided by: no rule held, so the claim is {}",
                c.label
            );
        }
    }
    if let Some(m) = &c.message {
        let _ = writeln!(out, "  message: {m}");
    }
}

fn node(out: &mut String, n: &TraceNode, indent: usize) {
    let by = if n.statements.is_empty() {
        String::new()
    } else {
        format!(
            "  <- statement{} {}",
            if n.statements.len() == 1 { "" } else { "s" },
            n.statements
                .iter()
                .map(|s| format!("[{s}]"))
                .collect::<Vec<_>>()
                .join(" ")
        )
    };
    let _ = writeln!(
        out,
        "{}{} {}{by}",
        " ".repeat(indent),
        if n.held { "✓" } else { "✗" },
        n.condition
    );
    for p in &n.parts {
        node(out, p, indent + 2);
    }
}
