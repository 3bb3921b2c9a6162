//! Decoding and checking a pack in one pass: every problem is recorded at its place,
//! and what comes out has every reference resolved to an index.

use super::advice;
use super::lint;
use super::reader::{Fields, int, seq, single_entry};
use super::{Answer, Candidate, Choice, Condition, Kind, Meta, Pack, Question, Rule, Section};
use crate::diag::{Diagnostics, suggest};
use crate::yaml::{Node, NodeKind, Pos};
use std::collections::HashMap;

/// The top-level keys of a pack file.
const TOP: &[&str] = &[
    "pack",
    "imports",
    "candidates",
    "sections",
    "rules",
    "rates",
    "costs",
    "roles",
    "skills",
    "next_steps",
    "warnings",
    "weigh",
    "expectations",
];
const META: &[&str] = &["id", "version", "title", "description", "close_call"];
const CANDIDATE: &[&str] = &["id", "name", "description", "role_heading"];
const SECTION: &[&str] = &["id", "title", "questions"];
const QUESTION: &[&str] = &[
    "id", "prompt", "help", "details", "kind", "options", "min", "max", "step", "unit", "unit_one",
    "default", "when",
];
const CHOICE: &[&str] = &["id", "label", "help"];
const RULE: &[&str] = &["id", "when", "points", "veto", "reason", "source"];
const KINDS: &[&str] = &["single", "multiple", "number", "yes_no"];
const TESTS: &[&str] = &[
    "all", "any", "not", "equals", "one_of", "contains", "range", "cheapest", "dearest",
];

/// A question while the pack is being read: the parts that need every id known first.
struct Pending<'a> {
    question: Question,
    default: Option<&'a Node>,
    when: Option<&'a Node>,
    file: String,
    pos: Pos,
}

/// Decode the documents of one pack (a file and its imports, or a folder) into a [`Pack`].
///
/// `docs` holds each file's display name and parsed tree, in reading order. On failure the
/// diagnostics hold every problem found; warnings travel with the pack on success.
pub fn decode(docs: &[(String, Node)]) -> Result<Pack, Diagnostics> {
    let mut d = Diagnostics::new(docs.first().map_or("", |(f, _)| f.as_str()));
    let mut meta: Option<(Meta, String, Pos)> = None;
    let mut candidates: Vec<(Candidate, Pos)> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut rule_nodes: Vec<(&str, &Node)> = Vec::new();
    let mut advice_nodes: Vec<(String, &str, &Node)> = Vec::new();
    let mut expectation_nodes: Vec<(String, &Node)> = Vec::new();
    let mut section_pos: HashMap<String, Pos> = HashMap::new();
    let mut places = lint::Places::default();

    for (file, root) in docs {
        d.set_file(file.clone());
        let Some(top) = Fields::new(root, "a pack file", TOP, &mut d) else {
            continue;
        };
        if let Some(n) = top.get("pack") {
            let m = decode_meta(n, &mut d);
            match (&meta, m) {
                (Some((_, f, p)), Some(_)) => d.error(
                    n.pos,
                    format!(
                        "the pack header is given twice (first in {f} at line {})",
                        p.line
                    ),
                ),
                (None, Some(m)) => meta = Some((m, file.clone(), n.pos)),
                _ => {}
            }
        }
        if let Some(n) = top
            .get("candidates")
            .and_then(|n| seq(n, "candidates", &mut d))
        {
            for c in n {
                if let Some(cand) = decode_candidate(c, &mut d) {
                    if let Some((_, p)) = candidates.iter().find(|(x, _)| x.id == cand.id) {
                        d.error(
                            c.pos,
                            format!(
                                "duplicate candidate id `{}` (first at line {})",
                                cand.id, p.line
                            ),
                        );
                    } else {
                        candidates.push((cand, c.pos));
                        places.candidates.push((file.clone(), c.pos));
                    }
                }
            }
        }
        if let Some(list) = top.get("sections").and_then(|n| seq(n, "sections", &mut d)) {
            for s in list {
                let Some(f) = Fields::new(s, "a section", SECTION, &mut d) else {
                    continue;
                };
                let sid = f.req_id("id", &mut d).unwrap_or_default();
                let title = f.req_str("title", &mut d).unwrap_or_default();
                if let Some(p) = section_pos.get(&sid) {
                    d.error(
                        s.pos,
                        format!("duplicate section id `{sid}` (first at line {})", p.line),
                    );
                }
                section_pos.insert(sid.clone(), s.pos);
                let index = sections.len();
                sections.push(Section { id: sid, title });
                let Some(qs) = f
                    .req("questions", &mut d)
                    .and_then(|n| seq(n, "questions", &mut d))
                else {
                    continue;
                };
                if qs.is_empty() {
                    d.error(s.pos, "a section must hold at least one question");
                }
                for q in qs {
                    if let Some(p) = decode_question(q, index, file, &mut d) {
                        pending.push(p);
                    }
                }
            }
        }
        if let Some(list) = top.get("rules").and_then(|n| seq(n, "rules", &mut d)) {
            rule_nodes.extend(list.iter().map(|r| (file.as_str(), r)));
        }
        if let Some(n) = top.get("expectations") {
            expectation_nodes.push((file.clone(), n));
        }
        for key in advice::KEYS {
            if let Some(n) = top.get(key) {
                advice_nodes.push((file.clone(), key, n));
            }
        }
    }

    let first_file = docs.first().map_or(String::new(), |(f, _)| f.clone());
    d.set_file(first_file.clone());
    let meta = match meta {
        Some((m, _, _)) => Some(m),
        None => {
            d.error_hint(
                Pos { line: 1, col: 1 },
                "the pack has no `pack:` header",
                "add `pack:` with id, version, title and description",
            );
            None
        }
    };
    if candidates.len() < 2 {
        d.error(
            Pos { line: 1, col: 1 },
            "a pack needs at least two candidates to decide between",
        );
    }
    if pending.is_empty() {
        d.error(
            Pos { line: 1, col: 1 },
            "a pack needs at least one question",
        );
    }

    // Question ids must be unique across the whole pack.
    let mut seen: HashMap<&str, (usize, Pos)> = HashMap::new();
    for (i, p) in pending.iter().enumerate() {
        if let Some((_, first)) = seen.get(p.question.id.as_str()) {
            d.set_file(p.file.clone());
            d.error(
                p.pos,
                format!(
                    "duplicate question id `{}` (first at line {})",
                    p.question.id, first.line
                ),
            );
        } else {
            seen.insert(p.question.id.as_str(), (i, p.pos));
        }
    }
    let lookup: HashMap<String, usize> =
        seen.iter().map(|(k, (i, _))| (k.to_string(), *i)).collect();
    let kinds: Vec<Kind> = pending.iter().map(|p| p.question.kind.clone()).collect();
    let ids: Vec<String> = pending.iter().map(|p| p.question.id.clone()).collect();
    let scope = Scope {
        lookup: &lookup,
        kinds: &kinds,
        ids: &ids,
        costs: None,
    };

    // Defaults and visibility, now that every question is known.
    let mut questions = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        d.set_file(p.file.clone());
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
        if let Some(n) = p.when {
            q.when = scope.condition(n, Some(i), &mut d);
        }
        questions.push(q);
    }

    // Rules.
    let cand_ids: HashMap<String, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.id.clone(), i))
        .collect();
    // Advice first: rules may test what its cost model shows cheapest.
    let advice = advice::decode(&advice_nodes, &scope, &cand_ids, &mut d);
    let order = match (&advice.costs, &advice.rates) {
        (Some(model), Some(rates)) => {
            super::CostOrder::build(model, rates, &questions).map(std::sync::Arc::new)
        }
        _ => Err("`cheapest` and `dearest` need the pack's `rates` and `costs`".to_string()),
    };
    let scope = Scope {
        costs: Some((&order, &cand_ids)),
        ..scope
    };
    let mut rules: Vec<Rule> = Vec::new();
    // Keyed by the id as written in the file, so that no id is copied to be checked.
    let mut rule_pos: HashMap<&str, Pos> = HashMap::with_capacity(rule_nodes.len());
    let mut file_name = String::new();
    for &(file, node) in &rule_nodes {
        if file != d.file() {
            d.set_file(file);
        }
        if file != file_name {
            file_name = file.to_string();
        }
        let Some(rule) = decode_rule(node, &scope, &cand_ids, &mut d) else {
            continue;
        };
        let id = node.get("id").and_then(Node::as_str).unwrap_or_default();
        if let Some(p) = rule_pos.get(id) {
            d.error(
                node.pos,
                format!("duplicate rule id `{}` (first at line {})", rule.id, p.line),
            );
            continue;
        }
        rule_pos.insert(id, node.pos);
        rules.push(rule);
        places.rules.push((file_name.clone(), node.pos));
    }
    let expectations =
        super::expect::decode(&expectation_nodes, &scope, &cand_ids, &questions, &mut d);
    d.set_file(first_file);
    for (ci, (c, pos)) in candidates.iter().enumerate() {
        let scored = rules
            .iter()
            .any(|r| r.points.iter().any(|(x, p)| *x == ci && *p != 0));
        if !scored {
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
    let warnings = d.into_sorted();
    let Some(meta) = meta else {
        return Err(Diagnostics::new(""));
    };
    places.questions = pending.iter().map(|p| (p.file.clone(), p.pos)).collect();
    let pack = Pack {
        meta,
        candidates: candidates.into_iter().map(|(c, _)| c).collect(),
        sections,
        questions,
        rules,
        advice,
        expectations,
        warnings,
        impact_order: Vec::new(),
        question_ids: HashMap::new(),
        candidate_ids: HashMap::new(),
        sources: Vec::new(),
        places,
    }
    .index();
    Ok(pack)
}

fn decode_meta(node: &Node, d: &mut Diagnostics) -> Option<Meta> {
    let f = Fields::new(node, "the pack header", META, d)?;
    let id = f.req_id("id", d);
    let version = f.req("version", d).and_then(|n| match n.kind {
        NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Float(_) => n.scalar_text(),
        _ => {
            d.error(n.pos, "`version` must be text such as \"1.0.0\"");
            None
        }
    });
    let title = f.req_str("title", d);
    let description = f.opt_str("description", d).unwrap_or_default();
    let close_call = f.opt_int("close_call", d).unwrap_or(0);
    if close_call < 0 {
        d.error(f.key_pos("close_call"), "`close_call` must not be negative");
    }
    Some(Meta {
        id: id?,
        version: version?,
        title: title?,
        description,
        close_call,
    })
}

fn decode_candidate(node: &Node, d: &mut Diagnostics) -> Option<Candidate> {
    let f = Fields::new(node, "a candidate", CANDIDATE, d)?;
    let id = f.req_id("id", d);
    let name = f.req_str("name", d);
    let description = f.opt_str("description", d).unwrap_or_default();
    let role_heading = f.opt_str("role_heading", d);
    Some(Candidate {
        id: id?,
        name: name?,
        description,
        role_heading,
    })
}

fn decode_question<'a>(
    node: &'a Node,
    section: usize,
    file: &str,
    d: &mut Diagnostics,
) -> Option<Pending<'a>> {
    let f = Fields::new(node, "a question", QUESTION, d)?;
    let qid = f.req_id("id", d);
    let prompt = f.req_str("prompt", d);
    let help = f.req_str("help", d);
    let details = f.opt_str("details", d);
    let kind_name = f.req_str("kind", d)?;
    let allowed: &[&str] = match kind_name.as_str() {
        "single" => &["options"],
        "multiple" => &["options", "min", "max"],
        "number" => &["min", "max", "step", "unit", "unit_one"],
        "yes_no" => &[],
        other => {
            let msg = format!("unknown question kind `{other}`");
            match suggest(other, KINDS.iter().copied()) {
                Some(h) => d.error_hint(f.key_pos("kind"), msg, h),
                None => d.error_hint(
                    f.key_pos("kind"),
                    msg,
                    "kinds are single, multiple, number and yes_no",
                ),
            }
            return None;
        }
    };
    for key in ["options", "min", "max", "step", "unit", "unit_one"] {
        if f.get(key).is_some() && !allowed.contains(&key) {
            d.error(
                f.key_pos(key),
                format!("`{key}` does not apply to a {kind_name} question"),
            );
        }
    }
    let kind = match kind_name.as_str() {
        "single" | "multiple" => {
            let opts = decode_options(&f, d)?;
            if kind_name == "single" {
                Kind::Single { options: opts }
            } else {
                let n = opts.len() as i64;
                let min = f.opt_int("min", d).unwrap_or(0);
                let max = f.opt_int("max", d).unwrap_or(n);
                if min < 0 || min > n {
                    d.error(
                        f.key_pos("min"),
                        format!("`min` must be between 0 and {n}, the number of options"),
                    );
                }
                if max < min.max(1) || max > n {
                    d.error(
                        f.key_pos("max"),
                        format!("`max` must be between {} and {n}", min.max(1)),
                    );
                }
                Kind::Multiple {
                    options: opts,
                    min: min.clamp(0, n) as usize,
                    max: max.clamp(0, n) as usize,
                }
            }
        }
        "number" => {
            let min = f.req("min", d).and_then(|n| int(n, "min", d));
            let max = f.req("max", d).and_then(|n| int(n, "max", d));
            let step = f.opt_int("step", d).unwrap_or(1);
            let unit = f.opt_str("unit", d);
            let unit_one = f.opt_str("unit_one", d);
            if step < 1 {
                d.error(f.key_pos("step"), "`step` must be at least 1");
            }
            let (min, max) = (min?, max?);
            if min > max {
                d.error(f.key_pos("max"), "`max` must not be below `min`");
            }
            Kind::Number {
                min,
                max,
                step: step.max(1),
                unit,
                unit_one,
            }
        }
        _ => Kind::YesNo,
    };
    Some(Pending {
        question: Question {
            id: qid?,
            section,
            // Kept even when these are missing, so that references to the question
            // still resolve and only the real mistake is reported.
            prompt: prompt.unwrap_or_default(),
            help: help.unwrap_or_default(),
            details,
            default: placeholder(&kind),
            kind,
            when: None,
        },
        default: f.get("default"),
        when: f.get("when"),
        file: file.to_string(),
        pos: node.pos,
    })
}

fn placeholder(kind: &Kind) -> Answer {
    match kind {
        Kind::Single { .. } => Answer::Choice(0),
        Kind::Multiple { .. } => Answer::Choices(Vec::new()),
        Kind::Number { min, .. } => Answer::Number(*min),
        Kind::YesNo => Answer::Bool(false),
    }
}

fn decode_options(f: &Fields, d: &mut Diagnostics) -> Option<Vec<Choice>> {
    let list = seq(f.req("options", d)?, "options", d)?;
    if list.len() < 2 {
        d.error(
            f.key_pos("options"),
            "a choice question needs at least two options",
        );
    }
    let mut out: Vec<Choice> = Vec::new();
    let mut seen: HashMap<String, Pos> = HashMap::new();
    for o in list {
        let Some(of) = Fields::new(o, "an option", CHOICE, d) else {
            continue;
        };
        let (Some(oid), Some(label)) = (of.req_id("id", d), of.req_str("label", d)) else {
            continue;
        };
        if let Some(p) = seen.get(&oid) {
            d.error(
                o.pos,
                format!("duplicate option id `{oid}` (first at line {})", p.line),
            );
            continue;
        }
        seen.insert(oid.clone(), o.pos);
        out.push(Choice {
            id: oid,
            label,
            help: of.opt_str("help", d),
        });
    }
    Some(out)
}

/// Read an answer for `question` from a YAML value, as answers files and defaults hold it:
/// an option id for single choice, a list of ids for multiple choice (one id alone is taken
/// as a list of one), a whole number, or `true`/`false` (also `yes`/`no`).
pub fn answer_from_node(question: &Question, node: &Node) -> Result<Answer, String> {
    answer_for_kind(&question.kind, node)
}

/// The index of the option a node names, or what is wrong with it.
pub(super) fn option_index(options: &[Choice], n: &Node) -> Result<usize, String> {
    let owned;
    let s = match &n.kind {
        NodeKind::Str(s) => s.as_str(),
        NodeKind::Null | NodeKind::Seq(_) | NodeKind::Map(_) => {
            return Err(format!("expected an option id, found {}", n.type_name()));
        }
        _ => {
            owned = n.scalar_text().unwrap_or_default();
            owned.as_str()
        }
    };
    options.iter().position(|c| c.id == s).ok_or_else(|| {
        let known: Vec<&str> = options.iter().map(|c| c.id.as_str()).collect();
        match suggest(s, known.iter().copied()) {
            Some(h) => format!("unknown option `{s}`; {h}"),
            None => format!("unknown option `{s}`; the options are {}", known.join(", ")),
        }
    })
}

/// [`answer_from_node`] for a question of this kind.
fn answer_for_kind(kind: &Kind, node: &Node) -> Result<Answer, String> {
    let options = kind.options();
    let option = |n: &Node| option_index(options, n);
    let answer = match (kind, &node.kind) {
        (Kind::Single { .. }, NodeKind::Seq(_)) => {
            return Err("takes one option, not a list".to_string());
        }
        (Kind::Single { .. }, _) => Answer::Choice(option(node)?),
        (Kind::Multiple { .. }, NodeKind::Seq(items)) => {
            let mut v = Vec::with_capacity(items.len());
            for n in items {
                let i = option(n)?;
                if v.contains(&i) {
                    return Err(format!("option `{}` is listed twice", options[i].id));
                }
                v.push(i);
            }
            v.sort_unstable();
            Answer::Choices(v)
        }
        (Kind::Multiple { .. }, NodeKind::Map(_)) => {
            return Err("expected a list of option ids, found a mapping".to_string());
        }
        (Kind::Multiple { .. }, _) => Answer::Choices(vec![option(node)?]),
        (Kind::Number { .. }, NodeKind::Int(i)) => Answer::Number(*i),
        (Kind::Number { .. }, NodeKind::Float(x)) => {
            return Err(format!("must be a whole number, found {x}"));
        }
        (Kind::Number { .. }, _) => {
            return Err(format!(
                "expected a whole number, found {}",
                node.type_name()
            ));
        }
        (Kind::YesNo, NodeKind::Bool(b)) => Answer::Bool(*b),
        (Kind::YesNo, NodeKind::Str(s)) if matches!(s.as_str(), "yes" | "Yes" | "YES") => {
            Answer::Bool(true)
        }
        (Kind::YesNo, NodeKind::Str(s)) if matches!(s.as_str(), "no" | "No" | "NO") => {
            Answer::Bool(false)
        }
        (Kind::YesNo, _) => {
            return Err(format!(
                "expected true or false, found {}",
                node.type_name()
            ));
        }
    };
    kind.check(&answer)?;
    Ok(answer)
}

/// What conditions may refer to while they are resolved.
pub(super) struct Scope<'a> {
    pub(super) lookup: &'a HashMap<String, usize>,
    pub(super) kinds: &'a [Kind],
    pub(super) ids: &'a [String],
    /// For rules: what the cost model shows cheapest (or why it cannot say), and the
    /// candidates by id. `None` where `cheapest` may not be used.
    pub(super) costs: Option<CostScope<'a>>,
}

/// The cost order, or why there is none, with the candidates by id.
pub(super) type CostScope<'a> = (
    &'a Result<std::sync::Arc<super::CostOrder>, String>,
    &'a HashMap<String, usize>,
);

impl Scope<'_> {
    /// Resolve a condition; `asker` is the question whose visibility it decides, if any,
    /// which may only look at questions asked before it.
    pub(super) fn condition(
        &self,
        node: &Node,
        asker: Option<usize>,
        d: &mut Diagnostics,
    ) -> Option<Condition> {
        let (op, op_pos, arg) = single_entry(node, || "a condition".to_string(), d)?;
        match &*op {
            "all" | "any" => {
                let list = seq(arg, &op, d)?;
                let parts: Vec<Option<Condition>> =
                    list.iter().map(|n| self.condition(n, asker, d)).collect();
                let parts: Option<Vec<Condition>> = parts.into_iter().collect();
                let parts = parts?;
                Some(if op == "all" {
                    Condition::All(parts)
                } else {
                    Condition::Any(parts)
                })
            }
            "not" => Some(Condition::Not(Box::new(self.condition(arg, asker, d)?))),
            "cheapest" | "dearest" => {
                let Some((order, cands)) = self.costs else {
                    d.error_hint(
                        op_pos,
                        format!("`{op}` can only be tested in rules"),
                        "a question's `when` may test earlier answers only",
                    );
                    return None;
                };
                let order = match order {
                    Ok(o) => std::sync::Arc::clone(o),
                    Err(why) => {
                        d.error(op_pos, why.clone());
                        return None;
                    }
                };
                let id = arg.scalar_text().unwrap_or_default();
                match cands.get(&id) {
                    Some(&candidate) => Some(Condition::Cost {
                        candidate,
                        end: if op == "cheapest" {
                            super::CostEnd::Cheapest
                        } else {
                            super::CostEnd::Dearest
                        },
                        order,
                    }),
                    None => {
                        let msg = format!("`{op}`: unknown candidate `{id}`");
                        d.unknown(arg.pos, msg, &id, cands.keys().map(String::as_str), None);
                        None
                    }
                }
            }
            "equals" | "one_of" | "contains" | "range" => {
                let (qid, qpos, value) = single_entry(arg, || format!("`{op}`"), d)?;
                let question = self.question(&qid, qpos, asker, d)?;
                let kind = &self.kinds[question];
                let fail = |d: &mut Diagnostics, msg: String| {
                    d.error(value.pos, format!("`{op}` on `{qid}`: {msg}"));
                    None
                };
                match &*op {
                    "equals" => {
                        let v = match (kind, &value.kind) {
                            // Equality on a multiple choice compares the whole set; skip the
                            // min/max check so that `equals: {x: []}` can test for "none".
                            (Kind::Multiple { options, .. }, _) => answer_for_kind(
                                &Kind::Multiple {
                                    options: options.clone(),
                                    min: 0,
                                    max: options.len(),
                                },
                                value,
                            ),
                            (Kind::Number { .. }, NodeKind::Int(i)) => Ok(Answer::Number(*i)),
                            _ => answer_for_kind(kind, value),
                        };
                        match v {
                            Ok(value) => Some(Condition::Equals { question, value }),
                            Err(e) => fail(d, e),
                        }
                    }
                    "one_of" => {
                        if !matches!(kind, Kind::Single { .. }) {
                            return fail(
                                d,
                                format!(
                                    "`one_of` tests single choice questions; this one is {}",
                                    kind.name()
                                ),
                            );
                        }
                        let list = seq(value, "one_of", d)?;
                        let mut options = Vec::new();
                        for n in list {
                            match option_index(kind.options(), n) {
                                Ok(i) => options.push(i),
                                Err(e) => {
                                    d.error(n.pos, format!("`one_of` on `{qid}`: {e}"));
                                }
                            }
                        }
                        options.sort_unstable();
                        options.dedup();
                        Some(Condition::OneOf { question, options })
                    }
                    "contains" => {
                        if !matches!(kind, Kind::Multiple { .. }) {
                            return fail(
                                d,
                                format!(
                                    "`contains` tests multiple choice questions; this one is {}",
                                    kind.name()
                                ),
                            );
                        }
                        match option_index(kind.options(), value) {
                            Ok(option) => Some(Condition::Contains { question, option }),
                            Err(e) => fail(d, e),
                        }
                    }
                    _ => {
                        if !matches!(kind, Kind::Number { .. }) {
                            return fail(
                                d,
                                format!(
                                    "`range` tests number questions; this one is {}",
                                    kind.name()
                                ),
                            );
                        }
                        let f = Fields::new(value, "a range", &["min", "max"], d)?;
                        let (min, max) = (f.opt_int("min", d), f.opt_int("max", d));
                        if min.is_none() && max.is_none() {
                            return fail(d, "a range needs `min`, `max` or both".to_string());
                        }
                        if let (Some(lo), Some(hi)) = (min, max)
                            && lo > hi
                        {
                            return fail(d, "`min` is above `max`, so it never holds".to_string());
                        }
                        Some(Condition::Range { question, min, max })
                    }
                }
            }
            other => {
                let msg = format!("unknown test `{other}`");
                match suggest(other, TESTS.iter().copied()) {
                    Some(h) => d.error_hint(op_pos, msg, h),
                    None => d.error_hint(
                        op_pos,
                        msg,
                        "tests are all, any, not, equals, one_of, contains, range, cheapest and dearest",
                    ),
                }
                None
            }
        }
    }

    fn question(
        &self,
        qid: &str,
        pos: Pos,
        asker: Option<usize>,
        d: &mut Diagnostics,
    ) -> Option<usize> {
        let Some(&q) = self.lookup.get(qid) else {
            let msg = format!("unknown question `{qid}`");
            match suggest(qid, self.ids.iter().map(String::as_str)) {
                Some(h) => d.error_hint(pos, msg, h),
                None => d.error(pos, msg),
            }
            return None;
        };
        if let Some(a) = asker
            && q >= a
        {
            let when = if q == a {
                "is this question itself"
            } else {
                "is asked later"
            };
            d.error_hint(
                pos,
                format!(
                    "`when` of `{}` tests `{qid}`, which {when}, so it cannot be answered at that point",
                    self.ids[a]
                ),
                "a question can only depend on questions asked before it",
            );
            return None;
        }
        Some(q)
    }
}

fn decode_rule(
    node: &Node,
    scope: &Scope,
    cands: &HashMap<String, usize>,
    d: &mut Diagnostics,
) -> Option<Rule> {
    let f = Fields::new(node, "a rule", RULE, d)?;
    let rid = f.req_id("id", d);
    let reason = f.req_str("reason", d);
    let source = f.opt_str("source", d);
    let when = f.get("when").map(|n| scope.condition(n, None, d));
    let candidate = |n: &Node, d: &mut Diagnostics| -> Option<usize> {
        let owned;
        let s = match n.as_str() {
            Some(s) => s,
            None => {
                owned = n.scalar_text()?;
                owned.as_str()
            }
        };
        let c = cands.get(s).copied();
        if c.is_none() {
            let msg = format!("unknown candidate `{s}`");
            match suggest(s, cands.keys().map(String::as_str)) {
                Some(h) => d.error_hint(n.pos, msg, h),
                None => d.error(n.pos, msg),
            }
        }
        c
    };
    let mut points = Vec::new();
    if let Some(p) = f.get("points") {
        match p.as_map() {
            Some(entries) => {
                for (k, v) in entries {
                    let c = candidate(k, d);
                    let pts = int(v, "points", d);
                    if let Some(x) = pts
                        && x.abs() > 1000
                    {
                        d.error(v.pos, "points must lie between -1000 and 1000");
                        continue;
                    }
                    if let (Some(c), Some(pts)) = (c, pts) {
                        points.push((c, pts));
                    }
                }
            }
            None => d.error(
                p.pos,
                format!(
                    "`points` must map candidate ids to numbers, found {}",
                    p.type_name()
                ),
            ),
        }
    }
    points.sort_by_key(|(c, _)| *c);
    let mut vetoes = Vec::new();
    if let Some(v) = f.get("veto") {
        let items: Vec<&Node> = match &v.kind {
            NodeKind::Seq(items) => items.iter().collect(),
            _ => vec![v],
        };
        for n in items {
            if let Some(c) = candidate(n, d) {
                vetoes.push(c);
            }
        }
        vetoes.sort_unstable();
        vetoes.dedup();
    }
    if f.get("points").is_none() && f.get("veto").is_none() {
        d.error_hint(
            node.pos,
            "a rule needs `points`, `veto` or both",
            "`points: {candidate: 2}` adds points when the rule fires",
        );
    }
    Some(Rule {
        id: rid?,
        when: when.flatten(),
        points: points.into(),
        vetoes: vetoes.into(),
        reason: reason?,
        source,
    })
}
