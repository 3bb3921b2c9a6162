//! Warnings about a pack that works but probably holds a mistake: a question that is
//! never asked, a rule that can never fire, a candidate that can never be recommended,
//! a question whose answer nothing reads.
//!
//! Every warning is proven, never guessed: each comes from a search that tries every
//! answer that matters. The search does not walk raw answers but one representative of
//! each class of answers that no condition in the pack can tell apart (for a number
//! question, one value in each stretch between the bounds that tests name; for a multiple
//! choice question, each set of the options that tests name, with or without others), so
//! a pack of a dozen questions is searched in well under a millisecond. Visibility is
//! followed as the wizard follows it: a question is only answered when its `when` holds.
//!
//! Candidates are searched by branch and bound: a partial set of answers is dropped as
//! soon as the points still to be won cannot lift the candidate above some rival. Each
//! search has a budget of steps; one that runs out proves nothing, and nothing is said.
//! So a warning is always true, but a very large pack may get fewer warnings than it
//! deserves.

use super::{Answer, Condition, Kind, Pack};
use crate::diag::{Diagnostic, Severity};
use crate::yaml::Pos;

/// Most search steps spent on one question, rule or candidate.
const BUDGET: usize = 20_000;

/// Most options of one multiple choice question that tests may name before that
/// question is too wide to search (each named option doubles its classes).
const MAX_NAMED_OPTIONS: usize = 10;

/// Where each question, rule and candidate is written, for the warnings.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Places {
    /// By question index.
    pub questions: Vec<(String, Pos)>,
    /// By rule index.
    pub rules: Vec<(String, Pos)>,
    /// By candidate index.
    pub candidates: Vec<(String, Pos)>,
}

/// The pack's own warnings and the analysis's, ordered by place.
pub(super) fn run(pack: &Pack, places: &Places) -> Vec<Diagnostic> {
    let mut all = pack.warnings.clone();
    all.extend(lint(pack, places));
    all.sort_by(|a, b| (&a.file, a.pos, a.severity).cmp(&(&b.file, b.pos, b.severity)));
    all
}

fn warning(place: Option<&(String, Pos)>, message: String, hint: &str) -> Diagnostic {
    let (file, pos) = place.cloned().unwrap_or_default();
    Diagnostic {
        file,
        pos,
        severity: Severity::Warning,
        message,
        hint: Some(hint.to_string()),
    }
}

fn lint(pack: &Pack, places: &Places) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(domains) = domains(pack) else {
        return out;
    };
    let search = Search {
        pack,
        domains: &domains,
    };

    let mut never_asked = vec![false; pack.questions.len()];
    for (i, q) in pack.questions.iter().enumerate() {
        if let Some(when) = &q.when
            && search.satisfiable(when) == Some(false)
        {
            never_asked[i] = true;
            out.push(warning(
                places.questions.get(i),
                format!(
                    "question `{}` is never asked: no answers make its `when` hold",
                    q.id
                ),
                "its tests contradict each other, or test questions that are never asked",
            ));
        }
    }

    let mut dead = vec![false; pack.rules.len()];
    for (i, r) in pack.rules.iter().enumerate() {
        let Some(when) = &r.when else { continue };
        if search.satisfiable(when) == Some(false) {
            dead[i] = true;
            let hidden = when.questions().into_iter().find(|&q| never_asked[q]);
            let hint = match hidden {
                Some(q) => format!("it tests `{}`, which is never asked", pack.questions[q].id),
                None => "its tests contradict each other, or test questions that \
                         are not asked when the others hold"
                    .to_string(),
            };
            out.push(warning(
                places.rules.get(i),
                format!(
                    "rule `{}` can never fire: no answers make its `when` hold",
                    r.id
                ),
                &hint,
            ));
        }
    }

    for c in 0..pack.candidates.len() {
        if search.can_win(c, &dead) == Some(false) {
            out.push(warning(
                places.candidates.get(c),
                format!(
                    "candidate `{}` can never be recommended: no answers rank it first",
                    pack.candidates[c].id
                ),
                "give it points in rules that can fire, or lower what its rivals get",
            ));
        }
    }

    let read = questions_read(pack);
    for (i, q) in pack.questions.iter().enumerate() {
        if !read[i] && !never_asked[i] {
            out.push(warning(
                places.questions.get(i),
                format!(
                    "question `{}` is read by no rule, condition or advice, so its answer changes nothing",
                    q.id
                ),
                "test it in a rule's `when`, or remove it",
            ));
        }
    }
    out
}

/// Which questions something reads: a rule, a question's `when`, or the advice.
fn questions_read(pack: &Pack) -> Vec<bool> {
    let mut read = vec![false; pack.questions.len()];
    let mut mark = |q: usize| {
        if let Some(r) = read.get_mut(q) {
            *r = true;
        }
    };
    for c in pack.conditions() {
        c.questions().into_iter().for_each(&mut mark);
    }
    advice_reads(pack).into_iter().for_each(mark);
    read
}

/// The questions the advice reads: its conditions and the cost arithmetic.
fn advice_reads(pack: &Pack) -> Vec<usize> {
    let a = &pack.advice;
    let mut out: Vec<usize> = a.conditions().flat_map(Condition::questions).collect();
    if let Some(costs) = &a.costs {
        out.extend(costs.team);
        out.push(costs.region.question);
        out.extend(costs.seniority.as_ref().map(|s| s.question));
        out.push(costs.duration.question);
    }
    out
}

/// The answers worth trying for each question: one of each class that no condition in
/// the pack can tell apart. `None` when some question is too wide to search.
fn domains(pack: &Pack) -> Option<Vec<Vec<Answer>>> {
    let mut atoms: Vec<Vec<&Condition>> = vec![Vec::new(); pack.questions.len()];
    for c in pack.conditions() {
        collect_atoms(c, &mut atoms);
    }
    pack.questions
        .iter()
        .zip(&atoms)
        .map(|(q, atoms)| match &q.kind {
            Kind::Single { options } => Some((0..options.len()).map(Answer::Choice).collect()),
            Kind::YesNo => Some(vec![Answer::Bool(false), Answer::Bool(true)]),
            Kind::Number { min, max, step, .. } => Some(numbers(*min, *max, *step, atoms)),
            Kind::Multiple { options, min, max } => sets(options.len(), *min, *max, atoms),
        })
        .collect()
}

fn collect_atoms<'a>(c: &'a Condition, out: &mut Vec<Vec<&'a Condition>>) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| collect_atoms(p, out))
        }
        Condition::Not(p) => collect_atoms(p, out),
        Condition::Equals { question, .. }
        | Condition::OneOf { question, .. }
        | Condition::Contains { question, .. }
        | Condition::Range { question, .. } => {
            if let Some(list) = out.get_mut(*question) {
                list.push(c);
            }
        }
        Condition::Cost { .. } | Condition::Budget { .. } => {
            for q in c.questions() {
                if let Some(list) = out.get_mut(q) {
                    list.push(c);
                }
            }
        }
    }
}

/// One grid value in each stretch of `min..=max` between the values tests name.
fn numbers(min: i64, max: i64, step: i64, atoms: &[&Condition]) -> Vec<Answer> {
    let mut cuts = vec![min];
    for a in atoms {
        match a {
            Condition::Range {
                min: lo, max: hi, ..
            } => {
                cuts.extend(*lo);
                cuts.extend(hi.map(|h| h.saturating_add(1)));
            }
            Condition::Equals {
                value: Answer::Number(v),
                ..
            } => cuts.extend([*v, v.saturating_add(1)]),
            // A budget test compares sums of several answers: try the ends and values
            // doubling between them, which reach every order of magnitude.
            Condition::Budget { .. } => {
                let mut v = min.max(1);
                while v < max {
                    cuts.push(v);
                    v = v.saturating_mul(2);
                }
                cuts.push(max);
            }
            _ => {}
        }
    }
    cuts.retain(|&c| c >= min && c <= max);
    cuts.sort_unstable();
    cuts.dedup();
    let step = step.max(1);
    let mut out = Vec::new();
    for (i, &start) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(max, |next| next - 1);
        // The first grid value at or after `start`.
        let k = (start - min + step - 1) / step;
        let v = min.saturating_add(k.saturating_mul(step));
        if v <= end {
            out.push(Answer::Number(v));
        }
    }
    out
}

/// Each set of the options that tests name, with no other option or with the fewest
/// others that make a valid answer.
fn sets(n: usize, min: usize, max: usize, atoms: &[&Condition]) -> Option<Vec<Answer>> {
    let mut named: Vec<usize> = Vec::new();
    for a in atoms {
        match a {
            Condition::Contains { option, .. } => named.push(*option),
            Condition::Equals {
                value: Answer::Choices(v),
                ..
            } => named.extend(v),
            _ => {}
        }
    }
    named.sort_unstable();
    named.dedup();
    named.retain(|&o| o < n);
    if named.len() > MAX_NAMED_OPTIONS {
        return None;
    }
    let others: Vec<usize> = (0..n).filter(|o| !named.contains(o)).collect();
    let mut out = Vec::new();
    for mask in 0u32..(1 << named.len()) {
        let chosen: Vec<usize> = (0..named.len())
            .filter(|b| mask & (1 << b) != 0)
            .map(|b| named[b])
            .collect();
        let size = chosen.len();
        // No other option, or the fewest others that reach `min` (at least one).
        let fewest = min.saturating_sub(size).max(1);
        for extra in [0, fewest] {
            let total = size + extra;
            if total < min || total > max || extra > others.len() {
                continue;
            }
            let mut v = chosen.clone();
            v.extend(&others[..extra]);
            v.sort_unstable();
            let answer = Answer::Choices(v);
            if !out.contains(&answer) {
                out.push(answer);
            }
        }
    }
    Some(out)
}

/// A search over the answers worth trying.
struct Search<'a> {
    pack: &'a Pack,
    domains: &'a [Vec<Answer>],
}

/// Answers in force while searching, and which questions have been settled.
struct State {
    answers: Vec<Option<Answer>>,
    settled: Vec<bool>,
    steps: usize,
}

impl Search<'_> {
    /// The questions `start` reads, with every question their visibility depends on,
    /// in the order asked.
    fn closure(&self, start: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut need = vec![false; self.pack.questions.len()];
        let mut todo: Vec<usize> = start.into_iter().collect();
        while let Some(q) = todo.pop() {
            if q >= need.len() || need[q] {
                continue;
            }
            need[q] = true;
            if let Some(w) = &self.pack.questions[q].when {
                todo.extend(w.questions());
            }
        }
        (0..need.len()).filter(|&q| need[q]).collect()
    }

    fn state(&self) -> State {
        let n = self.pack.questions.len();
        State {
            answers: vec![None; n],
            settled: vec![false; n],
            steps: 0,
        }
    }

    /// Whether some answers make `cond` hold; `None` when the budget ran out.
    fn satisfiable(&self, cond: &Condition) -> Option<bool> {
        let order = self.closure(cond.questions());
        let mut st = self.state();
        self.sat(cond, &order, 0, &mut st)
    }

    fn sat(&self, cond: &Condition, order: &[usize], i: usize, st: &mut State) -> Option<bool> {
        st.steps += 1;
        if st.steps > BUDGET {
            return None;
        }
        match eval3(cond, st) {
            Some(v) => return Some(v),
            None if i == order.len() => return Some(cond.eval(&st.answers)),
            None => {}
        }
        let q = order[i];
        let mut exhausted = false;
        for answer in self.choices(q, st) {
            st.answers[q] = answer;
            st.settled[q] = true;
            let found = self.sat(cond, order, i + 1, st);
            st.settled[q] = false;
            st.answers[q] = None;
            match found {
                Some(true) => return Some(true),
                None => exhausted = true,
                Some(false) => {}
            }
        }
        if exhausted { None } else { Some(false) }
    }

    /// What question `q` may hold given the questions settled before it: nothing when it
    /// is not asked, else each answer worth trying.
    fn choices(&self, q: usize, st: &State) -> Vec<Option<Answer>> {
        let asked = self.pack.questions[q]
            .when
            .as_ref()
            .is_none_or(|w| w.eval(&st.answers));
        if asked {
            self.domains[q].iter().cloned().map(Some).collect()
        } else {
            vec![None]
        }
    }

    /// Whether some answers rank candidate `c` first; `None` when the budget ran out.
    /// Rules marked `dead` never fire and are left out.
    fn can_win(&self, c: usize, dead: &[bool]) -> Option<bool> {
        let rules: Vec<usize> = (0..self.pack.rules.len()).filter(|&r| !dead[r]).collect();
        let order = self.closure(
            rules
                .iter()
                .filter_map(|&r| self.pack.rules[r].when.as_ref())
                .flat_map(Condition::questions),
        );
        // Each rule is decided once the last question it reads is settled.
        let mut at: Vec<Vec<usize>> = vec![Vec::new(); order.len() + 1];
        for &r in &rules {
            let depth = self.pack.rules[r].when.as_ref().map_or(0, |w| {
                w.questions()
                    .iter()
                    .filter_map(|q| order.iter().position(|o| o == q))
                    .max()
                    .map_or(0, |p| p + 1)
            });
            at[depth].push(r);
        }
        let n = self.pack.candidates.len();
        // What the rules decided after each depth can still do, for the bound.
        let mut gain = vec![vec![0i64; n]; order.len() + 2];
        let mut veto = vec![vec![false; n]; order.len() + 2];
        for depth in (0..=order.len()).rev() {
            let (mut g, mut v) = (gain[depth + 1].clone(), veto[depth + 1].clone());
            for &r in &at[depth] {
                let rule = &self.pack.rules[r];
                let pc = rule.points_for(c);
                for (d, gd) in g.iter_mut().enumerate() {
                    *gd = gd.saturating_add((pc - rule.points_for(d)).max(0));
                }
                for &x in rule.vetoes.iter() {
                    v[x] = true;
                }
            }
            gain[depth] = g;
            veto[depth] = v;
        }
        let mut race = Race {
            c,
            order: &order,
            at: &at,
            gain: &gain,
            veto: &veto,
            scores: vec![0; n],
            vetoed: vec![0; n],
        };
        let mut st = self.state();
        race.apply(self.pack, 0, &st, 1);
        self.win(&mut race, 0, &mut st)
    }

    fn win(&self, race: &mut Race, i: usize, st: &mut State) -> Option<bool> {
        st.steps += 1;
        if st.steps > BUDGET {
            return None;
        }
        if !race.possible(i) {
            return Some(false);
        }
        if i == race.order.len() {
            return Some(race.leads());
        }
        let q = race.order[i];
        let mut exhausted = false;
        for answer in self.choices(q, st) {
            st.answers[q] = answer;
            st.settled[q] = true;
            race.apply(self.pack, i + 1, st, 1);
            let found = self.win(race, i + 1, st);
            race.apply(self.pack, i + 1, st, -1);
            st.settled[q] = false;
            st.answers[q] = None;
            match found {
                Some(true) => return Some(true),
                None => exhausted = true,
                Some(false) => {}
            }
        }
        if exhausted { None } else { Some(false) }
    }
}

/// The race between candidate `c` and its rivals, rule by rule as the answers settle.
struct Race<'a> {
    c: usize,
    order: &'a [usize],
    at: &'a [Vec<usize>],
    gain: &'a [Vec<i64>],
    veto: &'a [Vec<bool>],
    scores: Vec<i64>,
    /// How many decided rules veto each candidate.
    vetoed: Vec<i64>,
}

impl Race<'_> {
    /// Add (`sign` 1) or take back (-1) the rules decided at `depth` that fire.
    fn apply(&mut self, pack: &Pack, depth: usize, st: &State, sign: i64) {
        for &r in &self.at[depth] {
            let rule = &pack.rules[r];
            if rule.when.as_ref().is_none_or(|w| w.eval(&st.answers)) {
                for &(x, p) in rule.points.iter() {
                    self.scores[x] = self.scores[x].saturating_add(sign * p);
                }
                for &x in rule.vetoes.iter() {
                    self.vetoed[x] += sign;
                }
            }
        }
    }

    /// Whether `c` can still beat every rival once `depth` questions are settled.
    fn possible(&self, depth: usize) -> bool {
        let c = self.c;
        let later_veto = &self.veto[depth + 1];
        // Recommended means not ruled out and strictly ahead of every candidate that is
        // not ruled out: a tie names no winner, whatever the pack's order.
        if self.vetoed[c] > 0 {
            return false;
        }
        (0..self.scores.len()).filter(|&d| d != c).all(|d| {
            let d_out = self.vetoed[d] > 0 || later_veto[d];
            let best = (self.scores[c] - self.scores[d]).saturating_add(self.gain[depth + 1][d]);
            d_out || best > 0
        })
    }

    /// Whether `c` is recommended now that every rule is decided (see [`crate::score`]).
    fn leads(&self) -> bool {
        self.vetoed[self.c] == 0
            && (0..self.scores.len())
                .all(|d| d == self.c || self.vetoed[d] > 0 || self.scores[self.c] > self.scores[d])
    }
}

/// A condition over partly settled answers: `Some` when the settled ones decide it.
fn eval3(c: &Condition, st: &State) -> Option<bool> {
    match c {
        Condition::All(parts) => {
            let mut all = true;
            for p in parts {
                match eval3(p, st) {
                    Some(false) => return Some(false),
                    None => all = false,
                    Some(true) => {}
                }
            }
            all.then_some(true)
        }
        Condition::Any(parts) => {
            let mut none = true;
            for p in parts {
                match eval3(p, st) {
                    Some(true) => return Some(true),
                    None => none = false,
                    Some(false) => {}
                }
            }
            none.then_some(false)
        }
        Condition::Not(p) => eval3(p, st).map(|v| !v),
        Condition::Equals { question, .. }
        | Condition::OneOf { question, .. }
        | Condition::Contains { question, .. }
        | Condition::Range { question, .. } => st
            .settled
            .get(*question)
            .copied()
            .unwrap_or(false)
            .then(|| c.eval(&st.answers)),
        Condition::Cost { .. } | Condition::Budget { .. } => c
            .questions()
            .iter()
            .all(|q| st.settled.get(*q).copied().unwrap_or(false))
            .then(|| c.eval(&st.answers)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Silence means "proven sound" only when no search ran out of budget.
    #[test]
    fn the_default_pack_is_searched_to_the_end() {
        let pack = crate::pack::load_default().expect("the default pack loads");
        let domains = domains(&pack).expect("no question is too wide");
        let search = Search {
            pack: &pack,
            domains: &domains,
        };
        let dead = vec![false; pack.rules.len()];
        for c in 0..pack.candidates.len() {
            assert_eq!(search.can_win(c, &dead), Some(true), "candidate {c}");
        }
        for r in pack.rules.iter().filter_map(|r| r.when.as_ref()) {
            assert_eq!(search.satisfiable(r), Some(true));
        }
    }

    #[test]
    fn number_classes_cut_at_the_bounds_tests_name() {
        let range = Condition::Range {
            question: 0,
            min: Some(35),
            max: Some(45),
        };
        assert_eq!(
            numbers(0, 100, 10, &[&range]),
            vec![Answer::Number(0), Answer::Number(40), Answer::Number(50)]
        );
    }
}
