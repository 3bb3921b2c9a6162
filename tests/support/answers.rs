//! Every valid answer to a question, and answers built from random picks among them:
//! shared by the property tests of the insight and of groups.

use hirewiz::answers::Answers;
use hirewiz::pack::{Answer, Kind, Pack};
use proptest::sample::Index;

/// Most numbers of one question listed; a wider range (a budget in dollars) is sampled.
const MOST_NUMBERS: i64 = 2_000;

/// Every valid answer to a question: all options, every number on the grid (or, on a
/// grid of more than [`MOST_NUMBERS`] values, both ends and values spread between them,
/// closer together near the low end), every allowed set.
pub fn every_answer(kind: &Kind) -> Vec<Answer> {
    match kind {
        Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
        Kind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        Kind::Number { min, max, step, .. } if (max - min) / step.max(&1) >= MOST_NUMBERS => {
            let mut v: Vec<i64> = (0..MOST_NUMBERS)
                .map(|k| {
                    // Quadratic spread: fine steps at the low end, where budgets are tight.
                    let f = (k as f64 / (MOST_NUMBERS - 1) as f64).powi(2);
                    let n = *min as f64 + f * (*max - *min) as f64;
                    min + ((n as i64 - min) / step) * step
                })
                .collect();
            v.push(*max);
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(Answer::Number).collect()
        }
        Kind::Number { min, max, step, .. } => (0..)
            .map(|k| min + k * step)
            .take_while(|n| n <= max)
            .map(Answer::Number)
            .collect(),
        Kind::Multiple { options, min, max } => (0u32..1 << options.len().min(10))
            .map(|m| {
                (0..options.len())
                    .filter(|i| m & (1 << i) != 0)
                    .collect::<Vec<_>>()
            })
            .filter(|s| s.len() >= *min && s.len() <= *max)
            .map(Answer::Choices)
            .collect(),
    }
}

/// Answers from random picks; a question left unanswered takes its default.
pub fn profile(pack: &Pack, picks: &[Option<Index>]) -> Answers {
    let mut a = Answers::new(pack.questions().len());
    for (q, question) in pack.questions().iter().enumerate() {
        if let Some(Some(i)) = picks.get(q) {
            let all = every_answer(&question.kind);
            a.set(q, i.get(&all).clone());
        }
    }
    a
}
