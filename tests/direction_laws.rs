//! The direction laws of the default pack, checked across many random base profiles:
//! moving one answer in one direction, all else equal, never moves a candidate's
//! standing the wrong way. A candidate ruled out stands below any total, as
//! `hirewiz check` counts it.

use hirewiz::answers::Answers;
use hirewiz::pack::{self, Answer, Kind, Pack};
use hirewiz::score;
use proptest::prelude::*;
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| pack::load_default().expect("the default pack loads"))
}

/// A random, valid answer to every question of the pack.
fn profile() -> impl Strategy<Value = Answers> {
    let pack = pack();
    let parts: Vec<BoxedStrategy<Answer>> = pack
        .questions()
        .iter()
        .map(|q| match &q.kind {
            Kind::Single { options } => (0..options.len()).prop_map(Answer::Choice).boxed(),
            Kind::Multiple { options, min, max } => {
                let (n, min, max) = (options.len(), *min, *max);
                proptest::sample::subsequence((0..n).collect::<Vec<_>>(), min..=max)
                    .prop_map(Answer::Choices)
                    .boxed()
            }
            Kind::Number { min, max, .. } => (*min..=*max).prop_map(Answer::Number).boxed(),
            Kind::YesNo => any::<bool>().prop_map(Answer::Bool).boxed(),
        })
        .collect();
    parts.prop_map(|answers| {
        let mut a = Answers::new(answers.len());
        for (i, x) in answers.into_iter().enumerate() {
            a.set(i, x);
        }
        a
    })
}

/// The standing of `candidate` for each option of `question`, in option order, with
/// every other answer as in `base`: its total, or below every total when ruled out.
fn along(base: &Answers, question: &str, candidate: &str) -> Vec<i64> {
    let pack = pack();
    let q = pack.question_index(question).expect("question exists");
    let c = pack.candidate_index(candidate).expect("candidate exists");
    (0..pack.questions()[q].kind.options().len())
        .map(|o| {
            let mut a = base.clone();
            a.set(q, Answer::Choice(o));
            let s = score::score(pack, &a.effective(pack));
            if s.vetoed[c] { i64::MIN } else { s.scores[c] }
        })
        .collect()
}

fn never_falls(v: &[i64]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}

fn never_rises(v: &[i64]) -> bool {
    v.windows(2).all(|w| w[0] >= w[1])
}

/// The option order of a question, checked so that a reordered pack fails loudly.
fn options(question: &str) -> Vec<String> {
    let pack = pack();
    let q = pack.question_index(question).expect("question exists");
    pack.questions()[q]
        .kind
        .options()
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

#[test]
fn the_laws_read_the_options_in_the_order_they_assume() {
    assert_eq!(options("engagement"), ["short", "medium", "ongoing"]);
    assert_eq!(options("complexity"), ["small", "moderate", "complex"]);
    assert_eq!(options("hiring_capacity"), ["none", "some", "established"]);
    assert_eq!(options("urgency"), ["asap", "soon", "flexible"]);
    assert_eq!(options("control"), ["low", "medium", "high"]);
    assert_eq!(options("company_stage"), ["startup", "smb", "enterprise"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn ongoing_engagement_never_lowers_in_house_nor_raises_freelance(base in profile()) {
        // A budget of the whole work is one fixed sum that longer work outgrows whatever
        // the staffing: the law speaks of the other budgets.
        let basis = pack().question_index("budget_figure").expect("question exists");
        let total = pack().questions()[basis].kind.options().iter().position(|o| o.id == "total");
        prop_assume!(base.effective(pack())[basis] != total.map(Answer::Choice));
        let in_house = along(&base, "engagement", "in_house");
        let freelance = along(&base, "engagement", "freelance");
        prop_assert!(never_falls(&in_house), "in_house along short..ongoing: {in_house:?}");
        prop_assert!(never_rises(&freelance), "freelance along short..ongoing: {freelance:?}");
    }

    #[test]
    fn more_complexity_never_raises_freelance(base in profile()) {
        let freelance = along(&base, "complexity", "freelance");
        prop_assert!(never_rises(&freelance), "freelance along small..complex: {freelance:?}");
    }

    #[test]
    fn more_hiring_capacity_never_lowers_in_house(base in profile()) {
        let in_house = along(&base, "hiring_capacity", "in_house");
        prop_assert!(never_falls(&in_house), "in_house along none..established: {in_house:?}");
    }

    #[test]
    fn more_urgency_never_raises_in_house(base in profile()) {
        // Options run from most urgent (asap) to least (flexible).
        let in_house = along(&base, "urgency", "in_house");
        prop_assert!(never_falls(&in_house), "in_house along asap..flexible: {in_house:?}");
    }

    #[test]
    fn more_control_never_lowers_in_house(base in profile()) {
        let in_house = along(&base, "control", "in_house");
        prop_assert!(never_falls(&in_house), "in_house along low..high: {in_house:?}");
    }

    #[test]
    fn a_larger_company_never_lowers_in_house(base in profile()) {
        let in_house = along(&base, "company_stage", "in_house");
        prop_assert!(never_falls(&in_house), "in_house along startup..enterprise: {in_house:?}");
    }
}
