//! Retiring, reactivating and deleting what admins keep in lists (venues,
//! questions): the same three actions over different tables, written once.
//! A retired item stays for the records that point to it but is offered
//! for nothing new; only an item nothing points to may be deleted.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit::{self, Action};
use crate::db::{Db, DbConnection, DbError};
use crate::ops::Actor;

/// A row an admin may retire, reactivate and (while unused) delete.
pub trait Retirable: Sized + Send + 'static {
    /// The audit subject's prefix, e.g. `venue` for `venue:12`.
    const SUBJECT: &'static str;
    const RETIRE: Action;
    const REACTIVATE: Action;
    const DELETE: Action;

    fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Self>, DbError>;
    fn is_retired(&self) -> bool;
    fn set_retired(
        conn: &mut DbConnection,
        id: i32,
        retired: bool,
        now: NaiveDateTime,
    ) -> Result<(), DbError>;
    /// Deletes the row unless something points to it; whether it did.
    fn delete_if_unused(conn: &mut DbConnection, id: i32) -> Result<bool, DbError>;
    /// What the audit entry of a retirement or reactivation says.
    fn switch_details(&self) -> serde_json::Value;
    /// What the audit entry of a deletion keeps of the row.
    fn delete_details(&self, conn: &mut DbConnection) -> Result<serde_json::Value, DbError>;
}

/// How retiring or reactivating ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switched {
    Done,
    /// Already as asked (a double click): nothing changed or was recorded.
    Unchanged,
    Missing,
}

/// How a deletion ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    Done,
    /// Something points to it: it can only be retired.
    InUse,
    Missing,
}

/// Retires the row `id` (`retired`) or reactivates it, auditing the
/// change. Refuses a missing row; a row already as asked is left alone.
pub async fn set_retired<T: Retirable>(
    db: &Db,
    actor: &Actor,
    id: i32,
    retired: bool,
    now: DateTime<Utc>,
) -> Result<Switched, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let Some(row) = T::find(conn, id)? else {
            return Ok(Switched::Missing);
        };
        if row.is_retired() == retired {
            return Ok(Switched::Unchanged);
        }
        T::set_retired(conn, id, retired, now)?;
        let action = if retired { T::RETIRE } else { T::REACTIVATE };
        let subject = format!("{}:{id}", T::SUBJECT);
        audit::append(
            conn,
            &actor.event(action, subject, row.switch_details()),
            now,
        )?;
        Ok(Switched::Done)
    })
    .await
}

/// Deletes the row `id` and audits what it held. Refuses a missing row and
/// one that something points to.
pub async fn delete<T: Retirable>(
    db: &Db,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<Deleted, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let Some(row) = T::find(conn, id)? else {
            return Ok(Deleted::Missing);
        };
        if !T::delete_if_unused(conn, id)? {
            return Ok(Deleted::InUse);
        }
        let details = row.delete_details(conn)?;
        let subject = format!("{}:{id}", T::SUBJECT);
        audit::append(conn, &actor.event(T::DELETE, subject, details), now)?;
        Ok(Deleted::Done)
    })
    .await
}
