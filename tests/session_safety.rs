//! Nothing loses a session: two hirewiz on one session each keep their own steps, a
//! killed one neither blocks the session nor leaves litter for long, and a last save
//! that fails says where the answers went.

mod session_support;

use hirewiz::session::{self, Recorder, SessionError, Store, replay};
use hirewiz::wizard::{Event, Wizard};
use session_support::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path());
    (dir, store)
}

/// The winding walk up to event `n`, recorded; returns the recorder (still open) and
/// the wizard after it.
fn recording(store: &Store, n: usize) -> (Recorder, Wizard) {
    let pack = pack();
    let events = winding_walk(&pack);
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let w = walk(pack.clone(), &events[..n], |e, w| {
        rec.record(e, w).unwrap();
    });
    (rec, w)
}

/// Open the session `id` from `store` as `hirewiz resume` does.
fn resume(store: &Store, id: &str) -> (Recorder, Wizard) {
    let (s, path) = store.find(id).unwrap();
    let r = replay::replay(&s, pack(), &path.to_string_lossy()).unwrap();
    let w = r.final_state().clone();
    (Recorder::resume(store.clone(), s, &r), w)
}

fn go_on(rec: &mut Recorder, w: &mut Wizard, events: &[Event]) {
    for e in events {
        w.apply(e).unwrap();
        rec.record(e, w).unwrap();
    }
}

#[test]
fn a_second_hirewiz_on_one_session_is_told_at_once_and_goes_on_in_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    // Two handles on one folder, as two hirewiz would have.
    let first = Store::in_data_dir(dir.path());
    let second = Store::in_data_dir(dir.path()).separate();
    let pack = pack();
    let events = winding_walk(&pack);
    let (mut a, mut wa) = recording(&first, 6);
    let id = a.session().id.to_string();

    let (mut b, mut wb) = resume(&second, &id);
    let told = b
        .in_use()
        .expect("the second is told the session is open elsewhere");
    assert!(matches!(told, SessionError::InUse { .. }), "{told}");
    assert!(
        told.to_string().contains("open in another hirewiz"),
        "{told}"
    );
    assert!(told.to_string().contains(&id), "{told}");
    assert_ne!(b.session().id.to_string(), id);
    assert_eq!(b.session().history, a.session().history);

    // Both go on; neither loses a step, and neither writes the other's file.
    go_on(&mut a, &mut wa, &events[6..9]);
    go_on(&mut b, &mut wb, &events[6..]);
    let a_file = session::store::read_file(&a.path()).unwrap();
    let b_file = session::store::read_file(&b.path()).unwrap();
    assert_eq!(&a_file, a.session());
    assert_eq!(&b_file, b.session());
    assert_eq!(a_file.history.len(), 9);
    assert_eq!(b_file.history.len(), events.len());
    assert_eq!(b_file.created, a_file.created);
    replay::replay(&b_file, pack.clone(), "b").unwrap();

    // A session saved over directly while open elsewhere is refused, the file untouched.
    let before = std::fs::read(a.path()).unwrap();
    let err = second.save(a.session(), Some(9)).unwrap_err();
    assert!(matches!(err, SessionError::InUse { .. }), "{err}");
    assert_eq!(std::fs::read(a.path()).unwrap(), before);

    // Once the first lets go, the session opens as its own again.
    drop(a);
    let (c, _) = resume(&second, &id);
    assert!(c.in_use().is_none());
    assert_eq!(c.session().id.to_string(), id);
}

/// Holds the session named by `HIREWIZ_LOCK_TEST_ID` in `HIREWIZ_LOCK_TEST_DIR` open,
/// says so, and waits to be killed: the child of the next test.
#[test]
fn lock_holder_child() {
    let (Some(dir), Some(id)) = (
        std::env::var_os("HIREWIZ_LOCK_TEST_DIR"),
        std::env::var("HIREWIZ_LOCK_TEST_ID").ok(),
    ) else {
        return;
    };
    let store = Store::in_data_dir(Path::new(&dir));
    let (rec, _) = resume(&store, &id);
    assert!(rec.in_use().is_none());
    println!("holding");
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_hirewiz_killed_while_holding_a_session_does_not_block_it() {
    use std::io::{BufRead, BufReader};
    let (dir, store) = store();
    let (rec, _) = recording(&store, 4);
    let id = rec.session().id.to_string();
    drop(rec);
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "lock_holder_child", "--nocapture"])
        .env("HIREWIZ_LOCK_TEST_DIR", dir.path())
        .env("HIREWIZ_LOCK_TEST_ID", &id)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    assert!(out.lines().map_while(Result::ok).any(|l| l == "holding"));
    let (held, _) = resume(&store, &id);
    assert!(held.in_use().is_some(), "the child holds it");
    drop(held);
    child.kill().unwrap();
    child.wait().unwrap();
    // Its lock file may be left; it holds nothing.
    let (free, _) = resume(&store, &id);
    assert!(free.in_use().is_none());
    assert_eq!(free.session().id.to_string(), id);
}

fn age(path: &Path, secs: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    n.sort();
    n
}

#[test]
fn temporary_files_of_any_killed_save_are_swept_when_the_folder_is_opened() {
    let (_dir, store) = store();
    let (rec, _) = recording(&store, 3);
    let own = rec.session().id.file_name();
    drop(rec);
    let folder = store.dir().to_path_buf();
    let litter: Vec<PathBuf> = [
        format!(".{own}.a1b2c3.tmp"),
        ".20240101-0000-gone.yaml.x9y8z7.tmp".to_string(),
        ".20240101-0000-gone.md.x9y8z7.tmp".to_string(),
    ]
    .iter()
    .map(|n| folder.join(n))
    .collect();
    for p in &litter {
        std::fs::write(p, "half a sess").unwrap();
        age(p, 3600);
    }
    // A save under way right now is left alone, and so is anything not a temporary file.
    let fresh = folder.join(".20240101-0000-busy.yaml.q1w2e3.tmp");
    std::fs::write(&fresh, "being written").unwrap();
    let notes = folder.join("notes.txt");
    std::fs::write(&notes, "mine").unwrap();
    age(&notes, 3600);

    // The listing sweeps, and so does the offer to resume, and a new recorder.
    let sweeps: [&dyn Fn(&Store); 3] = [
        &|s: &Store| {
            s.list().unwrap();
        },
        &|s: &Store| {
            s.latest_in_progress();
        },
        &|s: &Store| {
            Recorder::start(s.clone(), &pack(), None);
        },
    ];
    for sweep in sweeps {
        for p in &litter {
            std::fs::write(p, "half a sess").unwrap();
            age(p, 3600);
        }
        sweep(&Store::in_data_dir(store.dir().parent().unwrap()));
        for p in &litter {
            assert!(!p.exists(), "{} was not swept", p.display());
        }
        assert!(fresh.exists() && notes.exists());
    }
    let left = names(&folder);
    assert!(left.contains(&own), "{left:?}");
}

#[test]
fn a_last_save_that_fails_says_where_the_answers_are_kept() {
    let (_dir, store) = store();
    let (mut rec, mut w) = recording(&store, 5);
    // Something takes the file's place while answers are still being given; no save can
    // go there (even for root, whom permissions do not stop).
    std::fs::remove_file(rec.path()).unwrap();
    std::fs::create_dir(rec.path()).unwrap();
    w.apply(&Event::Next).unwrap();
    assert!(rec.record(&Event::Next, &w).is_err());
    let err = rec.finish().unwrap_err();
    let SessionError::Unsaved { path, kept, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(Path::new(path), rec.path());
    let kept = PathBuf::from(kept.as_ref().unwrap());
    let words = err.to_string();
    assert!(words.contains("could not be saved"), "{words}");
    assert!(words.contains(&*kept.to_string_lossy()), "{words}");
    assert!(!err.is_bad_input());
    let copy = session::store::read_file(&kept).unwrap();
    assert_eq!(&copy, rec.session());
    assert_eq!(copy.history.len(), 6);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // `hirewiz resume` finds the copy by its path.
    let (found, _) = store.find(&kept.to_string_lossy()).unwrap();
    assert_eq!(found, copy);
    std::fs::remove_file(kept).unwrap();
}

#[test]
fn a_last_save_over_a_file_changed_elsewhere_goes_on_in_a_new_file() {
    let (_dir, store) = store();
    let (mut rec, mut w) = recording(&store, 5);
    let path = rec.path();
    // Another hirewiz (one that takes no locks) rewrote the file meanwhile.
    let mut other = session::store::read_file(&path).unwrap();
    other.history.truncate(2);
    std::fs::write(&path, session::format::to_yaml(&other)).unwrap();
    w.apply(&Event::Next).unwrap();
    let _ = rec.record(&Event::Next, &w);
    let kept = rec.finish().unwrap();
    assert_ne!(kept, path);
    assert_eq!(session::store::read_file(&kept).unwrap().history.len(), 6);
    assert_eq!(session::store::read_file(&path).unwrap(), other);
}
