//! Resolving the advice content: tables by id, the cost model's questions, columns and
//! rows, and the candidates and conditions of roles, skills, steps and weighings.

use super::scope::Scope;
use super::{kept, text};
use crate::diag::Diagnostics;
use crate::pack::raw::{self, PackFile, content as ra};
use crate::pack::{
    AdviceContent, Assumed, Band, Because, Claim, CostModel, CostRule, Delay, Duration, Factor,
    Kind, RateColumn, RateRow, RateTable, RateUnit, Rates, Role, RowLookup, SeniorityScale, Skill,
    Step, Text, Weigh,
};
use crate::yaml::Pos;
use crate::yaml::de::{Items, Lenient, Located, Name};

/// Resolve the advice parts of every file, in reading order (rate tables first: the cost
/// model refers to them).
/// The rate tables and the cost model, which the cost order is built from before any
/// condition that tests it is resolved.
pub(super) fn prices(
    files: &[(&str, &PackFile)],
    scope: &Scope,
    d: &mut Diagnostics,
) -> AdviceContent {
    let mut out = AdviceContent::default();
    let mut first_rates: Option<(&str, Pos)> = None;
    for (file, f) in files {
        d.set_file(*file);
        if let Some(r) = f.rates.as_given() {
            if let Some((first, p)) = first_rates {
                twice(d, "rates", r.pos, first, p);
            } else {
                first_rates = Some((file, r.pos));
                out.rates = Some(rates(r, d));
            }
        }
    }
    let mut first_costs: Option<(&str, Pos)> = None;
    for (file, f) in files {
        d.set_file(*file);
        if let Some(c) = f.costs.as_given() {
            if let Some((first, p)) = first_costs {
                twice(d, "costs", c.pos, first, p);
            } else {
                first_costs = Some((file, c.pos));
                out.costs = costs(c, out.rates.as_ref(), scope, d);
            }
        }
    }
    out
}

/// The advice beside a verdict into `out`: roles, skills, next steps, warnings and what
/// to weigh. Their conditions may test what the cost estimate shows, as rules do.
pub(super) fn advice(
    files: &[(&str, &PackFile)],
    scope: &Scope,
    d: &mut Diagnostics,
    out: &mut AdviceContent,
) {
    for (file, f) in files {
        d.set_file(*file);
        list(
            &f.roles,
            "roles",
            d,
            |r, d| role(r, scope, d),
            &mut out.roles,
            |r| &r.id,
        );
        list(
            &f.skills,
            "skills",
            d,
            |s, d| skill(s, scope, d),
            &mut out.skills,
            |s| &s.id,
        );
        list(
            &f.next_steps,
            "next_steps",
            d,
            |s, d| step(s, scope, d),
            &mut out.next_steps,
            |s| &s.id,
        );
        list(
            &f.warnings,
            "warnings",
            d,
            |w, d| step(&w.0, scope, d),
            &mut out.warnings,
            |s| &s.id,
        );
        for w in f.weigh.as_given().map_or(&[][..], |l| &l.items) {
            out.weigh.extend(weigh(&w.value, scope, d));
        }
    }
}

fn twice(d: &mut Diagnostics, key: &str, pos: Pos, first: &str, at: Pos) {
    d.error(
        pos,
        format!(
            "`{key}` is given twice (first in {first} at line {})",
            at.line
        ),
    );
}

/// Resolve a list of items with unique ids, appending to `out`.
fn list<R, T>(
    items: &Lenient<Items<R>>,
    key: &str,
    d: &mut Diagnostics,
    one: impl Fn(&R, &mut Diagnostics) -> Option<T>,
    out: &mut Vec<T>,
    id_of: impl Fn(&T) -> &Text,
) {
    for n in items.as_given().map_or(&[][..], |l| &l.items) {
        if let Some(item) = one(&n.value, d) {
            if out.iter().any(|x| id_of(x) == id_of(&item)) {
                d.error(n.pos, format!("duplicate id `{}` in `{key}`", id_of(&item)));
            } else {
                out.push(item);
            }
        }
    }
}

fn rates(r: &Located<ra::Rates>, d: &mut Diagnostics) -> Rates {
    let mut tables: Vec<RateTable> = Vec::new();
    let written = kept(&r.value.tables, "`rates`", "tables", r.pos, d);
    for t in written.map_or(&[][..], |l| &l.items) {
        let table = table(t, d);
        if tables.iter().any(|x| x.id == table.id) {
            d.error(t.pos, format!("duplicate table id `{}`", table.id));
        } else {
            tables.push(table);
        }
    }
    let mut claims: Vec<Claim> = Vec::new();
    let resolve = |c: &ra::Claim, d: &mut Diagnostics| claim(c, &tables, d);
    list(&r.value.claims, "claims", d, resolve, &mut claims, |c| {
        &c.id
    });
    Rates {
        currency: r.value.currency.0.clone().into(),
        tables,
        claims,
    }
}

/// A claim with its table and rows found by id, every problem told at its place.
fn claim(c: &ra::Claim, tables: &[RateTable], d: &mut Diagnostics) -> Option<Claim> {
    let ids: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
    let Some(t) = ids.iter().position(|id| *id == c.table.value.as_str()) else {
        let given = c.table.value.as_str();
        let message = format!("unknown table `{given}`");
        d.unknown(c.table.pos, message, given, ids.iter().copied(), None);
        return None;
    };
    let rows: Vec<&str> = tables[t].rows.iter().map(|r| r.id.as_str()).collect();
    let row_of = |name: &Located<Name>, d: &mut Diagnostics| {
        let found = rows.iter().position(|id| *id == name.value.as_str());
        if found.is_none() {
            let given = name.value.as_str();
            let message = format!("unknown row `{given}` of table `{}`", tables[t].id);
            d.unknown(name.pos, message, given, rows.iter().copied(), None);
        }
        found
    };
    let row = row_of(&c.row, d);
    let mut below = Vec::new();
    for name in c.below.as_given().map_or(&[][..], |l| &l.items) {
        if let Some(r) = row_of(name, d) {
            below.push(r);
        }
    }
    let by = c.by.as_given()?.0;
    if by.high > 100.0 {
        d.error(
            c.table.key,
            "a share lower than another row is at most 100 (percent)",
        );
        return None;
    }
    Some(Claim {
        id: c.id.0.clone().into(),
        table: t,
        row: row?,
        below,
        by,
        text: c.text.0.clone().into(),
        source: c.source.0.clone().into(),
    })
}

fn table(t: &Located<ra::RateTable>, d: &mut Diagnostics) -> RateTable {
    let raw = &t.value;
    let (columns_written, rows_written) = (written(&raw.columns), written(&raw.rows));
    let column_items = kept(&raw.columns, "a rate table", "columns", t.pos, d);
    let row_items = kept(&raw.rows, "a rate table", "rows", t.pos, d);
    let mut columns: Vec<RateColumn> = Vec::new();
    for c in column_items.map_or(&[][..], |l| &l.items) {
        // A bad unit is already reported; the column is kept so that rows naming it
        // do not add errors of their own.
        let unit = kept(&c.value.unit, "a rate column", "unit", c.pos, d)
            .copied()
            .unwrap_or(RateUnit::PerMonth);
        let id = &c.value.id.0;
        if columns.iter().any(|x| &x.id == id) {
            d.error(c.pos, format!("duplicate column id `{id}`"));
        } else {
            columns.push(RateColumn {
                id: id.clone().into(),
                label: c.value.label.0.clone().into(),
                unit,
            });
        }
    }
    let known: Vec<&str> = columns.iter().map(|c| c.id.as_str()).collect();
    let mut rows: Vec<RateRow> = Vec::new();
    for r in row_items.map_or(&[][..], |l| &l.items) {
        let values = &r.value.values;
        for (k, _) in &values.value.0 {
            let name = k.value.as_str();
            if !known.contains(&name) {
                d.unknown(
                    k.pos,
                    format!(
                        "unknown field `{}` in a row's values",
                        crate::escape::excerpt(name)
                    ),
                    name,
                    known.iter().copied(),
                    Some(format!(
                        "the fields of a row's values are: {}",
                        known.join(", ")
                    )),
                );
            }
        }
        // A bad band is already reported; the row is kept so that lookups of it do not
        // add errors of their own.
        let zero = Band {
            low: 0.0,
            high: 0.0,
        };
        let mut bands = Vec::with_capacity(columns.len());
        for c in &columns {
            match values
                .value
                .0
                .iter()
                .find(|(k, _)| k.value.as_str() == c.id)
            {
                Some((_, v)) => bands.push(v.as_given().map_or(zero, |b| b.0)),
                None => {
                    d.error(
                        values.pos,
                        format!("the row has no value for column `{}`", c.id),
                    );
                    bands.push(zero);
                }
            }
        }
        let id = &r.value.id.0;
        if rows.iter().any(|x| &x.id == id) {
            d.error(r.pos, format!("duplicate row id `{id}`"));
        } else {
            rows.push(RateRow {
                id: id.clone().into(),
                label: r.value.label.0.clone().into(),
                values: bands,
            });
        }
    }
    if columns_written == 0 || rows_written == 0 {
        d.error(t.pos, "a rate table needs at least one column and one row");
    }
    RateTable {
        id: raw.id.0.clone().into(),
        title: raw.title.0.clone().into(),
        source: raw.source.0.clone().into(),
        columns,
        rows,
    }
}

/// A question that must be single choice, with its option ids.
fn single(name: &Located<Name>, scope: &Scope, d: &mut Diagnostics) -> Option<(usize, Vec<Text>)> {
    let q = scope.question(name, d)?;
    match &scope.kinds[q] {
        Kind::Single { options } => Some((q, options.iter().map(|c| c.id.clone()).collect())),
        other => {
            d.error(
                name.pos,
                format!(
                    "expected a single choice question, `{}` is {}",
                    scope.question_ids[q],
                    other.name()
                ),
            );
            None
        }
    }
}

fn table_index(name: &Located<Name>, rates: &Rates, d: &mut Diagnostics) -> Option<usize> {
    let t = name.value.as_str();
    let i = rates.tables.iter().position(|x| x.id == t);
    if i.is_none() {
        let known = rates.tables.iter().map(|x| x.id.as_str());
        d.unknown(
            name.pos,
            format!("unknown table `{}`", crate::escape::excerpt(t)),
            t,
            known,
            None,
        );
    }
    i
}

fn costs(
    c: &Located<ra::Costs>,
    rates: Option<&Rates>,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<CostModel> {
    let Some(rates) = rates else {
        d.error_hint(
            c.pos,
            "`costs` needs rate tables",
            "add `rates:` with the tables it reads",
        );
        return None;
    };
    let raw = &c.value;
    let team = raw.team.as_given().and_then(|n| {
        let q = scope.question(n, d)?;
        if !matches!(scope.kinds[q], Kind::Number { .. }) {
            d.error(
                n.pos,
                format!(
                    "`team` must name a number question; `{}` is not",
                    scope.question_ids[q]
                ),
            );
            return None;
        }
        Some(q)
    });
    let region = lookup(&raw.region, rates, scope, d);
    let seniority = raw
        .seniority
        .as_given()
        .and_then(|s| seniority(s, rates, scope, d));
    let duration = duration(&raw.duration, scope, d);
    let hours_per_month = assumed(&raw.hours_per_month);
    let budget = raw.budget.as_given().and_then(|b| budget(b, scope, d));
    let region_table = region.as_ref().map(|r| &rates.tables[r.table]);
    let seniority_table = seniority.as_ref().map(|s| &rates.tables[s.table]);
    let mut models: Vec<CostRule> = Vec::new();
    for m in &raw.models.items {
        let Some(rule) = model(&m.value, region_table, seniority_table, scope, d) else {
            continue;
        };
        if models.iter().any(|x| x.candidate == rule.candidate) {
            d.error(m.pos, "this candidate already has a cost model");
        } else {
            models.push(rule);
        }
    }
    Some(CostModel {
        team,
        region: region?,
        seniority,
        duration: duration?,
        hours_per_month,
        budget,
        models,
    })
}

/// The budget figure's two questions, and the options of the second that give one.
fn budget(
    b: &Located<ra::Budget>,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<crate::pack::BudgetModel> {
    let raw = &b.value;
    let amount = scope.question(&raw.amount, d).and_then(|q| {
        if matches!(scope.kinds[q], Kind::Number { .. }) {
            Some(q)
        } else {
            d.error(
                raw.amount.pos,
                format!(
                    "`amount` must name a number question; `{}` is not",
                    scope.question_ids[q]
                ),
            );
            None
        }
    });
    let (basis, options) = single(&raw.basis, scope, d)?;
    let option = |name: &Located<Name>, d: &mut Diagnostics| {
        let id = name.value.as_str();
        let i = options.iter().position(|o| o == id);
        if i.is_none() {
            let msg = format!("`{}` has no option `{id}`", scope.question_ids[basis]);
            d.unknown(name.pos, msg, id, options.iter().map(Text::as_str), None);
        }
        i
    };
    let per_month = option(&raw.per_month, d);
    let total = option(&raw.total, d);
    if per_month.is_some() && per_month == total {
        d.error(
            raw.total.pos,
            "`per_month` and `total` must be two different options",
        );
        return None;
    }
    Some(crate::pack::BudgetModel {
        amount: amount?,
        basis,
        per_month: per_month?,
        total: total?,
    })
}

/// A table whose rows are keyed by a single choice question's option ids.
fn lookup(
    l: &Located<ra::Lookup>,
    rates: &Rates,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<RowLookup> {
    let question = single(&l.value.question, scope, d);
    let table = table_index(&l.value.table, rates, d);
    let ((q, options), t) = (question?, table?);
    let rows = &rates.tables[t].rows;
    let mut out = Vec::with_capacity(options.len());
    for o in &options {
        match rows.iter().position(|r| &r.id == o) {
            Some(i) => out.push(i),
            None => d.error(
                l.pos,
                format!(
                    "table `{}` has no row `{o}` for that option of `{}`",
                    rates.tables[t].id, scope.question_ids[q]
                ),
            ),
        }
    }
    (out.len() == options.len()).then_some(RowLookup {
        question: q,
        table: t,
        rows: out,
    })
}

fn seniority(
    s: &Located<ra::Seniority>,
    rates: &Rates,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<SeniorityScale> {
    let raw = &s.value;
    let question = single(&raw.question, scope, d);
    let t = table_index(&raw.table, rates, d);
    let ((q, options), t) = (question?, t?);
    let cols = &rates.tables[t].columns;
    let column = |id: &str| cols.iter().position(|c| c.id == id);
    let r = raw.reference.value.as_str();
    let reference = column(r);
    if reference.is_none() {
        d.error(
            raw.reference.key,
            format!("table `{}` has no column `{r}`", rates.tables[t].id),
        );
    }
    let mut columns = Vec::with_capacity(options.len());
    for o in &options {
        match column(o) {
            Some(i) => columns.push(i),
            None => d.error(
                s.pos,
                format!(
                    "table `{}` has no column `{o}` for that option of `{}`",
                    rates.tables[t].id, scope.question_ids[q]
                ),
            ),
        }
    }
    if columns.len() != options.len() {
        return None;
    }
    Some(SeniorityScale {
        question: q,
        table: t,
        reference: reference?,
        columns,
        source: raw.source.0.clone().into(),
    })
}

fn duration(du: &Located<ra::Duration>, scope: &Scope, d: &mut Diagnostics) -> Option<Duration> {
    let raw = &du.value;
    let q = scope.question(&raw.question, d)?;
    match &scope.kinds[q] {
        Kind::Number { .. } => {
            if let Some(m) = raw.months.as_given() {
                d.error(
                    m.key,
                    "a number question's answer is the months; `months` does not apply",
                );
            }
            Some(Duration {
                question: q,
                months: Vec::new(),
            })
        }
        Kind::Single { options } => {
            let mut months: Vec<Option<Assumed>> = vec![None; options.len()];
            let Some(list) = raw.months.as_given() else {
                d.error(du.pos, crate::yaml::de::missing("`duration`", "months"));
                return None;
            };
            for m in &list.value.items {
                let s = m.value.option.value.as_str();
                let i = options.iter().position(|c| c.id == s);
                if i.is_none() {
                    let known = options.iter().map(|c| c.id.as_str());
                    let msg = format!("`{}` has no option `{s}`", scope.question_ids[q]);
                    d.unknown(m.value.option.pos, msg, s, known, None);
                }
                if let Some(i) = i {
                    if months[i].is_some() {
                        d.error(m.pos, format!("option `{}` is given twice", options[i].id));
                    }
                    months[i] = Some(Assumed {
                        value: m.value.months.0,
                        source: m.value.source.0.clone().into(),
                    });
                }
            }
            let missing: Vec<&str> = options
                .iter()
                .zip(&months)
                .filter(|(_, m)| m.is_none())
                .map(|(c, _)| c.id.as_str())
                .collect();
            if !missing.is_empty() {
                d.error(
                    du.pos,
                    format!("`months` gives no figure for {}", missing.join(", ")),
                );
                return None;
            }
            Some(Duration {
                question: q,
                months: months.into_iter().flatten().collect(),
            })
        }
        other => {
            d.error(
                raw.question.pos,
                format!(
                    "`duration` needs a single choice or number question; this one is {}",
                    other.name()
                ),
            );
            None
        }
    }
}

fn assumed(a: &ra::Assumed) -> Assumed {
    Assumed {
        value: a.value.0,
        source: a.source.0.clone().into(),
    }
}

fn model(
    m: &ra::CostModel,
    region: Option<&RateTable>,
    seniority: Option<&RateTable>,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<CostRule> {
    let candidate = scope.candidate(&m.candidate, d);
    let column = region.and_then(|table| {
        let c = m.rate.value.as_str();
        let i = table.columns.iter().position(|x| x.id == c);
        if i.is_none() {
            d.error(
                m.rate.key,
                format!("table `{}` has no column `{c}`", table.id),
            );
        }
        i
    });
    let seniority_row = match m.seniority_row.as_given() {
        None => Ok(None),
        Some(r) => match seniority {
            None => {
                d.error(r.key, "`seniority_row` needs `costs.seniority`");
                Err(())
            }
            Some(t) => match t.rows.iter().position(|x| x.id == r.value.as_str()) {
                Some(i) => Ok(Some(i)),
                None => {
                    d.error(
                        r.key,
                        format!("table `{}` has no row `{}`", t.id, r.value.as_str()),
                    );
                    Err(())
                }
            },
        },
    };
    let loading = m.loading.as_given().map(|f| factor(f, d)).transpose();
    let per_head = m.per_head.as_given().map(|f| factor(f, d)).transpose();
    let delay = m.delay.as_given().map(|x| delay(x, d)).transpose();
    Some(CostRule {
        candidate: candidate?,
        column: column?,
        seniority_row: seniority_row.ok()?,
        loading: loading.ok()?,
        per_head: per_head.ok()?,
        delay: delay.ok()?,
    })
}

fn factor(f: &ra::Factor, d: &mut Diagnostics) -> Result<Factor, ()> {
    let (low, high) = (f.low.0, f.high.value.0);
    if low > high {
        d.error(f.high.key, "`high` is below `low`");
        return Err(());
    }
    Ok(Factor {
        label: f.label.0.clone().into(),
        low,
        high,
        source: f.source.0.clone().into(),
    })
}

fn delay(x: &ra::Delay, d: &mut Diagnostics) -> Result<Delay, ()> {
    let weeks = x.weeks.value.0;
    if !(0..=520).contains(&weeks) {
        d.error(x.weeks.key, "`weeks` must lie between 0 and 520");
        return Err(());
    }
    Ok(Delay {
        weeks,
        label: text(&x.label),
        source: x.source.0.clone().into(),
    })
}

/// A condition that, when written, must resolve.
fn when(
    c: &Lenient<raw::condition::Condition>,
    scope: &Scope,
    d: &mut Diagnostics,
) -> Result<Option<crate::pack::Condition>, ()> {
    match c.as_given() {
        Some(c) => scope.condition(c, None, d).map(Some).ok_or(()),
        None => Ok(None),
    }
}

fn role(r: &ra::Role, scope: &Scope, d: &mut Diagnostics) -> Option<Role> {
    let mut reasons = Vec::new();
    for b in &r.reasons.items {
        if let Ok(w) = when(&b.value.when, scope, d) {
            reasons.push(Because {
                when: w,
                reason: b.value.reason.0.clone().into(),
            });
        }
    }
    Some(Role {
        id: r.id.0.clone().into(),
        name: r.name.0.clone().into(),
        summary: r.summary.0.clone().into(),
        source: text(&r.source),
        reasons,
    })
}

fn skill(s: &ra::Skill, scope: &Scope, d: &mut Diagnostics) -> Option<Skill> {
    Some(Skill {
        id: s.id.0.clone().into(),
        name: s.name.0.clone().into(),
        items: s
            .items
            .items
            .iter()
            .map(|t| t.value.0.clone().into())
            .collect(),
        why: text(&s.why),
        when: when(&s.when, scope, d).ok()?,
        source: text(&s.source),
    })
}

fn step(s: &ra::Step, scope: &Scope, d: &mut Diagnostics) -> Option<Step> {
    let candidates = scope.candidates(s.for_.as_given().into_iter().flatten(), d);
    Some(Step {
        id: s.id.0.clone().into(),
        text: s.text.0.clone().into(),
        candidates,
        when: when(&s.when, scope, d).ok()?,
        source: text(&s.source),
    })
}

fn weigh(w: &ra::Weigh, scope: &Scope, d: &mut Diagnostics) -> Option<Weigh> {
    let between = &w.between;
    let [a, b] = between.value.as_slice() else {
        d.error(between.pos, "`between` lists exactly two candidates");
        return None;
    };
    let (a, b) = (scope.candidate(a, d), scope.candidate(b, d));
    let when = when(&w.when, scope, d);
    let (a, b, when) = (a?, b?, when.ok()?);
    if a == b {
        d.error(between.pos, "`between` names the same candidate twice");
        return None;
    }
    Some(Weigh {
        between: [a, b],
        text: w.text.0.clone().into(),
        when,
        source: text(&w.source),
    })
}

/// How many items a list holds as written (none when it is not a list).
fn written<T>(list: &Lenient<Items<T>>) -> usize {
    match list {
        Lenient::Given(items) => items.written,
        _ => 0,
    }
}
