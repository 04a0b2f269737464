//! Where a trainee stands: their marks, rate and eligibility, computed from
//! the database with the pure rule in `domain::attendance`; marking and
//! overrides in [`marking`].

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::attendance::{self as marks, AttendanceMark, EligibilityOverride};
use crate::db::models::class_session::ClassSession;
use crate::db::models::sitting_permission::SittingPermission;
use crate::db::{DbConnection, DbError};
use crate::domain::attendance::{DEFAULT_THRESHOLD, Mark, SessionRecord, Standing};

pub mod marking;

/// The admin's threshold, in percent.
pub fn threshold(conn: &mut DbConnection) -> Result<i32, DbError> {
    Ok(marks::setting(
        conn,
        marks::ATTENDANCE_THRESHOLD,
        DEFAULT_THRESHOLD,
    )?)
}

/// Marks of several places, by (enrollment, session).
pub fn marks_by_place(
    conn: &mut DbConnection,
    enrollment_ids: &[i32],
) -> Result<HashMap<(i32, i32), Mark>, DbError> {
    Ok(AttendanceMark::of_enrollments(conn, enrollment_ids)?
        .into_iter()
        .map(|mark| ((mark.enrollment_id, mark.session_id), mark.status))
        .collect())
}

/// Overrides of several places, by enrollment.
pub fn overrides(
    conn: &mut DbConnection,
    enrollment_ids: &[i32],
) -> Result<HashMap<i32, EligibilityOverride>, DbError> {
    Ok(EligibilityOverride::of_enrollments(conn, enrollment_ids)?
        .into_iter()
        .map(|o| (o.enrollment_id, o))
        .collect())
}

/// Whether a registrar allowed the class a sitting before its last session.
pub fn early_sitting(conn: &mut DbConnection, cohort_id: i32) -> Result<bool, DbError> {
    Ok(!SittingPermission::of_cohorts(conn, &[cohort_id])?.is_empty())
}

/// A place's standing from its class's sessions and its marks.
pub fn standing(
    sessions: &[ClassSession],
    enrollment_id: i32,
    marks: &HashMap<(i32, i32), Mark>,
    overridden: Option<bool>,
    threshold: i32,
    early_sitting: bool,
    now: DateTime<Utc>,
) -> Standing {
    let now = db_now(now);
    let records: Vec<SessionRecord> = sessions
        .iter()
        .map(|session| SessionRecord {
            cancelled: session.is_cancelled(),
            held: session.ends_at <= now,
            mark: marks.get(&(enrollment_id, session.id)).copied(),
        })
        .collect();
    Standing::of(&records, threshold, overridden).with_early_sitting(early_sitting)
}

/// One place's standing, loading what it needs.
pub fn standing_of(
    conn: &mut DbConnection,
    cohort_id: i32,
    enrollment_id: i32,
    now: DateTime<Utc>,
) -> Result<Standing, DbError> {
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    let marks = marks_by_place(conn, &[enrollment_id])?;
    Ok(standing_and_decision(conn, cohort_id, enrollment_id, &sessions, &marks, now)?.0)
}

/// One place's standing when its class's sessions and its marks are loaded
/// already (a page that shows them too), and the registrar's decision
/// behind an override with its reason (which the trainee is shown).
pub fn standing_and_decision(
    conn: &mut DbConnection,
    cohort_id: i32,
    enrollment_id: i32,
    sessions: &[ClassSession],
    marks: &HashMap<(i32, i32), Mark>,
    now: DateTime<Utc>,
) -> Result<(Standing, Option<EligibilityOverride>), DbError> {
    let decision = overrides(conn, &[enrollment_id])?.remove(&enrollment_id);
    let standing = standing(
        sessions,
        enrollment_id,
        marks,
        decision.as_ref().map(|o| o.eligible),
        threshold(conn)?,
        early_sitting(conn, cohort_id)?,
        now,
    );
    Ok((standing, decision))
}
