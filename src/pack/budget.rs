//! A budget figure and whether an estimate fits within it: the one arithmetic that
//! `within_budget`/`over_budget` tests and the cost block's budget lines share, so a rule
//! and the report never disagree about an option.
//!
//! An option fits when the middle of its estimate, as printed (the low and high team
//! totals in whole currency units), is within the budget over the months costed: the
//! amount itself for a total, the amount × the months for a month's budget. A test may
//! compare the low end instead: whether the option is within reach at all, at the
//! cheapest rates of its band.

use super::Answer;

/// Where a budget figure comes from in the answers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BudgetModel {
    /// The number question giving the amount.
    pub amount: usize,
    /// The single choice question saying what the amount covers.
    pub basis: usize,
    /// The option of `basis` meaning a month's budget.
    pub per_month: usize,
    /// The option of `basis` meaning a budget for all the months costed.
    pub total: usize,
}

/// What a budget amount covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetBasis {
    /// A month of work.
    PerMonth,
    /// Every month costed.
    Total,
}

/// A budget the user gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The amount, in whole currency units.
    pub amount: i64,
    /// What it covers.
    pub basis: BudgetBasis,
}

impl BudgetModel {
    /// The figure in these answers in force, or `None` when none is given: the basis
    /// names neither `per_month` nor `total`, or the amount is not asked.
    pub fn figure(&self, answers: &[Option<Answer>]) -> Option<Figure> {
        let basis = match answers.get(self.basis)?.as_ref()? {
            Answer::Choice(i) if *i == self.per_month => BudgetBasis::PerMonth,
            Answer::Choice(i) if *i == self.total => BudgetBasis::Total,
            _ => return None,
        };
        match answers.get(self.amount)?.as_ref()? {
            Answer::Number(n) => Some(Figure { amount: *n, basis }),
            _ => None,
        }
    }
}

impl Figure {
    /// The budget over `months` costed.
    pub fn over(&self, months: f64) -> f64 {
        match self.basis {
            BudgetBasis::PerMonth => self.amount as f64 * months,
            BudgetBasis::Total => self.amount as f64,
        }
    }

    /// The smallest amount of this basis that an estimate whose compared point (its low
    /// end or its middle) is `mid` fits within, over `months` (not rounded to the
    /// question's grid).
    pub fn amount_to_fit(basis: BudgetBasis, mid: f64, months: f64) -> f64 {
        match basis {
            BudgetBasis::PerMonth if months > 0.0 => mid / months,
            _ => mid,
        }
    }
}

/// The point of an estimate a budget test compares with the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BudgetPoint {
    /// The low end: what the option costs at the cheapest rates of its band.
    Low,
    /// The middle, which the cost block's "within it" and "over it" go by.
    Middle,
}

impl BudgetPoint {
    /// Both points, in the order a budget reaches them as it grows.
    pub const ALL: [BudgetPoint; 2] = [BudgetPoint::Low, BudgetPoint::Middle];

    /// This point of an estimate printed as `low – high`.
    pub fn of(self, low: i64, high: i64) -> f64 {
        match self {
            BudgetPoint::Low => low as f64,
            BudgetPoint::Middle => mid(low, high),
        }
    }
}

/// The middle of an estimate printed as `low – high`.
pub fn mid(low: i64, high: i64) -> f64 {
    (low as f64 + high as f64) / 2.0
}

/// Whether an estimate printed as `low – high` fits within `budget`: its middle is not
/// above it.
pub fn fits(budget: f64, low: i64, high: i64) -> bool {
    fits_at(BudgetPoint::Middle, budget, low, high)
}

/// Whether `point` of an estimate printed as `low – high` is not above `budget`.
pub fn fits_at(point: BudgetPoint, budget: f64, low: i64, high: i64) -> bool {
    point.of(low, high) <= budget
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> BudgetModel {
        BudgetModel {
            amount: 1,
            basis: 0,
            per_month: 1,
            total: 2,
        }
    }

    #[test]
    fn no_figure_unless_the_basis_says_what_the_amount_covers() {
        let m = model();
        let given = |basis: usize, amount: Option<i64>| {
            m.figure(&[Some(Answer::Choice(basis)), amount.map(Answer::Number)])
        };
        assert_eq!(given(0, None), None, "the first option gives no figure");
        assert_eq!(given(1, None), None, "an amount not asked gives none");
        assert_eq!(
            given(1, Some(40_000)),
            Some(Figure {
                amount: 40_000,
                basis: BudgetBasis::PerMonth
            })
        );
        assert_eq!(
            given(2, Some(40_000)).map(|f| f.basis),
            Some(BudgetBasis::Total)
        );
    }

    #[test]
    fn a_month_budget_counts_for_every_month_costed_and_the_middle_decides() {
        // $40,000 a month over 6 months is $240,000. $161,800 – $279,800 has its middle
        // at $220,800: it fits, with $19,200 to spare. $153,600 – $307,200 has its middle
        // at $230,400: it fits too. $200,000 – $300,000 (middle $250,000) does not.
        let month = Figure {
            amount: 40_000,
            basis: BudgetBasis::PerMonth,
        };
        assert_eq!(month.over(6.0), 240_000.0);
        assert!(fits(month.over(6.0), 161_800, 279_800));
        assert!(fits(month.over(6.0), 153_600, 307_200));
        assert!(!fits(month.over(6.0), 200_000, 300_000));
        // Exactly at the budget fits; a dollar over does not.
        assert!(fits(250_000.0, 200_000, 300_000));
        assert!(!fits(249_999.0, 200_000, 300_000));
        // A total is the amount itself, whatever the months.
        let total = Figure {
            amount: 240_000,
            basis: BudgetBasis::Total,
        };
        assert_eq!(total.over(36.0), 240_000.0);
        // $220,800 over 6 months needs $36,800 a month.
        assert_eq!(
            Figure::amount_to_fit(BudgetBasis::PerMonth, 220_800.0, 6.0),
            36_800.0
        );
        assert_eq!(
            Figure::amount_to_fit(BudgetBasis::Total, 220_800.0, 6.0),
            220_800.0
        );
        assert_eq!(mid(161_800, 279_801), 220_800.5);
        // The low end fits a budget the middle is over: $200,000 – $300,000 in $210,000.
        assert!(fits_at(BudgetPoint::Low, 210_000.0, 200_000, 300_000));
        assert!(!fits_at(BudgetPoint::Middle, 210_000.0, 200_000, 300_000));
        assert!(fits_at(BudgetPoint::Low, 200_000.0, 200_000, 300_000));
        assert!(!fits_at(BudgetPoint::Low, 199_999.0, 200_000, 300_000));
    }
}
