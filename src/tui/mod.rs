//! The terminal wizard, in the Elm style: an [`App`] model holding the wizard's state and
//! what only the screen needs, [`Msg`]s from the keyboard and the terminal, an update
//! ([`App::update`]) and a [`view`] that draws the model. Keys are mapped to actions as
//! data ([`keys`]); [`term`]'s loop is the only code that touches the terminal.
//!
//! The TUI holds no decision logic: keys become the [`crate::wizard`]'s events, and the
//! result screen draws the [`crate::report::Report`].

pub mod app;
pub mod keys;
mod term;
pub mod text;
pub mod theme;
mod view;

pub use app::{App, Exit, MIN_SIZE, Msg, Overlay, Screen};
pub use keys::Key;
pub use theme::Theme;
pub use view::view;

use crate::pack::Pack;
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

/// Run the wizard on `pack` in the terminal until the user quits, and return the exit
/// code: 0 after quitting, 130 after Ctrl-C, 2 when standard output is not a terminal.
pub fn run(pack: Arc<Pack>, options: Options) -> anyhow::Result<i32> {
    term::run(pack, options)
}
