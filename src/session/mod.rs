//! Sessions: a run of the wizard saved after every step, so that it can be resumed,
//! listed, replayed and exported, and still make sense after the pack changes.
//!
//! The layers, one file each:
//! - [`Session`] (here) is the in-memory record: who, when, which pack, the answers, the
//!   timed history of events and, once complete, the result as it was then.
//! - [`format`](mod@format) writes and reads it as a versioned YAML file (`format: hirewiz-session/1`).
//! - [`store`] is the folder of session files: atomic saves, listing, loading by id.
//! - [`lock`] keeps one hirewiz recording into a session at a time.
//! - [`record`] is what the wizard's front end calls after every event: [`Recorder`].
//! - [`replay`] rebuilds wizard states from a history and compares the saved result with
//!   a fresh score on the current pack; pure functions, no files.
//!
//! Events are stored by question and choice ids, never by index, so that a session still
//! reads after questions are added, removed or reordered.

pub mod clock;
mod error;
pub mod format;
mod id;
mod identity;
pub mod lock;
pub mod record;
pub mod replay;
pub mod store;

pub use clock::Timestamp;
pub use error::SessionError;
pub use id::{Label, MAX_LABEL, SessionId};
pub use identity::{PackIdentity, content_hash};
pub use lock::SessionLock;
pub use record::Recorder;
pub use replay::{Drift, PackChange, Replay, ReplayStep, ResultChange, Skipped};
pub use store::{Listed, Store, Summary};

use crate::answers::Answers;
use crate::insight::State;
use crate::pack::Pack;
use crate::score;
use crate::wizard::{Event, Step, Wizard};
use crate::yaml::Pos;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One saved run of the wizard.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Its id, also its file name.
    pub id: SessionId,
    /// A name a person gave it (a client or project).
    pub label: Option<Label>,
    /// When it was started.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// Whether the wizard was finished.
    pub status: Status,
    /// The pack it was answered with.
    pub pack: PackIdentity,
    /// The answers given and in force, by question id, in the pack's order: what
    /// `hirewiz recommend --answers` reads. The history is what replay and resume use.
    pub answers: Vec<SavedAnswer>,
    /// Every event, in order, back-steps and changed answers included.
    pub history: Vec<Recorded>,
    /// The result as it was when the wizard was last finished (present when complete).
    pub result: Option<SavedResult>,
}

/// Whether a session was finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "status")]
pub enum Status {
    /// Stopped before the result: it can be resumed.
    InProgress,
    /// The result was reached.
    Complete,
}

impl Status {
    /// The word used in session files and listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Complete => "complete",
        }
    }
}

/// One answer in a session's `answers:` mapping.
#[derive(Debug, Clone)]
pub struct SavedAnswer {
    /// The question's id.
    pub question: String,
    /// The answer as an answers file holds it: option id(s), number or boolean.
    pub value: Value,
    /// Where it stands in the file it was read from (1:1 when not read from a file).
    pub pos: Pos,
}

impl PartialEq for SavedAnswer {
    fn eq(&self, other: &Self) -> bool {
        self.question == other.question && self.value == other.value
    }
}

/// One recorded event with its time.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// When it happened.
    pub at: Timestamp,
    /// What happened.
    pub event: SavedEvent,
    /// Where it stands in the file it was read from (1:1 when not read from a file).
    pub pos: Pos,
}

impl PartialEq for Recorded {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at && self.event == other.event
    }
}

/// A wizard [`Event`] by ids instead of indices.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedEvent {
    /// A question was answered.
    Answer {
        /// The question's id.
        question: String,
        /// The answer as an answers file holds it.
        answer: Value,
    },
    /// Moved on.
    Next,
    /// Went back.
    Back,
    /// Went to a question from the review.
    Jump {
        /// The question's id.
        question: String,
    },
    /// Finished.
    Finish,
    /// Took the answers so far as settled elsewhere, asking these questions first.
    Settle {
        /// The ids of the questions left open.
        questions: Vec<String>,
    },
    /// Labelled, or the label removed. Not a step of the wizard: recorded so that
    /// replay and the listing can tell what happened.
    Label {
        /// The label given; `None` when it was removed.
        label: Option<String>,
    },
    /// The report exported. Not a step of the wizard, like `Label`.
    Export {
        /// Where it was written, as shown to the user.
        file: String,
    },
}

impl SavedEvent {
    /// The saved event recording `event`, asked with `pack`.
    ///
    /// An event naming a question the pack does not have (a caller's bug, since the
    /// wizard refuses those) is recorded with an empty id, which replay then reports.
    pub fn of(event: &Event, pack: &Pack) -> SavedEvent {
        let id = |q: usize| {
            pack.questions()
                .get(q)
                .map_or(String::new(), |q| q.id.to_string())
        };
        match event {
            Event::Answer { question, answer } => SavedEvent::Answer {
                question: id(*question),
                answer: pack
                    .questions()
                    .get(*question)
                    .map_or(Value::Null, |q| q.to_json(answer)),
            },
            Event::Next => SavedEvent::Next,
            Event::Back => SavedEvent::Back,
            Event::Jump(q) => SavedEvent::Jump { question: id(*q) },
            Event::Finish => SavedEvent::Finish,
            Event::Settle(open) => SavedEvent::Settle {
                questions: open.iter().map(|&q| id(q)).collect(),
            },
        }
    }

    /// Whether the event is a step of the wizard (not a label or an export).
    pub fn is_step(&self) -> bool {
        !matches!(self, SavedEvent::Label { .. } | SavedEvent::Export { .. })
    }

    /// The word used for this event in session files.
    pub fn name(&self) -> &'static str {
        match self {
            SavedEvent::Answer { .. } => "answer",
            SavedEvent::Next => "next",
            SavedEvent::Back => "back",
            SavedEvent::Jump { .. } => "jump",
            SavedEvent::Finish => "finish",
            SavedEvent::Settle { .. } => "settle",
            SavedEvent::Label { .. } => "label",
            SavedEvent::Export { .. } => "export",
        }
    }
}

/// The result as it was when the wizard was finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "`result`")]
pub struct SavedResult {
    /// When it was reached.
    pub at: Timestamp,
    /// The recommended candidate's id.
    pub winner: String,
    /// Points between the first and the second.
    pub margin: i64,
    /// Whether the first two were level.
    pub tie: bool,
    /// Whether it was a close call.
    pub close: bool,
    /// Every candidate, best first.
    pub standings: Vec<Standing>,
}

/// One candidate's place in a result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a standing")]
pub struct Standing {
    /// The candidate's id.
    pub candidate: String,
    /// Its name as shown then.
    pub name: String,
    /// Its points.
    pub points: i64,
    /// Whether a rule ruled it out.
    pub vetoed: bool,
}

impl SavedResult {
    /// The result of `answers` as a session keeps it, `close` as the report calls it: a
    /// lead under the pack's margin, or one that a single answer moved one step changes.
    pub fn of(pack: &Pack, answers: &Answers, at: Timestamp) -> SavedResult {
        let verdict = score::score(pack, &answers.effective(pack));
        let state = crate::insight::state(pack, answers);
        let standings = verdict
            .ranking
            .iter()
            .map(|&c| Standing {
                candidate: pack.candidates()[c].id.to_string(),
                name: pack.candidates()[c].name.to_string(),
                points: verdict.scores[c],
                vetoed: verdict.vetoed[c],
            })
            .collect::<Vec<_>>();
        SavedResult {
            at,
            winner: standings
                .first()
                .map_or(String::new(), |s| s.candidate.clone()),
            margin: verdict.margin,
            tie: verdict.tie,
            close: matches!(state, State::CloseCall | State::Tie),
            standings,
        }
    }

    /// The recommended candidate's name (its id when the pack no longer has it); on a
    /// tie `Tie: A and B`, and `None fits` when every option was ruled out.
    pub fn winner_name(&self) -> String {
        if self.tie {
            let names: Vec<&str> = self.level().iter().map(|s| s.name.as_str()).collect();
            return format!("Tie: {}", crate::insight::join_and(&names));
        }
        if self.none_fits() {
            return "None fits".to_string();
        }
        self.winner()
            .map_or(self.winner.clone(), |w| w.name.clone())
    }

    /// On a tie, the candidates level at the top; empty otherwise.
    pub fn level(&self) -> Vec<&Standing> {
        let Some(top) = self.standings.first().filter(|_| self.tie) else {
            return Vec::new();
        };
        self.standings
            .iter()
            .filter(|s| !s.vetoed && s.points == top.points)
            .collect()
    }

    /// Whether every candidate was ruled out.
    pub fn none_fits(&self) -> bool {
        !self.standings.is_empty() && self.standings.iter().all(|s| s.vetoed)
    }

    /// What the result picks, comparable across results: the winner's id (or none) and
    /// the ids level on a tie.
    pub fn pick_key(&self) -> (Option<&str>, Vec<&str>) {
        let level: Vec<&str> = self.level().iter().map(|s| s.candidate.as_str()).collect();
        let winner = (!self.tie && !self.none_fits()).then_some(self.winner.as_str());
        (winner, level)
    }

    /// Every candidate's points, best first: `Outsource 18 · In-house 11 · Freelance 4`.
    pub fn scores_words(&self) -> String {
        self.standings
            .iter()
            .map(|s| {
                if s.vetoed {
                    format!("{} {} (ruled out)", s.name, s.points)
                } else {
                    format!("{} {}", s.name, s.points)
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The winner's standing.
    pub fn winner(&self) -> Option<&Standing> {
        self.standings.iter().find(|s| s.candidate == self.winner)
    }

    /// Whether two results recommend the same way with the same points and vetoes
    /// (names and times aside).
    pub fn same_outcome(&self, other: &SavedResult) -> bool {
        let key = |r: &SavedResult| {
            r.standings
                .iter()
                .map(|s| (s.candidate.clone(), s.points, s.vetoed))
                .collect::<Vec<_>>()
        };
        self.pick_key() == other.pick_key() && key(self) == key(other)
    }
}

impl Session {
    /// A new session for `pack`, with nothing recorded yet.
    pub fn new(id: SessionId, pack: &Pack, label: Option<Label>, now: Timestamp) -> Session {
        Session {
            id,
            label,
            created: now,
            updated: now,
            status: Status::InProgress,
            pack: PackIdentity::of(pack),
            answers: Vec::new(),
            history: Vec::new(),
            result: None,
        }
    }

    /// Record `event`, which `wizard` has just applied (the wizard is the state after
    /// it): append it to the history and bring answers, status and result up to date.
    /// Pure: saving is the [`Recorder`]'s job.
    pub fn push(&mut self, event: &Event, wizard: &Wizard, at: Timestamp) {
        self.history.push(Recorded {
            at,
            event: SavedEvent::of(event, wizard.pack()),
            pos: Pos::default(),
        });
        self.sync(wizard, at);
    }

    /// Record a label given or removed, or an export: not a step of the wizard, so
    /// answers, status and result stay as they are.
    pub fn note(&mut self, event: SavedEvent, at: Timestamp) {
        debug_assert!(!event.is_step());
        self.history.push(Recorded {
            at,
            event,
            pos: Pos::default(),
        });
        self.updated = self.updated.max(at);
    }

    /// Bring answers, status and result in line with `wizard`, as of `at`.
    ///
    /// A session is complete once the result is reached, and stays complete while no
    /// answer changes: stepping back to look at the review or a question leaves it
    /// finished. A changed answer has no result yet, so it makes the session unfinished
    /// again (replay applies the same rule, [`replay::Replay::finished`]).
    pub fn sync(&mut self, wizard: &Wizard, at: Timestamp) {
        let pack = wizard.pack();
        self.updated = self.updated.max(at);
        let answers = given_answers(wizard);
        let unchanged = same_answers(&answers, &self.answers);
        self.answers = answers;
        let done = wizard.step() == Step::Done || (self.status == Status::Complete && unchanged);
        self.status = if done {
            Status::Complete
        } else {
            Status::InProgress
        };
        if !done {
            self.result = None;
            return;
        }
        // Keep the time the result was first reached unless an answer changed it since.
        let fresh = SavedResult::of(pack, wizard.answers(), at);
        if !self.result.as_ref().is_some_and(|r| r.same_outcome(&fresh)) {
            self.result = Some(fresh);
        }
    }

    /// What the history says happened beyond the answers, in a sentence, or `None`:
    /// "Its result, Outsource, was reached 2025-06-01 14:30 UTC; the report was exported
    /// 2025-06-01 14:32 UTC."
    pub fn milestones(&self) -> Option<String> {
        let mut said = Vec::new();
        if let Some(r) = &self.result {
            said.push(format!(
                "its result, {}, was reached {}",
                r.winner_name(),
                r.at.to_minute()
            ));
        }
        let exported = self
            .history
            .iter()
            .rfind(|r| matches!(r.event, SavedEvent::Export { .. }));
        if let Some(e) = exported {
            said.push(format!("the report was exported {}", e.at.to_minute()));
        }
        let first = said.first_mut()?;
        if let Some(c) = first.get(..1) {
            *first = c.to_uppercase() + &first[1..];
        }
        Some(format!("{}.", said.join("; ")))
    }

    /// The recommended candidate's name, when complete.
    pub fn recommendation(&self) -> Option<String> {
        self.result.as_ref().map(SavedResult::winner_name)
    }
}

/// Whether two lists of saved answers hold the same answers, in the same order.
pub fn same_answers(a: &[SavedAnswer], b: &[SavedAnswer]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.question == y.question && x.value == y.value)
}

/// The answers given and in force, as a session's `answers:` holds them.
pub fn given_answers(wizard: &Wizard) -> Vec<SavedAnswer> {
    let pack = wizard.pack();
    wizard
        .effective()
        .iter()
        .enumerate()
        .filter(|(q, a)| a.is_some() && wizard.answers().is_given(*q))
        .filter_map(|(q, _)| {
            let answer = wizard.answers().get(q)?;
            Some(SavedAnswer {
                question: pack.questions()[q].id.to_string(),
                value: pack.questions()[q].to_json(answer),
                pos: Pos::default(),
            })
        })
        .collect()
}
