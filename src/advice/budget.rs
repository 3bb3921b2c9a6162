//! The budget figure against the estimates: which options fit within it and by how much,
//! with the arithmetic in the figures printed, so that a reader can redo it.
//!
//! An option fits when the middle of its printed range, (low + high) ÷ 2, is within the
//! budget over the months costed; the margin is the budget minus that middle. The rules'
//! `within_budget`/`over_budget` tests decide by the same arithmetic
//! ([`crate::pack::fits`]), so the report and the rules agree.

use super::costs::{CostEstimate, amount, money, num};
use crate::pack::{BudgetBasis, Figure, Text, fits, mid};

/// The budget given and how each priced option stands against it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BudgetCheck {
    /// The amount given, in whole currency units.
    pub amount: i64,
    /// What it covers: `per_month` or `total`.
    pub basis: BudgetBasis,
    /// Months costed.
    pub months: f64,
    /// The budget over the months costed: the amount, or the amount × the months.
    pub budget: f64,
    /// Currency code.
    pub currency: Text,
    /// Each priced option, in the estimate's order.
    pub options: Vec<BudgetFit>,
}

/// One option against the budget.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BudgetFit {
    /// Candidate id.
    pub candidate: Text,
    /// Candidate name.
    #[serde(skip)]
    pub name: Text,
    /// The middle of its range, (low + high) ÷ 2.
    pub mid: f64,
    /// Whether that middle is within the budget.
    pub fits: bool,
    /// The budget minus that middle: what is left, or (negative) how far over.
    pub margin: f64,
    /// The budget minus the low end and minus the high end of the range.
    pub margin_low: i64,
    /// See `margin_low`.
    pub margin_high: i64,
}

/// The estimates against `figure`, over `months` costed.
pub fn check(
    figure: Figure,
    months: f64,
    currency: &Text,
    estimates: &[CostEstimate],
) -> BudgetCheck {
    let budget = figure.over(months);
    let whole = |x: f64| if x.is_finite() { x.round() as i64 } else { 0 };
    BudgetCheck {
        amount: figure.amount,
        basis: figure.basis,
        months,
        budget,
        currency: currency.clone(),
        options: estimates
            .iter()
            .map(|e| BudgetFit {
                candidate: e.id.clone(),
                name: e.name.clone(),
                mid: mid(e.low, e.high),
                fits: fits(budget, e.low, e.high),
                margin: budget - mid(e.low, e.high),
                margin_low: whole(budget) - e.low,
                margin_high: whole(budget) - e.high,
            })
            .collect(),
    }
}

impl BudgetCheck {
    /// The budget in words: "$40,000 a month, $240,000 over the 6 months costed".
    pub fn heading(&self) -> String {
        let cur = self.currency.as_str();
        match self.basis {
            BudgetBasis::PerMonth => format!(
                "Budget: {} a month, {} × {} = {} over the {} months costed",
                money(self.amount, cur),
                money(self.amount, cur),
                num(self.months),
                amount(self.budget, cur),
                num(self.months)
            ),
            BudgetBasis::Total => format!(
                "Budget: {} for the {} months costed",
                money(self.amount, cur),
                num(self.months)
            ),
        }
    }

    /// Which options fit and which do not, in one line.
    pub fn summary(&self) -> String {
        let names = |fit: bool| -> Vec<&str> {
            self.options
                .iter()
                .filter(|o| o.fits == fit)
                .map(|o| o.name.as_str())
                .collect()
        };
        let (within, over) = (names(true), names(false));
        let list = |v: &[&str]| crate::insight::join_and(v);
        match (within.is_empty(), over.is_empty()) {
            (false, true) => format!("Every option fits within it: {}.", list(&within)),
            (true, false) => format!("No option fits within it: {} are over.", list(&over)),
            _ => format!("Within it: {}. Over it: {}.", list(&within), list(&over)),
        }
    }

    /// One sentence per option with the arithmetic: the middle of its range against
    /// the budget, and where its low and high ends fall.
    pub fn sentences(&self) -> Vec<String> {
        let cur = self.currency.as_str();
        let budget = amount(self.budget, cur);
        self.options
            .iter()
            .map(|o| {
                let middle = amount(o.mid, cur);
                let head = if o.fits {
                    format!(
                        "{} fits, {} to spare at the middle of its range ({budget} − {middle})",
                        o.name,
                        amount(o.margin, cur)
                    )
                } else {
                    format!(
                        "{} is over by {} at the middle of its range ({middle} − {budget})",
                        o.name,
                        amount(-o.margin, cur)
                    )
                };
                let end = |m: i64, which: &str| {
                    if m >= 0 {
                        format!("{} under at the {which} end", money(m, cur))
                    } else {
                        format!("{} over at the {which} end", money(-m, cur))
                    }
                };
                format!(
                    "{head}; {}, {}.",
                    end(o.margin_low, "low"),
                    end(o.margin_high, "high")
                )
            })
            .collect()
    }
}
