//! The Markdown report: a one-page memo that can be forwarded as it is.

/// How many reasons for, and against, each option the memo lists: enough to show why,
/// few enough to keep it to a page.
const TOP_REASONS: usize = 3;
use super::{Report, decisive_mark, money, more_words, points, signed};
use std::fmt::Write;

/// Escape the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Render the report as a Markdown memo.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}", r.headline());
    let _ = writeln!(s);
    let _ = writeln!(s, "**{}**", r.margin_words());
    if let Some(line) = r.close_call_words() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{line}");
    }
    for w in &r.warnings {
        let _ = writeln!(s);
        let _ = writeln!(s, "**Note:** {w}");
    }
    if let Some(w) = r.winner().filter(|w| !w.description.is_empty()) {
        let _ = writeln!(s);
        let _ = writeln!(s, "> {}", w.description);
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## Scores");
    let _ = writeln!(s);
    let _ = writeln!(s, "| Option | Points | Note |");
    let _ = writeln!(s, "|---|---:|---|");
    for c in &r.standings {
        let note = r.standing_note(c);
        let _ = writeln!(s, "| {} | {} | {note} |", cell(&c.name), c.score);
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## Why");
    for e in r.explained(TOP_REASONS) {
        let c = e.standing;
        let _ = writeln!(s);
        let _ = writeln!(s, "### {} ({})", c.name, points(c.score));
        let _ = writeln!(s);
        for v in e.vetoes {
            let _ = writeln!(
                s,
                "- **Ruled out:** {}{}",
                v.reason,
                decisive_mark(v.decisive)
            );
        }
        for line in e.lines {
            let _ = writeln!(
                s,
                "- **{}** {}{}",
                signed(line.points),
                line.reason,
                decisive_mark(line.decisive)
            );
        }
        if e.more > 0 {
            let _ = writeln!(s, "- {}", more_words(e.more, e.more_points));
        }
    }
    cost_block(&mut s, r, "##");
    if let Some(role) = &r.role {
        let _ = writeln!(s);
        let _ = writeln!(s, "## {}: {}", role.heading, role.title);
        let _ = writeln!(s);
        let _ = writeln!(s, "{} {}", role.reason, role.summary);
    }
    if !r.skills.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Screen for");
        let _ = writeln!(s);
        for k in &r.skills {
            let _ = writeln!(s, "- **{}**: {}. {}", k.name, k.items.join(", "), k.why);
        }
    }
    next_steps_block(&mut s, r, "##");
    let change = r.what_would_change();
    let _ = writeln!(s);
    let _ = writeln!(s, "## {}", change.heading);
    let _ = writeln!(s);
    for line in change.lines {
        let _ = writeln!(s, "- {line}");
    }
    if let Some(c) = change.closing {
        let _ = writeln!(s, "{}{c}", if s.ends_with("\n\n") { "" } else { "\n" });
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## Your answers");
    let _ = writeln!(s);
    let _ = writeln!(s, "| Question | Answer |");
    let _ = writeln!(s, "|---|---|");
    for a in &r.answers {
        let _ = writeln!(s, "| {} | {} |", cell(&a.prompt), cell(&a.text));
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "_{} {}_", r.pack.title, r.pack.version);
    s
}

/// The cost section under a heading of `level` (`##`): costs side by side with their
/// arithmetic, the assumptions and cost over time; nothing when no option is priced.
pub fn cost_block(s: &mut String, r: &Report, level: &str) {
    if !r.costs.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{level} Cost estimate");
        let _ = writeln!(s);
        if let Some(b) = &r.cost_basis {
            let _ = writeln!(s, "{b}");
            let _ = writeln!(s);
        }
        let _ = writeln!(s, "| Option | Range | How it is worked out |");
        let _ = writeln!(s, "|---|---|---|");
        for c in &r.costs {
            let range = format!(
                "{} – {}",
                money(c.low, &c.currency),
                money(c.high, &c.currency)
            );
            let _ = writeln!(
                s,
                "| {} | {range} | {} |",
                cell(&c.name),
                cell(&c.arithmetic)
            );
        }
        if let Some(b) = &r.budget {
            let _ = writeln!(s);
            let _ = writeln!(s, "**{}.** {}", b.heading(), b.summary());
            let _ = writeln!(s);
            for line in b.sentences() {
                let _ = writeln!(s, "- {line}");
            }
        }
        let notes: Vec<&String> = r
            .costs
            .iter()
            .filter_map(|c| c.seniority.as_ref())
            .collect();
        if !notes.is_empty() || !r.cost_assumptions.is_empty() {
            let _ = writeln!(s);
        }
        for n in notes {
            let _ = writeln!(s, "- {n}");
        }
        for a in &r.cost_assumptions {
            let _ = writeln!(s, "- {}: {}", a.what, a.source);
        }
        if let Some(t) = &r.cost_over_time {
            let _ = writeln!(s);
            let _ = writeln!(s, "{level}# Cost over time");
            let _ = writeln!(s);
            let table = super::over_time_table(t);
            for (i, row) in table.iter().enumerate() {
                let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
                if i == 0 {
                    let _ = writeln!(s, "|---:|{}", "---:|".repeat(row.len() - 1));
                }
            }
            let _ = writeln!(s);
            if let Some(words) = t.start_words() {
                let _ = writeln!(s, "{words}");
                let _ = writeln!(s);
            }
            for line in t.break_even_words() {
                let _ = writeln!(s, "- {line}");
            }
        }
    }
}

/// The next steps under a heading of `level`, numbered; nothing when there are none.
pub fn next_steps_block(s: &mut String, r: &Report, level: &str) {
    if !r.next_steps.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{level} Next steps");
        let _ = writeln!(s);
        for (i, step) in r.next_steps.iter().enumerate() {
            let _ = writeln!(s, "{}. {step}", i + 1);
        }
    }
}

/// Escape the characters that would break a Markdown table cell (for other memos).
pub fn table_cell(s: &str) -> String {
    cell(s)
}
