//! The group as plain text.

use super::{GroupReport, QuestionLine, median_note, open_mark, result_words};
use crate::report::text::{cost_block, next_steps_block};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    out.push_str(&" ".repeat(width.saturating_sub(s.width())));
    out
}

/// The group as text.
pub fn render(g: &GroupReport) -> String {
    let mut s = String::new();
    let p = &g.profile;
    let _ = writeln!(
        s,
        "Group of {}: {} · {} {}",
        g.members.len(),
        g.names(),
        p.pack.title,
        p.pack.version
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Who answered");
    let wn = g.members.iter().map(|m| m.name.width()).max().unwrap_or(0);
    for m in &g.members {
        let from = match &m.session {
            Some(id) if m.name != *id => format!("session {id}"),
            _ => crate::escape::one_line(&m.file).into_owned(),
        };
        let _ = writeln!(s, "  {}  {from}", pad(&m.name, wn));
        for n in &m.notes {
            let _ = writeln!(s, "  {}  {n}", pad("", wn));
        }
    }
    for (given, _) in &g.left_out {
        let _ = writeln!(s, "  Left out, as it cannot be read: {given}");
    }

    let disagree: Vec<&QuestionLine> = g.questions.iter().filter(|q| q.disagree).collect();
    let wg = wn.max("Group".width());
    let _ = writeln!(s);
    if disagree.is_empty() {
        let _ = writeln!(s, "Where they disagree: nowhere.");
    } else {
        let _ = writeln!(s, "Where they disagree");
        for q in &disagree {
            let _ = writeln!(s, "  {}", q.prompt);
            for (m, t) in g.members.iter().zip(&q.texts) {
                let t = t.as_deref().unwrap_or("(not asked)");
                let _ = writeln!(s, "    {}  {t}", pad(&m.name, wg));
            }
            let c = q.consensus_text.as_deref().unwrap_or("(not asked)");
            let _ = writeln!(s, "    {}  {c}{}", pad("Group", wg), open_mark(q));
        }
    }
    let agreed: Vec<&QuestionLine> = g.questions.iter().filter(|q| !q.disagree).collect();
    if !agreed.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Where they agree");
        for q in agreed {
            let c = q
                .consensus_text
                .as_deref()
                .unwrap_or("(not asked in the profile)");
            let _ = writeln!(s, "  {}  {c}{}", q.prompt, open_mark(q));
        }
    }

    let _ = writeln!(s);
    let _ = writeln!(s, "Each person's recommendation");
    for m in &g.members {
        let _ = writeln!(s, "  {}  {}", pad(&m.name, wn), result_words(&m.report));
        let _ = writeln!(s, "  {}  {}", pad("", wn), m.report.margin_words());
        // A tie's words point below to the questions that decide it: they follow.
        if m.report.state == crate::report::State::Tie {
            if let Some(line) = m.report.close_call_words() {
                let _ = writeln!(s, "  {}  {line}", pad("", wn));
            }
        }
    }

    let _ = writeln!(s);
    let _ = writeln!(s, "The group profile");
    let _ = writeln!(s, "  {}", p.headline());
    let _ = writeln!(s, "  {}", p.margin_words());
    if let Some(line) = p.close_call_words() {
        let _ = writeln!(s, "  {line}");
    }
    for w in &p.warnings {
        let _ = writeln!(s, "  Note: {w}");
    }
    let open = g.open_questions();
    if open.is_empty() {
        let _ = writeln!(s, "  Every question has a majority.");
    } else {
        let _ = writeln!(
            s,
            "  Open (no majority; the profile takes the answer shown until the team settles it):"
        );
        for q in open {
            let c = q.consensus_text.as_deref().unwrap_or("");
            let _ = writeln!(s, "    - {}  {c}{}", q.prompt, median_note(q));
        }
    }
    let _ = writeln!(s, "  Scores");
    let w = p
        .standings
        .iter()
        .map(|c| c.name.width())
        .max()
        .unwrap_or(0);
    for c in &p.standings {
        let note = if c.vetoed { "  (ruled out)" } else { "" };
        let _ = writeln!(s, "    {}  {:>5}{note}", pad(&c.name, w), c.score);
    }

    let _ = writeln!(s);
    let _ = writeln!(s, "What the disagreements decide");
    for line in g.decide_lines() {
        let _ = writeln!(s, "  {line}");
    }
    cost_block(&mut s, p);
    next_steps_block(&mut s, p);
    s
}
