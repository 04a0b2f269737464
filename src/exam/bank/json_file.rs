//! The JSON format: an array of questions,
//!
//! ```json
//! [{"block": 1, "topic": "files", "kind": "single",
//!   "stem_ar": "…", "stem_en": "…",
//!   "options": [{"ar": "…", "en": "…", "correct": true}, …],
//!   "status": "active"}]
//! ```
//!
//! `status` (`active` or `retired`) is optional and means active when left
//! out; `correct` is optional and means false. Unknown fields are ignored.

use serde::{Deserialize, Serialize};

use super::{Entry, QuestionError, RowError, finish, parse_status, status_word};
use crate::db::models::question::NewQuestion;

#[derive(Deserialize, Serialize)]
struct FileQuestion {
    /// Wider than the column, so that `"block": 7` is reported as a bad
    /// block rather than a malformed question.
    block: i64,
    topic: String,
    kind: String,
    stem_ar: String,
    stem_en: String,
    options: Vec<FileOption>,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct FileOption {
    ar: String,
    en: String,
    #[serde(default)]
    correct: bool,
}

/// Reads a JSON file of questions. Every question is checked; any error
/// refuses the whole file, with each question's 1-based position in the
/// array as its line (or the text line of a syntax error).
pub fn parse_json(text: &str) -> Result<Vec<Entry>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|err| {
        vec![RowError {
            line: err.line().max(1),
            reason: QuestionError::JsonSyntax,
        }]
    })?;
    let serde_json::Value::Array(items) = value else {
        return Err(vec![RowError {
            line: 1,
            reason: QuestionError::JsonNotArray,
        }]);
    };
    let mut entries = Vec::with_capacity(items.len());
    let mut positions = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let line = index + 1;
        let file: FileQuestion = match serde_json::from_value(item) {
            Ok(file) => file,
            Err(_) => {
                errors.push(RowError {
                    line,
                    reason: QuestionError::JsonShape,
                });
                continue;
            }
        };
        let Some(active) = parse_status(file.status.as_deref().unwrap_or("")) else {
            errors.push(RowError {
                line,
                reason: QuestionError::Status,
            });
            continue;
        };
        entries.push(Entry {
            question: NewQuestion {
                block: i32::try_from(file.block).unwrap_or(0),
                topic: file.topic,
                kind: file.kind,
                stem_ar: file.stem_ar,
                stem_en: file.stem_en,
                options: file
                    .options
                    .into_iter()
                    .map(|option| (option.ar, option.en, option.correct))
                    .collect(),
            },
            active,
        });
        positions.push(line);
    }
    finish(entries, &positions, errors)
}

/// Writes questions in the format [`parse_json`] reads, indented for people
/// reviewing the bank.
pub fn to_json(entries: &[Entry]) -> Result<String, serde_json::Error> {
    let questions: Vec<FileQuestion> = entries
        .iter()
        .map(|entry| {
            let q = &entry.question;
            FileQuestion {
                block: i64::from(q.block),
                topic: q.topic.clone(),
                kind: q.kind.clone(),
                stem_ar: q.stem_ar.clone(),
                stem_en: q.stem_en.clone(),
                options: q
                    .options
                    .iter()
                    .map(|(ar, en, correct)| FileOption {
                        ar: ar.clone(),
                        en: en.clone(),
                        correct: *correct,
                    })
                    .collect(),
                status: Some(status_word(entry.active).to_owned()),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&questions)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::bank::tests::single;

    #[test]
    fn export_then_import_gives_the_same_questions() {
        let mut retired = single();
        retired.stem_en = "Quoted \"text\", commas\nand lines".to_owned();
        let entries = vec![
            Entry {
                question: single(),
                active: true,
            },
            Entry {
                question: retired,
                active: false,
            },
        ];
        let text = to_json(&entries).expect("serializable");
        assert_eq!(parse_json(&text), Ok(entries));
    }

    #[test]
    fn every_bad_question_is_reported_by_its_position() {
        let text = r#"[
          {"block": 1, "topic": "files", "kind": "single", "stem_ar": "س", "stem_en": "Q",
           "options": [{"ar": "أ", "en": "A", "correct": true}, {"ar": "ب", "en": "B"}]},
          {"block": 7, "topic": "files", "kind": "single", "stem_ar": "س", "stem_en": "Q",
           "options": [{"ar": "أ", "en": "A", "correct": true}, {"ar": "ب", "en": "B"}]},
          {"block": 1, "topic": "files"},
          {"block": 1, "topic": "files", "kind": "single", "stem_ar": "س", "stem_en": "Q",
           "status": "gone", "options": []}
        ]"#;
        assert_eq!(
            parse_json(text),
            Err(vec![
                RowError {
                    line: 2,
                    reason: QuestionError::Block
                },
                RowError {
                    line: 3,
                    reason: QuestionError::JsonShape
                },
                RowError {
                    line: 4,
                    reason: QuestionError::Status
                },
            ])
        );
    }

    #[test]
    fn syntax_errors_name_their_line_and_other_shapes_are_refused() {
        assert_eq!(
            parse_json("[\n{\"block\": 1,\n oops}]"),
            Err(vec![RowError {
                line: 3,
                reason: QuestionError::JsonSyntax
            }])
        );
        assert_eq!(
            parse_json("{\"block\": 1}"),
            Err(vec![RowError {
                line: 1,
                reason: QuestionError::JsonNotArray
            }])
        );
        assert_eq!(
            parse_json("\u{feff}[]"),
            Err(vec![RowError {
                line: 1,
                reason: QuestionError::Empty
            }])
        );
    }
}
