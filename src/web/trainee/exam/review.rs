//! `GET /attempts/{id}/review`: the unanswered and flagged questions before
//! the final submit.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Texts, attempt_url, load, page, result_url, see_other};
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
    pub total: usize,
}

impl ReviewPage {
    pub fn submit_url(&self) -> String {
        urls::with_id(urls::ATTEMPT_SUBMIT, self.attempt_id)
    }

    pub fn question_url(&self, position: impl std::fmt::Display) -> String {
        format!("{}?q={position}", attempt_url(self.attempt_id))
    }
}

/// Lists unanswered and flagged questions before the final submit.
pub async fn review(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner(), trainee.id, Texts::All).await?;
    if !loaded.attempt.is_open() {
        return Ok(see_other(result_url(loaded.attempt.id)));
    }
    let unanswered = loaded
        .drawn
        .iter()
        .filter(|q| loaded.answer(q).is_none_or(|a| a.selected.is_empty()))
        .map(|q| q.position)
        .collect();
    let flagged = loaded
        .drawn
        .iter()
        .filter(|q| loaded.answer(q).is_some_and(|a| a.flagged))
        .map(|q| q.position)
        .collect();
    let review = ReviewPage {
        ctx,
        attempt_id: loaded.attempt.id,
        unanswered,
        flagged,
        total: loaded.drawn.len(),
    };
    page(StatusCode::OK, &review)
}
