//! Venues: training places in a town.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{cohorts, venues};
use crate::domain::cohort::PartnerKind;
use crate::i18n::Lang;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = venues)]
pub struct Venue {
    pub id: i32,
    pub town_id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub partner_kind: PartnerKind,
    /// The street address in each language, without the venue's name.
    pub address_ar: String,
    pub address_en: String,
    /// Seats in the room; a class's capacity may not exceed it.
    pub seats: i32,
    /// Retired venues keep their classes but get no new ones.
    pub retired: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A new venue, or the new values of an existing one.
#[derive(Clone, Debug, Insertable, AsChangeset)]
#[diesel(table_name = venues)]
pub struct VenueFields {
    pub town_id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub partner_kind: PartnerKind,
    pub address_ar: String,
    pub address_en: String,
    pub seats: i32,
}

impl Venue {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }

    pub fn address(&self, lang: Lang) -> &str {
        lang.pick(&self.address_ar, &self.address_en)
    }

    pub fn insert(
        conn: &mut DbConnection,
        fields: &VenueFields,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(venues::table)
            .values((
                fields,
                venues::retired.eq(false),
                venues::created_at.eq(now),
                venues::updated_at.eq(now),
            ))
            .returning(venues::id)
            .get_result(conn)
    }

    pub fn update(
        conn: &mut DbConnection,
        id: i32,
        fields: &VenueFields,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(venues::table.find(id))
            .set((fields, venues::updated_at.eq(now)))
            .execute(conn)
    }

    pub fn set_retired(
        conn: &mut DbConnection,
        id: i32,
        retired: bool,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(venues::table.find(id))
            .set((venues::retired.eq(retired), venues::updated_at.eq(now)))
            .execute(conn)
    }

    /// Deletes a venue that has never had a class; returns whether it did.
    pub fn delete_if_unused(conn: &mut DbConnection, id: i32) -> QueryResult<bool> {
        if Self::has_classes(conn, id)? {
            return Ok(false);
        }
        Ok(diesel::delete(venues::table.find(id)).execute(conn)? == 1)
    }

    pub fn has_classes(conn: &mut DbConnection, id: i32) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            cohorts::table.filter(cohorts::venue_id.eq(id)),
        ))
        .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Venue>> {
        venues::table
            .find(id)
            .select(Venue::as_select())
            .first(conn)
            .optional()
    }

    /// Every venue, by town then name.
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Venue>> {
        venues::table
            .order((venues::town_id, venues::name_en, venues::id))
            .select(Venue::as_select())
            .load(conn)
    }

    /// The venues `ids`.
    pub fn by_ids(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<Venue>> {
        crate::db::load_by_ids!(
            conn,
            venues::table.select(Venue::as_select()),
            venues::id,
            ids
        )
    }
}
