//! Venues: an admin adds and edits them; retiring, reactivating and
//! deleting go through [`crate::ops::retirement`].

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::region::Town;
use crate::db::models::venue::{Venue, VenueFields};
use crate::db::{Db, DbConnection, DbError};
use crate::ops::Actor;
use crate::ops::retirement::Retirable;

/// A town's code, which the audit log shows rather than an id that means
/// nothing to a reader.
pub fn town_code(towns: &[Town], town_id: i32) -> String {
    towns
        .iter()
        .find(|town| town.id == town_id)
        .map_or_else(|| town_id.to_string(), |town| town.code.clone())
}

/// What an edit changes, field by field as `[before, after]`, for the audit log.
pub fn changes(before: &Venue, after: &VenueFields, towns: &[Town]) -> serde_json::Value {
    let mut changed = serde_json::Map::new();
    let mut note = |field: &str, old: serde_json::Value, new: serde_json::Value| {
        if old != new {
            changed.insert(field.to_owned(), serde_json::json!([old, new]));
        }
    };
    note(
        "town",
        town_code(towns, before.town_id).into(),
        town_code(towns, after.town_id).into(),
    );
    note(
        "name_ar",
        before.name_ar.as_str().into(),
        after.name_ar.as_str().into(),
    );
    note(
        "name_en",
        before.name_en.as_str().into(),
        after.name_en.as_str().into(),
    );
    note(
        "partner_kind",
        before.partner_kind.as_str().into(),
        after.partner_kind.as_str().into(),
    );
    note(
        "address_ar",
        before.address_ar.as_str().into(),
        after.address_ar.as_str().into(),
    );
    note(
        "address_en",
        before.address_en.as_str().into(),
        after.address_en.as_str().into(),
    );
    note("seats", before.seats.into(), after.seats.into());
    serde_json::Value::Object(changed)
}

/// Adds a venue and audits `venue.create`; returns its id.
pub async fn create(
    db: &Db,
    actor: &Actor,
    fields: VenueFields,
    now: DateTime<Utc>,
) -> Result<i32, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| add(conn, &actor, &fields, now)).await
}

/// [`create`]'s step inside a caller's transaction (the demo's seeding).
pub fn add(
    conn: &mut DbConnection,
    actor: &Actor,
    fields: &VenueFields,
    at: NaiveDateTime,
) -> Result<i32, DbError> {
    let id = Venue::insert(conn, fields, at)?;
    let details = serde_json::json!({
        "town": town_code(&Town::all(conn)?, fields.town_id),
        "name_ar": fields.name_ar,
        "name_en": fields.name_en,
        "partner_kind": fields.partner_kind.as_str(),
        "seats": fields.seats,
    });
    audit::append(
        conn,
        &actor.event(Action::VenueCreate, format!("venue:{id}"), details),
        at,
    )?;
    Ok(id)
}

/// How saving a venue's edit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Updated {
    Done,
    /// The form holds what is stored: nothing to save or record.
    Unchanged,
    /// Deleted by another admin since the form was loaded.
    Missing,
}

/// Saves a venue's new fields and audits `venue.update` with what changed.
/// Refuses a missing venue; an edit that changes nothing is not recorded.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: i32,
    fields: VenueFields,
    now: DateTime<Utc>,
) -> Result<Updated, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let Some(venue) = Venue::find(conn, id)? else {
            return Ok(Updated::Missing);
        };
        let changed = changes(&venue, &fields, &Town::all(conn)?);
        if changed.as_object().is_some_and(serde_json::Map::is_empty) {
            return Ok(Updated::Unchanged);
        }
        Venue::update(conn, id, &fields, now)?;
        audit::append(
            conn,
            &actor.event(Action::VenueUpdate, format!("venue:{id}"), changed),
            now,
        )?;
        Ok(Updated::Done)
    })
    .await
}

impl Retirable for Venue {
    const SUBJECT: &'static str = "venue";
    const RETIRE: Action = Action::VenueRetire;
    const REACTIVATE: Action = Action::VenueReactivate;
    const DELETE: Action = Action::VenueDelete;

    fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Self>, DbError> {
        Ok(Venue::find(conn, id)?)
    }

    fn is_retired(&self) -> bool {
        self.retired
    }

    fn set_retired(
        conn: &mut DbConnection,
        id: i32,
        retired: bool,
        now: NaiveDateTime,
    ) -> Result<(), DbError> {
        Venue::set_retired(conn, id, retired, now)?;
        Ok(())
    }

    /// A venue with classes keeps them: it can only be retired.
    fn delete_if_unused(conn: &mut DbConnection, id: i32) -> Result<bool, DbError> {
        Ok(Venue::delete_if_unused(conn, id)?)
    }

    fn switch_details(&self) -> serde_json::Value {
        serde_json::json!({ "name_en": self.name_en })
    }

    fn delete_details(&self, conn: &mut DbConnection) -> Result<serde_json::Value, DbError> {
        Ok(serde_json::json!({
            "town": town_code(&Town::all(conn)?, self.town_id),
            "name_ar": self.name_ar,
            "name_en": self.name_en,
        }))
    }
}
