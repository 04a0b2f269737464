//! `GET /trainer/cohorts/{id}`: a trainer's class: the roster with contacts
//! and target groups, the attendance grid (sessions × trainees) with each
//! trainee's rate and eligibility (low attendance highlighted), the exam
//! sittings (and whether one may be opened yet), and the wait-list.
//! Another trainer's class is a 404.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};

use crate::auth::extractors::Trainer;
use crate::db::models::attendance::EligibilityOverride;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{ExamSettings, Sitting};
use crate::db::models::sitting_permission::SittingPermission;
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::attendance::{Mark, Standing};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::mobile::Mobile;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::attendance as standing;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, urls};

/// A grid column.
pub struct SessionColumn {
    pub seq: i32,
    pub date: String,
    pub cancelled: bool,
    pub attendance_url: String,
}

/// A trainee's row: contact, marks and standing.
pub struct RosterRow {
    pub name_ar: String,
    pub name_en: String,
    pub mobile: String,
    pub email: String,
    pub target_group: String,
    /// Extra exam time and a note, if the registrar set them.
    pub accommodation_percent: i32,
    pub accommodation_note: String,
    /// One code per session column (`present`, …, or empty).
    pub marks: Vec<String>,
    pub standing: Standing,
}

/// One of the class's sittings.
pub struct SittingLine {
    pub url: String,
    pub opened: String,
    pub ends: String,
    pub open: bool,
}

/// What the page says about the exam sitting.
pub struct SittingPanel {
    /// Every planned session has been held.
    pub class_ended: bool,
    /// When the last planned session ends (local time), if there is one.
    pub last_session: String,
    /// The reason of a registrar's permission not yet used.
    pub permission: Option<String>,
    pub sittings: Vec<SittingLine>,
    /// The window field as typed (or its default).
    pub window_minutes: String,
    /// Why opening was refused, shown beside the field.
    pub problem: Option<String>,
}

impl SittingPanel {
    pub fn may_open(&self) -> bool {
        self.class_ended || self.permission.is_some()
    }

    /// The board of the sitting that accepts starts now.
    pub fn open_board(&self) -> Option<&str> {
        self.sittings
            .iter()
            .find(|sitting| sitting.open)
            .map(|sitting| sitting.url.as_str())
    }
}

impl RosterPage {
    pub fn sittings_url(&self) -> String {
        urls::with_id(urls::TRAINER_COHORT_SITTINGS, self.card.id)
    }
}

#[derive(Template)]
#[template(path = "trainer/roster.html")]
pub struct RosterPage {
    pub ctx: PageCtx,
    pub card: CohortCard,
    pub sessions: Vec<SessionColumn>,
    pub rows: Vec<RosterRow>,
    pub waitlist: Vec<String>,
    pub sitting: SittingPanel,
}

pub async fn show(
    ctx: PageCtx,
    trainer: Trainer,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    render(
        ctx,
        &state,
        trainer.id,
        id.into_inner(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The sittings part of the page, from the class's sessions and sittings.
fn sitting_panel(
    conn: &mut DbConnection,
    cohort_id: i32,
    sessions: &[ClassSession],
    now: DateTime<Utc>,
) -> Result<SittingPanel, DbError> {
    let now_db = crate::db::db_now(now);
    let last = crate::ops::exam::sittings::last_session_end(sessions);
    let local = |at: chrono::NaiveDateTime| utc_to_local(at).format("%Y-%m-%d %H:%M").to_string();
    let settings = ExamSettings::current(conn)?;
    Ok(SittingPanel {
        class_ended: last.is_some_and(|end| end <= now_db),
        last_session: last.map(local).unwrap_or_default(),
        permission: SittingPermission::unused_for(conn, cohort_id)?.map(|p| p.reason),
        sittings: Sitting::of_cohort(conn, cohort_id)?
            .into_iter()
            .map(|sitting| SittingLine {
                url: urls::with_id(urls::TRAINER_SITTING, sitting.id),
                opened: local(sitting.opened_at),
                ends: local(sitting.ends_at()),
                open: sitting.is_open(now_db),
            })
            .collect(),
        window_minutes: crate::ops::exam::sittings::default_window_minutes(&settings).to_string(),
        problem: None,
    })
}

/// The class with everything its page shows.
struct Loaded {
    card: CohortCard,
    sessions: Vec<ClassSession>,
    enrolled: Vec<Enrollment>,
    waiting: Vec<Enrollment>,
    marks: HashMap<(i32, i32), Mark>,
    overrides: HashMap<i32, EligibilityOverride>,
    threshold: i32,
    early: bool,
    panel: SittingPanel,
    people: HashMap<i32, User>,
}

/// The trainer's class (`None` if it is not theirs).
fn load(
    conn: &mut DbConnection,
    trainer_id: i32,
    cohort_id: i32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Option<Loaded>, AppError> {
    let Some(cohort) =
        Cohort::find(conn, cohort_id)?.filter(|cohort| cohort.trainer_id == Some(trainer_id))
    else {
        return Ok(None);
    };
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    let enrolled = Enrollment::seated(conn, cohort_id)?;
    let waiting = Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Waitlisted)?;
    let ids: Vec<i32> = enrolled.iter().map(|place| place.id).collect();
    let marks = standing::marks_by_place(conn, &ids)?;
    let overrides = standing::overrides(conn, &ids)?;
    let threshold = standing::threshold(conn)?;
    let early = standing::early_sitting(conn, cohort_id)?;
    let panel = sitting_panel(conn, cohort_id, &sessions, now)?;
    let mut people: HashMap<i32, User> = HashMap::new();
    for place in enrolled.iter().chain(&waiting) {
        if let Some(user) = User::find(conn, place.trainee_id)? {
            people.insert(place.trainee_id, user);
        }
    }
    let card = catalogue::cards(conn, vec![cohort], lang, now)?.pop();
    Ok(card.map(|card| Loaded {
        card,
        sessions,
        enrolled,
        waiting,
        marks,
        overrides,
        threshold,
        early,
        panel,
        people,
    }))
}

/// A seated trainee's row: contact, a mark per column and the standing.
fn roster_row(
    loaded: &Loaded,
    place: &Enrollment,
    user: &User,
    ctx: &PageCtx,
    now: DateTime<Utc>,
) -> RosterRow {
    let overridden = loaded.overrides.get(&place.id).map(|o| o.eligible);
    RosterRow {
        name_ar: user.full_name_ar.clone(),
        name_en: user.full_name_en.clone(),
        mobile: user
            .mobile
            .as_deref()
            .and_then(|m| Mobile::parse(m).ok())
            .map(|m| m.local())
            .unwrap_or_default(),
        email: user.email.clone().unwrap_or_default(),
        target_group: user
            .target_group
            .as_deref()
            .map(|group| ctx.t_code("target-group", group))
            .unwrap_or_default(),
        accommodation_percent: user.accommodation_percent,
        accommodation_note: user.accommodation_note.clone().unwrap_or_default(),
        marks: loaded
            .sessions
            .iter()
            .map(|session| {
                loaded
                    .marks
                    .get(&(place.id, session.id))
                    .map(|mark| mark.as_str().to_owned())
                    .unwrap_or_default()
            })
            .collect(),
        standing: standing::standing(
            &loaded.sessions,
            place.id,
            &loaded.marks,
            overridden,
            loaded.threshold,
            loaded.early,
            now,
        ),
    }
}

/// The page, with a refusal to open a sitting beside its field.
pub async fn render(
    ctx: PageCtx,
    state: &AppState,
    trainer_id: i32,
    cohort_id: i32,
    refused: Option<(String, String)>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let loaded = state
        .db
        .read(move |conn| load(conn, trainer_id, cohort_id, lang, now))
        .await?
        .ok_or(AppError::NotFound)?;
    let columns = loaded
        .sessions
        .iter()
        .map(|session| SessionColumn {
            seq: session.seq,
            date: crate::domain::time::utc_to_local(session.starts_at)
                .format("%m-%d")
                .to_string(),
            cancelled: session.is_cancelled(),
            attendance_url: urls::with_id(urls::TRAINER_SESSION_ATTENDANCE, session.id),
        })
        .collect();
    let rows = loaded
        .enrolled
        .iter()
        .filter_map(|place| {
            let user = loaded.people.get(&place.trainee_id)?;
            Some(roster_row(&loaded, place, user, &ctx, now))
        })
        .collect();
    let waitlist = loaded
        .waiting
        .iter()
        .filter_map(|place| {
            loaded
                .people
                .get(&place.trainee_id)
                .map(|user| user.name(lang).to_owned())
        })
        .collect();
    let Loaded {
        card, mut panel, ..
    } = loaded;
    if let Some((typed, problem)) = refused {
        panel.window_minutes = typed;
        panel.problem = Some(problem);
    }
    let body = RosterPage {
        ctx,
        card,
        sessions: columns,
        rows,
        waitlist,
        sitting: panel,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}
