//! `/admin/holidays`: the days on which no session is scheduled. Adding or
//! removing one affects classes planned afterwards only; every change is
//! audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::holiday::{Holiday, NewHoliday};
use crate::domain::person::{self, ArabicName, EnglishName};
use crate::domain::time::parse_day;
use crate::error::AppError;
use crate::web::admin::admin_event;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

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
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(ctx, &state, FormState::default(), StatusCode::OK).await
}

/// Whether a write failed only because the day is already a holiday: the
/// check before the insert cannot see a concurrent insert on PostgreSQL,
/// but the unique index does.
fn is_duplicate_day(err: &DbError) -> bool {
    matches!(
        err,
        DbError::Query(DieselError::DatabaseError(
            DatabaseErrorKind::UniqueViolation,
            _
        ))
    )
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
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        "holiday.create",
        String::new(),
        serde_json::json!({
            "day": new.day.format("%Y-%m-%d").to_string(),
            "name_ar": new.name_ar,
            "name_en": new.name_en,
        }),
    );
    let added = state
        .db
        .write(move |conn| {
            if Holiday::exists_on(conn, new.day)? {
                return Ok(false);
            }
            let id = Holiday::insert(conn, &new)?;
            event.subject = format!("holiday:{id}");
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(true)
        })
        .await;
    let added = match added {
        Ok(added) => added,
        Err(err) if is_duplicate_day(&err) => false,
        Err(err) => return Err(err.into()),
    };
    if !added {
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
    let id = id.into_inner();
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        "holiday.delete",
        format!("holiday:{id}"),
        serde_json::json!({}),
    );
    let deleted = state
        .db
        .write(move |conn| {
            let Some(holiday) = Holiday::find(conn, id)? else {
                return Ok(false);
            };
            Holiday::delete(conn, id)?;
            event.details = serde_json::json!({
                "day": holiday.day.format("%Y-%m-%d").to_string(),
                "name_ar": holiday.name_ar,
                "name_en": holiday.name_en,
            });
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(true)
        })
        .await?;
    if !deleted {
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
