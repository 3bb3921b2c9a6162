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
//! // On the way out: a failed last save says where the answers were kept instead.
//! recorder.finish()?;
//! # Ok(()) }
//! ```
//!
//! A recorder holds its session's lock from its first save (or from resuming) until it
//! is dropped, so two hirewiz never record into one session. Each save writes only the
//! history lines that are new and does not read the file back, so saving stays quick
//! however long the session grows; and it never grows past what a session file may hold.

use super::format::{self, HistoryText, Written};
use super::lock::SessionLock;
use super::replay::{Replay, without_detours};
use super::store::Saved;
use super::{Label, Recorded, SavedAnswer, SavedEvent, SavedResult, Session, SessionError};
use super::{Status, Timestamp};
use crate::wizard::{Event, Wizard};
use crate::yaml::Pos;
use std::path::PathBuf;

/// A session no larger than this share of what the reader accepts (in bytes and in
/// values) is written as it is; past it, its detours are left out first.
const COMPACT: (usize, usize) = (3, 4);
/// No session is saved past this share: what the reader accepts, with room to spare.
const CAP: (usize, usize) = (15, 16);

/// A session being recorded into a [`super::Store`].
#[derive(Debug)]
pub struct Recorder {
    store: super::Store,
    session: Session,
    /// The file on disk as this recorder last saved or found it (`None`: never saved),
    /// so that a save over another process's changes is refused.
    saved: Option<Saved>,
    /// Whether the session in memory holds changes not yet on disk.
    dirty: bool,
    /// The session's lock, once taken.
    lock: Option<SessionLock>,
    /// The history's lines as last written.
    lines: HistoryText,
    /// How many events the history may hold before its detours are looked for again,
    /// once looking did not bring it back under [`COMPACT`].
    compact_after: usize,
    /// Set when a resumed session was open in another hirewiz.
    in_use: Option<SessionError>,
}

/// What recording an event changes besides the history, to put back when it cannot be
/// saved because the session is full.
struct Before {
    updated: Timestamp,
    status: Status,
    answers: Vec<SavedAnswer>,
    result: Option<SavedResult>,
}

impl Recorder {
    /// A new session for `pack`. Nothing is written until the first event (or a label)
    /// is recorded, so opening and closing the wizard leaves no empty session behind.
    pub fn start(store: super::Store, pack: &crate::pack::Pack, label: Option<Label>) -> Recorder {
        let now = Timestamp::now();
        let id = store.new_id(now);
        store.sweep();
        Recorder::new(store, Session::new(id, pack, label, now), None)
    }

    fn new(store: super::Store, session: Session, saved: Option<Saved>) -> Recorder {
        Recorder {
            dirty: false,
            store,
            session,
            saved,
            lock: None,
            lines: HistoryText::default(),
            compact_after: 0,
            in_use: None,
        }
    }

    /// Continue a saved session from where its replay ends; give the wizard
    /// `replay.final_state().clone()`.
    ///
    /// Recording goes on in a new session (new id, same label), leaving the old file as
    /// it was, in two cases; check [`Recorder::session`]'s id to tell the user:
    /// - the pack changed since (see [`Replay::pack_change`]): the new session's history
    ///   is the part of the old one that still plays on the current pack, with its
    ///   original times, so the new file replays exactly;
    /// - the session is open in another hirewiz ([`Recorder::in_use`] says so): the new
    ///   session holds everything the old one did.
    pub fn resume(store: super::Store, session: Session, replay: &Replay) -> Recorder {
        if replay.pack_change.is_none() {
            let lock = match store.lock(&session.id) {
                Ok(lock) => Some(lock),
                Err(e @ SessionError::InUse { .. }) => {
                    let now = Timestamp::now();
                    let mut copy = session;
                    copy.id = store.new_id(now);
                    let mut me = Recorder::new(store, copy, None);
                    me.dirty = true;
                    me.in_use = Some(e);
                    return me;
                }
                // Taken again at the first save, when the folder lets it be.
                Err(_) => None,
            };
            let mut lines = HistoryText::default();
            let text = format::write(&session, &mut lines).text;
            let saved = Saved::found(session.history.len(), &text);
            let mut me = Recorder::new(store, session, Some(saved));
            me.lock = lock;
            me.lines = lines;
            return me;
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
                event: s.event.saved(pack),
                pos: Pos::default(),
            })
            .collect();
        // Finished before (the result reached, no answer changed since) stays finished.
        if replay.finished() {
            fresh.answers = super::given_answers(replay.final_state());
            fresh.status = Status::Complete;
        }
        fresh.sync(replay.final_state(), now);
        let mut me = Recorder::new(store, fresh, None);
        me.dirty = true;
        me
    }

    /// When the session given to [`Recorder::resume`] was open in another hirewiz: the
    /// [`SessionError::InUse`] it met. The recorder then goes on in a new session, which
    /// front ends tell the user about.
    pub fn in_use(&self) -> Option<&SessionError> {
        self.in_use.as_ref()
    }

    /// Record `event`, which `wizard` has just applied successfully (pass the state after
    /// it; do not record refused events), and save.
    ///
    /// On error the event is kept in memory and every later call saves it again, so
    /// nothing is lost while the disk is full; show the error and go on. After
    /// [`SessionError::Conflict`], [`SessionError::WouldOverwrite`] or
    /// [`SessionError::InUse`] (the file is someone else's now), call [`Recorder::fork`]
    /// to go on in a new file. [`SessionError::Full`] is the one error after which the
    /// event is not kept: the session is as large as a session file may be.
    pub fn record(&mut self, event: &Event, wizard: &Wizard) -> Result<PathBuf, SessionError> {
        let before = Before {
            updated: self.session.updated,
            status: self.session.status,
            answers: self.session.answers.clone(),
            result: self.session.result.clone(),
        };
        let was_dirty = self.dirty;
        self.session.push(event, wizard, Timestamp::now());
        self.dirty = true;
        let written = match self.written_within_cap(wizard) {
            Ok(w) => w,
            Err(full) => {
                self.session.history.pop();
                self.session.updated = before.updated;
                self.session.status = before.status;
                self.session.answers = before.answers;
                self.session.result = before.result;
                self.dirty = was_dirty;
                return Err(full);
            }
        };
        self.save_written(written)
    }

    /// The file as it would be written now, its detours left out first when it has grown
    /// large; [`SessionError::Full`] when even then it would not fit, the history then
    /// left as it was.
    fn written_within_cap(&mut self, wizard: &Wizard) -> Result<Written, SessionError> {
        let written = format::write(&self.session, &mut self.lines);
        let events = self.session.history.len();
        if written.within(COMPACT) || events <= self.compact_after {
            return self.capped(written);
        }
        let shorter = without_detours(&self.session, wizard.pack().clone());
        let Some(shorter) = shorter.filter(|h| h.len() < events) else {
            self.compact_after = events + events / 8;
            return self.capped(written);
        };
        let full = std::mem::replace(&mut self.session.history, shorter);
        let mut lines = HistoryText::default();
        let compacted = format::write(&self.session, &mut lines);
        // Still large: look again only once it has grown by an eighth.
        if !compacted.within(COMPACT) {
            self.compact_after = events + events / 8;
        }
        if compacted.within(CAP) {
            self.lines = lines;
            Ok(compacted)
        } else {
            self.session.history = full;
            self.capped(written)
        }
    }

    fn capped(&self, written: Written) -> Result<Written, SessionError> {
        if written.within(CAP) {
            Ok(written)
        } else {
            Err(SessionError::Full {
                path: super::store::shown(&self.path()),
                events: self.session.history.len().saturating_sub(1),
            })
        }
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
        let was = std::mem::replace(&mut self.session.label, label.clone());
        if was == label {
            return self.save();
        }
        let note = SavedEvent::Label {
            label: label.map(|l| l.as_str().to_string()),
        };
        self.note(note).inspect_err(|e| {
            if matches!(e, SessionError::Full { .. }) {
                self.session.label = was;
            }
        })
    }

    /// Record that the report was exported to `file` (as shown to the user), and save.
    pub fn exported(&mut self, file: &str) -> Result<PathBuf, SessionError> {
        self.note(SavedEvent::Export {
            file: file.to_string(),
        })
    }

    /// Record a label or an export, which changes no answer, and save; refused with
    /// [`SessionError::Full`] when the file would grow past its cap.
    fn note(&mut self, event: SavedEvent) -> Result<PathBuf, SessionError> {
        let updated = self.session.updated;
        let was_dirty = self.dirty;
        self.session.note(event, Timestamp::now());
        self.dirty = true;
        let written = format::write(&self.session, &mut self.lines);
        if let Err(full) = self.capped(written.clone()) {
            self.session.history.pop();
            self.session.updated = updated;
            self.dirty = was_dirty;
            // The lines written include the note: start them afresh.
            self.lines = Default::default();
            return Err(full);
        }
        self.save_written(written)
    }

    /// Save what is in memory (again); cheap when nothing changed since the last save.
    pub fn save(&mut self) -> Result<PathBuf, SessionError> {
        if !self.dirty {
            return Ok(self.path());
        }
        let written = format::write(&self.session, &mut self.lines);
        self.save_written(written)
    }

    fn save_written(&mut self, written: Written) -> Result<PathBuf, SessionError> {
        self.take_lock()?;
        let lock = self.lock.as_ref().ok_or_else(|| SessionError::InUse {
            path: super::store::shown(&self.path()),
        })?;
        let saved = self
            .store
            .write(lock, &self.session, &written.text, self.saved.as_ref())?;
        self.saved = Some(saved);
        self.dirty = false;
        Ok(self.path())
    }

    /// Hold the session's lock before writing its file. A session never saved whose id
    /// another hirewiz has just taken (they are made at random) takes another id.
    fn take_lock(&mut self) -> Result<(), SessionError> {
        while self.lock.is_none() {
            match self.store.lock(&self.session.id) {
                Ok(lock) => self.lock = Some(lock),
                Err(SessionError::InUse { .. }) if self.saved.is_none() => {
                    self.session.id = self.store.new_id(Timestamp::now());
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Go on in a new session file holding everything recorded so far, leaving the
    /// current file to whoever changed it. Returns the new file.
    pub fn fork(&mut self) -> Result<PathBuf, SessionError> {
        self.session.id = self.store.new_id(Timestamp::now());
        self.lock = None;
        self.saved = None;
        self.dirty = true;
        self.save()
    }

    /// The last save, when the wizard ends. When the file turns out to be someone
    /// else's, recording goes on in a new one ([`Recorder::fork`]); when it cannot be
    /// written at all, the session is kept in the system's temporary folder instead and
    /// [`SessionError::Unsaved`] says where: print it and exit with a failure, since
    /// the session folder does not hold what was answered.
    pub fn finish(&mut self) -> Result<PathBuf, SessionError> {
        let saved = match self.save() {
            Err(
                SessionError::Conflict { .. }
                | SessionError::WouldOverwrite { .. }
                | SessionError::InUse { .. },
            ) => self.fork(),
            other => other,
        };
        saved.map_err(|e| {
            let text = format::write(&self.session, &mut self.lines).text;
            SessionError::Unsaved {
                path: super::store::shown(&self.path()),
                message: unsaved_words(&e),
                kept: self
                    .store
                    .rescue(&text, &self.session.id)
                    .map(|p| super::store::shown(&p))
                    .map_err(|e| e.to_string()),
            }
        })
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

/// An error's own words, without the file it names (the message names it once).
fn unsaved_words(e: &SessionError) -> String {
    match e {
        SessionError::Write { message, .. } => message.clone(),
        other => other.to_string(),
    }
}
