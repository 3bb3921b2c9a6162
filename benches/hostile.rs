//! Hostile YAML shapes, each parsed or refused by `yaml::parse`: every one should take
//! well under 100 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::yaml::{self, Limits};
use std::hint::black_box;

#[path = "support/hostile.rs"]
mod hostile;

fn shapes(c: &mut Criterion) {
    let texts = [
        ("merge of 30,000 keys", hostile::merge(30_000)),
        ("200,000 anchors", hostile::anchors(200_000)),
        ("15 MB of `- 1`", hostile::items(15_000_000)),
        ("a million keys", hostile::keys(1_000_000)),
        ("10 MB flow list", hostile::flow(10_000_000)),
        ("billion laughs", hostile::laughs()),
        (
            "a 1,000-value anchor aliased 1,000 times",
            hostile::wide_aliases(1_000, 1_000),
        ),
        (
            "1,000 units of anchors nested 60 deep",
            hostile::anchored_nesting(1_000),
        ),
        ("15 MB tight flow list", hostile::flow_tight(15_000_000)),
        ("15 MB of documents", hostile::documents(15_000_000)),
        ("15 MB single scalar", hostile::scalar(15_000_000)),
        ("15 MB of legal flow nesting", hostile::deep(15_000_000)),
        (
            "15 MB of legal block nesting",
            hostile::deep_block(15_000_000),
        ),
    ];
    let limits = Limits::default();
    let mut group = c.benchmark_group("hostile YAML");
    group.sample_size(10);
    for (name, text) in &texts {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(yaml::parse(black_box(text), &limits).is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, shapes);
criterion_main!(benches);
