//! The cost arithmetic per person, shared by the cost estimates and by rules that test
//! which option the estimate shows cheapest (`cheapest:`), so the two always agree.
//!
//! A total is the team size times a per-person figure, so the order of the options does
//! not depend on the team size: it is worked out per person, once at load, for every
//! combination of the answers the arithmetic reads (length, region, seniority).

use super::budget::{BudgetModel, BudgetPoint, Figure, fits_at};
use super::{Answer, CostModel, CostRule, Kind, Question, RateUnit, Rates};

/// Per person, low and high: the running cost over `months` (seniority and loading
/// applied) plus any one-off cost. `None` when the tables lack the figure.
pub fn per_person(
    model: &CostModel,
    rates: &Rates,
    m: &CostRule,
    months: f64,
    region_option: usize,
    seniority_option: Option<usize>,
) -> Option<(f64, f64)> {
    let table = rates.tables.get(model.region.table)?;
    let row = table.rows.get(*model.region.rows.get(region_option)?)?;
    let col = table.columns.get(m.column)?;
    let rate = row.values.get(m.column)?;
    let per_month = match col.unit {
        RateUnit::PerYear => 1.0 / 12.0,
        RateUnit::PerHour => model.hours_per_month.value,
        RateUnit::PerMonth => 1.0,
    };
    let (s_lo, s_hi) = seniority_factors(model, rates, m, seniority_option).unwrap_or((1.0, 1.0));
    let (l_lo, l_hi) = m.loading.as_ref().map_or((1.0, 1.0), |f| (f.low, f.high));
    let (h_lo, h_hi) = m.per_head.as_ref().map_or((0.0, 0.0), |f| (f.low, f.high));
    Some((
        rate.low * per_month * months * s_lo * l_lo + h_lo,
        rate.high * per_month * months * s_hi * l_hi + h_hi,
    ))
}

/// How seniority scales one candidate's rate, low and high end, when the chosen level is
/// not the one the base rates stand for.
pub fn seniority_factors(
    model: &CostModel,
    rates: &Rates,
    m: &CostRule,
    option: Option<usize>,
) -> Option<(f64, f64)> {
    let s = model.seniority.as_ref()?;
    let column = *s.columns.get(option?)?;
    if column == s.reference {
        return None;
    }
    let row = rates.tables.get(s.table)?.rows.get(m.seniority_row?)?;
    let (chosen, reference) = (row.values.get(column)?, row.values.get(s.reference)?);
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
    Some((
        ratio(chosen.low, reference.low),
        ratio(chosen.high, reference.high),
    ))
}

/// Which option the cost estimate shows cheapest, for each combination of the answers it
/// reads. The default, empty order is what an encoded test holds until
/// [`Pack::index`](super::Pack) links it to its pack's one order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CostOrder {
    /// The single choice questions read: (question, option count, default option).
    inputs: Vec<(usize, usize, usize)>,
    /// By combination (mixed radix over `inputs`, first most significant): the one
    /// candidate whose mid-point per person is strictly lowest, and the one whose is
    /// strictly highest, where one is.
    ends: Vec<[Option<usize>; 2]>,
    /// By combination: each priced candidate's total per person, low and high.
    per_person: Vec<Vec<(usize, f64, f64)>>,
    /// Months costed, by option of the duration question.
    months: Vec<f64>,
    /// The team size question and its default, when the model reads one.
    team: Option<(usize, i64)>,
    /// Where a budget figure comes from, when the pack asks for one.
    budget: Option<BudgetModel>,
}

/// Which end of the cost order a test looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CostEnd {
    /// Strictly the lowest estimate.
    Cheapest,
    /// Strictly the highest estimate.
    Dearest,
}

impl CostOrder {
    /// Work the order out for every combination, or say why it cannot be.
    pub fn build(
        model: &CostModel,
        rates: &Rates,
        questions: &[Question],
    ) -> Result<CostOrder, String> {
        let single = |q: usize| match (&questions[q].kind, &questions[q].default) {
            (Kind::Single { options }, Answer::Choice(d)) => Some((q, options.len(), *d)),
            _ => None,
        };
        let mut inputs = Vec::new();
        inputs.push(
            single(model.duration.question)
                .ok_or("needs the cost model's `duration` to be a single choice question")?,
        );
        inputs.push(
            single(model.region.question)
                .ok_or("needs the cost model's `region` to be a single choice question")?,
        );
        if let Some(s) = &model.seniority {
            inputs.push(
                single(s.question)
                    .ok_or("needs the cost model's `seniority` to be a single choice question")?,
            );
        }
        let combos: usize = inputs.iter().map(|i| i.1.max(1)).product();
        let mut ends = Vec::with_capacity(combos);
        let mut per_persons = Vec::with_capacity(combos);
        for k in 0..combos {
            let mut rest = k;
            let mut pick = vec![0usize; inputs.len()];
            for (slot, input) in inputs.iter().enumerate().rev() {
                pick[slot] = rest % input.1.max(1);
                rest /= input.1.max(1);
            }
            let months = model.duration.months.get(pick[0]).map_or(0.0, |a| a.value);
            let seniority = model.seniority.as_ref().map(|_| pick[2]);
            let totals: Vec<(usize, f64, f64)> = model
                .models
                .iter()
                .filter_map(|m| {
                    per_person(model, rates, m, months, pick[1], seniority)
                        .map(|(lo, hi)| (m.candidate, lo, hi))
                })
                .collect();
            let mids: Vec<(usize, f64)> = totals.iter().map(|t| (t.0, t.1 + t.2)).collect();
            per_persons.push(totals);
            let only = |at: f64| -> Option<usize> {
                let mut it = mids.iter().filter(|x| x.1 == at).map(|x| x.0);
                match (it.next(), it.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            };
            let low = mids.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
            let high = mids.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
            ends.push([only(low), only(high)]);
        }
        let team = model.team.and_then(|q| match &questions[q].default {
            Answer::Number(n) => Some((q, *n)),
            _ => None,
        });
        Ok(CostOrder {
            inputs,
            ends,
            per_person: per_persons,
            months: model.duration.months.iter().map(|m| m.value).collect(),
            team,
            budget: model.budget.clone(),
        })
    }

    /// The questions the order reads.
    pub fn questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.inputs.iter().map(|i| i.0)
    }

    /// The one cheapest (or dearest) candidate for these answers in force, if one is (a
    /// question not asked counts with its default, as the estimate counts it).
    pub fn at(&self, end: CostEnd, answers: &[Option<Answer>]) -> Option<usize> {
        self.ends
            .get(self.combination(answers))
            .and_then(|e| e[end as usize])
    }

    /// The combination of the answers read, as an index into `ends` and `per_person`.
    fn combination(&self, answers: &[Option<Answer>]) -> usize {
        let mut k = 0usize;
        for &(q, n, default) in &self.inputs {
            let i = match answers.get(q).and_then(Option::as_ref) {
                Some(Answer::Choice(i)) if *i < n => *i,
                _ => default,
            };
            k = k * n.max(1) + i;
        }
        k
    }

    /// The questions a budget test reads beyond those of the order: the team size, the
    /// budget's basis and its amount.
    pub fn budget_questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.team
            .map(|t| t.0)
            .into_iter()
            .chain(self.budget.iter().flat_map(|b| [b.basis, b.amount]))
    }

    /// Where the budget figure comes from, when the pack asks for one.
    pub fn budget(&self) -> Option<&BudgetModel> {
        self.budget.as_ref()
    }

    /// The months costed for these answers.
    pub fn months(&self, answers: &[Option<Answer>]) -> f64 {
        let Some(&(q, n, default)) = self.inputs.first() else {
            return 0.0;
        };
        let i = match answers.get(q).and_then(Option::as_ref) {
            Some(Answer::Choice(i)) if *i < n => *i,
            _ => default,
        };
        self.months.get(i).copied().unwrap_or(0.0)
    }

    /// Each priced candidate's estimate for the team, low and high in whole units, as the
    /// cost block prints it.
    pub fn estimates(&self, answers: &[Option<Answer>]) -> Vec<(usize, i64, i64)> {
        let team = self.team_size(answers);
        self.per_person
            .get(self.combination(answers))
            .map_or_else(Vec::new, |v| {
                v.iter()
                    .map(|&(c, lo, hi)| (c, whole(lo * team), whole(hi * team)))
                    .collect()
            })
    }

    /// One candidate's estimate for the team, as [`CostOrder::estimates`] gives it,
    /// without building the others: budget tests run once per profile a proof walks.
    fn estimate(&self, candidate: usize, answers: &[Option<Answer>]) -> Option<(i64, i64)> {
        let &(_, lo, hi) = self
            .per_person
            .get(self.combination(answers))?
            .iter()
            .find(|e| e.0 == candidate)?;
        let team = self.team_size(answers);
        Some((whole(lo * team), whole(hi * team)))
    }

    /// The team size the estimates multiply by: the answer, or the question's default
    /// when it is not asked; 1 when the model reads none.
    fn team_size(&self, answers: &[Option<Answer>]) -> f64 {
        self.team.map_or(1, |(q, default)| {
            match answers.get(q).and_then(Option::as_ref) {
                Some(Answer::Number(n)) => (*n).max(0),
                _ => default.max(0),
            }
        }) as f64
    }

    /// Whether `candidate`'s estimate fits within the budget given, by its middle; `None`
    /// when no figure is given or the candidate is not priced.
    pub fn fits(&self, candidate: usize, answers: &[Option<Answer>]) -> Option<bool> {
        self.fits_at(candidate, BudgetPoint::Middle, answers)
    }

    /// Whether `point` of `candidate`'s estimate is within the budget given; `None` when
    /// no figure is given or the candidate is not priced.
    pub fn fits_at(
        &self,
        candidate: usize,
        point: BudgetPoint,
        answers: &[Option<Answer>],
    ) -> Option<bool> {
        let figure = self.budget.as_ref()?.figure(answers)?;
        let (low, high) = self.estimate(candidate, answers)?;
        Some(fits_at(point, figure.over(self.months(answers)), low, high))
    }

    /// For the budget basis given, the amounts from which each priced candidate fits, by
    /// its low end and by its middle, in these answers' combination (not rounded to the
    /// amount question's grid): what a proof needs to try every budget that changes what
    /// a budget test says. Each amount comes with its candidate and the point of the
    /// estimate. Empty without a basis that gives a figure.
    pub fn amounts_to_fit(&self, answers: &[Option<Answer>]) -> Vec<(usize, BudgetPoint, f64)> {
        let Some(b) = &self.budget else {
            return Vec::new();
        };
        let basis = match answers.get(b.basis).and_then(Option::as_ref) {
            Some(Answer::Choice(i)) if *i == b.per_month => super::BudgetBasis::PerMonth,
            Some(Answer::Choice(i)) if *i == b.total => super::BudgetBasis::Total,
            _ => return Vec::new(),
        };
        let months = self.months(answers);
        self.estimates(answers)
            .into_iter()
            .flat_map(|(c, low, high)| {
                BudgetPoint::ALL
                    .map(|p| (c, p, Figure::amount_to_fit(basis, p.of(low, high), months)))
            })
            .collect()
    }
}

/// A figure in whole currency units, as printed; 0 for one that is not finite.
fn whole(x: f64) -> i64 {
    if x.is_finite() { x.round() as i64 } else { 0 }
}
