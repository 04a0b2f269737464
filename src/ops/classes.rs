//! Class operations that span several tables: creating and rescheduling a
//! class with its sessions (refusing clashes), publishing it, taking a
//! place or joining the wait-list, withdrawing, promoting from the
//! wait-list, cancelling and moving. Each function runs inside the
//! caller's write transaction.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::holiday::Holiday;
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::cohort::{Phase, Weekdays};
use crate::domain::enrollment::{self, EnrollmentStatus, Refusal};
use crate::domain::person::Gender;
use crate::domain::schedule::{self, Plan, Planned};
use crate::domain::time::uae_today;

mod clashes;
mod editing;
mod publication;
pub mod sessions;

pub use clashes::{Clash, Clashes};
pub use editing::{EditRefused, Edited, add, edit, schedule_of, session_changes};
pub use publication::{AlreadyCancelled, Publication, cancel_class, set_published};

/// The sessions a class's fields produce, from `from` on (UAE date).
pub fn plan_sessions(
    conn: &mut DbConnection,
    fields: &CohortFields,
    from: chrono::NaiveDate,
    count: u32,
) -> Result<Vec<Planned>, DbError> {
    let holidays = Holiday::dates(conn)?;
    let plan = Plan {
        from: from.max(fields.start_date),
        weekdays: Weekdays::parse(&fields.weekdays).unwrap_or_else(|_| Weekdays::working_week()),
        count,
        starts: fields.starts_time,
        ends: fields.ends_time,
    };
    Ok(schedule::generate(&plan, &holidays))
}

/// Creates a class and generates its sessions, as given (tests and the
/// demo build their situations with it; the admin's form goes through
/// [`add`], which also refuses clashes and writes the audit entry).
pub fn create(
    conn: &mut DbConnection,
    fields: &CohortFields,
    now: DateTime<Utc>,
) -> Result<i32, DbError> {
    let planned = first_sessions(conn, fields)?;
    insert_with(conn, fields, &planned, now)
}

fn first_sessions(conn: &mut DbConnection, fields: &CohortFields) -> Result<Vec<Planned>, DbError> {
    plan_sessions(
        conn,
        fields,
        fields.start_date,
        u32::try_from(fields.session_count).unwrap_or(0),
    )
}

fn insert_with(
    conn: &mut DbConnection,
    fields: &CohortFields,
    planned: &[Planned],
    now: DateTime<Utc>,
) -> Result<i32, DbError> {
    let id = Cohort::insert(conn, fields, db_now(now))?;
    ClassSession::insert_planned(conn, id, 1, planned)?;
    Ok(id)
}

/// A class's phase now, from its status and sessions.
pub fn phase(cohort: &Cohort, sessions: &[ClassSession], now: DateTime<Utc>) -> Phase {
    let held: Vec<&ClassSession> = sessions
        .iter()
        .filter(|session| !session.is_cancelled())
        .collect();
    let first = held.iter().map(|session| session.starts_at.and_utc()).min();
    let last = held.iter().map(|session| session.ends_at.and_utc()).max();
    Phase::of(cohort.status, first, last, now)
}

/// The outcome of asking for a place.
#[derive(Clone, Debug)]
pub struct Placed {
    pub enrollment_id: i32,
    pub status: EnrollmentStatus,
    /// 1-based place on the wait-list.
    pub position: Option<usize>,
}

/// Who asks: the trainee themselves, or a registrar on their behalf (who
/// may place someone outside the enrolment window, with a reason).
#[derive(Clone, Copy, Debug)]
pub enum Asker<'a> {
    Trainee,
    Registrar { note: &'a str },
}

fn is_unique_violation(err: &DieselError) -> bool {
    matches!(
        err,
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)
    )
}

/// The intervals of a trainee's other active places' sessions.
fn other_sessions(
    conn: &mut DbConnection,
    trainee_id: i32,
    except_cohort: i32,
) -> Result<Vec<(NaiveDateTime, NaiveDateTime)>, DbError> {
    let cohorts: Vec<i32> = Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status.is_active() && place.cohort_id != except_cohort)
        .map(|place| place.cohort_id)
        .collect();
    Ok(ClassSession::of_cohorts(conn, &cohorts)?
        .into_iter()
        .filter(|session| !session.is_cancelled())
        .map(|session| (session.starts_at, session.ends_at))
        .collect())
}

/// Takes a seat in a class, or a place on its wait-list when it is full.
/// Capacity is never exceeded: the class row is locked (PostgreSQL) or the
/// single writer holds the database (SQLite) while seats are counted.
pub fn enrol(
    conn: &mut DbConnection,
    cohort_id: i32,
    trainee_id: i32,
    asker: Asker<'_>,
    now: DateTime<Utc>,
) -> Result<Result<Placed, Refusal>, DbError> {
    Cohort::lock(conn, cohort_id)?;
    // A class of theirs that ended since the last sweep frees its place first.
    crate::ops::exam::completion::settle_trainee(conn, trainee_id, now)?;
    let cohort = Cohort::find(conn, cohort_id)?.ok_or(DbError::Query(DieselError::NotFound))?;
    let trainee = User::find(conn, trainee_id)?.ok_or(DbError::Query(DieselError::NotFound))?;
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    let own = schedule::held_in(
        &sessions
            .iter()
            .map(|session| (session.starts_at, session.ends_at, session.is_cancelled()))
            .collect::<Vec<_>>(),
    );
    let others = other_sessions(conn, trainee_id, cohort_id)?;
    let has_active_place =
        Enrollment::active_in_course(conn, trainee_id, cohort.course_id)?.is_some();
    let request = enrollment::Request {
        phase: phase(&cohort, &sessions, now),
        audience: cohort.audience,
        gender: trainee
            .gender
            .as_deref()
            .and_then(|gender| Gender::parse(gender).ok()),
        window: (cohort.enrol_opens, cohort.enrol_closes),
        today: uae_today(now),
        has_active_place,
        passed_course: crate::ops::exam::attempts::record(conn, trainee_id, cohort.course_id)?
            .passed(),
        sessions: &own,
        other_sessions: &others,
        ignore_window: matches!(asker, Asker::Registrar { .. }),
    };
    if let Err(refusal) = enrollment::check(&request) {
        return Ok(Err(refusal));
    }
    let status = enrollment::placement(
        Enrollment::enrolled_count(conn, cohort_id)?,
        cohort.capacity,
    );
    let note = match asker {
        Asker::Registrar { note } => Some(note),
        Asker::Trainee => None,
    };
    let id = match Enrollment::insert(
        conn,
        cohort_id,
        trainee_id,
        cohort.course_id,
        status,
        note,
        db_now(now),
    ) {
        Ok(id) => id,
        // Two requests from the same person at once: the index keeps one.
        Err(err) if is_unique_violation(&err) => return Ok(Err(Refusal::AlreadyActive)),
        Err(err) => return Err(err.into()),
    };
    let position = if status == EnrollmentStatus::Waitlisted {
        waitlist_position(conn, cohort_id, id)?
    } else {
        None
    };
    Ok(Ok(Placed {
        enrollment_id: id,
        status,
        position,
    }))
}

/// A wait-listed place's 1-based position.
pub fn waitlist_position(
    conn: &mut DbConnection,
    cohort_id: i32,
    enrollment_id: i32,
) -> Result<Option<usize>, DbError> {
    let queue = Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Waitlisted)?;
    Ok(queue
        .iter()
        .position(|place| place.id == enrollment_id)
        .map(|index| index + 1))
}

/// Gives free seats to the wait-list, first come first served; returns the
/// places promoted.
pub fn promote_waiting(
    conn: &mut DbConnection,
    cohort_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<Enrollment>, DbError> {
    Cohort::lock(conn, cohort_id)?;
    let Some(cohort) = Cohort::find(conn, cohort_id)? else {
        return Ok(Vec::new());
    };
    let enrolled = Enrollment::enrolled_count(conn, cohort_id)?;
    let free = usize::try_from(i64::from(cohort.capacity) - enrolled).unwrap_or(0);
    let promoted: Vec<Enrollment> =
        Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Waitlisted)?
            .into_iter()
            .take(free)
            .collect();
    for place in &promoted {
        Enrollment::promote(conn, place.id, db_now(now))?;
        // Whatever freed the seat (a withdrawal, a move, a larger class),
        // the promotion is its own change of state.
        let event = crate::db::models::audit::Actor::system().event(
            Action::EnrollmentPromote,
            format!("enrollment:{}", place.id),
            serde_json::json!({ "cohort": cohort_id, "trainee": place.trainee_id }),
        );
        crate::db::models::audit::append(conn, &event, db_now(now))?;
    }
    Ok(promoted)
}

/// Ends a place (the trainee withdraws, or a registrar moves them) and
/// gives the freed seat to the wait-list.
pub fn end_place(
    conn: &mut DbConnection,
    place: &Enrollment,
    status: EnrollmentStatus,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Enrollment>, DbError> {
    Cohort::lock(conn, place.cohort_id)?;
    Enrollment::end(conn, place.id, status, note, db_now(now))?;
    promote_waiting(conn, place.cohort_id, now)
}

/// Cancels a class: every active place ends, so its trainees may enrol
/// elsewhere; their page says why.
pub fn cancel(
    conn: &mut DbConnection,
    cohort_id: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    Cohort::lock(conn, cohort_id)?;
    Cohort::cancel(conn, cohort_id, reason, db_now(now))?;
    let mut ended = 0;
    for status in [EnrollmentStatus::Enrolled, EnrollmentStatus::Waitlisted] {
        for place in Enrollment::of_cohort(conn, cohort_id, status)? {
            Enrollment::end(
                conn,
                place.id,
                EnrollmentStatus::Cancelled,
                Some(reason),
                db_now(now),
            )?;
            ended += 1;
        }
    }
    Ok(ended)
}

/// The latest moment a trainer may still change a session: before it starts.
pub fn is_future(session: &ClassSession, now: DateTime<Utc>) -> bool {
    session.starts_at > db_now(now) && !session.is_cancelled()
}

/// Where a session lands when moved to `new_start` (same length).
pub fn moved_times(
    session: &ClassSession,
    new_start: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    schedule::moved(session.starts_at, session.ends_at, new_start)
}
