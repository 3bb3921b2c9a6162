//! The group model checked against re-scoring: for random groups of three to five
//! members, the profile is a valid answer set scored as it says, every swap that is said
//! to change the result does (by a fresh score and the report's own state), and every
//! disagreement not listed does not.

use hirewiz::answers::Answers;
use hirewiz::insight::group::{self, Group};
use hirewiz::insight::{self, State};
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::report::Report;
use hirewiz::score::{Pick, score};
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

fn default_pack() -> &'static Pack {
    static P: OnceLock<Pack> = OnceLock::new();
    P.get_or_init(|| pack::load_default().expect("default pack"))
}

fn member(pack: &Pack, picks: &[Option<Index>]) -> Answers {
    profile(pack, picks)
}

/// Members that agree often: each answer is one of two shared picks or a pick of its own,
/// so that majorities, ties and open questions all come up.
fn members(n: usize) -> impl Strategy<Value = (Vec<Vec<Option<Index>>>, Vec<Vec<u8>>)> {
    let shared = prop::collection::vec(
        prop::collection::vec(prop::option::weighted(0.85, any::<Index>()), 24),
        2,
    );
    let own = prop::collection::vec(
        prop::collection::vec(prop::option::weighted(0.85, any::<Index>()), 24),
        n,
    );
    let choose = prop::collection::vec(prop::collection::vec(0u8..3, 24), n);
    (shared, own, choose).prop_map(|(shared, own, choose)| {
        let picks = own
            .iter()
            .zip(&choose)
            .map(|(mine, c)| {
                (0..24)
                    .map(|q| match c[q] {
                        0 => shared[0][q],
                        1 => shared[1][q],
                        _ => mine[q],
                    })
                    .collect()
            })
            .collect();
        (picks, choose)
    })
}

/// The state the report gives answers in force, from the full analysis.
fn report_state(pack: &Pack, effective: &[Option<Answer>]) -> State {
    Report::build(pack, effective, &score(pack, effective)).state
}

fn check(pack: &Pack, answers: &[Answers]) -> Result<Group, TestCaseError> {
    let g = group::group(pack, answers);

    // The profile is a valid answer set: every answer fits its question, and exactly the
    // questions its own answers ask have one.
    for (q, a) in g.profile.iter().enumerate() {
        if let Some(a) = a {
            prop_assert!(
                pack.questions()[q].check(a).is_ok(),
                "profile answer invalid"
            );
        }
    }
    prop_assert_eq!(&g.profile_answers().effective(pack), &g.profile);
    let base = score(pack, &g.profile);
    prop_assert_eq!(&g.outcome.verdict, &base);
    prop_assert_eq!(g.outcome.state, report_state(pack, &g.profile));

    // Each member as scored on their own.
    for (m, a) in g.members.iter().zip(answers) {
        prop_assert_eq!(&m.effective, &a.effective(pack));
        prop_assert_eq!(&m.verdict, &score(pack, &m.effective));
        let r = Report::build_from(pack, a, &m.verdict);
        prop_assert_eq!(m.state, r.state);
    }

    // Disagreements first, each group in the pack's order.
    for w in g.rows.windows(2) {
        prop_assert!((!w[0].disagree, w[0].question) < (!w[1].disagree, w[1].question));
    }
    for r in &g.rows {
        // "Not asked of one member, answered by another" is a difference too.
        prop_assert_eq!(r.disagree, r.answers.iter().any(|a| *a != r.answers[0]));
        prop_assert_eq!(&r.consensus, &g.profile[r.question]);
    }

    // Every swap re-checked by re-scoring, and every differing answer tried.
    for t in &g.tried {
        let mut given = g.consensus.clone();
        given.set(t.swap.question, t.swap.answer.clone());
        let eff = given.effective(pack);
        let v = score(pack, &eff);
        let s = report_state(pack, &eff);
        prop_assert_eq!(&t.outcome.verdict, &v);
        prop_assert_eq!(t.outcome.state, s);
        prop_assert_eq!(t.changes, v.pick != base.pick || s != g.outcome.state);
        for &m in &t.swap.members {
            prop_assert_eq!(
                g.members[m].effective[t.swap.question].as_ref(),
                Some(&t.swap.answer)
            );
        }
    }
    for r in g.rows.iter().filter(|r| r.disagree) {
        let Some(cur) = &r.consensus else { continue };
        for a in r.answers.iter().flatten().filter(|a| *a != cur) {
            let t = g
                .tried
                .iter()
                .find(|t| t.swap.question == r.question && &t.swap.answer == a);
            prop_assert!(t.is_some(), "a disagreement was not tried");
        }
    }

    // Pairs only when no single swap changes who is recommended, each re-checked: one
    // that changes who is, or, where no single swap changes anything, the state.
    let single_pick = g.tried.iter().any(|t| t.outcome.verdict.pick != base.pick);
    let single_state = g.changing().next().is_some();
    prop_assert!(g.pairs.is_empty() || !single_pick);
    for p in &g.pairs {
        let mut given = g.consensus.clone();
        for s in &p.swaps {
            given.set(s.question, s.answer.clone());
        }
        let eff = given.effective(pack);
        let v = score(pack, &eff);
        let s = report_state(pack, &eff);
        if single_state {
            prop_assert!(v.pick != base.pick);
        } else {
            prop_assert!(v.pick != base.pick || s != g.outcome.state);
        }
        prop_assert_eq!(&p.outcome.verdict, &v);
        prop_assert!(p.swaps[0].question < p.swaps[1].question);
    }
    Ok(g)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn groups_on_the_test_pack_hold_up_to_rescoring(
        n in 3usize..=5,
        seed in members(5),
    ) {
        let pack = test_pack();
        let answers: Vec<Answers> = seed.0[..n].iter().map(|p| member(pack, p)).collect();
        check(pack, &answers)?;
    }

    #[test]
    fn groups_on_the_default_pack_hold_up_to_rescoring(
        n in 3usize..=5,
        seed in members(5),
    ) {
        let pack = default_pack();
        let answers: Vec<Answers> = seed.0[..n].iter().map(|p| member(pack, p)).collect();
        check(pack, &answers)?;
    }

    #[test]
    fn the_quick_state_is_the_reports(picks in prop::collection::vec(prop::option::weighted(0.8, any::<Index>()), 24)) {
        for pack in [test_pack(), default_pack()] {
            let a = member(pack, &picks);
            let v = score(pack, &a.effective(pack));
            prop_assert_eq!(insight::state(pack, &a), Report::build_from(pack, &a, &v).state);
        }
    }
}

fn q(pack: &Pack, id: &str) -> usize {
    pack.question_index(id).expect("question")
}

fn opt(pack: &Pack, question: &str, id: &str) -> usize {
    pack.questions()[q(pack, question)]
        .kind
        .options()
        .iter()
        .position(|c| c.id == id)
        .expect("option")
}

#[test]
fn majorities_medians_and_open_questions() {
    let pack = test_pack();
    let (duration, niche, team, needs) = (
        q(pack, "duration"),
        q(pack, "niche"),
        q(pack, "team"),
        q(pack, "needs"),
    );
    let mk = |d: &str, n: bool, t: i64, s: &[&str]| {
        let mut a = Answers::new(pack.questions().len());
        a.set(duration, Answer::Choice(opt(pack, "duration", d)));
        a.set(niche, Answer::Bool(n));
        a.set(team, Answer::Number(t));
        a.set(
            needs,
            Answer::Choices(s.iter().map(|o| opt(pack, "needs", o)).collect()),
        );
        a
    };
    let needs_ids: Vec<String> = pack.questions()[needs]
        .kind
        .options()
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    let (a0, a1) = (needs_ids[0].as_str(), needs_ids[1].as_str());
    let g = group::group(
        pack,
        &[
            mk("weeks", true, 3, &[a0]),
            mk("weeks", false, 9, &[a0, a1]),
            mk("years", true, 5, &[a0]),
        ],
    );
    let row = |q: usize| g.rows.iter().find(|r| r.question == q).expect("row");
    assert_eq!(
        row(duration).consensus,
        Some(Answer::Choice(opt(pack, "duration", "weeks")))
    );
    assert!(!row(duration).open && row(duration).disagree);
    assert_eq!(row(niche).consensus, Some(Answer::Bool(true)));
    assert!(!row(niche).open);
    // 3, 5, 9: the median, though no value has a majority.
    assert_eq!(row(team).consensus, Some(Answer::Number(5)));
    assert!(row(team).open);
    assert_eq!(
        row(needs).consensus,
        Some(Answer::Choices(vec![opt(pack, "needs", a0)]))
    );
    assert!(!row(needs).open);
    // Disagreements come first.
    assert!(g.rows.iter().take_while(|r| r.disagree).count() >= 4);
    assert!(matches!(
        g.outcome.verdict.pick,
        Pick::One(_) | Pick::Level(_) | Pick::NoneFits
    ));
}

/// The random groups above are worth checking: over many of them, swaps that change the
/// result, swaps that do not, pairs and open questions all come up.
#[test]
fn random_groups_cover_every_case() {
    let pack = test_pack();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let (mut changing, mut steady, mut pairs, mut open) = (0, 0, 0, 0);
    for _ in 0..300 {
        let shared: Vec<Answers> = (0..2)
            .map(|_| {
                let mut a = Answers::new(pack.questions().len());
                for (q, question) in pack.questions().iter().enumerate() {
                    let all = every_answer(&question.kind);
                    a.set(q, all[next(all.len())].clone());
                }
                a
            })
            .collect();
        let members: Vec<Answers> = (0..3 + next(3))
            .map(|_| {
                let mut a = shared[next(2)].clone();
                let q = next(pack.questions().len());
                let all = every_answer(&pack.questions()[q].kind);
                a.set(q, all[next(all.len())].clone());
                a
            })
            .collect();
        let g = group::group(pack, &members);
        changing += usize::from(g.changing().next().is_some());
        steady += usize::from(g.tried.iter().any(|t| !t.changes));
        pairs += usize::from(!g.pairs.is_empty());
        open += usize::from(!g.open().is_empty());
    }
    eprintln!("changing {changing}, steady {steady}, pairs {pairs}, open {open}");
    assert!(changing > 10 && steady > 10 && pairs > 0 && open > 10);
}

/// A settled session starts from the profile, asks exactly its open questions, each in
/// turn, and then shows the review: the questions the group agreed on are not asked again.
#[test]
fn settling_asks_the_open_questions_first() {
    use hirewiz::wizard::{Step, Wizard};
    use std::sync::Arc;
    let pack = Arc::new(test_pack().clone());
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..100 {
        let members: Vec<Answers> = (0..3 + next(3))
            .map(|_| {
                let mut a = Answers::new(pack.questions().len());
                for (q, question) in pack.questions().iter().enumerate() {
                    let all = every_answer(&question.kind);
                    a.set(q, all[next(all.len()).min(2)].clone());
                }
                a
            })
            .collect();
        let g = group::group(&pack, &members);
        let open = g.open();
        let mut w = Wizard::new(pack.clone());
        for e in group::settle_events(&g.profile, &open) {
            w.apply(&e).expect("every settle event is accepted");
        }
        assert_eq!(w.effective(), g.profile);
        let mut asked = Vec::new();
        while let Step::Question(q) = w.step() {
            asked.push(q);
            w.apply(&hirewiz::wizard::Event::Next).expect("next");
        }
        // Exactly the open questions, in the pack's order, and then the review.
        let mut expected: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&q| g.profile[q].is_some())
            .collect();
        expected.sort_unstable();
        assert_eq!(asked, expected);
        assert_eq!(w.step(), Step::Review);
    }
}
