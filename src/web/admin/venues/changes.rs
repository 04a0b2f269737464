//! The venue changes an admin posts: add, edit, retire, reactivate and
//! delete (a venue with classes can only be retired, so the classes keep
//! their venue).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::form::{VenueForm, towns_of, validate};
use super::{load, render_edit, render_list};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::models::region::Region;
use crate::db::models::venue::Venue;
use crate::error::AppError;
use crate::ops::venues::{self, Updated};
use crate::web::admin::retirement::{self, Shelf};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

const SHELF: Shelf = Shelf {
    list: urls::ADMIN_VENUES,
    retired: "flash-venue-retired",
    reactivated: "flash-venue-reactivated",
    deleted: "flash-venue-deleted",
    in_use: "flash-venue-in-use",
};

pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<VenueForm>,
) -> Result<HttpResponse, AppError> {
    let regions = state
        .db
        .read(|conn| Ok::<_, AppError>(Region::all_with_towns(conn)?))
        .await?;
    let mut form = FormState::default();
    let Some(fields) = validate(&input, &mut form, towns_of(&regions)) else {
        return render_list(ctx, &state, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let actor = audit_actor(&req, admin.id);
    venues::create(&state.db, &actor, fields, state.clock().now()).await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_VENUES,
        "flash-venue-created",
    ))
}

pub async fn update(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<VenueForm>,
) -> Result<HttpResponse, AppError> {
    let (regions, venue) = load(&state, id.into_inner()).await?;
    let mut form = FormState::default();
    let Some(fields) = validate(&input, &mut form, towns_of(&regions)) else {
        return render_edit(
            ctx,
            &regions,
            &venue,
            form,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let actor = audit_actor(&req, admin.id);
    let key = match venues::update(&state.db, &actor, venue.id, fields, state.clock().now()).await?
    {
        Updated::Missing => return Err(AppError::NotFound),
        Updated::Unchanged => "flash-venue-unchanged",
        Updated::Done => "flash-venue-updated",
    };
    Ok(flash::redirect(&state.settings, urls::ADMIN_VENUES, key))
}

pub async fn retire(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::set_retired::<Venue>(&SHELF, &req, &admin, &state, id.into_inner(), true).await
}

pub async fn reactivate(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::set_retired::<Venue>(&SHELF, &req, &admin, &state, id.into_inner(), false).await
}

pub async fn delete(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    retirement::delete::<Venue>(&SHELF, &req, &admin, &state, id.into_inner()).await
}
