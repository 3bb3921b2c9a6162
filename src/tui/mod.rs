//! The terminal wizard, in the Elm style: an [`App`] model holding the wizard's state and
//! what only the screen needs, [`Msg`]s from the keyboard and the terminal, an update
//! ([`App::update`]) and a [`view`] that draws the model. Keys are mapped to actions as
//! data ([`keys`]); [`term`]'s loop is the only code that touches the terminal.
//!
//! The TUI holds no decision logic: keys become the [`crate::wizard`]'s events, and the
//! result screen draws the [`crate::report::Report`]. Every accepted event is saved as
//! it happens ([`autosave`]); a saved session can be resumed or played back
//! ([`launch`], [`player`]).

pub mod app;
pub mod autosave;
pub mod keys;
pub mod launch;
pub mod player;
mod term;
pub mod text;
pub mod theme;
mod view;

pub use app::{App, Effect, Exit, MIN_SIZE, Msg, Overlay, ResumeOffer, Screen};
pub use autosave::Autosave;
pub use keys::Key;
pub use launch::{Launch, prepare};
pub use player::Player;
pub use theme::Theme;
pub use view::view;

use crate::cli::{Failure, exit};
use crate::pack::Pack;
use crate::session::Timestamp;
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

/// Run the wizard on `pack` in the terminal as `launch` says, with sessions kept under
/// `data_dir` (see [`crate::session::Store::locate`]), until the user quits. Returns the
/// exit code: 0 after quitting, 130 after Ctrl-C, 2 when standard output is not a
/// terminal. A session that cannot be found, read or played back is a bad-input failure
/// naming the file, and the file is left as it is.
pub fn run(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    launch: &Launch,
    options: Options,
) -> Result<i32, Failure> {
    let theme = Theme::new(options.no_color);
    let (app, mut autosave) = prepare(pack, data_dir, launch, theme, Timestamp::now())?;
    term::run(app, &mut autosave).map_err(|e| Failure {
        code: exit::FAILURE,
        message: format!("the terminal failed: {e}"),
    })
}
