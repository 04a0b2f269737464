//! `POST /attempts/{id}/answers`: saves one answer, committed before it is
//! acknowledged; as JSON for the page's script, or a redirect to the next
//! question without JavaScript.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::{attempt_url, see_other};
use crate::auth::extractors::Trainee;
use crate::db::models::exam::AttemptQuestion;
use crate::error::AppError;
use crate::ops::exam::attempts::{self, AnswerInput, Saved};
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

/// The save form: `q`, `option` (repeatable: the options' places as the
/// page numbers them), `flag`, `seq`, and where to go next (`go`: `next`,
/// `prev`, `review` or a position).
#[derive(Debug, Default)]
struct SaveForm {
    q: Option<i32>,
    options: Vec<i32>,
    bad_option: bool,
    flag: bool,
    seq: Option<i64>,
    go: String,
}

/// The save form as submitted: every field as text, `option` once per
/// ticked box.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SubmittedSave {
    q: String,
    option: Vec<String>,
    flag: String,
    seq: String,
    go: String,
}

/// A body that is not a form, or whose options are not numbers, is marked
/// `bad_option` and refused as a whole.
fn parse_save(body: &[u8]) -> SaveForm {
    let Ok(submitted) = serde_html_form::from_bytes::<SubmittedSave>(body) else {
        return SaveForm {
            bad_option: true,
            ..SaveForm::default()
        };
    };
    let options: Result<Vec<i32>, _> = submitted
        .option
        .iter()
        .map(|place| place.trim().parse())
        .collect();
    SaveForm {
        q: submitted.q.trim().parse().ok(),
        bad_option: options.is_err(),
        options: options.unwrap_or_default(),
        flag: submitted.flag.trim() == "1",
        seq: submitted.seq.trim().parse().ok(),
        go: submitted.go,
    }
}

fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// Where the form's `go` leads from question `position` of `total`.
fn next_target(go: &str, attempt_id: i32, position: i32, total: i32) -> String {
    let question = |q: i32| format!("{}?q={q}", attempt_url(attempt_id));
    match go {
        "review" => urls::with_id(urls::ATTEMPT_REVIEW, attempt_id),
        "prev" => question((position - 1).max(1)),
        "next" | "" => question((position + 1).min(total)),
        other => question(other.parse::<i32>().unwrap_or(position).clamp(1, total)),
    }
}

/// Saves one answer; committed before the answer is acknowledged.
pub async fn save(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let (attempt_id, trainee_id, now) = (id.into_inner(), trainee.id, state.clock().now());
    let form = parse_save(&body);
    let json = wants_json(&req);
    let (Some(position), Some(seq), false) = (form.q, form.seq, form.bad_option) else {
        return Ok(refusal(json, StatusCode::BAD_REQUEST, "invalid", &ctx));
    };
    let answer = AnswerInput {
        position,
        selected: form.options.clone(),
        flagged: form.flag,
        seq,
    };
    let outcome = attempts::save(&state.db, trainee_id, attempt_id, answer, now)
        .await?
        .ok_or(AppError::NotFound)?;
    match outcome {
        Saved::Stored { remaining } | Saved::Stale { remaining } if json => Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({
                "saved": true,
                "stale": matches!(outcome, Saved::Stale { .. }),
                "seq": seq,
                "remaining_seconds": remaining,
            }))),
        Saved::Stored { .. } | Saved::Stale { .. } => {
            let total = state
                .db
                .read(move |conn| {
                    Ok::<_, AppError>(AttemptQuestion::of_attempt(conn, attempt_id)?.len())
                })
                .await?;
            let total = i32::try_from(total).unwrap_or(1);
            Ok(see_other(next_target(
                &form.go, attempt_id, position, total,
            )))
        }
        Saved::Late | Saved::Finished => Ok(refusal(json, StatusCode::CONFLICT, "late", &ctx)),
        Saved::Invalid => Ok(refusal(json, StatusCode::BAD_REQUEST, "invalid", &ctx)),
    }
}

/// A refused save, as JSON for the script or as a short page.
fn refusal(json: bool, status: StatusCode, reason: &str, ctx: &PageCtx) -> HttpResponse {
    let message = ctx.t(if reason == "late" {
        "exam-save-late"
    } else {
        "exam-save-invalid"
    });
    if json {
        HttpResponse::build(status)
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({ "saved": false, "reason": reason, "message": message }))
    } else {
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(crate::web::errors::render_message(
                ctx.clone(),
                status,
                &message,
            ))
    }
}
