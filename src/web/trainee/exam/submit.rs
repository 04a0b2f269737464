//! `POST /attempts/{id}/submit`: finishes the attempt now.

use actix_web::{HttpRequest, HttpResponse, web};

use super::{result_url, see_other};
use crate::auth::extractors::Trainee;
use crate::error::AppError;
use crate::ops::exam::attempts;
use crate::web::{AppState, audit_actor};

/// Finishes now; submitting twice is harmless.
pub async fn submit(
    req: HttpRequest,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (attempt_id, now) = (id.into_inner(), state.clock().now());
    let actor = audit_actor(&req, trainee.id);
    attempts::submit(&state.db, &actor, trainee.id, attempt_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(see_other(result_url(attempt_id)))
}
