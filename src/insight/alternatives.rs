//! The other answers worth trying for one question, and how big a change each is.
//!
//! Rules and visibility conditions see an answer only through the pack's tests on it, so
//! answers the tests cannot tell apart give the same result. Instead of every possible
//! answer, each question offers one answer per group the tests can tell apart — the one
//! nearest to the current answer:
//!
//! - single choice: every other option; size is the distance in the list, so moving to
//!   a neighbour on an ordered scale (3 to 12 months → over a year) is smaller than
//!   jumping to its far end;
//! - yes/no: the other answer, size 1;
//! - number: the pack's `range` and `equals` tests cut the allowed values into stretches
//!   that every test treats alike; each other stretch is tried at its value nearest the
//!   current one, and its size is how many stretches away it lies (the nearest value
//!   across a boundary on either side is size 1);
//! - multiple choice: every combination of the options the pack tests (`contains`, and
//!   whole sets compared by `equals`), the options it never tests kept as they are where
//!   the min/max limits allow; size is how many options are switched on or off.

use crate::pack::{Answer, Condition, Kind, Pack, Question};

/// Above this many tested options on one multiple choice question, only combinations
/// within two switches of the current answer are tried (2^8 = 256 otherwise).
const MAX_FULL_OPTIONS: usize = 8;

/// What the pack's tests look at in one question's answer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tested {
    /// Options tested by `contains` or named in an `equals` set, ascending.
    options: Vec<usize>,
    /// Whole sets compared by `equals`.
    sets: Vec<Vec<usize>>,
    /// Numbers where a stretch of values treated alike begins.
    cuts: Vec<i64>,
}

/// What the pack's tests look at, per question.
pub(crate) fn tested(pack: &Pack) -> Vec<Tested> {
    tested_by(pack.questions().len(), pack.conditions())
}

/// What `conds` look at, per question of a pack with `n` questions.
pub(crate) fn tested_by<'a>(n: usize, conds: impl Iterator<Item = &'a Condition>) -> Vec<Tested> {
    let mut out = vec![Tested::default(); n];
    for c in conds {
        collect(c, &mut out);
    }
    for t in &mut out {
        t.options.sort_unstable();
        t.options.dedup();
        t.sets.sort();
        t.sets.dedup();
        t.cuts.sort_unstable();
        t.cuts.dedup();
    }
    out
}

fn collect(c: &Condition, out: &mut [Tested]) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| collect(p, out));
        }
        Condition::Not(p) => collect(p, out),
        Condition::Contains { question, option } => {
            if let Some(t) = out.get_mut(*question) {
                t.options.push(*option);
            }
        }
        Condition::Equals { question, value } => {
            let Some(t) = out.get_mut(*question) else {
                return;
            };
            match value {
                Answer::Choices(set) => {
                    t.options.extend(set.iter().copied());
                    t.sets.push(set.clone());
                }
                Answer::Number(n) => {
                    t.cuts.push(*n);
                    t.cuts.extend(n.checked_add(1));
                }
                _ => {}
            }
        }
        Condition::Range { question, min, max } => {
            if let Some(t) = out.get_mut(*question) {
                t.cuts.extend(*min);
                t.cuts.extend(max.and_then(|m| m.checked_add(1)));
            }
        }
        // Reads single choice questions only, whose every option is tried anyway.
        Condition::OneOf { .. } | Condition::Cost { .. } => {}
        // Where a budget's amount or the team size changes what fits depends on the
        // other answers, so no fixed cut can say; the proof works those out per profile.
        Condition::Budget { .. } => {}
    }
}

/// What the tests look at for these answers in force: `tested` with, for a pack whose
/// rules test a budget figure, the amounts and team sizes at which an option starts or
/// stops fitting the budget, which depend on the other answers and so cannot be cut once
/// for the pack.
pub(crate) fn at(pack: &Pack, tested: &[Tested], effective: &[Option<Answer>]) -> Vec<Tested> {
    let mut out = tested.to_vec();
    let Some(order) = pack.budget_order() else {
        return out;
    };
    let Some(budget) = order.budget() else {
        return out;
    };
    // Only the points of the estimates that the rules' budget tests compare: a boundary
    // no rule reads changes nothing, and counting it as a step would make a real one look
    // two steps away.
    let compared = pack.budget_points();
    let fitting = |eff: &[Option<Answer>]| pack.budget_fits(eff);
    // The amount: the first grid amount from which each option fits, by the points of
    // its estimate the rules compare.
    if let (Some(t), Kind::Number { min, step, .. }) = (
        out.get_mut(budget.amount),
        &pack.questions()[budget.amount].kind,
    ) {
        let step = step.max(&1);
        for (_, _, a) in order
            .amounts_to_fit(effective)
            .into_iter()
            .filter(|(c, p, _)| compared.contains(&(*c, *p)))
        {
            let k = ((a - *min as f64) / *step as f64).ceil();
            if k.is_finite() && k > 0.0 {
                t.cuts
                    .push(min.saturating_add((k as i64).saturating_mul(*step)));
            }
        }
        t.cuts.sort_unstable();
        t.cuts.dedup();
    }
    // The team size: every size at which what fits changes.
    for q in order
        .budget_questions()
        .filter(|&q| q != budget.amount && q != budget.basis)
    {
        let Kind::Number { min, max, step, .. } = pack.questions()[q].kind else {
            continue;
        };
        if order.budget().and_then(|b| b.figure(effective)).is_none() {
            continue;
        }
        let step = step.max(1);
        if (max - min) / step > 10_000 {
            continue;
        }
        let mut eff = effective.to_vec();
        let mut before: Option<Vec<bool>> = None;
        let mut n = min;
        while n <= max {
            eff[q] = Some(Answer::Number(n));
            let now = fitting(&eff);
            if before.as_ref().is_some_and(|b| *b != now) {
                out[q].cuts.push(n);
            }
            before = Some(now);
            n += step;
        }
        out[q].cuts.sort_unstable();
        out[q].cuts.dedup();
    }
    out
}

/// Every answer worth trying instead of `current`, with its size, in a fixed order.
pub(crate) fn alternatives(q: &Question, t: &Tested, current: &Answer) -> Vec<(Answer, u32)> {
    match (&q.kind, current) {
        (Kind::Single { options }, Answer::Choice(cur)) => (0..options.len())
            .filter(|i| i != cur)
            .map(|i| (Answer::Choice(i), i.abs_diff(*cur) as u32))
            .collect(),
        (Kind::YesNo, Answer::Bool(b)) => vec![(Answer::Bool(!b), 1)],
        (Kind::Number { min, max, step, .. }, Answer::Number(cur)) => {
            numbers(*min, *max, *step, &t.cuts, *cur)
        }
        (Kind::Multiple { options, min, max }, Answer::Choices(cur)) => {
            sets(options.len(), *min, *max, t, cur)
        }
        _ => Vec::new(),
    }
}

/// One answer from each group of answers the tests cannot tell apart, in the question's
/// own order (options ascending, `false` before `true`, numbers ascending): what a proof
/// over every answer must try. `None` when a multiple choice question tests more options
/// than [`MAX_PROOF_OPTIONS`] allows.
pub(crate) fn representatives(q: &Question, t: &Tested) -> Option<Vec<Answer>> {
    Some(match &q.kind {
        Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
        Kind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        Kind::Number { min, max, step, .. } => segments(*min, *max, *step, &t.cuts)
            .into_iter()
            .map(|(first, _)| Answer::Number(first))
            .collect(),
        Kind::Multiple { options, min, max } => {
            let tested = &t.options;
            if tested.len() > MAX_PROOF_OPTIONS {
                return None;
            }
            let untested: Vec<usize> = (0..options.len()).filter(|o| !tested.contains(o)).collect();
            let mut out = Vec::new();
            for mask in 0u32..(1u32 << tested.len()) {
                let s: Vec<usize> = (0..tested.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| tested[i])
                    .collect();
                // Untested options only matter to `equals` on a whole set, and then only
                // whether there is one: try the fewest the limits allow, and one more.
                let fewest = min.saturating_sub(s.len());
                let mut extra = vec![fewest];
                if !t.sets.is_empty() && fewest == 0 {
                    extra.push(1);
                }
                for k in extra {
                    if k > untested.len() || s.len() + k > *max {
                        continue;
                    }
                    let mut v = s.clone();
                    v.extend(&untested[..k]);
                    v.sort_unstable();
                    out.push(Answer::Choices(v));
                }
            }
            out
        }
    })
}

/// Most tested options of one multiple choice question a proof enumerates (2^16 sets).
pub(crate) const MAX_PROOF_OPTIONS: usize = 16;

/// The size of changing a question's answer from `from` to `to`, as defined above, for
/// any two valid answers (not only those [`alternatives`] offers).
pub(crate) fn size(q: &Question, t: &Tested, from: &Answer, to: &Answer) -> u32 {
    match (&q.kind, from, to) {
        (Kind::Single { .. }, Answer::Choice(a), Answer::Choice(b)) => a.abs_diff(*b) as u32,
        (Kind::YesNo, Answer::Bool(a), Answer::Bool(b)) => u32::from(a != b),
        (Kind::Number { min, max, step, .. }, Answer::Number(a), Answer::Number(b)) => {
            let segs = segments(*min, *max, *step, &t.cuts);
            match (segment_of(&segs, *a), segment_of(&segs, *b)) {
                (Some(x), Some(y)) => x.abs_diff(y) as u32,
                _ => 0,
            }
        }
        (Kind::Multiple { .. }, Answer::Choices(a), Answer::Choices(b)) => {
            a.iter().filter(|x| !b.contains(x)).count() as u32
                + b.iter().filter(|x| !a.contains(x)).count() as u32
        }
        _ => 0,
    }
}

/// The stretches of allowed values that every test treats alike, as (first, last)
/// allowed value on the grid, ascending; stretches holding no allowed value are left out.
fn segments(min: i64, max: i64, step: i64, cuts: &[i64]) -> Vec<(i64, i64)> {
    let (min, max, step) = (i128::from(min), i128::from(max), i128::from(step.max(1)));
    let mut starts: Vec<i128> = vec![min];
    starts.extend(
        cuts.iter()
            .map(|c| i128::from(*c))
            .filter(|c| *c > min && *c <= max),
    );
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).map_or(max, |n| n - 1);
        let first = min + (s - min + step - 1).div_euclid(step) * step;
        let last = min + (e - min).div_euclid(step) * step;
        if first <= e && first <= last {
            // Both lie within min..=max, so they fit in an i64.
            out.push((first as i64, last as i64));
        }
    }
    out
}

fn segment_of(segs: &[(i64, i64)], n: i64) -> Option<usize> {
    segs.iter().position(|(a, b)| *a <= n && n <= *b)
}

fn numbers(min: i64, max: i64, step: i64, cuts: &[i64], cur: i64) -> Vec<(Answer, u32)> {
    let segs = segments(min, max, step, cuts);
    let Some(here) = segment_of(&segs, cur) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Nearest stretches first, below before above.
    for d in 1..segs.len() {
        if let Some(k) = here.checked_sub(d) {
            out.push((Answer::Number(segs[k].1), d as u32));
        }
        if let Some(&(first, _)) = segs.get(here + d) {
            out.push((Answer::Number(first), d as u32));
        }
    }
    out
}

fn sets(n: usize, min: usize, max: usize, t: &Tested, cur: &[usize]) -> Vec<(Answer, u32)> {
    let tested: Vec<usize> = t.options.iter().copied().filter(|o| *o < n).collect();
    let untested: Vec<usize> = (0..n).filter(|o| !tested.contains(o)).collect();
    let cur_t: Vec<usize> = cur.iter().copied().filter(|o| tested.contains(o)).collect();
    let cur_u: Vec<usize> = cur
        .iter()
        .copied()
        .filter(|o| !tested.contains(o))
        .collect();
    let mut out: Vec<(Answer, u32)> = Vec::new();
    for set_t in tested_parts(&tested, &cur_t) {
        let dt = set_t.iter().filter(|o| !cur_t.contains(o)).count()
            + cur_t.iter().filter(|o| !set_t.contains(o)).count();
        // A tested part that equals a whole set compared by `equals` splits in two:
        // with no untested option (equal) or with some (not equal).
        let classes: &[Option<bool>] = if t.sets.contains(&set_t) {
            &[Some(true), Some(false)]
        } else {
            &[None]
        };
        for &empty in classes {
            let Some(set_u) = nearest_untested(&untested, &cur_u, set_t.len(), min, max, empty)
            else {
                continue;
            };
            let du = set_u.iter().filter(|o| !cur_u.contains(o)).count()
                + cur_u.iter().filter(|o| !set_u.contains(o)).count();
            let mut set: Vec<usize> = set_t.iter().chain(&set_u).copied().collect();
            set.sort_unstable();
            if set != cur {
                out.push((Answer::Choices(set), (dt + du) as u32));
            }
        }
    }
    out.sort_by_key(|(_, size)| *size);
    out
}

/// The tested part of every combination to try: all of them, or, past
/// [`MAX_FULL_OPTIONS`], those within two switches of the current one.
fn tested_parts(tested: &[usize], cur_t: &[usize]) -> Vec<Vec<usize>> {
    let toggle = |set: &mut Vec<usize>, o: usize| match set.iter().position(|x| *x == o) {
        Some(i) => {
            set.remove(i);
        }
        None => set.push(o),
    };
    let mut parts = Vec::new();
    if tested.len() <= MAX_FULL_OPTIONS {
        for mask in 0u32..(1 << tested.len()) {
            parts.push(
                tested
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| *o)
                    .collect(),
            );
        }
        return parts;
    }
    parts.push(cur_t.to_vec());
    for (i, &a) in tested.iter().enumerate() {
        let mut one = cur_t.to_vec();
        toggle(&mut one, a);
        for &b in &tested[i + 1..] {
            let mut two = one.clone();
            toggle(&mut two, b);
            two.sort_unstable();
            parts.push(two);
        }
        one.sort_unstable();
        parts.push(one);
    }
    parts
}

/// The untested options nearest to `cur_u` that keep the size within min..=max, empty or
/// not as `empty` asks.
fn nearest_untested(
    untested: &[usize],
    cur_u: &[usize],
    tested_count: usize,
    min: usize,
    max: usize,
    empty: Option<bool>,
) -> Option<Vec<usize>> {
    let mut lo = min.saturating_sub(tested_count);
    let mut hi = max.checked_sub(tested_count)?.min(untested.len());
    match empty {
        Some(true) => hi = 0,
        Some(false) => lo = lo.max(1),
        None => {}
    }
    if lo > hi {
        return None;
    }
    let mut set = cur_u.to_vec();
    while set.len() > hi {
        set.pop();
    }
    for o in untested {
        if set.len() >= lo {
            break;
        }
        if !set.contains(o) {
            set.push(*o);
        }
    }
    set.sort_unstable();
    Some(set)
}
