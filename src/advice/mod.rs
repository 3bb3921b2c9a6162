//! Advice beyond the winner: what each option would cost, the role to hire for, the
//! skills to screen for and the next steps.
//!
//! Pure functions of (pack, answers in force, verdict) that return plain data. Every word
//! and figure comes from the pack's advice content; nothing here knows the default pack,
//! so a pack without advice content gets empty advice, not an error.

mod budget;
mod costs;
mod guidance;
mod over_time;

pub use budget::{BudgetCheck, BudgetFit, check as budget_check};
pub use costs::{CostEstimate, Costs, SeniorityNote, estimate, money};
pub use guidance::{RoleAdvice, SkillAdvice, StepAdvice, next_steps, role, skills, warnings};
pub use over_time::{Against, BreakEven, OverTime, Rates, Series, over_time};

use crate::pack::{Answer, Pack};
use crate::score::Verdict;

/// Everything the advice adds to a verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// Cost estimates, when the pack has a cost model.
    pub costs: Option<Costs>,
    /// The budget figure given, and which options fit within it.
    pub budget: Option<BudgetCheck>,
    /// The role to hire for, when the pack has roles and one applies.
    pub role: Option<RoleAdvice>,
    /// Skills to screen for, in the pack's order.
    pub skills: Vec<SkillAdvice>,
    /// Next steps for the recommended option; on a close call, what to weigh first.
    pub next_steps: Vec<StepAdvice>,
    /// Where the answers pull against each other.
    pub warnings: Vec<StepAdvice>,
}

/// Gather all advice for `verdict`, reached from the answers in force `effective`. On a
/// close call, `rival` is the other leader the recommendation is weighed against (see
/// [`next_steps`]).
pub fn advise(
    pack: &Pack,
    effective: &[Option<Answer>],
    verdict: &Verdict,
    rival: Option<usize>,
) -> Advice {
    let costs = estimate(pack, effective, verdict);
    // Read from the answers in force: a budget question not asked gives no figure.
    let budget = pack
        .advice()
        .costs
        .as_ref()
        .and_then(|m| m.budget.as_ref())
        .and_then(|b| b.figure(effective))
        .zip(costs.as_ref())
        .map(|(f, c)| budget::check(f, c.months, &c.currency, &c.estimates));
    Advice {
        costs,
        budget,
        role: role(pack, effective),
        skills: skills(pack, effective),
        next_steps: next_steps(pack, effective, verdict, rival),
        warnings: warnings(pack, effective, verdict),
    }
}
