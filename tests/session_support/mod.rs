//! Shared fixtures for the session tests: a small pack with every kind of question and a
//! conditional one, and helpers to drive the wizard.

#![allow(dead_code)]

use hirewiz::pack::{self, Answer, Pack};
use hirewiz::wizard::{Event, Wizard};
use std::path::Path;
use std::sync::Arc;

/// The fixture pack's text.
pub const PACK: &str = r#"
pack:
  id: staffing-test
  version: "1.0.0"
  title: Staffing test
  description: A small pack for session tests.
  close_call: 2
candidates:
  - {id: in_house, name: In-house}
  - {id: freelance, name: Freelance}
  - {id: agency, name: Agency}
sections:
  - id: main
    title: Main
    questions:
      - id: engagement
        prompt: How long will you need backend work?
        help: Length matters.
        kind: single
        options:
          - {id: short, label: Short}
          - {id: ongoing, label: Ongoing}
        default: short
      - id: team_size
        prompt: How many engineers?
        help: Size matters.
        kind: number
        min: 1
        max: 50
        step: 1
        default: 3
      - id: has_lead
        prompt: Do you have a technical lead?
        help: A lead can manage hires.
        kind: yes_no
        default: false
        when: {equals: {engagement: ongoing}}
      - id: needs
        prompt: What do you need?
        help: Pick any.
        kind: multiple
        options:
          - {id: api, label: API}
          - {id: data, label: Data}
          - {id: ops, label: Ops}
        min: 1
        max: 3
        default: [api]
rules:
  - id: ongoing
    when: {equals: {engagement: ongoing}}
    points: {in_house: 3, freelance: -1}
    reason: Ongoing work favours people you keep.
  - id: short
    when: {equals: {engagement: short}}
    points: {freelance: 3, agency: 1}
    reason: Short work suits contractors.
  - id: lead
    when: {equals: {has_lead: true}}
    points: {in_house: 2}
    reason: A lead can manage a team.
  - id: ops
    when: {contains: {needs: ops}}
    points: {agency: 4}
    reason: Agencies bring operations.
"#;

/// The fixture pack.
pub fn pack() -> Arc<Pack> {
    Arc::new(pack::load_texts(&[("staffing.yaml".to_string(), PACK.to_string())]).unwrap())
}

/// The fixture pack with a rule changed, so that its hash differs.
pub fn changed_pack() -> Arc<Pack> {
    let text = PACK.replace("points: {agency: 4}", "points: {agency: 9}");
    Arc::new(pack::load_texts(&[("staffing.yaml".to_string(), text)]).unwrap())
}

/// Write the fixture pack to `dir` and return its path.
pub fn pack_file(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("staffing.yaml");
    std::fs::write(&p, PACK).unwrap();
    p
}

/// The index of a question.
pub fn q(pack: &Pack, id: &str) -> usize {
    pack.question_index(id).unwrap()
}

/// The index of a choice of a question.
pub fn choice(pack: &Pack, question: &str, id: &str) -> usize {
    pack.questions()[q(pack, question)]
        .kind
        .options()
        .iter()
        .position(|c| c.id == id)
        .unwrap()
}

/// A walk through the wizard with a back-step, a changed answer and a jump from the
/// review, ending on the result.
pub fn winding_walk(pack: &Pack) -> Vec<Event> {
    let eng = q(pack, "engagement");
    vec![
        Event::Answer {
            question: eng,
            answer: Answer::Choice(choice(pack, "engagement", "short")),
        },
        Event::Next,
        Event::Answer {
            question: q(pack, "team_size"),
            answer: Answer::Number(5),
        },
        Event::Back,
        Event::Answer {
            question: eng,
            answer: Answer::Choice(choice(pack, "engagement", "ongoing")),
        },
        Event::Next,
        Event::Next,
        Event::Answer {
            question: q(pack, "has_lead"),
            answer: Answer::Bool(true),
        },
        Event::Next,
        Event::Answer {
            question: q(pack, "needs"),
            answer: Answer::Choices(vec![0, 2]),
        },
        Event::Next,
        Event::Jump(q(pack, "team_size")),
        Event::Answer {
            question: q(pack, "team_size"),
            answer: Answer::Number(8),
        },
        Event::Next,
        Event::Next,
    ]
}

/// Apply events one by one, calling `each` with every event the wizard accepts and the
/// state after it.
pub fn walk(pack: Arc<Pack>, events: &[Event], mut each: impl FnMut(&Event, &Wizard)) -> Wizard {
    let mut w = Wizard::new(pack);
    for e in events {
        w.apply(e).unwrap_or_else(|r| panic!("{e:?} refused: {r}"));
        each(e, &w);
    }
    w
}
