//! `GET /attempts/{id}/review`: the unanswered and flagged questions before
//! the final submit, with the time left. Submitting with questions
//! unanswered needs the trainee to tick that they understand.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};

use super::{ExamBar, Loaded, Texts, attempt_url, load, page, result_url, see_other};
use crate::auth::extractors::Trainee;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

#[derive(Template)]
#[template(path = "trainee/review.html")]
pub struct ReviewPage {
    pub ctx: PageCtx,
    pub attempt_id: i32,
    pub unanswered: Vec<i32>,
    pub flagged: Vec<i32>,
    pub bar: ExamBar,
    /// Sent without ticking that unanswered questions score nothing.
    pub confirm_error: Option<String>,
}

impl ReviewPage {
    pub fn submit_url(&self) -> String {
        urls::with_id(urls::ATTEMPT_SUBMIT, self.attempt_id)
    }

    pub fn question_url(&self, position: impl std::fmt::Display) -> String {
        format!("{}?q={position}", attempt_url(self.attempt_id))
    }

    pub fn heading(&self) -> String {
        self.ctx.t("exam-review-title")
    }
}

/// The positions of the questions without a chosen option.
pub(super) fn unanswered(loaded: &Loaded) -> Vec<i32> {
    loaded
        .drawn
        .iter()
        .filter(|q| loaded.answer(q).is_none_or(|a| a.selected.is_empty()))
        .map(|q| q.position)
        .collect()
}

/// The review of an open attempt, with `confirm_error` beside the box to
/// tick when the trainee tried to submit without it.
pub(super) fn render(
    ctx: PageCtx,
    loaded: &Loaded,
    now: DateTime<Utc>,
    confirm_error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let flagged = loaded
        .drawn
        .iter()
        .filter(|q| loaded.answer(q).is_some_and(|a| a.flagged))
        .map(|q| q.position)
        .collect();
    let review = ReviewPage {
        ctx,
        attempt_id: loaded.attempt.id,
        unanswered: unanswered(loaded),
        flagged,
        bar: ExamBar::of(loaded, now),
        confirm_error,
    };
    page(status, &review)
}

/// Lists unanswered and flagged questions before the final submit.
pub async fn review(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner(), trainee.id, Texts::None).await?;
    if !loaded.attempt.is_open() {
        return Ok(see_other(result_url(loaded.attempt.id)));
    }
    render(ctx, &loaded, state.clock().now(), None, StatusCode::OK)
}
