//! hirewiz: a terminal wizard that helps a company decide how to staff its backend work.
//!
//! Data flows one way: YAML text ([`yaml`]) becomes a validated [`pack::Pack`]; the
//! [`wizard`] state machine collects [`answers`]; [`score`] turns them into a verdict with
//! its reasons; [`report`] renders it as text, Markdown or JSON.

pub mod advice;
pub mod answers;
pub mod cli;
pub mod diag;
pub mod escape;
pub mod exit;
pub mod figures;
#[doc(hidden)]
pub mod fuzzing;
pub mod insight;
pub mod out;
pub mod pack;
pub mod plain;
pub mod prove;
pub mod report;
pub mod score;
pub mod session;
pub mod suggest;
pub mod tui;
pub mod wizard;
pub mod yaml;
