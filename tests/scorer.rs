//! The scorer that keeps its buffers decides exactly as `score` does, profile after
//! profile, whatever the previous profile left in its buffers.

#[path = "../benches/support/large_pack.rs"]
mod large_pack;
#[path = "../benches/support/profiles.rs"]
mod profiles;

use hirewiz::pack::{self, Pack};
use hirewiz::score::{Outcome, Scorer, score};

fn agrees(p: &Pack, count: usize, seed: u64) {
    let mut scorer = Scorer::new();
    for (n, answers) in profiles::random_profiles(p, count, seed).iter().enumerate() {
        let eff = answers.effective(p);
        let v = score(p, &eff);
        let got = scorer.evaluate(p, answers);
        let want = Outcome {
            winner: v.recommended(),
            tie: v.tie,
            close: v.close,
            margin: v.margin,
        };
        assert_eq!(got, want, "profile {n}");
        assert_eq!(scorer.effective(), eff.as_slice(), "profile {n}");
        assert_eq!(scorer.scores(), v.scores.as_slice(), "profile {n}");
        assert_eq!(scorer.vetoed(), v.vetoed.as_slice(), "profile {n}");
    }
}

#[test]
fn the_scorer_decides_as_score_does_on_the_default_pack() {
    agrees(&pack::load_default().unwrap(), 20_000, 3);
}

#[test]
fn the_scorer_decides_as_score_does_on_a_large_generated_pack() {
    let text = large_pack::large_pack_yaml(100, 1_000);
    let p = pack::load_texts(&[("large.yaml".to_string(), text)]).unwrap();
    agrees(&p, 500, 5);
}

#[test]
fn the_scorer_decides_as_score_does_on_every_test_pack() {
    for entry in std::fs::read_dir("tests/packs").unwrap() {
        let path = entry.unwrap().path();
        if let Ok(p) = pack::load_path(&path) {
            agrees(&p, 2_000, 7);
        }
    }
}
