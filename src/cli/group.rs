//! `hirewiz group S1 S2 …`: several people's sessions (or answers files) side by side,
//! where they disagree, and which disagreements change the group's result; `--settle`
//! starts a session pre-filled with the group profile.

use super::{Failure, load_pack, print};
use crate::answers;
use crate::insight::group::settle_events;
use crate::pack::Pack;
use crate::report::group::{self, GroupReport, MemberInput};
use crate::session::{Label, Recorder, SessionId, Store, replay};
use crate::wizard::Wizard;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Group formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupFormat {
    /// Plain text.
    Text,
    /// A Markdown memo to send.
    Markdown,
    /// JSON for scripts.
    Json,
}

/// A member read, before names are told apart.
struct Read {
    name: String,
    input: MemberInput,
}

/// Read every member, leave out (with a message) those that cannot be read, and print
/// the group; with `settle`, also save a new session pre-filled with its profile.
pub fn group(
    pack: super::PackChoice,
    data_dir: Option<&Path>,
    given: &[String],
    format: GroupFormat,
    settle: bool,
) -> Result<(), Failure> {
    let pack = load_pack(pack)?;
    let mut read: Vec<Read> = Vec::new();
    let mut left_out: Vec<(String, String)> = Vec::new();
    for g in given {
        match member(&pack, data_dir, g) {
            Ok(r) => read.push(r),
            Err(reason) => {
                crate::cli::say_err(&format!("hirewiz: {g}: left out of the group: {reason}"));
                left_out.push((g.clone(), reason));
            }
        }
    }
    if read.len() < 2 {
        return Err(Failure::bad_input(format!(
            "a group needs at least two members that can be read; {} of {} could be",
            read.len(),
            given.len()
        )));
    }
    let names = group::distinct(&read.iter().map(|r| r.name.clone()).collect::<Vec<_>>());
    let members: Vec<MemberInput> = read
        .into_iter()
        .zip(names)
        .map(|(r, name)| MemberInput { name, ..r.input })
        .collect();
    let report = GroupReport::build(&pack, &members, left_out);
    let mut text = match format {
        GroupFormat::Text => group::text::render(&report),
        GroupFormat::Markdown => group::markdown::render(&report),
        GroupFormat::Json => group::json::render(&report),
    };
    if settle {
        let (id, path) = save_settled(&pack, data_dir, &report)?;
        let open = report.open_questions().len();
        let words = settled_words(&id, &path, &report.settle_label(), open);
        match format {
            GroupFormat::Json => text = with_settled(&text, &id, &path, &report),
            GroupFormat::Markdown => text.push_str(&format!("\n{words}\n")),
            GroupFormat::Text => text.push_str(&format!("\n{words}\n")),
        }
    }
    print(&text)
}

/// One member: a session (by id or file) replayed on the current pack, or an answers
/// file; the error is the reason it is left out.
fn member(pack: &Arc<Pack>, data_dir: Option<&Path>, given: &str) -> Result<Read, String> {
    let path = Path::new(given);
    let (session, file) = if path.exists() {
        let bytes = crate::yaml::read_file(path, &crate::yaml::Limits::default())?;
        let shown = crate::session::store::shown(path);
        match crate::session::format::from_bytes(&shown, &bytes) {
            Ok(s) => (s, path.to_path_buf()),
            Err(e) if looks_like_session(&bytes) => return Err(e.to_string()),
            Err(_) => return answers_member(pack, path),
        }
    } else if SessionId::parse(given).is_ok() {
        let store = Store::locate(data_dir).map_err(|e| e.to_string())?;
        store.find(given).map_err(|e| e.to_string())?
    } else {
        return Err("no such file, and not a session id".to_string());
    };
    let shown = crate::session::store::shown(&file);
    let played = replay::replay(&session, pack.clone(), &shown).map_err(|e| e.to_string())?;
    let cmp = replay::drift(&session, &played);
    let unfinished = session.status == crate::session::Status::InProgress;
    let notes = cmp.remarks(unfinished).warnings;
    let name = match &session.label {
        Some(l) => l.as_str().to_string(),
        None => session.id.to_string(),
    };
    Ok(Read {
        name,
        input: MemberInput {
            name: String::new(),
            file: shown,
            session: Some(session.id.to_string()),
            notes,
            answers: played.final_state().answers().clone(),
        },
    })
}

fn looks_like_session(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).contains("hirewiz-session/")
}

/// A plain answers file, named by its file name without folder or extension.
fn answers_member(pack: &Pack, path: &Path) -> Result<Read, String> {
    let file = answers::read_path(pack, path).map_err(|e| e.to_string())?;
    for w in &file.warnings {
        crate::cli::say_err(&w.to_string());
    }
    let name = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let name = crate::escape::one_line(&name).into_owned();
    Ok(Read {
        name,
        input: MemberInput {
            name: String::new(),
            file: path.display().to_string(),
            session: None,
            notes: Vec::new(),
            answers: file.answers,
        },
    })
}

/// Record the settle session: the profile's answers, the questions not open passed, the
/// wizard at the first open question. Returns its id and file.
fn save_settled(
    pack: &Arc<Pack>,
    data_dir: Option<&Path>,
    report: &GroupReport,
) -> Result<(String, PathBuf), Failure> {
    let store = Store::locate(data_dir)?;
    let label = Label::parse(&report.settle_label()).ok();
    let mut rec = Recorder::start(store, pack, label);
    let mut w = Wizard::new(pack.clone());
    for e in settle_events(&report.group.profile, &report.group.open()) {
        if w.apply(&e).is_ok() {
            rec.record(&e, &w)?;
        }
    }
    let path = rec.finish()?;
    Ok((rec.session().id.to_string(), path))
}

fn settled_words(id: &str, path: &Path, label: &str, open: usize) -> String {
    let first = match open {
        0 => "every question has a majority, so it opens on the review".to_string(),
        1 => "it asks the open question first".to_string(),
        n => format!("it asks the {n} open questions first"),
    };
    format!(
        "Settle: the group profile is saved as session {id} (“{label}”, {}); `hirewiz resume {id}` goes on with it: {first}.",
        path.display()
    )
}

fn with_settled(text: &str, id: &str, path: &Path, report: &GroupReport) -> String {
    let Ok(serde_json::Value::Object(mut map)) = serde_json::from_str::<serde_json::Value>(text)
    else {
        return text.to_string();
    };
    map.insert(
        "settled".into(),
        serde_json::json!({
            "session": id,
            "file": path.to_string_lossy(),
            "label": report.settle_label(),
            "open": report.open_questions().iter().map(|q| q.question.clone()).collect::<Vec<_>>(),
        }),
    );
    let mut s = serde_json::to_string_pretty(&serde_json::Value::Object(map))
        .unwrap_or_else(|_| text.to_string());
    s.push('\n');
    s
}
