//! Cost over time: what each option costs as the months of work add up, and the month
//! from which hiring in-house becomes the cheaper way to have the work done.
//!
//! The axis is months of work done, not calendar months: an in-house hire starts after
//! the role is filled (the pack's delay, about six weeks in the default pack), and
//! during that wait nothing is paid and nothing is done, so a calendar axis would show
//! in-house as cheapest exactly while it delivers nothing. The wait is reported as time
//! instead ([`OverTime::start_words`]).
//!
//! Each option's cost after `w` months of work is its one-off cost (recruiting, for
//! in-house) plus `w` times its monthly cost, low ends with low ends. In-house breaks
//! even against another option when its lower monthly cost has made up for its one-off
//! cost: at `one-off ÷ (their monthly − its monthly)` months, rounded up to whole months;
//! never when it does not cost less a month.

use super::costs::{CostEstimate, Costs, money, num, whole};
use crate::pack::Text;

/// Which end of the estimated ranges a figure is worked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rates {
    /// Every option at the low end of its range.
    Low,
    /// Every option at the middle of its range.
    Mid,
    /// Every option at the high end of its range.
    High,
}

impl Rates {
    /// All three, low first.
    pub const ALL: [Rates; 3] = [Rates::Low, Rates::Mid, Rates::High];

    /// "low", "mid", "high".
    pub fn name(self) -> &'static str {
        match self {
            Rates::Low => "low",
            Rates::Mid => "mid",
            Rates::High => "high",
        }
    }

    fn pick(self, low: f64, high: f64) -> f64 {
        match self {
            Rates::Low => low,
            Rates::Mid => (low + high) / 2.0,
            Rates::High => high,
        }
    }
}

/// When in-house becomes the cheaper of two options at one end of the ranges.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BreakEven {
    /// The ends of the ranges compared.
    pub rates: Rates,
    /// In-house's one-off cost for the team, in whole currency units.
    pub one_off: i64,
    /// In-house's monthly cost for the team.
    pub monthly: i64,
    /// The other option's monthly cost for the team.
    pub other_monthly: i64,
    /// The first whole month of work from which in-house costs no more; `None` when it
    /// never does (it costs as much or more each month).
    pub month: Option<u32>,
}

/// In-house against one other option, at low, mid and high rates.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Against {
    /// The other option's id.
    pub candidate: Text,
    /// The other option's name.
    pub name: Text,
    /// Low, mid and high.
    pub break_even: Vec<BreakEven>,
}

/// One option's cumulative cost, month by month of work.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Series {
    /// Candidate id.
    pub candidate: Text,
    /// Candidate name.
    pub name: Text,
    /// Its cost after 1, 2, … `horizon` months of work: (low, high).
    pub months: Vec<(i64, i64)>,
    /// The team's one-off cost, low and high, unrounded: the line's start.
    #[serde(skip)]
    one_off: (f64, f64),
    /// The team's cost for each month of work, low and high, unrounded: its slope.
    #[serde(skip)]
    monthly: (f64, f64),
}

impl Series {
    /// Its cost, low and high and unrounded, after `work` months of work (any fraction
    /// of a month, from 0): what a chart draws between the whole months.
    pub fn at(&self, work: f64) -> (f64, f64) {
        (
            self.one_off.0 + self.monthly.0 * work,
            self.one_off.1 + self.monthly.1 * work,
        )
    }
}

/// Cost over time for the options the pack prices, with in-house's break-even months.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OverTime {
    /// Months of work shown.
    pub horizon: u32,
    /// Currency code.
    pub currency: Text,
    /// Each priced option, in the estimate's order.
    pub series: Vec<Series>,
    /// The in-house option's name, when one has a one-off cost and a start delay to weigh.
    pub in_house: Option<Text>,
    /// In-house against each other option.
    pub against: Vec<Against>,
    /// Weeks before in-house work can start, what they are, and the months costed.
    #[serde(skip)]
    start: Option<(i64, Text, f64)>,
    /// The horizon first asked for (the months costed, in a report), so that words on
    /// another horizon say "shown" where these say "costed".
    #[serde(skip)]
    costed: u32,
}

/// The month-by-month view of `costs` over `horizon` months of work. The option with a
/// one-off cost (recruiting) is the one weighed against the others; `None` when nothing
/// is priced.
pub fn over_time(costs: &Costs, horizon: u32) -> Option<OverTime> {
    if costs.estimates.is_empty() {
        return None;
    }
    let horizon = horizon.max(1);
    let series = costs
        .estimates
        .iter()
        .map(|e| {
            let mut s = Series {
                candidate: e.id.clone(),
                name: e.name.clone(),
                months: Vec::new(),
                one_off: e.one_off,
                monthly: e.monthly,
            };
            s.months = months(&s, horizon);
            s
        })
        .collect();
    let hire = costs
        .estimates
        .iter()
        .find(|e| e.one_off.0 > 0.0 || e.one_off.1 > 0.0 || e.delay_weeks.is_some());
    let against = hire.map_or_else(Vec::new, |h| {
        costs
            .estimates
            .iter()
            .filter(|e| e.id != h.id)
            .map(|o| Against {
                candidate: o.id.clone(),
                name: o.name.clone(),
                break_even: Rates::ALL.iter().map(|&r| break_even(h, o, r)).collect(),
            })
            .collect()
    });
    Some(OverTime {
        horizon,
        currency: costs.currency.clone(),
        series,
        in_house: hire.map(|h| h.name.clone()),
        against,
        start: hire.and_then(|h| {
            let label = h
                .delay_label
                .clone()
                .unwrap_or_else(|| "before work can start".into());
            h.delay_weeks.map(|d| (d, label, costs.months))
        }),
        costed: horizon,
    })
}

/// A series' cumulative cost after 1, 2, … `horizon` whole months, in whole units.
fn months(s: &Series, horizon: u32) -> Vec<(i64, i64)> {
    (1..=horizon)
        .map(|w| {
            let (lo, hi) = s.at(f64::from(w));
            (whole(lo), whole(hi))
        })
        .collect()
}

fn break_even(hire: &CostEstimate, other: &CostEstimate, rates: Rates) -> BreakEven {
    let one_off = whole(rates.pick(hire.one_off.0, hire.one_off.1));
    let monthly = whole(rates.pick(hire.monthly.0, hire.monthly.1));
    let other_monthly = whole(rates.pick(other.monthly.0, other.monthly.1));
    // Worked in the whole units printed, so that the month follows from the figures shown.
    let saved = other_monthly - monthly;
    let month = (saved > 0).then(|| {
        let m = (one_off.max(0) + saved - 1) / saved;
        u32::try_from(m.max(1)).unwrap_or(u32::MAX)
    });
    BreakEven {
        rates,
        one_off,
        monthly,
        other_monthly,
        month,
    }
}

impl OverTime {
    /// The same costs over `horizon` months of work (at least one): the series run to
    /// it, and words on the break-even say whether a month lies beyond it. The
    /// break-even months themselves do not depend on the horizon.
    pub fn with_horizon(&self, horizon: u32) -> OverTime {
        let horizon = horizon.max(1);
        let mut t = self.clone();
        t.horizon = horizon;
        for s in &mut t.series {
            s.months = months(s, horizon);
        }
        t
    }

    /// The horizon first asked for: the months costed, in a report.
    pub fn costed(&self) -> u32 {
        self.costed
    }

    /// What the start delay means for the work costed: "In-house: about 6 weeks to fill
    /// the role (…), so its 3 months of work (13 weeks) end about 6 weeks after the
    /// others'; its costs here are for those months of work, not the wait." Every option
    /// is costed for the same months of work; the hire's only start later.
    pub fn start_words(&self) -> Option<String> {
        let (weeks, label, months) = self.start.as_ref()?;
        let name = self.in_house.as_deref()?;
        let span = (months * 52.0 / 12.0).round() as i64;
        let months = num(*months);
        Some(format!(
            "{name}: about {weeks} weeks {label}, so its {months} months of work ({span} weeks) \
             end about {weeks} weeks after the others'; its costs here are for those months \
             of work, not the wait."
        ))
    }

    /// One sentence per other option on when in-house becomes cheaper, with the figures
    /// that give the month: "In-house against Freelance: …; at mid rates, from month 13:
    /// $4,700 one-off ÷ $375 a month less ($18,400 − $18,025) = 12.53 months; …".
    pub fn break_even_words(&self) -> Vec<String> {
        let Some(name) = self.in_house.as_deref() else {
            return Vec::new();
        };
        let cur = self.currency.as_str();
        let shown = if self.horizon == self.costed {
            "costed"
        } else {
            "shown"
        };
        self.against
            .iter()
            .map(|a| {
                let parts: Vec<String> = a
                    .break_even
                    .iter()
                    .map(|b| {
                        let saved = b.other_monthly - b.monthly;
                        let beyond = match b.month {
                            Some(m) if m > self.horizon => {
                                format!(", beyond the {} months {}", self.horizon, shown)
                            }
                            _ => String::new(),
                        };
                        match b.month {
                            Some(m) => format!(
                                "at {} rates, from month {m}{beyond}: {} one-off ÷ {} a month \
                                 less ({} − {}) = {:.2} months",
                                b.rates.name(),
                                money(b.one_off, cur),
                                money(saved, cur),
                                money(b.other_monthly, cur),
                                money(b.monthly, cur),
                                b.one_off as f64 / saved as f64
                            ),
                            None => format!(
                                "at {} rates, never: {name} costs {} a month against {}",
                                b.rates.name(),
                                money(b.monthly, cur),
                                money(b.other_monthly, cur)
                            ),
                        }
                    })
                    .collect();
                format!("{name} against {}: {}.", a.name, parts.join("; "))
            })
            .collect()
    }

    /// The months a table shows: every month up to a year, then each quarter, then each
    /// year, always ending on the horizon.
    pub fn table_months(&self) -> Vec<u32> {
        let mut months: Vec<u32> = (1..=self.horizon)
            .filter(|&m| m <= 12 || (m <= 24 && m % 3 == 0) || m % 12 == 0)
            .collect();
        if months.last() != Some(&self.horizon) {
            months.push(self.horizon);
        }
        months
    }
}
