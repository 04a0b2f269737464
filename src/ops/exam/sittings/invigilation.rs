//! What a trainer does to one attempt during their sitting: adds minutes
//! or ends it for an irregularity, both with a reason.

use chrono::{DateTime, Utc};

use super::own_sitting;
use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::exam::Attempt;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::exam;

/// The attempt acted on, and why.
#[derive(Clone, Debug)]
pub struct AttemptAction {
    pub sitting_id: i32,
    /// As sent; `None` (not a number) finds no attempt.
    pub attempt_id: Option<i32>,
    pub reason: String,
}

/// Why an action on an attempt was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptRefusal {
    ReasonRequired,
    /// The attempt has ended already.
    NotOpen,
    /// The minutes are outside [`exam::EXTENSION_MINUTES`].
    BadMinutes,
}

impl AttemptRefusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::ReasonRequired => "flash-reason-required",
            Self::NotOpen => "flash-attempt-not-open",
            Self::BadMinutes => "flash-minutes-invalid",
        }
    }
}

type Acted = Option<Result<(), AttemptRefusal>>;

/// The open attempt acted on: `None` if the sitting is not the trainer's or
/// the attempt is not in it; refused without a reason or once it has ended.
fn open_attempt(
    conn: &mut DbConnection,
    trainer_id: i32,
    action: &AttemptAction,
) -> Result<Option<Result<Attempt, AttemptRefusal>>, DbError> {
    let Some((sitting, _)) = own_sitting(conn, action.sitting_id, trainer_id)? else {
        return Ok(None);
    };
    if action.reason.trim().is_empty() {
        return Ok(Some(Err(AttemptRefusal::ReasonRequired)));
    }
    let attempt = match action.attempt_id {
        Some(id) => Attempt::find(conn, id)?.filter(|a| a.sitting_id == sitting.id),
        None => None,
    };
    let Some(attempt) = attempt else {
        return Ok(None);
    };
    if !attempt.is_open() {
        return Ok(Some(Err(AttemptRefusal::NotOpen)));
    }
    Ok(Some(Ok(attempt)))
}

/// Adds `minutes` (see [`exam::extension`]) to an open attempt of the
/// trainer's sitting, audited with the reason. `None` if the sitting is
/// not theirs or the attempt not in it; refused without a reason, for an
/// attempt that has ended, or for minutes out of range.
pub async fn extend(
    db: &Db,
    actor: &Actor,
    trainer_id: i32,
    action: AttemptAction,
    minutes: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Acted, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let attempt = match open_attempt(conn, trainer_id, &action)? {
            Some(Ok(attempt)) => attempt,
            Some(Err(refusal)) => return Ok(Some(Err(refusal))),
            None => return Ok(None),
        };
        let Some(minutes) = exam::extension(minutes) else {
            return Ok(Some(Err(AttemptRefusal::BadMinutes)));
        };
        Attempt::extend(conn, &attempt, minutes)?;
        let details = serde_json::json!({
            "attempt": attempt.id, "minutes": minutes, "reason": action.reason.trim(),
        });
        let subject = format!("sitting:{}", action.sitting_id);
        audit::append(
            conn,
            &actor.event(Action::AttemptExtend, subject, details),
            db_now(now),
        )?;
        Ok(Some(Ok(())))
    })
    .await
}

/// Ends an open attempt of the trainer's sitting for an irregularity: it is
/// scored as it stands and counts as terminated; audited with the reason.
/// `None` and refusals as for [`extend`].
pub async fn terminate(
    db: &Db,
    actor: &Actor,
    trainer_id: i32,
    action: AttemptAction,
    now: DateTime<Utc>,
) -> Result<Acted, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let attempt = match open_attempt(conn, trainer_id, &action)? {
            Some(Ok(attempt)) => attempt,
            Some(Err(refusal)) => return Ok(Some(Err(refusal))),
            None => return Ok(None),
        };
        let reason = action.reason.trim();
        let status = exam::AttemptStatus::Terminated;
        crate::ops::exam::attempts::finish(conn, &attempt, status, Some(reason), now)?;
        let details = serde_json::json!({ "attempt": attempt.id, "reason": reason });
        let subject = format!("sitting:{}", action.sitting_id);
        audit::append(
            conn,
            &actor.event(Action::AttemptTerminate, subject, details),
            db_now(now),
        )?;
        Ok(Some(Ok(())))
    })
    .await
}
