//! Two sets of answers side by side: the answers that differ and both results, as text
//! or JSON (`hirewiz compare A B`).

use super::{Report, json, money, points};
use crate::answers::Answers;
use crate::insight;
use crate::pack::Pack;
use serde_json::{Value, json};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// One side of a comparison: a name for it and its full report.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// How the side is named in column heads: a session's label or id, or a file's
    /// name without its folder.
    pub name: String,
    /// Where its answers came from, in full.
    pub file: String,
    /// The report of its answers.
    pub report: Report,
}

/// A comparison ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonReport {
    /// The first side.
    pub a: Side,
    /// The second side.
    pub b: Side,
    /// The answers that differ, in the order asked.
    pub differences: Vec<DifferenceLine>,
}

/// One question answered differently on the two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct DifferenceLine {
    /// Question id.
    pub question: String,
    /// The question as asked.
    pub prompt: String,
    /// The first side's answer in words (`None`: not asked there).
    pub a_text: Option<String>,
    /// The second side's answer in words (`None`: not asked there).
    pub b_text: Option<String>,
    /// The first side's answer as an answers file holds it (null: not asked).
    pub a: Value,
    /// The second side's answer as an answers file holds it (null: not asked).
    pub b: Value,
}

impl ComparisonReport {
    /// Compare two sets of answers given, each with its name and where it came from.
    pub fn build(
        pack: &Pack,
        a: ((&str, &str), &Answers),
        b: ((&str, &str), &Answers),
    ) -> ComparisonReport {
        let c = insight::compare(pack, a.1, b.1);
        let side = |(name, file): (&str, &str), answers: &Answers, verdict| Side {
            name: name.to_string(),
            file: file.to_string(),
            report: Report::build_from(pack, answers, verdict),
        };
        let differences = c
            .differences
            .iter()
            .map(|d| {
                let q = &pack.questions()[d.question];
                DifferenceLine {
                    question: q.id.to_string(),
                    prompt: q.prompt.to_string(),
                    a_text: d.a.as_ref().map(|x| q.describe(x)),
                    b_text: d.b.as_ref().map(|x| q.describe(x)),
                    a: d.a.as_ref().map_or(Value::Null, |x| q.to_json(x)),
                    b: d.b.as_ref().map_or(Value::Null, |x| q.to_json(x)),
                }
            })
            .collect();
        ComparisonReport {
            a: side(a.0, a.1, &c.a),
            b: side(b.0, b.1, &c.b),
            differences,
        }
    }

    /// Whether both sides come to the same result: the same candidate recommended, or
    /// the same options level at the top (two ties between different options differ).
    pub fn same_recommendation(&self) -> bool {
        let (a, b) = (&self.a.report, &self.b.report);
        a.recommendation == b.recommendation && a.level == b.level
    }
}

/// The comparison as JSON: each side's full report (as `hirewiz recommend --format
/// json` gives it) with its `name` and `file`, then the answers that differ.
pub fn to_json(c: &ComparisonReport) -> String {
    let side = |s: &Side| {
        let mut v = serde_json::Map::new();
        v.insert("name".into(), s.name.clone().into());
        v.insert("file".into(), s.file.clone().into());
        if let Value::Object(m) = json::value(&s.report) {
            v.extend(m);
        }
        Value::Object(v)
    };
    let differences: Vec<Value> = c
        .differences
        .iter()
        .map(|d| json!({ "question": d.question, "a": d.a, "b": d.b }))
        .collect();
    let v = json!({
        "same_recommendation": c.same_recommendation(),
        "a": side(&c.a),
        "b": side(&c.b),
        "differences": differences,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// The comparison as text: the two results in columns headed by the sides' names
/// (result, its state, margin, scores and cost ranges), where each side comes from,
/// then the answers that differ.
pub fn to_text(c: &ComparisonReport) -> String {
    let (a, b) = (&c.a.report, &c.b.report);
    let mut rows: Vec<(String, String, String)> = Vec::new();
    rows.push(("Recommendation".into(), a.pick_words(), b.pick_words()));
    rows.push(("Result".into(), state_words(a), state_words(b)));
    rows.push(("Margin".into(), margin(a), margin(b)));
    for s in &a.standings {
        let other = b.standings.iter().find(|x| x.id == s.id);
        rows.push((
            s.name.to_string(),
            score(s.score, s.vetoed),
            other.map_or(String::new(), |o| score(o.score, o.vetoed)),
        ));
    }
    for s in &a.standings {
        let cost = |r: &Report| {
            r.costs
                .iter()
                .find(|x| x.candidate == s.id)
                .map_or("-".to_string(), |x| {
                    format!(
                        "{} – {}",
                        money(x.low, &x.currency),
                        money(x.high, &x.currency)
                    )
                })
        };
        if a.costs.is_empty() && b.costs.is_empty() {
            break;
        }
        rows.push((format!("{} cost", s.name), cost(a), cost(b)));
    }
    let w0 = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    let w1 = rows
        .iter()
        .map(|r| r.1.width())
        .chain([c.a.name.width()])
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    let _ = writeln!(s, "  {}  {}  {}", pad("", w0), pad(&c.a.name, w1), c.b.name);
    for (label, x, y) in &rows {
        let _ = writeln!(s, "  {}  {}  {y}", pad(label, w0), pad(x, w1));
    }
    let _ = writeln!(s);
    for side in [&c.a, &c.b].into_iter().filter(|x| x.name != x.file) {
        let _ = writeln!(
            s,
            "  {}: {}",
            side.name,
            crate::escape::one_line(&side.file)
        );
    }
    if c.a.name != c.a.file || c.b.name != c.b.file {
        let _ = writeln!(s);
    }
    if c.differences.is_empty() {
        let _ = writeln!(s, "The answers in force are the same.");
    } else {
        let _ = writeln!(s, "Answers that differ");
        let wn = c.a.name.width().max(c.b.name.width());
        for d in &c.differences {
            let _ = writeln!(s, "  {}", d.prompt);
            for (name, text) in [(&c.a.name, &d.a_text), (&c.b.name, &d.b_text)] {
                let text = text.as_deref().unwrap_or("(not asked)");
                let _ = writeln!(s, "    {}  {text}", pad(name, wn));
            }
        }
    }
    s
}

/// How settled a result is: "clear", "close call", "tie" or "none fits".
fn state_words(r: &Report) -> String {
    r.state.words().to_string()
}

fn margin(r: &Report) -> String {
    if r.tie {
        "level".to_string()
    } else if r.recommendation.is_none() {
        "-".to_string()
    } else if r.runner_up().is_some_and(|s| s.vetoed) {
        "others ruled out".to_string()
    } else {
        points(r.margin)
    }
}

fn score(n: i64, vetoed: bool) -> String {
    if vetoed {
        format!("{n} (ruled out)")
    } else {
        n.to_string()
    }
}

/// Pad to a display width (names may hold wide characters).
fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    out.push_str(&" ".repeat(width.saturating_sub(s.width())));
    out
}
