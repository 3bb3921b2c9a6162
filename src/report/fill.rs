//! Carrying the advice (costs, role, skills, next steps) into the report.

use super::{CostAssumption, CostLine, Report, Role, Skill};
use crate::advice::Advice;

/// Fill the report's advice fields from `advice`.
pub(super) fn fill(report: &mut Report, advice: &Advice, heading: &str) {
    if let Some(costs) = &advice.costs {
        report.cost_basis = Some(costs.basis.clone());
        report.costs = costs
            .estimates
            .iter()
            .map(|e| CostLine {
                candidate: e.id.clone(),
                name: e.name.clone(),
                low: e.low,
                high: e.high,
                currency: costs.currency.clone(),
                arithmetic: e.arithmetic.clone(),
                basis: e.basis.clone(),
                seniority: e.seniority.as_ref().map(|s| s.text.clone()),
                delay_weeks: e.delay_weeks,
            })
            .collect();
        // Over the months costed, at least one.
        let horizon = costs.months.ceil().clamp(1.0, 600.0) as u32;
        report.cost_over_time = crate::advice::over_time(costs, horizon);
        report.budget = advice.budget.clone();
        report.cost_assumptions = costs
            .assumptions
            .iter()
            .map(|a| CostAssumption {
                what: a.what.clone(),
                source: a.source.clone(),
            })
            .collect();
        report.cost_seniority_basis = costs.seniority_basis.as_ref().map(|a| CostAssumption {
            what: a.what.clone(),
            source: a.source.clone(),
        });
    }
    report.role = advice.role.as_ref().map(|r| Role {
        heading: heading.to_string(),
        title: r.name.clone(),
        reason: sentence(&r.reason),
        summary: r.summary.clone(),
    });
    report.skills = advice
        .skills
        .iter()
        .map(|s| Skill {
            name: s.name.clone(),
            why: s.why.as_deref().map(sentence).unwrap_or_default(),
            items: s.items.clone(),
        })
        .collect();
    report.next_steps = advice.next_steps.iter().map(|s| s.text.clone()).collect();
    report.warnings = advice.warnings.iter().map(|s| s.text.clone()).collect();
}

/// A clause as a sentence: first letter capitalised, full stop at the end.
fn sentence(clause: &str) -> String {
    let mut chars = clause.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut s: String = first.to_uppercase().chain(chars).collect();
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}
