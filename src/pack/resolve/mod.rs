//! Resolving a pack: its files, read as the raw format ([`super::raw`]) one item at a
//! time, become one [`Pack`] in which every id is an index. Every problem is recorded
//! at its place, those that need the whole pack (unknown and repeated ids, defaults that
//! do not fit, questions that test later ones) as well as those of each file.

mod content;
mod expect;
mod scope;

use super::answer::answer_from_node;
use super::raw::{self, PackFile};
use super::{Answer, Candidate, Choice, Kind, Meta, Pack, Question, Rule, Section, Text, lint};
use crate::diag::Diagnostics;
use crate::yaml::de::{self, Items, Lenient, Located};
use crate::yaml::{Node, Pos};
use scope::Scope;
use std::collections::HashMap;
use std::sync::Arc;

/// A question while the pack is read: its default and `when` are resolved once every
/// question is known.
struct Pending<'a> {
    question: Question,
    default: Option<&'a Node>,
    when: Option<&'a raw::condition::Condition>,
    file: &'a str,
    pos: Pos,
}

/// Read one file of a pack, its parsed tree, as the raw format; its problems go to `d`.
pub fn read(file: &str, root: &Node, d: &mut Diagnostics) -> Option<PackFile> {
    d.set_file(file);
    let mut f = d.read::<PackFile>(root)?;
    f.written_questions = written_questions(root);
    Some(f)
}

/// The id of every question written in a file's tree, read or not.
fn written_questions(root: &Node) -> Vec<String> {
    fn items(n: Option<&Node>) -> &[Node] {
        n.and_then(Node::as_seq).unwrap_or(&[])
    }
    items(root.get("sections"))
        .iter()
        .flat_map(|s| items(s.get("questions")))
        .filter_map(|q| q.get("id")?.as_str().map(str::to_string))
        .collect()
}

/// Resolve the files of one pack (a file and its imports, or a folder), as read, into a
/// [`Pack`].
///
/// `files` holds each file's display name and raw content (none when it could not be
/// read at all), in reading order; `d` holds the problems found while reading them. On
/// failure the diagnostics hold every problem found; warnings travel with the pack on
/// success.
pub fn resolve(
    files: &[(String, Option<PackFile>)],
    mut d: Diagnostics,
) -> Result<Pack, Diagnostics> {
    let first_file = files.first().map_or(String::new(), |(f, _)| f.clone());
    let files: Vec<(&str, &PackFile)> = files
        .iter()
        .filter_map(|(f, p)| Some((f.as_str(), p.as_ref()?)))
        .collect();
    let mut places = lint::Places::default();
    let mut meta: Option<(Meta, &str, Pos)> = None;
    let mut candidates: Vec<(Candidate, &str, Pos)> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut section_pos: HashMap<String, Pos> = HashMap::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (file, f) in &files {
        d.set_file(*file);
        if let Some(h) = f.pack.as_given() {
            match &meta {
                Some((_, first, p)) => d.error(
                    h.pos,
                    format!(
                        "the pack header is given twice (first in {first} at line {})",
                        p.line
                    ),
                ),
                None => meta = Some((header(&h.value, &mut d), file, h.pos)),
            }
        }
        for c in f.candidates.as_given().map_or(&[][..], |l| &l.items) {
            let cand = candidate(c, &mut d);
            if let Some((_, _, p)) = candidates.iter().find(|(x, _, _)| x.id == cand.id) {
                d.error(
                    c.pos,
                    format!(
                        "duplicate candidate id `{}` (first at line {})",
                        cand.id, p.line
                    ),
                );
            } else {
                candidates.push((cand, file, c.pos));
                places.candidates.push((file.to_string(), c.pos));
            }
        }
        for s in f.sections.as_given().map_or(&[][..], |l| &l.items) {
            let id = kept(&s.value.id, "a section", "id", s.pos, &mut d).map(|i| i.0.clone());
            let title = kept(&s.value.title, "a section", "title", s.pos, &mut d);
            let id = id.unwrap_or_default();
            if let Some(p) = section_pos.get(&id) {
                d.error(
                    s.pos,
                    format!("duplicate section id `{id}` (first at line {})", p.line),
                );
            }
            section_pos.insert(id.clone(), s.pos);
            let index = sections.len();
            sections.push(Section {
                id: id.into(),
                title: title.map(|t| t.0.clone()).unwrap_or_default().into(),
            });
            if s.value.questions.written == 0 {
                d.error(s.pos, "a section must hold at least one question");
            }
            for q in &s.value.questions.items {
                pending.push(question(q, index, file, &mut d));
            }
        }
    }

    d.set_file(first_file.clone());
    if meta.is_none() {
        d.error_hint(
            Pos { line: 1, col: 1 },
            "the pack has no `pack:` header",
            "add `pack:` with id, version, title and description",
        );
    }
    if candidates.len() < 2 {
        d.error(
            Pos { line: 1, col: 1 },
            "a pack needs at least two candidates to decide between",
        );
    }
    // Question ids must be unique across the whole pack.
    let mut question_index: HashMap<String, usize> = HashMap::with_capacity(pending.len());
    let mut first_pos: Vec<Pos> = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        match question_index.get(p.question.id.as_str()) {
            Some(&first) => {
                d.set_file(p.file);
                d.error(
                    p.pos,
                    format!(
                        "duplicate question id `{}` (first at line {})",
                        p.question.id, first_pos[first].line
                    ),
                );
            }
            None => {
                question_index.insert(p.question.id.to_string(), i);
            }
        }
        first_pos.push(p.pos);
    }
    // A question left out for a problem of its own is reported there; what names it is
    // not reported again as naming an unknown question.
    let left_out: std::collections::HashSet<&str> = files
        .iter()
        .flat_map(|(_, f)| f.written_questions.iter().map(String::as_str))
        .filter(|id| !question_index.contains_key(*id))
        .collect();
    if pending.is_empty() && left_out.is_empty() {
        d.set_file(first_file.clone());
        d.error(
            Pos { line: 1, col: 1 },
            "a pack needs at least one question",
        );
    }
    let kinds: Vec<Kind> = pending.iter().map(|p| p.question.kind.clone()).collect();
    let question_ids: Vec<Text> = pending.iter().map(|p| p.question.id.clone()).collect();
    let candidate_ids: Vec<Text> = candidates.iter().map(|(c, _, _)| c.id.clone()).collect();
    let candidate_index: HashMap<String, usize> = candidate_ids
        .iter()
        .enumerate()
        .map(|(i, c)| (c.to_string(), i))
        .collect();
    let scope = Scope {
        left_out: &left_out,
        question_ids: &question_ids,
        question_index: &question_index,
        kinds: &kinds,
        candidate_ids: &candidate_ids,
        candidate_index: &candidate_index,
        costs: None,
    };

    // Defaults and visibility, now that every question is known.
    let mut questions = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        d.set_file(p.file);
        let mut q = p.question.clone();
        match p.default {
            Some(n) => match answer_from_node(&q, n) {
                Ok(a) => q.default = a,
                Err(msg) => d.error(n.pos, format!("default of `{}`: {msg}", q.id)),
            },
            None => d.error_hint(
                p.pos,
                format!("question `{}` has no `default`", q.id),
                "every question needs a default, so that Enter alone always moves on",
            ),
        }
        if let Some(when) = p.when {
            q.when = scope.condition(when, Some(i), &mut d);
        }
        questions.push(q);
    }

    // Prices first: rules, and the advice beside a verdict, may test what the cost model
    // shows.
    let mut advice = content::prices(&files, &scope, &mut d);
    let order = match (&advice.costs, &advice.rates) {
        (Some(model), Some(rates)) => {
            super::CostOrder::build(model, rates, &questions).map(Arc::new)
        }
        _ => Err("needs the pack's `rates` and `costs`".to_string()),
    };
    let rule_scope = Scope {
        costs: Some(&order),
        ..scope
    };
    content::advice(&files, &rule_scope, &mut d, &mut advice);
    let mut rules: Vec<Rule> = Vec::new();
    let mut rule_pos: HashMap<&str, Pos> = HashMap::new();
    for (file, f) in &files {
        d.set_file(*file);
        for r in f.rules.as_given().map_or(&[][..], |l| &l.items) {
            let rule = self::rule(r, &rule_scope, &mut d);
            let id = r.value.id.0.as_str();
            if let Some(p) = rule_pos.get(id) {
                d.error(
                    r.pos,
                    format!("duplicate rule id `{id}` (first at line {})", p.line),
                );
                continue;
            }
            rule_pos.insert(id, r.pos);
            rules.push(rule);
            places.rules.push((file.to_string(), r.pos));
        }
    }
    let expectations = expect::resolve(&files, &rule_scope, &questions, &mut d);
    for (ci, (c, file, pos)) in candidates.iter().enumerate() {
        let scored = rules
            .iter()
            .any(|r| r.points.iter().any(|(x, p)| *x == ci && *p != 0));
        if !scored {
            d.set_file(*file);
            d.error_hint(
                *pos,
                format!("no rule ever scores candidate `{}`", c.id),
                "give it points in at least one rule, or remove it",
            );
        }
    }

    if d.has_errors() {
        return Err(d);
    }
    let Some((meta, _, _)) = meta else {
        return Err(d);
    };
    places.questions = pending
        .iter()
        .map(|p| (p.file.to_string(), p.pos))
        .collect();
    Ok(Pack {
        meta,
        candidates: candidates.into_iter().map(|(c, _, _)| c).collect(),
        sections,
        questions,
        rules,
        advice,
        expectations: super::deferred::Deferred::new(expectations),
        warnings: d.into_sorted(),
        cost_order: order.ok(),
        impact_order: Vec::new(),
        compiled: Default::default(),
        budget_points: Vec::new(),
        shows_others: Vec::new(),
        question_ids: HashMap::new(),
        candidate_ids: HashMap::new(),
        sources: Vec::new(),
        places: super::deferred::Deferred::new(places),
    }
    .index())
}

/// A field an item is kept without: reported when it is not written, `None` when it has
/// a problem (reported where it was found).
fn kept<'a, T>(
    field: &'a Lenient<T>,
    what: &str,
    name: &str,
    pos: Pos,
    d: &mut Diagnostics,
) -> Option<&'a T> {
    match field {
        Lenient::Given(v) => Some(v),
        Lenient::Absent => {
            d.error(pos, de::missing(what, name));
            None
        }
        Lenient::Refused => None,
    }
}

/// An optional text field, as text.
fn text(field: &Lenient<raw::value::Text>) -> Option<Text> {
    field.as_given().map(|t| t.0.clone().into())
}

fn header(h: &raw::Header, d: &mut Diagnostics) -> Meta {
    let close_call = h.close_call.as_given().map_or(0, |c| c.value.0);
    if let Some(c) = h.close_call.as_given()
        && c.value.0 < 0
    {
        d.error(c.key, "`close_call` must not be negative");
    }
    Meta {
        id: h.id.0.clone().into(),
        version: h.version.0.clone().into(),
        title: h.title.0.clone().into(),
        description: text(&h.description).unwrap_or_default(),
        close_call,
    }
}

/// A candidate, kept when its name has a problem so that references to it still resolve.
fn candidate(item: &Located<raw::Candidate>, d: &mut Diagnostics) -> Candidate {
    let c = &item.value;
    let name = kept(&c.name, "a candidate", "name", item.pos, d);
    Candidate {
        id: c.id.0.clone().into(),
        name: name.map(|t| t.0.clone()).unwrap_or_default().into(),
        description: text(&c.description).unwrap_or_default(),
        role_heading: text(&c.role_heading),
    }
}

fn question<'a>(
    item: &'a Located<raw::Question>,
    section: usize,
    file: &'a str,
    d: &mut Diagnostics,
) -> Pending<'a> {
    let q = &item.value;
    let at = |field: &Lenient<Located<raw::value::Int>>| match field {
        Lenient::Given(l) => (Some(l.value.0), l.key),
        _ => (None, item.pos),
    };
    let (kind, default) = match &q.kind {
        raw::Kind::Single { options, default } => (
            Kind::Single {
                options: choices(options, d),
            },
            node(default),
        ),
        raw::Kind::Multiple {
            options,
            min,
            max,
            default,
        } => {
            let options = choices(options, d);
            let n = options.len() as i64;
            let ((min, min_pos), (max, max_pos)) = (at(min), at(max));
            let (min, max) = (min.unwrap_or(0), max.unwrap_or(n));
            if min < 0 || min > n {
                d.error(
                    min_pos,
                    format!("`min` must be between 0 and {n}, the number of options"),
                );
            }
            if max < min.max(1) || max > n {
                d.error(
                    max_pos,
                    format!("`max` must be between {} and {n}", min.max(1)),
                );
            }
            (
                Kind::Multiple {
                    options,
                    min: min.clamp(0, n) as usize,
                    max: max.clamp(0, n) as usize,
                },
                node(default),
            )
        }
        raw::Kind::Number {
            min,
            max,
            step,
            unit,
            unit_one,
            default,
        } => {
            let (step, step_pos) = at(step);
            let step = step.unwrap_or(1);
            if step < 1 {
                d.error(step_pos, "`step` must be at least 1");
            }
            if min.0 > max.value.0 {
                d.error(max.key, "`max` must not be below `min`");
            }
            (
                Kind::Number {
                    min: min.0,
                    max: max.value.0,
                    step: step.max(1),
                    unit: text(unit),
                    unit_one: text(unit_one),
                },
                node(default),
            )
        }
        raw::Kind::YesNo { default } => (Kind::YesNo, node(default)),
    };
    // Kept even when these are missing, so that references to the question still
    // resolve and only the real mistake is reported.
    let prompt = kept(&q.prompt, "a question", "prompt", item.pos, d);
    let help = kept(&q.help, "a question", "help", item.pos, d);
    Pending {
        question: Question {
            id: q.id.0.clone().into(),
            section,
            prompt: prompt.map(|t| t.0.clone()).unwrap_or_default().into(),
            help: help.map(|t| t.0.clone()).unwrap_or_default().into(),
            details: text(&q.details),
            default: placeholder(&kind),
            kind,
            when: None,
            what_if: q.what_if.as_given().copied().unwrap_or(true),
        },
        default,
        when: q.when.as_given(),
        file,
        pos: item.pos,
    }
}

/// The tree of an answer as written, to be read as its question reads answers.
fn node<S>(answer: &Lenient<raw::value::Answer<S>>) -> Option<&Node> {
    answer.as_given().map(|a| &a.0)
}

fn placeholder(kind: &Kind) -> Answer {
    match kind {
        Kind::Single { .. } => Answer::Choice(0),
        Kind::Multiple { .. } => Answer::Choices(Vec::new()),
        Kind::Number { min, .. } => Answer::Number(*min),
        Kind::YesNo => Answer::Bool(false),
    }
}

fn choices(list: &Located<Items<raw::Choice>>, d: &mut Diagnostics) -> Vec<Choice> {
    if list.value.written < 2 {
        d.error(list.key, "a choice question needs at least two options");
    }
    let mut out: Vec<Choice> = Vec::with_capacity(list.value.items.len());
    let mut seen: HashMap<&str, Pos> = HashMap::new();
    for o in &list.value.items {
        let id = o.value.id.0.as_str();
        if let Some(p) = seen.get(id) {
            d.error(
                o.pos,
                format!("duplicate option id `{id}` (first at line {})", p.line),
            );
            continue;
        }
        seen.insert(id, o.pos);
        let label = kept(&o.value.label, "an option", "label", o.pos, d);
        out.push(Choice {
            id: id.to_string().into(),
            label: label.map(|t| t.0.clone()).unwrap_or_default().into(),
            help: text(&o.value.help),
        });
    }
    out
}

fn rule(r: &Located<raw::Rule>, scope: &Scope, d: &mut Diagnostics) -> Rule {
    let raw = &r.value;
    let when = raw
        .when
        .as_given()
        .and_then(|c| scope.condition(c, None, d));
    let mut points = Vec::new();
    for (name, value) in raw.points.as_given().into_iter().flat_map(|p| &p.0) {
        let c = scope.candidate(name, d);
        if let (Some(c), Lenient::Given(v)) = (c, value) {
            points.push((c, v.value.0));
        }
    }
    points.sort_by_key(|(c, _)| *c);
    let vetoes = scope.candidates(raw.veto.as_given().into_iter().flat_map(|v| &v.0), d);
    if matches!((&raw.points, &raw.veto), (Lenient::Absent, Lenient::Absent)) {
        d.error_hint(
            r.pos,
            "a rule needs `points`, `veto` or both",
            "`points: {candidate: 2}` adds points when the rule fires",
        );
    }
    // Kept when its reason has a problem, so that its points still count.
    let reason = kept(&raw.reason, "a rule", "reason", r.pos, d);
    Rule {
        id: raw.id.0.clone().into(),
        when,
        points: points.into(),
        vetoes: vetoes.into(),
        reason: reason.map(|t| t.0.clone()).unwrap_or_default().into(),
        source: text(&raw.source),
    }
}
