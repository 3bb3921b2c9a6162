//! Getting a run ready before the terminal is touched: finding the session to offer,
//! resume or replay, and playing it back. A session file that cannot be used stops here,
//! with an error naming the file, before anything is drawn or written.

use super::autosave::Autosave;
use super::model::{App, ResumeOffer};
use super::player::Player;
use super::theme::Theme;
use crate::pack::Pack;
use crate::session::replay::{drift, replay};
use crate::session::store::{find_anywhere, shown};
use crate::session::{Replay, Session, SessionError, Store, Timestamp};
use std::path::Path;
use std::sync::Arc;

/// Most unfinished sessions the welcome screen offers; `hirewiz sessions` lists them all.
const MAX_OFFERS: usize = 9;

/// How the terminal wizard starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// At the welcome screen, offering to resume the unfinished sessions, if any.
    New,
    /// Straight into a saved session: this id, prefix or file, or the latest unfinished.
    Resume(Option<String>),
    /// Playing a saved session back: its id, prefix or file.
    Replay(String),
}

/// The app and its autosave for `launch`, with sessions in the store
/// [`Store::locate`] finds for `data_dir`; `now` dates the resume offer.
pub fn prepare(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    launch: &Launch,
    theme: Theme,
    now: Timestamp,
) -> Result<(App, Autosave), SessionError> {
    match launch {
        Launch::New => Ok(fresh(pack, data_dir, theme, now)),
        Launch::Resume(given) => {
            let store = Store::locate(data_dir)?;
            let (session, path) = store.to_resume(given.as_deref())?;
            let played = replay(&session, pack, &shown(&path))?;
            let label = session.label.as_ref().map(|l| l.as_str().to_string());
            let state = played.final_state().clone();
            let (autosave, notice) = Autosave::resuming(store, session, &played);
            let mut app = App::resumed(state, theme, label);
            if let Some(n) = notice {
                app = app.with_notice(n);
            }
            Ok((app, autosave))
        }
        Launch::Replay(given) => {
            let (session, path) = find_anywhere(data_dir, given)?;
            let played = replay(&session, pack.clone(), &shown(&path))?;
            let drift = drift(&session, &played);
            let player = Player::new(&session, &played, drift);
            Ok((
                App::replaying(player, theme),
                Autosave::replaying(path, pack),
            ))
        }
    }
}

/// A new run: the welcome screen, offering the unfinished sessions that still play back.
fn fresh(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    theme: Theme,
    now: Timestamp,
) -> (App, Autosave) {
    let store = match Store::locate(data_dir) {
        Ok(s) => s,
        Err(e) => {
            let app =
                App::new(pack.clone(), theme).with_unsaved(format!("Sessions are not saved: {e}"));
            return (app, Autosave::new(None, pack));
        }
    };
    let played = resumable(&store, &pack);
    let offers = played
        .iter()
        .map(|(session, replay)| ResumeOffer {
            id: session.id.to_string(),
            label: session.label.as_ref().map(|l| l.as_str().to_string()),
            updated: session.updated,
            now,
            state: replay.final_state().clone(),
            answered: session.answers.len(),
            pack_changed: replay
                .pack_change
                .as_ref()
                .map(|c| format!("{} {}", c.saved.id, c.saved.version)),
        })
        .collect();
    (
        App::new(pack.clone(), theme).with_offers(offers),
        Autosave::new(Some(store), pack).with_offers(played),
    )
}

/// The unfinished sessions that play back on `pack`, newest first, at most
/// [`MAX_OFFERS`]. Files that cannot be read or played are passed over here; `hirewiz
/// sessions` lists them.
fn resumable(store: &Store, pack: &Arc<Pack>) -> Vec<(Session, Replay)> {
    store
        .in_progress()
        .filter_map(|(session, path)| {
            let played = replay(&session, pack.clone(), &shown(&path)).ok()?;
            Some((session, played))
        })
        .take(MAX_OFFERS)
        .collect()
}
