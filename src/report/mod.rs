//! The recommendation as data ready to show, and its renderings.
//!
//! [`Report::build`] gathers everything a reader needs from the pack, the answers in
//! force and the verdict; [`text`], [`markdown`] and [`json`] render it, and the terminal
//! wizard draws its result screen from the same model, so every output says the same.

mod advice;
pub mod compare;
mod insight;
pub mod json;
pub mod markdown;
pub mod text;

use crate::pack::{Answer, Pack};
use crate::score::Verdict;
use serde::Serialize;

pub use insight::{CHANGES_SHOWN, ChangeLine, CloseCall, Deciding, WhatIfPair, decisive_mark};

/// Everything a recommendation shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Which pack decided.
    pub pack: PackInfo,
    /// The recommended candidate's id.
    pub recommendation: String,
    /// Every candidate, best first.
    pub standings: Vec<Standing>,
    /// Points between the first and the second.
    pub margin: i64,
    /// Whether the first two are level.
    pub tie: bool,
    /// Whether the margin is too small to call.
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
    /// The role to hire for, when the pack advises one.
    pub role: Option<Role>,
    /// Skills to screen for.
    pub skills: Vec<Skill>,
    /// What to do next.
    pub next_steps: Vec<String>,
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
    pub decisive_rules: Vec<String>,
}

/// One candidate's explanation, as the text and Markdown reports list it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained<'a> {
    /// The candidate.
    pub standing: &'a Standing,
    /// The rules that ruled it out.
    pub vetoes: Vec<&'a ReasonLine>,
    /// The reasons for it, then against it.
    pub lines: Vec<&'a ReasonLine>,
}

/// A pack's identity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackInfo {
    /// Machine name.
    pub id: String,
    /// Content version.
    pub version: String,
    /// Title.
    pub title: String,
}

/// One candidate's place in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// Candidate id.
    pub id: String,
    /// Candidate name.
    pub name: String,
    /// What the candidate is, in a line.
    pub description: String,
    /// Raw point total.
    pub score: i64,
    /// Whether a rule ruled it out.
    pub vetoed: bool,
}

/// One rule's effect on one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonLine {
    /// Rule id.
    pub rule: String,
    /// Candidate id.
    pub candidate: String,
    /// Candidate name.
    pub candidate_name: String,
    /// Points given (negative: taken away).
    pub points: i64,
    /// Whether the rule ruled the candidate out.
    pub veto: bool,
    /// The rule's reason, in words.
    pub reason: String,
    /// Where the reasoning comes from.
    pub source: Option<String>,
    /// Whether the recommendation would change without this rule.
    pub decisive: bool,
}

/// One answer in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerLine {
    /// Question id.
    pub question: String,
    /// The question as asked.
    pub prompt: String,
    /// The answer as a person reads it.
    pub text: String,
    /// The answer as an answers file holds it.
    pub value: serde_json::Value,
}

/// An estimated cost range for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    /// Candidate id.
    pub candidate: String,
    /// Candidate name.
    pub name: String,
    /// Low end of the range, in whole currency units.
    pub low: i64,
    /// High end of the range.
    pub high: i64,
    /// Currency code, e.g. `USD`.
    pub currency: String,
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
    pub source: String,
}

/// The role to hire for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// The role's title.
    pub title: String,
    /// Why this role, in a line.
    pub reason: String,
    /// What the role does.
    pub summary: String,
}

/// A skill to screen for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skill {
    /// The skill.
    pub name: String,
    /// Why it matters for these answers.
    pub why: String,
    /// The particular skills to look for.
    pub items: Vec<String>,
}

/// A single answer change that would change the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// Question id.
    pub question: String,
    /// The changed answer, as an answers file holds it.
    pub answer: serde_json::Value,
    /// The new recommendation's id.
    pub recommendation: String,
    /// The new margin.
    pub margin: i64,
    /// The change in words.
    pub sentence: String,
}

impl Report {
    /// Gather the report for `verdict`, reached from the answers in force `effective`.
    pub fn build(pack: &Pack, effective: &[Option<Answer>], verdict: &Verdict) -> Report {
        let cand = |c: usize| &pack.candidates[c];
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
                let rule = &pack.rules[r.rule];
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
            .questions
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
        let mut report = Report {
            pack: PackInfo {
                id: pack.meta.id.clone(),
                version: pack.meta.version.clone(),
                title: pack.meta.title.clone(),
            },
            recommendation: cand(verdict.winner()).id.clone(),
            standings,
            margin: verdict.margin,
            tie: verdict.tie,
            close: verdict.close,
            reasons,
            answers,
            costs: Vec::new(),
            cost_basis: None,
            cost_assumptions: Vec::new(),
            role: None,
            skills: Vec::new(),
            next_steps: Vec::new(),
            what_if: Vec::new(),
            what_if_pairs: Vec::new(),
            what_if_pairs_complete: true,
            close_call: None,
            decisive_rules: Vec::new(),
        };
        advice::fill(
            &mut report,
            &crate::advice::advise(pack, effective, verdict),
        );
        report.fill_insight_from_effective(pack, effective);
        report
    }

    /// The recommended candidate's standing.
    pub fn winner(&self) -> &Standing {
        &self.standings[0]
    }

    /// The runner-up's standing, when there is one.
    pub fn runner_up(&self) -> Option<&Standing> {
        self.standings.get(1)
    }

    /// The headline: `Recommendation: <name>`.
    pub fn headline(&self) -> String {
        format!("Recommendation: {}", self.winner().name)
    }

    /// How clear the lead is, as a sentence: "In-house leads Outsource by 7 points, a
    /// clear margin.", or the too-close-to-call wording on a tie or near-tie.
    pub fn margin_words(&self) -> String {
        let w = &self.winner().name;
        let Some(second) = self.runner_up() else {
            return format!("{w} is the only option.");
        };
        if second.vetoed && !self.winner().vetoed {
            return format!("{w} leads; {} is ruled out by your answers.", second.name);
        }
        if self.tie {
            format!(
                "Too close to call: {w} and {} are level on {}.",
                second.name,
                points(self.winner().score)
            )
        } else if self.close {
            format!(
                "Too close to call: {w} leads {} by only {}.",
                second.name,
                points(self.margin)
            )
        } else {
            format!(
                "{w} leads {} by {}, a clear margin.",
                second.name,
                points(self.margin)
            )
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
                let lines: Vec<&ReasonLine> = pro
                    .into_iter()
                    .take(limit)
                    .chain(con.into_iter().take(limit))
                    .collect();
                (!vetoes.is_empty() || !lines.is_empty()).then_some(Explained {
                    standing,
                    vetoes,
                    lines,
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

/// "1 point", "7 points".
pub fn points(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} point")
    } else {
        format!("{n} points")
    }
}

/// Whole currency units with thousands separators (shared with the cost arithmetic).
pub use crate::advice::money;

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
