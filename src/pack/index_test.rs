//! Conditions compiled to tests by index, for scoring one profile after another.
//!
//! A [`Condition`] is a test as the pack writes it, resolved to indices. Scoring many
//! profiles (one evaluation after another, a proof over the whole answer space) runs the
//! same tests millions of times, so each is compiled once, when the pack is indexed, into
//! an [`IndexTest`] over [`Slot`]s: one word per question holding the answer in force as
//! bits (the option chosen, the options ticked, no or yes) or as its number. A test is
//! then a mask or a comparison on one word, with no answer to match and nothing to
//! search.
//!
//! Cost and budget tests, and tests on questions with more options than a word holds,
//! keep their condition and read the answers themselves. So every compiled test means
//! exactly what its condition means, for answers that are valid for their questions
//! (each option index below its question's option count), which is all a pack scores;
//! `tests/index_test.rs` checks this over random conditions and answers.

use super::{Answer, Condition, Kind, Question};

/// How many options a question may have for its tests to be compiled to bits.
const WORD_BITS: usize = 64;

/// What kind of answer a [`Slot`] holds; no test matches [`SlotKind::NotAsked`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum SlotKind {
    /// The question is not asked, so every test on it fails.
    #[default]
    NotAsked,
    /// One option, as its bit.
    Choice,
    /// The options ticked, as their bits.
    Choices,
    /// No as bit 0, yes as bit 1.
    Bool,
    /// A number, as its two's complement.
    Number,
    /// An option past the word's width: only tests that read the answers apply.
    Wide,
}

/// One question's answer in force, as one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Slot {
    kind: SlotKind,
    word: u64,
}

impl Slot {
    /// The slot of a question that is not asked.
    pub const NOT_ASKED: Slot = Slot {
        kind: SlotKind::NotAsked,
        word: 0,
    };

    /// The slot of an answer in force (`None`: not asked).
    pub fn of(answer: Option<&Answer>) -> Slot {
        let (kind, word) = match answer {
            None => return Slot::NOT_ASKED,
            Some(Answer::Choice(i)) => match bit(*i) {
                Some(b) => (SlotKind::Choice, b),
                None => (SlotKind::Wide, 0),
            },
            Some(Answer::Choices(v)) => match v.iter().try_fold(0u64, |m, &i| Some(m | bit(i)?)) {
                Some(m) => (SlotKind::Choices, m),
                None => (SlotKind::Wide, 0),
            },
            Some(Answer::Bool(b)) => (SlotKind::Bool, 1u64 << u8::from(*b)),
            Some(Answer::Number(n)) => (SlotKind::Number, *n as u64),
        };
        Slot { kind, word }
    }
}

/// A [`Condition`] compiled to tests on [`Slot`]s.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexTest {
    /// Every part holds.
    All(Box<[IndexTest]>),
    /// At least one part holds.
    Any(Box<[IndexTest]>),
    /// The part does not hold.
    Not(Box<IndexTest>),
    /// The slot holds this kind of answer and shares a bit with `mask`.
    Bits {
        /// Question index.
        question: usize,
        /// The kind of answer the test is on.
        kind: SlotKind,
        /// The bits any of which holds.
        mask: u64,
    },
    /// The slot holds exactly this word of this kind.
    Word {
        /// Question index.
        question: usize,
        /// The kind of answer the test is on.
        kind: SlotKind,
        /// The word compared with.
        word: u64,
    },
    /// The slot holds a number within `min..=max`.
    Range {
        /// Question index.
        question: usize,
        /// Lowest value that holds.
        min: i64,
        /// Highest value that holds.
        max: i64,
    },
    /// A test that reads the answers themselves: cost and budget tests, and tests on a
    /// question with more options than a word holds.
    Answers(Condition),
}

impl IndexTest {
    /// Compile `condition`, written over `questions`.
    pub fn compile(condition: &Condition, questions: &[Question]) -> IndexTest {
        let options = |q: usize| match questions.get(q).map(|x| &x.kind) {
            Some(Kind::Single { options }) | Some(Kind::Multiple { options, .. }) => options.len(),
            _ => 0,
        };
        let narrow = |q: usize| options(q) <= WORD_BITS;
        let mask = |set: &[usize]| set.iter().try_fold(0u64, |m, &i| Some(m | bit(i)?));
        let whole = || IndexTest::Answers(condition.clone());
        match condition {
            Condition::All(parts) => IndexTest::All(
                parts
                    .iter()
                    .map(|c| IndexTest::compile(c, questions))
                    .collect(),
            ),
            Condition::Any(parts) => IndexTest::Any(
                parts
                    .iter()
                    .map(|c| IndexTest::compile(c, questions))
                    .collect(),
            ),
            Condition::Not(part) => IndexTest::Not(Box::new(IndexTest::compile(part, questions))),
            Condition::Equals { question, value } => {
                let question = *question;
                let word = match value {
                    Answer::Choice(i) if narrow(question) => bit(*i).map(|b| (SlotKind::Choice, b)),
                    Answer::Choices(v) if narrow(question) => {
                        mask(v).map(|m| (SlotKind::Choices, m))
                    }
                    Answer::Bool(b) => Some((SlotKind::Bool, 1u64 << u8::from(*b))),
                    Answer::Number(n) => {
                        return IndexTest::Range {
                            question,
                            min: *n,
                            max: *n,
                        };
                    }
                    _ => None,
                };
                match word {
                    Some((kind, word)) => IndexTest::Word {
                        question,
                        kind,
                        word,
                    },
                    None => whole(),
                }
            }
            Condition::OneOf { question, options } if narrow(*question) => match mask(options) {
                Some(mask) => IndexTest::Bits {
                    question: *question,
                    kind: SlotKind::Choice,
                    mask,
                },
                None => whole(),
            },
            Condition::Contains { question, option } if narrow(*question) => match bit(*option) {
                Some(mask) => IndexTest::Bits {
                    question: *question,
                    kind: SlotKind::Choices,
                    mask,
                },
                None => whole(),
            },
            Condition::Range { question, min, max } => IndexTest::Range {
                question: *question,
                min: min.unwrap_or(i64::MIN),
                max: max.unwrap_or(i64::MAX),
            },
            Condition::OneOf { .. }
            | Condition::Contains { .. }
            | Condition::Cost { .. }
            | Condition::Budget { .. } => whole(),
        }
    }

    /// Whether the test holds for these slots, which are `answers` (the answers in
    /// force, indexed by question) as [`Slot::of`] gives them.
    ///
    /// The tests on one word are decided here, small enough to inline where rules are
    /// scored; the rest go through `eval_nested`, so that the common case
    /// makes no call.
    #[inline]
    pub fn eval(&self, slots: &[Slot], answers: &[Option<Answer>]) -> bool {
        let slot = |q: usize| slots.get(q).copied().unwrap_or(Slot::NOT_ASKED);
        match self {
            IndexTest::Bits {
                question,
                kind,
                mask,
            } => {
                let s = slot(*question);
                s.kind == *kind && s.word & mask != 0
            }
            IndexTest::Word {
                question,
                kind,
                word,
            } => {
                let s = slot(*question);
                s.kind == *kind && s.word == *word
            }
            IndexTest::Range { question, min, max } => {
                let s = slot(*question);
                let n = s.word as i64;
                s.kind == SlotKind::Number && *min <= n && n <= *max
            }
            _ => self.eval_nested(slots, answers),
        }
    }

    /// The tests made of parts, and those that read the answers.
    #[inline(never)]
    fn eval_nested(&self, slots: &[Slot], answers: &[Option<Answer>]) -> bool {
        match self {
            IndexTest::All(parts) => parts.iter().all(|t| t.eval(slots, answers)),
            IndexTest::Any(parts) => parts.iter().any(|t| t.eval(slots, answers)),
            IndexTest::Not(part) => !part.eval(slots, answers),
            IndexTest::Answers(c) => c.eval(answers),
            IndexTest::Bits { .. } | IndexTest::Word { .. } | IndexTest::Range { .. } => {
                self.eval(slots, answers)
            }
        }
    }
}

/// The bit of option `i`, when a word holds it.
fn bit(i: usize) -> Option<u64> {
    (i < WORD_BITS).then(|| 1u64 << i)
}

/// The tests of a pack compiled once: each rule's and each question's condition.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// By rule: its condition's test, `None` for a rule that always fires.
    pub rules: Vec<Option<IndexTest>>,
    /// By question: the test that it is asked, `None` for one always asked.
    pub asked: Vec<Option<IndexTest>>,
}

impl Compiled {
    /// Compile every rule's and question's condition.
    pub fn new(rules: &[super::Rule], questions: &[Question]) -> Compiled {
        let compile = |c: &Option<Condition>| c.as_ref().map(|c| IndexTest::compile(c, questions));
        Compiled {
            rules: rules.iter().map(|r| compile(&r.when)).collect(),
            asked: questions.iter().map(|q| compile(&q.when)).collect(),
        }
    }
}
