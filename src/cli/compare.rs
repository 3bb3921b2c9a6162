//! `hirewiz compare A B`: two answers files (or saved session files) side by side.

use super::{Failure, load_pack, print};
use crate::answers;
use crate::report::compare::{self, ComparisonReport};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

/// Comparison formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// The two results in columns, then the answers that differ.
    Text,
    /// JSON for scripts: each side's full report, then the answers that differ.
    Json,
}

/// Read both sides against the pack, printing their warnings, and print the comparison.
/// Each side is an answers file, a session file, or the id of a saved session.
pub fn compare(
    pack: super::PackChoice,
    data_dir: Option<&Path>,
    a: &Path,
    b: &Path,
    format: CompareFormat,
) -> Result<(), Failure> {
    let pack = load_pack(pack)?;
    let (a, b) = (&resolve(data_dir, a)?, &resolve(data_dir, b)?);
    let fa = answers::read_path(&pack, a)?;
    let fb = answers::read_path(&pack, b)?;
    for w in fa.warnings.iter().chain(&fb.warnings) {
        crate::cli::say_err(&w.to_string());
    }
    let (fa_name, fb_name) = (a.display().to_string(), b.display().to_string());
    let (mut na, mut nb) = (short_name(a), short_name(b));
    if na == nb {
        // Two sides that read alike are told apart by where they come from.
        (na, nb) = (fa_name.clone(), fb_name.clone());
    }
    let c = ComparisonReport::build(
        &pack,
        ((&na, &fa_name), &fa.answers),
        ((&nb, &fb_name), &fb.answers),
    );
    print(&match format {
        CompareFormat::Text => compare::to_text(&c),
        CompareFormat::Json => compare::to_json(&c),
    })
}

/// How a side is named in column heads: a saved session by its label, else its id; any
/// other file by its name without folder or extension.
fn short_name(path: &Path) -> String {
    if let Ok(session) = crate::session::store::read_file(path) {
        return match &session.label {
            Some(label) => format!("“{}”", label.as_str()),
            None => session.id.to_string(),
        };
    }
    let name = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    crate::escape::one_line(&name).into_owned()
}

/// A file that exists is taken as it is; otherwise a name that reads as a session id is
/// looked up among the saved sessions, and anything else is left for the reader to
/// report as missing.
fn resolve(data_dir: Option<&Path>, given: &Path) -> Result<PathBuf, Failure> {
    let text = given.to_string_lossy();
    if given.exists() || crate::session::SessionId::parse(&text).is_err() {
        return Ok(given.to_path_buf());
    }
    let store = crate::session::Store::locate(data_dir)?;
    Ok(store.find(&text)?.1)
}
