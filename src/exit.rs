//! Exit codes, as documented in `--help` and the README: the one set every mode maps
//! its outcome to.

/// Success.
pub const OK: i32 = 0;
/// Anything unexpected: an I/O failure writing output, a terminal that failed.
pub const FAILURE: i32 = 1;
/// Bad input: usage, or a pack, answers or session file that is missing, unreadable,
/// not UTF-8 text, too large or invalid.
pub const BAD_INPUT: i32 = 2;
/// The user stopped the wizard with Ctrl-C, as shells report a process ended by SIGINT.
pub const ABORTED: i32 = 130;
