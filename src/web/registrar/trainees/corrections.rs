//! A registrar's corrections on a trainee's page, each with a reason:
//! `POST /registrar/enrollments/{id}/eligibility` (`eligible`, `reason`)
//! and `POST /registrar/trainees/{id}/accommodation` (`extra_percent`,
//! `note`, `reason`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::page::refuse;
use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::models::enrollment::Enrollment;
use crate::error::AppError;
use crate::ops::attendance::marking::{self, EligibilityDecision};
use crate::ops::people::trainees::{self, Accommodation};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EligibilityForm {
    /// `1` eligible, `0` not eligible.
    pub eligible: String,
    pub reason: String,
}

/// A registrar's override of the attendance rule for one place, with a
/// reason; audited.
pub async fn override_eligibility(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<EligibilityForm>,
) -> Result<HttpResponse, AppError> {
    let (place_id, now) = (id.into_inner(), state.clock().now());
    let place = state
        .db
        .read(move |conn| Ok::<_, AppError>(Enrollment::find(conn, place_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let reason = input.reason.trim().to_owned();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let eligible = match input.eligible.trim() {
        "1" => true,
        "0" => false,
        _ => {
            let problem = ctx.t("choice-invalid");
            return refuse(ctx, &state, place.trainee_id, problem, status).await;
        }
    };
    if reason.is_empty() {
        let problem = ctx.t("registrar-reason-required");
        return refuse(ctx, &state, place.trainee_id, problem, status).await;
    }
    let decision = EligibilityDecision {
        enrollment_id: place_id,
        eligible,
        reason,
    };
    let actor = audit_actor(&req, registrar.id);
    marking::override_eligibility(&state.db, &actor, registrar.id, decision, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::REGISTRAR_TRAINEE, place.trainee_id),
        "flash-eligibility-saved",
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccommodationForm {
    /// Extra exam time, percent of the duration (0–100).
    pub extra_percent: String,
    pub note: String,
    pub reason: String,
}

/// The accommodation the form asks for, or the catalogue key of its problem.
fn accommodation(input: &AccommodationForm) -> Result<Accommodation, &'static str> {
    let percent = input
        .extra_percent
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|percent| trainees::EXTRA_PERCENT.contains(percent));
    let note = input.note.trim().to_owned();
    let reason = input.reason.trim().to_owned();
    let Some(extra_percent) = percent else {
        return Err("accommodation-percent-range");
    };
    if note.chars().count() > trainees::NOTE_MAX_CHARS {
        return Err("field-too-long");
    }
    if reason.is_empty() {
        return Err("registrar-reason-required");
    }
    Ok(Accommodation {
        extra_percent,
        note,
        reason,
    })
}

/// Sets a trainee's accommodation (extra exam time and a note for the
/// trainer), with a reason; audited.
pub async fn set_accommodation(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<AccommodationForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (id.into_inner(), state.clock().now());
    let accommodation = match accommodation(&input) {
        Ok(accommodation) => accommodation,
        Err(key) => {
            let (problem, status) = (ctx.t(key), StatusCode::UNPROCESSABLE_ENTITY);
            return refuse(ctx, &state, trainee_id, problem, status).await;
        }
    };
    let actor = audit_actor(&req, registrar.id);
    trainees::set_accommodation(&state.db, &actor, trainee_id, accommodation, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id),
        "flash-accommodation-saved",
    ))
}
