//! `hirewiz compare A B`: two answers files (or saved session files) side by side.

use super::{Failure, load_pack, print};
use crate::answers;
use crate::report::compare::{self, ComparisonReport};
use clap::ValueEnum;
use std::path::Path;

/// Comparison formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// The two results in columns, then the answers that differ.
    Text,
    /// JSON for scripts: each side's full report, then the answers that differ.
    Json,
}

/// Read both files against the pack, printing their warnings, and print the comparison.
pub fn compare(
    pack: Option<&Path>,
    a: &Path,
    b: &Path,
    format: CompareFormat,
) -> Result<(), Failure> {
    let pack = load_pack(pack)?;
    let fa = answers::read_path(&pack, a)?;
    let fb = answers::read_path(&pack, b)?;
    for w in fa.warnings.iter().chain(&fb.warnings) {
        eprintln!("{w}");
    }
    let (na, nb) = (a.display().to_string(), b.display().to_string());
    let c = ComparisonReport::build(&pack, (&na, &fa.answers), (&nb, &fb.answers));
    print(&match format {
        CompareFormat::Text => compare::to_text(&c),
        CompareFormat::Json => compare::to_json(&c),
    })
}
