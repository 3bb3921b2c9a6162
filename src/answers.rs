//! Answers: what the user gave, what is in force once visibility and defaults apply, and
//! the answers file (`answers: {question: value}`) that the headless commands read.

use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::pack::{Answer, Pack};
use crate::yaml::{self, Limits, Node};
use std::path::Path;

/// The answers given so far, by question index. A question hidden by a later change may
/// keep its answer here (so it returns if the question does), but it does not count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    given: Vec<Option<Answer>>,
}

impl Answers {
    /// No answers yet, for a pack of `questions` questions.
    pub fn new(questions: usize) -> Self {
        Answers {
            given: vec![None; questions],
        }
    }

    /// The answer given to question `q`, if any.
    pub fn get(&self, q: usize) -> Option<&Answer> {
        self.given.get(q).and_then(Option::as_ref)
    }

    /// Record an answer. The caller has checked it against the question.
    pub fn set(&mut self, q: usize, answer: Answer) {
        if q >= self.given.len() {
            self.given.resize(q + 1, None);
        }
        self.given[q] = Some(answer);
    }

    /// Whether question `q` was given an answer.
    pub fn is_given(&self, q: usize) -> bool {
        self.get(q).is_some()
    }

    /// Which questions are asked with these answers, by index.
    pub fn visible(&self, pack: &Pack) -> Vec<bool> {
        let eff = self.effective(pack);
        eff.iter().map(Option::is_some).collect()
    }

    /// The answers in force: each asked question's given answer or its default; `None`
    /// for a question that is not asked. Visibility is decided in order, each question
    /// seeing only the answers in force before it.
    pub fn effective(&self, pack: &Pack) -> Vec<Option<Answer>> {
        let mut eff: Vec<Option<Answer>> = Vec::with_capacity(pack.questions().len());
        for (i, q) in pack.questions().iter().enumerate() {
            let asked = q.when.as_ref().is_none_or(|c| c.eval(&eff));
            eff.push(asked.then(|| self.get(i).unwrap_or(&q.default).clone()));
        }
        eff
    }
}

/// The answers in force as an answers file holds them (`{question id: value}`), in the
/// pack's order, skipping questions that are not asked.
pub fn to_json(pack: &Pack, effective: &[Option<Answer>]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (q, a) in pack.questions().iter().zip(effective) {
        if let Some(a) = a {
            map.insert(q.id.to_string(), q.to_json(a));
        }
    }
    serde_json::Value::Object(map)
}

/// Why an answers file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    /// The file could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file as named.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The file holds problems, each at its place.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
}

/// An answers file read against a pack.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    /// The answers it gives.
    pub answers: Answers,
    /// Things that work but look like mistakes (an answer to a question not asked).
    pub warnings: Vec<Diagnostic>,
}

/// Read an answers file from disk.
pub fn read_path(pack: &Pack, path: &Path) -> Result<AnswersFile, AnswersError> {
    let name = path.to_string_lossy().to_string();
    let io = |message: String| AnswersError::Io {
        path: name.clone(),
        message,
    };
    let limits = Limits::default();
    let bytes = yaml::read_file(path, &limits).map_err(io)?;
    let mut d = Diagnostics::new(name.clone());
    match yaml::check_text(&bytes, &limits) {
        Ok(text) => read_text(pack, &name, text),
        Err(e) => {
            d.yaml(&e);
            Err(AnswersError::Invalid(d.into_sorted()))
        }
    }
}

/// Read an answers file's text. Also accepts a saved session file, whose `answers:` it
/// reads the same way.
pub fn read_text(pack: &Pack, name: &str, text: &str) -> Result<AnswersFile, AnswersError> {
    let mut d = Diagnostics::new(name);
    let root = match yaml::parse(text, &Limits::default()) {
        Ok(n) => n,
        Err(e) => {
            d.yaml(&e);
            return Err(AnswersError::Invalid(d.into_sorted()));
        }
    };
    let answers = decode(pack, &root, &mut d);
    if d.has_errors() {
        return Err(AnswersError::Invalid(d.into_sorted()));
    }
    Ok(AnswersFile {
        answers,
        warnings: d.into_sorted(),
    })
}

fn decode(pack: &Pack, root: &Node, d: &mut Diagnostics) -> Answers {
    let mut answers = Answers::new(pack.questions().len());
    let Some(top) = root.as_map() else {
        d.error_hint(
            root.pos,
            format!(
                "an answers file must be a mapping, found {}",
                root.type_name()
            ),
            "write `answers:` followed by `question_id: value` lines",
        );
        return answers;
    };
    let is_session = root
        .get("format")
        .and_then(Node::as_str)
        .is_some_and(|f| f.starts_with("hirewiz-session/"));
    // Question ids written at the top, with no `answers:` over them: one mistake, said
    // once where it starts, not once a line.
    let bare = if is_session || root.get("answers").is_some() {
        None
    } else {
        top.iter().find_map(|(k, _)| {
            let key = k.scalar_text().unwrap_or_default();
            pack.question_index(&key).map(|_| k.pos)
        })
    };
    if let Some(pos) = bare {
        d.error_hint(
            pos,
            "the answers are not under `answers:`",
            "write `answers:` on a line of its own and indent the `question_id: value` lines under it",
        );
    }
    if !is_session {
        for (k, _) in top {
            let key = k.scalar_text().unwrap_or_default();
            if bare.is_some() && pack.question_index(&key).is_some() {
                continue;
            }
            if key != "answers" && key != "pack" {
                let msg = format!(
                    "unknown field `{}` in the answers file",
                    crate::escape::excerpt(&key)
                );
                match suggest(&key, ["answers", "pack"]) {
                    Some(h) => d.error_hint(k.pos, msg, h),
                    None => d.error_hint(
                        k.pos,
                        msg,
                        "the file holds `answers:` (and optionally `pack:`)",
                    ),
                }
            }
        }
    }
    if let Some(p) = root.get("pack") {
        let id = p.get("id").or(Some(p)).and_then(Node::as_str);
        if let Some(id) = id
            && id != pack.meta().id
        {
            d.warning(
                p.pos,
                format!(
                    "these answers were written for pack `{id}`, not `{}`",
                    pack.meta().id
                ),
            );
        }
    }
    let Some(list) = root.get("answers") else {
        if bare.is_some() {
            return answers;
        }
        d.error_hint(
            root.pos,
            "the file has no `answers:`",
            "write `answers:` followed by `question_id: value` lines",
        );
        return answers;
    };
    if matches!(list.kind, crate::yaml::NodeKind::Null) {
        return answers; // `answers:` with nothing under it: every default.
    }
    let Some(entries) = list.as_map() else {
        d.error(
            list.pos,
            format!(
                "`answers` must map question ids to answers, found {}",
                list.type_name()
            ),
        );
        return answers;
    };
    for (k, v) in entries {
        let qid = k.scalar_text().unwrap_or_default();
        let Some(q) = pack.question_index(&qid) else {
            let msg = format!("unknown question `{}`", crate::escape::excerpt(&qid));
            match suggest(&qid, pack.questions().iter().map(|q| q.id.as_str())) {
                Some(h) => d.error_hint(k.pos, msg, h),
                None => d.error(k.pos, msg),
            }
            continue;
        };
        match crate::pack::answer_from_node(&pack.questions()[q], v) {
            Ok(a) => answers.set(q, a),
            Err(e) => d.error(v.pos, format!("`{qid}`: {e}")),
        }
    }
    if !d.has_errors() {
        let eff = answers.effective(pack);
        for (k, _) in entries {
            let qid = k.scalar_text().unwrap_or_default();
            if let Some(q) = pack.question_index(&qid)
                && eff[q].is_none()
            {
                d.warning(
                    k.pos,
                    format!("`{qid}` is not asked with these answers, so it does not count"),
                );
            }
        }
    }
    answers
}
