//! One writer per session. A hirewiz that records into a session holds an advisory lock
//! on the file `.ID.lock` beside it, so a second one opening the same session is told at
//! once, and goes on in a session of its own, instead of the two saving over each
//! other's steps.
//!
//! A lock belongs to the process that took it: taken again by any store in it, it is
//! shared, and the recorders sharing it are kept apart by the store's check that a file
//! is still what they last saved. Another process is refused while it is held, and so
//! is a store made to stand for one ([`super::Store::separate`]).
//!
//! The system releases the lock when its holder ends, however it ends, so a hirewiz that
//! was killed never leaves a session locked; a lock file it leaves behind holds no lock
//! and is simply taken again. The holder removes the file when it lets go, which is why
//! a lock is only taken once the file it was taken on is still the one at the path.

use fs4::{FileExt, TryLockError};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

/// How often, and how far apart, a held lock is tried again before it counts as taken:
/// a holder letting go removes its file first, which another may just have opened.
const TRIES: u32 = 3;
const PAUSE: Duration = Duration::from_millis(20);

/// The lock on one session, held until it and every copy of it are dropped.
#[derive(Debug, Clone)]
pub struct SessionLock {
    held: Arc<Held>,
}

impl SessionLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.held.path
    }
}

/// The locks held, each shared by whoever takes it again through these holdings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Holdings(Arc<Mutex<HashMap<PathBuf, Weak<Held>>>>);

impl Holdings {
    /// The holdings of this process, which every store shares unless made separate.
    pub(crate) fn of_process() -> Holdings {
        static PROCESS: std::sync::OnceLock<Holdings> = std::sync::OnceLock::new();
        PROCESS.get_or_init(Holdings::default).clone()
    }

    /// The lock whose file is `path`: shared when held here already, else taken.
    pub(crate) fn take(&self, path: PathBuf) -> Result<SessionLock, NotLocked> {
        let mut held = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = held.get(&path).and_then(Weak::upgrade) {
            return Ok(SessionLock { held: h });
        }
        held.retain(|_, h| h.strong_count() > 0);
        let h = Arc::new(Held::take(path.clone())?);
        held.insert(path, Arc::downgrade(&h));
        Ok(SessionLock { held: h })
    }
}

#[derive(Debug)]
struct Held {
    path: PathBuf,
    /// `None` where the file system cannot lock (some network folders): saving still
    /// refuses to overwrite a file changed since, which is the guard that remains.
    file: Option<File>,
}

/// Why a lock was not taken.
#[derive(Debug)]
pub(crate) enum NotLocked {
    /// Another handle holds it: another hirewiz has the session open.
    Held,
    /// The lock file could not be opened or locked.
    Failed(io::Error),
}

impl Held {
    /// Take the lock whose file is `path`, without waiting for it.
    fn take(path: PathBuf) -> Result<Held, NotLocked> {
        let mut tries = 0;
        loop {
            let file = open(&path).map_err(NotLocked::Failed)?;
            match FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    tries += 1;
                    if tries >= TRIES {
                        return Err(NotLocked::Held);
                    }
                    std::thread::sleep(PAUSE);
                    continue;
                }
                Err(TryLockError::Error(e)) if unsupported(&e) => {
                    return Ok(Held { path, file: None });
                }
                Err(TryLockError::Error(e)) => return Err(NotLocked::Failed(e)),
            }
            // Locked, but perhaps a file its last holder had already removed: the lock
            // then guards nothing, and the path is tried again.
            if is_same(&file, &path) {
                return Ok(Held {
                    path,
                    file: Some(file),
                });
            }
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // Removed while still held, so that nobody takes a lock on a file about to go.
        // Elsewhere an open file cannot always be removed; it is left, holding nothing.
        if cfg!(unix) && self.file.is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A link planted in the folder is not followed.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(unix)]
fn is_same(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere a file that is open cannot be removed, so the one at the path is the one.
#[cfg(not(unix))]
fn is_same(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    if matches!(e.raw_os_error(), Some(libc::ENOLCK | libc::EOPNOTSUPP)) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_shared_by_its_holder_refused_to_others_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.lock");
        let (mine, theirs) = (Holdings::default(), Holdings::default());
        let first = mine.take(path.clone()).unwrap();
        let again = mine.clone().take(path.clone()).unwrap();
        assert!(matches!(theirs.take(path.clone()), Err(NotLocked::Held)));
        drop(first);
        assert!(matches!(theirs.take(path.clone()), Err(NotLocked::Held)));
        drop(again);
        assert!(!path.exists());
        let now_theirs = theirs.take(path.clone()).unwrap();
        assert!(path.exists());
        assert!(matches!(mine.take(path.clone()), Err(NotLocked::Held)));
        drop(now_theirs);
    }

    #[test]
    fn a_lock_file_left_behind_holds_no_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.lock");
        std::fs::write(&path, "").unwrap();
        assert!(Holdings::default().take(path).is_ok());
    }
}
