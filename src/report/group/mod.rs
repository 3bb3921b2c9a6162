//! Several people's answers to one decision, as text, Markdown or JSON (`hirewiz group`):
//! who answered, where they disagree, each person's result, the group profile with its
//! open questions, which disagreements change its result, and its costs and next steps.

use super::{Report, State, points};
use crate::answers::Answers;
use crate::insight::group::{self, Group, Outcome, Swap};
use crate::insight::join_and;
use crate::pack::{Pack, Text};
use crate::score::{Pick, score};
use crate::session::Label;
use serde_json::Value;

pub mod json;
pub mod markdown;
pub mod text;

/// One member as given to the report.
#[derive(Debug, Clone)]
pub struct MemberInput {
    /// How they are named (told apart from the others already).
    pub name: String,
    /// Where their answers came from.
    pub file: String,
    /// The session's id, when the answers come from a session.
    pub session: Option<String>,
    /// What a reader should know about how their answers were read (another pack, an
    /// unfinished session), each a sentence.
    pub notes: Vec<String>,
    /// Their answers given.
    pub answers: Answers,
}

/// One member's line.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLine {
    /// How they are named.
    pub name: String,
    /// Where their answers came from.
    pub file: String,
    /// The session's id, when a session.
    pub session: Option<String>,
    /// Notes on how their answers were read.
    pub notes: Vec<String>,
    /// The result of their own answers.
    pub report: Report,
}

/// One question across the group, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionLine {
    /// Question id.
    pub question: String,
    /// The question as asked.
    pub prompt: String,
    /// Each member's answer in words (`None`: not asked of them).
    pub texts: Vec<Option<String>>,
    /// Each member's answer as an answers file holds it (null: not asked).
    pub values: Vec<Value>,
    /// Whether the members asked disagree.
    pub disagree: bool,
    /// The profile's answer in words (`None`: the profile does not ask it).
    pub consensus_text: Option<String>,
    /// The profile's answer as an answers file holds it.
    pub consensus: Value,
    /// Whether no strict majority decided it.
    pub open: bool,
    /// Whether it is a number (its consensus is the median).
    pub number: bool,
}

/// One swap (or pair) that changes the profile's result, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// The swaps: question id, answer as an answers file holds it, the members' names.
    pub swaps: Vec<(Text, Value, Vec<String>)>,
    /// What the profile recommends with it (`None`: a tie or none fits).
    pub recommendation: Option<Text>,
    /// How settled that is.
    pub state: State,
    /// The candidates level at the top, on a tie.
    pub level: Vec<Text>,
    /// The whole statement.
    pub sentence: String,
}

/// A group ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupReport {
    /// Each member, in the order given.
    pub members: Vec<MemberLine>,
    /// Members left out, as (what was given, why).
    pub left_out: Vec<(String, String)>,
    /// Every question asked of anyone: disagreements first, then the pack's order.
    pub questions: Vec<QuestionLine>,
    /// The group profile's full report.
    pub profile: Report,
    /// Single swaps that change the profile's result.
    pub changes: Vec<ChangeLine>,
    /// When no single swap changes who is recommended: pairs that do (see
    /// [`crate::insight::group::Group::pairs`]).
    pub pairs: Vec<ChangeLine>,
    /// Whether every pair was tried.
    pub pairs_complete: bool,
    /// What the disagreements decide, in a sentence (after the changes, when any).
    pub summary: String,
    /// The model behind it, for whoever settles it.
    pub group: Group,
}

impl GroupReport {
    /// Group the members against `pack`; `left_out` names those that could not be read.
    pub fn build(
        pack: &Pack,
        members: &[MemberInput],
        left_out: Vec<(String, String)>,
    ) -> GroupReport {
        let answers: Vec<Answers> = members.iter().map(|m| m.answers.clone()).collect();
        let g = group::group(pack, &answers);
        let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
        let member_lines = members
            .iter()
            .zip(&g.members)
            .map(|(m, r)| MemberLine {
                name: m.name.clone(),
                file: m.file.clone(),
                session: m.session.clone(),
                notes: m.notes.clone(),
                report: Report::build_from(pack, &m.answers, &r.verdict),
            })
            .collect();
        let questions = g
            .rows
            .iter()
            .map(|r| {
                let q = &pack.questions()[r.question];
                QuestionLine {
                    question: q.id.to_string(),
                    prompt: q.prompt.to_string(),
                    texts: r
                        .answers
                        .iter()
                        .map(|a| a.as_ref().map(|a| q.describe(a)))
                        .collect(),
                    values: r
                        .answers
                        .iter()
                        .map(|a| a.as_ref().map_or(Value::Null, |a| q.to_json(a)))
                        .collect(),
                    disagree: r.disagree,
                    consensus_text: r.consensus.as_ref().map(|a| q.describe(a)),
                    consensus: r.consensus.as_ref().map_or(Value::Null, |a| q.to_json(a)),
                    open: r.open,
                    number: matches!(q.kind, crate::pack::Kind::Number { .. }),
                }
            })
            .collect();
        let verdict = score(pack, &g.profile);
        let profile = Report::build(pack, &g.profile, &verdict);
        let changes: Vec<ChangeLine> = g
            .changing()
            .map(|t| change_line(pack, &names, &[&t.swap], &t.outcome, &g.outcome))
            .collect();
        let pairs: Vec<ChangeLine> = g
            .pairs
            .iter()
            .map(|p| {
                change_line(
                    pack,
                    &names,
                    &[&p.swaps[0], &p.swaps[1]],
                    &p.outcome,
                    &g.outcome,
                )
            })
            .collect();
        let summary = summary(&g, &changes, &pairs);
        GroupReport {
            members: member_lines,
            left_out,
            questions,
            profile,
            changes,
            pairs,
            pairs_complete: g.pairs_complete,
            summary,
            group: g,
        }
    }

    /// The members' names joined: "Ana, Ben and Cy".
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
        join_and(&names)
    }

    /// The open questions the profile asks, as lines in words.
    pub fn open_questions(&self) -> Vec<&QuestionLine> {
        self.questions.iter().filter(|q| q.open).collect()
    }

    /// What the disagreements decide, as statements: one per change (or pair), then the
    /// summary. A single change and the summary read as one sentence. Where the single
    /// changes alter only how settled the result is, the pairs that change who is
    /// recommended follow.
    pub fn decide_lines(&self) -> Vec<String> {
        let listed = if self.changes.is_empty() {
            &self.pairs
        } else {
            &self.changes
        };
        let mut out: Vec<String> = Vec::new();
        if self.changes.is_empty() {
            // "No single disagreement changes it; these pairs do" reads before the pairs.
            out.push(self.summary.clone());
            out.extend(listed.iter().map(|c| c.sentence.clone()));
        } else {
            if let [one] = listed.as_slice() {
                let first = one.sentence.trim_end_matches('.');
                out.push(format!("{first}; {}", lower_first(&self.summary)));
            } else {
                out.extend(listed.iter().map(|c| c.sentence.clone()));
                out.push(self.summary.clone());
            }
            // The single changes alter only how settled the result is: two together can
            // change who is recommended.
            if !self.pairs.is_empty() {
                out.push(if self.pairs.len() >= group::PAIR_LIMIT || !self.pairs_complete {
                    format!(
                        "No single disagreement changes who is recommended; the first {} pairs that do follow:",
                        self.pairs.len()
                    )
                } else {
                    "No single disagreement changes who is recommended, but two together do:"
                        .to_string()
                });
                out.extend(self.pairs.iter().map(|c| c.sentence.clone()));
            }
        }
        out
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The summary that follows the changes listed.
fn summary(g: &Group, changes: &[ChangeLine], pairs: &[ChangeLine]) -> String {
    if !g.rows.iter().any(|r| r.disagree) {
        return "Everyone gives the same answers to every question asked of them.".to_string();
    }
    if g.tried.is_empty() {
        return "The disagreements are all on questions the group profile does not ask, so none of them changes its result.".to_string();
    }
    if !changes.is_empty() {
        // "Every other question" is true only when no question has an answer that
        // changes the result beside one that does not.
        let mixed = g.tried.iter().any(|t| {
            !t.changes
                && g.tried
                    .iter()
                    .any(|u| u.changes && u.swap.question == t.swap.question)
        });
        return if mixed {
            "Every other answer on which the team disagrees leaves the result as it is.".to_string()
        } else {
            "On every other question the disagreement does not change the result.".to_string()
        };
    }
    if pairs.is_empty() {
        return if g.pairs_complete {
            "No disagreement changes the result, alone or two together.".to_string()
        } else {
            format!(
                "No single disagreement changes the result, nor any of the {} pairs of them tried.",
                group::PAIR_BUDGET
            )
        };
    }
    if pairs.len() >= group::PAIR_LIMIT || !g.pairs_complete {
        format!(
            "No single disagreement changes the result; the first {} pairs that do follow:",
            pairs.len()
        )
    } else {
        "No single disagreement changes the result; these pairs do, and every other pair of them leaves it as it is:"
            .to_string()
    }
}

/// "If the team takes Ben's answer to “How tight is the budget?” (Tight), Freelance is the
/// choice."
fn change_line(
    pack: &Pack,
    names: &[String],
    swaps: &[&Swap],
    outcome: &Outcome,
    base: &Outcome,
) -> ChangeLine {
    let cand = |c: usize| pack.candidates()[c].name.as_str();
    let parts: Vec<String> = swaps
        .iter()
        .map(|s| {
            let q = &pack.questions()[s.question];
            let who: Vec<&str> = s.members.iter().map(|&m| names[m].as_str()).collect();
            let whose = match who.as_slice() {
                [one] => format!("{one}'s answer"),
                _ => format!("the answer of {}", join_and(&who)),
            };
            format!("{whose} to “{}” ({})", q.prompt, q.describe(&s.answer))
        })
        .collect();
    // Ahead of nothing but ruled-out options, a lead in points means nothing (it can
    // even be negative): say so instead.
    let v = &outcome.verdict;
    let only_left = v.ranking.get(1).is_some_and(|&b| v.vetoed[b]);
    let same = *outcome.pick() == *base.pick();
    let result = match (&v.pick, outcome.state) {
        (Pick::One(c), State::Clear) if only_left && same => {
            format!("{} is still the choice, the only option left", cand(*c))
        }
        (Pick::One(c), State::Clear) if same => {
            format!("{} is the choice by a clear margin", cand(*c))
        }
        (Pick::One(c), _) if only_left && same => format!(
            "{} still leads as the only option left, though one answer can change that",
            cand(*c)
        ),
        (Pick::One(c), _) if same => format!(
            "{} still leads, but it is a close call ({} ahead)",
            cand(*c),
            points(v.margin)
        ),
        (Pick::One(c), State::Clear) if only_left => {
            format!("{} is the choice, the only option left", cand(*c))
        }
        (Pick::One(c), State::Clear) => format!("{} is the choice", cand(*c)),
        (Pick::One(c), _) if only_left => format!(
            "{} is the choice as the only option left, though one answer can change that",
            cand(*c)
        ),
        (Pick::One(c), _) => format!(
            "{} is the choice, though a close call ({} ahead)",
            cand(*c),
            points(v.margin)
        ),
        (Pick::Level(set), _) => {
            let level: Vec<&str> = set.iter().map(|&c| cand(c)).collect();
            format!("no option leads: {} are level", join_and(&level))
        }
        (Pick::NoneFits, _) => "no option fits".to_string(),
    };
    ChangeLine {
        swaps: swaps
            .iter()
            .map(|s| {
                let q = &pack.questions()[s.question];
                (
                    q.id.clone(),
                    q.to_json(&s.answer),
                    s.members.iter().map(|&m| names[m].clone()).collect(),
                )
            })
            .collect(),
        recommendation: outcome
            .verdict
            .recommended()
            .map(|c| pack.candidates()[c].id.clone()),
        state: outcome.state,
        level: outcome
            .verdict
            .level()
            .iter()
            .map(|&c| pack.candidates()[c].id.clone())
            .collect(),
        sentence: format!("If the team takes {}, {result}.", parts.join(" and ")),
    }
}

/// Names told apart: every name given more than once is numbered in order, "Sam (1)",
/// "Sam (2)", skipping numbers another member is already called by.
pub fn distinct(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, n) in names.iter().enumerate() {
        if names.iter().filter(|m| *m == n).count() < 2 {
            out.push(n.clone());
            continue;
        }
        let mut k = names[..i].iter().filter(|m| *m == n).count() + 1;
        loop {
            let candidate = format!("{n} ({k})");
            if !names.contains(&candidate) && !out.contains(&candidate) {
                out.push(candidate);
                break;
            }
            k += 1;
        }
    }
    out
}

impl GroupReport {
    /// The label of a session settled from this group: "Group: Ana, Ben, Cy", shortened
    /// to fit a label; "Group of 4" when the names cannot make one.
    pub fn settle_label(&self) -> String {
        let names: Vec<&str> = self.members.iter().map(|m| m.name.as_str()).collect();
        let full = format!("Group: {}", names.join(", "));
        if Label::parse(&full).is_ok() {
            return full;
        }
        let fallback = format!("Group of {}", names.len());
        let mut short: String = full.chars().take(crate::session::MAX_LABEL - 1).collect();
        short.push('…');
        if Label::parse(&short).is_ok() {
            short
        } else {
            fallback
        }
    }
}

/// "Outsource, clear", "Tie: In-house and Freelance", for the members' table.
pub(super) fn result_words(r: &Report) -> String {
    match r.state {
        State::Tie | State::NoneFits => r.pick_words(),
        _ => format!("{} ({})", r.pick_words(), r.state.words()),
    }
}

pub(super) fn open_mark(q: &QuestionLine) -> &'static str {
    if !q.open {
        ""
    } else if q.number {
        "  (open: the median)"
    } else {
        "  (open: no majority)"
    }
}

pub(super) fn median_note(q: &QuestionLine) -> &'static str {
    if q.number { " (the median)" } else { "" }
}
