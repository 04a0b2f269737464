//! `GET /me/exam`: the rules, the trainee's own time and past results;
//! `POST /me/exam`: start (or return to) the attempt with the sitting's PIN.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{attempt_url, page, see_other};
use crate::auth::extractors::Trainee;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Attempt, ExamSettings};
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::attendance::Standing;
use crate::domain::exam::StartRefusal;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::ops::exam::attempts::{self, Started};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};
use chrono::{DateTime, Utc};

#[derive(Template)]
#[template(path = "trainee/exam.html")]
pub struct ExamPage {
    pub ctx: PageCtx,
    pub settings: ExamSettings,
    pub extra_percent: i32,
    pub extra_minutes: i32,
    pub problem: Option<String>,
    /// Why no PIN would start the exam now (not eligible, no sitting open,
    /// attempts used, passed, the re-sit wait); `None`: the PIN form.
    pub blocked: Option<String>,
    /// The newest class's attendance standing, when that is the reason.
    pub standing: Option<Standing>,
    pub open_attempt: Option<i32>,
    pub results: Vec<(i32, String, i32, bool)>,
}

impl ExamPage {
    pub fn attempt_url(&self, id: &i32) -> String {
        attempt_url(*id)
    }

    pub fn result_url(&self, id: &i32) -> String {
        urls::with_id(urls::ATTEMPT_RESULT, *id)
    }
}

/// A finished attempt as the page lists it: id, when, score, passed.
fn result_line(attempt: &Attempt) -> (i32, String, i32, bool) {
    let when = attempt
        .finished_at
        .map(|at| utc_to_local(at).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    (
        attempt.id,
        when,
        attempt.score_percent.unwrap_or(0),
        attempt.passed == Some(true),
    )
}

/// The attendance standing in the trainee's newest class with a seat.
fn newest_standing(
    conn: &mut DbConnection,
    trainee_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<Standing>, DbError> {
    let newest = Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status.is_seated())
        .max_by_key(|place| place.id);
    newest
        .map(|place| crate::ops::attendance::standing_of(conn, place.cohort_id, place.id, now))
        .transpose()
}

async fn exam_page(
    ctx: PageCtx,
    state: &AppState,
    trainee_id: i32,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let (settings, user, mine, blocked, standing) = state
        .db
        .read(move |conn| {
            let blocked = attempts::before_pin(conn, trainee_id, now)?;
            let standing = match blocked {
                Some(StartRefusal::NotEligible) => newest_standing(conn, trainee_id, now)?,
                _ => None,
            };
            Ok::<_, AppError>((
                ExamSettings::current(conn)?,
                User::find(conn, trainee_id)?,
                Attempt::of_trainee(conn, trainee_id)?,
                blocked,
                standing,
            ))
        })
        .await?;
    let extra_percent = user.map_or(0, |user| user.accommodation_percent);
    let extra_minutes = settings.duration_minutes * extra_percent / 100;
    let open_attempt = mine
        .iter()
        .find(|attempt| attempt.is_open())
        .map(|attempt| attempt.id);
    let results = mine
        .iter()
        .filter(|attempt| !attempt.is_open())
        .map(result_line)
        .collect();
    let blocked = blocked
        .filter(|_| open_attempt.is_none())
        .map(|refusal| ctx.t(refusal.key()));
    // A refused start that the page explains anyway is said once.
    let problem = problem.filter(|_| blocked.is_none());
    let exam = ExamPage {
        blocked,
        standing,
        ctx,
        settings,
        extra_percent,
        extra_minutes,
        problem,
        open_attempt,
        results,
    };
    page(status, &exam)
}

pub async fn show(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    exam_page(ctx, &state, trainee.id, None, StatusCode::OK).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    pub pin: String,
}

/// Starts (or returns to) the attempt.
pub async fn start(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    input: web::Form<StartForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (trainee.id, state.clock().now());
    let actor = audit_actor(&req, trainee_id);
    let pin = input.into_inner().pin;
    match attempts::start(&state.db, &actor, trainee_id, pin, now).await? {
        Ok(started) => Ok(see_other(attempt_url(Started::id(started)))),
        Err(refusal) => {
            let problem = ctx.t(refusal.key());
            let status = match refusal {
                StartRefusal::PinWait { .. } => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::CONFLICT,
            };
            let mut page = exam_page(ctx, &state, trainee_id, Some(problem), status).await?;
            if let StartRefusal::PinWait { seconds } = refusal {
                page.headers_mut().insert(
                    actix_web::http::header::RETRY_AFTER,
                    actix_web::http::header::HeaderValue::from(seconds),
                );
            }
            Ok(page)
        }
    }
}
