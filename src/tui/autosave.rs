//! The app's effects performed on the session store: every accepted event saved as it
//! happens, labels, resuming the session offered on the welcome screen, and exports.
//!
//! Nothing is written until the first event. A save that fails is told to the user in
//! the notice line and tried again (with the next event, and on a timer from the I/O
//! loop); the recorder keeps every event in memory meanwhile, so nothing typed is lost.
//! Outcomes go back to the app as [`Msg`]s.

use super::app::{App, Effect, GroupMember, Msg};
use crate::pack::Pack;
use crate::report::{Report, markdown};
use crate::session::store::{self, write_report};
use crate::session::{Label, Recorder, Replay, Session, SessionError, Store};
use std::path::PathBuf;
use std::sync::Arc;

/// Saves the session of one run of the terminal wizard.
#[derive(Debug)]
pub struct Autosave {
    store: Option<Store>,
    pack: Arc<Pack>,
    recorder: Option<Recorder>,
    /// A label given before the first event, saved with it.
    pending_label: Option<Label>,
    /// The sessions the welcome screen offers to resume, already played back.
    offers: Vec<(Session, Replay)>,
    /// The file exports go beside when nothing is recorded (a replay's session file).
    beside: Option<PathBuf>,
    /// Why the last save failed, while it has not succeeded since.
    problem: Option<String>,
    /// Whether the last save, at the end of the run, failed: the session folder does
    /// not hold what was answered, and the run ends with a failure.
    lost: bool,
}

impl Autosave {
    /// Record into `store` (nothing is saved without one), starting a new session at
    /// the first event.
    pub fn new(store: Option<Store>, pack: Arc<Pack>) -> Autosave {
        Autosave {
            store,
            pack,
            recorder: None,
            pending_label: None,
            lost: false,
            offers: Vec::new(),
            beside: None,
            problem: None,
        }
    }

    /// The same, able to resume any of `offers` (each played back) when the app asks.
    pub fn with_offers(mut self, offers: Vec<(Session, Replay)>) -> Autosave {
        self.offers = offers;
        self
    }

    /// Go on recording `session` from where `replay` ends. Returns the notice to show
    /// when it was saved with another version of the pack and goes on in a new file.
    pub fn resuming(store: Store, session: Session, replay: &Replay) -> (Autosave, Option<String>) {
        let pack = replay.start.pack().clone();
        let mut me = Autosave::new(Some(store.clone()), pack);
        let notice = me.resume(store, session, replay);
        (me, notice)
    }

    /// Record nothing; export beside `file` (a replayed session's file).
    pub fn replaying(file: PathBuf, pack: Arc<Pack>) -> Autosave {
        let mut me = Autosave::new(None, pack);
        me.beside = Some(file);
        me
    }

    fn resume(&mut self, store: Store, session: Session, replay: &Replay) -> Option<String> {
        let old = session.id.clone();
        let milestones = session.milestones();
        let recorder = Recorder::resume(store, session, replay);
        let notice = match (&replay.pack_change, recorder.in_use()) {
            (Some(change), _) => Some(format!(
                "Saved with {} {}, a different version of the pack: going on as session {}; {old} is kept as it was",
                change.saved.id,
                change.saved.version,
                recorder.session().id
            )),
            (None, Some(e)) => Some(format!(
                "{e}: going on as session {}; {old} is left to it",
                recorder.session().id
            )),
            (None, None) => milestones,
        };
        self.recorder = Some(recorder);
        notice
    }

    /// Perform `effects`, which the app's update returned, and tell it how each went.
    pub fn perform(&mut self, effects: Vec<Effect>, app: &mut App) {
        for effect in effects {
            match effect {
                Effect::Record { event, state } => {
                    if self.recorder.is_none()
                        && let Some(store) = &self.store
                    {
                        self.recorder = Some(Recorder::start(
                            store.clone(),
                            &self.pack,
                            self.pending_label.take(),
                        ));
                    }
                    if let Some(r) = self.recorder.as_mut() {
                        let saved = r.record(&event, &state);
                        self.after_save(saved, app);
                    }
                }
                Effect::Label(label) => self.label(label, app),
                Effect::Resume(id) => {
                    let at = self.offers.iter().position(|(s, _)| s.id.as_str() == id);
                    let Some(((session, replay), store)) = at
                        .map(|i| self.offers.swap_remove(i))
                        .zip(self.store.clone())
                    else {
                        continue;
                    };
                    let notice = self.resume(store, session, &replay);
                    // A label typed on the welcome screen names the session resumed.
                    if let Some(label) = self.pending_label.take() {
                        self.label(Some(label), app);
                    }
                    if let Some(notice) = notice {
                        tell(app, Msg::Notice(notice));
                    }
                }
                Effect::Export(report) => self.export(&report, app),
                Effect::ListSessions => {
                    let (members, unreadable) = self.group_members();
                    tell(app, Msg::Sessions(members, unreadable));
                }
            }
        }
    }

    /// Every saved session, played back on the pack, for the group screen; and how many
    /// files (or sessions that no longer play back) could not be read.
    fn group_members(&self) -> (Vec<GroupMember>, usize) {
        let Some(store) = &self.store else {
            return (Vec::new(), 0);
        };
        let Ok(listed) = store.list() else {
            return (Vec::new(), 0);
        };
        let mut members = Vec::new();
        let mut unreadable = 0;
        for l in listed {
            let crate::session::Listed::Session(summary) = l else {
                unreadable += 1;
                continue;
            };
            let shown = store::shown(&summary.path);
            let read = store::read_file(&summary.path).and_then(|s| {
                crate::session::replay::replay(&s, self.pack.clone(), &shown).map(|r| (s, r))
            });
            let Ok((session, played)) = read else {
                unreadable += 1;
                continue;
            };
            let unfinished = session.status == crate::session::Status::InProgress;
            let notes = crate::session::replay::drift(&session, &played)
                .remarks(unfinished)
                .warnings;
            members.push(GroupMember {
                id: session.id.to_string(),
                label: session.label.as_ref().map(|l| l.as_str().to_string()),
                file: shown,
                finished: !unfinished,
                answers: played.final_state().answers().clone(),
                notes,
            });
        }
        (members, unreadable)
    }

    fn label(&mut self, label: Option<Label>, app: &mut App) {
        let said = match &label {
            Some(l) => format!("Labelled “{l}”"),
            None => "Label removed".to_string(),
        };
        match self.recorder.as_mut() {
            Some(r) => {
                let saved = r.set_label(label.as_ref().map(Label::as_str));
                let ok = saved.is_ok();
                self.after_save(saved, app);
                if ok {
                    tell(app, Msg::Notice(said));
                }
            }
            None => {
                self.pending_label = label;
                tell(
                    app,
                    Msg::Notice(format!(
                        "{said}; it is saved with your first answer, or when you quit"
                    )),
                );
            }
        }
    }

    fn export(&mut self, report: &Report, app: &mut App) {
        let session_file = self
            .recorder
            .as_ref()
            .map(Recorder::path)
            .or_else(|| self.beside.clone());
        let Some(session_file) = session_file else {
            tell(app, Msg::Notice(
                "Cannot export: sessions are not saved, so there is no session file to export beside"
                    .into(),
            ));
            return;
        };
        let path = session_file.with_extension("md");
        let text = markdown::render(report);
        let notice = match write_report(&path, &text, None) {
            Ok(()) => format!("Exported to {}", path.display()),
            Err(e) => {
                tell(
                    app,
                    Msg::Notice(format!("Cannot export to {}: {e}", path.display())),
                );
                return;
            }
        };
        tell(app, Msg::Notice(notice));
        // Kept in the session's history, so that replay and the listing say so.
        if let Some(r) = self.recorder.as_mut() {
            let saved = r.exported(&store::shown(&path));
            self.after_save(saved, app);
        }
    }

    fn after_save(&mut self, saved: Result<PathBuf, SessionError>, app: &mut App) {
        let Some(r) = self.recorder.as_mut() else {
            return;
        };
        let saved = match saved {
            Err(
                SessionError::Conflict { .. }
                | SessionError::WouldOverwrite { .. }
                | SessionError::InUse { .. },
            ) => {
                // Someone else's file: leave it, and go on in a file of our own.
                let forked = r.fork();
                if forked.is_ok() {
                    tell(
                        app,
                        Msg::Notice(format!(
                            "The session file was changed elsewhere; going on as session {}",
                            r.session().id
                        )),
                    );
                }
                forked
            }
            other => other,
        };
        match saved {
            Ok(_) => {
                if self.problem.take().is_some() || app.unsaved().is_some() {
                    tell(app, Msg::Saved);
                }
            }
            Err(e @ SessionError::Full { .. }) => {
                // No retry can help: the step stays on screen, unsaved, and says so.
                tell(app, Msg::Notice(e.to_string()));
            }
            Err(e) => {
                let why = e.to_string();
                tell(
                    app,
                    Msg::SaveFailed(format!(
                        "Not saved yet, retrying (your answers are kept): {why}"
                    )),
                );
                self.problem = Some(why);
            }
        }
    }

    /// Whether the last save, at the end of the run, failed ([`Autosave::farewell`] says
    /// where the answers were kept instead): the run must end with a failure.
    pub fn lost(&self) -> bool {
        self.lost
    }

    /// Whether a save failed and has not succeeded since.
    pub fn failing(&self) -> bool {
        self.problem.is_some()
    }

    /// Try again to save what a failed save left in memory.
    pub fn retry(&mut self, app: &mut App) {
        if let Some(r) = self.recorder.as_mut() {
            let saved = r.save();
            self.after_save(saved, app);
        }
    }

    /// The session file, once something was recorded.
    pub fn session_file(&self) -> Option<PathBuf> {
        self.recorder.as_ref().map(Recorder::path)
    }

    /// At the end of the run: a last try at saving, and what to tell the user on the way
    /// out (where an unfinished session was kept, or that it could not be saved).
    pub fn farewell(&mut self, finished: bool) -> Option<String> {
        // A label given before the first answer is not dropped: it names a session with
        // no answers yet, which `hirewiz resume` starts.
        if self.recorder.is_none()
            && let Some(store) = &self.store
            && let Some(label) = self.pending_label.take()
        {
            let mut r = Recorder::start(store.clone(), &self.pack, None);
            let saved = r.set_label(Some(label.as_str()));
            let id = r.session().id.to_string();
            self.recorder = Some(r);
            return Some(match saved {
                Ok(path) => format!(
                    "session {id} “{label}” saved in {}, with no answers yet; `hirewiz resume` starts it",
                    store::shown(path.parent().unwrap_or(std::path::Path::new("."))),
                ),
                Err(e) => format!("the label “{label}” could not be saved: {e}"),
            });
        }
        let r = self.recorder.as_mut()?;
        if !r.is_saved()
            && let Err(e) = r.finish()
        {
            // Said once, with where the answers went instead; the run then fails.
            self.lost = true;
            return Some(e.to_string());
        }
        if finished || r.session().history.is_empty() {
            return None;
        }
        Some(format!(
            "session {} saved in {}; `hirewiz resume` goes on from where you stopped",
            r.session().id,
            store::shown(r.path().parent().unwrap_or(std::path::Path::new("."))),
        ))
    }
}

/// Tell the app how something went. These messages only change what it shows, so they
/// ask nothing further of the world.
fn tell(app: &mut App, msg: Msg) {
    let effects = app.update(msg);
    debug_assert!(effects.is_empty());
}
