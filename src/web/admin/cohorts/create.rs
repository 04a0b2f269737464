//! `GET /admin/cohorts/new` and `POST /admin/cohorts`: a new class, with
//! a preview of its dates before it is saved as a draft.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{Extras, NewQuery, references, render_form};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::cohort::CohortFields;
use crate::domain::cohort::{CohortStatus, Period, Weekdays};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ops::classes;
use crate::web::admin::cohort_form::{self, CohortForm, Context};
use crate::web::admin::cohort_preview::{self, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

pub async fn new_form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let period = Period::parse(&query.period).unwrap_or(Period::Morning);
    let form =
        cohort_form::new_class_form(period, crate::domain::time::uae_today(state.clock().now()));
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
        today: Some(crate::domain::time::uae_today(now)),
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
    let actor = audit_actor(&req, admin.id);
    let outcome = classes::add(&state.db, &actor, fields, now).await?;
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
