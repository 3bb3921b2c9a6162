//! A condition compiled to index tests holds exactly where the condition holds, for
//! every kind of test, nested any way, over answers valid for their questions, including
//! questions with more options than a word holds and questions not asked.

use hirewiz::pack::{Answer, Choice, Condition, IndexTest, Kind, Question, Slot};
use proptest::prelude::*;

/// Option counts of the choice questions: narrow ones, one at the word's width, and wide
/// ones past it.
const SINGLE: [usize; 3] = [3, 64, 70];
const MULTIPLE: [usize; 3] = [5, 64, 70];

fn question(id: usize, kind: Kind, default: Answer) -> Question {
    Question {
        id: format!("q{id}").into(),
        section: 0,
        prompt: String::new().into(),
        help: String::new().into(),
        details: None,
        kind,
        default,
        when: None,
        what_if: true,
    }
}

fn choices(n: usize) -> Vec<Choice> {
    (0..n)
        .map(|i| Choice {
            id: format!("o{i}").into(),
            label: String::new().into(),
            help: None,
        })
        .collect()
}

/// Questions 0–2 single choice, 3–5 multiple choice, 6 yes/no, 7 a number.
fn questions() -> Vec<Question> {
    let mut out = Vec::new();
    for n in SINGLE {
        out.push(question(
            out.len(),
            Kind::Single {
                options: choices(n),
            },
            Answer::Choice(0),
        ));
    }
    for n in MULTIPLE {
        out.push(question(
            out.len(),
            Kind::Multiple {
                options: choices(n),
                min: 0,
                max: n,
            },
            Answer::Choices(vec![]),
        ));
    }
    out.push(question(out.len(), Kind::YesNo, Answer::Bool(false)));
    out.push(question(
        out.len(),
        Kind::Number {
            min: -5,
            max: 5,
            step: 1,
            unit: None,
            unit_one: None,
        },
        Answer::Number(0),
    ));
    out
}

/// An option of `n`, among the first four or the last four.
fn near_the_ends(n: usize) -> impl Strategy<Value = usize> {
    prop_oneof![0..n.min(4), n.saturating_sub(4)..n]
}

fn option_set(n: usize) -> impl Strategy<Value = Vec<usize>> {
    // Near the top and near the bottom, so bits past the word's width come up often.
    prop::collection::btree_set(near_the_ends(n), 0..4).prop_map(|s| s.into_iter().collect())
}

/// A valid answer to question `q`.
fn answer(q: usize) -> BoxedStrategy<Answer> {
    match q {
        0..=2 => {
            let n = SINGLE[q];
            near_the_ends(n).prop_map(Answer::Choice).boxed()
        }
        3..=5 => option_set(MULTIPLE[q - 3])
            .prop_map(Answer::Choices)
            .boxed(),
        6 => any::<bool>().prop_map(Answer::Bool).boxed(),
        _ => (-5i64..=5).prop_map(Answer::Number).boxed(),
    }
}

/// The answers in force: each question answered validly or not asked.
fn answers() -> impl Strategy<Value = Vec<Option<Answer>>> {
    (0..8usize)
        .map(|q| prop::option::weighted(0.8, answer(q)))
        .collect::<Vec<_>>()
}

/// Any answer at all, to test a question against one of another kind too.
fn any_answer() -> BoxedStrategy<Answer> {
    (0..8usize).prop_flat_map(answer).boxed()
}

fn leaf() -> BoxedStrategy<Condition> {
    let bound = prop::option::of(-6i64..=6);
    prop_oneof![
        (0..8usize, any_answer())
            .prop_map(|(question, value)| Condition::Equals { question, value }),
        (0..8usize)
            .prop_flat_map(|q| (Just(q), option_set(SINGLE[q % 3])))
            .prop_map(|(question, options)| Condition::OneOf { question, options }),
        (0..8usize, prop_oneof![0..4usize, 60..70usize])
            .prop_map(|(question, option)| Condition::Contains { question, option }),
        (0..8usize, bound.clone(), bound).prop_map(|(question, min, max)| Condition::Range {
            question,
            min,
            max
        }),
    ]
    .boxed()
}

fn condition() -> impl Strategy<Value = Condition> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::Any),
            inner.prop_map(|c| Condition::Not(Box::new(c))),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_compiled_test_holds_where_its_condition_holds(c in condition(), eff in answers()) {
        let qs = questions();
        let slots: Vec<Slot> = eff.iter().map(|a| Slot::of(a.as_ref())).collect();
        let test = IndexTest::compile(&c, &qs);
        prop_assert_eq!(test.eval(&slots, &eff), c.eval(&eff));
    }
}

#[test]
fn narrow_tests_compile_to_words_and_wide_ones_read_the_answers() {
    let qs = questions();
    let narrow = IndexTest::compile(
        &Condition::OneOf {
            question: 1,
            options: vec![0, 63],
        },
        &qs,
    );
    assert!(matches!(narrow, IndexTest::Bits { mask, .. } if mask == 1 | 1 << 63));
    let wide = IndexTest::compile(
        &Condition::Contains {
            question: 5,
            option: 2,
        },
        &qs,
    );
    assert!(matches!(wide, IndexTest::Answers(_)));
    // A test on a question not asked fails, and its negation holds.
    let eff = vec![None; 8];
    let slots = vec![Slot::NOT_ASKED; 8];
    let not = Condition::Not(Box::new(Condition::Range {
        question: 7,
        min: None,
        max: None,
    }));
    assert!(IndexTest::compile(&not, &qs).eval(&slots, &eff));
}
