//! The exam's settings: duration, pass mark, blueprint, re-sit delay and
//! maximum attempts. Each change is a new settings row: attempts already
//! started keep the rules they started under.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::exam::{ExamSettings, NewExamSettings};
use crate::db::models::question::Question;
use crate::db::{Db, DbError};
use crate::domain::blueprint::first_shortfall;
use crate::ops::Actor;

/// New exam settings, each already checked against its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExamRules {
    pub duration_minutes: i32,
    pub pass_percent: i32,
    /// Questions drawn from blocks 1, 2 and 3.
    pub blocks: [i32; 3],
    pub resit_hours: i32,
    pub max_attempts: i32,
}

/// A block asks for more questions than it has active ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortfall {
    /// 1, 2 or 3.
    pub block: usize,
    /// Its active questions.
    pub held: i64,
}

/// Stores `rules` as the settings from now on and audits `exam.settings`.
/// Refuses a blueprint the active bank cannot fill (checked again here, as
/// a question may have been retired since the form was checked).
pub async fn save(
    db: &Db,
    actor: &Actor,
    rules: ExamRules,
    now: DateTime<Utc>,
) -> Result<Result<i32, Shortfall>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let active = Question::active_per_block(conn)?;
        if let Some((block, held)) = first_shortfall(rules.blocks, active) {
            return Ok(Err(Shortfall { block, held }));
        }
        let id = ExamSettings::insert(
            conn,
            &NewExamSettings {
                duration_minutes: rules.duration_minutes,
                pass_percent: rules.pass_percent,
                block1_questions: rules.blocks[0],
                block2_questions: rules.blocks[1],
                block3_questions: rules.blocks[2],
                resit_hours: rules.resit_hours,
                max_attempts: rules.max_attempts,
                created_by: actor.id,
                created_at: now,
            },
        )?;
        let details = serde_json::json!({
            "duration_minutes": rules.duration_minutes,
            "pass_percent": rules.pass_percent,
            "blocks": rules.blocks,
            "resit_hours": rules.resit_hours,
            "max_attempts": rules.max_attempts,
        });
        audit::append(
            conn,
            &actor.event(Action::ExamSettings, "exam".to_owned(), details),
            now,
        )?;
        Ok(Ok(id))
    })
    .await
}
