//! Problems found in a file, each at its place, printed as `file:line:column: message`.

use crate::escape::shown;
use crate::yaml::{Pos, YamlError};
use std::fmt;

/// How serious a [`Diagnostic`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file works, but something in it is probably a mistake.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file's name as the user gave it.
    pub file: String,
    /// Where in the file.
    pub pos: Pos,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What might fix it.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Messages quote what a file says; shown escaped, they cannot steer a terminal.
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            shown(&self.file),
            self.pos.line,
            self.pos.col,
            shown(&self.message)
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n    hint: {}", shown(h))?;
        }
        Ok(())
    }
}

/// A collector of diagnostics for one file at a time.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    file: String,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Start collecting problems for `file`.
    pub fn new(file: impl Into<String>) -> Self {
        Diagnostics {
            file: file.into(),
            items: Vec::new(),
        }
    }

    /// Switch to another file; problems found so far are kept.
    pub fn set_file(&mut self, file: impl Into<String>) {
        self.file = file.into();
    }

    /// The file problems are currently recorded against.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Record an error at `pos`.
    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Error, message.into(), None);
    }

    /// Record an error at `pos` with a hint.
    pub fn error_hint(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.push(pos, Severity::Error, message.into(), Some(hint.into()));
    }

    /// Record `message` about `given`, a name that matches none of `known`, at `pos`:
    /// the one shape of every "unknown …" problem. The hint is the closest known name
    /// ("did you mean"), else `otherwise`.
    pub fn unknown<'a>(
        &mut self,
        pos: Pos,
        message: impl Into<String>,
        given: &str,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: Option<String>,
    ) {
        match suggest(given, known).or(otherwise) {
            Some(h) => self.error_hint(pos, message, h),
            None => self.error(pos, message),
        }
    }

    /// Record a warning at `pos`.
    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Warning, message.into(), None);
    }

    /// Read `node` as a `T` ([`crate::yaml::de`]), recording every problem found; `None`
    /// when the value as a whole cannot be read.
    pub fn read<T: serde::de::DeserializeOwned>(&mut self, node: &crate::yaml::Node) -> Option<T> {
        let (value, problems) = crate::yaml::de::read(node);
        for e in &problems {
            self.yaml(e);
        }
        value
    }

    /// Record a YAML-level failure.
    pub fn yaml(&mut self, e: &YamlError) {
        self.push(e.pos, Severity::Error, e.message.clone(), e.hint.clone());
    }

    fn push(&mut self, pos: Pos, severity: Severity, message: String, hint: Option<String>) {
        self.items.push(Diagnostic {
            file: self.file.clone(),
            pos,
            severity,
            message,
            hint,
        });
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Everything recorded, ordered by file and place, errors before warnings at one place.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| (&a.file, a.pos, a.severity).cmp(&(&b.file, b.pos, b.severity)));
        self.items.dedup();
        self.items
    }
}

/// A "did you mean" suggestion (see [`crate::suggest`]).
pub use crate::suggest::suggest;
