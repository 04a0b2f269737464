//! `POST /registrar/trainees/{id}/enroll` and
//! `POST /registrar/enrollments/{id}/move`: `cohort_id`, `reason`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::page::refuse;
use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::models::enrollment::Enrollment;
use crate::domain::enrollment::Refusal;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes::Placed;
use crate::ops::enrolment::registrar::{self, Placement};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlaceForm {
    pub cohort_id: String,
    pub reason: String,
}

fn problem_key(lang: Lang, reason_missing: bool, cohort_missing: bool) -> Option<String> {
    if cohort_missing {
        Some(lang.t("registrar-choose-class"))
    } else if reason_missing {
        Some(lang.t("registrar-reason-required"))
    } else {
        None
    }
}

/// The trainee's page with what happened: a flash, a 409 with the seat
/// rules' refusal, or a 404.
async fn placed(
    ctx: PageCtx,
    state: &AppState,
    trainee_id: i32,
    outcome: Option<Result<Placed, Refusal>>,
    done: &'static str,
) -> Result<HttpResponse, AppError> {
    match outcome.ok_or(AppError::NotFound)? {
        Ok(_) => Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id),
            done,
        )),
        Err(refusal) => {
            let problem = ctx.t(refusal.key());
            refuse(ctx, state, trainee_id, problem, StatusCode::CONFLICT).await
        }
    }
}

pub async fn enroll(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (id.into_inner(), state.clock().now());
    let reason = input.reason.trim().to_owned();
    let cohort_id = input.cohort_id.trim().parse::<i32>().ok();
    if let Some(problem) = problem_key(ctx.lang, reason.is_empty(), cohort_id.is_none()) {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return refuse(ctx, &state, trainee_id, problem, status).await;
    }
    let placement = Placement {
        cohort_id: cohort_id.unwrap_or_default(),
        reason,
    };
    let actor = audit_actor(&req, registrar.id);
    let outcome = registrar::place(&state.db, &actor, trainee_id, placement, now).await?;
    placed(ctx, &state, trainee_id, outcome, "flash-registrar-enrolled").await
}

/// Moves an active place to another class of the same course: the old
/// seat goes to that class's wait-list, the new class's seat rules apply,
/// and nothing changes if they refuse.
pub async fn move_enrollment(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let (place_id, now) = (id.into_inner(), state.clock().now());
    let place = state
        .db
        .read(move |conn| Ok::<_, AppError>(Enrollment::find(conn, place_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let trainee_id = place.trainee_id;
    let reason = input.reason.trim().to_owned();
    let target = input
        .cohort_id
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|target| *target != place.cohort_id);
    if let Some(problem) = problem_key(ctx.lang, reason.is_empty(), target.is_none()) {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return refuse(ctx, &state, trainee_id, problem, status).await;
    }
    let placement = Placement {
        cohort_id: target.unwrap_or_default(),
        reason,
    };
    let actor = audit_actor(&req, registrar.id);
    let outcome = registrar::move_place(&state.db, &actor, place_id, placement, now).await?;
    placed(ctx, &state, trainee_id, outcome, "flash-registrar-moved").await
}
