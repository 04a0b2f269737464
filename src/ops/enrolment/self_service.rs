//! A trainee's own places: taking one in a class (a seat, or the
//! wait-list when it is full) and withdrawing from one.

use chrono::{DateTime, Utc};

use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::{Db, DbError, db_now};
use crate::domain::cohort::CohortStatus;
use crate::domain::cohort::Phase;
use crate::domain::enrollment::{EnrollmentStatus, Refusal};
use crate::ops::Actor;
use crate::ops::classes::{self, Asker, Placed};

/// How asking for a place went.
#[derive(Clone, Debug)]
pub enum Enrolment {
    /// No published class has this id (drafts are not public).
    NoSuchClass,
    /// A seat or a place on the wait-list.
    Placed(Placed),
    /// The enrolment rules refused it.
    Refused(Refusal),
}

/// Gives `trainee_id` a seat in class `cohort_id`, or a place on its
/// wait-list when it is full, and audits it as `enrollment.create` with
/// the place, its status and wait-list position. Refuses a class that is
/// not published, and whatever `classes::enrol` refuses (window, audience,
/// clashes, a place already held, a course already passed).
pub async fn enrol(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    cohort_id: i32,
    now: DateTime<Utc>,
) -> Result<Enrolment, DbError> {
    let mut event = actor.event(
        Action::EnrollmentCreate,
        format!("cohort:{cohort_id}"),
        serde_json::json!({}),
    );
    db.write(move |conn| {
        let exists =
            Cohort::find(conn, cohort_id)?.is_some_and(|c| c.status != CohortStatus::Draft);
        if !exists {
            return Ok(Enrolment::NoSuchClass);
        }
        let placed = match classes::enrol(conn, cohort_id, trainee_id, Asker::Trainee, now)? {
            Ok(placed) => placed,
            Err(refusal) => return Ok(Enrolment::Refused(refusal)),
        };
        event.details = serde_json::json!({
            "enrollment": placed.enrollment_id,
            "status": placed.status.as_str(),
            "position": placed.position,
        });
        audit::append(conn, &event, db_now(now))?;
        Ok(Enrolment::Placed(placed))
    })
    .await
}

/// How a withdrawal went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withdrawal {
    /// No place of this trainee's has this id.
    NotFound,
    /// The place ended; the wait-list got the seat.
    Withdrawn,
    /// The place had already ended, or the class has finished.
    TooLate,
}

/// Whether a place may still be given up: it is active and its class has
/// not finished.
fn may_withdraw(status: EnrollmentStatus, phase: Phase) -> bool {
    status.is_active() && !matches!(phase, Phase::Finished)
}

/// Ends `trainee_id`'s place `place_id` as withdrawn, gives the freed seat
/// to the wait-list at once, and audits it as `enrollment.withdraw` with
/// the class, the place's former status and the places promoted. Refuses
/// someone else's place (as not found, since ownership is part of the
/// query), and a place already ended or in a finished class.
pub async fn withdraw(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    place_id: i32,
    now: DateTime<Utc>,
) -> Result<Withdrawal, DbError> {
    let mut event = actor.event(
        Action::EnrollmentWithdraw,
        format!("enrollment:{place_id}"),
        serde_json::json!({}),
    );
    db.write(move |conn| {
        let Some(place) = Enrollment::find_own(conn, place_id, trainee_id)? else {
            return Ok(Withdrawal::NotFound);
        };
        let cohort = Cohort::find(conn, place.cohort_id)?
            .ok_or(DbError::Query(diesel::result::Error::NotFound))?;
        let sessions = ClassSession::of_cohort(conn, cohort.id)?;
        if !may_withdraw(place.status, classes::phase(&cohort, &sessions, now)) {
            return Ok(Withdrawal::TooLate);
        }
        let promoted = classes::end_place(conn, &place, EnrollmentStatus::Withdrawn, None, now)?;
        event.details = serde_json::json!({
            "cohort": place.cohort_id,
            "was": place.status.as_str(),
            "promoted": promoted.iter().map(|p| p.id).collect::<Vec<_>>(),
        });
        audit::append(conn, &event, db_now(now))?;
        Ok(Withdrawal::Withdrawn)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_active_place_may_be_given_up_until_the_class_finishes() {
        assert!(may_withdraw(EnrollmentStatus::Enrolled, Phase::Open));
        assert!(may_withdraw(EnrollmentStatus::Waitlisted, Phase::Running));
        assert!(!may_withdraw(EnrollmentStatus::Enrolled, Phase::Finished));
        assert!(!may_withdraw(EnrollmentStatus::Withdrawn, Phase::Open));
    }
}
