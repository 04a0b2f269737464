//! Publishing a draft class, taking it back to draft, and cancelling it.

use actix_web::{HttpRequest, HttpResponse, web};

use super::{CancelForm, load};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::error::AppError;
use crate::ops::classes::{self, Publication};
use crate::web::{AppState, audit_actor, urls};

pub async fn publish(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_published(req, admin, state, id.into_inner(), true).await
}

pub async fn unpublish(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_published(req, admin, state, id.into_inner(), false).await
}

async fn set_published(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: i32,
    publish: bool,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let cohort = load(&state, id).await?.cohort;
    let cohort_id = cohort.id;
    let actor = audit_actor(&req, admin.id);
    let outcome = classes::set_published(&state.db, &actor, cohort_id, publish, now).await?;
    let flash = match (outcome, publish) {
        (Publication::Done, true) => "flash-cohort-published",
        (Publication::Done, false) => "flash-cohort-unpublished",
        (Publication::InUse, _) => "flash-cohort-in-use",
        (Publication::Unchanged, _) => "flash-cohort-status-unchanged",
    };
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::ADMIN_COHORT, cohort_id),
        flash,
    ))
}

pub async fn cancel(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<CancelForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let cohort = load(&state, id.into_inner()).await?.cohort;
    let back = urls::with_id(urls::ADMIN_COHORT, cohort.id);
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() {
        return Ok(flash::redirect(
            &state.settings,
            &back,
            "flash-reason-required",
        ));
    }
    let actor = audit_actor(&req, admin.id);
    let key = match classes::cancel_class(&state.db, &actor, cohort.id, reason, now).await? {
        Ok(_) => "flash-cohort-cancelled",
        Err(classes::AlreadyCancelled) => "flash-cohort-is-cancelled",
    };
    Ok(flash::redirect(&state.settings, &back, key))
}
