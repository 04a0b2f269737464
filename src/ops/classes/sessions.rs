//! A trainer cancels or moves one of their own future sessions, with a
//! reason shown to the class's trainees; audited.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{is_future, moved_times};
use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::{Db, DbConnection, DbError};

/// Why a session could not be changed: it has started, or was cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFuture;

/// The session if it belongs to one of this trainer's classes.
fn own_session(
    conn: &mut DbConnection,
    session_id: i32,
    trainer_id: i32,
) -> Result<Option<ClassSession>, DbError> {
    let Some(session) = ClassSession::find(conn, session_id)? else {
        return Ok(None);
    };
    let owned = Cohort::find(conn, session.cohort_id)?
        .is_some_and(|cohort| cohort.trainer_id == Some(trainer_id));
    Ok(owned.then_some(session))
}

/// Cancels one of the trainer's sessions with a reason. `None` if the
/// session is not theirs; refused once it has started or if it is
/// cancelled already.
pub async fn cancel(
    db: &Db,
    actor: &Actor,
    trainer_id: i32,
    session_id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Option<Result<(), NotFuture>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Some(session) = own_session(conn, session_id, trainer_id)? else {
            return Ok(None);
        };
        if !is_future(&session, now) {
            return Ok(Some(Err(NotFuture)));
        }
        ClassSession::cancel(conn, session_id, &reason)?;
        let details = serde_json::json!({
            "reason": reason, "cohort": session.cohort_id, "starts_at": session.starts_at,
        });
        let event = actor.event(
            Action::SessionCancel,
            format!("session:{session_id}"),
            details,
        );
        audit::append(conn, &event, db_now(now))?;
        Ok(Some(Ok(())))
    })
    .await
}

/// Moves one of the trainer's sessions to start at `new_start` (UTC), the
/// same length, with a reason. `None` if the session is not theirs;
/// refused as for [`cancel`].
pub async fn move_to(
    db: &Db,
    actor: &Actor,
    trainer_id: i32,
    session_id: i32,
    new_start: NaiveDateTime,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Option<Result<(), NotFuture>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Some(session) = own_session(conn, session_id, trainer_id)? else {
            return Ok(None);
        };
        if !is_future(&session, now) {
            return Ok(Some(Err(NotFuture)));
        }
        let (starts, ends) = moved_times(&session, new_start);
        ClassSession::move_to(conn, &session, starts, ends, &reason)?;
        let details = serde_json::json!({
            "reason": reason, "cohort": session.cohort_id, "from": session.starts_at, "to": starts,
        });
        let event = actor.event(
            Action::SessionMove,
            format!("session:{session_id}"),
            details,
        );
        audit::append(conn, &event, db_now(now))?;
        Ok(Some(Ok(())))
    })
    .await
}
