//! The wizard as a pure state machine: a state, the events that change it, and an
//! update that is a function of both alone. The terminal turns keys into these events and
//! draws the state; replay feeds recorded events back through the same update.

use crate::answers::Answers;
use crate::pack::{Answer, Pack};
use std::sync::Arc;

/// Where the wizard stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Asking the question with this index (always one that is asked).
    Question(usize),
    /// Showing every answer before the result.
    Review,
    /// Finished: the result is shown.
    Done,
}

/// Something the user did.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Event {
    /// Answer a question (usually the current one).
    Answer {
        /// Question index.
        question: usize,
        /// The answer, already in index form.
        answer: Answer,
    },
    /// Move on: to the next question that is asked, or to the review after the last.
    Next,
    /// Go back one question (from the review, to the last question; from the result, to
    /// the review).
    Back,
    /// Go to a question to change its answer; moving on afterwards returns to the review.
    Jump(usize),
    /// Take the answers given so far as settled elsewhere (a group's profile), except
    /// these questions: they are asked, in order, and then the review. Every other
    /// question asked counts as seen.
    Settle(Vec<usize>),
    /// Finish: every question not answered takes its default.
    Finish,
}

/// Why an event was refused. A refused event leaves the state as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    /// The question does not exist in the pack.
    #[error("there is no question number {0}")]
    NoSuchQuestion(usize),
    /// The question is not asked with the answers in force.
    #[error("question `{0}` is not asked with the current answers")]
    Hidden(String),
    /// The answer does not fit the question.
    #[error("{0}")]
    Invalid(String),
    /// Back at the first question: there is nothing before it.
    #[error("this is the first question")]
    AtStart,
    /// The event means nothing at this step (moving on from the result).
    #[error("nothing to do here")]
    NotHere,
}

/// Why moving on visits only the questions not yet seen, and then the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detour {
    /// A jump from the review to change an answer.
    FromReview,
    /// A session pre-filled with settled answers: its open questions are being asked.
    Settling,
}

/// The wizard's state: the pack, the answers given and the current step.
#[derive(Debug, Clone)]
pub struct Wizard {
    pack: Arc<Pack>,
    answers: Answers,
    step: Step,
    /// Set by a jump from the review or a settle: moving on returns to the review once
    /// nothing new is asked.
    detour: Option<Detour>,
    /// Questions the user has been shown (passed through, or seen on the review): after a
    /// jump, moving on stops only at questions not yet seen.
    seen: Vec<bool>,
}

impl PartialEq for Wizard {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.pack, &other.pack)
            && self.answers == other.answers
            && self.step == other.step
            && self.detour == other.detour
            && self.seen == other.seen
    }
}

/// Position among the questions asked now: `Question index of total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based position of the current question (equal to `total` on the review).
    pub index: usize,
    /// How many questions are asked with the answers in force.
    pub total: usize,
    /// How many of those have an answer given and confirmed (moved on from): what the
    /// progress gauge shows, so it reads 0% before the first answer and 100% only once
    /// every question is answered, at the review.
    pub answered: usize,
}

impl Progress {
    /// The share of the questions asked that are answered, in whole percent.
    pub fn percent(&self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(100)
    }
}

impl Wizard {
    /// A new wizard at the first question asked.
    pub fn new(pack: Arc<Pack>) -> Self {
        let answers = Answers::new(pack.questions().len());
        let seen = vec![false; pack.questions().len()];
        let mut w = Wizard {
            pack,
            answers,
            step: Step::Review,
            detour: None,
            seen,
        };
        w.step = w
            .next_visible_after(None)
            .map_or(Step::Review, Step::Question);
        w
    }

    /// Build the state a recorded list of events leads to, skipping refused events.
    pub fn replay<'a>(pack: Arc<Pack>, events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut w = Wizard::new(pack);
        for e in events {
            let _ = w.apply(e);
        }
        w
    }

    /// The pack being asked.
    pub fn pack(&self) -> &Arc<Pack> {
        &self.pack
    }

    /// The answers given so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// Whether moving on from the current question returns to the review.
    pub fn returning(&self) -> bool {
        self.detour.is_some()
    }

    /// Why moving on returns to the review, when it does.
    pub fn detour(&self) -> Option<Detour> {
        self.detour
    }

    /// The questions asked now that have not been seen yet: during a settle, the open
    /// questions still to come.
    pub fn unseen(&self) -> Vec<usize> {
        self.visible()
            .into_iter()
            .filter(|&q| !self.seen[q])
            .collect()
    }

    /// The answers in force (see [`Answers::effective`]).
    pub fn effective(&self) -> Vec<Option<Answer>> {
        self.answers.effective(&self.pack)
    }

    /// The indices of the questions asked now, in order.
    pub fn visible(&self) -> Vec<usize> {
        self.effective()
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|_| i))
            .collect()
    }

    /// The answer shown for a question: the one given, or else its default.
    pub fn shown_answer(&self, q: usize) -> Answer {
        self.answers
            .get(q)
            .cloned()
            .unwrap_or_else(|| self.pack.questions()[q].default.clone())
    }

    /// Why the number of questions asked changed since `before` (the questions asked then,
    /// as [`Wizard::visible`] gives them), naming those the last answer brought in or left
    /// out, or `None` when it did not change: "Now 14 questions: “Which regulations apply to
    /// your data?” is asked because of this answer."
    pub fn total_change(&self, before: &[usize]) -> Option<String> {
        let now = self.visible();
        if now == before {
            return None;
        }
        let prompt = |q: &usize| format!("“{}”", self.pack().questions()[*q].prompt);
        let named = |qs: &[usize]| match qs {
            [one] => prompt(one),
            [first, rest @ ..] => format!("{} and {} more", prompt(first), rest.len()),
            [] => String::new(),
        };
        let added: Vec<usize> = now
            .iter()
            .copied()
            .filter(|q| !before.contains(q))
            .collect();
        let dropped: Vec<usize> = before
            .iter()
            .copied()
            .filter(|q| !now.contains(q))
            .collect();
        let total = match now.len() {
            1 => "Now 1 question".to_string(),
            n => format!("Now {n} questions"),
        };
        let mut parts = Vec::new();
        if !added.is_empty() {
            let verb = if added.len() == 1 { "is" } else { "are" };
            parts.push(format!(
                "{} {verb} asked because of this answer",
                named(&added)
            ));
        }
        if !dropped.is_empty() {
            let verb = if dropped.len() == 1 { "is" } else { "are" };
            parts.push(format!("{} {verb} no longer asked", named(&dropped)));
        }
        Some(format!("{total}: {}.", parts.join("; ")))
    }

    /// Where the current question stands among those asked now.
    pub fn progress(&self) -> Progress {
        let visible = self.visible();
        let total = visible.len();
        let index = match self.step {
            Step::Question(q) => visible
                .iter()
                .position(|&v| v == q)
                .map_or(total, |p| p + 1),
            Step::Review | Step::Done => total,
        };
        // Answered and moved on from: a question being answered (or, in a settled
        // session, left open) counts once it is confirmed, and the one on screen does
        // not, so 100% means the review.
        let current = match self.step {
            Step::Question(q) => Some(q),
            Step::Review | Step::Done => None,
        };
        let answered = visible
            .iter()
            .filter(|&&q| self.answers.get(q).is_some() && self.seen[q] && Some(q) != current)
            .count();
        Progress {
            index,
            total,
            answered,
        }
    }

    /// Whether the current step is the first question asked.
    pub fn at_first(&self) -> bool {
        matches!(self.step, Step::Question(q) if self.prev_visible_before(q).is_none())
    }

    /// The state after `event`, leaving `self` unchanged: the pure transition.
    pub fn update(&self, event: &Event) -> Result<Wizard, Rejected> {
        let mut next = self.clone();
        next.apply(event)?;
        Ok(next)
    }

    /// Apply `event` in place; on refusal nothing changes.
    pub fn apply(&mut self, event: &Event) -> Result<(), Rejected> {
        match event {
            Event::Answer { question, answer } => {
                let q = *question;
                let question = self
                    .pack
                    .questions()
                    .get(q)
                    .ok_or(Rejected::NoSuchQuestion(q))?;
                if self.effective()[q].is_none() {
                    return Err(Rejected::Hidden(question.id.to_string()));
                }
                question.check(answer).map_err(Rejected::Invalid)?;
                let before = self.effective();
                self.answers.set(q, answer.clone());
                // A question this answer leaves out is asked again should it come back,
                // its earlier answer then the suggestion.
                let after = self.effective();
                for (i, (was, now)) in before.iter().zip(&after).enumerate() {
                    if was.is_some() && now.is_none() {
                        self.seen[i] = false;
                    }
                }
                // A changed answer may hide the question we stand on: move past it.
                if let Step::Question(cur) = self.step
                    && self.effective()[cur].is_none()
                {
                    self.step = self
                        .next_visible_after(Some(cur))
                        .map_or(Step::Review, Step::Question);
                }
                Ok(())
            }
            Event::Next => match self.step {
                Step::Question(q) => {
                    self.seen[q] = true;
                    let next = if self.detour.is_some() {
                        self.visible().into_iter().find(|&v| v > q && !self.seen[v])
                    } else {
                        self.next_visible_after(Some(q))
                    };
                    match next {
                        Some(n) => self.step = Step::Question(n),
                        None => self.enter_review(),
                    }
                    Ok(())
                }
                Step::Review => {
                    self.step = Step::Done;
                    Ok(())
                }
                Step::Done => Err(Rejected::NotHere),
            },
            Event::Back => match self.step {
                Step::Question(q) => match self.prev_visible_before(q) {
                    Some(p) => {
                        self.step = Step::Question(p);
                        Ok(())
                    }
                    None => Err(Rejected::AtStart),
                },
                Step::Review => {
                    let last = self.visible().last().copied();
                    match last {
                        Some(l) => {
                            self.step = Step::Question(l);
                            self.detour = None;
                            Ok(())
                        }
                        None => Err(Rejected::AtStart),
                    }
                }
                Step::Done => {
                    self.step = Step::Review;
                    Ok(())
                }
            },
            Event::Jump(q) => {
                let question = self
                    .pack
                    .questions()
                    .get(*q)
                    .ok_or(Rejected::NoSuchQuestion(*q))?;
                if self.effective()[*q].is_none() {
                    return Err(Rejected::Hidden(question.id.to_string()));
                }
                self.step = Step::Question(*q);
                self.detour = Some(Detour::FromReview);
                Ok(())
            }
            Event::Settle(open) => {
                if let Some(&q) = open.iter().find(|&&q| q >= self.seen.len()) {
                    return Err(Rejected::NoSuchQuestion(q));
                }
                let visible = self.visible();
                let first = visible.iter().copied().find(|q| open.contains(q));
                for q in visible {
                    self.seen[q] = !open.contains(&q);
                }
                match first {
                    Some(q) => {
                        self.step = Step::Question(q);
                        self.detour = Some(Detour::Settling);
                    }
                    None => self.enter_review(),
                }
                Ok(())
            }
            Event::Finish => {
                self.enter_review();
                self.step = Step::Done;
                Ok(())
            }
        }
    }

    /// On the review every question asked is in view, so all of them count as seen.
    fn enter_review(&mut self) {
        for q in self.visible() {
            self.seen[q] = true;
        }
        self.step = Step::Review;
        self.detour = None;
    }

    fn next_visible_after(&self, q: Option<usize>) -> Option<usize> {
        let start = q.map_or(0, |q| q + 1);
        let eff = self.effective();
        (start..eff.len()).find(|&i| eff[i].is_some())
    }

    fn prev_visible_before(&self, q: usize) -> Option<usize> {
        let eff = self.effective();
        (0..q.min(eff.len())).rev().find(|&i| eff[i].is_some())
    }
}
