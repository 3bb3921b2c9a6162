//! The insight checked against brute force: every what-if really gives the result it
//! names (a winner, a tie or none), no answer change that changes the result is missed, pairs are the smallest
//! that exist, and the rules marked decisive really carry the decision.

use hirewiz::answers::Answers;
use hirewiz::insight::{self, Insight, PAIR_LIMIT};
use hirewiz::pack::{self, Answer, Kind, Pack};
use hirewiz::score::{Pick, Verdict, score};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;

#[path = "support/answers.rs"]
mod support;
use support::{every_answer, profile};

fn test_pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(|| pack::load_path(Path::new("tests/packs/insight.yaml")).expect("test pack"))
}

fn pairs_pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(|| {
        pack::load_path(Path::new("tests/packs/insight-pairs.yaml")).expect("pairs pack")
    })
}

fn default_pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(|| pack::load_default().expect("default pack"))
}

fn picks(n: usize) -> impl Strategy<Value = Vec<Option<Index>>> {
    prop::collection::vec(prop::option::weighted(0.8, any::<Index>()), n)
}

fn rescore(pack: &Pack, answers: &Answers, changes: &[(usize, &Answer)]) -> Verdict {
    let mut a = answers.clone();
    for (q, ans) in changes {
        a.set(*q, (*ans).clone());
    }
    score(pack, &a.effective(pack))
}

/// Every what-if is a real, valid change that gives the winner and margin it names, and
/// every answer change that changes the winner is covered by one no bigger.
fn check_singles(pack: &Pack, answers: &Answers) -> Result<Insight, TestCaseError> {
    let eff = answers.effective(pack);
    let base = score(pack, &eff);
    let ins = insight::analyse(pack, answers);
    prop_assert_eq!(&ins.current.pick, &base.pick);
    prop_assert_eq!(ins.current.winner, base.winner());
    prop_assert_eq!(ins.current.margin, base.margin);
    prop_assert_eq!(ins.current.tie, base.tie);

    for w in &ins.what_if {
        let q = w.change.question;
        let cur = eff[q]
            .as_ref()
            .expect("a what-if changes a question that is asked");
        prop_assert!(pack.questions()[q].check(&w.change.answer).is_ok());
        prop_assert_ne!(&w.change.answer, cur);
        let v = rescore(pack, answers, &[(q, &w.change.answer)]);
        prop_assert_eq!(v.winner(), w.outcome.winner);
        prop_assert_eq!(&v.pick, &w.outcome.pick);
        prop_assert_ne!(&v.pick, &base.pick);
        prop_assert_eq!(v.margin, w.outcome.margin);
        prop_assert_eq!(v.tie, w.outcome.tie);
        prop_assert_eq!(
            w.change.size,
            insight::change_size_in(pack, &eff, q, cur, &w.change.answer)
        );
    }
    for pair in ins.what_if.windows(2) {
        let key = |w: &insight::WhatIf| {
            (
                w.change.size,
                w.outcome.pick == Pick::NoneFits,
                -w.outcome.margin,
            )
        };
        prop_assert!(key(&pair[0]) <= key(&pair[1]), "what-ifs out of order");
    }

    for w in &ins.what_if {
        prop_assert!(pack.questions()[w.change.question].what_if);
    }
    // A number moved further the same way for the same result is not listed again.
    for (i, a) in ins.what_if.iter().enumerate() {
        for b in &ins.what_if[i + 1..] {
            if let (Answer::Number(x), Answer::Number(y), Some(Answer::Number(cur))) =
                (&a.change.answer, &b.change.answer, &eff[a.change.question])
            {
                prop_assert!(
                    a.change.question != b.change.question
                        || x.cmp(cur) != y.cmp(cur)
                        || a.outcome.pick != b.outcome.pick
                        || a.outcome.margin != b.outcome.margin,
                    "{} and {} give the same result",
                    x,
                    y
                );
            }
        }
    }
    for (q, question) in pack.questions().iter().enumerate() {
        let Some(cur) = &eff[q] else { continue };
        // A question left out of the what-ifs is never one, whatever it would change.
        if !question.what_if {
            continue;
        }
        for alt in every_answer(&question.kind) {
            if &alt == cur {
                continue;
            }
            let v = rescore(pack, answers, &[(q, &alt)]);
            if v.pick == base.pick {
                continue;
            }
            let size = insight::change_size_in(pack, &eff, q, cur, &alt);
            let covered = ins.what_if.iter().any(|w| {
                w.change.question == q
                    && w.outcome.pick == v.pick
                    && w.change.size <= size
                    && match question.kind {
                        // A bigger change of the same set may be left out as more of the same.
                        Kind::Multiple { .. } => true,
                        Kind::Single { .. } | Kind::YesNo => w.change.answer == alt,
                        Kind::Number { .. } => w.outcome.margin == v.margin,
                    }
            });
            prop_assert!(
                covered,
                "missed: `{}` = {:?} gives {} by {}",
                question.id,
                alt,
                pack.candidates()[v.winner()].id,
                v.margin
            );
        }
    }
    if !ins.what_if.is_empty() {
        prop_assert!(ins.what_if_pairs.is_empty());
    }
    Ok(ins)
}

/// A fired rule is decisive exactly when scoring without it changes the winner.
fn check_rules(pack: &Pack, answers: &Answers, ins: &Insight) -> Result<(), TestCaseError> {
    let eff = answers.effective(pack);
    let base = score(pack, &eff);
    let mut fired: Vec<usize> = base.fired.iter().map(|f| f.rule).collect();
    fired.sort_unstable();
    let listed: Vec<usize> = ins.rules.iter().map(|r| r.rule).collect();
    prop_assert_eq!(&listed, &fired);
    for w in &ins.rules {
        let without = pack.without_rule(w.rule);
        let v = score(&without, &eff);
        prop_assert_eq!(v.winner(), w.without.winner);
        prop_assert_eq!(v.margin, w.without.margin);
        prop_assert_eq!(w.decisive, v.pick != base.pick);
        prop_assert_eq!(ins.is_decisive(w.rule), w.decisive);
    }
    Ok(())
}

/// On a close call (by the margin or by one step): the leaders are the first and the
/// runner-up, or on a close call by one step only the option that step brings (on a tie
/// of three or more, all of them: see [`check_many_way_tie`]); each decider's points are
/// what the fired rules reading it give one over the other, and `flips` is exactly
/// whether some other answer puts the second above the first.
fn check_close_call(pack: &Pack, answers: &Answers, ins: &Insight) -> Result<(), TestCaseError> {
    let eff = answers.effective(pack);
    let base = score(pack, &eff);
    // Close as the report's state has it: by the margin, or one step changes the winner.
    let close = base.close || ins.what_if.iter().any(|w| w.change.size == 1);
    let Some(c) = &ins.close_call else {
        // No call to make only when no option is left, or none is second.
        prop_assert!(!close || base.pick == Pick::NoneFits || base.runner_up().is_none());
        return Ok(());
    };
    prop_assert!(close && base.pick != Pick::NoneFits);
    if let Pick::Level(set) = &base.pick
        && set.len() > 2
    {
        return check_many_way_tie(pack, answers, ins, set);
    }
    prop_assert_eq!(c.leaders.len(), 2);
    let (a, b) = (c.leaders[0], c.leaders[1]);
    prop_assert_eq!(a, base.ranking[0]);
    prop_assert_eq!(c.margin, base.scores[a] - base.scores[b]);
    // The other leader: the runner-up of a narrow margin; else what the first one-step
    // change that leaves some option puts first (of a level set, the member ranked
    // highest now), or the runner-up when every such change leaves none.
    let brings = |w: &insight::WhatIf| -> Option<usize> {
        match &w.outcome.pick {
            Pick::One(x) => Some(*x),
            Pick::Level(set) => base
                .ranking
                .iter()
                .copied()
                .find(|x| *x != a && set.contains(x)),
            Pick::NoneFits => None,
        }
    };
    if base.close {
        prop_assert_eq!(Some(b), base.runner_up());
    } else {
        let steps: Vec<&insight::WhatIf> =
            ins.what_if.iter().filter(|w| w.change.size == 1).collect();
        prop_assert!(!steps.is_empty());
        match steps.iter().find(|w| w.outcome.pick != Pick::NoneFits) {
            Some(first) => {
                prop_assert_eq!(Some(b), brings(first));
                prop_assert!(
                    first.outcome.pick == Pick::One(b)
                        || matches!(&first.outcome.pick, Pick::Level(s) if s.contains(&b))
                );
            }
            None => prop_assert_eq!(Some(b), base.runner_up()),
        }
    }
    for (q, question) in pack.questions().iter().enumerate() {
        let Some(cur) = &eff[q] else { continue };
        let flips = question.what_if
            && every_answer(&question.kind).iter().any(|alt| {
                alt != cur && {
                    let v = rescore(pack, answers, &[(q, alt)]);
                    let pos = |c: usize| v.ranking.iter().position(|x| *x == c);
                    pos(b) < pos(a)
                }
            });
        let points: i64 = base
            .fired
            .iter()
            .filter(|f| {
                pack.rules()[f.rule]
                    .when
                    .as_ref()
                    .is_some_and(|w| w.questions().contains(&q))
            })
            .map(|f| {
                let get = |c: usize| f.points.iter().find(|p| p.0 == c).map_or(0, |p| p.1);
                get(a) - get(b)
            })
            .sum();
        let d = c.deciders.iter().find(|d| d.question == q);
        // A question left out of the what-ifs is not counted as deciding.
        if !question.what_if {
            prop_assert!(d.is_none(), "`{}` decides", question.id);
            continue;
        }
        prop_assert_eq!(
            d.is_some_and(|d| d.flips),
            flips,
            "flips of `{}`",
            question.id
        );
        if let Some(d) = d {
            prop_assert_eq!(d.points, points);
            let favours = match points {
                0 => None,
                p if p > 0 => Some(a),
                _ => Some(b),
            };
            prop_assert_eq!(d.favours, favours);
        } else {
            prop_assert!(points == 0 && !flips);
        }
    }
    Ok(())
}

/// A tie of three or more is decided among all of them, in the ranking's order: a
/// question decides when the fired rules reading it give them different points (its
/// `points` the spread, `favours` the one given most, if alone) or some other answer to
/// it changes which are level at the top (`flips`).
fn check_many_way_tie(
    pack: &Pack,
    answers: &Answers,
    ins: &Insight,
    set: &[usize],
) -> Result<(), TestCaseError> {
    let c = ins.close_call.as_ref().expect("a close call");
    let eff = answers.effective(pack);
    let base = score(pack, &eff);
    let order: Vec<usize> = base
        .ranking
        .iter()
        .copied()
        .filter(|x| set.contains(x))
        .collect();
    prop_assert_eq!(&c.leaders, &order);
    for (q, question) in pack.questions().iter().enumerate() {
        let Some(cur) = &eff[q] else { continue };
        let d = c.deciders.iter().find(|d| d.question == q);
        if !question.what_if {
            prop_assert!(d.is_none(), "`{}` decides", question.id);
            continue;
        }
        let flips = every_answer(&question.kind)
            .iter()
            .any(|alt| alt != cur && rescore(pack, answers, &[(q, alt)]).pick != base.pick);
        let given: Vec<i64> = order
            .iter()
            .map(|&l| {
                base.fired
                    .iter()
                    .filter(|f| {
                        pack.rules()[f.rule]
                            .when
                            .as_ref()
                            .is_some_and(|w| w.questions().contains(&q))
                    })
                    .map(|f| f.points.iter().find(|p| p.0 == l).map_or(0, |p| p.1))
                    .sum()
            })
            .collect();
        let hi = *given.iter().max().unwrap();
        let lo = *given.iter().min().unwrap();
        prop_assert_eq!(
            d.is_some_and(|d| d.flips),
            flips,
            "flips of `{}`",
            question.id
        );
        match d {
            Some(d) => {
                prop_assert_eq!(d.points, hi - lo);
                let top: Vec<usize> = (0..order.len()).filter(|&i| given[i] == hi).collect();
                prop_assert_eq!(d.favours, (top.len() == 1).then(|| order[top[0]]));
            }
            None => prop_assert!(hi == lo && !flips),
        }
    }
    Ok(())
}

/// Pairs: each listed pair really gives its winner, and every pair of answer changes
/// that changes the winner is covered by a listed pair no bigger, unless the list is
/// full and the pair is no smaller than its last entry.
fn check_pairs(pack: &Pack, answers: &Answers, ins: &Insight) -> Result<(), TestCaseError> {
    if !ins.what_if.is_empty() {
        return Ok(());
    }
    prop_assert!(ins.pairs_complete);
    let eff = answers.effective(pack);
    let base = score(pack, &eff);
    for p in &ins.what_if_pairs {
        let [x, y] = &p.changes;
        prop_assert!(x.question < y.question);
        let v = rescore(
            pack,
            answers,
            &[(x.question, &x.answer), (y.question, &y.answer)],
        );
        prop_assert_eq!(v.winner(), p.outcome.winner);
        prop_assert_eq!(&v.pick, &p.outcome.pick);
        prop_assert_ne!(&v.pick, &base.pick);
        prop_assert_eq!(v.margin, p.outcome.margin);
    }
    // No listed pair is a bigger version of another for the same result.
    for p in &ins.what_if_pairs {
        let bigger = ins.what_if_pairs.iter().any(|o| {
            o.changes[0].question == p.changes[0].question
                && o.changes[1].question == p.changes[1].question
                && o.size() < p.size()
                && o.outcome.pick == p.outcome.pick
                && o.outcome.margin == p.outcome.margin
        });
        prop_assert!(!bigger, "a bigger pair for the same result is listed");
    }
    let full = ins.what_if_pairs.len() == PAIR_LIMIT;
    let last = ins.what_if_pairs.last().map_or(0, |p| p.size());
    let mut smallest: Option<u32> = None;
    for (q1, first) in pack.questions().iter().enumerate() {
        let Some(cur1) = &eff[q1] else { continue };
        if !first.what_if {
            continue;
        }
        for a1 in every_answer(&first.kind) {
            if &a1 == cur1 {
                continue;
            }
            let mut one = answers.clone();
            one.set(q1, a1.clone());
            let eff1 = one.effective(pack);
            for (q2, second) in pack.questions().iter().enumerate() {
                // Unordered pairs of questions asked now; or a question the first change
                // brings into view.
                let shown = eff[q2].is_none() && eff1[q2].is_some();
                if q2 == q1 || !second.what_if || !(shown || (q2 > q1 && eff[q2].is_some())) {
                    continue;
                }
                let Some(cur2) = &eff1[q2] else { continue };
                for a2 in every_answer(&second.kind) {
                    if &a2 == cur2 {
                        continue;
                    }
                    let v = rescore(pack, answers, &[(q1, &a1), (q2, &a2)]);
                    if v.pick == base.pick {
                        continue;
                    }
                    let size = insight::change_size_in(pack, &eff, q1, cur1, &a1)
                        + insight::change_size_in(pack, &eff1, q2, cur2, &a2);
                    smallest = Some(smallest.map_or(size, |s| s.min(size)));
                    if full && size >= last {
                        continue;
                    }
                    let covered = ins.what_if_pairs.iter().any(|p| {
                        p.changes[0].question == q1
                            && p.changes[1].question == q2
                            && p.outcome.pick == v.pick
                            && p.outcome.margin == v.margin
                            && p.size() <= size
                    });
                    prop_assert!(
                        covered,
                        "missed pair: `{}` = {:?} and `{}` = {:?}",
                        first.id,
                        a1,
                        second.id,
                        a2
                    );
                }
            }
        }
    }
    prop_assert_eq!(smallest, ins.what_if_pairs.first().map(|p| p.size()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn test_pack_singles_rules_and_close_calls(p in picks(7)) {
        let pack = test_pack();
        let answers = profile(pack, &p);
        let ins = check_singles(pack, &answers)?;
        check_rules(pack, &answers, &ins)?;
        check_close_call(pack, &answers, &ins)?;
        check_pairs(pack, &answers, &ins)?;
    }

    #[test]
    fn default_pack_singles_rules_and_close_calls(p in picks(64)) {
        let pack = default_pack();
        let answers = profile(pack, &p);
        let ins = check_singles(pack, &answers)?;
        check_rules(pack, &answers, &ins)?;
        check_close_call(pack, &answers, &ins)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn pairs_pack_pairs(p in picks(5)) {
        let pack = pairs_pack();
        let answers = profile(pack, &p);
        let ins = check_singles(pack, &answers)?;
        check_pairs(pack, &answers, &ins)?;
        check_rules(pack, &answers, &ins)?;
    }
}

#[test]
fn no_single_change_is_enough_on_the_pairs_pack_defaults() {
    let pack = pairs_pack();
    let answers = Answers::new(pack.questions().len());
    let ins = insight::analyse(pack, &answers);
    assert!(ins.what_if.is_empty());
    assert!(!ins.what_if_pairs.is_empty());
    let eff = answers.effective(pack);
    let sentences: Vec<String> = ins
        .what_if_pairs
        .iter()
        .map(|p| {
            let view = insight::view_change(pack, &answers, &eff, &[&p.changes[0], &p.changes[1]]);
            insight::pair_sentence(pack, &eff, p, &view)
        })
        .collect();
    // A pair that leaves two options level changes the result too: no winner is named.
    assert_eq!(
        sentences[0],
        "How long? Months instead of Years; and What do you need? also ticking An API: \
         In-house and Freelance would be level."
    );
    assert!(sentences.iter().any(|s| s
        == "How long? Weeks instead of Years; and Can the work be remote? Yes instead of No: \
            Freelance would lead by 1 point."));
    // Showing the vendor question and answering it counts as a pair.
    assert!(
        ins.what_if_pairs
            .iter()
            .any(|p| { pack.questions()[p.changes[1].question].id == "vendor" })
    );
}

#[test]
fn what_ifs_read_as_sentences() {
    let pack = test_pack();
    let answers = Answers::new(pack.questions().len());
    let eff = answers.effective(pack);
    let ins = insight::analyse(pack, &answers);
    let w = &ins.what_if[0];
    let view = insight::view_change(pack, &answers, &eff, &[&w.change]);
    assert_eq!(view, insight::ViewChange::default());
    let first = insight::what_if_sentence(pack, &eff, w, &view);
    assert_eq!(
        first,
        "How long will you need it? About a year instead of A few months: \
         In-house would lead by 3 points."
    );
    let close = ins
        .close_call
        .as_ref()
        .expect("the defaults are a close call");
    assert_eq!(
        insight::close_call_sentence(pack, &eff, close).as_deref(),
        Some(
            "Deciding between Freelance and Outsource: What do you need? An API; \
             How many engineers? 3 engineers."
        )
    );
}

#[test]
fn numbers_are_tried_across_each_boundary_on_the_grid() {
    let pack = test_pack();
    let answers = Answers::new(pack.questions().len());
    let team = pack.question_index("team").unwrap();
    let tried: Vec<(Answer, u32)> = insight::changes(pack, &answers)
        .into_iter()
        .filter(|c| c.question == team)
        .map(|c| (c.answer, c.size))
        .collect();
    // From 3 on the grid 1, 3, 5, …, 21 with tests at 5, 8 and up, 15 to 19: 1 is
    // treated like 3, so nothing below; above are 5, 7 (past the `equals`), 9 (past 8),
    // 15 and 21.
    assert_eq!(
        tried,
        vec![
            (Answer::Number(5), 1),
            (Answer::Number(7), 2),
            (Answer::Number(9), 3),
            (Answer::Number(15), 4),
            (Answer::Number(21), 5),
        ]
    );
}

#[test]
fn compare_lists_the_answers_that_differ() {
    let pack = test_pack();
    let a = Answers::new(pack.questions().len());
    let mut b = a.clone();
    let needs = pack.question_index("needs").unwrap();
    b.set(needs, Answer::Choices(vec![0, 1]));
    let c = insight::compare(pack, &a, &b);
    let ids: Vec<&str> = c
        .differences
        .iter()
        .map(|d| pack.questions()[d.question].id.as_str())
        .collect();
    // Data work also brings the regulation question into view.
    assert_eq!(ids, ["needs", "regulated"]);
    assert_eq!(c.differences[1].a, None);
    assert!(insight::compare(pack, &a, &a).differences.is_empty());
}

/// A one-step change that leaves no option says nothing about who else leads: it comes
/// after the changes that bring an option back, and the close call weighs the option
/// those bring (before, it came first on its meaningless margin and the close call was
/// dropped). With no option left now, there is no close call to make.
#[test]
fn a_step_that_leaves_no_option_neither_leads_nor_hides_the_close_call() {
    let text = "pack: {id: nf, version: \"1\", title: NF, close_call: 3}\n\
        candidates: [{id: a, name: Alpha}, {id: b, name: Beta}]\n\
        sections:\n  - id: s\n    title: S\n    questions:\n      \
        - {id: q1, prompt: First?, help: H., kind: yes_no, default: true}\n      \
        - {id: q2, prompt: Second?, help: H., kind: yes_no, default: false}\n\
        rules:\n  - {id: base, points: {a: 10}, reason: Base.}\n  \
        - {id: out-b, when: {equals: {q1: true}}, veto: b, reason: B out.}\n  \
        - {id: b-back, when: {equals: {q1: false}}, points: {b: 15}, reason: B strong.}\n  \
        - {id: out-a, when: {equals: {q2: true}}, veto: a, reason: A out.}\n";
    let pack = pack::load_texts(&[("nf.yaml".into(), text.into())]).expect("the pack loads");
    let answers = Answers::new(pack.questions().len());
    let ins = insight::analyse(&pack, &answers);
    let steps: Vec<&Pick> = ins
        .what_if
        .iter()
        .filter(|w| w.change.size == 1)
        .map(|w| &w.outcome.pick)
        .collect();
    assert_eq!(steps, [&Pick::One(1), &Pick::NoneFits]);
    let c = ins.close_call.as_ref().expect("a close call");
    assert_eq!(c.leaders, [0, 1]);
    assert_eq!(c.margin, 10);
    // With q2 = yes, Alpha is out too: nothing fits, and there is no call to make.
    let mut none = answers.clone();
    none.set(1, Answer::Bool(true));
    assert_eq!(insight::analyse(&pack, &none).close_call, None);
}

/// Reported: a three-way tie said "Deciding between In-house and Freelance", leaving out
/// Outsource, level with them. It is now decided among all three.
#[test]
fn a_three_way_tie_is_decided_among_all_three() {
    let pack = default_pack();
    let text = "pack: backend-hiring\nanswers: {drivers: [greenfield], complexity: small, \
                hiring_capacity: established, control: high}\n";
    let answers = hirewiz::answers::read_text(pack, "tie", text)
        .unwrap()
        .answers;
    let base = score(pack, &answers.effective(pack));
    let Pick::Level(set) = &base.pick else {
        panic!("not a tie: {:?}", base.pick)
    };
    assert_eq!(set.len(), 3);
    let ins = check_singles(pack, &answers).unwrap();
    check_close_call(pack, &answers, &ins).unwrap();
    let c = ins.close_call.as_ref().unwrap();
    assert_eq!(c.leaders.len(), 3);
    assert!(!c.deciders.is_empty());
    let sentence = insight::close_call_sentence(pack, &answers.effective(pack), c).unwrap();
    assert!(
        sentence.starts_with("Deciding among In-house, Freelance and Outsource: "),
        "{sentence}"
    );
}
