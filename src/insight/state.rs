//! How settled a result is: clear, a close call, a tie, or none fits. The report states
//! it from the whole analysis; the group view needs it for many profiles, so [`state`]
//! finds it from the one-step changes alone, which is all it depends on.

use super::probe::Probe;
use super::{Insight, alternatives, changes_with};
use crate::answers::Answers;
use crate::pack::Pack;
use crate::score::{Pick, Verdict};
use serde::Serialize;

/// The kind of result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// One option leads, by at least the pack's close-call margin, and no single answer
    /// moved one step along its scale changes it.
    Clear,
    /// One option leads, but by less than the close-call margin, or one answer moved one
    /// step would change the result.
    CloseCall,
    /// Two or more options are level at the top: no winner is named.
    Tie,
    /// Every option is ruled out by the answers.
    NoneFits,
}

impl State {
    /// The state of `verdict`, given the analysis of the same answers.
    pub fn of(verdict: &Verdict, insight: &Insight) -> State {
        match &verdict.pick {
            Pick::NoneFits => State::NoneFits,
            Pick::Level(_) => State::Tie,
            Pick::One(_) if verdict.close || insight.what_if.iter().any(|w| w.change.size == 1) => {
                State::CloseCall
            }
            Pick::One(_) => State::Clear,
        }
    }

    /// The state in a word or two: "clear", "close call", "tie", "none fits".
    pub fn words(self) -> &'static str {
        match self {
            State::Clear => "clear",
            State::CloseCall => "close call",
            State::Tie => "tie",
            State::NoneFits => "none fits",
        }
    }
}

/// The state of the answers given, as [`State::of`] gives it from the full analysis, but
/// trying only the changes of one step (a listed what-if of size 1 is never left out as
/// more of the same, so these alone decide it).
pub fn state(pack: &Pack, answers: &Answers) -> State {
    let verdict = crate::score::score(pack, &answers.effective(pack));
    match &verdict.pick {
        Pick::NoneFits => return State::NoneFits,
        Pick::Level(_) => return State::Tie,
        Pick::One(_) if verdict.close => return State::CloseCall,
        Pick::One(_) => {}
    }
    let tested = alternatives::tested(pack);
    let mut probe = Probe::new(pack, answers);
    let steps: Vec<_> = changes_with(pack, &tested, probe.effective())
        .into_iter()
        .filter(|c| c.size == 1)
        .collect();
    let moved = steps
        .iter()
        .any(|c| !probe.tally(&[(c.question, &c.answer)]).picks(&verdict.pick));
    if moved {
        State::CloseCall
    } else {
        State::Clear
    }
}
