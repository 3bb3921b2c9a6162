//! The generated pack the benchmarks use stays valid, and its scores stay sound.

use hirewiz::answers::Answers;
use hirewiz::pack;
use hirewiz::score::score;

#[path = "../benches/support/large_pack.rs"]
mod large_pack;

#[test]
fn the_large_generated_pack_loads_and_scores() {
    let text = large_pack::large_pack_yaml(1000, 10_000);
    let p = pack::load_texts(&[("large.yaml".to_string(), text)]).expect("loads");
    assert_eq!(p.questions().len(), 1000);
    assert_eq!(p.rules().len(), 10_000);
    assert_eq!(p.candidates().len(), 5);
    let eff = Answers::new(p.questions().len()).effective(&p);
    assert_eq!(
        eff.iter().filter(|a| a.is_none()).count(),
        0,
        "defaults hide nothing"
    );
    let v = score(&p, &eff);
    // Split over several files, it is the same pack.
    let split: Vec<(String, String)> = large_pack::large_pack_files(1000, 10_000, 4)
        .into_iter()
        .enumerate()
        .map(|(i, text)| (format!("part{i}.yaml"), text))
        .collect();
    let q = pack::load_texts(&split).expect("split pack loads");
    assert_eq!(q.questions(), p.questions());
    assert_eq!(q.rules(), p.rules());
    assert_eq!(score(&q, &eff), v);
    assert!(
        !v.fired.is_empty() && v.fired.len() < p.rules().len(),
        "some rules fire, not all"
    );
}
