//! Heartbeats: when each background job last completed a pass, shared by
//! every instance of the server.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;

use crate::db::DbConnection;
use crate::db::schema::heartbeats;

/// When the job `name` last completed a pass, `None` if it never has.
pub fn last_seen(conn: &mut DbConnection, name: &str) -> QueryResult<Option<NaiveDateTime>> {
    let row = heartbeats::table.find(name).select(heartbeats::seen_at);
    on_backend!(conn, |c| row.first(c).optional())
}

/// [`last_seen`], for the job's own pass: on PostgreSQL the row stays
/// locked until the transaction ends, so two instances never both act on
/// the same gap; SQLite's single writer serialises them anyway.
pub fn claim(conn: &mut DbConnection, name: &str) -> QueryResult<Option<NaiveDateTime>> {
    let row = heartbeats::table.find(name).select(heartbeats::seen_at);
    match conn {
        DbConnection::Sqlite(c) => row.first(c).optional(),
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(c) => row.for_update().first(c).optional(),
    }
}

/// Records that the job `name` completed a pass at `at`.
pub fn beat(conn: &mut DbConnection, name: &str, at: NaiveDateTime) -> QueryResult<()> {
    let statement = diesel::insert_into(heartbeats::table)
        .values((heartbeats::name.eq(name), heartbeats::seen_at.eq(at)))
        .on_conflict(heartbeats::name)
        .do_update()
        .set(heartbeats::seen_at.eq(excluded(heartbeats::seen_at)));
    on_backend!(conn, |c| statement.execute(c))?;
    Ok(())
}
