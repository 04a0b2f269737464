//! `GET /attempts/{id}?q=N`: one question of an open attempt, with the grid
//! of all questions, the flag and the time left.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{ExamBar, Loaded, Texts, attempt_url, load, page, result_url, see_other};
use crate::auth::extractors::Trainee;
use crate::db::models::exam::{Answer, AttemptQuestion};
use crate::error::AppError;
use crate::exam::bank::Kind;
use crate::i18n::Lang;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

/// An option as the trainee sees it, nothing more: its text, and as its
/// form value its 1-based place in this attempt's order (never its id,
/// which follows the bank's stored order).
pub struct OptionView {
    pub value: i32,
    pub text: String,
    pub checked: bool,
}

/// A cell of the question grid.
pub struct GridCell {
    pub position: i32,
    pub answered: bool,
    pub flagged: bool,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "trainee/attempt.html")]
pub struct AttemptPage {
    pub ctx: PageCtx,
    pub attempt_id: i32,
    pub position: i32,
    pub total: i32,
    pub block: i32,
    pub stem: String,
    pub multiple: bool,
    pub options: Vec<OptionView>,
    pub flagged: bool,
    pub seq: i64,
    pub grid: Vec<GridCell>,
    pub bar: ExamBar,
    pub problem: Option<String>,
}

impl AttemptPage {
    /// "Question 3 of 36 · Block 1".
    pub fn heading(&self) -> String {
        format!(
            "{} · {}",
            self.ctx.tn2(
                "exam-question-of",
                "number",
                self.position,
                "total",
                self.total
            ),
            self.ctx.tn("home-block-number", "number", self.block)
        )
    }

    pub fn save_url(&self) -> String {
        urls::with_id(urls::ATTEMPT_ANSWERS, self.attempt_id)
    }

    pub fn review_url(&self) -> String {
        urls::with_id(urls::ATTEMPT_REVIEW, self.attempt_id)
    }

    pub fn question_url(&self, position: impl std::fmt::Display) -> String {
        format!("{}?q={position}", attempt_url(self.attempt_id))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QuestionQuery {
    pub q: Option<i32>,
}

/// The drawn question's options in this attempt's order.
fn options(
    loaded: &Loaded,
    drawn: &AttemptQuestion,
    answer: Option<&Answer>,
    lang: Lang,
) -> Vec<OptionView> {
    let selected = answer.map(Answer::selected_ids).unwrap_or_default();
    (1..)
        .zip(drawn.option_ids())
        .filter_map(|(value, id)| Some((value, loaded.options.get(&id)?)))
        .map(|(value, option)| OptionView {
            value,
            text: option.text(lang).to_owned(),
            checked: selected.contains(&option.id),
        })
        .collect()
}

fn grid(loaded: &Loaded, position: i32) -> Vec<GridCell> {
    loaded
        .drawn
        .iter()
        .map(|q| {
            let answer = loaded.answer(q);
            GridCell {
                position: q.position,
                answered: answer.is_some_and(|a| !a.selected.is_empty()),
                flagged: answer.is_some_and(|a| a.flagged),
                current: q.position == position,
            }
        })
        .collect()
}

fn render_question(
    ctx: PageCtx,
    loaded: &Loaded,
    position: i32,
    now: DateTime<Utc>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let drawn = loaded
        .drawn
        .iter()
        .find(|q| q.position == position)
        .ok_or(AppError::NotFound)?;
    let question = loaded
        .questions
        .get(&drawn.question_id)
        .ok_or(AppError::NotFound)?;
    let answer = loaded.answer(drawn);
    let attempt = AttemptPage {
        attempt_id: loaded.attempt.id,
        position,
        total: i32::try_from(loaded.drawn.len()).unwrap_or(0),
        block: question.block,
        stem: question.stem(lang).to_owned(),
        multiple: question.kind == Kind::Multiple,
        options: options(loaded, drawn, answer, lang),
        flagged: answer.is_some_and(|a| a.flagged),
        seq: answer.map_or(0, |a| a.seq) + 1,
        grid: grid(loaded, position),
        bar: ExamBar::of(loaded, now),
        problem: None,
        ctx,
    };
    page(StatusCode::OK, &attempt)
}

pub async fn question(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    query: web::Query<QuestionQuery>,
) -> Result<HttpResponse, AppError> {
    let position = query.q.unwrap_or(1);
    let loaded = load(&state, id.into_inner(), trainee.id, Texts::At(position)).await?;
    if !loaded.attempt.is_open() {
        return Ok(see_other(result_url(loaded.attempt.id)));
    }
    render_question(ctx, &loaded, position, state.clock().now())
}
