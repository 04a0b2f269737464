//! The trainee's exam: `/me/exam` (rules, own time, start with the PIN),
//! `/attempts/{id}` (one question per page, the grid, flags), saves,
//! the review before submitting, and the result with its receipt. Another
//! person's attempt is a 404 everywhere; every page is `no-store`; which
//! options are correct is never sent.

mod question;
mod result;
mod review;
mod save;
mod start;
mod submit;

use std::collections::HashMap;

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use crate::db::db_now;
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion};
use crate::db::models::question::{Question, QuestionOption};
use crate::domain::exam;
use crate::error::AppError;
use crate::ops::exam::attempts;
use crate::web::{AppState, urls};

pub use question::{AttemptPage, GridCell, OptionView, QuestionQuery, question};
pub use result::{ResultPage, result};
pub use review::{ReviewPage, review};
pub use save::save;
pub use start::{ExamPage, StartForm, show, start};
pub use submit::submit;

/// Renders an exam page with `status`, never to be cached: the next person
/// at a shared computer must not see it.
fn page(status: StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    let mut response = crate::web::page::render(status, page)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn attempt_url(id: i32) -> String {
    urls::with_id(urls::ATTEMPT, id)
}

fn result_url(id: i32) -> String {
    urls::with_id(urls::ATTEMPT_RESULT, id)
}

/// Everything about one of the trainee's attempts, loaded in one read.
struct Loaded {
    attempt: Attempt,
    drawn: Vec<AttemptQuestion>,
    questions: HashMap<i32, Question>,
    options: HashMap<i32, QuestionOption>,
    answers: HashMap<i32, Answer>,
}

impl Loaded {
    fn answer(&self, drawn: &AttemptQuestion) -> Option<&Answer> {
        self.answers.get(&drawn.question_id)
    }
}

/// What both exam screens show above the question or the review: the time
/// left (the script counts it down; without JavaScript the clock time the
/// exam ends) and how many questions are answered.
pub struct ExamBar {
    pub attempt_id: i32,
    pub remaining_seconds: i64,
    /// Seconds until the attempt closes (deadline plus grace): the page's
    /// script then reloads it, and the server shows the result.
    pub closes_in_seconds: i64,
    /// The local clock time the exam ends, for pages without JavaScript.
    pub ends_at: String,
    pub answered: usize,
    pub total: usize,
}

impl ExamBar {
    fn of(loaded: &Loaded, now: chrono::DateTime<chrono::Utc>) -> Self {
        let deadline = loaded.attempt.deadline_at;
        ExamBar {
            attempt_id: loaded.attempt.id,
            remaining_seconds: exam::remaining_seconds(deadline, db_now(now)),
            closes_in_seconds: exam::seconds_until_closed(deadline, db_now(now)),
            ends_at: crate::domain::time::utc_to_local(deadline)
                .format("%H:%M")
                .to_string(),
            answered: loaded
                .drawn
                .iter()
                .filter(|q| loaded.answer(q).is_some_and(|a| !a.selected.is_empty()))
                .count(),
            total: loaded.drawn.len(),
        }
    }
}

/// Whose text and options a page shows: the question on screen, or none.
#[derive(Clone, Copy, Debug)]
enum Texts {
    At(i32),
    /// The page lists positions and answers only.
    None,
}

async fn load(
    state: &AppState,
    id: i32,
    trainee_id: i32,
    texts: Texts,
) -> Result<Loaded, AppError> {
    let now = state.clock().now();
    let loaded = read(state, id, trainee_id, texts).await?;
    // An attempt left past its deadline is finalized on sight, so the
    // trainee sees the result at once rather than after the next sweep
    // (a write only when it is due: page views stay reads).
    if loaded.attempt.is_open() && !exam::accepts_saves(loaded.attempt.deadline_at, db_now(now)) {
        attempts::expire_overdue(&state.db, trainee_id, id, now).await?;
        return read(state, id, trainee_id, texts).await;
    }
    Ok(loaded)
}

async fn read(
    state: &AppState,
    id: i32,
    trainee_id: i32,
    texts: Texts,
) -> Result<Loaded, AppError> {
    state
        .db
        .read(move |conn| {
            let attempt = Attempt::find_own(conn, id, trainee_id)?.ok_or(AppError::NotFound)?;
            let drawn = AttemptQuestion::of_attempt(conn, id)?;
            let ids: Vec<i32> = drawn
                .iter()
                .filter(|q| match texts {
                    Texts::At(position) => q.position == position,
                    Texts::None => false,
                })
                .map(|q| q.question_id)
                .collect();
            let questions = Question::by_ids(conn, &ids)?
                .into_iter()
                .map(|q| (q.id, q))
                .collect();
            let options = QuestionOption::of_questions(conn, &ids)?
                .into_iter()
                .map(|o| (o.id, o))
                .collect();
            let answers = Answer::of_attempt(conn, id)?
                .into_iter()
                .map(|a| (a.question_id, a))
                .collect();
            Ok::<_, AppError>(Loaded {
                attempt,
                drawn,
                questions,
                options,
                answers,
            })
        })
        .await
}
