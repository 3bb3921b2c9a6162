//! Saving one more step of a long session: what the wizard waits for after every key
//! that changes an answer. A session of 150,000 steps is some 11 MB, most of what a
//! session file may hold; saving it must cost about what writing its bytes costs.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::session::{
    Recorded, Recorder, SavedEvent, Session, SessionId, Store, Timestamp, replay,
};
use hirewiz::wizard::{Event, Wizard};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PACK: &str = r#"
pack: {id: counting, version: "1.0.0", title: Counting, description: Long sessions.}
candidates:
  - {id: few, name: Few}
  - {id: many, name: Many}
sections:
  - id: main
    title: Main
    questions:
      - {id: n, prompt: How many?, help: Any number., kind: number, min: 0, max: 1000000000, step: 1, default: 0}
rules:
  - {id: many, when: {range: {n: {min: 1000}}}, points: {many: 2}, reason: Many is many.}
  - {id: few, when: {range: {n: {max: 999}}}, points: {few: 2}, reason: Few is few.}
"#;

/// An answer to the one question, `n`.
fn answer(n: i64) -> Event {
    Event::Answer {
        question: 0,
        answer: Answer::Number(n),
    }
}

/// A saved session of `steps` answers, resumed: the recorder and the wizard after it.
fn resumed(store: &Store, pack: &Arc<Pack>, steps: usize) -> (Recorder, Wizard) {
    let t0 = 1_748_788_205;
    let mut s = Session::new(
        SessionId::parse(&format!("20250601-1430-s{steps}")).expect("id"),
        pack,
        None,
        Timestamp::from_unix(t0),
    );
    let mut w = Wizard::new(pack.clone());
    for i in 0..steps {
        let e = answer(1_000_000 + i as i64);
        w.apply(&e).expect("applies");
        s.history.push(Recorded {
            at: Timestamp::from_unix(t0 + i as i64 / 50),
            event: SavedEvent::of(&e, pack),
            pos: Default::default(),
        });
    }
    s.sync(&w, Timestamp::from_unix(t0 + steps as i64 / 50));
    store.save(&s, None).expect("saves");
    let (loaded, _) = store.find(s.id.as_str()).expect("found");
    let played = replay::replay(&loaded, pack.clone(), "bench").expect("replays");
    let w = played.final_state().clone();
    (Recorder::resume(store.clone(), loaded, &played), w)
}

fn growth(c: &mut Criterion) {
    let pack = Arc::new(
        pack::load_texts(&[("counting.yaml".to_string(), PACK.to_string())]).expect("pack"),
    );
    let mut group = c.benchmark_group("one more step saved");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for steps in [1_000usize, 150_000] {
        let dir = tempfile::tempdir().expect("temp folder");
        let store = Store::in_data_dir(dir.path());
        let (mut rec, mut w) = resumed(&store, &pack, steps);
        let mut n = 0;
        group.bench_function(format!("in a session of {steps} steps"), |b| {
            b.iter_custom(|iters| {
                let t = Instant::now();
                for _ in 0..iters {
                    n += 1;
                    let e = answer(n);
                    w.apply(&e).expect("applies");
                    rec.record(&e, &w).expect("saves");
                }
                t.elapsed()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, growth);
criterion_main!(benches);
