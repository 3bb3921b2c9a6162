//! Two sets of answers side by side: which answers in force differ, and both results.

use crate::answers::Answers;
use crate::pack::{Answer, Pack};
use crate::score::{Verdict, score};

/// Two sets of answers compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The questions whose answers in force differ, in the order asked.
    pub differences: Vec<Difference>,
    /// The answers in force on the first side.
    pub effective_a: Vec<Option<Answer>>,
    /// The answers in force on the second side.
    pub effective_b: Vec<Option<Answer>>,
    /// The first side's result.
    pub a: Verdict,
    /// The second side's result.
    pub b: Verdict,
}

/// One question answered differently (or asked on one side only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Question index.
    pub question: usize,
    /// The first side's answer; `None` when it is not asked there.
    pub a: Option<Answer>,
    /// The second side's answer; `None` when it is not asked there.
    pub b: Option<Answer>,
}

impl Comparison {
    /// Whether both sides recommend the same candidate.
    pub fn same_recommendation(&self) -> bool {
        self.a.pick == self.b.pick
    }
}

/// Compare the answers in force of `a` and `b`: answers given but not asked do not count,
/// and an unanswered question counts with its default.
pub fn compare(pack: &Pack, a: &Answers, b: &Answers) -> Comparison {
    let effective_a = a.effective(pack);
    let effective_b = b.effective(pack);
    let differences = effective_a
        .iter()
        .zip(&effective_b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(q, (x, y))| Difference {
            question: q,
            a: x.clone(),
            b: y.clone(),
        })
        .collect();
    Comparison {
        differences,
        a: score(pack, &effective_a),
        b: score(pack, &effective_b),
        effective_a,
        effective_b,
    }
}
