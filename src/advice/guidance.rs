//! The role to hire for, the skills to screen for and the next steps, chosen from the
//! pack's advice content by the answers in force and the verdict.

use crate::pack::{Answer, Condition, Pack};
use crate::score::Verdict;

/// The role to hire for and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleAdvice {
    /// The role's machine name.
    pub id: String,
    /// Its title, e.g. "Backend engineer".
    pub name: String,
    /// What the role does.
    pub summary: String,
    /// Every reason of the role that holds with these answers, in the pack's order.
    pub reasons: Vec<String>,
    /// Where the distinction comes from.
    pub source: Option<String>,
}

/// A group of skills to screen for.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillAdvice {
    /// Machine name.
    pub id: String,
    /// Name of the group.
    pub name: String,
    /// The skills themselves.
    pub items: Vec<String>,
    /// Why it matters for these answers.
    pub why: Option<String>,
    /// Where it comes from.
    pub source: Option<String>,
}

/// One next step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepAdvice {
    /// Machine name (`weigh` for the close-call step).
    pub id: String,
    /// What to do.
    pub text: String,
    /// Where it comes from.
    pub source: Option<String>,
}

fn holds(when: &Option<Condition>, effective: &[Option<Answer>]) -> bool {
    when.as_ref().is_none_or(|c| c.eval(effective))
}

/// The first role, in the pack's order, with a reason that holds.
pub fn role(pack: &Pack, effective: &[Option<Answer>]) -> Option<RoleAdvice> {
    pack.advice.roles.iter().find_map(|r| {
        let reasons: Vec<String> = r
            .reasons
            .iter()
            .filter(|b| holds(&b.when, effective))
            .map(|b| b.reason.clone())
            .collect();
        (!reasons.is_empty()).then(|| RoleAdvice {
            id: r.id.clone(),
            name: r.name.clone(),
            summary: r.summary.clone(),
            reasons,
            source: r.source.clone(),
        })
    })
}

/// The skill groups whose condition holds, in the pack's order.
pub fn skills(pack: &Pack, effective: &[Option<Answer>]) -> Vec<SkillAdvice> {
    pack.advice
        .skills
        .iter()
        .filter(|s| holds(&s.when, effective))
        .map(|s| SkillAdvice {
            id: s.id.clone(),
            name: s.name.clone(),
            items: s.items.clone(),
            why: s.why.clone(),
            source: s.source.clone(),
        })
        .collect()
}

/// The steps for the recommended candidate whose condition holds, in the pack's order.
/// On a close call, what to weigh between the first two comes first.
pub fn next_steps(pack: &Pack, effective: &[Option<Answer>], verdict: &Verdict) -> Vec<StepAdvice> {
    let Some(&winner) = verdict.ranking.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if verdict.close
        && let Some(second) = verdict.runner_up()
        && let Some(w) = pack
            .advice
            .weigh
            .iter()
            .find(|w| w.between.contains(&winner) && w.between.contains(&second))
    {
        out.push(StepAdvice {
            id: "weigh".to_string(),
            text: w.text.clone(),
            source: w.source.clone(),
        });
    }
    out.extend(
        pack.advice
            .next_steps
            .iter()
            .filter(|s| s.candidates.is_empty() || s.candidates.contains(&winner))
            .filter(|s| holds(&s.when, effective))
            .map(|s| StepAdvice {
                id: s.id.clone(),
                text: s.text.clone(),
                source: s.source.clone(),
            }),
    );
    out
}
