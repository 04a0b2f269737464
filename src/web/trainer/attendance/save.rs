//! Saving a session's marks: the form (`status_{enrollment_id}`, `all_present`,
//! `reason`) parsed into marks, then the marking operation.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};

use super::{Loaded, load, paths, render};
use crate::auth::flash;
use crate::domain::attendance::Mark;
use crate::error::AppError;
use crate::ops::attendance::marking::{self, MarkRefusal, Marker, Marking};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor};

/// The marks the form asks for, or `None` if one is not a mark or names a
/// place not seated in the class (refused, not dropped).
fn wanted(form: &HashMap<String, String>, loaded: &Loaded) -> Option<Vec<(i32, Mark)>> {
    let all_present = form.contains_key("all_present");
    let mut wanted = Vec::new();
    for (place, _) in &loaded.people {
        let submitted = form
            .get(&format!("status_{}", place.id))
            .map(|value| value.trim())
            .filter(|value| !value.is_empty());
        let mark = if all_present {
            Some(Mark::Present)
        } else {
            submitted.map(Mark::parse).transpose().ok().flatten()
        };
        if !all_present && submitted.is_some() && mark.is_none() {
            return None;
        }
        if let Some(mark) = mark {
            wanted.push((place.id, mark));
        }
    }
    let enrolled: Vec<i32> = loaded.people.iter().map(|(place, _)| place.id).collect();
    let stray = form
        .keys()
        .filter_map(|key| key.strip_prefix("status_"))
        .any(|id| id.parse::<i32>().map_or(true, |id| !enrolled.contains(&id)));
    (!stray).then_some(wanted)
}

/// The page again with why the marks were refused.
async fn refused(
    ctx: PageCtx,
    state: &AppState,
    session_id: i32,
    marker: Marker,
    refusal: MarkRefusal,
) -> Result<HttpResponse, AppError> {
    let (key, status) = match refusal {
        MarkRefusal::NotYet => ("attendance-not-yet", StatusCode::FORBIDDEN),
        MarkRefusal::Closed => ("attendance-closed", StatusCode::FORBIDDEN),
        MarkRefusal::ReasonRequired => ("flash-reason-required", StatusCode::UNPROCESSABLE_ENTITY),
        MarkRefusal::NotEnrolled => ("attendance-invalid", StatusCode::UNPROCESSABLE_ENTITY),
    };
    let problem = Some(ctx.t(key));
    render(ctx, state, session_id, marker, problem, status).await
}

/// Saves the marks of the session `session_id` (the trainer's or the
/// registrar's form), then back to the form with what changed.
pub(super) async fn save(
    req: HttpRequest,
    ctx: PageCtx,
    state: &AppState,
    session_id: i32,
    marker: Marker,
    form: HashMap<String, String>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let loaded = state
        .db
        .read(move |conn| Ok::<_, AppError>(load(conn, session_id, marker)?))
        .await?
        .ok_or(AppError::NotFound)?;
    // The page says why before anything in the form is looked at.
    if let Err(refusal) = marking::window(marker, &loaded.session, now) {
        return refused(ctx, state, session_id, marker, refusal).await;
    }
    let reason = form
        .get("reason")
        .map(|reason| reason.trim().to_owned())
        .unwrap_or_default();
    if matches!(marker, Marker::Registrar(_)) && reason.is_empty() {
        return refused(ctx, state, session_id, marker, MarkRefusal::ReasonRequired).await;
    }
    let Some(wanted) = wanted(&form, &loaded) else {
        return refused(ctx, state, session_id, marker, MarkRefusal::NotEnrolled).await;
    };
    let actor = audit_actor(&req, marker.user_id());
    let marking = Marking {
        session_id,
        marks: wanted,
        reason,
    };
    let changed = match marking::mark(&state.db, &actor, marker, marking, now)
        .await?
        .ok_or(AppError::NotFound)?
    {
        Ok(changed) => changed,
        Err(refusal) => return refused(ctx, state, session_id, marker, refusal).await,
    };
    let (action_url, _) = paths(marker, session_id);
    let key = if changed == 0 {
        "flash-attendance-unchanged"
    } else {
        "flash-attendance-saved"
    };
    Ok(flash::redirect(&state.settings, &action_url, key))
}
