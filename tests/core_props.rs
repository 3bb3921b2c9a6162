//! Property tests of the pure core: scoring and the wizard state machine, on the default
//! pack and on a pack for another decision.

use hirewiz::answers::Answers;
use hirewiz::pack::{self, Answer, Kind, Pack};
use hirewiz::score::score;
use hirewiz::wizard::{Event, Step, Wizard};
use proptest::prelude::*;
use std::path::Path;
use std::sync::Arc;

fn packs() -> Vec<Arc<Pack>> {
    vec![
        Arc::new(pack::load_default().expect("default pack loads")),
        Arc::new(
            pack::load_path(Path::new("tests/packs/datastore")).expect("datastore pack loads"),
        ),
    ]
}

/// A valid answer for question `q`, chosen by `seed`.
fn valid_answer(pack: &Pack, q: usize, seed: u64) -> Answer {
    match &pack.questions()[q].kind {
        Kind::Single { options } => Answer::Choice(seed as usize % options.len()),
        Kind::Multiple { options, min, max } => {
            let n = options.len();
            let count = min + (seed as usize / 7) % (max - min + 1);
            let mut picked: Vec<usize> = (0..n).collect();
            // A seeded shuffle, then the first `count`.
            let mut s = seed;
            for i in (1..n).rev() {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                picked.swap(i, (s >> 33) as usize % (i + 1));
            }
            let mut v: Vec<usize> = picked.into_iter().take(count).collect();
            v.sort_unstable();
            Answer::Choices(v)
        }
        Kind::Number { min, max, step, .. } => {
            let steps = (max - min) / step;
            Answer::Number(min + (seed as i64).rem_euclid(steps + 1) * step)
        }
        Kind::YesNo => Answer::Bool(seed % 2 == 0),
    }
}

/// Any answer at all, valid or not, for robustness tests.
fn any_answer(seed: u64) -> Answer {
    match seed % 4 {
        0 => Answer::Choice((seed / 4) as usize % 7),
        1 => Answer::Choices(vec![(seed / 4) as usize % 5, (seed / 20) as usize % 5]),
        2 => Answer::Number((seed / 4) as i64 % 200 - 50),
        _ => Answer::Bool(seed & 8 == 0),
    }
}

fn event(pack: &Pack, kind: u8, q: usize, seed: u64) -> Event {
    let q = q % (pack.questions().len() + 2); // sometimes a question that does not exist
    match kind % 8 {
        0 | 1 if q < pack.questions().len() => Event::Answer {
            question: q,
            answer: if kind % 2 == 0 {
                valid_answer(pack, q, seed)
            } else {
                any_answer(seed)
            },
        },
        0 | 1 => Event::Answer {
            question: q,
            answer: any_answer(seed),
        },
        2 | 3 => Event::Next,
        4 => Event::Back,
        5 => Event::Jump(q),
        // A settle leaving some questions open (by the seed's bits), at times one that
        // does not exist.
        6 => Event::Settle(
            (0..pack.questions().len() + 1)
                .filter(|i| seed >> (i % 64) & 1 == 1)
                .collect(),
        ),
        _ => Event::Finish,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_are_sound_for_random_valid_answers(seeds in prop::collection::vec(any::<u64>(), 64)) {
        for pack in packs() {
            let mut answers = Answers::new(pack.questions().len());
            for q in 0..pack.questions().len() {
                answers.set(q, valid_answer(&pack, q, seeds[q % seeds.len()]));
            }
            let eff = answers.effective(&pack);
            let v = score(&pack, &eff);
            // A permutation of the candidates.
            let mut sorted = v.ranking.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..pack.candidates().len()).collect::<Vec<_>>());
            // Totals are the sum of the fired rules' points, and bounded.
            for (c, total) in v.scores.iter().enumerate() {
                let sum: i64 = v.fired.iter().flat_map(|f| f.points.iter()).filter(|(x, _)| *x == c).map(|(_, p)| p).sum();
                prop_assert_eq!(*total, sum);
                prop_assert!(total.abs() <= 1000 * pack.rules().len() as i64);
            }
            // Best first: no candidate outranks one with a better standing.
            for w in v.ranking.windows(2) {
                let (a, b) = (w[0], w[1]);
                prop_assert!((v.vetoed[a], -v.scores[a], a) < (v.vetoed[b], -v.scores[b], b));
            }
            prop_assert_eq!(v.margin, v.scores[v.ranking[0]] - v.scores[v.ranking[1]]);
            prop_assert_eq!(v.tie, v.margin == 0 && v.vetoed[v.ranking[0]] == v.vetoed[v.ranking[1]]);
            // Deterministic.
            prop_assert_eq!(&v, &score(&pack, &eff));
            // Hidden questions hold no answer in force.
            for (q, a) in pack.questions().iter().zip(&eff) {
                let asked = q.when.as_ref().is_none_or(|c| c.eval(&eff));
                prop_assert_eq!(asked, a.is_some());
            }
        }
    }

    #[test]
    fn random_event_sequences_never_panic_and_never_stand_on_a_hidden_question(
        script in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u64>()), 0..120)
    ) {
        for pack in packs() {
            let mut w = Wizard::new(pack.clone());
            let mut accepted = Vec::new();
            for (kind, q, seed) in &script {
                let e = event(&pack, *kind, *q, *seed);
                let before = w.clone();
                match w.apply(&e) {
                    Ok(()) => accepted.push(e.clone()),
                    Err(_) => prop_assert_eq!(&w, &before, "a refused event changed the state"),
                }
                if let Step::Question(q) = w.step() {
                    prop_assert!(w.effective()[q].is_some(), "standing on hidden question {}", q);
                    let p = w.progress();
                    prop_assert!(p.index >= 1 && p.index <= p.total);
                    // 100% is the review's alone.
                    prop_assert!(p.percent() < 100, "100% on a question: {:?}", p);
                }
                // The pure update agrees with apply.
                prop_assert_eq!(before.update(&e).unwrap_or(before.clone()), w.clone());
            }
            // Replaying what was accepted gives exactly the same state.
            prop_assert_eq!(Wizard::replay(pack.clone(), &accepted), w);
        }
    }
}

#[test]
fn pressing_next_alone_walks_every_visible_question_to_the_result() {
    for pack in packs() {
        let mut w = Wizard::new(pack.clone());
        let visible = w.visible();
        let mut seen = Vec::new();
        while let Step::Question(q) = w.step() {
            seen.push(q);
            w.apply(&Event::Next).unwrap();
        }
        assert_eq!(seen, visible);
        assert_eq!(w.step(), Step::Review);
        w.apply(&Event::Next).unwrap();
        assert_eq!(w.step(), Step::Done);
    }
}

/// The datastore test pack, its `needs` question, the `region_count` question that its
/// `global` choice brings in, and that choice.
fn datastore() -> (Arc<Pack>, usize, usize, usize) {
    let pack = Arc::new(pack::load_path(Path::new("tests/packs/datastore")).unwrap());
    let needs = pack.question_index("needs").unwrap();
    let regions = pack.question_index("region_count").unwrap();
    let global = pack.questions()[needs]
        .kind
        .options()
        .iter()
        .position(|o| o.id == "global")
        .unwrap();
    (pack, needs, regions, global)
}

#[test]
fn a_changed_answer_shows_and_hides_a_later_question() {
    let (pack, needs, regions, global) = datastore();
    let mut w = Wizard::new(pack.clone());
    assert!(!w.visible().contains(&regions));
    w.apply(&Event::Answer {
        question: needs,
        answer: Answer::Choices(vec![global]),
    })
    .unwrap();
    assert!(w.visible().contains(&regions));
    w.apply(&Event::Answer {
        question: regions,
        answer: Answer::Number(7),
    })
    .unwrap();
    assert_eq!(w.effective()[regions], Some(Answer::Number(7)));
    // Unticking hides it again; its answer stops counting but is kept.
    w.apply(&Event::Answer {
        question: needs,
        answer: Answer::Choices(vec![]),
    })
    .unwrap();
    assert!(!w.visible().contains(&regions));
    assert_eq!(w.effective()[regions], None);
    assert_eq!(w.answers().get(regions), Some(&Answer::Number(7)));
    // A hidden question cannot be answered or jumped to.
    assert!(w.apply(&Event::Jump(regions)).is_err());
}

#[test]
fn a_jump_from_the_review_returns_there_after_any_newly_asked_question() {
    let (pack, needs, regions, global) = datastore();
    let mut w = Wizard::new(pack.clone());
    w.apply(&Event::Finish).unwrap();
    w.apply(&Event::Back).unwrap();
    assert_eq!(w.step(), Step::Review);
    w.apply(&Event::Jump(needs)).unwrap();
    w.apply(&Event::Answer {
        question: needs,
        answer: Answer::Choices(vec![global]),
    })
    .unwrap();
    w.apply(&Event::Next).unwrap();
    // The newly shown question is asked first...
    assert_eq!(w.step(), Step::Question(regions));
    w.apply(&Event::Next).unwrap();
    // ...then straight back to the review, skipping questions already answered.
    assert_eq!(w.step(), Step::Review);
}

/// A question that comes back (compliance ticked again, say) is asked again from the
/// review, its earlier answer shown as the suggestion, not refilled silently.
#[test]
fn a_question_that_reappears_is_asked_again_with_its_earlier_answer() {
    let (pack, needs, regions, global) = datastore();
    let tick = |w: &mut Wizard, on: bool| {
        w.apply(&Event::Answer {
            question: needs,
            answer: Answer::Choices(if on { vec![global] } else { vec![] }),
        })
        .unwrap();
    };
    let mut w = Wizard::new(pack.clone());
    tick(&mut w, true);
    w.apply(&Event::Answer {
        question: regions,
        answer: Answer::Number(7),
    })
    .unwrap();
    w.apply(&Event::Finish).unwrap();
    w.apply(&Event::Back).unwrap();
    // Untick from the review: the question goes; tick again: it comes back and is asked.
    for _ in 0..2 {
        w.apply(&Event::Jump(needs)).unwrap();
        tick(&mut w, false);
        w.apply(&Event::Next).unwrap();
        assert_eq!(w.step(), Step::Review);
        w.apply(&Event::Jump(needs)).unwrap();
        tick(&mut w, true);
        w.apply(&Event::Next).unwrap();
        assert_eq!(w.step(), Step::Question(regions));
        assert_eq!(w.shown_answer(regions), Answer::Number(7));
        w.apply(&Event::Next).unwrap();
        assert_eq!(w.step(), Step::Review);
    }
}

#[test]
fn back_at_the_first_question_is_refused_and_changes_nothing() {
    for pack in packs() {
        let w = Wizard::new(pack);
        assert!(w.at_first());
        assert!(w.update(&Event::Back).is_err());
    }
}
