//! The end of a class: when its last planned session has ended, each seat
//! becomes completed or not completed by the attendance rule (a registrar's
//! override wins), and a place still on the wait-list is cancelled, so
//! every trainee is free to join another class. The sweeper settles every
//! class; enrolling and starting the exam settle the trainee's own classes
//! first, so neither waits for the next sweep. Each change is audited in
//! the caller's write transaction, and settling twice changes nothing.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::{DbConnection, DbError};
use crate::domain::attendance::Standing;
use crate::domain::cohort::CohortStatus;
use crate::domain::enrollment::EnrollmentStatus;
use crate::ops::attendance;

/// How a seat ends with its class, by its standing.
fn outcome(standing: &Standing) -> EnrollmentStatus {
    if standing.eligible() {
        EnrollmentStatus::Completed
    } else {
        EnrollmentStatus::NotCompleted
    }
}

/// The audit entry of a place that ended as `to` (after `was`, if it is
/// settled again).
fn audit_outcome(
    conn: &mut DbConnection,
    place: &Enrollment,
    standing: &Standing,
    to: EnrollmentStatus,
    was: Option<EnrollmentStatus>,
    now_db: chrono::NaiveDateTime,
) -> Result<(), DbError> {
    let action = if to == EnrollmentStatus::Completed {
        Action::EnrollmentComplete
    } else {
        Action::EnrollmentNotComplete
    };
    let mut details = serde_json::json!({
        "cohort": place.cohort_id,
        "attended": standing.attended,
        "held": standing.held,
        "overridden": standing.overridden,
    });
    if let Some(was) = was {
        details["was"] = was.as_str().into();
    }
    let event = Actor::system().event(action, format!("enrollment:{}", place.id), details);
    audit::append(conn, &event, now_db)?;
    Ok(())
}

/// Settles one class if it has ended; returns the places it changed.
pub fn settle_cohort(
    conn: &mut DbConnection,
    cohort_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<(i32, EnrollmentStatus)>, DbError> {
    let now_db = db_now(now);
    let Some(cohort) = Cohort::find(conn, cohort_id)? else {
        return Ok(Vec::new());
    };
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    let ended =
        crate::ops::exam::sittings::last_session_end(&sessions).is_some_and(|end| end <= now_db);
    if cohort.status != CohortStatus::Open || !ended {
        return Ok(Vec::new());
    }
    // Everything the rule needs is loaded once for the whole class.
    let seated = Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Enrolled)?;
    let ids: Vec<i32> = seated.iter().map(|place| place.id).collect();
    let marks = attendance::marks_by_place(conn, &ids)?;
    let overrides = attendance::overrides(conn, &ids)?;
    let threshold = attendance::threshold(conn)?;
    let early = attendance::early_sitting(conn, cohort_id)?;
    let mut changed = Vec::new();
    for place in seated {
        let overridden = overrides.get(&place.id).map(|o| o.eligible);
        let standing = attendance::standing(
            &sessions, place.id, &marks, overridden, threshold, early, now,
        );
        let to = outcome(&standing);
        if Enrollment::settle(conn, place.id, EnrollmentStatus::Enrolled, to, now_db)? {
            audit_outcome(conn, &place, &standing, to, None, now_db)?;
            changed.push((place.id, to));
        }
    }
    for place in Enrollment::of_cohort(conn, cohort_id, EnrollmentStatus::Waitlisted)? {
        let to = EnrollmentStatus::Cancelled;
        if Enrollment::settle(conn, place.id, EnrollmentStatus::Waitlisted, to, now_db)? {
            let event = Actor::system().event(
                Action::EnrollmentWaitlistEnded,
                format!("enrollment:{}", place.id),
                serde_json::json!({ "cohort": cohort_id, "reason": "class ended" }),
            );
            audit::append(conn, &event, now_db)?;
            changed.push((place.id, to));
        }
    }
    Ok(changed)
}

/// Brings places that already ended with their class in line with their
/// standing after a late change (a trainer marking the last session the
/// next day, a registrar's correction or override); audits each change.
pub fn resettle(
    conn: &mut DbConnection,
    place_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let now_db = db_now(now);
    for &id in place_ids {
        let Some(place) = Enrollment::find(conn, id)? else {
            continue;
        };
        let from = place.status;
        if !matches!(
            from,
            EnrollmentStatus::Completed | EnrollmentStatus::NotCompleted
        ) {
            continue;
        }
        let standing = attendance::standing_of(conn, place.cohort_id, place.id, now)?;
        let to = outcome(&standing);
        if to != from && Enrollment::settle(conn, id, from, to, now_db)? {
            audit_outcome(conn, &place, &standing, to, Some(from), now_db)?;
        }
    }
    Ok(())
}

/// Settles the classes in which the trainee still holds an active place.
pub fn settle_trainee(
    conn: &mut DbConnection,
    trainee_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let cohorts: Vec<i32> = Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status.is_active())
        .map(|place| place.cohort_id)
        .collect();
    for cohort_id in cohorts {
        settle_cohort(conn, cohort_id, now)?;
    }
    Ok(())
}

/// Settles every class that has ended but still has active places;
/// returns how many places changed.
pub fn settle_due(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, DbError> {
    let mut changed = 0;
    for cohort_id in Enrollment::cohorts_to_settle(conn, db_now(now))? {
        changed += settle_cohort(conn, cohort_id, now)?.len();
    }
    Ok(changed)
}
