//! `/admin/cohorts`: create, edit, publish and cancel classes. The form
//! shows the dates its schedule produces before anything is saved; for a
//! class being edited it shows which sessions saving keeps, retimes, adds
//! or removes. A new class is a draft until it is published. A class that
//! would meet at the same time as another at its venue, or as another of
//! its trainer's, is refused with that class named. Cancelling frees every
//! trainee.

mod create;
mod edit;
mod status;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::course::{self, Course};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::cohort::CohortStatus;
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::admin::cohort_form::{self, CohortFormPage};
use crate::web::admin::cohort_preview::{ChangeCounts, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, urls};

pub use create::{create, new_form};
pub use edit::{edit_form, update};
pub use status::{cancel, publish, unpublish};

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
    page::render(StatusCode::OK, &CohortsPage { ctx, cards })
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
    page::render(status, &page)
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
            editing: Some((self.cohort.id, self.cohort.status)),
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
