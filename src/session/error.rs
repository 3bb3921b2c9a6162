//! Why a session could not be read, found or saved. Every variant names the file or the
//! id it is about, so the message stands on its own when the binary prints it.

use crate::diag::Diagnostic;

/// Why a session operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// A session file could not be read.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A session could not be written; the file on disk, if any, is as it was.
    #[error("{path}: cannot save: {message}")]
    Write {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The file was read but is not a usable session; every problem has its place.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
    /// No saved session has this id (or id prefix).
    #[error("no session `{given}` in {dir}")]
    NotFound {
        /// What was asked for.
        given: String,
        /// The sessions folder searched.
        dir: String,
    },
    /// Resuming was asked for, but no unfinished session is saved.
    #[error("no unfinished session to resume in {dir}; `hirewiz sessions` lists them all")]
    NothingToResume {
        /// The sessions folder searched.
        dir: String,
    },
    /// An id prefix matches more than one session.
    #[error("`{given}` matches several sessions: {}", .matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        given: String,
        /// The ids it matches.
        matches: Vec<String>,
    },
    /// A given id is not acceptable.
    #[error("`{given}` is not a session id: {reason}")]
    BadId {
        /// What was given.
        given: String,
        /// Why it is refused.
        reason: String,
    },
    /// A given label is not acceptable.
    #[error("`{given}` cannot be a label: {reason}")]
    BadLabel {
        /// What was given.
        given: String,
        /// Why it is refused.
        reason: String,
    },
    /// No data folder could be found for this user.
    #[error("cannot find a data folder for sessions; give one with --data-dir or HIREWIZ_DATA_DIR")]
    NoDataDir,
    /// The file changed on disk since it was read (another hirewiz saved it).
    #[error(
        "{path}: the session was changed by another hirewiz since it was opened; not overwriting it"
    )]
    Conflict {
        /// The file.
        path: String,
    },
    /// Another hirewiz has this session open and records into it. Nothing was written;
    /// [`crate::session::Recorder::resume`] goes on in a new session when it meets this.
    #[error("{path}: the session is open in another hirewiz")]
    InUse {
        /// The session's file.
        path: String,
    },
    /// The session is as large as a session file may be, even with the steps that led
    /// back to where they started left out: the step was not recorded (the answers on
    /// screen are not affected) and the file is as it was.
    #[error(
        "{path}: the session has reached the largest size a session file may have ({events} steps); further steps are not saved"
    )]
    Full {
        /// The session's file.
        path: String,
        /// How many steps it holds.
        events: usize,
    },
    /// The last save failed. `kept` is where the session was written instead, so that
    /// nothing answered is lost; front ends print this and exit with a failure.
    #[error("{path}: the session could not be saved: {message}; {}", kept_words(.kept))]
    Unsaved {
        /// The session's file.
        path: String,
        /// Why it could not be saved.
        message: String,
        /// Where a copy was written instead, or why none could be.
        kept: Result<String, String>,
    },
    /// Saving would replace a file that is not this session (or not readable at all).
    #[error("{path}: not overwriting it, because it {reason}")]
    WouldOverwrite {
        /// The file.
        path: String,
        /// What the file is.
        reason: String,
    },
}

fn kept_words(kept: &Result<String, String>) -> String {
    match kept {
        Ok(copy) => format!(
            "everything recorded is kept in {copy}, and `hirewiz resume {copy}` goes on with it"
        ),
        Err(why) => format!("no copy could be kept either ({why})"),
    }
}

impl SessionError {
    /// Whether the problem lies in what the user gave (an id, a label, a file) rather
    /// than in the system: the binary exits with 2 for these, 1 otherwise.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            SessionError::Read { .. }
                | SessionError::Invalid(_)
                | SessionError::NotFound { .. }
                | SessionError::NothingToResume { .. }
                | SessionError::Ambiguous { .. }
                | SessionError::BadId { .. }
                | SessionError::BadLabel { .. }
        )
    }
}
