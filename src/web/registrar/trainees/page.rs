//! `GET /registrar/trainees/{id}`: the trainee, their places (with their
//! standing and sessions), the classes they may be placed in, and their
//! exam standing; shown again with a form's refusal beside it.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use chrono::{DateTime, Utc};

use super::TraineeRow;
use crate::auth::extractors::Registrar;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, Filter};
use crate::web::{AppState, urls};

/// One of the trainee's places, as the registrar sees it.
pub struct PlaceRow {
    pub id: i32,
    pub venue: String,
    pub status: EnrollmentStatus,
    pub note: String,
    pub active: bool,
    /// Attendance standing, for places with a seat.
    pub standing: Option<crate::domain::attendance::Standing>,
    /// (number, date, correction link) of each session.
    pub sessions: Vec<(i32, String, String)>,
}

impl PlaceRow {
    pub fn move_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_ENROLLMENT_MOVE, self.id)
    }

    pub fn eligibility_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_ENROLLMENT_ELIGIBILITY, self.id)
    }
}

/// The trainee's exam standing, and a refused grant's reason and message.
pub struct ExamPanel {
    pub lines: Vec<String>,
    /// Every attempt used: the registrar may grant a new series.
    pub used_up: bool,
    pub grant_reason: String,
    pub grant_problem: Option<String>,
}

#[derive(Template)]
#[template(path = "registrar/trainee.html")]
pub struct TraineePage {
    pub ctx: PageCtx,
    pub trainee: TraineeRow,
    pub places: Vec<PlaceRow>,
    pub classes: Vec<Choice>,
    pub problem: Option<String>,
    pub exam: Option<ExamPanel>,
}

impl TraineePage {
    pub fn accommodation_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ACCOMMODATION, self.trainee.id)
    }

    pub fn enrol_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ENROLL, self.trainee.id)
    }

    pub fn has_active(&self) -> bool {
        self.places.iter().any(|place| place.active)
    }

    pub fn grant_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_TRAINEE_ATTEMPT_GRANTS, self.trainee.id)
    }
}

pub async fn show(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render_page(ctx, &state, id.into_inner(), None, None, StatusCode::OK).await
}

/// The page again with a form's problem at the top (`status`: 422 for a
/// form sent back, 409 for a refusal by the seat rules).
pub(super) async fn refuse(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    problem: String,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    render_page(ctx, state, id, Some(problem), None, status).await
}

/// The page again after a refused grant, the message beside its form.
pub async fn render_with_grant_problem(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    grant: (String, String),
) -> Result<HttpResponse, AppError> {
    render_page(
        ctx,
        state,
        id,
        None,
        Some(grant),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// A place's row: its class, and for a seated place its standing and sessions.
fn place_row(
    conn: &mut DbConnection,
    place: &Enrollment,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<PlaceRow, AppError> {
    let venue = match Cohort::find(conn, place.cohort_id)? {
        Some(cohort) => catalogue::cards(conn, vec![cohort], lang, now)?
            .pop()
            .map(|card| format!("{} · {} · {}", card.venue, card.town, card.starts_text())),
        None => None,
    };
    let seated = place.status.is_seated();
    let standing = if seated {
        Some(crate::ops::attendance::standing_of(
            conn,
            place.cohort_id,
            place.id,
            now,
        )?)
    } else {
        None
    };
    let sessions = if seated {
        ClassSession::of_cohort(conn, place.cohort_id)?
            .iter()
            .filter(|session| !session.is_cancelled())
            .map(|session| {
                let date = crate::domain::time::utc_to_local(session.starts_at)
                    .date()
                    .to_string();
                (
                    session.seq,
                    date,
                    urls::with_id(urls::REGISTRAR_SESSION_ATTENDANCE, session.id),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(PlaceRow {
        id: place.id,
        venue: venue.unwrap_or_default(),
        active: place.status.is_active(),
        status: place.status,
        note: place.note.clone().unwrap_or_default(),
        standing,
        sessions,
    })
}

/// The classes on the catalogue, as choices for placing someone.
fn class_choices(
    conn: &mut DbConnection,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Choice>, DbError> {
    Ok(catalogue::listed(conn, &Filter::default(), lang, now)?
        .into_iter()
        .map(|card| Choice {
            code: card.id.to_string(),
            label: format!(
                "{} · {} · {} · {} · {}",
                card.venue,
                card.town,
                card.when(lang),
                card.starts_text(),
                lang.t_args(
                    "trainer-seats-taken",
                    &[
                        ("enrolled", card.enrolled.into()),
                        ("capacity", card.capacity.into())
                    ]
                ),
            ),
        })
        .collect())
}

type Loaded = (
    User,
    Vec<PlaceRow>,
    Vec<Choice>,
    Option<crate::web::outlook::Outlook>,
);

fn load(
    conn: &mut DbConnection,
    id: i32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Option<Loaded>, AppError> {
    let Some(user) = User::find(conn, id)?.filter(|user| user.role == Role::Trainee) else {
        return Ok(None);
    };
    let own = Enrollment::of_trainee(conn, id)?;
    let mut places = Vec::new();
    for place in &own {
        places.push(place_row(conn, place, lang, now)?);
    }
    let classes = class_choices(conn, lang, now)?;
    let outlook = own
        .first()
        .map(|place| crate::web::outlook::Outlook::load(conn, id, place.course_id, now))
        .transpose()?;
    Ok(Some((user, places, classes, outlook)))
}

async fn render_page(
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    problem: Option<String>,
    grant: Option<(String, String)>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let loaded = state.db.read(move |conn| load(conn, id, lang, now)).await?;
    let (user, places, classes, outlook) = loaded.ok_or(AppError::NotFound)?;
    let (grant_reason, grant_problem) = grant.map_or((String::new(), None), |(typed, message)| {
        (typed, Some(message))
    });
    let exam = outlook.map(|outlook| ExamPanel {
        lines: outlook.lines(&ctx),
        used_up: outlook.used_up(),
        grant_reason,
        grant_problem,
    });
    let page = TraineePage {
        ctx,
        trainee: TraineeRow::of(user),
        places,
        classes,
        problem,
        exam,
    };
    crate::web::page::render(status, &page)
}
