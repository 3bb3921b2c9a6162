//! The group as a Markdown memo a consultant can send.

use super::{GroupReport, median_note, open_mark, result_words};
use crate::report::markdown::{self, cost_block, next_steps_block};
use std::fmt::Write;

/// The group as a Markdown memo a consultant can send.
pub fn render(g: &GroupReport) -> String {
    let cell = markdown::table_cell;
    let mut s = String::new();
    let p = &g.profile;
    let _ = writeln!(s, "# Group decision: {}", p.pick_words());
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{} people answered *{} {}*: {}.",
        g.members.len(),
        p.pack.title,
        p.pack.version,
        g.names()
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "## Who answered");
    let _ = writeln!(s);
    for m in &g.members {
        let from = match &m.session {
            Some(id) => format!("session `{id}`"),
            None => format!("`{}`", crate::escape::one_line(&m.file)),
        };
        let _ = writeln!(s, "- **{}**: {from}", m.name);
        for n in &m.notes {
            let _ = writeln!(s, "  - {n}");
        }
    }
    for (given, _) in &g.left_out {
        let _ = writeln!(s, "- Left out, as it cannot be read: `{given}`");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## Where they differ");
    let _ = writeln!(s);
    let header: Vec<String> = g.members.iter().map(|m| cell(&m.name)).collect();
    let _ = writeln!(s, "| Question | {} | Group |", header.join(" | "));
    let _ = writeln!(s, "|---|{}---|", "---|".repeat(g.members.len()));
    for q in &g.questions {
        let texts: Vec<String> = q
            .texts
            .iter()
            .map(|t| cell(t.as_deref().unwrap_or("(not asked)")))
            .collect();
        let prompt = if q.disagree {
            format!("**{}**", cell(&q.prompt))
        } else {
            cell(&q.prompt)
        };
        let c = q.consensus_text.as_deref().unwrap_or("(not asked)");
        let _ = writeln!(
            s,
            "| {prompt} | {} | {}{} |",
            texts.join(" | "),
            cell(c),
            open_mark(q)
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Questions in bold are those where they disagree.");
    let _ = writeln!(s);
    let _ = writeln!(s, "## Each person's recommendation");
    let _ = writeln!(s);
    for m in &g.members {
        // A tie's words point below to the questions that decide it: they follow.
        let deciding = match m.report.close_call_words() {
            Some(line) if m.report.state == crate::report::State::Tie => format!(" {line}"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "- **{}**: {}. {}{deciding}",
            m.name,
            result_words(&m.report),
            m.report.margin_words()
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## The group recommendation");
    let _ = writeln!(s);
    let _ = writeln!(s, "**{}**", p.headline());
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", p.margin_words());
    if let Some(line) = p.close_call_words() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{line}");
    }
    for w in &p.warnings {
        let _ = writeln!(s);
        let _ = writeln!(s, "**Note:** {w}");
    }
    let open = g.open_questions();
    if !open.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Open questions (no majority; the profile takes the answer shown until the team settles it):"
        );
        let _ = writeln!(s);
        for q in open {
            let c = q.consensus_text.as_deref().unwrap_or("");
            let _ = writeln!(s, "- {} **{c}**{}", q.prompt, median_note(q));
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "| Option | Points | Note |");
    let _ = writeln!(s, "|---|---:|---|");
    for c in &p.standings {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            cell(&c.name),
            c.score,
            p.standing_note(c)
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## What the differences decide");
    let _ = writeln!(s);
    for line in g.decide_lines() {
        let _ = writeln!(s, "- {line}");
    }
    cost_block(&mut s, p, "##");
    next_steps_block(&mut s, p, "##");
    let _ = writeln!(s);
    let _ = writeln!(s, "_{} {}_", p.pack.title, p.pack.version);
    s
}
