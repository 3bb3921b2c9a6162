//! Shell integration: completion scripts and the manual page, both generated from the
//! same [`Cli`] definition that parses the command line, so they cannot drift from it.

use crate::cli::Cli;
use clap::{CommandFactory, ValueEnum};

/// The shells a completion script can be printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// The completion script for `shell`. Built in memory (the generator gives up on a
/// failed write by panicking), then printed by the caller.
pub fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, in roff. It includes the exit codes.
pub fn man() -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}
