//! The headless session commands: `hirewiz sessions` lists the saved sessions and
//! `hirewiz export` writes a session's report, scored with the pack in use now.

use super::{Failure, Format, exit, load_pack, print, render};
use crate::report::Report;
use crate::score;
use crate::session::replay::{self, Drift};
use crate::session::{Listed, SessionError, Status, Store, Summary};
use clap::ValueEnum;
use serde_json::json;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// Formats of the `sessions` listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table, newest first.
    Text,
    /// JSON for scripts.
    Json,
}

impl From<SessionError> for Failure {
    fn from(e: SessionError) -> Self {
        Failure {
            code: if e.is_bad_input() {
                exit::BAD_INPUT
            } else {
                exit::FAILURE
            },
            message: e.to_string(),
        }
    }
}

/// `hirewiz sessions`: every saved session, and every file that could not be read.
pub fn sessions(
    choice: super::PackChoice,
    data_dir: Option<&Path>,
    format: ListFormat,
) -> Result<(), Failure> {
    let store = Store::locate(data_dir)?;
    // A session saved with this pack must still play back to the answers and status it
    // holds, or `resume`, `replay` and `export` refuse it: so is it listed.
    let pack = load_pack(choice)?;
    let listed = store
        .list_checked(|session, shown| replay::replay(session, pack.clone(), shown).map(drop))?;
    match format {
        ListFormat::Text => print(&table(&store, &listed)),
        ListFormat::Json => print(&listing_json(&store, &listed)),
    }
}

fn status_words(s: Status) -> &'static str {
    match s {
        Status::InProgress => "in progress",
        Status::Complete => "complete",
    }
}

/// `2025-06-01 14:30` (UTC), short enough for a table.
fn short_time(s: &Summary) -> String {
    let t = s.updated.to_string();
    format!("{} {}", &t[..10], &t[11..16])
}

fn table(store: &Store, listed: &[Listed]) -> String {
    if listed.is_empty() {
        return format!("No saved sessions in {}\n", store.dir().display());
    }
    let header = [
        "ID",
        "LABEL",
        "UPDATED (UTC)",
        "STATUS",
        "PACK",
        "RECOMMENDATION",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    let mut unreadable = Vec::new();
    for l in listed {
        match l {
            Listed::Session(s) => rows.push(vec![
                s.id.to_string(),
                s.label.clone().unwrap_or_else(|| "-".into()),
                short_time(s),
                match s.exported {
                    Some(_) => format!("{}, exported", status_words(s.status)),
                    None => status_words(s.status).into(),
                },
                format!("{} {}", s.pack.id, s.pack.version),
                match &s.recommendation {
                    // A tie already says so ("Tie: A and B").
                    Some(r) if s.close && !s.tie => format!("{r} (close call)"),
                    Some(r) => r.clone(),
                    None => "-".into(),
                },
            ]),
            Listed::Unreadable { path, reason } => {
                unreadable.push(format!("{}: unreadable: {reason}", path.display()));
            }
        }
    }
    // Cells are measured as they will be shown: control characters escaped (a label
    // holding ESC prints as `\e`, two columns), tabs and line breaks as spaces.
    for r in rows.iter_mut() {
        for cell in r.iter_mut() {
            *cell = crate::escape::shown(cell).replace(['\t', '\n'], " ");
        }
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < r.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for u in unreadable {
        out.push_str(&u);
        out.push('\n');
    }
    out
}

fn listing_json(store: &Store, listed: &[Listed]) -> String {
    let mut sessions = Vec::new();
    let mut unreadable = Vec::new();
    for l in listed {
        match l {
            Listed::Session(s) => sessions.push(json!({
                "id": s.id.as_str(),
                "label": s.label,
                "created": s.created.to_string(),
                "updated": s.updated.to_string(),
                "status": s.status.as_str(),
                "pack": {"id": s.pack.id, "version": s.pack.version, "hash": s.pack.hash},
                "recommendation": s.recommendation,
                "close": s.close,
                "answered": s.answered,
                "events": s.events,
                "exported": s.exported.map(|t| t.to_string()),
                "file": s.path.to_string_lossy(),
            })),
            Listed::Unreadable { path, reason } => unreadable.push(json!({
                "file": path.to_string_lossy(),
                "reason": reason,
            })),
        }
    }
    let doc = json!({
        "dir": store.dir().to_string_lossy(),
        "sessions": sessions,
        "unreadable": unreadable,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// `hirewiz export ID|FILE`: the report of a session's answers, scored with the current
/// pack, to standard output or `output`. Differences from the session as saved (another
/// pack, another result, an unfinished session) are noted on standard error.
pub fn export(
    pack: super::PackChoice,
    data_dir: Option<&Path>,
    session: &str,
    format: Format,
    output: Option<(&Path, bool)>,
) -> Result<(), Failure> {
    let target = output
        .map(|(out, follow_link)| export_target(out, follow_link))
        .transpose()?;
    let pack = load_pack(pack)?;
    let store = Store::locate(data_dir)?;
    let (session, path) = store.find(session)?;
    let shown = path.to_string_lossy();
    let played = replay::replay(&session, pack.clone(), &shown)?;
    let cmp = replay::drift(&session, &played);
    for note in notes(&cmp, session.status) {
        crate::cli::say_err(&format!("hirewiz: {shown}: {note}"));
    }
    let state = played.final_state();
    let effective = state.effective();
    let verdict = score::score(&pack, &effective);
    let text = render(&Report::build(&pack, &effective, &verdict), format);
    match target {
        None => print(&text),
        Some((out, keep)) => crate::session::store::write_report(&out, &text, keep).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "its folder does not exist".to_string(),
                _ => crate::yaml::io_message(&e),
            };
            Failure {
                code: exit::FAILURE,
                message: format!("{}: cannot write: {why}", out.display()),
            }
        }),
    }
}

/// Where `export -o` writes, and the permissions of the file it replaces, to keep. Only
/// a regular file is replaced: a device, named pipe, socket or folder is refused, and a
/// symbolic link is followed only when asked, so that the link itself is never replaced.
fn export_target(
    out: &Path,
    follow_link: bool,
) -> Result<(std::path::PathBuf, Option<std::fs::Permissions>), Failure> {
    let refuse = |why: String| Failure::bad_input(format!("{}: {why}", out.display()));
    let meta = match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((out.into(), None)),
        Err(e) => return Err(refuse(crate::yaml::io_message(&e))),
        Ok(meta) => meta,
    };
    let (target, meta) = if meta.file_type().is_symlink() {
        if !follow_link {
            return Err(refuse(
                "is a symbolic link; give --follow-link to write to the file it points to".into(),
            ));
        }
        let target = std::fs::canonicalize(out).map_err(|e| {
            refuse(format!(
                "is a symbolic link to nothing that can be reached ({})",
                crate::yaml::io_message(&e)
            ))
        })?;
        let meta = std::fs::metadata(&target).map_err(|e| refuse(crate::yaml::io_message(&e)))?;
        (target, meta)
    } else {
        (out.to_path_buf(), meta)
    };
    if let Some(what) = crate::yaml::not_regular(&meta.file_type()) {
        return Err(refuse(format!("{what}, so no report is written to it")));
    }
    Ok((target, Some(meta.permissions())))
}

/// What a reader of an exported report should know about how it was made.
pub fn notes(cmp: &Drift, status: Status) -> Vec<String> {
    let mut out = Vec::new();
    if status == Status::InProgress {
        out.push("the session is not finished; questions not answered take their defaults".into());
    }
    if let Some(p) = &cmp.pack {
        out.push(format!(
            "the pack changed since the session was saved ({} {} then, {} {} now); the report uses the current pack",
            p.saved.id, p.saved.version, p.current.id, p.current.version
        ));
    }
    if !cmp.skipped.is_empty() {
        out.push(format!(
            "{} recorded step{} no longer fit the pack and were left out",
            cmp.skipped.len(),
            if cmp.skipped.len() == 1 { "" } else { "s" }
        ));
    }
    if let Some(r) = &cmp.result {
        let name = |res: &crate::session::SavedResult| res.winner_name();
        if r.winner_changed() {
            out.push(format!(
                "the recommendation was {} when saved; it is {} now",
                name(&r.saved),
                name(&r.current)
            ));
        } else {
            out.push(format!(
                "the recommendation is still {}, with different points than when saved",
                name(&r.current)
            ));
        }
    }
    out
}
