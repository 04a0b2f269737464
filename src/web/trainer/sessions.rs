//! A trainer cancels or moves one of their own future sessions, with a
//! reason shown to the class's trainees.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::auth::extractors::Trainer;
use crate::auth::flash;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::{DbConnection, DbError};
use crate::domain::schedule::local_to_utc;
use crate::error::AppError;
use crate::ops::classes;
use crate::web::{AppState, audit_event, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    /// New local date `YYYY-MM-DD` and start time `HH:MM`.
    pub date: String,
    pub time: String,
    pub reason: String,
}

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

enum Outcome {
    Done,
    NotFuture,
}

pub async fn cancel(
    req: HttpRequest,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<CancelForm>,
) -> Result<HttpResponse, AppError> {
    let (session_id, trainer_id, now) = (id.into_inner(), trainer.id, state.clock().now());
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() {
        return Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-reason-required",
        ));
    }
    let mut event = audit_event(
        &req,
        Some(trainer_id),
        "session.cancel",
        format!("session:{session_id}"),
        serde_json::json!({ "reason": reason }),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let Some(session) = own_session(conn, session_id, trainer_id)? else { return Ok(None) };
            if !classes::is_future(&session, now) {
                return Ok(Some(Outcome::NotFuture));
            }
            ClassSession::cancel(conn, session_id, &reason)?;
            event.details = serde_json::json!({ "reason": reason, "cohort": session.cohort_id, "starts_at": session.starts_at });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(Some(Outcome::Done))
        })
        .await?;
    match outcome.ok_or(AppError::NotFound)? {
        Outcome::Done => Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-session-cancelled",
        )),
        Outcome::NotFuture => Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-session-not-future",
        )),
    }
}

pub async fn move_session(
    req: HttpRequest,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let (session_id, trainer_id, now) = (id.into_inner(), trainer.id, state.clock().now());
    let reason = input.reason.trim().to_owned();
    let date = NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d").ok();
    let time = NaiveTime::parse_from_str(input.time.trim(), "%H:%M").ok();
    let (Some(date), Some(time)) = (date, time) else {
        return Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-move-invalid",
        ));
    };
    if reason.is_empty() {
        return Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-reason-required",
        ));
    }
    let new_start = local_to_utc(date, time);
    if new_start <= db_now(now) {
        return Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-move-invalid",
        ));
    }
    let mut event = audit_event(
        &req,
        Some(trainer_id),
        "session.move",
        format!("session:{session_id}"),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let Some(session) = own_session(conn, session_id, trainer_id)? else { return Ok(None) };
            if !classes::is_future(&session, now) {
                return Ok(Some(Outcome::NotFuture));
            }
            let (starts, ends) = classes::moved_times(&session, new_start);
            ClassSession::move_to(conn, &session, starts, ends, &reason)?;
            event.details = serde_json::json!({ "reason": reason, "cohort": session.cohort_id, "from": session.starts_at, "to": starts });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(Some(Outcome::Done))
        })
        .await?;
    match outcome.ok_or(AppError::NotFound)? {
        Outcome::Done => Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-session-moved",
        )),
        Outcome::NotFuture => Ok(flash::redirect(
            &state.settings,
            urls::TRAINER_HOME,
            "flash-session-not-future",
        )),
    }
}
