//! The admin's class form goes through here: creating a class (clashes
//! refused) and saving its changes, which reschedules only what may change.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::Error as DieselError;

use super::clashes::{Clashes, clashes};
use super::{first_sessions, insert_with, promote_waiting};
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::holiday::Holiday;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::cohort::Weekdays;
use crate::domain::reschedule::{self, Change, Schedule};
use crate::ops::Actor;

/// The admin creates a class with its sessions and audits `cohort.create`;
/// returns its id. Refuses a class whose sessions would clash with another
/// class at its venue or of its trainer.
pub async fn add(
    db: &Db,
    actor: &Actor,
    fields: CohortFields,
    now: DateTime<Utc>,
) -> Result<Result<i32, Clashes>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| add_in(conn, &fields, &actor, now))
        .await
}

fn add_in(
    conn: &mut DbConnection,
    fields: &CohortFields,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Result<i32, Clashes>, DbError> {
    Cohort::lock_venue_and_trainer(conn, fields.venue_id, fields.trainer_id)?;
    let planned = first_sessions(conn, fields)?;
    let own: Vec<_> = planned
        .iter()
        .map(|slot| (slot.starts_at, slot.ends_at))
        .collect();
    let clashes = clashes(conn, fields, &own, None, now)?;
    if clashes.any() {
        return Ok(Err(clashes));
    }
    let id = insert_with(conn, fields, &planned, now)?;
    let details = serde_json::json!({
        "venue": fields.venue_id,
        "start": fields.start_date,
        "capacity": fields.capacity,
        "status": fields.status,
    });
    audit::append(
        conn,
        &actor.event(Action::CohortCreate, format!("cohort:{id}"), details),
        db_now(now),
    )?;
    Ok(Ok(id))
}

/// A class's fields as the rescheduling rule reads them.
pub fn schedule_of(fields: &CohortFields) -> Schedule {
    Schedule {
        start_date: fields.start_date,
        weekdays: Weekdays::parse(&fields.weekdays).unwrap_or_else(|_| Weekdays::working_week()),
        count: u32::try_from(fields.session_count).unwrap_or(0),
        starts: fields.starts_time,
        ends: fields.ends_time,
    }
}

fn stored_schedule(cohort: &Cohort) -> Schedule {
    Schedule {
        start_date: cohort.start_date,
        weekdays: cohort.weekdays(),
        count: u32::try_from(cohort.session_count).unwrap_or(0),
        starts: cohort.starts_time,
        ends: cohort.ends_time,
    }
}

/// What saving `fields` would do to the class's sessions. With the same
/// schedule every session stays, whatever else changes (new holidays do
/// not shift a class nobody rescheduled).
pub fn session_changes(
    conn: &mut DbConnection,
    cohort: &Cohort,
    sessions: &[ClassSession],
    fields: &CohortFields,
    now: DateTime<Utc>,
) -> Result<Vec<Change>, DbError> {
    let marked = ClassSession::marked(conn, cohort.id)?;
    let existing: Vec<_> = sessions
        .iter()
        .map(|session| session.existing(&marked))
        .collect();
    let schedule = schedule_of(fields);
    if schedule == stored_schedule(cohort) {
        return Ok(reschedule::keep_all(&existing, db_now(now)));
    }
    let holidays = Holiday::dates(conn)?;
    Ok(reschedule::reschedule(
        &existing,
        &schedule,
        &holidays,
        db_now(now),
    ))
}

/// Why a class's changes were not saved.
#[derive(Clone, Debug)]
pub enum EditRefused {
    Clashes(Clashes),
    /// Fewer sessions than those that must stay (held, marked, or moved or
    /// cancelled by the trainer).
    BelowKept(usize),
}

/// What saving a class did.
#[derive(Clone, Debug)]
pub struct Edited {
    /// Wait-listed places that got a seat from a larger capacity.
    pub promoted: Vec<Enrollment>,
    pub changes: Vec<Change>,
}

/// The admin saves a class's new fields and audits `cohort.update` with
/// what changed. Fields other than the schedule never touch sessions; a
/// new schedule changes only untouched future sessions (see
/// `domain::reschedule`) and never deletes attendance. A larger capacity
/// gives seats to the wait-list at once. Refuses a change that would clash
/// with another class, and fewer sessions than must stay.
pub async fn edit(
    db: &Db,
    actor: &Actor,
    id: i32,
    fields: CohortFields,
    now: DateTime<Utc>,
) -> Result<Result<Edited, EditRefused>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| edit_in(conn, &actor, id, &fields, now))
        .await
}

fn edit_in(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    fields: &CohortFields,
    now: DateTime<Utc>,
) -> Result<Result<Edited, EditRefused>, DbError> {
    Cohort::lock_venue_and_trainer(conn, fields.venue_id, fields.trainer_id)?;
    Cohort::lock(conn, id)?;
    let now_db = db_now(now);
    let cohort = Cohort::find(conn, id)?.ok_or(DbError::Query(DieselError::NotFound))?;
    let sessions = ClassSession::of_cohort(conn, id)?;
    let changes = session_changes(conn, &cohort, &sessions, fields, now)?;
    let rescheduled = changes.iter().any(|change| !change.is_keep());
    let fixed = changes
        .iter()
        .filter(|change| matches!(change, Change::Keep { why, .. } if why.is_fixed()))
        .count();
    if schedule_of(fields) != stored_schedule(&cohort)
        && usize::try_from(fields.session_count).unwrap_or(0) < fixed
    {
        return Ok(Err(EditRefused::BelowKept(fixed)));
    }
    // Nothing moved in time or place cannot make a new clash; checking
    // anyway would block, say, a capacity change on a class that predates
    // the check.
    let moved =
        rescheduled || cohort.venue_id != fields.venue_id || cohort.trainer_id != fields.trainer_id;
    if moved {
        let cancelled: Vec<i32> = sessions
            .iter()
            .filter(|session| session.is_cancelled())
            .map(|session| session.id)
            .collect();
        let own: Vec<_> = changes
            .iter()
            .filter_map(|change| match change {
                Change::Keep {
                    id,
                    starts_at,
                    ends_at,
                    ..
                } if !cancelled.contains(id) => Some((*starts_at, *ends_at)),
                Change::Retime { to, .. } | Change::Add(to) => Some((to.starts_at, to.ends_at)),
                _ => None,
            })
            .filter(|(_, ends_at)| *ends_at > now_db)
            .collect();
        let clashes = clashes(conn, fields, &own, Some(id), now)?;
        if clashes.any() {
            return Ok(Err(EditRefused::Clashes(clashes)));
        }
    }
    Cohort::update(conn, id, fields, now_db)?;
    if rescheduled {
        apply(conn, id, &sessions, &changes, now_db)?;
    }
    let promoted = promote_waiting(conn, id, now)?;
    let count = |pick: fn(&Change) -> bool| changes.iter().filter(|c| pick(c)).count();
    let details = serde_json::json!({
        "capacity": { "from": cohort.capacity, "to": fields.capacity },
        "schedule_changed": schedule_of(fields) != stored_schedule(&cohort),
        "sessions": {
            "kept": count(Change::is_keep),
            "retimed": count(|c| matches!(c, Change::Retime { .. })),
            "removed": count(|c| matches!(c, Change::Remove { .. })),
            "added": count(|c| matches!(c, Change::Add(_))),
        },
        "promoted": promoted.iter().map(|place| place.id).collect::<Vec<_>>(),
    });
    audit::append(
        conn,
        &actor.event(Action::CohortUpdate, format!("cohort:{id}"), details),
        now_db,
    )?;
    Ok(Ok(Edited { promoted, changes }))
}

/// Writes a rescheduling: new times, removals and additions, then numbers
/// the sessions in time order again.
fn apply(
    conn: &mut DbConnection,
    cohort_id: i32,
    sessions: &[ClassSession],
    changes: &[Change],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let mut added = Vec::new();
    for change in changes {
        match change {
            Change::Keep { .. } => {}
            Change::Retime { id, to, .. } => {
                ClassSession::retime(conn, *id, to.starts_at, to.ends_at)?;
            }
            Change::Remove { id, .. } => {
                ClassSession::delete_untouched(conn, *id, now)?;
            }
            Change::Add(slot) => added.push(slot.clone()),
        }
    }
    // Above every number in use, so the insert never meets the unique
    // index; renumbering closes the gaps.
    let next = sessions
        .iter()
        .map(|session| session.seq)
        .max()
        .unwrap_or(0)
        + 1;
    ClassSession::insert_planned(conn, cohort_id, next, &added)?;
    ClassSession::renumber(conn, cohort_id)?;
    Ok(())
}
