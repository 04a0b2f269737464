//! Places in classes, and the wait-list.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::enrollments;
use crate::domain::enrollment::EnrollmentStatus;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = enrollments, treat_none_as_default_value = false)]
pub struct Enrollment {
    pub id: i32,
    pub cohort_id: i32,
    pub trainee_id: i32,
    pub course_id: i32,
    pub status: EnrollmentStatus,
    /// The wait-list order: first come, first served.
    pub queued_at: NaiveDateTime,
    pub enrolled_at: Option<NaiveDateTime>,
    /// When the seat came from the wait-list.
    pub promoted_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    /// Why a registrar placed or moved the trainee, or why it ended.
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

const ACTIVE: [EnrollmentStatus; 2] = [EnrollmentStatus::Enrolled, EnrollmentStatus::Waitlisted];

impl Enrollment {
    pub fn insert(
        conn: &mut DbConnection,
        cohort_id: i32,
        trainee_id: i32,
        course_id: i32,
        status: EnrollmentStatus,
        note: Option<&str>,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(enrollments::table)
            .values((
                enrollments::cohort_id.eq(cohort_id),
                enrollments::trainee_id.eq(trainee_id),
                enrollments::course_id.eq(course_id),
                enrollments::status.eq(status.as_str()),
                enrollments::queued_at.eq(now),
                enrollments::enrolled_at.eq((status == EnrollmentStatus::Enrolled).then_some(now)),
                enrollments::note.eq(note),
                enrollments::created_at.eq(now),
                enrollments::updated_at.eq(now),
            ))
            .returning(enrollments::id)
            .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Enrollment>> {
        enrollments::table
            .find(id)
            .select(Enrollment::as_select())
            .first(conn)
            .optional()
    }

    /// A trainee's own place, by id (ownership in the query).
    pub fn find_own(
        conn: &mut DbConnection,
        id: i32,
        trainee_id: i32,
    ) -> QueryResult<Option<Enrollment>> {
        enrollments::table
            .filter(enrollments::id.eq(id))
            .filter(enrollments::trainee_id.eq(trainee_id))
            .select(Enrollment::as_select())
            .first(conn)
            .optional()
    }

    /// How many hold a seat in a class.
    pub fn enrolled_count(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<i64> {
        enrollments::table
            .filter(enrollments::cohort_id.eq(cohort_id))
            .filter(enrollments::status.eq("enrolled"))
            .count()
            .get_result(conn)
    }

    /// Seats taken and places on the wait-list of the classes `cohort_ids`,
    /// as (cohort, status, count).
    pub fn counts(
        conn: &mut DbConnection,
        cohort_ids: &[i32],
    ) -> QueryResult<Vec<(i32, String, i64)>> {
        // Two comparisons rather than `IN (?, ?)`, so SQLite keeps it prepared.
        let active = enrollments::table.filter(
            enrollments::status
                .eq(EnrollmentStatus::Enrolled)
                .or(enrollments::status.eq(EnrollmentStatus::Waitlisted)),
        );
        crate::db::load_by_ids!(
            conn,
            active
                .group_by((enrollments::cohort_id, enrollments::status))
                .select((
                    enrollments::cohort_id,
                    enrollments::status,
                    diesel::dsl::count_star(),
                )),
            enrollments::cohort_id,
            cohort_ids
        )
    }

    /// A trainee's active place in a course, if any.
    pub fn active_in_course(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
    ) -> QueryResult<Option<Enrollment>> {
        enrollments::table
            .filter(enrollments::trainee_id.eq(trainee_id))
            .filter(enrollments::course_id.eq(course_id))
            .filter(enrollments::status.eq_any(ACTIVE))
            .select(Enrollment::as_select())
            .first(conn)
            .optional()
    }

    /// All of a trainee's places, newest first.
    pub fn of_trainee(conn: &mut DbConnection, trainee_id: i32) -> QueryResult<Vec<Enrollment>> {
        crate::db::on_backend!(conn, |c| enrollments::table
            .filter(enrollments::trainee_id.eq(trainee_id))
            .order(enrollments::id.desc())
            .select(Enrollment::as_select())
            .load(c))
    }

    /// A class's places in a status, in queue order.
    pub fn of_cohort(
        conn: &mut DbConnection,
        cohort_id: i32,
        status: EnrollmentStatus,
    ) -> QueryResult<Vec<Enrollment>> {
        enrollments::table
            .filter(enrollments::cohort_id.eq(cohort_id))
            .filter(enrollments::status.eq(status.as_str()))
            .order((enrollments::queued_at, enrollments::id))
            .select(Enrollment::as_select())
            .load(conn)
    }

    /// A class's places that hold a seat (enrolled, or completed or not
    /// completed once the class has ended), in queue order.
    pub fn seated(conn: &mut DbConnection, cohort_id: i32) -> QueryResult<Vec<Enrollment>> {
        let seated = EnrollmentStatus::SEATED.map(EnrollmentStatus::as_str);
        enrollments::table
            .filter(enrollments::cohort_id.eq(cohort_id))
            .filter(enrollments::status.eq_any(seated))
            .order((enrollments::queued_at, enrollments::id))
            .select(Enrollment::as_select())
            .load(conn)
    }

    /// The classes that still have active places (enrolled or wait-listed)
    /// and no session left to end after `now`: those the sweeper may
    /// settle. Classes still running are left out in the query, so a sweep
    /// costs what has just ended, not every class on offer.
    pub fn cohorts_to_settle(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<i32>> {
        use crate::db::schema::class_sessions;
        let running = class_sessions::table
            .filter(class_sessions::ends_at.gt(now))
            .filter(class_sessions::status.ne(crate::domain::schedule::SessionStatus::Cancelled))
            .select(class_sessions::cohort_id);
        enrollments::table
            .filter(enrollments::status.eq_any(ACTIVE))
            .filter(enrollments::cohort_id.ne_all(running))
            .select(enrollments::cohort_id)
            .distinct()
            .load(conn)
    }

    /// Moves a place from `from` to `to` as its class ends; false if it
    /// had already changed (another instance settled it first).
    pub fn settle(
        conn: &mut DbConnection,
        id: i32,
        from: EnrollmentStatus,
        to: EnrollmentStatus,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            enrollments::table
                .find(id)
                .filter(enrollments::status.eq(from.as_str())),
        )
        .set((
            enrollments::status.eq(to.as_str()),
            enrollments::ended_at.eq(now),
            enrollments::updated_at.eq(now),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Ends a place (withdrawn, cancelled with its class, moved elsewhere).
    pub fn end(
        conn: &mut DbConnection,
        id: i32,
        status: EnrollmentStatus,
        note: Option<&str>,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(enrollments::table.find(id))
            .set((
                enrollments::status.eq(status.as_str()),
                enrollments::ended_at.eq(now),
                enrollments::note.eq(note),
                enrollments::updated_at.eq(now),
            ))
            .execute(conn)
    }

    /// Gives a wait-listed person a seat.
    pub fn promote(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> QueryResult<usize> {
        diesel::update(
            enrollments::table
                .find(id)
                .filter(enrollments::status.eq("waitlisted")),
        )
        .set((
            enrollments::status.eq("enrolled"),
            enrollments::enrolled_at.eq(now),
            enrollments::promoted_at.eq(now),
            enrollments::updated_at.eq(now),
        ))
        .execute(conn)
    }
}
