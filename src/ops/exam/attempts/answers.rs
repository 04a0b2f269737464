//! Saving answers: committed before acknowledged; stale and late saves
//! refused.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion, RowLock};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::exam;
use crate::exam::bank::Kind;

/// What happened to a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Stored; seconds left.
    Stored { remaining: i64 },
    /// A newer save was already stored; this one changed nothing.
    Stale { remaining: i64 },
    /// After the deadline and its grace period: refused.
    Late,
    /// The attempt has ended.
    Finished,
    /// The question or an option is not part of this attempt.
    Invalid,
}

/// One answer as the page sends it.
#[derive(Clone, Debug)]
pub struct AnswerInput {
    /// The question's 1-based position in the attempt.
    pub position: i32,
    /// The options' 1-based places in this attempt's order of the question
    /// (what the page shows); the answer is stored as option ids.
    pub selected: Vec<i32>,
    pub flagged: bool,
    /// The page's save counter: an older save never overwrites a newer one.
    pub seq: i64,
}

/// Saves an answer to `trainee_id`'s attempt `attempt_id`, committed before
/// it is acknowledged. `None` when the attempt is not the trainee's. Refuses
/// (see [`Saved`]) a save to an ended attempt, one past the deadline and its
/// grace period, a question or option not in the attempt, and several
/// options for a single-answer question; a stale save changes nothing.
pub async fn save(
    db: &Db,
    trainee_id: i32,
    attempt_id: i32,
    answer: AnswerInput,
    now: DateTime<Utc>,
) -> Result<Option<Saved>, DbError> {
    db.write_grouped(move |conn| {
        // Read the attempt under the lock that ending it needs exclusively:
        // if it is open here, it stays open until this save commits.
        Attempt::lock(conn, attempt_id, RowLock::Share)?;
        let Some(attempt) = Attempt::find_own(conn, attempt_id, trainee_id)? else {
            return Ok(None);
        };
        Ok(Some(store_answer(conn, &attempt, &answer, now)?))
    })
    .await
}

/// Stores one answer inside the caller's transaction.
fn store_answer(
    conn: &mut DbConnection,
    attempt: &Attempt,
    answer: &AnswerInput,
    now: DateTime<Utc>,
) -> Result<Saved, DbError> {
    let AnswerInput {
        position,
        ref selected,
        flagged,
        seq,
    } = *answer;
    let now_db = db_now(now);
    if !attempt.is_open() {
        return Ok(Saved::Finished);
    }
    if !exam::accepts_saves(attempt.deadline_at, now_db) {
        if !crate::ops::exam::outage::settled(conn, now_db)? {
            return Err(DbError::Recovering);
        }
        return Ok(Saved::Late);
    }
    let Some((question, kind)) = AttemptQuestion::at_with_kind(conn, attempt.id, position)? else {
        return Ok(Saved::Invalid);
    };
    let Some(chosen) = question.ids_at(selected) else {
        return Ok(Saved::Invalid);
    };
    let chosen: BTreeSet<i32> = chosen.into_iter().collect();
    if kind != Kind::Multiple && chosen.len() > 1 {
        return Ok(Saved::Invalid);
    }
    let text: Vec<String> = chosen.iter().map(ToString::to_string).collect();
    let stored = Answer::save(
        conn,
        attempt.id,
        question.question_id,
        &text.join(","),
        flagged,
        seq,
        now_db,
    )?;
    let remaining = exam::remaining_seconds(attempt.deadline_at, now_db);
    Ok(if stored {
        Saved::Stored { remaining }
    } else {
        Saved::Stale { remaining }
    })
}
