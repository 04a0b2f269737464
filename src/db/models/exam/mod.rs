//! Exam settings, sittings, attempts, drawn questions and saved answers.

mod attempt;
mod drawn;

pub use attempt::{Attempt, Finish, RowLock};
pub use drawn::{Answer, AttemptQuestion};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{exam_settings, sittings};

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = exam_settings)]
pub struct ExamSettings {
    pub id: i32,
    pub duration_minutes: i32,
    pub pass_percent: i32,
    pub block1_questions: i32,
    pub block2_questions: i32,
    pub block3_questions: i32,
    pub resit_hours: i32,
    pub max_attempts: i32,
    pub created_by: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// New values for the settings (a new row; old attempts keep theirs).
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = exam_settings)]
pub struct NewExamSettings {
    pub duration_minutes: i32,
    pub pass_percent: i32,
    pub block1_questions: i32,
    pub block2_questions: i32,
    pub block3_questions: i32,
    pub resit_hours: i32,
    pub max_attempts: i32,
    pub created_by: Option<i32>,
    pub created_at: NaiveDateTime,
}

impl ExamSettings {
    pub fn per_block(&self) -> [usize; 3] {
        [
            self.block1_questions,
            self.block2_questions,
            self.block3_questions,
        ]
        .map(|n| usize::try_from(n).unwrap_or(0))
    }

    /// The settings in force (the newest row; the migration seeds one).
    pub fn current(conn: &mut DbConnection) -> QueryResult<ExamSettings> {
        crate::db::on_backend!(conn, |c| exam_settings::table
            .order(exam_settings::id.desc())
            .select(ExamSettings::as_select())
            .first(c))
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<ExamSettings> {
        exam_settings::table
            .find(id)
            .select(ExamSettings::as_select())
            .first(conn)
    }

    pub fn insert(conn: &mut DbConnection, new: &NewExamSettings) -> QueryResult<i32> {
        diesel::insert_into(exam_settings::table)
            .values(new)
            .returning(exam_settings::id)
            .get_result(conn)
    }
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = sittings, treat_none_as_default_value = false)]
pub struct Sitting {
    pub id: i32,
    pub cohort_id: i32,
    pub pin: String,
    pub opened_by: i32,
    pub opened_at: NaiveDateTime,
    /// Closed early by the trainer.
    pub closed_at: Option<NaiveDateTime>,
    /// The end of the sitting's window: no new starts from then on.
    pub closes_at: NaiveDateTime,
}

impl Sitting {
    /// Whether attempts may start at `now` (UTC, as stored).
    pub fn is_open(&self, now: NaiveDateTime) -> bool {
        self.closed_at.is_none() && now < self.closes_at
    }

    /// When it stopped, or stops, accepting starts.
    pub fn ends_at(&self) -> NaiveDateTime {
        self.closed_at
            .map_or(self.closes_at, |closed| closed.min(self.closes_at))
    }

    pub fn insert(
        conn: &mut DbConnection,
        cohort_id: i32,
        pin: &str,
        by: i32,
        now: NaiveDateTime,
        closes_at: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(sittings::table)
            .values((
                sittings::cohort_id.eq(cohort_id),
                sittings::pin.eq(pin),
                sittings::opened_by.eq(by),
                sittings::opened_at.eq(now),
                sittings::closes_at.eq(closes_at),
            ))
            .returning(sittings::id)
            .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Sitting>> {
        sittings::table
            .find(id)
            .select(Sitting::as_select())
            .first(conn)
            .optional()
    }

    /// A class's sitting that accepts starts at `now`, if any.
    pub fn open_for(
        conn: &mut DbConnection,
        cohort_id: i32,
        now: NaiveDateTime,
    ) -> QueryResult<Option<Sitting>> {
        Ok(Self::open_for_cohorts(conn, &[cohort_id], now)?.pop())
    }

    /// The sittings of these classes that accept starts at `now`.
    pub fn open_for_cohorts(
        conn: &mut DbConnection,
        cohort_ids: &[i32],
        now: NaiveDateTime,
    ) -> QueryResult<Vec<Sitting>> {
        sittings::table
            .filter(sittings::cohort_id.eq_any(cohort_ids))
            .filter(sittings::closed_at.is_null())
            .filter(sittings::closes_at.gt(now))
            .order(sittings::id)
            .select(Sitting::as_select())
            .load(conn)
    }

    /// A class's sittings, newest first.
    pub fn of_cohort(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<Vec<Sitting>> {
        sittings::table
            .filter(sittings::cohort_id.eq(cohort_id))
            .order(sittings::id.desc())
            .select(Sitting::as_select())
            .load(conn)
    }

    pub fn close(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> QueryResult<usize> {
        diesel::update(
            sittings::table
                .find(id)
                .filter(sittings::closed_at.is_null()),
        )
        .set(sittings::closed_at.eq(now))
        .execute(conn)
    }
}
