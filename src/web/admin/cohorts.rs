//! `/admin/cohorts`: create and edit classes. The form shows the dates its
//! schedule produces before anything is saved; saving generates the daily
//! sessions (skipping non-weekdays and holidays). A schedule change to a
//! class under way only affects its future sessions, and a larger capacity
//! gives seats to the wait-list at once. Cancelling frees every trainee.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::{flash, session::db_now};
use crate::classes;
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::course::{self, Course};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage, Weekdays};
use crate::domain::person::{FieldError, Role};
use crate::domain::programme;
use crate::domain::schedule::utc_to_local;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, audit_event, time, urls};

/// The class form as submitted. Weekdays are checkboxes `weekday_1` (Monday)
/// to `weekday_7` (Sunday); `action` is `preview` or `save`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CohortForm {
    pub venue: String,
    pub period: String,
    pub starts_time: String,
    pub ends_time: String,
    pub teaching_language: String,
    pub audience: String,
    pub start_date: String,
    pub weekday_1: Option<String>,
    pub weekday_2: Option<String>,
    pub weekday_3: Option<String>,
    pub weekday_4: Option<String>,
    pub weekday_5: Option<String>,
    pub weekday_6: Option<String>,
    pub weekday_7: Option<String>,
    pub session_count: String,
    pub capacity: String,
    pub trainer: String,
    pub enrol_opens: String,
    pub enrol_closes: String,
    pub status: String,
    pub action: String,
}

impl CohortForm {
    fn weekday_numbers(&self) -> Vec<u32> {
        [
            &self.weekday_1,
            &self.weekday_2,
            &self.weekday_3,
            &self.weekday_4,
            &self.weekday_5,
            &self.weekday_6,
            &self.weekday_7,
        ]
        .iter()
        .zip(1..)
        .filter(|(checked, _)| checked.is_some())
        .map(|(_, n)| n)
        .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub reason: String,
}

/// A weekday checkbox.
pub struct DayBox {
    pub number: u32,
    pub label: String,
    pub checked: bool,
}

/// One generated date in the preview.
pub struct PreviewLine {
    pub seq: usize,
    pub date: String,
    pub weekday: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "admin/cohort_form.html")]
pub struct CohortFormPage {
    pub ctx: PageCtx,
    pub form: FormState,
    pub venues: Vec<Choice>,
    pub trainers: Vec<Choice>,
    pub days: Vec<DayBox>,
    pub preview: Option<Vec<PreviewLine>>,
    /// The class being edited.
    pub editing: Option<i32>,
    /// Sessions have already taken place: only future ones change.
    pub started: bool,
    pub cancelled: bool,
}

impl CohortFormPage {
    pub fn action_url(&self) -> String {
        self.editing.map_or_else(
            || urls::ADMIN_COHORTS.to_owned(),
            |id| urls::with_id(urls::ADMIN_COHORT, id),
        )
    }

    pub fn cancel_url(&self) -> String {
        self.editing
            .map(|id| urls::with_id(urls::ADMIN_COHORT_CANCEL, id))
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "admin/cohorts.html")]
pub struct CohortsPage {
    pub ctx: PageCtx,
    pub cards: Vec<CohortCard>,
}

impl CohortsPage {
    pub fn edit_url(&self, id: &i32) -> String {
        urls::with_id(urls::ADMIN_COHORT, *id)
    }
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let cards = state
        .db
        .read(move |conn| {
            let cohorts = Cohort::all(conn)?;
            Ok::<_, AppError>(catalogue::cards(conn, cohorts, lang, now)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(CohortsPage { ctx, cards }.render()?))
}

/// Venues and trainers for the selects.
async fn choices(state: &AppState, lang: Lang) -> Result<(Vec<Choice>, Vec<Choice>), AppError> {
    let (venues, towns, trainers) = state
        .db
        .read(|conn| {
            Ok::<_, AppError>((
                Venue::all(conn)?,
                Town::all(conn)?,
                User::search(conn, "", Some(Role::Trainer), 1000, 0)?,
            ))
        })
        .await?;
    let venues = venues
        .iter()
        .filter(|venue| !venue.retired)
        .map(|venue| {
            let town = towns
                .iter()
                .find(|town| town.id == venue.town_id)
                .map(|town| town.name(lang))
                .unwrap_or_default();
            let label = lang.t_args(
                "cohort-venue-choice",
                &[
                    ("venue", venue.name(lang).into()),
                    ("town", town.into()),
                    ("seats", venue.seats.into()),
                ],
            );
            Choice {
                code: venue.id.to_string(),
                label,
            }
        })
        .collect();
    let trainers = trainers
        .iter()
        .filter(|user| user.active)
        .map(|user| Choice {
            code: user.id.to_string(),
            label: user.name(lang).to_owned(),
        })
        .collect();
    Ok((venues, trainers))
}

fn day_boxes(lang: Lang, checked: &[u32]) -> Vec<DayBox> {
    (1..=7)
        .map(|number| DayBox {
            number,
            label: lang.t(&format!("weekday-{number}")),
            checked: checked.contains(&number),
        })
        .collect()
}

#[expect(
    clippy::too_many_arguments,
    reason = "the form page has that many parts"
)]
async fn render_form(
    ctx: PageCtx,
    state: &AppState,
    form: FormState,
    days: &[u32],
    preview: Option<Vec<PreviewLine>>,
    editing: Option<i32>,
    started: bool,
    cancelled: bool,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (venues, trainers) = choices(state, ctx.lang).await?;
    let page = CohortFormPage {
        days: day_boxes(ctx.lang, days),
        form,
        venues,
        trainers,
        preview,
        editing,
        started,
        cancelled,
        ctx,
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

pub async fn new_form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let today = time::uae_today(state.clock().now());
    let (starts, ends) = Period::Morning.default_hours();
    for (name, value) in [
        ("period", "morning".to_owned()),
        ("starts_time", starts.format("%H:%M").to_string()),
        ("ends_time", ends.format("%H:%M").to_string()),
        ("teaching_language", "ar".to_owned()),
        ("audience", "all".to_owned()),
        ("session_count", programme::DAILY_SESSIONS.to_string()),
        ("enrol_opens", today.to_string()),
        ("status", "open".to_owned()),
    ] {
        form.keep(name, &value);
    }
    render_form(
        ctx,
        &state,
        form,
        &Weekdays::working_week().numbers(),
        None,
        None,
        false,
        false,
        StatusCode::OK,
    )
    .await
}

/// Parses the form into class fields, recording each error by field.
/// `min_capacity` is the number already enrolled (editing).
fn validate(
    input: &CohortForm,
    form: &mut FormState,
    venues: &[Venue],
    trainers: &[User],
    course_id: i32,
    min_capacity: i64,
    today: Option<NaiveDate>,
) -> Option<CohortFields> {
    let number = |text: &str| {
        text.trim()
            .parse::<i32>()
            .map_err(|_| FieldError::BadChoice)
    };
    let date = |text: &str| -> Result<NaiveDate, &'static str> {
        if text.trim().is_empty() {
            return Err("field-required");
        }
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| "date-invalid")
    };
    let period = form.check("period", &input.period, Period::parse, FieldError::key);
    let defaults = period.map(Period::default_hours);
    let time = |text: &str, default: Option<NaiveTime>| -> Result<NaiveTime, &'static str> {
        match (text.trim(), default) {
            ("", Some(default)) => Ok(default),
            ("", None) => Err("field-required"),
            (text, _) => NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| "time-invalid"),
        }
    };
    form.keep("venue", &input.venue);
    let venue = match input
        .venue
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|id| venues.iter().find(|venue| venue.id == id))
    {
        Some(venue) if venue.retired => {
            form.fail("venue", "venue-retired");
            None
        }
        Some(venue) => Some(venue),
        None => {
            form.fail(
                "venue",
                if input.venue.trim().is_empty() {
                    "field-required"
                } else {
                    "choice-invalid"
                },
            );
            None
        }
    };
    let starts = form.check(
        "starts_time",
        &input.starts_time,
        |t| time(t, defaults.map(|d| d.0)),
        |key| key,
    );
    let ends = form.check(
        "ends_time",
        &input.ends_time,
        |t| time(t, defaults.map(|d| d.1)),
        |key| key,
    );
    if let (Some(starts), Some(ends)) = (starts, ends)
        && ends <= starts
    {
        form.fail("ends_time", "time-order");
    }
    let language = form.check(
        "teaching_language",
        &input.teaching_language,
        TeachingLanguage::parse,
        FieldError::key,
    );
    let audience = form.check(
        "audience",
        &input.audience,
        Audience::parse,
        FieldError::key,
    );
    let start_date = form.check("start_date", &input.start_date, date, |key| key);
    if let (Some(start), Some(today)) = (start_date, today)
        && start < today
    {
        form.fail("start_date", "start-in-past");
    }
    let weekdays = Weekdays::from_numbers(input.weekday_numbers()).ok();
    if weekdays.is_none() {
        form.fail("weekdays", "weekdays-required");
    }
    let sessions = form.check(
        "session_count",
        &input.session_count,
        number,
        |_| "number-invalid",
    );
    if sessions.is_some_and(|n| !(1..=60).contains(&n)) {
        form.fail("session_count", "sessions-range");
    }
    let capacity = form.check("capacity", &input.capacity, number, |_| "number-invalid");
    if let (Some(capacity), Some(venue)) = (capacity, venue) {
        if capacity < 1 || capacity > venue.seats {
            form.fail("capacity", "capacity-above-seats");
        } else if i64::from(capacity) < min_capacity {
            form.fail("capacity", "capacity-below-enrolled");
        }
    }
    form.keep("trainer", &input.trainer);
    let trainer = if input.trainer.trim().is_empty() {
        Some(None)
    } else {
        match input
            .trainer
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|id| trainers.iter().any(|user| user.id == *id && user.active))
        {
            Some(id) => Some(Some(id)),
            None => {
                form.fail("trainer", "choice-invalid");
                None
            }
        }
    };
    let opens = form.check("enrol_opens", &input.enrol_opens, date, |key| key);
    let closes = form.check("enrol_closes", &input.enrol_closes, date, |key| key);
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes < opens
    {
        form.fail("enrol_closes", "window-order");
    }
    let status = form
        .check(
            "status",
            &input.status,
            CohortStatus::parse,
            FieldError::key,
        )
        .filter(|status| *status != CohortStatus::Cancelled);
    if status.is_none() && form.error("status").is_none() {
        form.fail("status", "choice-invalid");
    }
    if form.has_errors() {
        return None;
    }
    Some(CohortFields {
        course_id,
        venue_id: venue?.id,
        period: period?.as_str().to_owned(),
        starts_time: starts?,
        ends_time: ends?,
        teaching_language: language?.as_str().to_owned(),
        audience: audience?.as_str().to_owned(),
        start_date: start_date?,
        weekdays: weekdays?.to_string(),
        session_count: sessions?,
        capacity: capacity?,
        trainer_id: trainer?,
        enrol_opens: opens?,
        enrol_closes: closes?,
        status: status?.as_str().to_owned(),
    })
}

/// Everything validation needs from the database.
async fn references(state: &AppState) -> Result<(Vec<Venue>, Vec<User>, i32), AppError> {
    state
        .db
        .read(|conn| {
            let course = Course::by_code(conn, course::ECITIZEN)?.ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((
                Venue::all(conn)?,
                User::search(conn, "", Some(Role::Trainer), 1000, 0)?,
                course.id,
            ))
        })
        .await
}

/// The dates a class's fields would produce, as the preview lists them.
async fn preview(
    state: &AppState,
    fields: &CohortFields,
    lang: Lang,
) -> Result<Vec<PreviewLine>, AppError> {
    let fields = fields.clone();
    let planned = state
        .db
        .read(move |conn| {
            let count = u32::try_from(fields.session_count).unwrap_or(0);
            Ok::<_, AppError>(classes::plan_sessions(
                conn,
                &fields,
                fields.start_date,
                count,
            )?)
        })
        .await?;
    Ok(preview_lines(&planned, lang))
}

fn preview_lines(planned: &[crate::domain::schedule::Planned], lang: Lang) -> Vec<PreviewLine> {
    use chrono::Datelike;
    planned
        .iter()
        .enumerate()
        .map(|(index, session)| PreviewLine {
            seq: index + 1,
            date: session.date.to_string(),
            weekday: lang.t(&format!(
                "weekday-{}",
                session.date.weekday().number_from_monday()
            )),
            hours: format!(
                "{}–{}",
                utc_to_local(session.starts_at).format("%H:%M"),
                utc_to_local(session.ends_at).format("%H:%M")
            ),
        })
        .collect()
}

pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<CohortForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let (venues, trainers, course_id) = references(&state).await?;
    let mut form = FormState::default();
    let days = input.weekday_numbers();
    let Some(fields) = validate(
        &input,
        &mut form,
        &venues,
        &trainers,
        course_id,
        0,
        Some(time::uae_today(now)),
    ) else {
        return render_form(
            ctx,
            &state,
            form,
            &days,
            None,
            None,
            false,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if input.action != "save" {
        let preview = Some(preview(&state, &fields, ctx.lang).await?);
        return render_form(
            ctx,
            &state,
            form,
            &days,
            preview,
            None,
            false,
            false,
            StatusCode::OK,
        )
        .await;
    }
    let mut event = audit_event(
        &req,
        Some(admin.id),
        "cohort.create",
        String::new(),
        serde_json::json!({ "venue": fields.venue_id, "start": fields.start_date, "capacity": fields.capacity }),
    );
    let id = state
        .db
        .write(move |conn| {
            let id = classes::create(conn, &fields, now)?;
            event.subject = format!("cohort:{id}");
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(id)
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::ADMIN_COHORT, id),
        "flash-cohort-created",
    ))
}

/// The stored class as form values.
fn form_from(cohort: &Cohort) -> FormState {
    let mut form = FormState::default();
    for (name, value) in [
        ("venue", cohort.venue_id.to_string()),
        ("period", cohort.period.clone()),
        (
            "starts_time",
            cohort.starts_time.format("%H:%M").to_string(),
        ),
        ("ends_time", cohort.ends_time.format("%H:%M").to_string()),
        ("teaching_language", cohort.teaching_language.clone()),
        ("audience", cohort.audience.clone()),
        ("start_date", cohort.start_date.to_string()),
        ("session_count", cohort.session_count.to_string()),
        ("capacity", cohort.capacity.to_string()),
        (
            "trainer",
            cohort
                .trainer_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        ("enrol_opens", cohort.enrol_opens.to_string()),
        ("enrol_closes", cohort.enrol_closes.to_string()),
        ("status", cohort.status.clone()),
    ] {
        form.keep(name, &value);
    }
    form
}

/// The class, whether it has started, and how many are enrolled.
async fn load(state: &AppState, id: i32) -> Result<(Cohort, bool, i64), AppError> {
    let now = db_now(state.clock().now());
    state
        .db
        .read(move |conn| {
            let cohort = Cohort::find(conn, id)?.ok_or(AppError::NotFound)?;
            let started = ClassSession::of_cohort(conn, id)?
                .iter()
                .any(|session| session.starts_at < now);
            Ok::<_, AppError>((cohort, started, Enrollment::enrolled_count(conn, id)?))
        })
        .await
}

pub async fn edit_form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (cohort, started, _) = load(&state, id.into_inner()).await?;
    let days = cohort.weekdays().numbers();
    let cancelled = cohort.status() == CohortStatus::Cancelled;
    render_form(
        ctx,
        &state,
        form_from(&cohort),
        &days,
        None,
        Some(cohort.id),
        started,
        cancelled,
        StatusCode::OK,
    )
    .await
}

pub async fn update(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<CohortForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let (cohort, started, enrolled) = load(&state, id.into_inner()).await?;
    if cohort.status() == CohortStatus::Cancelled {
        return Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::ADMIN_COHORT, cohort.id),
            "flash-cohort-is-cancelled",
        ));
    }
    let (venues, trainers, course_id) = references(&state).await?;
    let mut form = FormState::default();
    let days = input.weekday_numbers();
    // A class under way keeps its start date, wherever it was.
    let today = (!started && input.start_date.trim() != cohort.start_date.to_string())
        .then(|| time::uae_today(now));
    let Some(fields) = validate(
        &input, &mut form, &venues, &trainers, course_id, enrolled, today,
    ) else {
        return render_form(
            ctx,
            &state,
            form,
            &days,
            None,
            Some(cohort.id),
            started,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if input.action != "save" {
        let preview = Some(preview(&state, &fields, ctx.lang).await?);
        return render_form(
            ctx,
            &state,
            form,
            &days,
            preview,
            Some(cohort.id),
            started,
            false,
            StatusCode::OK,
        )
        .await;
    }
    let cohort_id = cohort.id;
    let mut event = audit_event(
        &req,
        Some(admin.id),
        "cohort.update",
        format!("cohort:{cohort_id}"),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            let promoted = classes::update(conn, cohort_id, &fields, now)?;
            event.details = serde_json::json!({
                "capacity": { "from": cohort.capacity, "to": fields.capacity },
                "schedule_changed": cohort.weekdays != fields.weekdays || cohort.starts_time != fields.starts_time || cohort.start_date != fields.start_date || cohort.session_count != fields.session_count,
                "promoted": promoted.iter().map(|place| place.id).collect::<Vec<_>>(),
            });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::ADMIN_COHORT, cohort_id),
        "flash-cohort-saved",
    ))
}

pub async fn cancel(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<CancelForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let (cohort, _, _) = load(&state, id.into_inner()).await?;
    let back = urls::with_id(urls::ADMIN_COHORT, cohort.id);
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() {
        return Ok(flash::redirect(
            &state.settings,
            &back,
            "flash-reason-required",
        ));
    }
    if cohort.status() == CohortStatus::Cancelled {
        return Ok(flash::redirect(
            &state.settings,
            &back,
            "flash-cohort-is-cancelled",
        ));
    }
    let cohort_id = cohort.id;
    let mut event = audit_event(
        &req,
        Some(admin.id),
        "cohort.cancel",
        format!("cohort:{cohort_id}"),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            let freed = classes::cancel(conn, cohort_id, &reason, now)?;
            event.details = serde_json::json!({ "reason": reason, "places_ended": freed });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        &back,
        "flash-cohort-cancelled",
    ))
}
