//! `GET /attempts/{id}/result`: passed or not in a panel of its own, the
//! score against the pass mark, each syllabus block's score, what happens
//! next (attempts left, the re-sit, the certificate) with the way there,
//! and the receipt of which questions had a stored answer.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Texts, attempt_url, load, page, see_other};
use crate::auth::extractors::Trainee;
use crate::db::models::course::SyllabusBlock;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Attempt, ExamSettings};
use crate::domain::resit::NextStep;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::web::outlook::Outlook;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

/// Where the result page sends the trainee next.
pub enum NextAction {
    /// The issued certificate's page.
    Certificate(String),
    /// The exam page: another attempt may start now.
    Exam,
    /// Their own page (waiting for a re-sit, or nothing left to do here).
    Home,
}

#[derive(Template)]
#[template(path = "trainee/result.html")]
pub struct ResultPage {
    pub ctx: PageCtx,
    pub attempt: Attempt,
    pub pass_percent: i32,
    /// (block name, score) for each block the exam drew from.
    pub blocks: Vec<(String, i32)>,
    pub started: String,
    pub finished: String,
    /// (position, had a stored answer)
    pub receipt: Vec<(i32, bool)>,
    /// What happens next: attempts left, the re-sit, the certificate.
    pub next_steps: Vec<String>,
    pub next_action: NextAction,
}

impl ResultPage {
    pub fn passed(&self) -> bool {
        self.attempt.passed == Some(true)
    }

    pub fn score(&self) -> i32 {
        self.attempt.score_percent.unwrap_or(0)
    }
}

/// The blocks' scores, named as the course names them.
fn block_scores(attempt: &Attempt, blocks: &[SyllabusBlock], ctx: &PageCtx) -> Vec<(String, i32)> {
    [
        attempt.block1_percent,
        attempt.block2_percent,
        attempt.block3_percent,
    ]
    .into_iter()
    .zip(1..)
    .filter_map(|(score, number)| {
        let name = blocks
            .iter()
            .find(|block| block.number == number)
            .map_or_else(
                || ctx.tn("home-block-number", "number", number),
                |block| block.name(ctx.lang).to_owned(),
            );
        Some((name, score?))
    })
    .collect()
}

fn next_action(outlook: Option<&Outlook>) -> NextAction {
    let Some(outlook) = outlook else {
        return NextAction::Home;
    };
    match (&outlook.certificate, &outlook.next) {
        (Some(certificate), _) if certificate.status.is_issued() => {
            NextAction::Certificate(urls::with_id(urls::TRAINEE_CERTIFICATE, certificate.id))
        }
        (_, NextStep::MaySit { .. }) => NextAction::Exam,
        _ => NextAction::Home,
    }
}

pub async fn result(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner(), trainee.id, Texts::None).await?;
    if loaded.attempt.is_open() {
        return Ok(see_other(attempt_url(loaded.attempt.id)));
    }
    let (settings_id, place_id, now) = (
        loaded.attempt.settings_id,
        loaded.attempt.enrollment_id,
        state.clock().now(),
    );
    let trainee_id = trainee.id;
    let (settings, outlook, blocks) = state
        .db
        .read(move |conn| {
            let course = Enrollment::find(conn, place_id)?.map(|place| place.course_id);
            let outlook = course
                .map(|course| Outlook::load(conn, trainee_id, course, now))
                .transpose()?;
            let blocks = match course {
                Some(course) => SyllabusBlock::for_course(conn, course)?,
                None => Vec::new(),
            };
            Ok::<_, AppError>((ExamSettings::find(conn, settings_id)?, outlook, blocks))
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
        next_steps: outlook.as_ref().map(|o| o.lines(&ctx)).unwrap_or_default(),
        next_action: next_action(outlook.as_ref()),
        blocks: block_scores(&loaded.attempt, &blocks, &ctx),
        pass_percent: settings.pass_percent,
        started: format(loaded.attempt.started_at),
        finished: loaded.attempt.finished_at.map(format).unwrap_or_default(),
        receipt,
        attempt: loaded.attempt,
        ctx,
    };
    page(StatusCode::OK, &result)
}
