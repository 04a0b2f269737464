//! Marking attendance. A class's trainer marks each enrolled trainee present,
//! late, absent or excused (`status_{enrollment_id}`), from the session's
//! start until the end of the next day; "all present" marks everyone in one
//! click, then exceptions are changed. Later corrections are a registrar's,
//! with a reason. Saving the same marks again changes nothing; every change
//! is audited with its old and new value.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::auth::extractors::{Registrar, Trainer};
use crate::db::models::attendance::AttendanceMark;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::attendance::Mark;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::attendance::marking::{self, MarkRefusal, Marker};
use crate::web::page::PageCtx;
use crate::web::public::cohorts::{SessionLine, session_lines};
use crate::web::{AppState, urls};

mod save;

/// One enrolled trainee's row.
pub struct MarkRow {
    pub enrollment_id: i32,
    pub name: String,
    /// The stored mark, if the session has been marked for this trainee.
    pub current: Option<Mark>,
}

impl MarkRow {
    pub fn field(&self) -> String {
        format!("status_{}", self.enrollment_id)
    }

    /// Whether `mark` is the one to show chosen: the stored mark, or
    /// "present" for a trainee not marked yet.
    pub fn shows(&self, mark: &Mark) -> bool {
        self.current.unwrap_or(Mark::Present) == *mark
    }
}

#[derive(Template)]
#[template(path = "trainer/attendance.html")]
pub struct AttendancePage {
    pub ctx: PageCtx,
    pub venue: String,
    pub session: SessionLine,
    pub rows: Vec<MarkRow>,
    pub action_url: String,
    /// A registrar marks with a reason.
    pub needs_reason: bool,
    /// The trainer's window has closed (or not opened yet).
    pub closed: Option<String>,
    pub problem: Option<String>,
    pub back_url: String,
}

impl AttendancePage {
    pub fn marks(&self) -> &'static [Mark] {
        Mark::ALL
    }
}

/// The session, its class and its enrolled trainees with their marks.
struct Loaded {
    session: ClassSession,
    cohort: Cohort,
    people: Vec<(Enrollment, User)>,
    marks: HashMap<i32, Mark>,
}

fn load(
    conn: &mut DbConnection,
    session_id: i32,
    marker: Marker,
) -> Result<Option<Loaded>, DbError> {
    let Some(session) = ClassSession::find(conn, session_id)? else {
        return Ok(None);
    };
    let Some(cohort) = Cohort::find(conn, session.cohort_id)? else {
        return Ok(None);
    };
    // Another trainer's session does not exist for this one.
    if let Marker::Trainer(id) = marker
        && cohort.trainer_id != Some(id)
    {
        return Ok(None);
    }
    let mut people = Vec::new();
    // Everyone who sat in the class, also once it has ended and their
    // places are completed or not: the last session is marked afterwards.
    for place in Enrollment::seated(conn, cohort.id)? {
        if let Some(user) = User::find(conn, place.trainee_id)? {
            people.push((place, user));
        }
    }
    let marks = AttendanceMark::of_session(conn, session_id)?
        .into_iter()
        .map(|mark| (mark.enrollment_id, mark.status))
        .collect();
    Ok(Some(Loaded {
        session,
        cohort,
        people,
        marks,
    }))
}

/// Why a trainer may not mark the session now, if so.
fn closed_message(
    marker: Marker,
    session: &ClassSession,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> Option<String> {
    match marking::window(marker, session, now) {
        Err(MarkRefusal::NotYet) => Some(lang.t("attendance-not-yet")),
        Err(_) => Some(lang.t("attendance-closed")),
        Ok(()) => None,
    }
}

fn paths(marker: Marker, session_id: i32) -> (String, String) {
    match marker {
        Marker::Trainer(_) => (
            urls::with_id(urls::TRAINER_SESSION_ATTENDANCE, session_id),
            urls::TRAINER_HOME.to_owned(),
        ),
        Marker::Registrar(_) => (
            urls::with_id(urls::REGISTRAR_SESSION_ATTENDANCE, session_id),
            urls::REGISTRAR_TRAINEES.to_owned(),
        ),
    }
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    session_id: i32,
    marker: Marker,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let loaded = state
        .db
        .read(move |conn| Ok::<_, AppError>(load(conn, session_id, marker)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let venue = state
        .db
        .read({
            let venue_id = loaded.cohort.venue_id;
            move |conn| Ok::<_, AppError>(crate::db::models::venue::Venue::find(conn, venue_id)?)
        })
        .await?
        .map(|venue| venue.name(lang).to_owned())
        .unwrap_or_default();
    let rows = loaded
        .people
        .iter()
        .map(|(place, user)| MarkRow {
            enrollment_id: place.id,
            name: user.name(lang).to_owned(),
            current: loaded.marks.get(&place.id).copied(),
        })
        .collect();
    let (action_url, back_url) = paths(marker, session_id);
    let page = AttendancePage {
        venue,
        session: session_lines(std::slice::from_ref(&loaded.session), lang).remove(0),
        rows,
        action_url,
        needs_reason: matches!(marker, Marker::Registrar(_)),
        closed: closed_message(marker, &loaded.session, now, lang),
        problem,
        back_url,
        ctx,
    };
    crate::web::page::render(status, &page)
}

pub async fn trainer_form(
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render(
        ctx,
        &state,
        id.into_inner(),
        Marker::Trainer(trainer.id),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn registrar_form(
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render(
        ctx,
        &state,
        id.into_inner(),
        Marker::Registrar(registrar.id),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn trainer_save(
    req: HttpRequest,
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    save::save(
        req,
        ctx,
        &state,
        id.into_inner(),
        Marker::Trainer(trainer.id),
        form.into_inner(),
    )
    .await
}

pub async fn registrar_save(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    form: web::Form<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    save::save(
        req,
        ctx,
        &state,
        id.into_inner(),
        Marker::Registrar(registrar.id),
        form.into_inner(),
    )
    .await
}
