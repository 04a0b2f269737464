//! `GET /attempts/{id}/result`: the score, the receipt of which questions
//! had a stored answer, and what happens next.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Texts, attempt_url, load, page, see_other};
use crate::auth::extractors::Trainee;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Attempt, ExamSettings};
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "trainee/result.html")]
pub struct ResultPage {
    pub ctx: PageCtx,
    pub attempt: Attempt,
    pub pass_percent: i32,
    pub started: String,
    pub finished: String,
    /// (position, had a stored answer)
    pub receipt: Vec<(i32, bool)>,
    /// What happens next: attempts left, the re-sit, the certificate.
    pub next_steps: Vec<String>,
}

pub async fn result(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner(), trainee.id, Texts::All).await?;
    if loaded.attempt.is_open() {
        return Ok(see_other(attempt_url(loaded.attempt.id)));
    }
    let (settings_id, place_id, now) = (
        loaded.attempt.settings_id,
        loaded.attempt.enrollment_id,
        state.clock().now(),
    );
    let trainee_id = trainee.id;
    let (settings, outlook) = state
        .db
        .read(move |conn| {
            let course = Enrollment::find(conn, place_id)?.map(|place| place.course_id);
            let outlook = course
                .map(|course| crate::web::outlook::Outlook::load(conn, trainee_id, course, now))
                .transpose()?;
            Ok::<_, AppError>((ExamSettings::find(conn, settings_id)?, outlook))
        })
        .await?;
    let receipt = loaded
        .drawn
        .iter()
        .map(|q| {
            let answered = loaded.answer(q).is_some_and(|a| !a.selected.is_empty());
            (q.position, answered)
        })
        .collect();
    let format =
        |at: chrono::NaiveDateTime| utc_to_local(at).format("%Y-%m-%d %H:%M:%S").to_string();
    let result = ResultPage {
        next_steps: outlook.map(|o| o.lines(&ctx)).unwrap_or_default(),
        pass_percent: settings.pass_percent,
        started: format(loaded.attempt.started_at),
        finished: loaded.attempt.finished_at.map(format).unwrap_or_default(),
        receipt,
        attempt: loaded.attempt,
        ctx,
    };
    page(StatusCode::OK, &result)
}
