//! Reading one typed line as what the user meant: a command, or an answer to the
//! question shown. Nothing here changes state; the caller turns the result into events.

use crate::pack::{Answer, Kind, Question};

/// What one line of input asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// An empty line: keep the answer shown (the one given, or the default).
    Keep,
    /// `b`: go back one step.
    Back,
    /// `?`: print the longer help.
    Help,
    /// `f`: finish now, every question left taking its current answer or default.
    Finish,
    /// An answer to the question shown.
    Answer(Answer),
}

/// Read `text` as typed at `question`. The error says what would have been understood.
pub fn question_line(question: &Question, text: &str) -> Result<Line, String> {
    if let Some(cmd) = command(text) {
        return Ok(cmd);
    }
    let text = text.trim();
    match &question.kind {
        Kind::Single { options } => choice(text, options.len(), |t| {
            options
                .iter()
                .position(|c| c.id.eq_ignore_ascii_case(t) || c.label.eq_ignore_ascii_case(t))
        })
        .map(|i| Line::Answer(Answer::Choice(i))),
        Kind::Multiple { options, min, .. } => {
            if matches!(text.to_ascii_lowercase().as_str(), "none" | "0") {
                return match *min {
                    0 => Ok(Line::Answer(Answer::Choices(Vec::new()))),
                    1 => Err("this question needs at least one choice; type its number, \
                              or several separated by commas"
                        .to_string()),
                    n => Err(format!(
                        "this question needs at least {n} choices; type their numbers \
                         separated by commas"
                    )),
                };
            }
            let mut picked = Vec::new();
            for token in text
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|t| !t.is_empty())
            {
                let i = choice(token, options.len(), |t| {
                    options.iter().position(|c| c.id.eq_ignore_ascii_case(t))
                })?;
                if !picked.contains(&i) {
                    picked.push(i);
                }
            }
            picked.sort_unstable();
            Ok(Line::Answer(Answer::Choices(picked)))
        }
        Kind::Number { min, max, .. } => {
            let digits: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
            digits
                .parse::<i64>()
                .map(|n| Line::Answer(Answer::Number(n)))
                .map_err(|_| {
                    format!(
                        "type a whole number from {} to {}",
                        crate::figures::grouped(*min),
                        crate::figures::grouped(*max)
                    )
                })
        }
        Kind::YesNo => match text.to_ascii_lowercase().as_str() {
            "y" | "yes" | "true" => Ok(Line::Answer(Answer::Bool(true))),
            "n" | "no" | "false" => Ok(Line::Answer(Answer::Bool(false))),
            _ => Err("type yes or no (or y or n)".to_string()),
        },
    }
}

/// What the review step understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewLine {
    /// An empty line: show the recommendation.
    Confirm,
    /// `b`: back to the last question.
    Back,
    /// `?`: say what can be typed here.
    Help,
    /// A number from the review list: change that answer (1-based position).
    Change(usize),
}

/// Read `text` as typed at the review of `count` answers.
pub fn review_line(text: &str, count: usize) -> Result<ReviewLine, String> {
    match command(text) {
        Some(Line::Keep | Line::Finish) => Ok(ReviewLine::Confirm),
        Some(Line::Back) => Ok(ReviewLine::Back),
        Some(Line::Help) => Ok(ReviewLine::Help),
        _ => choice(text.trim(), count, |_| None).map(|i| ReviewLine::Change(i + 1)),
    }
}

/// The commands understood at every step.
fn command(text: &str) -> Option<Line> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" => Some(Line::Keep),
        "b" | "back" => Some(Line::Back),
        "?" | "h" | "help" => Some(Line::Help),
        "f" | "finish" => Some(Line::Finish),
        _ => None,
    }
}

/// A 1-based number among `count` choices (or a name `by_name` knows), as a 0-based index.
fn choice(
    text: &str,
    count: usize,
    by_name: impl Fn(&str) -> Option<usize>,
) -> Result<usize, String> {
    let range = || format!("type a number from 1 to {count}");
    match text.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
        Ok(_) => Err(format!("there is no choice {text}; {}", range())),
        Err(_) => by_name(text).ok_or_else(|| format!("`{text}` is not understood; {}", range())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Choice;

    fn question(kind: Kind) -> Question {
        Question {
            id: "q".into(),
            section: 0,
            prompt: "Q?".into(),
            help: "h".into(),
            details: None,
            default: Answer::Bool(false),
            kind,
            when: None,
            what_if: true,
        }
    }

    fn options(n: usize) -> Vec<Choice> {
        (0..n)
            .map(|i| Choice {
                id: format!("o{i}").into(),
                label: format!("Option {i}").into(),
                help: None,
            })
            .collect()
    }

    #[test]
    fn multiple_choice_takes_spaces_or_commas_and_ignores_repeats() {
        let q = question(Kind::Multiple {
            options: options(4),
            min: 0,
            max: 4,
        });
        for typed in ["1 3", "1,3", "3, 1", " 1  3 1 "] {
            assert_eq!(
                question_line(&q, typed),
                Ok(Line::Answer(Answer::Choices(vec![0, 2]))),
                "{typed}"
            );
        }
        assert_eq!(
            question_line(&q, "none"),
            Ok(Line::Answer(Answer::Choices(vec![])))
        );
        assert!(question_line(&q, "1 9").is_err());
    }

    #[test]
    fn none_where_a_choice_is_needed_says_so() {
        let q = question(Kind::Multiple {
            options: options(4),
            min: 1,
            max: 4,
        });
        for typed in ["none", "NONE", "0"] {
            let e = question_line(&q, typed).unwrap_err();
            assert!(e.contains("needs at least one choice"), "{typed}: {e}");
            assert!(!e.contains("not understood"), "{e}");
        }
    }

    #[test]
    fn single_choice_takes_a_number_an_id_or_a_label() {
        let q = question(Kind::Single {
            options: options(3),
        });
        assert_eq!(question_line(&q, "2"), Ok(Line::Answer(Answer::Choice(1))));
        assert_eq!(question_line(&q, "O2"), Ok(Line::Answer(Answer::Choice(2))));
        assert_eq!(
            question_line(&q, "option 0"),
            Ok(Line::Answer(Answer::Choice(0)))
        );
        assert!(question_line(&q, "0").is_err());
        assert!(question_line(&q, "99999999999999999999999").is_err());
    }

    #[test]
    fn commands_win_over_answers() {
        let q = question(Kind::YesNo);
        assert_eq!(question_line(&q, "  "), Ok(Line::Keep));
        assert_eq!(question_line(&q, "B"), Ok(Line::Back));
        assert_eq!(question_line(&q, "?"), Ok(Line::Help));
        assert_eq!(question_line(&q, "f"), Ok(Line::Finish));
        assert_eq!(
            question_line(&q, "Yes"),
            Ok(Line::Answer(Answer::Bool(true)))
        );
        assert!(question_line(&q, "maybe").is_err());
    }

    #[test]
    fn numbers_may_group_digits() {
        let q = question(Kind::Number {
            min: 0,
            max: 100_000,
            step: 1,
            unit: None,
            unit_one: None,
        });
        assert_eq!(
            question_line(&q, "12,000"),
            Ok(Line::Answer(Answer::Number(12_000)))
        );
        assert!(question_line(&q, "twelve").is_err());
    }

    #[test]
    fn review_takes_enter_back_or_a_number() {
        assert_eq!(review_line("", 3), Ok(ReviewLine::Confirm));
        assert_eq!(review_line("b", 3), Ok(ReviewLine::Back));
        assert_eq!(review_line("2", 3), Ok(ReviewLine::Change(2)));
        assert!(review_line("4", 3).is_err());
    }
}
