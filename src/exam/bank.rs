//! The question bank's rules and file formats: what makes a question valid,
//! how questions are read from and written to CSV and JSON files, and the
//! bank shipped with the platform, seeded into an empty database.
//!
//! Everything here except [`seed_bank`] is pure, so the rules are tested
//! without a database or a server.

mod csv_file;
mod json_file;
mod rules;

use chrono::NaiveDateTime;

use crate::db::models::question::{NewQuestion, Question};
use crate::db::{DbConnection, DbError};

pub use csv_file::{parse_csv, to_csv};
pub use json_file::{parse_json, to_json};
pub use rules::{Kind, QuestionError, normalize, validate};

/// The bank shipped with the platform (a JSON array in the import format).
pub const SHIPPED_BANK: &str = include_str!("../db/seed/questions.json");

/// The syllabus blocks a question can belong to.
pub const BLOCKS: [i32; 3] = [1, 2, 3];
/// At most this many options per question (the CSV has this many columns).
pub const MAX_OPTIONS: usize = 6;
/// Longest stem, in characters, in each language.
pub const MAX_STEM_CHARS: usize = 500;
/// Longest option text, in characters, in each language.
pub const MAX_OPTION_CHARS: usize = 200;
/// Longest topic tag, in characters.
pub const MAX_TOPIC_CHARS: usize = 40;

/// A refused row of an imported file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowError {
    /// JSON: the question's 1-based position in the array (or the line of a
    /// syntax error); CSV: the file's line where the row starts (header = 1).
    pub line: usize,
    pub reason: QuestionError,
}

/// A question as a file holds it: the question and whether it is in use.
/// Exports carry the status so that a retired question stays retired when
/// the file is imported elsewhere; files written by hand may leave it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub question: NewQuestion,
    pub active: bool,
}

/// The status word files use.
pub fn status_word(active: bool) -> &'static str {
    if active { "active" } else { "retired" }
}

/// Reads a status word; an empty one means active.
fn parse_status(word: &str) -> Option<bool> {
    match word.trim() {
        "" | "active" => Some(true),
        "retired" => Some(false),
        _ => None,
    }
}

/// Normalizes and validates every parsed entry; `positions[i]` is the line
/// reported for entry `i`.
fn finish(
    mut entries: Vec<Entry>,
    positions: &[usize],
    mut errors: Vec<RowError>,
) -> Result<Vec<Entry>, Vec<RowError>> {
    for (entry, line) in entries.iter_mut().zip(positions) {
        errors.extend(
            normalize(&mut entry.question)
                .into_iter()
                .map(|reason| RowError {
                    line: *line,
                    reason,
                }),
        );
    }
    if errors.is_empty() && entries.is_empty() {
        errors.push(RowError {
            line: 1,
            reason: QuestionError::Empty,
        });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        errors.sort_by_key(|err| err.line);
        Err(errors)
    }
}

/// Adds the shipped bank to an empty `questions` table and returns how many
/// questions were added: 0 when the bank already has questions, so an
/// admin's deletions and imports are never undone by a restart.
pub fn seed_bank(conn: &mut DbConnection, now: NaiveDateTime) -> Result<usize, DbError> {
    lock_for_seeding(conn)?;
    if Question::count(conn)? > 0 {
        return Ok(0);
    }
    let entries = match parse_json(SHIPPED_BANK) {
        Ok(entries) => entries,
        Err(errors) => {
            // A unit test parses the shipped file, so this is a build that
            // skipped the tests; start without a bank rather than not at all.
            tracing::error!(?errors, "the shipped question bank is invalid");
            return Ok(0);
        }
    };
    for entry in &entries {
        let id = Question::insert(conn, &entry.question, None, now)?;
        if !entry.active {
            Question::set_active(conn, id, false)?;
        }
    }
    Ok(entries.len())
}

/// PostgreSQL: two instances starting together must not both find the bank
/// empty and seed it twice, so the first holds the table until it commits.
/// (On SQLite the write transaction already excludes other writers.)
fn lock_for_seeding(conn: &mut DbConnection) -> Result<(), DbError> {
    #[cfg(feature = "postgres")]
    if matches!(conn, DbConnection::Postgres(_)) {
        crate::db::execute_batch(conn, "LOCK TABLE questions IN SHARE ROW EXCLUSIVE MODE")?;
    }
    #[cfg(not(feature = "postgres"))]
    let _ = conn;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid one-answer question; tests change one field at a time.
    pub fn single() -> NewQuestion {
        NewQuestion {
            block: 1,
            topic: "files".to_owned(),
            kind: "single".to_owned(),
            stem_ar: "ما امتداد ملف مستند وورد؟".to_owned(),
            stem_en: "Which extension does a Word document have?".to_owned(),
            options: vec![
                (".docx".to_owned(), ".docx".to_owned(), true),
                (".xlsx".to_owned(), ".xlsx".to_owned(), false),
                (".mp3".to_owned(), ".mp3".to_owned(), false),
            ],
        }
    }

    #[test]
    fn the_shipped_bank_is_valid_and_large_enough_in_both_languages() {
        let entries = match parse_json(SHIPPED_BANK) {
            Ok(entries) => entries,
            Err(errors) => panic!("the shipped bank has errors: {errors:?}"),
        };
        for block in BLOCKS {
            let active: Vec<_> = entries
                .iter()
                .filter(|entry| entry.active && entry.question.block == block)
                .collect();
            assert!(
                active.len() >= 40,
                "block {block} has {} active questions",
                active.len()
            );
            for entry in active {
                let q = &entry.question;
                assert!(!q.stem_ar.is_empty() && !q.stem_en.is_empty());
                assert!(
                    q.options
                        .iter()
                        .all(|(ar, en, _)| !ar.is_empty() && !en.is_empty())
                );
            }
        }
    }
}
