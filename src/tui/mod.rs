//! The terminal wizard, in the Elm style: an [`App`] model holding the wizard's state and
//! the [`Screen`] showing, [`Msg`]s from the keyboard and the terminal, an update
//! ([`App::update`]) that returns its [`Effect`]s, and a [`view`] that draws the model.
//! Keys are mapped to actions as data ([`keys`]); the private `term` module's loop is the
//! only code that touches the terminal.
//!
//! The TUI holds no decision logic: keys become the [`crate::wizard`]'s events, and the
//! result screen draws the [`crate::report::Report`]. Every accepted event is saved as
//! it happens ([`autosave`]); a saved session can be resumed or played back
//! ([`launch`], [`player`]).

pub mod app;
pub mod autosave;
pub mod keys;
pub mod launch;
pub mod model;
pub mod player;
mod term;
pub mod text;
pub mod theme;
mod view;

pub use app::{App, Effect, Exit, MIN_SIZE, Msg, Overlay, Page, Place, ResumeOffer, Screen};
pub use autosave::Autosave;
pub use keys::Key;
pub use launch::{Launch, prepare};
pub use player::Player;
pub use theme::Theme;
pub use view::view;

use crate::pack::Pack;
use crate::session::{SessionError, Timestamp};
use std::path::Path;
use std::sync::Arc;

/// How the wizard runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Draw without colours (`NO_COLOR` or `--no-color`): emphasis by bold, reverse
    /// video and markers.
    pub no_color: bool,
}

impl Options {
    /// Options from the environment: colours off when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Options {
        Options {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }
}

/// Why the terminal wizard could not run to the user's exit.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Standard output is not a terminal, so there is nothing to draw on.
    #[error(
        "the wizard needs a terminal, and standard output is not one.\n\
         For a recommendation without the wizard, run `hirewiz recommend` \
         (see `hirewiz recommend --help`), or answer line by line with `hirewiz --plain`."
    )]
    NotATerminal,
    /// The session to resume or replay cannot be found, read or played back; nothing
    /// was drawn and the file is left as it is.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The last save failed; where the answers were kept instead was already said.
    #[error("the session could not be saved")]
    Unsaved,
    /// The terminal failed while the wizard ran.
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Run the wizard on `pack` in the terminal as `launch` says, with sessions kept under
/// `data_dir` (see [`crate::session::Store::locate`]), until the user quits or presses
/// Ctrl-C ([`Exit`]). A session that cannot be found, read or played back stops it
/// before anything is drawn, naming the file, which is left as it is.
pub fn run(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    launch: &Launch,
    options: Options,
) -> Result<Exit, Error> {
    let theme = Theme::new(options.no_color);
    let (app, mut autosave) = prepare(pack, data_dir, launch, theme, Timestamp::now())?;
    term::run(app, &mut autosave)
}
