//! The sessions folder: where it is, atomic saves, loading by id or file, and listing.
//!
//! Saving never leaves a half-written file: the text goes to a temporary file in the same
//! folder, is flushed to disk, renamed over the session file (an atomic step), and the
//! folder itself is flushed so the rename survives a power cut. Files are readable by
//! their owner only. A file that is not readable as the session being saved is never
//! overwritten, one session is recorded by one hirewiz at a time (see [`super::lock`]),
//! and nothing here ever deletes a session file. Temporary files a killed save left
//! behind are swept when the folder is listed.

use super::format::{self, FORMAT};
use super::lock::{Holdings, NotLocked, SessionLock};
use super::{PackIdentity, Session, SessionError, SessionId, Status, Timestamp};
use crate::yaml::{Limits, io_message};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "HIREWIZ_DATA_DIR";

/// Temporary files older than this are left over from a save that was killed.
const STALE_TEMP_SECS: u64 = 600;

/// How much of a file is read to find its status and last change: the lines hirewiz
/// writes before `pack:` take a few hundred bytes, a long label with escapes included.
const PEEK: Limits = Limits {
    max_bytes: 4096,
    max_depth: 8,
    max_nodes: 64,
};

/// The folder of session files. The stores of a process share the locks they hold (see
/// [`super::lock`]); stores are equal when their folders are.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    locks: Holdings,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir
    }
}

impl Eq for Store {}

/// A saved session as a listing shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Its id.
    pub id: SessionId,
    /// Its label.
    pub label: Option<String>,
    /// When it was started.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// Whether it was finished.
    pub status: Status,
    /// The pack it was answered with.
    pub pack: PackIdentity,
    /// The recommended candidate's name, when complete.
    pub recommendation: Option<String>,
    /// Whether the saved result was a close call (a tie is one), when complete.
    pub close: bool,
    /// Whether the saved result was a tie, when complete.
    pub tie: bool,
    /// How many answers it holds.
    pub answered: usize,
    /// How many events its history holds.
    pub events: usize,
    /// When the report was last exported, if it was.
    pub exported: Option<Timestamp>,
    /// Its file.
    pub path: PathBuf,
}

impl Summary {
    /// The listing line of a session.
    pub fn of(session: &Session, path: PathBuf) -> Summary {
        Summary {
            id: session.id.clone(),
            label: session.label.as_ref().map(|l| l.as_str().to_string()),
            created: session.created,
            updated: session.updated,
            status: session.status,
            pack: session.pack.clone(),
            recommendation: session.recommendation(),
            close: session.result.as_ref().is_some_and(|r| r.close),
            tie: session.result.as_ref().is_some_and(|r| r.tie),
            answered: session.answers.len(),
            events: session.history.len(),
            exported: session
                .history
                .iter()
                .rfind(|r| matches!(r.event, super::SavedEvent::Export { .. }))
                .map(|r| r.at),
            path,
        }
    }
}

/// What a file was right after this process wrote it, to tell later without reading it
/// that nobody has written it since: every save makes a new file (a new inode), and an
/// edit in place changes its time of change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(m: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            inode: (m.dev(), m.ino()),
        }
    }

    fn of_path(path: &Path) -> Option<Stamp> {
        fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// A session's file as this process last saved it, or found it when resuming.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Saved {
    /// How many history events it holds.
    pub events: usize,
    /// What the file was once written, when this process wrote it.
    pub stamp: Option<Stamp>,
    /// The SHA-256 of its text, when it was read rather than written here: reading and
    /// comparing bytes is much quicker than parsing them.
    pub digest: Option<[u8; 32]>,
}

impl Saved {
    /// A file found holding `events` events, written as `text`.
    pub fn found(events: usize, text: &str) -> Saved {
        Saved {
            events,
            stamp: None,
            digest: Some(digest(text.as_bytes())),
        }
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).into()
}

/// One entry of a listing: a session, or a file that could not be read as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    /// A readable session.
    Session(Summary),
    /// A file in the folder that is not a readable session; it is left as it is.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why it cannot be read, in a line.
        reason: String,
    },
}

impl Store {
    /// The store in the data folder chosen by, in order: `data_dir` (the `--data-dir`
    /// option), the `HIREWIZ_DATA_DIR` variable, the user's data folder (on Linux
    /// `$XDG_DATA_HOME/hirewiz`, else `~/.local/share/hirewiz`). Sessions live in its
    /// `sessions` folder, created on the first save.
    pub fn locate(data_dir: Option<&Path>) -> Result<Store, SessionError> {
        if let Some(d) = data_dir {
            return Ok(Store::in_data_dir(d));
        }
        if let Some(d) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Ok(Store::in_data_dir(Path::new(&d)));
        }
        directories::ProjectDirs::from("", "", "hirewiz")
            .map(|p| Store::in_data_dir(p.data_dir()))
            .ok_or(SessionError::NoDataDir)
    }

    /// The store whose sessions live in `data_dir/sessions`.
    pub fn in_data_dir(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("sessions"),
            locks: Holdings::of_process(),
        }
    }

    /// The same folder as another hirewiz would have it: a store that shares no lock with
    /// the other stores of this process, so that two hirewiz can be played in one
    /// process (as tests do) and each is refused the sessions the other has open.
    pub fn separate(&self) -> Store {
        Store {
            dir: self.dir.clone(),
            locks: Holdings::default(),
        }
    }

    /// The sessions folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the session with this id.
    pub fn path_of(&self, id: &SessionId) -> PathBuf {
        self.dir.join(id.file_name())
    }

    /// A fresh id no saved session has.
    pub fn new_id(&self, now: Timestamp) -> SessionId {
        loop {
            let id = SessionId::generate(now);
            if !self.path_of(&id).exists() {
                return id;
            }
        }
    }

    /// Save `session` atomically, as a new file or over its own earlier save.
    ///
    /// `saved_events` is how many history events the file on disk holds as far as the
    /// caller knows (`None`: it was never saved). When the file holds something else, it
    /// was changed by another hirewiz and [`SessionError::Conflict`] is returned; a file
    /// that is not readable as this session is never overwritten. The session's lock is
    /// taken for the save, so a session another hirewiz has open is refused with
    /// [`SessionError::InUse`].
    ///
    /// This reads the file on disk to compare; a [`super::Recorder`] saving step after
    /// step knows its own file and does not.
    pub fn save(
        &self,
        session: &Session,
        saved_events: Option<usize>,
    ) -> Result<PathBuf, SessionError> {
        let lock = self.lock(&session.id)?;
        let text = format::to_yaml(session);
        let saved = saved_events.map(|events| Saved {
            events,
            stamp: None,
            digest: None,
        });
        self.write(&lock, session, &text, saved.as_ref())?;
        Ok(self.path_of(&session.id))
    }

    /// Take the lock of a session: while it is held, no other hirewiz records into the
    /// session, each being refused with [`SessionError::InUse`]; the stores of this
    /// process share it. It is let go when dropped, and by the system when the process
    /// ends, however it ends.
    pub fn lock(&self, id: &SessionId) -> Result<SessionLock, SessionError> {
        let path = self.dir.join(format!(".{id}.lock"));
        let failed = |e: &std::io::Error| SessionError::Write {
            path: shown(&self.path_of(id)),
            message: io_message(e),
        };
        create_private_dir(&self.dir).map_err(|e| failed(&e))?;
        self.locks.take(path).map_err(|e| match e {
            NotLocked::Held => SessionError::InUse {
                path: shown(&self.path_of(id)),
            },
            NotLocked::Failed(e) => failed(&e),
        })
    }

    /// Write `text`, the file of `session`, under its lock. `saved` is what this process
    /// last saved or found there (`None`: nothing): when the file is still exactly that,
    /// it is replaced without being parsed; otherwise it is read and compared as
    /// [`Store::save`] says.
    pub(crate) fn write(
        &self,
        _lock: &SessionLock,
        session: &Session,
        text: &str,
        saved: Option<&Saved>,
    ) -> Result<Saved, SessionError> {
        let path = self.path_of(&session.id);
        let untouched = match saved {
            Some(Saved {
                stamp: Some(stamp), ..
            }) => Stamp::of_path(&path).as_ref() == Some(stamp),
            Some(Saved {
                digest: Some(d), ..
            }) => crate::yaml::read_file(&path, &Limits::default())
                .is_ok_and(|bytes| digest(&bytes) == *d),
            _ => false,
        };
        if !untouched {
            self.guard(session, &path, saved.map(|s| s.events))?;
        }
        let written = create_private_dir(&self.dir)
            .and_then(|()| write_atomic(&self.dir, &path, text.as_bytes(), None))
            .map_err(|e| SessionError::Write {
                path: shown(&path),
                message: io_message(&e),
            })?;
        Ok(Saved {
            events: session.history.len(),
            stamp: Some(Stamp::of(&written)),
            digest: None,
        })
    }

    /// A copy of a session that could not be saved in its own folder, written in the
    /// system's temporary folder under a name of its own (never over another file),
    /// readable by its owner only. Returns the copy.
    pub fn rescue(&self, text: &str, id: &SessionId) -> Result<PathBuf, SessionError> {
        let dir = std::env::temp_dir();
        let failed = |e: std::io::Error| SessionError::Write {
            path: shown(&dir),
            message: io_message(&e),
        };
        let mut copy = tempfile::Builder::new()
            .prefix(&format!("hirewiz-{id}-"))
            .suffix(".yaml")
            .tempfile_in(&dir)
            .map_err(failed)?;
        copy.write_all(text.as_bytes()).map_err(failed)?;
        copy.as_file().sync_all().map_err(failed)?;
        copy.keep()
            .map(|(_, path)| path)
            .map_err(|e| failed(e.error))
    }

    fn guard(
        &self,
        session: &Session,
        path: &Path,
        saved_events: Option<usize>,
    ) -> Result<(), SessionError> {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            _ => {}
        }
        let bytes = crate::yaml::read_file(path, &Limits::default()).map_err(|message| {
            SessionError::Write {
                path: shown(path),
                message,
            }
        })?;
        let would = |reason: String| SessionError::WouldOverwrite {
            path: shown(path),
            reason,
        };
        match format::from_bytes(&shown(path), &bytes) {
            Err(e) => Err(would(format!(
                "is not readable as a session ({})",
                first_problem(&e)
            ))),
            Ok(on_disk) if on_disk.id != session.id => {
                Err(would(format!("holds another session, `{}`", on_disk.id)))
            }
            Ok(_) if saved_events.is_none() => {
                Err(would("already holds a session with this id".into()))
            }
            Ok(on_disk) if Some(on_disk.history.len()) != saved_events => {
                Err(SessionError::Conflict { path: shown(path) })
            }
            Ok(_) => Ok(()),
        }
    }

    /// Remove the temporary files a save or an export left when it was killed before it
    /// could: hidden `.tmp` files in the folder, old enough that no save still writes them.
    pub fn sweep(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with('.') && name.ends_with(".tmp")) {
                continue;
            }
            let stale = e
                .metadata()
                .ok()
                .filter(fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > STALE_TEMP_SECS);
            if stale {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// Load the session with this id.
    pub fn load(&self, id: &SessionId) -> Result<Session, SessionError> {
        let path = self.path_of(id);
        if !path.exists() {
            return Err(SessionError::NotFound {
                given: id.to_string(),
                dir: shown(&self.dir),
            });
        }
        self.load_path(&path)
    }

    /// Load a session file of this store, checking that its id matches its name (a copy
    /// saved under its own id would overwrite the original).
    fn load_path(&self, path: &Path) -> Result<Session, SessionError> {
        let s = read_file(path)?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
        if stem.as_deref() != Some(s.id.as_str()) {
            let mut d = crate::diag::Diagnostics::new(shown(path));
            d.error_hint(
                crate::yaml::Pos { line: 1, col: 1 },
                format!(
                    "the file holds session `{}` but is named after `{}`",
                    s.id,
                    stem.unwrap_or_default()
                ),
                format!("rename the file to {} or change its `id`", s.id.file_name()),
            );
            return Err(SessionError::Invalid(d.into_sorted()));
        }
        Ok(s)
    }

    /// Find a session by id, unique id prefix, or file path, and load it. Returns the
    /// session and its file.
    pub fn find(&self, given: &str) -> Result<(Session, PathBuf), SessionError> {
        if let Ok(id) = SessionId::parse(given) {
            let path = self.path_of(&id);
            if path.exists() {
                return Ok((self.load_path(&path)?, path));
            }
        }
        let as_path = Path::new(given);
        if as_path.exists() {
            return Ok((read_file(as_path)?, as_path.to_path_buf()));
        }
        let id = SessionId::parse(given).map_err(|reason| SessionError::BadId {
            given: given.to_string(),
            reason,
        })?;
        let mut matches: Vec<PathBuf> = session_files(&self.dir)
            .into_iter()
            .filter(|p| {
                p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().starts_with(id.as_str()))
            })
            .collect();
        match matches.len() {
            0 => Err(SessionError::NotFound {
                given: given.to_string(),
                dir: shown(&self.dir),
            }),
            1 => {
                let path = matches.remove(0);
                Ok((self.load_path(&path)?, path))
            }
            _ => Err(SessionError::Ambiguous {
                given: given.to_string(),
                matches: matches
                    .iter()
                    .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().to_string()))
                    .collect(),
            }),
        }
    }

    /// Every session file in the folder, most recently updated first, unreadable files
    /// last. A missing folder lists nothing; a folder that cannot be read is an error.
    pub fn list(&self) -> Result<Vec<Listed>, SessionError> {
        self.list_checked(|_, _| Ok(()))
    }

    /// [`Store::list`], with each session that reads also put to `check` (given the
    /// session and its file as shown): one it refuses is listed as unreadable, with the
    /// reason, as a session that does not read is.
    pub fn list_checked(
        &self,
        check: impl Fn(&Session, &str) -> Result<(), SessionError>,
    ) -> Result<Vec<Listed>, SessionError> {
        if !self.dir.exists() {
            return Ok(Vec::new());
        }
        fs::read_dir(&self.dir).map_err(|e| SessionError::Read {
            path: shown(&self.dir),
            message: io_message(&e),
        })?;
        self.sweep();
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for path in session_files(&self.dir) {
            match self
                .load_path(&path)
                .and_then(|s| check(&s, &shown(&path)).map(|()| s))
            {
                Ok(s) => ok.push(Summary::of(&s, path)),
                Err(e) => bad.push(Listed::Unreadable {
                    reason: first_problem(&e),
                    path,
                }),
            }
        }
        ok.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        let mut out: Vec<Listed> = ok.into_iter().map(Listed::Session).collect();
        out.extend(bad);
        Ok(out)
    }

    /// The session `hirewiz resume` goes on with: the one `given` names (see
    /// [`Store::find`]), or else the most recently updated unfinished one.
    pub fn to_resume(&self, given: Option<&str>) -> Result<(Session, PathBuf), SessionError> {
        match given {
            Some(g) => self.find(g),
            None => self
                .in_progress()
                .next()
                .ok_or_else(|| SessionError::NothingToResume {
                    dir: shown(self.dir()),
                }),
        }
    }

    /// The most recently updated unfinished session, the one a welcome screen offers to
    /// resume. Unreadable files are passed over.
    pub fn latest_in_progress(&self) -> Option<Summary> {
        self.in_progress()
            .next()
            .map(|(session, path)| Summary::of(&session, path))
    }

    /// The unfinished sessions, most recently updated first, each loaded and checked as
    /// it is reached; unreadable files are passed over.
    ///
    /// Finding the latest must not cost a full read of every session a consultant has
    /// ever run: each file's `status` and `updated` are read from its first few lines
    /// (see `format::peek`), and only a file whose top says something else is read
    /// whole to find them. The sessions are then loaded in order, as far as the caller
    /// goes.
    pub fn in_progress(&self) -> impl Iterator<Item = (Session, PathBuf)> + '_ {
        self.sweep();
        let mut found: Vec<(Timestamp, String, PathBuf)> = session_files(&self.dir)
            .into_iter()
            .filter_map(|path| {
                let peeked = crate::yaml::read_head(&path, &PEEK)
                    .ok()
                    .and_then(|top| format::peek(&top));
                let (status, updated) = match peeked {
                    Some(p) => p,
                    None => {
                        let s = self.load_path(&path).ok()?;
                        (s.status, s.updated)
                    }
                };
                let stem = path.file_stem()?.to_string_lossy().to_string();
                (status == Status::InProgress).then_some((updated, stem, path))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        found.into_iter().filter_map(|(_, _, path)| {
            let session = self.load_path(&path).ok()?;
            (session.status == Status::InProgress).then_some((session, path))
        })
    }
}

/// A session by id, prefix or file, in the store [`Store::locate`] finds for
/// `data_dir`; a file is found even when there is no data folder.
pub fn find_anywhere(
    data_dir: Option<&Path>,
    given: &str,
) -> Result<(Session, PathBuf), SessionError> {
    match Store::locate(data_dir) {
        Ok(store) => store.find(given),
        Err(e) => {
            let path = Path::new(given);
            if path.exists() {
                Ok((read_file(path)?, path.to_path_buf()))
            } else {
                Err(e)
            }
        }
    }
}

/// Read any session file (in a store or not), with size limits and clear errors.
pub fn read_file(path: &Path) -> Result<Session, SessionError> {
    let name = shown(path);
    let err = |message: String| SessionError::Read {
        path: name.clone(),
        message,
    };
    let bytes = crate::yaml::read_file(path, &Limits::default()).map_err(err)?;
    format::from_bytes(&name, &bytes)
}

/// The `*.yaml` files of a folder, by name, hidden and temporary files aside.
fn session_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string());
            name.is_some_and(|n| !n.starts_with('.') && n.ends_with(".yaml"))
        })
        .collect();
    files.sort();
    files
}

/// A one-line reason for a listing or a refusal.
fn first_problem(e: &SessionError) -> String {
    match e {
        SessionError::Invalid(d) => match d.first() {
            Some(first) => {
                let more = d.len() - 1;
                let tail = if more > 0 {
                    format!(" (and {more} more)")
                } else {
                    String::new()
                };
                format!("line {}: {}{tail}", first.pos.line, first.message)
            }
            None => format!("not a {FORMAT} file"),
        },
        SessionError::Read { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// Write an exported report atomically, readable by its owner only: the file holds
/// either its old content or all of the new, never a part. Control characters from the
/// pack or the session are shown escaped, as on a terminal, since a report is read in one.
///
/// A file that is replaced keeps the permissions in `keep`; a new one is its owner's only.
pub fn write_report(path: &Path, text: &str, keep: Option<fs::Permissions>) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    write_atomic(dir, path, crate::escape::shown(text).as_bytes(), keep).map(|_| ())
}

/// Write `bytes` to `path` so that at every moment `path` holds either its old content or
/// all of the new: a temporary file beside it (its owner's only, named `.NAME.*.tmp`) is
/// written, flushed to disk and renamed over it, then the folder is flushed so that the
/// rename survives a power cut. Returns what the file is now, to know it again later.
fn write_atomic(
    dir: &Path,
    path: &Path,
    bytes: &[u8],
    keep: Option<fs::Permissions>,
) -> std::io::Result<fs::Metadata> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // A temporary file that is not persisted is removed when dropped.
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(without_temp_path)?;
    temp.write_all(bytes)?;
    if let Some(p) = keep {
        temp.as_file().set_permissions(p)?;
    }
    temp.as_file().sync_all()?;
    let written = temp.as_file().metadata()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)?;
    Ok(written)
}

/// The kind of error alone, without the temporary file's name that `tempfile` adds to
/// it: the file the user named is the one a message speaks of.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    std::io::Error::from(e.kind())
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// A path as messages show it.
pub fn shown(p: &Path) -> String {
    p.to_string_lossy().to_string()
}
