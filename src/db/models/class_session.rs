//! A class's daily sessions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::class_sessions;
use crate::domain::schedule::Planned;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = class_sessions)]
pub struct ClassSession {
    pub id: i32,
    pub cohort_id: i32,
    /// 1-based order within the class.
    pub seq: i32,
    /// UTC.
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// `scheduled`, `moved` or `cancelled`.
    pub status: String,
    /// Why it was moved or cancelled, shown to trainees.
    pub reason: Option<String>,
    pub original_starts_at: Option<NaiveDateTime>,
}

impl ClassSession {
    pub fn is_cancelled(&self) -> bool {
        self.status == "cancelled"
    }

    /// Inserts generated sessions numbered from `first_seq`.
    pub fn insert_planned(
        conn: &mut DbConnection,
        cohort_id: i32,
        first_seq: i32,
        planned: &[Planned],
    ) -> QueryResult<usize> {
        let rows: Vec<_> = planned
            .iter()
            .zip(first_seq..)
            .map(|(session, seq)| {
                (
                    class_sessions::cohort_id.eq(cohort_id),
                    class_sessions::seq.eq(seq),
                    class_sessions::starts_at.eq(session.starts_at),
                    class_sessions::ends_at.eq(session.ends_at),
                    class_sessions::status.eq("scheduled"),
                )
            })
            .collect();
        let mut inserted = 0;
        // One statement per row: portable across both backends' limits.
        for row in rows {
            inserted += diesel::insert_into(class_sessions::table)
                .values(row)
                .execute(conn)?;
        }
        Ok(inserted)
    }

    /// A class's sessions in order.
    pub fn of_cohort(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<Vec<ClassSession>> {
        class_sessions::table
            .filter(class_sessions::cohort_id.eq(cohort_id))
            .order(class_sessions::seq)
            .select(ClassSession::as_select())
            .load(conn)
    }

    /// The sessions of several classes.
    pub fn of_cohorts(
        conn: &mut DbConnection,
        cohort_ids: &[i32],
    ) -> QueryResult<Vec<ClassSession>> {
        class_sessions::table
            .filter(class_sessions::cohort_id.eq_any(cohort_ids))
            .order((class_sessions::cohort_id, class_sessions::seq))
            .select(ClassSession::as_select())
            .load(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<ClassSession>> {
        class_sessions::table
            .find(id)
            .select(ClassSession::as_select())
            .first(conn)
            .optional()
    }

    /// Removes a class's sessions that start at or after `from` (a schedule
    /// change affects only future sessions).
    pub fn delete_from(
        conn: &mut DbConnection,
        cohort_id: i32,
        from: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::delete(
            class_sessions::table
                .filter(class_sessions::cohort_id.eq(cohort_id))
                .filter(class_sessions::starts_at.ge(from)),
        )
        .execute(conn)
    }

    pub fn cancel(conn: &mut DbConnection, id: i32, reason: &str) -> QueryResult<usize> {
        diesel::update(class_sessions::table.find(id))
            .set((
                class_sessions::status.eq("cancelled"),
                class_sessions::reason.eq(reason),
            ))
            .execute(conn)
    }

    pub fn move_to(
        conn: &mut DbConnection,
        session: &ClassSession,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
        reason: &str,
    ) -> QueryResult<usize> {
        diesel::update(class_sessions::table.find(session.id))
            .set((
                class_sessions::status.eq("moved"),
                class_sessions::reason.eq(reason),
                class_sessions::starts_at.eq(starts_at),
                class_sessions::ends_at.eq(ends_at),
                class_sessions::original_starts_at
                    .eq(session.original_starts_at.unwrap_or(session.starts_at)),
            ))
            .execute(conn)
    }
}
