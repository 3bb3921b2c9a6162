//! The whole insight analysis (what if, pairs, close call, decisive rules) on the default
//! pack. Budget: well under 1 ms, so the wizard can run it after every answer.
//!
//! Three cases: the default answers; a spread of 64 varied answer sets (one analysis
//! per iteration, cycling through them); and, when the pack has one, a set of answers
//! that no single change overturns, where pairs of changes are searched too.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::answers::Answers;
use hirewiz::insight;
use hirewiz::pack::{self, Answer, Kind, Pack};
use std::hint::black_box;

/// Varied answer sets from a fixed-seed generator, so every run measures the same work.
fn profiles(p: &Pack, n: usize) -> Vec<Answers> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m.max(1)
    };
    (0..n)
        .map(|_| {
            let mut a = Answers::new(p.questions().len());
            for (i, q) in p.questions().iter().enumerate() {
                let answer = match &q.kind {
                    Kind::Single { options } => Answer::Choice(next(options.len())),
                    Kind::YesNo => Answer::Bool(next(2) == 1),
                    Kind::Number { min, max, step, .. } => {
                        let steps = ((max - min) / step) as usize + 1;
                        Answer::Number(min + step * next(steps) as i64)
                    }
                    Kind::Multiple { options, min, max } => {
                        let mut set: Vec<usize> =
                            (0..options.len()).filter(|_| next(2) == 1).collect();
                        set.truncate(*max);
                        for o in 0..options.len() {
                            if set.len() >= *min {
                                break;
                            }
                            if !set.contains(&o) {
                                set.push(o);
                            }
                        }
                        set.sort_unstable();
                        Answer::Choices(set)
                    }
                };
                if q.check(&answer).is_ok() {
                    a.set(i, answer);
                }
            }
            a
        })
        .collect()
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
