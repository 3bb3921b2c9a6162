//! Carrying the advice (costs, role, skills, next steps) into the report.

use super::{CostAssumption, CostLine, Report, Role, Skill};
use crate::advice::Advice;
use crate::pack::Text;

/// Fill the report's advice fields from `advice`, whose texts move into it.
pub(super) fn fill(report: &mut Report, advice: Advice, heading: Text) {
    if let Some(costs) = advice.costs {
        // Over the months costed, at least one.
        let horizon = costs.months.ceil().clamp(1.0, 600.0) as u32;
        report.cost_over_time = crate::advice::over_time(&costs, horizon);
        report.cost_basis = Some(costs.basis);
        let currency = costs.currency;
        report.costs = costs
            .estimates
            .into_iter()
            .map(|e| CostLine {
                candidate: e.id,
                name: e.name,
                low: e.low,
                high: e.high,
                currency: currency.clone(),
                arithmetic: e.arithmetic,
                basis: e.basis,
                seniority: e.seniority.map(|s| s.text),
                delay_weeks: e.delay_weeks,
            })
            .collect();
        report.budget = advice.budget;
        report.cost_assumptions = costs
            .assumptions
            .into_iter()
            .map(|a| CostAssumption {
                what: a.what,
                source: a.source,
            })
            .collect();
        report.cost_seniority_basis = costs.seniority_basis.map(|a| CostAssumption {
            what: a.what,
            source: a.source,
        });
    }
    report.role = advice.role.map(|r| Role {
        heading,
        title: r.name,
        reason: sentence(&r.reason),
        summary: r.summary,
    });
    report.skills = advice
        .skills
        .into_iter()
        .map(|s| Skill {
            name: s.name,
            why: s.why.as_deref().map(sentence).unwrap_or_default(),
            items: s.items,
        })
        .collect();
    report.next_steps = advice.next_steps.into_iter().map(|s| s.text).collect();
    report.warnings = advice.warnings.into_iter().map(|s| s.text).collect();
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
