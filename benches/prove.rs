//! Proving the default pack's expectations over its whole answer space, as `hirewiz
//! check` does. Budget: well under a second on one core (target 0.5 s).

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::pack;
use hirewiz::prove::prove;
use std::hint::black_box;

fn full_proof(c: &mut Criterion) {
    let p = pack::load_default().expect("loads");
    let mut group = c.benchmark_group("prove");
    group.sample_size(20);
    group.bench_function("default pack: every law, direction and example", |b| {
        b.iter(|| black_box(prove(black_box(&p))))
    });
    group.finish();
}

criterion_group!(benches, full_proof);
criterion_main!(benches);
