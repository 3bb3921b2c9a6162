//! Reading an answer from a YAML value: the one way defaults, tests, examples, answers
//! files and sessions read answers, so that none of them can disagree.

use super::{Answer, Choice, Kind, Question};
use crate::diag::suggest;
use crate::yaml::{Node, NodeKind};

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
            Some(h) => format!("unknown option `{}`; {h}", crate::escape::excerpt(s)),
            None => format!(
                "unknown option `{}`; the options are {}",
                crate::escape::excerpt(s),
                known.join(", ")
            ),
        }
    })
}

/// [`answer_from_node`] for a question of this kind.
pub(super) fn answer_for_kind(kind: &Kind, node: &Node) -> Result<Answer, String> {
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
