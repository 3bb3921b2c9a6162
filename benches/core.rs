//! Load+validate and scoring, on the default pack and on a generated pack of 1,000
//! questions and 10,000 rules. Budgets: scoring the default pack under 5 µs; the large
//! pack loads and validates in under 100 ms and scores in under 1 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::answers::Answers;
use hirewiz::pack;
use hirewiz::score::{Scorer, score};
use std::hint::black_box;

#[path = "support/large_pack.rs"]
mod large_pack;
#[path = "support/profiles.rs"]
mod profiles;

/// One evaluation (answers in force, then scores) of each of 1,000 varied profiles, with
/// the scorer's buffers kept: criterion's time divided by 1,000 is one evaluation.
fn evaluations(c: &mut Criterion, name: &str, p: &hirewiz::pack::Pack) {
    let varied = profiles::random_profiles(p, 1_000, 1);
    let mut scorer = Scorer::new();
    c.bench_function(name, |b| {
        b.iter(|| {
            for answers in &varied {
                black_box(scorer.evaluate(p, black_box(answers)));
            }
        })
    });
}

fn default_pack(c: &mut Criterion) {
    c.bench_function("default pack: start-up (decode the compiled pack)", |b| {
        b.iter(|| black_box(pack::load_default().expect("loads")))
    });
    c.bench_function("default pack: parse and validate its texts", |b| {
        b.iter(|| black_box(pack::parse_default().expect("loads")))
    });
    let p = pack::load_default().expect("loads");
    let eff = Answers::new(p.questions().len()).effective(&p);
    c.bench_function("default pack: score", |b| {
        b.iter(|| black_box(score(&p, black_box(&eff))))
    });
    evaluations(c, "default pack: 1,000 evaluations of varied profiles", &p);
    c.bench_function("default pack: effective answers + score", |b| {
        let answers = Answers::new(p.questions().len());
        b.iter(|| {
            let eff = black_box(&answers).effective(&p);
            black_box(score(&p, &eff))
        })
    });
}

fn large_pack(c: &mut Criterion) {
    let text = large_pack::large_pack_yaml(1000, 10_000);
    let files = vec![("large.yaml".to_string(), text)];
    let mut group = c.benchmark_group("large pack (1,000 questions, 10,000 rules)");
    group.sample_size(20);
    group.bench_function("load and validate", |b| {
        b.iter(|| black_box(pack::load_texts(black_box(&files)).expect("loads")))
    });
    let split: Vec<(String, String)> = large_pack::large_pack_files(1000, 10_000, 4)
        .into_iter()
        .enumerate()
        .map(|(i, text)| (format!("part{i}.yaml"), text))
        .collect();
    group.bench_function("load and validate, split over 5 files", |b| {
        b.iter(|| black_box(pack::load_texts(black_box(&split)).expect("loads")))
    });
    let p = pack::load_texts(&files).expect("loads");
    let eff = Answers::new(p.questions().len()).effective(&p);
    group.bench_function("score", |b| {
        b.iter(|| black_box(score(&p, black_box(&eff))))
    });
    group.finish();
    evaluations(c, "large pack: 1,000 evaluations of varied profiles", &p);
}

criterion_group!(benches, default_pack, large_pack);
criterion_main!(benches);
