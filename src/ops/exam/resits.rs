//! A registrar's new series of attempts for a trainee who used every
//! attempt at a course and has since completed another class, audited.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::attempt_grant::AttemptGrant;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::class_session::ClassSession;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::ExamSettings;
use crate::db::models::user::User;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::person::Role;
use crate::domain::resit::GrantRefusal;

/// Grants a new series at the trainee's course (`None` if there is no such
/// trainee); returns the grant's id. Refused without a reason, or unless
/// every attempt is used and the trainee completed a class that started
/// after the last one (`domain::resit`).
pub async fn grant(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    trainee_id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Option<Result<i32, GrantRefusal>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| grant_in(conn, &actor, registrar_id, trainee_id, &reason, now))
        .await
}

fn grant_in(
    conn: &mut DbConnection,
    actor: &Actor,
    registrar_id: i32,
    trainee_id: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Option<Result<i32, GrantRefusal>>, DbError> {
    let now_db = db_now(now);
    if User::find(conn, trainee_id)?.is_none_or(|user| user.role != Role::Trainee) {
        return Ok(None);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Ok(Some(Err(GrantRefusal::ReasonRequired)));
    }
    // A class that has just ended counts as completed at once.
    crate::ops::exam::completion::settle_trainee(conn, trainee_id, now)?;
    let places = Enrollment::of_trainee(conn, trainee_id)?;
    let Some(course_id) = places.first().map(|place| place.course_id) else {
        return Ok(Some(Err(GrantRefusal::NotRetrained)));
    };
    let completed: Vec<i32> = places
        .iter()
        .filter(|p| p.course_id == course_id && p.status == EnrollmentStatus::Completed)
        .map(|p| p.cohort_id)
        .collect();
    let starts: Vec<_> = ClassSession::of_cohorts(conn, &completed)?
        .into_iter()
        .filter(|session| !session.is_cancelled())
        .fold(std::collections::HashMap::new(), |mut first, session| {
            first
                .entry(session.cohort_id)
                .and_modify(|at: &mut chrono::NaiveDateTime| {
                    *at = (*at).min(session.starts_at);
                })
                .or_insert(session.starts_at);
            first
        })
        .into_values()
        .collect();
    let settings = ExamSettings::current(conn)?;
    let record = crate::ops::exam::attempts::record(conn, trainee_id, course_id)?;
    if let Err(refusal) = record.may_grant(
        crate::ops::exam::attempts::limits(&settings),
        &starts,
        now_db,
    ) {
        return Ok(Some(Err(refusal)));
    }
    let id = AttemptGrant::insert(conn, trainee_id, course_id, reason, registrar_id, now_db)?;
    audit::append(
        conn,
        &actor.event(
            Action::AttemptGrant,
            format!("user:{trainee_id}"),
            serde_json::json!({ "grant": id, "course": course_id, "reason": reason }),
        ),
        now_db,
    )?;
    Ok(Some(Ok(id)))
}
