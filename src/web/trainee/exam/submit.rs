//! `POST /attempts/{id}/submit`: finishes the attempt now. With questions
//! unanswered the form must say the trainee understands (`confirm=yes`);
//! otherwise the review comes back with the reason beside the box.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::{Texts, load, result_url, review, see_other};
use crate::auth::extractors::Trainee;
use crate::error::AppError;
use crate::ops::exam::attempts;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubmitForm {
    pub confirm: String,
}

/// Finishes now; submitting twice is harmless.
pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<SubmitForm>,
) -> Result<HttpResponse, AppError> {
    let (attempt_id, now) = (id.into_inner(), state.clock().now());
    if input.confirm != "yes" {
        let loaded = load(&state, attempt_id, trainee.id, Texts::None).await?;
        let left = review::unanswered(&loaded).len();
        if loaded.attempt.is_open() && left > 0 {
            let error = ctx.tn("exam-confirm-unanswered-needed", "count", left);
            return review::render(
                ctx,
                &loaded,
                now,
                Some(error),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    }
    let actor = audit_actor(&req, trainee.id);
    attempts::submit(&state.db, &actor, trainee.id, attempt_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(see_other(result_url(attempt_id)))
}
