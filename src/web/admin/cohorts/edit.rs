//! `GET/POST /admin/cohorts/{id}`: a class's form, a preview of what
//! saving would do to its sessions, and saving it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{Extras, Loaded, load, references, render_form};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::domain::cohort::CohortStatus;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes::{self, EditRefused};
use crate::web::admin::cohort_form::{self, CohortForm, Context};
use crate::web::admin::cohort_preview::{self, ChangeCounts, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

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

/// The form's fields, checked against the class as stored.
async fn checked(
    state: &AppState,
    loaded: &Loaded,
    input: &CohortForm,
    form: &mut FormState,
) -> Result<Option<CohortFields>, AppError> {
    let (venues, trainers, course_id) = references(state).await?;
    let cohort = &loaded.cohort;
    // A class under way keeps its start date, wherever it was.
    let today = (!loaded.started && input.start_date.trim() != cohort.start_date.to_string())
        .then(|| crate::domain::time::uae_today(state.clock().now()));
    let context = Context {
        venues: &venues,
        trainers: &trainers,
        course_id,
        min_capacity: loaded.enrolled,
        today,
        status: cohort.status,
        stored_period: Some(cohort.period),
    };
    Ok(cohort_form::validate(input, form, &context))
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
    if cohort.status == CohortStatus::Cancelled {
        return Ok(flash::redirect(
            &state.settings,
            &urls::with_id(urls::ADMIN_COHORT, cohort.id),
            "flash-cohort-is-cancelled",
        ));
    }
    let mut form = FormState::default();
    let days = input.weekday_numbers();
    let Some(fields) = checked(&state, &loaded, &input, &mut form).await? else {
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
    let actor = audit_actor(&req, admin.id);
    let outcome = classes::edit(&state.db, &actor, cohort_id, fields, now).await?;
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
