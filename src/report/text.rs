//! The plain-text report: the first line reads `Recommendation: <name>`.

use super::{Report, decisive_mark, money, more_words, points, signed};
use std::fmt::Write;

/// How many reasons per candidate the text and Markdown reports list.
pub const TOP_REASONS: usize = 5;

/// Render the report as plain text for a terminal or a pipe.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", r.headline());
    let _ = writeln!(s, "{}", r.margin_words());
    if let Some(line) = r.close_call_words() {
        let _ = writeln!(s, "{line}");
    }
    for w in &r.warnings {
        let _ = writeln!(s, "Note: {w}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Scores");
    let width = r
        .standings
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    for c in &r.standings {
        let note = if c.vetoed { "  (ruled out)" } else { "" };
        let _ = writeln!(s, "  {:<width$}  {:>5}{note}", c.name, c.score);
    }
    for e in r.explained(TOP_REASONS) {
        let c = e.standing;
        let _ = writeln!(s);
        let _ = writeln!(s, "{} ({})", c.name, points(c.score));
        for v in e.vetoes {
            let _ = writeln!(s, "  ruled out  {}{}", v.reason, decisive_mark(v.decisive));
        }
        for line in e.lines {
            let _ = writeln!(
                s,
                "  {:>4}  {}{}",
                signed(line.points),
                line.reason,
                decisive_mark(line.decisive)
            );
        }
        if e.more > 0 {
            let _ = writeln!(s, "        {}", more_words(e.more, e.more_points));
        }
    }
    cost_block(&mut s, r);
    if let Some(role) = &r.role {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}: {}", role.heading, role.title);
        let _ = writeln!(s, "  {}", role.reason);
        let _ = writeln!(s, "  {}", role.summary);
    }
    if !r.skills.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Screen for");
        for k in &r.skills {
            let _ = writeln!(s, "  - {}: {}", k.name, k.items.join(", "));
            if !k.why.is_empty() {
                let _ = writeln!(s, "    {}", k.why);
            }
        }
    }
    next_steps_block(&mut s, r);
    let change = r.what_would_change();
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", change.heading);
    for line in change.lines {
        let _ = writeln!(s, "  - {line}");
    }
    if let Some(c) = change.closing {
        let _ = writeln!(s, "  {c}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Your answers");
    for a in &r.answers {
        let _ = writeln!(s, "  {}  {}", a.prompt, a.text);
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{} {}", r.pack.title, r.pack.version);
    s
}

/// The costs side by side with their arithmetic, cost over time and the assumptions,
/// after a blank line; nothing when the pack prices no option.
pub fn cost_block(s: &mut String, r: &Report) {
    if !r.costs.is_empty() {
        let _ = writeln!(s);
        match &r.cost_basis {
            Some(b) => {
                let _ = writeln!(s, "Cost estimate ({b})");
            }
            None => {
                let _ = writeln!(s, "Cost estimate");
            }
        }
        let w = r
            .costs
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        for c in &r.costs {
            let range = format!(
                "{} – {}",
                money(c.low, &c.currency),
                money(c.high, &c.currency)
            );
            let _ = writeln!(s, "  {:<w$}  {range}", c.name);
            let _ = writeln!(s, "  {:<w$}  {}", "", c.arithmetic);
            if let Some(n) = &c.seniority {
                let _ = writeln!(s, "  {:<w$}  {n}", "");
            }
        }
        if let Some(b) = &r.budget {
            let _ = writeln!(s, "{}", b.heading());
            let _ = writeln!(s, "  {}", b.summary());
            for line in b.sentences() {
                let _ = writeln!(s, "  - {line}");
            }
        }
        if let Some(t) = &r.cost_over_time {
            let _ = writeln!(s);
            let _ = writeln!(s, "Cost over time");
            let table = super::over_time_table(t);
            let widths: Vec<usize> = (0..table[0].len())
                .map(|c| {
                    table
                        .iter()
                        .map(|row| row[c].chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in &table {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (cell, w))| {
                        if i == 0 {
                            format!("{cell:<w$}")
                        } else {
                            format!("{cell:>w$}")
                        }
                    })
                    .collect();
                let _ = writeln!(s, "  {}", cells.join("  ").trim_end());
            }
            if let Some(words) = t.start_words() {
                let _ = writeln!(s, "  {words}");
            }
            for line in t.break_even_words() {
                let _ = writeln!(s, "  {line}");
            }
        }
        if !r.cost_assumptions.is_empty() {
            let _ = writeln!(s, "  Assumptions");
            for a in &r.cost_assumptions {
                let _ = writeln!(s, "    - {}: {}", a.what, a.source);
            }
        }
    }
}

/// The next steps, numbered, after a blank line; nothing when there are none.
pub fn next_steps_block(s: &mut String, r: &Report) {
    if !r.next_steps.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Next steps");
        for (i, step) in r.next_steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
    }
}
