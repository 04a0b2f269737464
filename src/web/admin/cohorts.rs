//! `/admin/cohorts`: create, edit, publish and cancel classes. The form
//! shows the dates its schedule produces before anything is saved; for a
//! class being edited it shows which sessions saving keeps, retimes, adds
//! or removes. A new class is a draft until it is published. A class that
//! would meet at the same time as another at its venue, or as another of
//! its trainer's, is refused with that class named. Cancelling frees every
//! trainee.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::course::{self, Course};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::cohort::{CohortStatus, Period, Weekdays};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes::{self, EditRefused, Publication};
use crate::web::account::register::Choice;
use crate::web::admin::cohort_form::{self, CohortForm, CohortFormPage, Context};
use crate::web::admin::cohort_preview::{self, ChangeCounts, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, audit_event, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub reason: String,
}

/// `?period=evening` on the new-class form starts from that period's hours.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    pub period: String,
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

    pub fn publish_url(&self, id: &i32) -> String {
        urls::with_id(urls::ADMIN_COHORT_PUBLISH, *id)
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

/// Everything the form page shows besides the form itself.
#[derive(Default)]
struct Extras {
    preview: Option<Vec<PreviewLine>>,
    counts: Option<ChangeCounts>,
    editing: Option<(i32, CohortStatus)>,
    started: bool,
    can_unpublish: bool,
    venue_clash: Option<String>,
    trainer_clash: Option<String>,
}

async fn render_form(
    ctx: PageCtx,
    state: &AppState,
    form: FormState,
    days: &[u32],
    extras: Extras,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (venues, trainers) = choices(state, ctx.lang).await?;
    let page = CohortFormPage {
        days: cohort_form::day_boxes(ctx.lang, days),
        periods: cohort_form::period_choices(ctx.lang),
        form,
        venues,
        trainers,
        preview: extras.preview,
        counts: extras.counts,
        editing: extras.editing,
        started: extras.started,
        can_unpublish: extras.can_unpublish,
        venue_clash: extras.venue_clash,
        trainer_clash: extras.trainer_clash,
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
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let period = Period::parse(&query.period).unwrap_or(Period::Morning);
    let form = cohort_form::new_class_form(
        period,
        crate::domain::schedule::uae_today(state.clock().now()),
    );
    render_form(
        ctx,
        &state,
        form,
        &Weekdays::working_week().numbers(),
        Extras::default(),
        StatusCode::OK,
    )
    .await
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

/// The dates a new class's fields would produce.
async fn new_preview(
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
    Ok(cohort_preview::preview_lines(&planned, lang))
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
    let context = Context {
        venues: &venues,
        trainers: &trainers,
        course_id,
        min_capacity: 0,
        today: Some(crate::domain::schedule::uae_today(now)),
        status: CohortStatus::Draft,
        stored_period: None,
    };
    let Some(fields) = cohort_form::validate(&input, &mut form, &context) else {
        return render_form(
            ctx,
            &state,
            form,
            &days,
            Extras::default(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if input.action != "save" {
        let extras = Extras {
            preview: Some(new_preview(&state, &fields, ctx.lang).await?),
            ..Extras::default()
        };
        return render_form(ctx, &state, form, &days, extras, StatusCode::OK).await;
    }
    let event = audit_event(
        &req,
        Some(admin.id),
        "cohort.create",
        String::new(),
        serde_json::json!({ "venue": fields.venue_id, "start": fields.start_date, "capacity": fields.capacity, "status": fields.status }),
    );
    let outcome = state
        .db
        .write(move |conn| classes::add(conn, &fields, event, now))
        .await?;
    match outcome {
        Ok(id) => Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::ADMIN_COHORT, id),
            "flash-cohort-created",
        )),
        Err(clashes) => {
            let (venue_clash, trainer_clash) =
                cohort_preview::record_clashes(&mut form, &clashes, ctx.lang);
            let extras = Extras {
                venue_clash,
                trainer_clash,
                ..Extras::default()
            };
            render_form(
                ctx,
                &state,
                form,
                &days,
                extras,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// The class as the edit page needs it.
struct Loaded {
    cohort: Cohort,
    started: bool,
    enrolled: i64,
    /// Enrolled or wait-listed.
    places: i64,
}

impl Loaded {
    fn extras(&self) -> Extras {
        Extras {
            editing: Some((self.cohort.id, self.cohort.status())),
            started: self.started,
            can_unpublish: self.places == 0 && !self.started,
            ..Extras::default()
        }
    }
}

async fn load(state: &AppState, id: i32) -> Result<Loaded, AppError> {
    let now = db_now(state.clock().now());
    state
        .db
        .read(move |conn| {
            let cohort = Cohort::find(conn, id)?.ok_or(AppError::NotFound)?;
            let started = ClassSession::of_cohort(conn, id)?
                .iter()
                .any(|session| session.starts_at < now);
            let enrolled = Enrollment::enrolled_count(conn, id)?;
            let waiting = Enrollment::of_cohort(conn, id, EnrollmentStatus::Waitlisted)?.len();
            Ok::<_, AppError>(Loaded {
                cohort,
                started,
                enrolled,
                places: enrolled + i64::try_from(waiting).unwrap_or(i64::MAX),
            })
        })
        .await
}

pub async fn edit_form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let loaded = load(&state, id.into_inner()).await?;
    let days = loaded.cohort.weekdays().numbers();
    render_form(
        ctx,
        &state,
        cohort_form::form_from(&loaded.cohort),
        &days,
        loaded.extras(),
        StatusCode::OK,
    )
    .await
}

/// What saving `fields` would do to the class's sessions, as preview lines.
async fn edit_preview(
    state: &AppState,
    cohort: &Cohort,
    fields: &CohortFields,
    lang: Lang,
) -> Result<(Vec<PreviewLine>, ChangeCounts), AppError> {
    let (cohort, fields, now) = (cohort.clone(), fields.clone(), state.clock().now());
    let changes = state
        .db
        .read(move |conn| {
            let sessions = ClassSession::of_cohort(conn, cohort.id)?;
            Ok::<_, AppError>(classes::session_changes(
                conn, &cohort, &sessions, &fields, now,
            )?)
        })
        .await?;
    Ok(cohort_preview::change_lines(&changes, lang))
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
    let loaded = load(&state, id.into_inner()).await?;
    let cohort = loaded.cohort.clone();
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
    let today = (!loaded.started && input.start_date.trim() != cohort.start_date.to_string())
        .then(|| crate::domain::schedule::uae_today(now));
    let context = Context {
        venues: &venues,
        trainers: &trainers,
        course_id,
        min_capacity: loaded.enrolled,
        today,
        status: cohort.status(),
        stored_period: Some(cohort.period()),
    };
    let Some(fields) = cohort_form::validate(&input, &mut form, &context) else {
        return render_form(
            ctx,
            &state,
            form,
            &days,
            loaded.extras(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if input.action != "save" {
        let (lines, counts) = edit_preview(&state, &cohort, &fields, ctx.lang).await?;
        let extras = Extras {
            preview: Some(lines),
            counts: Some(counts),
            ..loaded.extras()
        };
        return render_form(ctx, &state, form, &days, extras, StatusCode::OK).await;
    }
    let cohort_id = cohort.id;
    let event = audit_event(
        &req,
        Some(admin.id),
        "cohort.update",
        format!("cohort:{cohort_id}"),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| classes::edit(conn, cohort_id, &fields, event, now))
        .await?;
    let mut extras = loaded.extras();
    match outcome {
        Ok(_) => {
            return Ok(flash::redirect(
                &state.settings,
                &urls::with_id(urls::ADMIN_COHORT, cohort_id),
                "flash-cohort-saved",
            ));
        }
        Err(EditRefused::Clashes(clashes)) => {
            (extras.venue_clash, extras.trainer_clash) =
                cohort_preview::record_clashes(&mut form, &clashes, ctx.lang);
        }
        Err(EditRefused::BelowKept(_)) => form.fail("session_count", "sessions-below-kept"),
    }
    render_form(
        ctx,
        &state,
        form,
        &days,
        extras,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn publish(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_published(req, admin, state, id.into_inner(), true).await
}

pub async fn unpublish(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_published(req, admin, state, id.into_inner(), false).await
}

async fn set_published(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: i32,
    publish: bool,
) -> Result<HttpResponse, AppError> {
    let now = state.clock().now();
    let cohort = load(&state, id).await?.cohort;
    let event = audit_event(
        &req,
        Some(admin.id),
        if publish {
            "cohort.publish"
        } else {
            "cohort.unpublish"
        },
        format!("cohort:{}", cohort.id),
        serde_json::json!({ "from": cohort.status }),
    );
    let cohort_id = cohort.id;
    let outcome = state
        .db
        .write(move |conn| classes::set_published(conn, cohort_id, publish, event, now))
        .await?;
    let flash = match (outcome, publish) {
        (Publication::Done, true) => "flash-cohort-published",
        (Publication::Done, false) => "flash-cohort-unpublished",
        (Publication::InUse, _) => "flash-cohort-in-use",
        (Publication::Unchanged, _) => "flash-cohort-status-unchanged",
    };
    Ok(flash::redirect(
        &state.settings,
        &urls::with_id(urls::ADMIN_COHORT, cohort_id),
        flash,
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
    let cohort = load(&state, id.into_inner()).await?.cohort;
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
