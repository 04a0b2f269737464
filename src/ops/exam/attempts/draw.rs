//! Drawing an attempt's questions by the blueprint, and the order in which
//! each question's options are shown.

use std::collections::HashMap;

use rand::Rng;

use crate::db::models::exam::{AttemptQuestion, ExamSettings};
use crate::db::models::question::{Question, QuestionOption};
use crate::db::{DbConnection, DbError};
use crate::domain::exam;
use crate::exam::bank::Kind;

/// The active questions drawn for a new attempt by the blueprint; `None`
/// when a block has too few.
pub(super) fn questions(
    conn: &mut DbConnection,
    settings: &ExamSettings,
    rng: &mut impl Rng,
) -> Result<Option<Vec<i32>>, DbError> {
    let available = [
        Question::active_ids(conn, 1)?,
        Question::active_ids(conn, 2)?,
        Question::active_ids(conn, 3)?,
    ];
    Ok(exam::draw(&available, settings.per_block(), rng).ok())
}

/// Stores the drawn questions of attempt `id` in order, each with its
/// options shuffled.
pub(super) fn store(
    conn: &mut DbConnection,
    id: i32,
    drawn: &[i32],
    rng: &mut impl Rng,
) -> Result<(), DbError> {
    let mut options: HashMap<i32, Vec<i32>> = HashMap::new();
    for option in QuestionOption::of_questions(conn, drawn)? {
        options
            .entry(option.question_id)
            .or_default()
            .push(option.id);
    }
    let kinds: HashMap<i32, Kind> = Question::by_ids(conn, drawn)?
        .into_iter()
        .map(|q| (q.id, q.kind))
        .collect();
    for (position, question_id) in (1..).zip(drawn) {
        let ids = options.get(question_id).cloned().unwrap_or_default();
        // The page names each option by its place in this order, so the
        // order is all a trainee can see of the options besides their text.
        // True/false keeps its natural order (True, False): there the place
        // says which label, not which is right.
        let order = if kinds.get(question_id) == Some(&Kind::TrueFalse) {
            ids
        } else {
            exam::shuffled(&ids, rng)
        };
        let order: Vec<String> = order.iter().map(ToString::to_string).collect();
        AttemptQuestion::insert(conn, id, position, *question_id, &order.join(","))?;
    }
    Ok(())
}
