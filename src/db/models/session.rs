//! Signed-in sessions (not to be confused with a class's daily sessions).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::models::user::User;
use crate::db::schema::{sessions, users};

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: i32,
    pub token_hash: String,
    pub user_id: i32,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    /// The absolute end of the session, whatever the activity.
    pub expires_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i32,
    pub csrf_token: &'a str,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

impl SessionRow {
    pub fn insert(conn: &mut DbConnection, new: &NewSession<'_>) -> QueryResult<i32> {
        diesel::insert_into(sessions::table)
            .values(new)
            .returning(sessions::id)
            .get_result(conn)
    }

    /// The session with this token hash and its user.
    pub fn by_token_hash(
        conn: &mut DbConnection,
        token_hash: &str,
    ) -> QueryResult<Option<(SessionRow, User)>> {
        crate::db::on_backend!(conn, |c| sessions::table
            .inner_join(users::table)
            .filter(sessions::token_hash.eq(token_hash))
            .select((SessionRow::as_select(), User::as_select()))
            .first(c)
            .optional())
    }

    pub fn touch(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> QueryResult<usize> {
        diesel::update(sessions::table.find(id))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)
    }

    pub fn delete(conn: &mut DbConnection, id: i32) -> QueryResult<usize> {
        diesel::delete(sessions::table.find(id)).execute(conn)
    }

    /// Ends every session of a user (deactivation, reset).
    pub fn delete_for_user(conn: &mut DbConnection, user_id: i32) -> QueryResult<usize> {
        diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
    }

    /// Ends every session of a user except `keep` (password change).
    pub fn delete_others(conn: &mut DbConnection, user_id: i32, keep: i32) -> QueryResult<usize> {
        diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(user_id))
                .filter(sessions::id.ne(keep)),
        )
        .execute(conn)
    }

    /// Removes sessions past their absolute end or idle for longer than allowed.
    pub fn purge_expired(
        conn: &mut DbConnection,
        now: NaiveDateTime,
        idle_since: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::delete(
            sessions::table.filter(
                sessions::expires_at
                    .le(now)
                    .or(sessions::last_seen_at.le(idle_since)),
            ),
        )
        .execute(conn)
    }

    pub fn count_for_user(conn: &mut DbConnection, user_id: i32) -> QueryResult<i64> {
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .count()
            .get_result(conn)
    }
}
