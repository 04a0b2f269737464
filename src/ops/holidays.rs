//! Holidays: days on which no session is scheduled. Adding or removing
//! one affects classes planned afterwards only.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::holiday::{Holiday, NewHoliday};
use crate::db::{Db, DbConnection, DbError};
use crate::ops::Actor;

/// The day is already a holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayTaken;

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

/// Adds a holiday and audits `holiday.create`; returns its id. Refuses a
/// day that is already one.
pub async fn create(
    db: &Db,
    actor: &Actor,
    new: NewHoliday,
    now: DateTime<Utc>,
) -> Result<Result<i32, DayTaken>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    let added = db.write(move |conn| add(conn, &actor, &new, now)).await;
    match added {
        Err(err) if is_duplicate_day(&err) => Ok(Err(DayTaken)),
        other => other,
    }
}

/// [`create`]'s step inside a caller's transaction (the demo's seeding).
pub fn add(
    conn: &mut DbConnection,
    actor: &Actor,
    new: &NewHoliday,
    at: NaiveDateTime,
) -> Result<Result<i32, DayTaken>, DbError> {
    if Holiday::exists_on(conn, new.day)? {
        return Ok(Err(DayTaken));
    }
    let id = Holiday::insert(conn, new)?;
    let details = serde_json::json!({
        "day": new.day.format("%Y-%m-%d").to_string(),
        "name_ar": new.name_ar,
        "name_en": new.name_en,
    });
    audit::append(
        conn,
        &actor.event(Action::HolidayCreate, format!("holiday:{id}"), details),
        at,
    )?;
    Ok(Ok(id))
}

/// The holiday to delete does not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing;

/// Deletes a holiday and audits `holiday.delete` with what it was.
/// Refuses a missing holiday.
pub async fn delete(
    db: &Db,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<Result<(), Missing>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let Some(holiday) = Holiday::find(conn, id)? else {
            return Ok(Err(Missing));
        };
        Holiday::delete(conn, id)?;
        let details = serde_json::json!({
            "day": holiday.day.format("%Y-%m-%d").to_string(),
            "name_ar": holiday.name_ar,
            "name_en": holiday.name_en,
        });
        audit::append(
            conn,
            &actor.event(Action::HolidayDelete, format!("holiday:{id}"), details),
            now,
        )?;
        Ok(Ok(()))
    })
    .await
}
