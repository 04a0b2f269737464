//! `/admin/holidays`: the days on which no session is scheduled. Adding or
//! removing one affects classes planned afterwards only; every change is
//! audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::holiday::{Holiday, NewHoliday};
use crate::domain::person::{self, ArabicName, EnglishName};
use crate::domain::time::parse_day;
use crate::error::AppError;
use crate::ops::holidays;
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HolidayForm {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub name_ar: String,
    pub name_en: String,
}

/// A holiday in the list.
pub struct HolidayRow {
    pub id: i32,
    pub day: String,
    pub name_ar: String,
    pub name_en: String,
}

impl HolidayRow {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.id)
    }
}

#[derive(Template)]
#[template(path = "admin/holidays.html")]
pub struct HolidaysPage {
    pub ctx: PageCtx,
    pub rows: Vec<HolidayRow>,
    pub form: FormState,
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let holidays = state
        .db
        .read(|conn| Ok::<_, AppError>(Holiday::all(conn)?))
        .await?;
    let page = HolidaysPage {
        rows: holidays
            .into_iter()
            .map(|holiday| HolidayRow {
                id: holiday.id,
                day: holiday.day.format("%Y-%m-%d").to_string(),
                name_ar: holiday.name_ar,
                name_en: holiday.name_en,
            })
            .collect(),
        form,
        ctx,
    };
    page::render(status, &page)
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(ctx, &state, FormState::default(), StatusCode::OK).await
}

pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<HolidayForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let day = form.check("day", &input.day, parse_day, person::FieldError::key);
    let name_ar = form.check(
        "name_ar",
        &input.name_ar,
        ArabicName::parse,
        person::FieldError::key,
    );
    let name_en = form.check(
        "name_en",
        &input.name_en,
        EnglishName::parse,
        person::FieldError::key,
    );
    let (Some(day), Some(name_ar), Some(name_en)) = (day, name_ar, name_en) else {
        return render(ctx, &state, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let new = NewHoliday {
        day,
        name_ar: name_ar.as_str().to_owned(),
        name_en: name_en.as_str().to_owned(),
    };
    let actor = audit_actor(&req, admin.id);
    let added = holidays::create(&state.db, &actor, new, state.clock().now()).await?;
    if added.is_err() {
        form.fail("day", "holiday-day-taken");
        return render(ctx, &state, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_HOLIDAYS,
        "flash-holiday-added",
    ))
}

pub async fn delete(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let actor = audit_actor(&req, admin.id);
    let now = state.clock().now();
    if holidays::delete(&state.db, &actor, id.into_inner(), now)
        .await?
        .is_err()
    {
        return Err(AppError::NotFound);
    }
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_HOLIDAYS,
        "flash-holiday-deleted",
    ))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, keys};

    #[test]
    fn every_key_this_page_builds_at_run_time_is_in_both_catalogues() {
        for lang in Lang::ALL {
            let known = keys(lang);
            for key in [
                "holiday-day-taken",
                "flash-holiday-added",
                "flash-holiday-deleted",
            ] {
                assert!(known.contains(key), "{}: {key}", lang.code());
            }
        }
    }
}
