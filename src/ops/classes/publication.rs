//! Publishing a draft class, taking one nobody has joined back to draft,
//! and cancelling a class.

use chrono::{DateTime, Utc};
use diesel::result::Error as DieselError;

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::cohort::CohortStatus;
use crate::domain::enrollment::EnrollmentStatus;
use crate::ops::Actor;

/// What changing a class's publication did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    Done,
    /// It already had that status (or is cancelled).
    Unchanged,
    /// Someone has a place or the class has begun: it stays published.
    InUse,
}

/// Publishes a draft (it appears in the catalogue and takes enrolments)
/// or, while nobody has a place and no session has started, takes an open
/// class back to draft, auditing `cohort.publish` / `cohort.unpublish`.
/// Refuses a class already so (or cancelled), and taking back one in use.
pub async fn set_published(
    db: &Db,
    actor: &Actor,
    id: i32,
    publish: bool,
    now: DateTime<Utc>,
) -> Result<Publication, DbError> {
    let actor = actor.clone();
    db.write(move |conn| set_published_in(conn, &actor, id, publish, now))
        .await
}

fn set_published_in(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    publish: bool,
    now: DateTime<Utc>,
) -> Result<Publication, DbError> {
    Cohort::lock(conn, id)?;
    let cohort = Cohort::find(conn, id)?.ok_or(DbError::Query(DieselError::NotFound))?;
    let (from, to) = if publish {
        (CohortStatus::Draft, CohortStatus::Open)
    } else {
        (CohortStatus::Open, CohortStatus::Draft)
    };
    if cohort.status != from {
        return Ok(Publication::Unchanged);
    }
    if !publish {
        let places = Enrollment::enrolled_count(conn, id)?
            + i64::try_from(Enrollment::of_cohort(conn, id, EnrollmentStatus::Waitlisted)?.len())
                .unwrap_or(i64::MAX);
        let begun = ClassSession::of_cohort(conn, id)?
            .iter()
            .any(|session| session.starts_at <= db_now(now));
        if places > 0 || begun {
            return Ok(Publication::InUse);
        }
    }
    Cohort::set_status(conn, id, to, db_now(now))?;
    let action = if publish {
        Action::CohortPublish
    } else {
        Action::CohortUnpublish
    };
    let details = serde_json::json!({ "from": cohort.status });
    audit::append(
        conn,
        &actor.event(action, format!("cohort:{id}"), details),
        db_now(now),
    )?;
    Ok(Publication::Done)
}

/// The class was cancelled already.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlreadyCancelled;

/// Cancels a class for `reason` (every place ends, so its trainees may
/// enrol elsewhere) and audits `cohort.cancel`; returns how many places
/// ended. Refuses a class already cancelled.
pub async fn cancel_class(
    db: &Db,
    actor: &Actor,
    id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Result<usize, AlreadyCancelled>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        Cohort::lock(conn, id)?;
        let cohort = Cohort::find(conn, id)?.ok_or(DbError::Query(DieselError::NotFound))?;
        if cohort.status == CohortStatus::Cancelled {
            return Ok(Err(AlreadyCancelled));
        }
        let freed = super::cancel(conn, id, &reason, now)?;
        let details = serde_json::json!({ "reason": reason, "places_ended": freed });
        audit::append(
            conn,
            &actor.event(Action::CohortCancel, format!("cohort:{id}"), details),
            db_now(now),
        )?;
        Ok(Ok(freed))
    })
    .await
}
