//! The decision insight in the report: what would change the recommendation, what
//! decides a close call, and which rules carry the decision (see [`crate::insight`]).

use super::{Report, WhatIf};
use crate::answers::Answers;
use crate::insight::{self, Insight};
use crate::pack::{Answer, Pack, Text};
use serde::Serialize;

/// Two answer changes that together would change the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIfPair {
    /// The two changes, in the order the questions are asked.
    pub changes: Vec<ChangeLine>,
    /// The new recommendation's id; `None` when the changes give a tie or rule out every option.
    pub recommendation: Option<Text>,
    /// The new margin.
    pub margin: i64,
    /// The changes in words.
    pub sentence: String,
}

/// One answer changed, as an answers file would hold it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeLine {
    /// Question id.
    pub question: Text,
    /// The changed answer.
    pub answer: serde_json::Value,
}

/// What decides a result that is too close to call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CloseCall {
    /// The ids of the two leaders: the first and the runner-up, or, when only one answer
    /// moved one step makes the call close, the first and the option the first such step
    /// that brings one puts ahead (of two it makes level, the one ranked higher now). On a
    /// tie of three or more: every option level at the top.
    pub leaders: Vec<Text>,
    /// The first's total minus the second's (negative when the second, ruled out, has
    /// more points).
    pub margin: i64,
    /// The questions that decide between them, most telling first.
    pub deciding: Vec<Deciding>,
    /// The deciding questions in words, when there are any.
    pub sentence: Option<String>,
}

/// A question that decides between the leaders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deciding {
    /// Question id.
    pub question: Text,
    /// The answer in force, as an answers file holds it.
    pub answer: serde_json::Value,
    /// The leader its rules favour, if they favour one.
    pub favours: Option<Text>,
    /// Net points its rules give that leader over the other (of three or more leaders:
    /// the spread between the most and the fewest they give any of them).
    pub points: i64,
    /// Whether another answer to it would swap the two leaders (of three or more: change
    /// which are level at the top).
    pub flips: bool,
}

pub(super) fn fill(
    r: &mut Report,
    pack: &Pack,
    given: &Answers,
    effective: &[Option<Answer>],
    ins: &Insight,
) {
    let view = |changes: &[&insight::Change]| insight::view_change(pack, given, effective, changes);
    let id = |c: usize| pack.candidates()[c].id.clone();
    let value = |c: &insight::Change| pack.questions()[c.question].to_json(&c.answer);
    r.what_if = ins
        .what_if
        .iter()
        .map(|w| WhatIf {
            question: pack.questions()[w.change.question].id.clone(),
            answer: value(&w.change),
            recommendation: w.outcome.pick.winner().map(id),
            margin: w.outcome.margin,
            size: w.change.size,
            sentence: insight::what_if_sentence(pack, effective, w, &view(&[&w.change])),
        })
        .collect();
    r.what_if_pairs_complete = ins.pairs_complete;
    r.what_if_pairs = ins
        .what_if_pairs
        .iter()
        .map(|p| WhatIfPair {
            changes: p
                .changes
                .iter()
                .map(|c| ChangeLine {
                    question: pack.questions()[c.question].id.clone(),
                    answer: value(c),
                })
                .collect(),
            recommendation: p.outcome.pick.winner().map(id),
            margin: p.outcome.margin,
            sentence: insight::pair_sentence(
                pack,
                effective,
                p,
                &view(&[&p.changes[0], &p.changes[1]]),
            ),
        })
        .collect();
    r.close_call = ins.close_call.as_ref().map(|c| CloseCall {
        leaders: c.leaders.iter().map(|&x| id(x)).collect(),
        margin: c.margin,
        deciding: c
            .deciders
            .iter()
            .filter_map(|d| {
                let q = &pack.questions()[d.question];
                let a = effective.get(d.question)?.as_ref()?;
                Some(Deciding {
                    question: q.id.clone(),
                    answer: q.to_json(a),
                    favours: d.favours.map(id),
                    points: d.points.saturating_abs(),
                    flips: d.flips,
                })
            })
            .collect(),
        sentence: insight::close_call_sentence(pack, effective, c),
    });
    r.decisive_rules = ins
        .rules
        .iter()
        .filter(|w| w.decisive)
        .map(|w| pack.rules()[w.rule].id.clone())
        .collect();
    // A decisive rule is marked on the lines of the candidates it decided between: those
    // picked now and those that would be picked without it, not on every line it touches.
    let mut decided: std::collections::HashMap<&str, [&crate::score::Pick; 2]> = Default::default();
    for w in ins.rules.iter().filter(|w| w.decisive) {
        decided.insert(
            pack.rules()[w.rule].id.as_str(),
            [&ins.current.pick, &w.without.pick],
        );
    }
    for line in &mut r.reasons {
        line.decisive = decided.get(line.rule.as_str()).is_some_and(|picks| {
            pack.candidate_index(&line.candidate)
                .is_some_and(|c| picks.iter().any(|p| p.includes(c)))
        });
    }
}

/// How many changes the text, Markdown and screen outputs spell out.
pub const CHANGES_SHOWN: usize = 3;

impl Report {
    /// What would change the result, as the reports list it: a heading, the first
    /// [`CHANGES_SHOWN`] sentences, and the line that closes the list: how many more
    /// there are, or, when nothing was found, that nothing alters the result.
    pub fn what_would_change(&self) -> WhatWouldChange<'_> {
        let (heading, all): (&'static str, Vec<&str>) = if !self.what_if.is_empty() {
            (
                "What would change it",
                self.what_if.iter().map(|w| w.sentence.as_str()).collect(),
            )
        } else if !self.what_if_pairs.is_empty() {
            (
                "What would change it (two answers together)",
                self.what_if_pairs
                    .iter()
                    .map(|w| w.sentence.as_str())
                    .collect(),
            )
        } else {
            ("What would change it", Vec::new())
        };
        let more = all.len().saturating_sub(CHANGES_SHOWN);
        let closing = if all.is_empty() {
            Some(if self.what_if_pairs_complete {
                "No single or paired change of answers alters this result.".to_string()
            } else {
                "No single change of answers alters this result, nor any pair tried within the search budget.".to_string()
            })
        } else if more > 0 {
            let what = if self.what_if.is_empty() {
                "pair"
            } else {
                "change"
            };
            Some(format!(
                "and {more} more {what}{} (every one is in the JSON report)",
                if more == 1 { "" } else { "s" }
            ))
        } else {
            None
        };
        WhatWouldChange {
            heading,
            lines: all.into_iter().take(CHANGES_SHOWN).collect(),
            closing,
        }
    }

    /// The close-call line naming the questions that decide between the two leaders.
    pub fn close_call_words(&self) -> Option<&str> {
        self.close_call.as_ref()?.sentence.as_deref()
    }
}

/// What would change the result, ready to list.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatWouldChange<'a> {
    /// The heading.
    pub heading: &'static str,
    /// The sentences shown.
    pub lines: Vec<&'a str>,
    /// The line after them: how many more, or that nothing alters the result.
    pub closing: Option<String>,
}

/// The mark after a reason whose rule carries the decision.
pub fn decisive_mark(decisive: bool) -> &'static str {
    if decisive { " (decisive)" } else { "" }
}
