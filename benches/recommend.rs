//! What `hirewiz recommend --format json` does once its pack is read, and the read
//! itself, on generated packs of 1,000, 10,000 and 100,000 rules (questions = rules/10):
//! load and validate the texts, score the default answers, build the report (with its
//! what-if probe) and write the JSON. The growth between sizes is what the README states.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::answers::Answers;
use hirewiz::pack::{self, Pack};
use hirewiz::report::{Report, json};
use hirewiz::score::score;
use std::hint::black_box;
use std::time::Duration;

#[path = "support/large_pack.rs"]
mod large_pack;

/// The report and its JSON for `p`'s default answers.
fn report_json(p: &Pack) -> String {
    let answers = Answers::new(p.questions().len());
    let verdict = score(p, &answers.effective(p));
    json::render(&Report::build_from(p, &answers, &verdict))
}

fn recommend(c: &mut Criterion) {
    for rules in [1_000, 10_000, 100_000] {
        let questions = rules / 10;
        // Split so that no file passes the 16 MiB a pack file may hold.
        let parts = (rules / 12_500).max(1);
        let files: Vec<(String, String)> = large_pack::large_pack_files(questions, rules, parts)
            .into_iter()
            .enumerate()
            .map(|(i, text)| (format!("part{i}.yaml"), text))
            .collect();
        let p = pack::load_texts(&files).expect("the generated pack loads");
        let mut group = c.benchmark_group(format!("recommend, {rules} rules"));
        group.sample_size(10);
        if rules >= 100_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_function("load and validate", |b| {
            b.iter(|| black_box(pack::load_texts(black_box(&files)).expect("loads")))
        });
        group.bench_function("score, report and JSON", |b| {
            b.iter(|| black_box(report_json(black_box(&p))))
        });
        group.finish();
    }
}

criterion_group!(benches, recommend);
criterion_main!(benches);
