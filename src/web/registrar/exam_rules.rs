//! The registrar's exceptions to the exam's rules: `/registrar/cohorts`
//! lists the classes still under way or to come and lets a registrar allow
//! one of them a sitting before its last session; a trainee who used every
//! attempt and has retrained may be granted a new series from their page.
//! Both need a reason, and both are audited by the operations they call.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::sitting_permission::SittingPermission;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::public::catalogue::{self, CohortCard};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    pub reason: String,
}

/// A class on the list, with what a registrar may do about its sitting.
pub struct ClassRow {
    pub card: CohortCard,
    /// When its last planned session ends (local time).
    pub last_session: String,
    /// The reason of a permission the trainer has not used yet.
    pub waiting: Option<String>,
    /// How many earlier permissions were used by a sitting.
    pub used: usize,
}

impl ClassRow {
    pub fn allow_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_COHORT_EARLY_SITTING, self.card.id)
    }
}

#[derive(Template)]
#[template(path = "registrar/cohorts.html")]
pub struct CohortsPage {
    pub ctx: PageCtx,
    pub rows: Vec<ClassRow>,
    /// (class, typed reason, message) of a refused permission.
    pub refused: Option<(i32, String, String)>,
}

impl CohortsPage {
    pub fn problem_for(&self, id: &i32) -> Option<&str> {
        self.refused
            .as_ref()
            .filter(|(cohort, _, _)| cohort == id)
            .map(|(_, _, message)| message.as_str())
    }

    pub fn typed_for(&self, id: &i32) -> &str {
        self.refused
            .as_ref()
            .filter(|(cohort, _, _)| cohort == id)
            .map_or("", |(_, typed, _)| typed.as_str())
    }
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    refused: Option<(i32, String, String)>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (lang, now) = (ctx.lang, state.clock().now());
    let rows = state
        .db
        .read(move |conn| {
            let cohorts = Cohort::listed(conn, db_now(now))?;
            let ids: Vec<i32> = cohorts.iter().map(|cohort| cohort.id).collect();
            let permissions = SittingPermission::of_cohorts(conn, &ids)?;
            let sessions = ClassSession::of_cohorts(conn, &ids)?;
            let mut rows = Vec::new();
            for card in catalogue::cards(conn, cohorts, lang, now)? {
                let own: Vec<ClassSession> = sessions
                    .iter()
                    .filter(|session| session.cohort_id == card.id)
                    .cloned()
                    .collect();
                let mine = permissions.iter().filter(|p| p.cohort_id == card.id);
                rows.push(ClassRow {
                    last_session: crate::ops::exam::sittings::last_session_end(&own)
                        .map(|end| {
                            crate::domain::time::utc_to_local(end)
                                .format("%Y-%m-%d %H:%M")
                                .to_string()
                        })
                        .unwrap_or_default(),
                    waiting: mine
                        .clone()
                        .find(|p| p.sitting_id.is_none())
                        .map(|p| p.reason.clone()),
                    used: mine.filter(|p| p.sitting_id.is_some()).count(),
                    card,
                });
            }
            Ok::<_, AppError>(rows)
        })
        .await?;
    let body = CohortsPage { ctx, rows, refused }.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// `GET /registrar/cohorts`.
pub async fn cohorts(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(ctx, &state, None, StatusCode::OK).await
}

/// `POST /registrar/cohorts/{id}/early-sitting`: `reason`.
pub async fn allow_early(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    let (cohort_id, now) = (id.into_inner(), state.clock().now());
    let actor = audit_actor(&req, registrar.id);
    let reason = input.reason.clone();
    let registrar_id = registrar.id;
    let outcome = crate::ops::exam::sittings::allow_early(
        &state.db,
        &actor,
        registrar_id,
        cohort_id,
        reason,
        now,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    match outcome {
        Ok(_) => Ok(flash::redirect(
            &state.settings,
            urls::REGISTRAR_COHORTS,
            "flash-early-sitting-allowed",
        )),
        Err(refusal) => {
            let message = ctx.t(refusal.key());
            let typed = input.reason.trim().to_owned();
            render(
                ctx,
                &state,
                Some((cohort_id, typed, message)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /registrar/trainees/{id}/attempt-grants`: `reason`. A refusal
/// shows the trainee's page again with the message beside the form.
pub async fn grant_attempts(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    let (trainee_id, now) = (id.into_inner(), state.clock().now());
    let actor = audit_actor(&req, registrar.id);
    let (reason, registrar_id) = (input.reason.clone(), registrar.id);
    let outcome =
        crate::ops::exam::resits::grant(&state.db, &actor, registrar_id, trainee_id, reason, now)
            .await?
            .ok_or(AppError::NotFound)?;
    let back = urls::with_id(urls::REGISTRAR_TRAINEE, trainee_id);
    match outcome {
        Ok(_) => Ok(flash::redirect(
            &state.settings,
            &back,
            "flash-attempts-granted",
        )),
        Err(refusal) => {
            let message = ctx.t(refusal.key());
            super::trainees::render_with_grant_problem(
                ctx,
                &state,
                trainee_id,
                (input.reason.trim().to_owned(), message),
            )
            .await
        }
    }
}
