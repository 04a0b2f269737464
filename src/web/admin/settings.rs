//! `GET/POST /admin/settings`: programme-wide rules an admin may change;
//! for now the attendance threshold for exam eligibility.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::error::AppError;
use crate::ops::settings::set_attendance_threshold;
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub attendance_threshold: String,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    pub ctx: PageCtx,
    pub form: FormState,
}

fn render(ctx: PageCtx, form: FormState, status: StatusCode) -> Result<HttpResponse, AppError> {
    page::render(status, &SettingsPage { ctx, form })
}

pub async fn form(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let threshold = state
        .db
        .read(|conn| Ok::<_, AppError>(crate::ops::attendance::threshold(conn)?))
        .await?;
    let mut form = FormState::default();
    form.keep("attendance_threshold", &threshold.to_string());
    render(ctx, form, StatusCode::OK)
}

pub async fn save(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let threshold = form.check(
        "attendance_threshold",
        &input.attendance_threshold,
        |text| text.trim().parse::<i32>(),
        |_| "number-invalid",
    );
    let Some(threshold) = threshold.filter(|value| (50..=100).contains(value)) else {
        if form.error("attendance_threshold").is_none() {
            form.fail("attendance_threshold", "threshold-range");
        }
        return render(ctx, form, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let actor = audit_actor(&req, admin.id);
    set_attendance_threshold(&state.db, &actor, threshold, state.clock().now()).await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_SETTINGS,
        "flash-settings-saved",
    ))
}
