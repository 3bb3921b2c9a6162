//! Replay as pure functions: a session's history, mapped back through a pack and fed to
//! the wizard's own update, rebuilds every state the user went through; the saved result
//! is then compared with a fresh score on the pack in use now.
//!
//! With the same pack (same content hash) a history must replay exactly: an event that
//! names an unknown question or is refused means the file was broken by hand, and is an
//! error naming the file and the event's line. With a changed pack, such events are
//! skipped and listed, so an old session still plays back as far as it can.

use super::{
    PackIdentity, Recorded, SavedEvent, SavedResult, Session, SessionError, Timestamp,
    given_answers,
};
use crate::diag::{Diagnostics, suggest};
use crate::pack::{Pack, answer_from_node};
use crate::wizard::{Event, Step, Wizard};
use crate::yaml::Pos;
use std::sync::Arc;

/// What a recorded event did, played back.
#[derive(Debug, Clone, PartialEq)]
pub enum Played {
    /// A step of the wizard, in the pack's indices.
    Step(Event),
    /// The session was labelled (`None`: its label removed).
    Labelled(Option<String>),
    /// The report was exported to this file.
    Exported(String),
}

impl Played {
    /// The wizard's event, when it was a step of the wizard.
    pub fn step(&self) -> Option<&Event> {
        match self {
            Played::Step(e) => Some(e),
            _ => None,
        }
    }

    /// The event as a session records it.
    pub fn saved(&self, pack: &Pack) -> SavedEvent {
        match self {
            Played::Step(e) => SavedEvent::of(e, pack),
            Played::Labelled(label) => SavedEvent::Label {
                label: label.clone(),
            },
            Played::Exported(file) => SavedEvent::Export { file: file.clone() },
        }
    }
}

/// One event of a replay and the state it led to.
#[derive(Debug, Clone)]
pub struct ReplayStep {
    /// Its place in the session's history (0-based).
    pub index: usize,
    /// When it happened.
    pub at: Timestamp,
    /// What it did.
    pub event: Played,
    /// The wizard after it (as before it, for a label or an export).
    pub state: Wizard,
}

/// A recorded event that could not be played back on a changed pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Its place in the session's history (0-based).
    pub index: usize,
    /// Where it stands in the session file.
    pub pos: Pos,
    /// Why it was skipped.
    pub reason: String,
}

/// The pack a session was answered with, and the one in use now, when they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct PackChange {
    /// As the session recorded it.
    pub saved: PackIdentity,
    /// The pack in use now.
    pub current: PackIdentity,
}

/// A saved result that differs from a fresh score.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultChange {
    /// As it was when the session was finished.
    pub saved: SavedResult,
    /// As the current pack scores the replayed answers.
    pub current: SavedResult,
}

impl ResultChange {
    /// Whether the recommendation itself changed (not only points).
    pub fn winner_changed(&self) -> bool {
        self.saved.pick_key() != self.current.pick_key()
    }
}

/// A session played back on a pack.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The wizard before the first event.
    pub start: Wizard,
    /// Each event played, in order, with the state after it.
    pub steps: Vec<ReplayStep>,
    /// Events that could not be played (only ever with a changed pack).
    pub skipped: Vec<Skipped>,
    /// Set when the pack's content differs from the one the session was answered with.
    pub pack_change: Option<PackChange>,
}

impl Replay {
    /// The state after the last event: where a resumed session continues.
    pub fn final_state(&self) -> &Wizard {
        self.steps.last().map_or(&self.start, |s| &s.state)
    }

    /// Whether the session is finished: the result was reached, and no answer has
    /// changed since (going back to look does not reopen it; see [`Session::sync`]).
    pub fn finished(&self) -> bool {
        finished(&self.start, &self.steps)
    }
}

/// Differences between a session as saved and as it replays now.
#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    /// Set when the pack changed since the session was saved.
    pub pack: Option<PackChange>,
    /// Set when the saved result differs from the fresh one.
    pub result: Option<ResultChange>,
    /// Events that could not be played back.
    pub skipped: Vec<Skipped>,
    /// The fresh result: the replayed answers scored with the current pack.
    pub current: SavedResult,
}

impl Drift {
    /// Whether anything differs.
    pub fn is_same(&self) -> bool {
        self.pack.is_none() && self.result.is_none() && self.skipped.is_empty()
    }
}

/// What a reader is told about a replayed result against the one saved, in sentences;
/// the terminal screens and plain mode show the same words.
#[derive(Debug, Clone, PartialEq)]
pub struct Remarks {
    /// What changed, or what to keep in mind, each a sentence that should stand out.
    pub warnings: Vec<String>,
    /// A sentence saying the result is as it was saved, when that is worth saying.
    pub same: Option<String>,
    /// The results to show side by side, as saved and as now, when they differ or the
    /// pack did.
    pub results: Option<(SavedResult, SavedResult)>,
}

impl Drift {
    /// The remarks on this drift; `unfinished` when the session was saved before
    /// its result (questions it did not reach then take their defaults).
    pub fn remarks(&self, unfinished: bool) -> Remarks {
        let mut warnings = Vec::new();
        if let Some(change) = &self.pack {
            warnings.push(change.words());
        }
        if unfinished {
            warnings.push(
                "The session was saved before its result: questions it did not reach take their defaults."
                    .to_string(),
            );
        }
        if !self.skipped.is_empty() {
            let n = self.skipped.len();
            let s = if n == 1 { "" } else { "s" };
            warnings.push(format!(
                "{n} recorded step{s} no longer fit the pack and were left out."
            ));
        }
        let mut same = None;
        match (&self.result, self.pack.is_some()) {
            (Some(r), _) => warnings.push(if r.winner_changed() {
                format!(
                    "The recommendation changed: it was {} when saved, it is {} now.",
                    r.saved.winner_name(),
                    r.current.winner_name()
                )
            } else {
                format!(
                    "The recommendation is still {}, with other points than when saved.",
                    r.current.winner_name()
                )
            }),
            (None, true) if !unfinished => {
                same = Some("The result is the same as when saved.".to_string());
            }
            _ => {}
        }
        let results = (self.result.is_some() || (self.pack.is_some() && !unfinished)).then(|| {
            let saved = self.result.as_ref().map_or(&self.current, |r| &r.saved);
            (saved.clone(), self.current.clone())
        });
        if warnings.is_empty() && same.is_none() && results.is_none() {
            same = Some("Same pack and same result as when the session was saved.".to_string());
        }
        Remarks {
            warnings,
            same,
            results,
        }
    }
}

impl PackChange {
    /// The change in one sentence.
    pub fn words(&self) -> String {
        let (saved, current) = (&self.saved, &self.current);
        if saved.id == current.id && saved.version == current.version {
            format!(
                "The pack changed since this session was saved ({} {}, edited since); it is scored with the pack as it is now.",
                current.id, current.version
            )
        } else {
            format!(
                "The pack changed since this session was saved: {} {} then, {} {} now; it is scored with the pack as it is now.",
                saved.id, saved.version, current.id, current.version
            )
        }
    }
}

/// Whether `steps`, played from `start`, end finished: the result reached and no answer
/// changed since.
fn finished(start: &Wizard, steps: &[ReplayStep]) -> bool {
    let mut done = false;
    let mut before = start;
    for s in steps {
        done = still_finished(done, before, &s.state);
        before = &s.state;
    }
    done
}

/// Whether a session finished (`done`) before a step from `before` to `after` is after
/// it: reaching the result finishes it, a changed answer reopens it, anything else
/// leaves it as it was.
fn still_finished(done: bool, before: &Wizard, after: &Wizard) -> bool {
    if after.step() == Step::Done {
        true
    } else {
        done && !changed_answers(before, after)
    }
}

/// Whether the answers given differ between two states, as the session's `answers:`
/// would record them.
fn changed_answers(before: &Wizard, after: &Wizard) -> bool {
    before.answers() != after.answers()
        && !super::same_answers(&given_answers(before), &given_answers(after))
}

/// Map one saved event to what it does on `pack`.
pub fn played_of(saved: &SavedEvent, pack: &Pack, pos: Pos) -> Result<Played, String> {
    Ok(match saved {
        SavedEvent::Label { label } => Played::Labelled(label.clone()),
        SavedEvent::Export { file } => Played::Exported(file.clone()),
        step => Played::Step(event_of(step, pack, pos)?),
    })
}

/// Map one saved event to a wizard event of `pack`; a label or an export is no event of
/// the wizard, and is refused.
pub fn event_of(saved: &SavedEvent, pack: &Pack, pos: Pos) -> Result<Event, String> {
    let question = |id: &str| {
        pack.question_index(id).ok_or_else(|| {
            let msg = format!("unknown question `{}`", crate::escape::excerpt(id));
            match suggest(id, pack.questions().iter().map(|q| q.id.as_str())) {
                Some(h) => format!("{msg}; {h}"),
                None => msg,
            }
        })
    };
    Ok(match saved {
        SavedEvent::Answer {
            question: id,
            answer,
        } => {
            let q = question(id)?;
            let node = super::format::value_node(answer, pos);
            let answer = answer_from_node(&pack.questions()[q], &node)
                .map_err(|e| format!("`{id}`: {e}"))?;
            Event::Answer {
                question: q,
                answer,
            }
        }
        SavedEvent::Next => Event::Next,
        SavedEvent::Back => Event::Back,
        SavedEvent::Jump { question: id } => Event::Jump(question(id)?),
        SavedEvent::Finish => Event::Finish,
        SavedEvent::Settle { questions } => Event::Settle(
            questions
                .iter()
                .map(|id| question(id))
                .collect::<Result<_, _>>()?,
        ),
        SavedEvent::Label { .. } | SavedEvent::Export { .. } => {
            return Err(format!("a `{}` event is not a step", saved.name()));
        }
    })
}

/// Play `session` back on `pack`. `file` names the session file in messages.
///
/// With the pack the session was answered with, the replay must be exact and agree with
/// the saved answers and status; otherwise the file was broken by hand and this fails
/// with every problem at its place. With a changed pack, what cannot be played is
/// skipped and listed in [`Replay::skipped`].
pub fn replay(session: &Session, pack: Arc<Pack>, file: &str) -> Result<Replay, SessionError> {
    let current = PackIdentity::of(&pack);
    let strict = session.pack.same_content(&current);
    let start = Wizard::new(pack.clone());
    let mut state = start.clone();
    let mut steps = Vec::with_capacity(session.history.len());
    let mut skipped = Vec::new();
    for (index, rec) in session.history.iter().enumerate() {
        let played = played_of(&rec.event, &pack, rec.pos).and_then(|played| match &played {
            Played::Step(event) => state
                .apply(event)
                .map(|()| played)
                .map_err(|e| format!("the `{}` event cannot be played: {e}", rec.event.name())),
            _ => Ok(played),
        });
        match played {
            Ok(event) => steps.push(ReplayStep {
                index,
                at: rec.at,
                event,
                state: state.clone(),
            }),
            Err(reason) => skipped.push(Skipped {
                index,
                pos: rec.pos,
                reason,
            }),
        }
    }
    if strict {
        let mut d = Diagnostics::new(file);
        for s in &skipped {
            d.error_hint(
                s.pos,
                s.reason.clone(),
                "the history no longer plays back on the pack it was saved with; it was changed by hand",
            );
        }
        if skipped.is_empty() {
            check_snapshot(session, &state, finished(&start, &steps), &mut d);
        }
        if d.has_errors() {
            return Err(SessionError::Invalid(d.into_sorted()));
        }
    }
    Ok(Replay {
        start,
        steps,
        skipped,
        pack_change: (!strict).then(|| PackChange {
            saved: session.pack.clone(),
            current,
        }),
    })
}

/// The saved answers and status must be what the history leads to.
fn check_snapshot(session: &Session, state: &Wizard, done: bool, d: &mut Diagnostics) {
    let replayed = given_answers(state);
    for saved in &session.answers {
        match replayed.iter().find(|a| a.question == saved.question) {
            Some(a) if a.value == saved.value => {}
            Some(a) => d.error(
                saved.pos,
                format!(
                    "`{}` is saved as {} but the history gives {}",
                    saved.question, saved.value, a.value
                ),
            ),
            None => d.error(
                saved.pos,
                format!(
                    "`{}` is saved as answered but the history never answers it",
                    saved.question
                ),
            ),
        }
    }
    for a in &replayed {
        if !session.answers.iter().any(|s| s.question == a.question) {
            d.error(
                Pos { line: 1, col: 1 },
                format!(
                    "the history answers `{}` but `answers` does not list it",
                    a.question
                ),
            );
        }
    }
    if done != (session.status == super::Status::Complete) {
        d.error(
            Pos { line: 1, col: 1 },
            format!(
                "the session is `{}` but its history {} the result",
                session.status.as_str(),
                if done { "reaches" } else { "does not reach" }
            ),
        );
    }
}

/// How `session` drifted from its replay: pack change, skipped events, and the saved result
/// against the replayed answers scored now.
pub fn drift(session: &Session, replay: &Replay) -> Drift {
    let state = replay.final_state();
    let pack = state.pack();
    let at = session.result.as_ref().map_or(session.updated, |r| r.at);
    let current = SavedResult::of(pack, state.answers(), at);
    let result = session
        .result
        .as_ref()
        .filter(|saved| !saved.same_outcome(&current))
        .map(|saved| ResultChange {
            saved: saved.clone(),
            current: current.clone(),
        });
    Drift {
        pack: replay.pack_change.clone(),
        result,
        skipped: replay.skipped.clone(),
        current,
    }
}

/// The history of `session` without its detours: every stretch of events that led from a
/// state back to that very state is left out, so that the rest replays through the same
/// states to the same end, in fewer steps, each at its own time. `None` when the history
/// does not play back exactly on `pack`, which is then left as it is.
///
/// This is how a session that has gone back and forth for long stays within the size a
/// session file may have.
pub fn without_detours(session: &Session, pack: Arc<Pack>) -> Option<Vec<Recorded>> {
    use std::collections::HashMap;
    // States are told apart by what can be hashed, then compared whole. Whether the
    // session is finished there is part of it, so that leaving out a stretch never
    // changes the status the history ends with.
    type Key = (
        Step,
        Option<crate::wizard::Detour>,
        Vec<Option<crate::pack::Answer>>,
        bool,
    );
    let start = Wizard::new(pack.clone());
    // One entry a question.
    let questions = start.effective().len();
    let key = |w: &Wizard, done: bool| -> Key {
        let answers = (0..questions)
            .map(|q| w.answers().get(q).cloned())
            .collect();
        (w.step(), w.detour(), answers, done)
    };
    let mut states = vec![start];
    let mut keys = vec![key(&states[0], false)];
    let mut kept: Vec<Recorded> = Vec::new();
    let mut at: HashMap<Key, Vec<usize>> = HashMap::new();
    at.entry(keys[0].clone()).or_default().push(0);
    // Labels and exports are no steps: they are kept, each after the steps kept before it.
    let mut notes: Vec<(usize, Recorded)> = Vec::new();
    for rec in &session.history {
        if !rec.event.is_step() {
            notes.push((kept.len(), rec.clone()));
            continue;
        }
        let event = event_of(&rec.event, &pack, rec.pos).ok()?;
        let before = states.last()?;
        let mut next = before.clone();
        next.apply(&event).ok()?;
        let done = still_finished(keys.last()?.3, before, &next);
        let k = key(&next, done);
        let earlier = at
            .get(&k)
            .and_then(|places| places.iter().copied().find(|&p| states[p] == next));
        match earlier {
            Some(p) => {
                for dropped in keys.drain(p + 1..) {
                    if let Some(places) = at.get_mut(&dropped) {
                        places.pop();
                    }
                }
                states.truncate(p + 1);
                kept.truncate(p);
                for (after, _) in &mut notes {
                    *after = (*after).min(p);
                }
            }
            None => {
                at.entry(k.clone()).or_default().push(states.len());
                keys.push(k);
                states.push(next);
                kept.push(rec.clone());
            }
        }
    }
    for (after, note) in notes.into_iter().rev() {
        kept.insert(after, note);
    }
    Some(kept)
}
