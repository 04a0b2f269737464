//! `/admin/venues`: the training places of each town. Admins add and edit
//! them, retire one that is no longer used (its classes stay as they are)
//! and delete one that never had a class. Every change is audited.

mod form;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::region::Region;
use crate::db::models::venue::Venue;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::{Choice, TownGroup};
use crate::web::admin::admin_event;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

pub use form::VenueForm;
use form::{
    Regions, changes, kind_label, partner_kinds, prefill, town_code, town_groups, towns_of,
    validate,
};

/// A venue in the list.
pub struct VenueRow {
    pub id: i32,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub seats: i32,
    pub retired: bool,
}

impl VenueRow {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.id)
    }
}

/// The venues of one town.
pub struct TownSection {
    pub town: String,
    pub region: String,
    pub venues: Vec<VenueRow>,
}

#[derive(Template)]
#[template(path = "admin/venues.html")]
pub struct VenuesPage {
    pub ctx: PageCtx,
    pub sections: Vec<TownSection>,
    pub form: FormState,
    pub town_groups: Vec<TownGroup>,
    pub partner_kinds: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "admin/venue_edit.html")]
pub struct VenueEditPage {
    pub ctx: PageCtx,
    pub id: i32,
    /// The stored name in the page's language (not the one being typed).
    pub name: String,
    pub retired: bool,
    pub form: FormState,
    pub town_groups: Vec<TownGroup>,
    pub partner_kinds: Vec<Choice>,
}

impl VenueEditPage {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.id)
    }
}

/// Venues by region and town in display order, then by name in `lang`.
fn sections(regions: &Regions, venues: &[Venue], lang: Lang) -> Vec<TownSection> {
    let mut sections = Vec::new();
    for (region, towns) in regions {
        for town in towns {
            let mut here: Vec<&Venue> = venues
                .iter()
                .filter(|venue| venue.town_id == town.id)
                .collect();
            if here.is_empty() {
                continue;
            }
            here.sort_by(|a, b| a.name(lang).cmp(b.name(lang)).then(a.id.cmp(&b.id)));
            sections.push(TownSection {
                town: town.name(lang).to_owned(),
                region: region.name(lang).to_owned(),
                venues: here
                    .into_iter()
                    .map(|venue| VenueRow {
                        id: venue.id,
                        name: venue.name(lang).to_owned(),
                        kind: kind_label(&venue.partner_kind, lang),
                        address: venue.address.clone(),
                        seats: venue.seats,
                        retired: venue.retired,
                    })
                    .collect(),
            });
        }
    }
    sections
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

async fn render_list(
    ctx: PageCtx,
    state: &AppState,
    form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (regions, venues) = state
        .db
        .read(|conn| Ok::<_, AppError>((Region::all_with_towns(conn)?, Venue::all(conn)?)))
        .await?;
    let page = VenuesPage {
        sections: sections(&regions, &venues, lang),
        town_groups: town_groups(&regions, lang),
        partner_kinds: partner_kinds(lang),
        form,
        ctx,
    };
    Ok(html(status, page.render()?))
}

fn render_edit(
    ctx: PageCtx,
    regions: &Regions,
    venue: &Venue,
    form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let page = VenueEditPage {
        id: venue.id,
        name: venue.name(lang).to_owned(),
        retired: venue.retired,
        town_groups: town_groups(regions, lang),
        partner_kinds: partner_kinds(lang),
        form,
        ctx,
    };
    Ok(html(status, page.render()?))
}

/// The towns and the venue `id`, or the 404 page.
async fn load(state: &AppState, id: i32) -> Result<(Regions, Venue), AppError> {
    let (regions, venue) = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>((Region::all_with_towns(conn)?, Venue::find(conn, id)?))
        })
        .await?;
    Ok((regions, venue.ok_or(AppError::NotFound)?))
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render_list(ctx, &state, FormState::default(), StatusCode::OK).await
}

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
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        "venue.create",
        String::new(),
        serde_json::json!({
            "town": town_code(&regions, fields.town_id),
            "name_ar": fields.name_ar,
            "name_en": fields.name_en,
            "partner_kind": fields.partner_kind,
            "seats": fields.seats,
        }),
    );
    state
        .db
        .write(move |conn| {
            let id = Venue::insert(conn, &fields, now)?;
            event.subject = format!("venue:{id}");
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_VENUES,
        "flash-venue-created",
    ))
}

pub async fn edit(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (regions, venue) = load(&state, id.into_inner()).await?;
    let form = prefill(&venue, &regions);
    render_edit(ctx, &regions, &venue, form, StatusCode::OK)
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
    let changed = changes(&venue, &fields, &regions);
    if changed.as_object().is_some_and(serde_json::Map::is_empty) {
        return Ok(flash::redirect(
            &state.settings,
            urls::ADMIN_VENUES,
            "flash-venue-unchanged",
        ));
    }
    let now = crate::db::db_now(state.clock().now());
    let venue_id = venue.id;
    let event = admin_event(
        &req,
        admin.id,
        "venue.update",
        format!("venue:{venue_id}"),
        changed,
    );
    let updated = state
        .db
        .write(move |conn| {
            if Venue::update(conn, venue_id, &fields, now)? == 0 {
                return Ok(false);
            }
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(true)
        })
        .await?;
    if !updated {
        // Deleted by another admin since the form was loaded.
        return Err(AppError::NotFound);
    }
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_VENUES,
        "flash-venue-updated",
    ))
}

async fn set_retired(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: i32,
    retired: bool,
) -> Result<HttpResponse, AppError> {
    let (action, key) = if retired {
        ("venue.retire", "flash-venue-retired")
    } else {
        ("venue.reactivate", "flash-venue-reactivated")
    };
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        action,
        format!("venue:{id}"),
        serde_json::json!({}),
    );
    let found = state
        .db
        .write(move |conn| {
            let Some(venue) = Venue::find(conn, id)? else {
                return Ok(false);
            };
            // Already as asked (a double click): nothing to record.
            if venue.retired != retired {
                Venue::set_retired(conn, id, retired, now)?;
                event.details = serde_json::json!({ "name_en": venue.name_en });
                audit::append(conn, &event, now)?;
            }
            Ok::<_, DbError>(true)
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(flash::redirect(&state.settings, urls::ADMIN_VENUES, key))
}

pub async fn retire(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_retired(req, admin, state, id.into_inner(), true).await
}

pub async fn reactivate(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_retired(req, admin, state, id.into_inner(), false).await
}

/// How a delete request ended.
enum Deletion {
    Missing,
    /// The venue has classes.
    InUse,
    Done,
}

/// Deletes a venue that never had a class; one with classes must be
/// retired instead, so the classes keep their venue.
pub async fn delete(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let regions = state
        .db
        .read(|conn| Ok::<_, AppError>(Region::all_with_towns(conn)?))
        .await?;
    let now = crate::db::db_now(state.clock().now());
    let mut event = admin_event(
        &req,
        admin.id,
        "venue.delete",
        format!("venue:{id}"),
        serde_json::json!({}),
    );
    let outcome = state
        .db
        .write(move |conn| {
            let Some(venue) = Venue::find(conn, id)? else {
                return Ok(Deletion::Missing);
            };
            if !Venue::delete_if_unused(conn, id)? {
                return Ok(Deletion::InUse);
            }
            event.details = serde_json::json!({
                "town": town_code(&regions, venue.town_id),
                "name_ar": venue.name_ar,
                "name_en": venue.name_en,
            });
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(Deletion::Done)
        })
        .await?;
    let key = match outcome {
        Deletion::Missing => return Err(AppError::NotFound),
        Deletion::InUse => "flash-venue-in-use",
        Deletion::Done => "flash-venue-deleted",
    };
    Ok(flash::redirect(&state.settings, urls::ADMIN_VENUES, key))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, keys};

    #[test]
    fn every_flash_message_is_in_both_catalogues() {
        for lang in Lang::ALL {
            let known = keys(lang);
            for key in [
                "flash-venue-created",
                "flash-venue-updated",
                "flash-venue-unchanged",
                "flash-venue-retired",
                "flash-venue-reactivated",
                "flash-venue-deleted",
                "flash-venue-in-use",
            ] {
                assert!(known.contains(key), "{}: {key}", lang.code());
            }
        }
    }
}
