//! Random, valid answers to every question of a pack, the same for the same seed: the
//! varied profiles benches score and tests compare.

use hirewiz::answers::Answers;
use hirewiz::pack::{Answer, Kind, Pack};

/// `count` profiles, each answering every question within its limits.
pub fn random_profiles(pack: &Pack, count: usize, seed: u64) -> Vec<Answers> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
        | 1;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    (0..count)
        .map(|_| {
            let mut a = Answers::new(pack.questions().len());
            for (q, question) in pack.questions().iter().enumerate() {
                let v = match &question.kind {
                    Kind::Single { options } => Answer::Choice(next(options.len())),
                    Kind::YesNo => Answer::Bool(next(2) == 1),
                    Kind::Number { min, max, step, .. } => {
                        let steps = ((max - min) / step.max(&1)) as usize + 1;
                        Answer::Number(min + next(steps) as i64 * step)
                    }
                    Kind::Multiple { options, min, max } => {
                        let want = min + next(max - min + 1);
                        let mut set: Vec<usize> = (0..options.len()).collect();
                        while set.len() > want {
                            set.remove(next(set.len()));
                        }
                        Answer::Choices(set)
                    }
                };
                a.set(q, v);
            }
            a
        })
        .collect()
}
