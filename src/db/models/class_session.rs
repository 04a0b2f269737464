//! A class's daily sessions.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{attendance, class_sessions};
use crate::domain::reschedule::Existing;
use crate::domain::schedule::{Planned, SessionStatus};

/// A class's id, the start of its first session held and the end of its last.
pub type SpanRow = (i32, Option<NaiveDateTime>, Option<NaiveDateTime>);

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = class_sessions, treat_none_as_default_value = false)]
pub struct ClassSession {
    pub id: i32,
    pub cohort_id: i32,
    /// 1-based order within the class.
    pub seq: i32,
    /// UTC.
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: SessionStatus,
    /// Why it was moved or cancelled, shown to trainees.
    pub reason: Option<String>,
    pub original_starts_at: Option<NaiveDateTime>,
}

impl ClassSession {
    pub fn is_cancelled(&self) -> bool {
        self.status == SessionStatus::Cancelled
    }

    /// The session as the rescheduling rule sees it.
    pub fn existing(&self, marked: &BTreeSet<i32>) -> Existing {
        Existing {
            id: self.id,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            status: self.status,
            original_starts_at: self.original_starts_at,
            marked: marked.contains(&self.id),
        }
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
                    class_sessions::status.eq(SessionStatus::Scheduled.as_str()),
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
        crate::db::on_backend!(conn, |c| class_sessions::table
            .filter(class_sessions::cohort_id.eq(cohort_id))
            .order(class_sessions::seq)
            .select(ClassSession::as_select())
            .load(c))
    }

    /// The sessions of several classes.
    pub fn of_cohorts(
        conn: &mut DbConnection,
        cohort_ids: &[i32],
    ) -> QueryResult<Vec<ClassSession>> {
        crate::db::load_by_ids!(
            conn,
            class_sessions::table
                .order((class_sessions::cohort_id, class_sessions::seq))
                .select(ClassSession::as_select()),
            class_sessions::cohort_id,
            cohort_ids
        )
    }

    /// Each class's span: the start of its first session and the end of its
    /// last, cancelled sessions left out, aggregated in the database (a
    /// catalogue of hundreds of classes needs two instants each, not
    /// every session). Classes without a session held are absent.
    pub fn spans(conn: &mut DbConnection, cohort_ids: &[i32]) -> QueryResult<Vec<SpanRow>> {
        use diesel::dsl::{max, min};
        let held = class_sessions::table
            .filter(class_sessions::status.ne(SessionStatus::Cancelled.as_str()));
        crate::db::load_by_ids!(
            conn,
            held.group_by(class_sessions::cohort_id).select((
                class_sessions::cohort_id,
                min(class_sessions::starts_at),
                max(class_sessions::ends_at),
            )),
            class_sessions::cohort_id,
            cohort_ids
        )
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<ClassSession>> {
        class_sessions::table
            .find(id)
            .select(ClassSession::as_select())
            .first(conn)
            .optional()
    }

    /// The ids of a class's sessions that have any attendance mark.
    pub fn marked(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<BTreeSet<i32>> {
        let ids: Vec<i32> = attendance::table
            .inner_join(class_sessions::table)
            .filter(class_sessions::cohort_id.eq(cohort_id))
            .select(attendance::session_id)
            .distinct()
            .load(conn)?;
        Ok(ids.into_iter().collect())
    }

    /// Gives an untouched session a new time. Sessions a trainer moved or
    /// cancelled are left alone whatever the caller asks.
    pub fn retime(
        conn: &mut DbConnection,
        id: i32,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(
            class_sessions::table
                .find(id)
                .filter(class_sessions::status.eq(SessionStatus::Scheduled.as_str())),
        )
        .set((
            class_sessions::starts_at.eq(starts_at),
            class_sessions::ends_at.eq(ends_at),
        ))
        .execute(conn)
    }

    /// Removes an untouched session that has not started and has no
    /// attendance mark; anything else stays.
    pub fn delete_untouched(
        conn: &mut DbConnection,
        id: i32,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        let marks = attendance::table.filter(attendance::session_id.eq(class_sessions::id));
        diesel::delete(
            class_sessions::table
                .find(id)
                .filter(class_sessions::status.eq(SessionStatus::Scheduled.as_str()))
                .filter(class_sessions::starts_at.gt(now))
                .filter(diesel::dsl::not(diesel::dsl::exists(marks))),
        )
        .execute(conn)
    }

    /// Numbers a class's sessions 1, 2, … in time order. Two passes through
    /// negative numbers, so `UNIQUE (cohort_id, seq)` holds at every step.
    pub fn renumber(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<()> {
        let mut sessions = Self::of_cohort(conn, cohort_id)?;
        sessions.sort_by_key(|session| (session.starts_at, session.id));
        let moves: Vec<(i32, i32)> = sessions
            .iter()
            .zip(1..)
            .filter(|(session, seq)| session.seq != *seq)
            .map(|(session, seq)| (session.id, seq))
            .collect();
        for sign in [-1, 1] {
            for (id, seq) in &moves {
                diesel::update(class_sessions::table.find(id))
                    .set(class_sessions::seq.eq(sign * seq))
                    .execute(conn)?;
            }
        }
        Ok(())
    }

    pub fn cancel(conn: &mut DbConnection, id: i32, reason: &str) -> QueryResult<usize> {
        diesel::update(class_sessions::table.find(id))
            .set((
                class_sessions::status.eq(SessionStatus::Cancelled.as_str()),
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
                class_sessions::status.eq(SessionStatus::Moved.as_str()),
                class_sessions::reason.eq(reason),
                class_sessions::starts_at.eq(starts_at),
                class_sessions::ends_at.eq(ends_at),
                class_sessions::original_starts_at
                    .eq(session.original_starts_at.unwrap_or(session.starts_at)),
            ))
            .execute(conn)
    }
}
