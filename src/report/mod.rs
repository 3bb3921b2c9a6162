//! The recommendation as data ready to show, and its renderings.
//!
//! [`Report::build`] gathers everything a reader needs from the pack, the answers in
//! force and the verdict; [`text`], [`markdown`] and [`json`] render it, and the terminal
//! wizard draws its result screen from the same model, so every output says the same.

pub mod compare;
mod fill;
pub mod group;
mod insight;
pub mod json;
pub mod markdown;
pub mod text;

use crate::answers::Answers;
use crate::pack::{Answer, Pack, Text};
use crate::score::Verdict;
use serde::Serialize;

pub use insight::{
    CHANGES_SHOWN, ChangeLine, CloseCall, Deciding, WhatIfPair, WhatWouldChange, decisive_mark,
};

/// Everything a recommendation shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Which pack decided.
    pub pack: PackInfo,
    /// The kind of result: a clear recommendation, a close call, a tie or none fits.
    pub state: State,
    /// The recommended candidate's id; `None` on a tie or when every option is ruled out.
    pub recommendation: Option<Text>,
    /// On a tie: the ids of every candidate level at the top, in the pack's order.
    pub level: Vec<Text>,
    /// Every candidate, best first.
    pub standings: Vec<Standing>,
    /// Points between the first and the second.
    pub margin: i64,
    /// Whether two or more candidates are level at the top.
    pub tie: bool,
    /// Whether the result is a close call or a tie.
    pub close: bool,
    /// Each rule's effect on each candidate, most decisive first.
    pub reasons: Vec<ReasonLine>,
    /// The answers in force, in the order asked.
    pub answers: Vec<AnswerLine>,
    /// Estimated cost of each candidate, when the pack has rates.
    pub costs: Vec<CostLine>,
    /// What the cost estimates assume, in one line (team, duration, region).
    pub cost_basis: Option<String>,
    /// Every figure the cost arithmetic assumes, with its source.
    pub cost_assumptions: Vec<CostAssumption>,
    /// The assumption behind the seniority scaling, also in `cost_assumptions`: the
    /// result screen shows it beside the costs, where it limits what they say.
    #[serde(skip)]
    pub cost_seniority_basis: Option<CostAssumption>,
    /// Cost month by month of work over the months costed, and when hiring in-house
    /// becomes the cheaper way to have the work done.
    pub cost_over_time: Option<crate::advice::OverTime>,
    /// The budget figure given, and which options fit within it and by how much.
    pub budget: Option<crate::advice::BudgetCheck>,
    /// The role to hire for, when the pack advises one.
    pub role: Option<Role>,
    /// Skills to screen for.
    pub skills: Vec<Skill>,
    /// What to do next.
    pub next_steps: Vec<Text>,
    /// Where the answers pull against each other, and what to do about it.
    pub warnings: Vec<Text>,
    /// Single answer changes that would change the recommendation.
    pub what_if: Vec<WhatIf>,
    /// When no single change would: the smallest pairs of changes that would.
    pub what_if_pairs: Vec<WhatIfPair>,
    /// Whether every pair of changes that could belong in `what_if_pairs` was tried
    /// (false when the search stopped at its budget, so a smaller pair may exist).
    pub what_if_pairs_complete: bool,
    /// When the result is too close to call: what decides between the two leaders.
    pub close_call: Option<CloseCall>,
    /// The ids of the rules without which the recommendation would change.
    pub decisive_rules: Vec<Text>,
}

/// The kind of result a report shows (see [`crate::insight::State`]).
pub use crate::insight::State;

/// One candidate's explanation, as the text and Markdown reports list it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained<'a> {
    /// The candidate.
    pub standing: &'a Standing,
    /// The rules that ruled it out.
    pub vetoes: Vec<&'a ReasonLine>,
    /// The reasons for it, then against it.
    pub lines: Vec<&'a ReasonLine>,
    /// How many reasons are left out of `lines`.
    pub more: usize,
    /// Their points together, so that the lines shown and this add up to the total.
    pub more_points: i64,
}

/// "and 7 more, +10 in all": the line that accounts for the reasons a list leaves out.
pub fn more_words(more: usize, points: i64) -> String {
    let word = if more == 1 { "reason" } else { "reasons" };
    format!("and {more} more {word}, {} in all", signed(points))
}

/// A pack's identity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackInfo {
    /// Machine name.
    pub id: Text,
    /// Content version.
    pub version: Text,
    /// Title.
    pub title: Text,
}

/// One candidate's place in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// Candidate id.
    pub id: Text,
    /// Candidate name.
    pub name: Text,
    /// What the candidate is, in a line.
    pub description: Text,
    /// Raw point total.
    pub score: i64,
    /// Whether a rule ruled it out.
    pub vetoed: bool,
}

/// One rule's effect on one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonLine {
    /// Rule id.
    pub rule: Text,
    /// Candidate id.
    pub candidate: Text,
    /// Candidate name.
    pub candidate_name: Text,
    /// Points given (negative: taken away).
    pub points: i64,
    /// Whether the rule ruled the candidate out.
    pub veto: bool,
    /// The rule's reason, in words.
    pub reason: Text,
    /// Where the reasoning comes from.
    pub source: Option<Text>,
    /// Whether the recommendation would change without this rule.
    pub decisive: bool,
}

/// One answer in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerLine {
    /// Question id.
    pub question: Text,
    /// The question as asked.
    pub prompt: Text,
    /// The answer as a person reads it.
    pub text: String,
    /// The answer as an answers file holds it.
    pub value: serde_json::Value,
}

/// An estimated cost range for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    /// Candidate id.
    pub candidate: Text,
    /// Candidate name.
    pub name: Text,
    /// Low end of the range, in whole currency units.
    pub low: i64,
    /// High end of the range.
    pub high: i64,
    /// Currency code, e.g. `USD`.
    pub currency: Text,
    /// The arithmetic behind the range, as a line a person can check.
    pub arithmetic: String,
    /// The published rate it starts from, e.g. "$40–$80 an hour (Freelancer hourly rate,
    /// Eastern Europe)".
    pub basis: String,
    /// How seniority scaled the rate, when it did.
    pub seniority: Option<String>,
    /// Weeks before work can start, when the pack gives them.
    pub delay_weeks: Option<i64>,
}

/// A figure the cost arithmetic assumes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostAssumption {
    /// The figure in words.
    pub what: String,
    /// Where it comes from.
    pub source: Text,
}

/// The role to hire for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// How the role is introduced for the recommendation: "Hire for", "Ask the agency
    /// for"; "Role to look for" on a tie or when no option fits.
    pub heading: Text,
    /// The role's title.
    pub title: Text,
    /// Why this role, in a line.
    pub reason: String,
    /// What the role does.
    pub summary: Text,
}

/// A skill to screen for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skill {
    /// The skill.
    pub name: Text,
    /// Why it matters for these answers.
    pub why: String,
    /// The particular skills to look for.
    pub items: Vec<Text>,
}

/// A single answer change that would change the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// Question id.
    pub question: Text,
    /// The changed answer, as an answers file holds it.
    pub answer: serde_json::Value,
    /// The new recommendation's id; `None` when the change gives a tie or rules out every option.
    pub recommendation: Option<Text>,
    /// The new margin.
    pub margin: i64,
    /// How big a change it is: 1 is one step along the question's scale.
    pub size: u32,
    /// The change in words.
    pub sentence: String,
}

impl Report {
    /// Gather the report for `verdict`, reached from the answers in force `effective`.
    pub fn build(pack: &Pack, effective: &[Option<Answer>], verdict: &Verdict) -> Report {
        let mut answers = Answers::new(pack.questions().len());
        for (q, a) in effective.iter().enumerate() {
            if let Some(a) = a {
                answers.set(q, a.clone());
            }
        }
        Report::build_from(pack, &answers, verdict)
    }

    /// Gather the report for `verdict`, reached from the answers given. The insight is
    /// exact also when a change would bring back a question that was answered and then
    /// hidden (its earlier answer returns with it).
    pub fn build_from(pack: &Pack, given: &Answers, verdict: &Verdict) -> Report {
        let effective = given.effective(pack);
        let effective = effective.as_slice();
        let cand = |c: usize| &pack.candidates()[c];
        let standings = verdict
            .ranking
            .iter()
            .map(|&c| Standing {
                id: cand(c).id.clone(),
                name: cand(c).name.clone(),
                description: cand(c).description.clone(),
                score: verdict.scores[c],
                vetoed: verdict.vetoed[c],
            })
            .collect();
        let reasons = verdict
            .reasons()
            .into_iter()
            .map(|r| {
                let rule = &pack.rules()[r.rule];
                ReasonLine {
                    rule: rule.id.clone(),
                    candidate: cand(r.candidate).id.clone(),
                    candidate_name: cand(r.candidate).name.clone(),
                    points: r.points,
                    veto: r.veto,
                    reason: rule.reason.clone(),
                    source: rule.source.clone(),
                    decisive: false,
                }
            })
            .collect();
        let answers = pack
            .questions()
            .iter()
            .zip(effective)
            .filter_map(|(q, a)| {
                a.as_ref().map(|a| AnswerLine {
                    question: q.id.clone(),
                    prompt: q.prompt.clone(),
                    text: q.describe(a),
                    value: q.to_json(a),
                })
            })
            .collect();
        let ins = crate::insight::analyse(pack, given);
        let state = State::of(verdict, &ins);
        // The advice weighs the leaders the close call names against each other.
        let rival = ins.close_call.as_ref().map(|c| c.leaders[1]);
        let mut report = Report {
            pack: PackInfo {
                id: pack.meta().id.clone(),
                version: pack.meta().version.clone(),
                title: pack.meta().title.clone(),
            },
            state,
            recommendation: verdict.recommended().map(|c| cand(c).id.clone()),
            level: verdict
                .level()
                .iter()
                .map(|&c| cand(c).id.clone())
                .collect(),
            standings,
            margin: verdict.margin,
            tie: verdict.tie,
            close: matches!(state, State::CloseCall | State::Tie),
            reasons,
            answers,
            costs: Vec::new(),
            cost_basis: None,
            cost_assumptions: Vec::new(),
            cost_seniority_basis: None,
            cost_over_time: None,
            budget: None,
            role: None,
            skills: Vec::new(),
            next_steps: Vec::new(),
            warnings: Vec::new(),
            what_if: Vec::new(),
            what_if_pairs: Vec::new(),
            what_if_pairs_complete: true,
            close_call: None,
            decisive_rules: Vec::new(),
        };
        let heading = verdict
            .recommended()
            .and_then(|c| cand(c).role_heading.clone())
            .unwrap_or_else(|| "Role to look for".into());
        fill::fill(
            &mut report,
            crate::advice::advise(pack, effective, verdict, rival),
            heading,
        );
        insight::fill(&mut report, pack, given, effective, &ins);
        report
    }

    /// The recommended candidate's standing, when one is recommended.
    pub fn winner(&self) -> Option<&Standing> {
        let id = self.recommendation.as_deref()?;
        self.standings.iter().find(|s| s.id == id)
    }

    /// The first candidate listed (the recommendation, or the first of a level group).
    pub fn first(&self) -> &Standing {
        &self.standings[0]
    }

    /// The second candidate listed, when there is one.
    pub fn runner_up(&self) -> Option<&Standing> {
        self.standings.get(1)
    }

    /// The names of the candidates level at the top, joined: "In-house and Freelance".
    pub fn level_names(&self) -> String {
        let names: Vec<&str> = self
            .level
            .iter()
            .filter_map(|id| self.standings.iter().find(|s| &s.id == id))
            .map(|s| s.name.as_str())
            .collect();
        crate::insight::join_and(&names)
    }

    /// The headline: `Recommendation: <name>`, or on a tie `No clear winner: A and B
    /// are level on N points`, or `No option fits your answers`.
    pub fn headline(&self) -> String {
        match self.state {
            State::Tie => format!(
                "No clear winner: {} are level on {}",
                self.level_names(),
                points(self.first().score)
            ),
            State::NoneFits => "No option fits your answers".to_string(),
            State::Clear | State::CloseCall => match self.winner() {
                Some(w) => format!("Recommendation: {}", w.name),
                None => "No option fits your answers".to_string(),
            },
        }
    }

    /// A candidate's place in a few words, for a scores table: `recommended`, `level`
    /// (on a tie), `ruled out`, or how far behind the first it is (`9 points behind`).
    pub fn standing_note(&self, standing: &Standing) -> String {
        if standing.vetoed {
            "ruled out".to_string()
        } else if self.recommendation.as_deref() == Some(standing.id.as_str()) {
            "recommended".to_string()
        } else if self.state == State::Tie && self.level.contains(&standing.id) {
            "level at the top".to_string()
        } else {
            format!("{} behind", points(self.first().score - standing.score))
        }
    }

    /// The result in a few words, for columns and lists: the recommended name, `Tie:
    /// A and B`, or `None fits`.
    pub fn pick_words(&self) -> String {
        match (self.state, self.winner()) {
            (State::Tie, _) => format!("Tie: {}", self.level_names()),
            (_, Some(w)) => w.name.to_string(),
            _ => "None fits".to_string(),
        }
    }

    /// The one-step change that would alter the result, when there is one: the most
    /// critical answer.
    pub fn critical_change(&self) -> Option<&WhatIf> {
        self.what_if.iter().find(|w| w.size == 1)
    }

    /// How the result stands, in a sentence or two: a clear margin only when no single
    /// answer moved one step changes it; otherwise the answer that would.
    pub fn margin_words(&self) -> String {
        let first = self.first();
        match self.state {
            State::NoneFits => {
                "Every option is ruled out by your answers; what would change it lists the answers that bring one back.".to_string()
            }
            State::Tie if self.level.len() == 2 => {
                "Neither is recommended over the other: the questions below decide between them."
                    .to_string()
            }
            State::Tie => {
                "None of them is recommended over the others: the questions below decide between them."
                    .to_string()
            }
            State::Clear | State::CloseCall => {
                let w = &first.name;
                let Some(second) = self.runner_up() else {
                    return format!("{w} is the only option.");
                };
                let lead = if second.vetoed {
                    let out: Vec<&str> = self
                        .standings
                        .iter()
                        .filter(|s| s.vetoed)
                        .map(|s| s.name.as_str())
                        .collect();
                    let verb = if out.len() == 1 { "is" } else { "are" };
                    format!(
                        "{w} is the only option left: {} {verb} ruled out by your answers",
                        crate::insight::join_and(&out)
                    )
                } else {
                    format!("{w} leads {} by {}", second.name, points(self.margin))
                };
                match (self.state, self.critical_change()) {
                    (State::Clear, _) if second.vetoed => {
                        format!("{lead}, and no single answer moved one step changes that.")
                    }
                    (State::Clear, _) => format!(
                        "{lead}, a clear margin: no single answer moved one step changes it."
                    ),
                    (_, Some(c)) => format!("{lead}; one answer can change that. {}", c.sentence),
                    (_, None) => format!(
                        "{lead}: too close to call on points, though no single answer moved one step changes it."
                    ),
                }
            }
        }
    }

    /// Reasons that speak for (`positive`) or against a candidate, most decisive first.
    pub fn reasons_for(&self, candidate: &str, positive: bool) -> Vec<&ReasonLine> {
        self.reasons
            .iter()
            .filter(|r| r.candidate == candidate && (r.points > 0) == positive && !r.veto)
            .collect()
    }

    /// For each candidate with anything to say, best first: what ruled it out, then up
    /// to `limit` reasons for it followed by up to `limit` against it.
    pub fn explained(&self, limit: usize) -> Vec<Explained<'_>> {
        self.standings
            .iter()
            .filter_map(|standing| {
                let vetoes = self.vetoes_for(&standing.id);
                let pro = self.reasons_for(&standing.id, true);
                let con = self.reasons_for(&standing.id, false);
                let rest: Vec<&ReasonLine> = pro
                    .iter()
                    .skip(limit)
                    .chain(con.iter().skip(limit))
                    .copied()
                    .collect();
                let lines: Vec<&ReasonLine> = pro
                    .into_iter()
                    .take(limit)
                    .chain(con.into_iter().take(limit))
                    .collect();
                (!vetoes.is_empty() || !lines.is_empty()).then_some(Explained {
                    standing,
                    vetoes,
                    lines,
                    more: rest.len(),
                    more_points: rest.iter().map(|r| r.points).sum(),
                })
            })
            .collect()
    }

    /// Reasons that ruled a candidate out.
    pub fn vetoes_for(&self, candidate: &str) -> Vec<&ReasonLine> {
        self.reasons
            .iter()
            .filter(|r| r.candidate == candidate && r.veto)
            .collect()
    }
}

/// "1 point", "7 points" (shared with the analyses' sentences).
pub use crate::score::points;

/// Whole currency units with thousands separators (shared with the cost arithmetic).
pub use crate::advice::money;

/// The cost-over-time table: a heading row (month, then each option), then one row per
/// month shown, each cell the cumulative low–high cost after that many months of work.
pub fn over_time_table(t: &crate::advice::OverTime) -> Vec<Vec<String>> {
    let mut rows = vec![
        std::iter::once("Months of work".to_string())
            .chain(t.series.iter().map(|s| s.name.to_string()))
            .collect::<Vec<_>>(),
    ];
    for m in t.table_months() {
        let i = (m - 1) as usize;
        let mut row = vec![m.to_string()];
        for s in &t.series {
            let (lo, hi) = s.months.get(i).copied().unwrap_or_default();
            row.push(format!(
                "{} – {}",
                money(lo, &t.currency),
                money(hi, &t.currency)
            ));
        }
        rows.push(row);
    }
    rows
}

/// A signed point count for reason lists: `+5`, `-4`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0, "USD"), "$0");
        assert_eq!(money(999, "USD"), "$999");
        assert_eq!(money(1000, "USD"), "$1,000");
        assert_eq!(money(1234567, "USD"), "$1,234,567");
        assert_eq!(money(-72000, "USD"), "-$72,000");
        assert_eq!(money(5000, "GBP"), "5,000 GBP");
    }
}
