//! The role to hire for, the skills to screen for and the next steps, chosen from the
//! pack's advice content by the answers in force and the verdict.

use crate::pack::{Answer, Condition, Pack, Text};
use crate::score::{Pick, Verdict};

/// The role to hire for and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleAdvice {
    /// The role's machine name.
    pub id: Text,
    /// Its title, e.g. "Backend engineer".
    pub name: Text,
    /// What the role does.
    pub summary: Text,
    /// The reason that chose it: the first of the role's reasons that holds.
    pub reason: Text,
    /// Where the distinction comes from.
    pub source: Option<Text>,
}

/// A group of skills to screen for.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillAdvice {
    /// Machine name.
    pub id: Text,
    /// Name of the group.
    pub name: Text,
    /// The skills themselves.
    pub items: Vec<Text>,
    /// Why it matters for these answers.
    pub why: Option<Text>,
    /// Where it comes from.
    pub source: Option<Text>,
}

/// One next step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepAdvice {
    /// Machine name (`weigh` for the close-call step).
    pub id: Text,
    /// What to do.
    pub text: Text,
    /// Where it comes from.
    pub source: Option<Text>,
}

fn holds(when: &Option<Condition>, effective: &[Option<Answer>]) -> bool {
    when.as_ref().is_none_or(|c| c.eval(effective))
}

/// The first role, in the pack's order, with a reason that holds, and that reason: the
/// one that decided, so the report gives one reason and never a fallback beside it.
pub fn role(pack: &Pack, effective: &[Option<Answer>]) -> Option<RoleAdvice> {
    pack.advice().roles.iter().find_map(|r| {
        let because = r.reasons.iter().find(|b| holds(&b.when, effective))?;
        Some(RoleAdvice {
            id: r.id.clone(),
            name: r.name.clone(),
            summary: r.summary.clone(),
            reason: because.reason.clone(),
            source: r.source.clone(),
        })
    })
}

/// The skill groups whose condition holds, in the pack's order.
pub fn skills(pack: &Pack, effective: &[Option<Answer>]) -> Vec<SkillAdvice> {
    pack.advice()
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

/// The next steps, in the pack's order, whose condition holds. With a recommendation:
/// the steps for it, and on a close call what to weigh against `rival` first, the other
/// leader the report names (the runner-up of a narrow margin, or the option one answer
/// moved one step would put level or ahead, even one ruled out now). On a tie: what to
/// weigh between each pair of the level candidates, then only the steps written for
/// every one of them (a step for one alone would take sides). When every option is ruled
/// out: only the steps written for any option.
pub fn next_steps(
    pack: &Pack,
    effective: &[Option<Answer>],
    verdict: &Verdict,
    rival: Option<usize>,
) -> Vec<StepAdvice> {
    let (backed, weighed): (Vec<usize>, Vec<[usize; 2]>) = match &verdict.pick {
        Pick::One(w) => (vec![*w], rival.map(|r| [*w, r]).into_iter().collect()),
        Pick::Level(set) => {
            let mut pairs = Vec::new();
            for (i, &a) in set.iter().enumerate() {
                for &b in &set[i + 1..] {
                    pairs.push([a, b]);
                }
            }
            (set.clone(), pairs)
        }
        Pick::NoneFits => (Vec::new(), Vec::new()),
    };
    let mut out = Vec::new();
    for [a, b] in weighed {
        if let Some(w) =
            pack.advice().weigh.iter().find(|w| {
                w.between.contains(&a) && w.between.contains(&b) && holds(&w.when, effective)
            })
        {
            out.push(StepAdvice {
                id: "weigh".into(),
                text: w.text.clone(),
                source: w.source.clone(),
            });
        }
    }
    out.extend(
        pack.advice()
            .next_steps
            .iter()
            .filter(|s| {
                s.candidates.is_empty()
                    || (!backed.is_empty() && backed.iter().all(|c| s.candidates.contains(c)))
            })
            .filter(|s| holds(&s.when, effective))
            .map(|s| StepAdvice {
                id: s.id.clone(),
                text: s.text.clone(),
                source: s.source.clone(),
            }),
    );
    out
}

/// The warnings whose condition holds and, for those written for some candidates, whose
/// candidates include the recommendation or, on a tie, one of the level options, in the
/// pack's order.
pub fn warnings(pack: &Pack, effective: &[Option<Answer>], verdict: &Verdict) -> Vec<StepAdvice> {
    // A warning about one option is said wherever that option is at the top: recommended,
    // or level there on a tie.
    let top: &[usize] = match &verdict.pick {
        Pick::One(c) => std::slice::from_ref(c),
        Pick::Level(set) => set,
        Pick::NoneFits => &[],
    };
    pack.advice()
        .warnings
        .iter()
        .filter(|w| w.candidates.is_empty() || top.iter().any(|c| w.candidates.contains(c)))
        .filter(|w| holds(&w.when, effective))
        .map(|w| StepAdvice {
            id: w.id.clone(),
            text: w.text.clone(),
            source: w.source.clone(),
        })
        .collect()
}
