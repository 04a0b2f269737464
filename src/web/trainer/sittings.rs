//! Invigilation: a trainer opens a sitting for their class once its last
//! session has taken place (a 6-character PIN valid for the sitting's
//! window), watches the live board, adds minutes to one attempt or ends it
//! for an irregularity (both with a reason), and closes the sitting early.
//! Everything is audited; another trainer's sitting is a 404.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::auth::extractors::Trainer;
use crate::auth::flash;
use crate::db::db_now;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion, ExamSettings, Sitting};
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::exam::AttemptStatus;
use crate::domain::{exam, resit};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::exam::attempts;
use crate::ops::exam::sittings::{self, AttemptAction, AttemptRefusal, OpenRefusal};
use crate::web::confirm::{ConfirmPage, confirmed};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OpenForm {
    /// How long the sitting accepts starts, in minutes.
    pub window_minutes: String,
}

/// `POST /trainer/cohorts/{id}/sittings`: opens a sitting (or returns to
/// the one already open). Refused, with the reason beside the field, while
/// the class still has sessions to come and no registrar allowed it.
pub async fn open(
    req: HttpRequest,
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<OpenForm>,
) -> Result<HttpResponse, AppError> {
    let (cohort_id, trainer_id, now) = (id.into_inner(), trainer.id, state.clock().now());
    let actor = audit_actor(&req, trainer_id);
    let typed = input.window_minutes.trim().to_owned();
    // Left empty: the default window; anything else must be a number in range.
    let window = if typed.is_empty() {
        None
    } else {
        Some(typed.parse::<i32>().unwrap_or(0))
    };
    let outcome = sittings::open(&state.db, &actor, cohort_id, trainer_id, window, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let refusal = match outcome {
        Ok(opened) => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    urls::with_id(urls::TRAINER_SITTING, opened.sitting_id),
                ))
                .finish());
        }
        Err(refusal) => refusal,
    };
    let problem = match refusal {
        OpenRefusal::ClassNotEnded { .. } => ctx.t("sitting-refused-not-ended"),
        OpenRefusal::ClassNotRunning => ctx.t("sitting-refused-not-running"),
        OpenRefusal::BadWindow => ctx.t("sitting-refused-window"),
    };
    super::roster::render(
        ctx,
        &state,
        trainer_id,
        cohort_id,
        Some((typed, problem)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// A candidate on the live board.
pub struct Candidate {
    pub name: String,
    /// `None` until the trainee starts.
    pub status: Option<AttemptStatus>,
    pub attempt_id: Option<i32>,
    pub answered: usize,
    pub total: usize,
    pub minutes_left: i64,
    pub score: Option<i32>,
    pub passed: Option<bool>,
}

impl Candidate {
    /// The board's state code (`sitting-state-…`): not started, or the
    /// attempt's status.
    pub fn state_code(&self) -> &'static str {
        self.status.map_or("not-started", AttemptStatus::as_str)
    }

    pub fn is_open(&self) -> bool {
        self.status == Some(AttemptStatus::Open)
    }
}

#[derive(Template)]
#[template(path = "trainer/sitting.html")]
pub struct SittingPage {
    pub ctx: PageCtx,
    pub sitting: Sitting,
    /// Accepting starts now.
    pub open: bool,
    /// When it stops (or stopped) accepting starts, local time.
    pub ends: String,
    pub venue: String,
    pub candidates: Vec<Candidate>,
}

impl SittingPage {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.sitting.id)
    }
}

/// Who is listed on the board: whoever started here, and whoever may
/// still start.
fn candidates(
    conn: &mut DbConnection,
    cohort: &Cohort,
    sitting_id: i32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Candidate>, DbError> {
    let places = Enrollment::seated(conn, cohort.id)?;
    let attempts = Attempt::of_sitting(conn, sitting_id)?;
    let settings = ExamSettings::current(conn)?;
    let mut candidates = Vec::new();
    for place in places {
        let attempt = attempts
            .iter()
            .filter(|a| a.enrollment_id == place.id)
            .max_by_key(|a| a.id);
        if attempt.is_none() {
            let eligible =
                crate::ops::attendance::standing_of(conn, cohort.id, place.id, now)?.eligible();
            let next = attempts::record(conn, place.trainee_id, place.course_id)?
                .next_step(attempts::limits(&settings), db_now(now));
            if !eligible || !matches!(next, resit::NextStep::MaySit { .. }) {
                continue;
            }
        }
        let name = User::find(conn, place.trainee_id)?
            .map(|u| u.name(lang).to_owned())
            .unwrap_or_default();
        let (answered, total) = match attempt {
            Some(a) => (
                Answer::of_attempt(conn, a.id)?
                    .iter()
                    .filter(|answer| !answer.selected.is_empty())
                    .count(),
                AttemptQuestion::of_attempt(conn, a.id)?.len(),
            ),
            None => (0, 0),
        };
        candidates.push(Candidate {
            name,
            status: attempt.map(|a| a.status),
            attempt_id: attempt.map(|a| a.id),
            answered,
            total,
            minutes_left: attempt.map_or(0, |a| {
                (exam::remaining_seconds(a.deadline_at, db_now(now)) + 59) / 60
            }),
            score: attempt.and_then(|a| a.score_percent),
            passed: attempt.and_then(|a| a.passed),
        });
    }
    Ok(candidates)
}

pub async fn board(
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (sitting_id, trainer_id, now, lang) =
        (id.into_inner(), trainer.id, state.clock().now(), ctx.lang);
    let loaded = state
        .db
        .read(move |conn| {
            let Some((sitting, cohort)) = sittings::own_sitting(conn, sitting_id, trainer_id)?
            else {
                return Ok::<_, AppError>(None);
            };
            let venue = crate::db::models::venue::Venue::find(conn, cohort.venue_id)?
                .map(|v| v.name(lang).to_owned())
                .unwrap_or_default();
            let candidates = candidates(conn, &cohort, sitting_id, lang, now)?;
            Ok(Some((sitting, venue, candidates)))
        })
        .await?;
    let (sitting, venue, candidates) = loaded.ok_or(AppError::NotFound)?;
    let body = SittingPage {
        ctx,
        open: sitting.is_open(db_now(now)),
        ends: crate::domain::time::utc_to_local(sitting.ends_at())
            .format("%H:%M")
            .to_string(),
        sitting,
        venue,
        candidates,
    }
    .render()?;
    Ok(HttpResponse::build(StatusCode::OK)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub attempt_id: String,
    pub minutes: String,
    pub reason: String,
    /// `yes` once ending the attempt is confirmed.
    pub confirm: String,
}

/// The attempt and reason sent with an extension or a termination.
fn attempt_action(sitting_id: i32, input: &ActionForm) -> AttemptAction {
    AttemptAction {
        sitting_id,
        attempt_id: input.attempt_id.trim().parse::<i32>().ok(),
        reason: input.reason.trim().to_owned(),
    }
}

/// Back to the board with what happened.
fn back(
    state: &AppState,
    sitting_id: i32,
    outcome: Option<Result<(), AttemptRefusal>>,
    done: &'static str,
) -> Result<HttpResponse, AppError> {
    let key = match outcome.ok_or(AppError::NotFound)? {
        Ok(()) => done,
        Err(refusal) => refusal.key(),
    };
    let back = urls::with_id(urls::TRAINER_SITTING, sitting_id);
    Ok(flash::redirect(&state.settings, &back, key))
}

/// `POST /trainer/sittings/{id}/extend`: `attempt_id`, `minutes`, `reason`.
pub async fn extend(
    req: HttpRequest,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let (sitting_id, now) = (id.into_inner(), state.clock().now());
    let actor = audit_actor(&req, trainer.id);
    let action = attempt_action(sitting_id, &input);
    let minutes = input.minutes.trim().parse::<i32>().ok();
    let outcome = sittings::extend(&state.db, &actor, trainer.id, action, minutes, now).await?;
    back(&state, sitting_id, outcome, "flash-attempt-extended")
}

/// `POST /trainer/sittings/{id}/terminate`: `attempt_id`, `reason`, and
/// `confirm=yes` once the trainer has seen what ending it means.
pub async fn terminate(
    req: HttpRequest,
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let (sitting_id, now) = (id.into_inner(), state.clock().now());
    let action = attempt_action(sitting_id, &input);
    if !confirmed(&input.confirm) && !action.reason.is_empty() {
        let (trainer_id, attempt_id, lang) = (trainer.id, action.attempt_id, ctx.lang);
        let name = state
            .db
            .read(move |conn| {
                if sittings::own_sitting(conn, sitting_id, trainer_id)?.is_none() {
                    return Ok::<_, AppError>(None);
                }
                let attempt = match attempt_id {
                    Some(id) => Attempt::find(conn, id)?.filter(|a| a.sitting_id == sitting_id),
                    None => None,
                };
                let name = match attempt.filter(Attempt::is_open) {
                    Some(a) => User::find(conn, a.trainee_id)?.map(|u| u.name(lang).to_owned()),
                    None => None,
                };
                Ok(Some(name))
            })
            .await?
            .ok_or(AppError::NotFound)?;
        // An attempt that is not open here is refused below, with the reason.
        if let Some(name) = name {
            let board = urls::with_id(urls::TRAINER_SITTING, sitting_id);
            return ConfirmPage {
                title: ctx.t("confirm-terminate-title"),
                consequences: vec![
                    ctx.ts("confirm-terminate-ends", "name", &name),
                    ctx.ts("confirm-terminate-reason", "reason", &action.reason),
                ],
                action: urls::with_id(urls::TRAINER_SITTING_TERMINATE, sitting_id),
                fields: vec![
                    ("attempt_id", input.attempt_id.trim().to_owned()),
                    ("reason", action.reason.clone()),
                ],
                yes: ctx.t("confirm-terminate-yes"),
                back: board,
                ctx,
            }
            .respond();
        }
    }
    let actor = audit_actor(&req, trainer.id);
    let outcome = sittings::terminate(&state.db, &actor, trainer.id, action, now).await?;
    back(&state, sitting_id, outcome, "flash-attempt-terminated")
}

/// `POST /trainer/sittings/{id}/close`.
pub async fn close(
    req: HttpRequest,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (sitting_id, now) = (id.into_inner(), state.clock().now());
    let actor = audit_actor(&req, trainer.id);
    let closed = sittings::close(&state.db, &actor, trainer.id, sitting_id, now).await?;
    // Closed now or already: either way it no longer accepts starts.
    back(
        &state,
        sitting_id,
        closed.map(|_| Ok(())),
        "flash-sitting-closed",
    )
}
