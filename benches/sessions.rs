//! A data folder a consultant might have after a year: 2,000 saved sessions. The
//! welcome screen's offer to resume must not read them all whole; the full listing
//! (`hirewiz sessions`) does.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::pack;
use hirewiz::session::{Recorder, Store};
use hirewiz::wizard::{Event, Wizard};
use std::hint::black_box;

/// `n` finished sessions on the default pack, each answered with the defaults, and one
/// unfinished one, the oldest.
fn folder(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp folder");
    let store = Store::in_data_dir(dir.path());
    let pack = std::sync::Arc::new(pack::load_default().expect("default pack"));
    let mut first = Recorder::start(store.clone(), &pack, None);
    let mut w = Wizard::new(pack.clone());
    w.apply(&Event::Next).expect("moves on");
    first.record(&Event::Next, &w).expect("saves");
    for _ in 0..n {
        let mut rec = Recorder::start(store.clone(), &pack, None);
        let mut w = Wizard::new(pack.clone());
        for e in [Event::Next, Event::Next, Event::Finish] {
            w.apply(&e).expect("plays");
            rec.record(&e, &w).expect("saves");
        }
    }
    (dir, store)
}

fn sessions(c: &mut Criterion) {
    let (_dir, store) = folder(2000);
    let mut group = c.benchmark_group("2,000 saved sessions");
    group.sample_size(20);
    group.bench_function("the latest unfinished (welcome offer, resume)", |b| {
        b.iter(|| black_box(store.latest_in_progress().expect("one is unfinished")))
    });
    group.bench_function("list them all (hirewiz sessions)", |b| {
        b.iter(|| black_box(store.list().expect("lists")))
    });
    group.finish();
}

criterion_group!(benches, sessions);
criterion_main!(benches);
