//! Conditions over answers, resolved to question and option indices at load time.

use super::Answer;
use super::budget::BudgetPoint;
use super::cost_order::{CostEnd, CostOrder};
use std::sync::Arc;

/// A test over the answers in force. A question that is not asked (hidden, so its
/// answer does not count) fails every test on it, so `not` of such a test holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Condition {
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// The answer is exactly this.
    Equals {
        /// Question index.
        question: usize,
        /// The answer compared with.
        value: Answer,
    },
    /// A single choice answer is one of these options.
    OneOf {
        /// Question index.
        question: usize,
        /// Option indices, ascending.
        options: Vec<usize>,
    },
    /// A multiple choice answer includes this option.
    Contains {
        /// Question index.
        question: usize,
        /// Option index.
        option: usize,
    },
    /// A number answer lies in `min..=max` (either end open when absent).
    Range {
        /// Question index.
        question: usize,
        /// Lowest value that holds.
        min: Option<i64>,
        /// Highest value that holds.
        max: Option<i64>,
    },
    /// The cost estimate shows this candidate strictly cheapest, or strictly dearest
    /// (by the mid-point per person).
    Cost {
        /// Candidate index.
        candidate: usize,
        /// Which end.
        end: CostEnd,
        /// The order for every combination of the answers the estimate reads. Encoded
        /// once for the whole pack, not with each test: `Pack::index` links it.
        #[serde(skip)]
        order: Arc<CostOrder>,
    },
    /// A budget figure is given and this candidate's estimate fits within it (`within`),
    /// or is over it (not `within`), at `at`: the middle of its estimate, or its low end.
    Budget {
        /// Candidate index.
        candidate: usize,
        /// Whether the test is for fitting within the budget.
        within: bool,
        /// The point of the estimate compared.
        at: BudgetPoint,
        /// The estimates for every combination of the answers they read. Encoded once
        /// for the whole pack, not with each test: `Pack::index` links it.
        #[serde(skip)]
        order: Arc<CostOrder>,
    },
}

impl Condition {
    /// Whether the condition holds over `answers`, indexed by question; `None` is a
    /// question not asked.
    pub fn eval(&self, answers: &[Option<Answer>]) -> bool {
        let get = |q: &usize| answers.get(*q).and_then(Option::as_ref);
        match self {
            Condition::All(parts) => parts.iter().all(|c| c.eval(answers)),
            Condition::Any(parts) => parts.iter().any(|c| c.eval(answers)),
            Condition::Not(part) => !part.eval(answers),
            // Choices are by far the commonest test: compared as numbers, not through
            // the answer's derived equality.
            Condition::Equals {
                question,
                value: Answer::Choice(want),
            } => matches!(get(question), Some(Answer::Choice(i)) if i == want),
            Condition::Equals { question, value } => get(question) == Some(value),
            Condition::OneOf { question, options } => {
                matches!(get(question), Some(Answer::Choice(i)) if options.binary_search(i).is_ok())
            }
            Condition::Contains { question, option } => {
                matches!(get(question), Some(Answer::Choices(v)) if v.binary_search(option).is_ok())
            }
            Condition::Range { question, min, max } => match get(question) {
                Some(Answer::Number(n)) => {
                    min.is_none_or(|lo| *n >= lo) && max.is_none_or(|hi| *n <= hi)
                }
                _ => false,
            },
            Condition::Cost {
                candidate,
                end,
                order,
            } => order.at(*end, answers) == Some(*candidate),
            Condition::Budget {
                candidate,
                within,
                at,
                order,
            } => order.fits_at(*candidate, *at, answers) == Some(*within),
        }
    }

    /// Point every cost and budget test within at `to`: a pack holds one cost order,
    /// which its encoding keeps once rather than with each test.
    pub(crate) fn link(&mut self, to: &Arc<CostOrder>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter_mut().for_each(|c| c.link(to))
            }
            Condition::Not(part) => part.link(to),
            Condition::Cost { order, .. } | Condition::Budget { order, .. } => {
                *order = Arc::clone(to)
            }
            Condition::Equals { .. }
            | Condition::OneOf { .. }
            | Condition::Contains { .. }
            | Condition::Range { .. } => {}
        }
    }

    /// Every question index this condition reads, in the order written.
    pub fn questions(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    /// [`Condition::questions`] onto the end of `out`, for a caller that reads many
    /// conditions into one buffer.
    pub fn questions_into(&self, out: &mut Vec<usize>) {
        self.collect(out);
    }

    fn collect(&self, out: &mut Vec<usize>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.collect(out))
            }
            Condition::Not(part) => part.collect(out),
            Condition::Equals { question, .. }
            | Condition::OneOf { question, .. }
            | Condition::Contains { question, .. }
            | Condition::Range { question, .. } => out.push(*question),
            Condition::Cost { order, .. } => out.extend(order.questions()),
            Condition::Budget { order, .. } => {
                out.extend(order.questions());
                out.extend(order.budget_questions());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_questions_fail_every_test() {
        let answers = vec![None];
        let c = Condition::Range {
            question: 0,
            min: None,
            max: None,
        };
        assert!(!c.eval(&answers));
        assert!(Condition::Not(Box::new(c)).eval(&answers));
    }

    #[test]
    fn tests_read_the_right_answer() {
        let answers = vec![
            Some(Answer::Choice(1)),
            Some(Answer::Choices(vec![0, 2])),
            Some(Answer::Number(5)),
        ];
        assert!(
            Condition::OneOf {
                question: 0,
                options: vec![1, 2]
            }
            .eval(&answers)
        );
        assert!(
            Condition::Contains {
                question: 1,
                option: 2
            }
            .eval(&answers)
        );
        assert!(
            !Condition::Contains {
                question: 1,
                option: 1
            }
            .eval(&answers)
        );
        assert!(
            Condition::Range {
                question: 2,
                min: Some(5),
                max: Some(5)
            }
            .eval(&answers)
        );
        assert!(Condition::All(vec![]).eval(&answers) && !Condition::Any(vec![]).eval(&answers));
    }
}
