//! Cost estimates: the pack's rate tables applied to the answers, as a low–high range per
//! candidate with the arithmetic written out so that a person can check it.
//!
//! Per person, the base rate of the chosen row is turned into a monthly figure (a yearly
//! salary ÷ 12, an hourly rate × hours a month), multiplied by the months costed, by the
//! seniority factor and by any loading, plus any one-off cost per person; the team size
//! multiplies the lot. Low ends multiply with low ends, high with high.
//!
//! Seniority: the base table carries no seniority, so it is read as the reference level;
//! another level scales it by that level's band divided by the reference band, end by
//! end, in the candidate's row of the seniority table (for the default pack: a senior
//! in-house salary is scaled by $100/$60 at the low end and $150/$90 at the high end).

use crate::figures::push_grouped;
use crate::pack::{Answer, Band, Pack, RateUnit, Text, per_person, seniority_factors};
use crate::score::Verdict;

/// Cost estimates for every candidate that has a cost model.
#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    /// Currency code of every figure.
    pub currency: Text,
    /// People costed.
    pub team: i64,
    /// Months costed.
    pub months: f64,
    /// One line on what is costed: team, duration, region, seniority.
    pub basis: String,
    /// One estimate per candidate with a cost model, best ranked first.
    pub estimates: Vec<CostEstimate>,
    /// Every figure the arithmetic assumes, with its source.
    pub assumptions: Vec<Assumption>,
    /// The assumption behind scaling for seniority (also among `assumptions`), when a
    /// level other than the reference is costed: where the scaling stops being the
    /// guide's own figures.
    pub seniority_basis: Option<Assumption>,
}

/// A figure the arithmetic rests on, in words, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    /// The figure in words, e.g. "160 hours a month".
    pub what: String,
    /// Where it comes from.
    pub source: Text,
}

/// The estimated cost of one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct CostEstimate {
    /// Candidate index.
    pub candidate: usize,
    /// Candidate id.
    pub id: Text,
    /// Candidate name.
    pub name: Text,
    /// Low end of the total, in whole currency units.
    pub low: i64,
    /// High end of the total.
    pub high: i64,
    /// The published rate it starts from, e.g. "$40–$80 an hour (Eastern Europe)".
    pub basis: String,
    /// The whole arithmetic as one checkable line, ending in the total.
    pub arithmetic: String,
    /// How seniority scaled the rate, when it did.
    pub seniority: Option<SeniorityNote>,
    /// Weeks before work can start, when the pack gives them.
    pub delay_weeks: Option<i64>,
    /// What those weeks are, as the pack says ("to fill the role …").
    pub delay_label: Option<Text>,
    /// The team's cost for each month of work, low and high, unrounded.
    pub monthly: (f64, f64),
    /// The team's one-off cost (recruiting), low and high, unrounded.
    pub one_off: (f64, f64),
}

/// How seniority scaled one candidate's rate.
#[derive(Debug, Clone, PartialEq)]
pub struct SeniorityNote {
    /// Factor applied to the low end.
    pub low: f64,
    /// Factor applied to the high end.
    pub high: f64,
    /// The derivation in words: the two bands compared.
    pub text: String,
    /// The factors as exact ratios of the table's figures, low end then high:
    /// `100/60–150/90`, so the printed arithmetic gives the printed total exactly.
    pub ratios: String,
}

/// The cost estimates for these answers, or `None` when the pack has no cost model.
pub fn estimate(pack: &Pack, effective: &[Option<Answer>], verdict: &Verdict) -> Option<Costs> {
    let model = pack.advice().costs.as_ref()?;
    let rates = pack.advice().rates.as_ref()?;
    let cur = rates.currency.as_str();
    let answer = |q: usize| -> Answer {
        effective
            .get(q)
            .cloned()
            .flatten()
            .unwrap_or_else(|| pack.questions()[q].default.clone())
    };
    let choice = |q: usize| match answer(q) {
        Answer::Choice(i) => i,
        _ => 0,
    };
    let team = model
        .team
        .map(|q| match answer(q) {
            Answer::Number(n) => n.max(0),
            _ => 1,
        })
        .unwrap_or(1);
    let dq = &pack.questions()[model.duration.question];
    let (months, duration_words, months_source) = match answer(model.duration.question) {
        Answer::Choice(i) => {
            let a = model.duration.months.get(i)?;
            (
                a.value,
                dq.describe(&Answer::Choice(i)),
                Some(a.source.clone()),
            )
        }
        Answer::Number(n) => (n as f64, dq.describe(&Answer::Number(n)), None),
        _ => return None,
    };
    let region_table = rates.tables.get(model.region.table)?;
    let row_index = *model.region.rows.get(choice(model.region.question))?;
    let row = region_table.rows.get(row_index)?;
    let level = model.seniority.as_ref().map(|s| (s, choice(s.question)));
    let hours = model.hours_per_month.value;

    let mut basis = vec![
        pack.questions()
            .get(model.team.unwrap_or(usize::MAX))
            .map_or_else(|| format!("{team}"), |q| q.describe(&Answer::Number(team))),
        format!("{duration_words}, costed as {} months", num(months)),
        row.label.to_string(),
    ];
    if let Some((s, i)) = level {
        basis.push(pack.questions()[s.question].describe(&Answer::Choice(i)));
    }

    let mut assumptions = Vec::new();
    if let Some(source) = months_source {
        assumptions.push(Assumption {
            what: format!("{duration_words} costed as {} months", num(months)),
            source,
        });
    }
    let mut estimates = Vec::new();
    let mut uses_hours = false;
    for m in &model.models {
        let (Some(col), Some(rate)) =
            (region_table.columns.get(m.column), row.values.get(m.column))
        else {
            continue;
        };
        let c = &pack.candidates()[m.candidate];
        let monthly_words = match col.unit {
            RateUnit::PerYear => format!("{} a year ÷ 12", band(*rate, cur)),
            RateUnit::PerHour => {
                uses_hours = true;
                format!("{} an hour × {} h", band(*rate, cur), num(hours))
            }
            RateUnit::PerMonth => format!("{} a month", band(*rate, cur)),
        };
        let seniority = level.and_then(|(s, i)| {
            if s.columns.get(i) == Some(&s.reference) {
                return None; // the base rates already stand for this level
            }
            let t = rates.tables.get(s.table)?;
            let r = t.rows.get(m.seniority_row?)?;
            let chosen = *r.values.get(*s.columns.get(i)?)?;
            let reference = *r.values.get(s.reference)?;
            let (lo, hi) = seniority_factors(model, rates, m, Some(i))?;
            let unit = t
                .columns
                .get(s.reference)
                .map_or(RateUnit::PerHour, |c| c.unit);
            Some(SeniorityNote {
                low: lo,
                high: hi,
                ratios: format!(
                    "{}/{}–{}/{}",
                    num2(chosen.low),
                    num2(reference.low),
                    num2(chosen.high),
                    num2(reference.high)
                ),
                text: format!(
                    "{}: {} {} {} against {} {}, so × {}/{} ≈ {} at the low end and × {}/{} ≈ {} at the high end",
                    r.label,
                    t.columns.get(*s.columns.get(i)?)?.label,
                    band(chosen, cur),
                    unit_words(unit),
                    t.columns[s.reference].label,
                    band(reference, cur),
                    num2(chosen.low),
                    num2(reference.low),
                    num2(lo),
                    num2(chosen.high),
                    num2(reference.high),
                    num2(hi)
                ),
            })
        });
        // The figures come from the one per-person arithmetic that `cheapest:` rules read.
        let region_option = choice(model.region.question);
        let Some((per_head_low, per_head_high)) = per_person(
            model,
            rates,
            m,
            months,
            region_option,
            level.map(|(_, i)| i),
        ) else {
            continue;
        };
        let low = whole(per_head_low * team as f64);
        let high = whole(per_head_high * team as f64);
        let region = region_option;
        let seniority_option = level.map(|(_, i)| i);
        let (once_low, once_high) =
            per_person(model, rates, m, 0.0, region, seniority_option).unwrap_or((0.0, 0.0));
        let (month_low, month_high) = per_person(model, rates, m, 1.0, region, seniority_option)
            .map_or((0.0, 0.0), |(l, h)| (l - once_low, h - once_high));
        let team_f = team as f64;

        let mut line = format!("{team} × ({monthly_words} × {} months", num(months));
        if let Some((s, i)) = level
            && let Some(note) = &seniority
        {
            // Exact ratios of the table's figures, so the line gives its total exactly.
            let label = pack.questions()[s.question].describe(&Answer::Choice(i));
            line.push_str(&format!(" × {} {label}", note.ratios));
        }
        if let Some(f) = &m.loading {
            line.push_str(&format!(" × {} {}", factor_range(f.low, f.high), f.label));
            assumptions.push(Assumption {
                what: format!("{}: {} × {}", c.name, f.label, factor_range(f.low, f.high)),
                source: f.source.clone(),
            });
        }
        if let Some(f) = &m.per_head {
            line.push_str(&format!(
                " + {} {}",
                band(
                    Band {
                        low: f.low,
                        high: f.high
                    },
                    cur
                ),
                f.label
            ));
            assumptions.push(Assumption {
                what: format!(
                    "{}: {} {} a person",
                    c.name,
                    f.label,
                    band(
                        Band {
                            low: f.low,
                            high: f.high
                        },
                        cur
                    )
                ),
                source: f.source.clone(),
            });
        }
        line.push_str(&format!(") = {} – {}", money(low, cur), money(high, cur)));
        if let Some(finding) = tables_disagree(model, rates, m, *rate, col.unit, hours, cur) {
            assumptions.push(Assumption {
                what: format!("{}: {finding}", c.name),
                source: format!(
                    "the two rate tables compared, at {} working hours a month",
                    num(hours)
                )
                .into(),
            });
        }
        if let Some(delay) = &m.delay {
            assumptions.push(Assumption {
                what: format!(
                    "{}: about {} weeks {}",
                    c.name,
                    delay.weeks,
                    delay.label.as_deref().unwrap_or("before work can start")
                ),
                source: delay.source.clone(),
            });
        }
        estimates.push(CostEstimate {
            candidate: m.candidate,
            id: c.id.clone(),
            name: c.name.clone(),
            low,
            high,
            basis: format!(
                "{} ({}, {})",
                band_with_unit(*rate, col.unit, cur),
                col.label,
                row.label
            ),
            arithmetic: line,
            seniority,
            delay_weeks: m.delay.as_ref().map(|x| x.weeks),
            delay_label: m.delay.as_ref().and_then(|x| x.label.clone()),
            monthly: (month_low * team_f, month_high * team_f),
            one_off: (once_low * team_f, once_high * team_f),
        });
    }
    if uses_hours {
        assumptions.insert(
            0,
            Assumption {
                what: format!("{} working hours a month", num(hours)),
                source: model.hours_per_month.source.clone(),
            },
        );
    }
    let mut seniority_basis = None;
    if let Some((s, i)) = level
        && s.columns.get(i) != Some(&s.reference)
        && let Some(reference) = rates
            .tables
            .get(s.table)
            .and_then(|t| t.columns.get(s.reference))
    {
        let a = Assumption {
            what: format!(
                "{} rates scaled from {}",
                pack.questions()[s.question].describe(&Answer::Choice(i)),
                reference.label
            ),
            source: s.source.clone(),
        };
        assumptions.push(a.clone());
        seniority_basis = Some(a);
    }
    if !rates.tables.is_empty() {
        let titles: Vec<&str> = rates.tables.iter().map(|t| t.title.as_str()).collect();
        let sources: Vec<&str> = rates.tables.iter().map(|t| t.source.as_str()).collect();
        assumptions.push(Assumption {
            what: titles.join("; "),
            source: sources.join("; ").into(),
        });
    }
    for c in &rates.claims {
        if c.table == model.region.table && c.row == row_index {
            assumptions.push(Assumption {
                what: claim_checked(c, region_table),
                source: format!(
                    "{}; checked against the table {}",
                    c.source, region_table.title
                )
                .into(),
            });
        }
    }
    estimates.sort_by_key(|e| verdict.ranking.iter().position(|&c| c == e.candidate));
    Some(Costs {
        currency: rates.currency.clone(),
        team,
        months,
        basis: basis.join(" · "),
        estimates,
        assumptions,
        seniority_basis,
    })
}

/// A claim that one row is lower than others by a share in a range, checked against its
/// table: each column's band middle in the row against the same in each other row,
/// `1 − row ÷ other` as a whole percent, and whether every one falls in the range.
fn claim_checked(c: &crate::pack::Claim, table: &crate::pack::RateTable) -> String {
    let mid = |b: &Band| (b.low + b.high) / 2.0;
    let row = &table.rows[c.row];
    let others: Vec<&str> = c
        .below
        .iter()
        .map(|&r| table.rows[r].label.as_str())
        .collect();
    let (lo, hi) = (c.by.low, c.by.high);
    let mut parts = Vec::new();
    let mut outside = Vec::new();
    for (k, col) in table.columns.iter().enumerate() {
        let mut shares = Vec::new();
        for &r in &c.below {
            let (Some(a), Some(b)) = (row.values.get(k), table.rows[r].values.get(k)) else {
                continue;
            };
            if mid(b) <= 0.0 {
                continue;
            }
            let share = whole(100.0 * (1.0 - mid(a) / mid(b)));
            if (share as f64) < lo || (share as f64) > hi {
                outside.push(format!(
                    "{} against {} ({share}%)",
                    col.label, table.rows[r].label
                ));
            }
            shares.push(format!("{share}%"));
        }
        if !shares.is_empty() {
            parts.push(format!("{} for {}", join_and(&shares), col.label));
        }
    }
    let range = format!("{}–{}%", num(lo), num(hi));
    let verdict = if outside.is_empty() {
        format!("every one within the {range} it says")
    } else {
        format!("outside the {range} it says: {}", join_and(&outside))
    };
    format!(
        "{}. In {}, at the middle of each band, {} is below {} by {}: {verdict}",
        c.text,
        table.title,
        row.label,
        join_and(&others.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        join_and(&parts),
    )
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How far apart two figures for one thing may be before the report says so.
const DISAGREEMENT: f64 = 0.25;

/// Where a candidate's regional rate and its row of the seniority table describe the
/// same engineer (the reference level) with figures more than a quarter apart, both are
/// said, in hourly terms, with which one the estimate uses: the regional table for the
/// rate, the seniority table only for the ratio between levels. `None` when they agree
/// or there is nothing to compare.
fn tables_disagree(
    model: &crate::pack::CostModel,
    rates: &crate::pack::Rates,
    m: &crate::pack::CostRule,
    regional: Band,
    unit: RateUnit,
    hours: f64,
    cur: &str,
) -> Option<String> {
    let s = model.seniority.as_ref()?;
    let table = rates.tables.get(s.table)?;
    let row = table.rows.get(m.seniority_row?)?;
    let reference = *row.values.get(s.reference)?;
    let reference_unit = table.columns.get(s.reference)?.unit;
    if reference_unit != RateUnit::PerHour || hours <= 0.0 {
        return None;
    }
    let hourly = |x: f64| match unit {
        RateUnit::PerYear => x / 12.0 / hours,
        RateUnit::PerMonth => x / hours,
        RateUnit::PerHour => x,
    };
    let (lo, hi) = (hourly(regional.low), hourly(regional.high));
    let apart = |a: f64, b: f64| b > 0.0 && ((a - b) / b).abs() > DISAGREEMENT;
    if !apart(lo, reference.low) && !apart(hi, reference.high) {
        return None;
    }
    let regional_words = match unit {
        RateUnit::PerHour => format!("{} an hour", band(regional, cur)),
        other => format!(
            "{} {}, about {}–{} an hour",
            band(regional, cur),
            unit_words(other),
            money(whole(lo), cur),
            money(whole(hi), cur)
        ),
    };
    Some(format!(
        "the guide's tables disagree: the regional table gives {regional_words}, the seniority \
         table {} an hour for a {} in its {} row; the estimate takes the regional figure and uses the \
         seniority table only for the step between levels",
        band(reference, cur),
        table.columns[s.reference].label,
        row.label
    ))
}

/// Round to whole currency units, saturating instead of overflowing.
pub(super) fn whole(x: f64) -> i64 {
    if x.is_finite() { x.round() as i64 } else { 0 }
}

fn unit_words(unit: RateUnit) -> &'static str {
    match unit {
        RateUnit::PerHour => "an hour",
        RateUnit::PerMonth => "a month",
        RateUnit::PerYear => "a year",
    }
}

fn band_with_unit(b: Band, unit: RateUnit, cur: &str) -> String {
    format!("{} {}", band(b, cur), unit_words(unit))
}

/// "$40–$80", or "$4,700" when both ends are equal.
fn band(b: Band, cur: &str) -> String {
    let (lo, hi) = (amount(b.low, cur), amount(b.high, cur));
    if lo == hi { lo } else { format!("{lo}–{hi}") }
}

/// A figure that may hold cents: whole units when it is whole.
pub(super) fn amount(x: f64, cur: &str) -> String {
    if (x - x.round()).abs() < 1e-9 {
        money(whole(x), cur)
    } else {
        let cents = whole(x * 100.0);
        let c = cents.unsigned_abs();
        in_currency(cents < 0, cur, |out| {
            push_grouped(out, c / 100);
            out.push('.');
            out.push(char::from(b'0' + (c % 100 / 10) as u8));
            out.push(char::from(b'0' + (c % 10) as u8));
        })
    }
}

/// Whole currency units with thousands separators: `$130,000`, `-$72,000`, `5,000 GBP`.
pub fn money(amount: i64, cur: &str) -> String {
    in_currency(amount < 0, cur, |out| {
        push_grouped(out, amount.unsigned_abs())
    })
}

/// A figure, written by `figure`, with its sign and currency: the symbol before it for
/// USD and EUR, the code after it otherwise.
fn in_currency(negative: bool, cur: &str, figure: impl FnOnce(&mut String)) -> String {
    let (symbol, code) = match cur {
        "USD" => ("$", None),
        "EUR" => ("€", None),
        other => ("", Some(other)),
    };
    let mut out = String::with_capacity(cur.len() + 24);
    if negative {
        out.push('-');
    }
    out.push_str(symbol);
    figure(&mut out);
    if let Some(code) = code {
        out.push(' ');
        out.push_str(code);
    }
    out
}

/// "1.25–1.4", "1.67" when both ends round the same, "1.67/1.5" (low end's factor,
/// then high end's) when the low end is scaled more than the high end.
fn factor_range(lo: f64, hi: f64) -> String {
    let (a, b) = (num2(lo), num2(hi));
    if a == b {
        a
    } else if lo < hi {
        format!("{a}–{b}")
    } else {
        format!("{a}/{b}")
    }
}

/// A number with at most two decimals, trailing zeros dropped.
fn num2(x: f64) -> String {
    // A whole figure reads as its digits; `{:.2}` then trimming would give the same.
    if x.fract() == 0.0 && (1.0..1e15).contains(&x.abs()) {
        return format!("{}", x as i64);
    }
    // Halves round away from zero, as a person rounds the figures shown: 50/80 = 0.625 is
    // 0.63, where the formatter's own rounding gave 0.62. The nudge lifts a ratio such as
    // 201/200, stored just below its decimal half, back onto it.
    let r = (x * 100.0 * (1.0 + 1e-12)).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// A count that is usually whole.
pub(super) fn num(x: f64) -> String {
    num2(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_cents_keep_the_currency_where_whole_ones_have_it() {
        assert_eq!(amount(1234.5, "USD"), "$1,234.50");
        assert_eq!(amount(-0.25, "EUR"), "-€0.25");
        assert_eq!(amount(5000.05, "GBP"), "5,000.05 GBP");
        assert_eq!(amount(-1234.0, "GBP"), "-1,234 GBP");
        assert_eq!(money(130_000, "USD"), "$130,000");
        assert_eq!(money(-72_000, "USD"), "-$72,000");
        assert_eq!(money(999, "EUR"), "€999");
    }

    #[test]
    fn whole_figures_read_as_two_decimals_trimmed_would() {
        let slow = |x: f64| {
            let s = format!("{x:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        let wholes = (-5000..5000).map(f64::from);
        let big = [1e14, 999_999_999_999_999.0, -1e14, 4096.0 * 1e9, 0.0, -0.0];
        for x in wholes
            .chain(big)
            .chain((0..2000).map(|i| f64::from(i) * 0.37))
        {
            assert_eq!(num2(x), slow(x), "{x}");
        }
    }

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(num2(1.0), "1");
        assert_eq!(num2(100.0 / 60.0), "1.67");
        assert_eq!(num2(1.4), "1.4");
        // A half rounds up, as by hand: 50/80 and 130/80 are 0.625 and 1.625.
        assert_eq!(num2(50.0 / 80.0), "0.63");
        assert_eq!(num2(130.0 / 80.0), "1.63");
        assert_eq!(num2(201.0 / 200.0), "1.01");
        assert_eq!(num2(-0.625), "-0.63");
        assert_eq!(num2(0.624), "0.62");
        assert_eq!(factor_range(1.25, 1.4), "1.25–1.4");
        assert_eq!(factor_range(5.0 / 3.0, 5.0 / 3.0), "1.67");
        assert_eq!(factor_range(5.0 / 3.0, 1.5), "1.67/1.5");
        assert_eq!(
            band(
                Band {
                    low: 40.0,
                    high: 80.0
                },
                "USD"
            ),
            "$40–$80"
        );
        assert_eq!(
            band(
                Band {
                    low: 4700.0,
                    high: 4700.0
                },
                "USD"
            ),
            "$4,700"
        );
        assert_eq!(amount(37.5, "USD"), "$37.50");
        assert_eq!(money(1_234_567, "USD"), "$1,234,567");
    }
}
