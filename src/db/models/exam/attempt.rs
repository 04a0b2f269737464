//! Attempts: one trainee's sitting of the exam, its deadline and outcome.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{attempts, enrollments};
use crate::domain::exam::AttemptStatus;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = attempts, treat_none_as_default_value = false)]
pub struct Attempt {
    pub id: i32,
    pub sitting_id: i32,
    pub enrollment_id: i32,
    pub trainee_id: i32,
    pub settings_id: i32,
    pub started_at: NaiveDateTime,
    /// The server's deadline, extra time and extensions included.
    pub deadline_at: NaiveDateTime,
    pub extra_percent: i32,
    pub extension_minutes: i32,
    pub status: AttemptStatus,
    pub finished_at: Option<NaiveDateTime>,
    pub end_reason: Option<String>,
    pub score_percent: Option<i32>,
    pub passed: Option<bool>,
    pub block1_percent: Option<i32>,
    pub block2_percent: Option<i32>,
    pub block3_percent: Option<i32>,
}

/// How [`Attempt::lock`] holds the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowLock {
    /// Saving an answer: saves of one attempt may run together.
    Share,
    /// Ending the attempt: waits for saves under way, blocks new ones.
    Exclusive,
}

/// The outcome stored when an attempt ends.
pub struct Finish<'a> {
    pub status: AttemptStatus,
    pub reason: Option<&'a str>,
    pub score: i32,
    pub passed: bool,
    pub blocks: [Option<i32>; 3],
}

impl Attempt {
    pub fn is_open(&self) -> bool {
        self.status == AttemptStatus::Open
    }

    /// Ended by the invigilator for an irregularity: never a pass.
    pub fn is_terminated(&self) -> bool {
        self.status == AttemptStatus::Terminated
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "an attempt row has that many facts"
    )]
    pub fn insert(
        conn: &mut DbConnection,
        sitting_id: i32,
        enrollment_id: i32,
        trainee_id: i32,
        settings_id: i32,
        started_at: NaiveDateTime,
        deadline_at: NaiveDateTime,
        extra_percent: i32,
    ) -> QueryResult<i32> {
        diesel::insert_into(attempts::table)
            .values((
                attempts::sitting_id.eq(sitting_id),
                attempts::enrollment_id.eq(enrollment_id),
                attempts::trainee_id.eq(trainee_id),
                attempts::settings_id.eq(settings_id),
                attempts::started_at.eq(started_at),
                attempts::deadline_at.eq(deadline_at),
                attempts::extra_percent.eq(extra_percent),
                attempts::status.eq(AttemptStatus::Open.as_str()),
            ))
            .returning(attempts::id)
            .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Attempt>> {
        attempts::table
            .find(id)
            .select(Attempt::as_select())
            .first(conn)
            .optional()
    }

    /// Locks the attempt's row until the transaction ends, shared (saves)
    /// or exclusive (ending it), so a save and the end of the attempt never
    /// interleave: an acknowledged save is always part of the score. On
    /// PostgreSQL a row lock; SQLite's single writer serialises them anyway.
    pub fn lock(conn: &mut DbConnection, id: i32, lock: RowLock) -> QueryResult<()> {
        #[cfg(feature = "postgres")]
        if let DbConnection::Postgres(pg) = conn {
            let row = attempts::table.find(id).select(attempts::id);
            let _: Vec<i32> = match lock {
                RowLock::Share => row.for_share().load(pg)?,
                RowLock::Exclusive => row.for_update().load(pg)?,
            };
        }
        #[cfg(not(feature = "postgres"))]
        let _ = (conn, id, lock);
        Ok(())
    }

    /// The trainee's own attempt (ownership in the query).
    pub fn find_own(
        conn: &mut DbConnection,
        id: i32,
        trainee_id: i32,
    ) -> QueryResult<Option<Attempt>> {
        crate::db::on_backend!(conn, |c| attempts::table
            .filter(attempts::id.eq(id))
            .filter(attempts::trainee_id.eq(trainee_id))
            .select(Attempt::as_select())
            .first(c)
            .optional())
    }

    /// A place's attempts, oldest first.
    pub fn of_enrollment(conn: &mut DbConnection, enrollment_id: i32) -> QueryResult<Vec<Attempt>> {
        attempts::table
            .filter(attempts::enrollment_id.eq(enrollment_id))
            .order(attempts::id)
            .select(Attempt::as_select())
            .load(conn)
    }

    /// A trainee's attempts, newest first.
    pub fn of_trainee(conn: &mut DbConnection, trainee_id: i32) -> QueryResult<Vec<Attempt>> {
        attempts::table
            .filter(attempts::trainee_id.eq(trainee_id))
            .order(attempts::id.desc())
            .select(Attempt::as_select())
            .load(conn)
    }

    /// A trainee's attempts at a course, across every class, oldest first.
    pub fn of_trainee_course(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
    ) -> QueryResult<Vec<Attempt>> {
        crate::db::on_backend!(conn, |c| attempts::table
            .inner_join(enrollments::table)
            .filter(attempts::trainee_id.eq(trainee_id))
            .filter(enrollments::course_id.eq(course_id))
            .order(attempts::id)
            .select(Attempt::as_select())
            .load(c))
    }

    pub fn of_sitting(conn: &mut DbConnection, sitting_id: i32) -> QueryResult<Vec<Attempt>> {
        attempts::table
            .filter(attempts::sitting_id.eq(sitting_id))
            .order(attempts::id)
            .select(Attempt::as_select())
            .load(conn)
    }

    /// Open attempts whose saves are no longer accepted.
    pub fn overdue(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<Vec<Attempt>> {
        attempts::table
            .filter(attempts::status.eq(AttemptStatus::Open.as_str()))
            .filter(attempts::deadline_at.lt(before))
            .select(Attempt::as_select())
            .load(conn)
    }

    /// Open attempts whose deadline is at or after `from`.
    pub fn open_until(conn: &mut DbConnection, from: NaiveDateTime) -> QueryResult<Vec<Attempt>> {
        attempts::table
            .filter(attempts::status.eq(AttemptStatus::Open.as_str()))
            .filter(attempts::deadline_at.ge(from))
            .order(attempts::id)
            .select(Attempt::as_select())
            .load(conn)
    }

    /// Ends an attempt if it is still open; returns whether this call did
    /// (so finishing twice, or by two instances at once, counts once).
    pub fn finish(
        conn: &mut DbConnection,
        id: i32,
        finish: &Finish<'_>,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            attempts::table
                .find(id)
                .filter(attempts::status.eq(AttemptStatus::Open.as_str())),
        )
        .set((
            attempts::status.eq(finish.status.as_str()),
            attempts::end_reason.eq(finish.reason),
            attempts::finished_at.eq(now),
            attempts::score_percent.eq(finish.score),
            attempts::passed.eq(finish.passed),
            attempts::block1_percent.eq(finish.blocks[0]),
            attempts::block2_percent.eq(finish.blocks[1]),
            attempts::block3_percent.eq(finish.blocks[2]),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Adds minutes to an open attempt's deadline.
    pub fn extend(conn: &mut DbConnection, attempt: &Attempt, minutes: i32) -> QueryResult<usize> {
        diesel::update(
            attempts::table
                .find(attempt.id)
                .filter(attempts::status.eq(AttemptStatus::Open.as_str())),
        )
        .set((
            attempts::extension_minutes.eq(attempt.extension_minutes + minutes),
            attempts::deadline_at
                .eq(attempt.deadline_at + chrono::Duration::minutes(i64::from(minutes))),
        ))
        .execute(conn)
    }
}
