//! A registrar places a trainee on their behalf (a walk-in at a partner,
//! outside the enrolment window if need be) or moves an active place to
//! another class of the same course. The seat rules apply; the reason is
//! required and audited.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::user::User;
use crate::db::{Db, DbError};
use crate::domain::enrollment::{EnrollmentStatus, Refusal};
use crate::domain::person::Role;
use crate::ops::classes::{self, Asker, Placed};

/// A place asked for by a registrar.
#[derive(Clone, Debug)]
pub struct Placement {
    pub cohort_id: i32,
    /// Not empty (the form refuses an empty one first).
    pub reason: String,
}

/// Places a trainee in a class, or on its wait-list when it is full. `None`
/// if there is no such trainee or class; refused by the seat rules (see
/// `domain::enrollment::check`; the enrolment window does not apply).
pub async fn place(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    placement: Placement,
    now: DateTime<Utc>,
) -> Result<Option<Result<Placed, Refusal>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Placement { cohort_id, reason } = placement;
        let trainee = User::find(conn, trainee_id)?.filter(|u| u.role == Role::Trainee);
        if trainee.is_none() || Cohort::find(conn, cohort_id)?.is_none() {
            return Ok(None);
        }
        let asker = Asker::Registrar { note: &reason };
        let placed = match classes::enrol(conn, cohort_id, trainee_id, asker, now)? {
            Ok(placed) => placed,
            Err(refusal) => return Ok(Some(Err(refusal))),
        };
        let details = serde_json::json!({
            "cohort": cohort_id, "status": placed.status.as_str(), "reason": reason, "on_behalf": true,
        });
        let event = actor.event(Action::EnrollmentCreate, format!("user:{trainee_id}"), details);
        audit::append(conn, &event, db_now(now))?;
        Ok(Some(Ok(placed)))
    })
    .await
}

/// Why a move did not happen; the transaction rolls back on each.
enum Unmoved {
    Db(DbError),
    Refused(Refusal),
    Missing,
}

impl From<DbError> for Unmoved {
    fn from(err: DbError) -> Self {
        Self::Db(err)
    }
}

impl From<diesel::result::Error> for Unmoved {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err.into())
    }
}

/// Moves an active place to another class of the same course: the old
/// seat goes to that class's wait-list, the new class's seat rules apply,
/// and nothing changes if they refuse (a class of another course is
/// refused as not open). `None` if the place is not active or the class
/// does not exist.
pub async fn move_place(
    db: &Db,
    actor: &Actor,
    enrollment_id: i32,
    placement: Placement,
    now: DateTime<Utc>,
) -> Result<Option<Result<Placed, Refusal>>, DbError> {
    let actor = actor.clone();
    let moved = db
        .write(move |conn| {
            let Placement { cohort_id, reason } = placement;
            let place = Enrollment::find(conn, enrollment_id)?
                .filter(|place| place.status.is_active())
                .ok_or(Unmoved::Missing)?;
            let cohort = Cohort::find(conn, cohort_id)?.ok_or(Unmoved::Missing)?;
            if cohort.course_id != place.course_id {
                return Err(Unmoved::Refused(Refusal::NotOpen));
            }
            classes::end_place(conn, &place, EnrollmentStatus::Moved, Some(&reason), now)?;
            let asker = Asker::Registrar { note: &reason };
            let placed = classes::enrol(conn, cohort_id, place.trainee_id, asker, now)?
                .map_err(Unmoved::Refused)?;
            let details = serde_json::json!({
                "from": place.cohort_id, "to": cohort_id, "status": placed.status.as_str(), "reason": reason,
            });
            let subject = format!("user:{}", place.trainee_id);
            audit::append(conn, &actor.event(Action::EnrollmentMove, subject, details), db_now(now))?;
            Ok(placed)
        })
        .await;
    match moved {
        Ok(placed) => Ok(Some(Ok(placed))),
        Err(Unmoved::Refused(refusal)) => Ok(Some(Err(refusal))),
        Err(Unmoved::Missing) => Ok(None),
        Err(Unmoved::Db(err)) => Err(err),
    }
}
