//! The trainee's exam: `/me/exam` (rules, own time, start with the PIN),
//! `/attempts/{id}` (one question per page, the grid, flags), saves,
//! the review before submitting, and the result with its receipt. Another
//! person's attempt is a 404 everywhere; every page is `no-store`; which
//! options are correct is never sent.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Trainee;
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion, ExamSettings};
use crate::db::models::question::{Question, QuestionOption};
use crate::db::models::user::User;
use crate::domain::exam;
use crate::domain::schedule::utc_to_local;
use crate::error::AppError;
use crate::exam::bank::Kind;
use crate::ops::exam::attempts::{self, Saved, Started};
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_event, urls};

fn page(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

fn attempt_url(id: i32) -> String {
    urls::with_id(urls::ATTEMPT, id)
}

#[derive(Template)]
#[template(path = "trainee/exam.html")]
pub struct ExamPage {
    pub ctx: PageCtx,
    pub settings: ExamSettings,
    pub extra_percent: i32,
    pub extra_minutes: i32,
    pub problem: Option<String>,
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

async fn exam_page(
    ctx: PageCtx,
    state: &AppState,
    trainee_id: i32,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (settings, user, mine) = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>((
                ExamSettings::current(conn)?,
                User::find(conn, trainee_id)?,
                Attempt::of_trainee(conn, trainee_id)?,
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
        .map(|attempt| {
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
        })
        .collect();
    let body = ExamPage {
        ctx,
        settings,
        extra_percent,
        extra_minutes,
        problem,
        open_attempt,
        results,
    }
    .render()?;
    Ok(page(status, body))
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
    let pin = input.pin.clone();
    let mut event = audit_event(
        &req,
        Some(trainee_id),
        "attempt.start",
        String::new(),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let outcome = attempts::start(conn, trainee_id, &pin, now)?;
            if let Ok(Started::New(id)) = outcome {
                event.subject = format!("attempt:{id}");
                audit::append(conn, &event, db_now(now))?;
            }
            Ok::<_, DbError>(outcome.map(Started::id))
        })
        .await?;
    match outcome {
        Ok(id) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, attempt_url(id)))
            .finish()),
        Err(refusal) => {
            let problem = ctx.t(refusal.key());
            exam_page(ctx, &state, trainee_id, Some(problem), StatusCode::CONFLICT).await
        }
    }
}

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
    pub remaining_seconds: i64,
    /// Seconds until the attempt closes (deadline plus grace): the page's
    /// script then reloads it, and the server shows the result.
    pub closes_in_seconds: i64,
    /// The local clock time the exam ends, for pages without JavaScript.
    pub ends_at: String,
    pub problem: Option<String>,
}

impl AttemptPage {
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

/// Everything about one of the trainee's attempts, loaded in one read.
struct Loaded {
    attempt: Attempt,
    drawn: Vec<AttemptQuestion>,
    questions: HashMap<i32, Question>,
    options: HashMap<i32, QuestionOption>,
    answers: HashMap<i32, Answer>,
}

async fn load(state: &AppState, id: i32, trainee_id: i32) -> Result<Loaded, AppError> {
    let now = state.clock().now();
    // An attempt left past its deadline is finalized on sight, so the
    // trainee sees the result at once rather than after the next sweep
    // (a write only when it is due: page views stay reads).
    let overdue = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(
                Attempt::find_own(conn, id, trainee_id)?.is_some_and(|attempt| {
                    attempt.is_open() && !exam::accepts_saves(attempt.deadline_at, db_now(now))
                }),
            )
        })
        .await?;
    if overdue {
        state
            .db
            .write(move |conn| {
                if let Some(attempt) = Attempt::find_own(conn, id, trainee_id)? {
                    attempts::expire(conn, &attempt, now)?;
                }
                Ok::<_, DbError>(())
            })
            .await?;
    }
    state
        .db
        .read(move |conn| {
            let attempt = Attempt::find_own(conn, id, trainee_id)?.ok_or(AppError::NotFound)?;
            let drawn = AttemptQuestion::of_attempt(conn, id)?;
            let ids: Vec<i32> = drawn.iter().map(|q| q.question_id).collect();
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

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QuestionQuery {
    pub q: Option<i32>,
}

fn render_question(
    ctx: PageCtx,
    loaded: &Loaded,
    position: i32,
    now: chrono::DateTime<chrono::Utc>,
    problem: Option<String>,
    status: StatusCode,
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
    let answer = loaded.answers.get(&drawn.question_id);
    let selected = answer.map(Answer::selected_ids).unwrap_or_default();
    let options = (1..)
        .zip(drawn.option_ids())
        .filter_map(|(value, id)| Some((value, loaded.options.get(&id)?)))
        .map(|(value, option)| OptionView {
            value,
            text: option.text(lang).to_owned(),
            checked: selected.contains(&option.id),
        })
        .collect();
    let grid = loaded
        .drawn
        .iter()
        .map(|q| {
            let answer = loaded.answers.get(&q.question_id);
            GridCell {
                position: q.position,
                answered: answer.is_some_and(|a| !a.selected.is_empty()),
                flagged: answer.is_some_and(|a| a.flagged),
                current: q.position == position,
            }
        })
        .collect();
    let body = AttemptPage {
        attempt_id: loaded.attempt.id,
        position,
        total: i32::try_from(loaded.drawn.len()).unwrap_or(0),
        block: question.block,
        stem: question.stem(lang).to_owned(),
        multiple: question.kind() == Some(Kind::Multiple),
        options,
        flagged: answer.is_some_and(|a| a.flagged),
        seq: answer.map_or(0, |a| a.seq) + 1,
        grid,
        remaining_seconds: exam::remaining_seconds(loaded.attempt.deadline_at, db_now(now)),
        closes_in_seconds: exam::seconds_until_closed(loaded.attempt.deadline_at, db_now(now)),
        ends_at: utc_to_local(loaded.attempt.deadline_at)
            .format("%H:%M")
            .to_string(),
        problem,
        ctx,
    }
    .render()?;
    Ok(page(status, body))
}

pub async fn question(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    query: web::Query<QuestionQuery>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner(), trainee.id).await?;
    if !loaded.attempt.is_open() {
        let result = urls::with_id(urls::ATTEMPT_RESULT, loaded.attempt.id);
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, result))
            .finish());
    }
    let position = query.q.unwrap_or(1);
    render_question(
        ctx,
        &loaded,
        position,
        state.clock().now(),
        None,
        StatusCode::OK,
    )
}

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

fn parse_save(body: &[u8]) -> SaveForm {
    let mut form = SaveForm::default();
    for (name, value) in url::form_urlencoded::parse(body) {
        match name.as_ref() {
            "q" => form.q = value.trim().parse().ok(),
            "option" => match value.trim().parse() {
                Ok(place) => form.options.push(place),
                Err(_) => form.bad_option = true,
            },
            "flag" => form.flag = value.trim() == "1",
            "seq" => form.seq = value.trim().parse().ok(),
            "go" => form.go = value.into_owned(),
            _ => {}
        }
    }
    form
}

fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
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
    let (options, flag) = (form.options.clone(), form.flag);
    let outcome = state
        .db
        .write(move |conn| {
            let Some(attempt) = Attempt::find_own(conn, attempt_id, trainee_id)? else {
                return Ok::<_, DbError>(None);
            };
            Ok(Some(attempts::save(
                conn, &attempt, position, &options, flag, seq, now,
            )?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    match outcome {
        Saved::Stored { remaining } | Saved::Stale { remaining } if json => Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({ "saved": true, "stale": matches!(outcome, Saved::Stale { .. }), "seq": seq, "remaining_seconds": remaining }))),
        Saved::Stored { .. } | Saved::Stale { .. } => {
            let total = state.db.read(move |conn| Ok::<_, AppError>(AttemptQuestion::of_attempt(conn, attempt_id)?.len())).await?;
            let total = i32::try_from(total).unwrap_or(1);
            let target = match form.go.as_str() {
                "review" => urls::with_id(urls::ATTEMPT_REVIEW, attempt_id),
                "prev" => format!("{}?q={}", attempt_url(attempt_id), (position - 1).max(1)),
                "next" | "" => format!("{}?q={}", attempt_url(attempt_id), (position + 1).min(total)),
                other => format!("{}?q={}", attempt_url(attempt_id), other.parse::<i32>().unwrap_or(position).clamp(1, total)),
            };
            Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, target)).finish())
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
    let loaded = load(&state, id.into_inner(), trainee.id).await?;
    if !loaded.attempt.is_open() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                urls::with_id(urls::ATTEMPT_RESULT, loaded.attempt.id),
            ))
            .finish());
    }
    let answer = |q: &AttemptQuestion| loaded.answers.get(&q.question_id);
    let unanswered = loaded
        .drawn
        .iter()
        .filter(|q| answer(q).is_none_or(|a| a.selected.is_empty()))
        .map(|q| q.position)
        .collect();
    let flagged = loaded
        .drawn
        .iter()
        .filter(|q| answer(q).is_some_and(|a| a.flagged))
        .map(|q| q.position)
        .collect();
    let body = ReviewPage {
        ctx,
        attempt_id: loaded.attempt.id,
        unanswered,
        flagged,
        total: loaded.drawn.len(),
    }
    .render()?;
    Ok(page(StatusCode::OK, body))
}

/// Finishes now; submitting twice is harmless.
pub async fn submit(
    req: HttpRequest,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (attempt_id, trainee_id, now) = (id.into_inner(), trainee.id, state.clock().now());
    let event = audit_event(
        &req,
        Some(trainee_id),
        "attempt.submit",
        format!("attempt:{attempt_id}"),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            let Some(attempt) = Attempt::find_own(conn, attempt_id, trainee_id)? else {
                return Ok::<_, DbError>(None);
            };
            // Past the grace period it is the sweeper's "time ran out".
            let status = if exam::accepts_saves(attempt.deadline_at, db_now(now)) {
                exam::AttemptStatus::Submitted
            } else {
                exam::AttemptStatus::Expired
            };
            if attempts::finish(conn, &attempt, status, None, now)? {
                audit::append(conn, &event, db_now(now))?;
            }
            Ok(Some(()))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            urls::with_id(urls::ATTEMPT_RESULT, attempt_id),
        ))
        .finish())
}

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
    let loaded = load(&state, id.into_inner(), trainee.id).await?;
    if loaded.attempt.is_open() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, attempt_url(loaded.attempt.id)))
            .finish());
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
            (
                q.position,
                loaded
                    .answers
                    .get(&q.question_id)
                    .is_some_and(|a| !a.selected.is_empty()),
            )
        })
        .collect();
    let format =
        |at: chrono::NaiveDateTime| utc_to_local(at).format("%Y-%m-%d %H:%M:%S").to_string();
    let body = ResultPage {
        next_steps: outlook.map(|o| o.lines(&ctx)).unwrap_or_default(),
        pass_percent: settings.pass_percent,
        started: format(loaded.attempt.started_at),
        finished: loaded.attempt.finished_at.map(format).unwrap_or_default(),
        receipt,
        attempt: loaded.attempt,
        ctx,
    }
    .render()?;
    Ok(page(StatusCode::OK, body))
}
