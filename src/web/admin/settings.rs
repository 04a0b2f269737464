//! `GET/POST /admin/settings`: programme-wide rules an admin may change;
//! for now the attendance threshold for exam eligibility.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::attendance::{ATTENDANCE_THRESHOLD, set_setting};
use crate::db::models::audit;
use crate::error::AppError;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_event, urls};

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

async fn page(ctx: PageCtx, form: FormState, status: StatusCode) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(SettingsPage { ctx, form }.render()?))
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
    page(ctx, form, StatusCode::OK).await
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
        return page(ctx, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock().now();
    let mut event = audit_event(
        &req,
        Some(admin.id),
        "settings.update",
        "settings".to_owned(),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            let old = crate::ops::attendance::threshold(conn)?;
            set_setting(conn, ATTENDANCE_THRESHOLD, threshold, db_now(now))?;
            event.details = serde_json::json!({ "attendance_threshold_percent": { "from": old, "to": threshold } });
            audit::append(conn, &event, db_now(now))?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_SETTINGS,
        "flash-settings-saved",
    ))
}
