//! The whole insight analysis (what if, pairs, close call, decisive rules) on the default
//! pack. Budget: well under 1 ms, so the wizard can run it after every answer.
//!
//! Three cases: the default answers; a spread of 64 varied answer sets (one analysis
//! per iteration, cycling through them); and, when the pack has one, a set of answers
//! that no single change overturns, where pairs of changes are searched too.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::answers::Answers;
use hirewiz::insight;
use hirewiz::pack::{self, Pack};
use std::hint::black_box;

#[path = "support/profiles.rs"]
mod support;

/// Varied answer sets from a fixed-seed generator, so every run measures the same work.
fn profiles(p: &Pack, n: usize) -> Vec<Answers> {
    support::random_profiles(p, n, 0x9e37_79b9_7f4a_7c15)
}

fn analysis(c: &mut Criterion) {
    let p = pack::load_default().expect("the default pack loads");
    let defaults = Answers::new(p.questions().len());
    c.bench_function("insight: default pack, default answers", |b| {
        b.iter(|| black_box(insight::analyse(&p, black_box(&defaults))))
    });

    let spread = profiles(&p, 64);
    let mut i = 0;
    c.bench_function("insight: default pack, 64 varied answer sets", |b| {
        b.iter(|| {
            i = (i + 1) % spread.len();
            black_box(insight::analyse(&p, black_box(&spread[i])))
        })
    });

    let steady = profiles(&p, 2000)
        .into_iter()
        .find(|a| insight::analyse(&p, a).what_if.is_empty());
    if let Some(a) = steady {
        c.bench_function(
            "insight: default pack, no single change is enough (pairs)",
            |b| b.iter(|| black_box(insight::analyse(&p, black_box(&a)))),
        );
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
