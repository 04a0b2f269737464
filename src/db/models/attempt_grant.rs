//! A new series of attempts at a course, granted by a registrar to a
//! trainee who used every attempt and has since retrained.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::attempt_grants;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = attempt_grants)]
pub struct AttemptGrant {
    pub id: i32,
    pub trainee_id: i32,
    pub course_id: i32,
    pub reason: String,
    pub granted_by: i32,
    /// Attempts finished before this no longer count towards the limit.
    pub granted_at: NaiveDateTime,
}

impl AttemptGrant {
    pub fn insert(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
        reason: &str,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(attempt_grants::table)
            .values((
                attempt_grants::trainee_id.eq(trainee_id),
                attempt_grants::course_id.eq(course_id),
                attempt_grants::reason.eq(reason),
                attempt_grants::granted_by.eq(by),
                attempt_grants::granted_at.eq(now),
            ))
            .returning(attempt_grants::id)
            .get_result(conn)
    }

    /// The newest grant for a trainee and course.
    pub fn latest(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
    ) -> QueryResult<Option<AttemptGrant>> {
        crate::db::on_backend!(conn, |c| attempt_grants::table
            .filter(attempt_grants::trainee_id.eq(trainee_id))
            .filter(attempt_grants::course_id.eq(course_id))
            .order(attempt_grants::id.desc())
            .select(AttemptGrant::as_select())
            .first(c)
            .optional())
    }
}
