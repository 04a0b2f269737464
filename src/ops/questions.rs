//! The question bank: adding, editing (a question an attempt drew gets a
//! new version instead) and importing questions; retiring, reactivating
//! and deleting go through [`crate::ops::retirement`].

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::question::{NewQuestion, Question};
use crate::db::{Db, DbConnection, DbError};
use crate::exam::bank::Entry;
use crate::ops::Actor;
use crate::ops::retirement::Retirable;

/// Adds a question and audits `question.create`; returns its id.
pub async fn create(
    db: &Db,
    actor: &Actor,
    question: NewQuestion,
    now: DateTime<Utc>,
) -> Result<i32, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let id = Question::insert(conn, &question, None, now)?;
        let details = serde_json::json!({
            "block": question.block,
            "topic": question.topic,
            "kind": question.kind,
            "stem_en": question.stem_en,
        });
        audit::append(
            conn,
            &actor.event(Action::QuestionCreate, format!("question:{id}"), details),
            now,
        )?;
        Ok(id)
    })
    .await
}

/// How saving a question's edit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Missing,
    InPlace,
    /// The id of the new version.
    Versioned(i32),
}

/// Saves an edit and audits `question.update`. A question no attempt has
/// drawn is changed in place; one that was drawn is retired and the edit
/// becomes its new version, so the attempt's record still shows what the
/// trainee saw. Refuses a missing question.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: i32,
    question: NewQuestion,
    now: DateTime<Utc>,
) -> Result<Saved, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let Some(old) = Question::find(conn, id)? else {
            return Ok(Saved::Missing);
        };
        // Checked here, not from the form's page: an attempt may have
        // drawn it since the form was loaded.
        let saved = if Question::used_in_attempt(conn, id)? {
            Saved::Versioned(new_version(conn, &old, &question, now)?)
        } else {
            Question::update_in_place(conn, id, &question)?;
            Saved::InPlace
        };
        let new_id = match saved {
            Saved::Versioned(new_id) => new_id,
            _ => id,
        };
        let details = serde_json::json!({
            "old_id": id,
            "new_id": new_id,
            "stem_en": question.stem_en,
        });
        audit::append(
            conn,
            &actor.event(Action::QuestionUpdate, format!("question:{id}"), details),
            now,
        )?;
        Ok(saved)
    })
    .await
}

/// Retires `old` and adds `new` as its next version, in `old`'s status (a
/// retired question's new version stays out of exams until reactivated).
fn new_version(
    conn: &mut DbConnection,
    old: &Question,
    new: &NewQuestion,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Question::set_active(conn, old.id, false)?;
    let id = Question::insert(conn, new, Some(old.id), now)?;
    if !old.active {
        Question::set_active(conn, id, false)?;
    }
    Ok(id)
}

/// Where an import came from, for its audit entry.
pub struct ImportFile {
    /// `csv` or `json`.
    pub format: &'static str,
    pub name: String,
}

/// Adds every entry of an already parsed file, all in one transaction,
/// and audits `question.import`; returns how many were added.
pub async fn import(
    db: &Db,
    actor: &Actor,
    entries: Vec<Entry>,
    file: ImportFile,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        for entry in &entries {
            let id = Question::insert(conn, &entry.question, None, now)?;
            if !entry.active {
                Question::set_active(conn, id, false)?;
            }
        }
        let details = serde_json::json!({
            "count": entries.len(),
            "format": file.format,
            "file": file.name,
        });
        audit::append(
            conn,
            &actor.event(Action::QuestionImport, "question-bank".to_owned(), details),
            now,
        )?;
        Ok(entries.len())
    })
    .await
}

impl Retirable for Question {
    const SUBJECT: &'static str = "question";
    const RETIRE: Action = Action::QuestionRetire;
    const REACTIVATE: Action = Action::QuestionReactivate;
    const DELETE: Action = Action::QuestionDelete;

    fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Self>, DbError> {
        Ok(Question::find(conn, id)?)
    }

    fn is_retired(&self) -> bool {
        !self.active
    }

    fn set_retired(
        conn: &mut DbConnection,
        id: i32,
        retired: bool,
        _now: NaiveDateTime,
    ) -> Result<(), DbError> {
        Question::set_active(conn, id, !retired)?;
        Ok(())
    }

    /// A question an attempt drew (or a later version points to) keeps
    /// the attempt's record whole: it can only be retired.
    fn delete_if_unused(conn: &mut DbConnection, id: i32) -> Result<bool, DbError> {
        Ok(Question::delete_if_unused(conn, id)?)
    }

    fn switch_details(&self) -> serde_json::Value {
        serde_json::json!({})
    }

    fn delete_details(&self, _conn: &mut DbConnection) -> Result<serde_json::Value, DbError> {
        Ok(serde_json::json!({
            "block": self.block,
            "topic": self.topic,
            "stem_en": self.stem_en,
        }))
    }
}
