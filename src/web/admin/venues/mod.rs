//! `/admin/venues`: the training places of each town. Admins add and edit
//! them, retire one that is no longer used (its classes stay as they are)
//! and delete one that never had a class. Every change is audited.

mod changes;
mod form;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::extractors::Admin;
use crate::db::models::region::Region;
use crate::db::models::venue::Venue;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::{Choice, TownGroup};
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
use crate::web::{AppState, urls};

pub use changes::{create, delete, reactivate, retire, update};
pub use form::VenueForm;
use form::{Regions, kind_label, partner_kinds, prefill, town_groups};

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
                        kind: kind_label(venue.partner_kind, lang),
                        address: venue.address(lang).to_owned(),
                        seats: venue.seats,
                        retired: venue.retired,
                    })
                    .collect(),
            });
        }
    }
    sections
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
    page::render(status, &page)
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
    page::render(status, &page)
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
