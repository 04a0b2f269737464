//! Publishing a draft class, or taking one nobody has joined back to draft.

use chrono::{DateTime, Utc};
use diesel::result::Error as DieselError;

use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::{DbConnection, DbError};
use crate::domain::cohort::CohortStatus;
use crate::domain::enrollment::EnrollmentStatus;

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
/// class back to draft. `event` is audited when something changed.
pub fn set_published(
    conn: &mut DbConnection,
    id: i32,
    publish: bool,
    event: audit::Event,
    now: DateTime<Utc>,
) -> Result<Publication, DbError> {
    Cohort::lock(conn, id)?;
    let cohort = Cohort::find(conn, id)?.ok_or(DbError::Query(DieselError::NotFound))?;
    let (from, to) = if publish {
        (CohortStatus::Draft, CohortStatus::Open)
    } else {
        (CohortStatus::Open, CohortStatus::Draft)
    };
    if cohort.status() != from {
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
    audit::append(conn, &event, db_now(now))?;
    Ok(Publication::Done)
}
