//! Exam settings, sittings, attempts, drawn questions and saved answers.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{
    answers, attempt_questions, attempts, enrollments, exam_settings, sittings,
};
use crate::domain::exam::AttemptStatus;

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
        exam_settings::table
            .order(exam_settings::id.desc())
            .select(ExamSettings::as_select())
            .first(conn)
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

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = sittings)]
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

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = attempts)]
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
    /// `open`, `submitted`, `expired` (time ran out) or `terminated` (invigilator).
    pub status: String,
    pub finished_at: Option<NaiveDateTime>,
    pub end_reason: Option<String>,
    pub score_percent: Option<i32>,
    pub passed: Option<bool>,
    pub block1_percent: Option<i32>,
    pub block2_percent: Option<i32>,
    pub block3_percent: Option<i32>,
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
        self.status == AttemptStatus::Open.as_str()
    }

    /// Ended by the invigilator for an irregularity: never a pass.
    pub fn is_terminated(&self) -> bool {
        self.status == AttemptStatus::Terminated.as_str()
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

    /// The trainee's own attempt (ownership in the query).
    pub fn find_own(
        conn: &mut DbConnection,
        id: i32,
        trainee_id: i32,
    ) -> QueryResult<Option<Attempt>> {
        attempts::table
            .filter(attempts::id.eq(id))
            .filter(attempts::trainee_id.eq(trainee_id))
            .select(Attempt::as_select())
            .first(conn)
            .optional()
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
        attempts::table
            .inner_join(enrollments::table)
            .filter(attempts::trainee_id.eq(trainee_id))
            .filter(enrollments::course_id.eq(course_id))
            .order(attempts::id)
            .select(Attempt::as_select())
            .load(conn)
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

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = attempt_questions)]
pub struct AttemptQuestion {
    pub id: i32,
    pub attempt_id: i32,
    /// 1-based position in the attempt.
    pub position: i32,
    pub question_id: i32,
    /// Option ids in the order this trainee sees them, `12,15,13`. The page
    /// names an option by its 1-based place in this list, never by its id.
    pub option_order: String,
}

impl AttemptQuestion {
    pub fn option_ids(&self) -> Vec<i32> {
        self.option_order
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect()
    }

    /// The option ids at the 1-based `positions` of this attempt's order
    /// (the values the trainee's form carries), or `None` if one of them is
    /// not a position of this question.
    pub fn ids_at(&self, positions: &[i32]) -> Option<Vec<i32>> {
        let order = self.option_ids();
        positions
            .iter()
            .map(|position| {
                let index = usize::try_from(*position).ok()?.checked_sub(1)?;
                order.get(index).copied()
            })
            .collect()
    }

    /// The 1-based positions of `ids` in this attempt's order, ascending;
    /// ids that are not options of this question are left out.
    pub fn positions_of(&self, ids: &[i32]) -> Vec<i32> {
        (1..)
            .zip(self.option_ids())
            .filter(|(_, id)| ids.contains(id))
            .map(|(position, _)| position)
            .collect()
    }

    pub fn insert(
        conn: &mut DbConnection,
        attempt_id: i32,
        position: i32,
        question_id: i32,
        option_order: &str,
    ) -> QueryResult<usize> {
        diesel::insert_into(attempt_questions::table)
            .values((
                attempt_questions::attempt_id.eq(attempt_id),
                attempt_questions::position.eq(position),
                attempt_questions::question_id.eq(question_id),
                attempt_questions::option_order.eq(option_order),
            ))
            .execute(conn)
    }

    pub fn of_attempt(
        conn: &mut DbConnection,
        attempt_id: i32,
    ) -> QueryResult<Vec<AttemptQuestion>> {
        attempt_questions::table
            .filter(attempt_questions::attempt_id.eq(attempt_id))
            .order(attempt_questions::position)
            .select(AttemptQuestion::as_select())
            .load(conn)
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = answers)]
pub struct Answer {
    pub id: i32,
    pub attempt_id: i32,
    pub question_id: i32,
    /// Selected option ids, sorted, comma-separated (empty: cleared).
    pub selected: String,
    pub flagged: bool,
    /// The client's sequence number of this save.
    pub seq: i64,
    pub saved_at: NaiveDateTime,
}

impl Answer {
    pub fn selected_ids(&self) -> Vec<i32> {
        self.selected
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect()
    }

    pub fn of_attempt(conn: &mut DbConnection, attempt_id: i32) -> QueryResult<Vec<Answer>> {
        answers::table
            .filter(answers::attempt_id.eq(attempt_id))
            .select(Answer::as_select())
            .load(conn)
    }

    /// Stores a save unless a newer one (higher `seq`) is already stored;
    /// returns whether it was stored.
    pub fn save(
        conn: &mut DbConnection,
        attempt_id: i32,
        question_id: i32,
        selected: &str,
        flagged: bool,
        seq: i64,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        let existing: Option<Answer> = answers::table
            .filter(answers::attempt_id.eq(attempt_id))
            .filter(answers::question_id.eq(question_id))
            .select(Answer::as_select())
            .first(conn)
            .optional()?;
        match existing {
            Some(answer) if answer.seq > seq => Ok(false),
            Some(answer) => {
                diesel::update(answers::table.find(answer.id))
                    .set((
                        answers::selected.eq(selected),
                        answers::flagged.eq(flagged),
                        answers::seq.eq(seq),
                        answers::saved_at.eq(now),
                    ))
                    .execute(conn)?;
                Ok(true)
            }
            None => {
                diesel::insert_into(answers::table)
                    .values((
                        answers::attempt_id.eq(attempt_id),
                        answers::question_id.eq(question_id),
                        answers::selected.eq(selected),
                        answers::flagged.eq(flagged),
                        answers::seq.eq(seq),
                        answers::saved_at.eq(now),
                    ))
                    .execute(conn)?;
                Ok(true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(order: &str) -> AttemptQuestion {
        AttemptQuestion {
            id: 1,
            attempt_id: 1,
            position: 1,
            question_id: 7,
            option_order: order.to_owned(),
        }
    }

    #[test]
    fn positions_name_options_through_the_attempts_order() {
        let question = drawn("42,17,30");
        assert_eq!(question.ids_at(&[1]), Some(vec![42]));
        assert_eq!(question.ids_at(&[3, 2]), Some(vec![30, 17]));
        assert_eq!(question.ids_at(&[]), Some(vec![]));
        assert_eq!(question.positions_of(&[30, 42]), vec![1, 3]);
        assert_eq!(question.positions_of(&[99]), Vec::<i32>::new());
    }

    #[test]
    fn a_position_outside_the_question_names_nothing() {
        let question = drawn("42,17,30");
        for outside in [0, 4, -1, 42, i32::MAX, i32::MIN] {
            assert_eq!(question.ids_at(&[1, outside]), None, "{outside}");
        }
    }
}
