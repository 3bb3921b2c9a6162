//! The recorder: what the wizard's front end calls after every event, so that the
//! session on disk always matches what the user sees.
//!
//! ```no_run
//! # use hirewiz::{pack, session::{Recorder, Store}, wizard::{Event, Wizard}};
//! # use std::sync::Arc;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let pack = Arc::new(pack::load_default()?);
//! let store = Store::locate(None)?;
//! let mut wizard = Wizard::new(pack.clone());
//! let mut recorder = Recorder::start(store, &pack, None);
//! let event = Event::Next;
//! if wizard.apply(&event).is_ok() {
//!     // On failure the event stays recorded in memory and the next call saves it again.
//!     recorder.record(&event, &wizard)?;
//! }
//! # Ok(()) }
//! ```

use super::replay::Replay;
use super::{Action, Label, Recorded, Session, SessionError, Timestamp};
use crate::pack::Pack;
use crate::wizard::{Event, Wizard};
use crate::yaml::Pos;
use std::path::PathBuf;

/// A session being recorded into a [`super::Store`].
#[derive(Debug)]
pub struct Recorder {
    store: super::Store,
    session: Session,
    /// How many events the file on disk holds, as far as this recorder knows (`None`:
    /// never saved), so that a save over another process's changes is refused.
    saved_events: Option<usize>,
    /// Whether the session in memory holds changes not yet on disk.
    dirty: bool,
}

impl Recorder {
    /// A new session for `pack`. Nothing is written until the first event (or a label)
    /// is recorded, so opening and closing the wizard leaves no empty session behind.
    pub fn start(store: super::Store, pack: &Pack, label: Option<Label>) -> Recorder {
        let now = Timestamp::now();
        let id = store.new_id(now);
        Recorder {
            session: Session::new(id, pack, label, now),
            store,
            saved_events: None,
            dirty: false,
        }
    }

    /// Continue a saved session from where its replay ends; give the wizard
    /// `replay.final_state().clone()`.
    ///
    /// When the pack changed since (see [`Replay::pack_change`]), the old file is left as
    /// it was and recording goes on in a new session (new id, same label) whose history
    /// is the part of the old one that still plays on the current pack, with its
    /// original times: the new file then replays exactly. Check [`Recorder::session`]'s
    /// id to tell the user.
    pub fn resume(store: super::Store, session: Session, replay: &Replay) -> Recorder {
        if replay.pack_change.is_none() {
            let saved_events = Some(session.history.len());
            return Recorder {
                store,
                session,
                saved_events,
                dirty: false,
            };
        }
        let now = Timestamp::now();
        let pack = replay.start.pack();
        let mut fresh = Session::new(store.new_id(now), pack, session.label.clone(), now);
        fresh.created = session.created;
        fresh.history = replay
            .steps
            .iter()
            .map(|s| Recorded {
                at: s.at,
                action: Action::of(&s.event, pack),
                pos: Pos::default(),
            })
            .collect();
        fresh.sync(replay.final_state(), now);
        Recorder {
            store,
            session: fresh,
            saved_events: None,
            dirty: true,
        }
    }

    /// Record `event`, which `wizard` has just applied successfully (pass the state after
    /// it; do not record refused events), and save.
    ///
    /// On error the event is kept in memory and every later call saves it again, so
    /// nothing is lost while the disk is full; show the error and go on. After
    /// [`SessionError::Conflict`] or [`SessionError::WouldOverwrite`] (the file was changed
    /// by someone else), call [`Recorder::fork`] to go on in a new file.
    pub fn record(&mut self, event: &Event, wizard: &Wizard) -> Result<PathBuf, SessionError> {
        self.session.push(event, wizard, Timestamp::now());
        self.dirty = true;
        self.save()
    }

    /// Name the session (or clear its name with `None`), and save. The label is checked
    /// with [`Label::parse`]; a refused label changes nothing.
    pub fn set_label(&mut self, label: Option<&str>) -> Result<PathBuf, SessionError> {
        let label = label
            .map(|l| {
                Label::parse(l).map_err(|reason| SessionError::BadLabel {
                    given: l.to_string(),
                    reason,
                })
            })
            .transpose()?;
        self.session.label = label;
        self.session.updated = self.session.updated.max(Timestamp::now());
        self.dirty = true;
        self.save()
    }

    /// Save what is in memory (again); cheap when nothing changed since the last save.
    pub fn save(&mut self) -> Result<PathBuf, SessionError> {
        if !self.dirty {
            return Ok(self.path());
        }
        let path = self.store.save(&self.session, self.saved_events)?;
        self.saved_events = Some(self.session.history.len());
        self.dirty = false;
        Ok(path)
    }

    /// Go on in a new session file holding everything recorded so far, leaving the
    /// current file to whoever changed it. Returns the new file.
    pub fn fork(&mut self) -> Result<PathBuf, SessionError> {
        self.session.id = self.store.new_id(Timestamp::now());
        self.saved_events = None;
        self.dirty = true;
        self.save()
    }

    /// The session as recorded so far.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session's file (which exists once something was saved).
    pub fn path(&self) -> PathBuf {
        self.store.path_of(&self.session.id)
    }

    /// Whether everything recorded is on disk.
    pub fn is_saved(&self) -> bool {
        !self.dirty
    }
}
