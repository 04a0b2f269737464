//! A trainer cancels or moves one of their own future sessions, with a
//! reason shown to the class's trainees.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::auth::extractors::Trainer;
use crate::auth::flash;
use crate::db::db_now;
use crate::domain::time::{local_to_utc, parse_day, parse_time};
use crate::error::AppError;
use crate::ops::classes::sessions;
use crate::web::{AppState, audit_actor, urls};

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

/// Back to the dashboard with what happened (`None`: not their session).
fn back(
    state: &AppState,
    outcome: Option<Result<(), sessions::NotFuture>>,
    done: &'static str,
) -> Result<HttpResponse, AppError> {
    let key = match outcome.ok_or(AppError::NotFound)? {
        Ok(()) => done,
        Err(sessions::NotFuture) => "flash-session-not-future",
    };
    Ok(flash::redirect(&state.settings, urls::TRAINER_HOME, key))
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
    let actor = audit_actor(&req, trainer_id);
    let outcome = sessions::cancel(&state.db, &actor, trainer_id, session_id, reason, now).await?;
    back(&state, outcome, "flash-session-cancelled")
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
    let date = parse_day(&input.date).ok();
    let time = parse_time(&input.time).ok();
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
    let actor = audit_actor(&req, trainer_id);
    let outcome = sessions::move_to(
        &state.db, &actor, trainer_id, session_id, new_start, reason, now,
    )
    .await?;
    back(&state, outcome, "flash-session-moved")
}
