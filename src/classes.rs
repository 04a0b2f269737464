//! Class operations that span several tables: creating and rescheduling a
//! class with its sessions (refusing clashes), publishing it, taking a
//! place or joining the wait-list, withdrawing, promoting from the
//! wait-list, cancelling and moving. Each function runs inside the
//! caller's write transaction.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::auth::session::db_now;
use crate::db::models::audit;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::holiday::Holiday;
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::db::{DbConnection, DbError};
use crate::domain::cohort::{CohortStatus, Phase, Weekdays};
use crate::domain::enrollment::{self, EnrollmentStatus, Refusal};
use crate::domain::person::Gender;
use crate::domain::reschedule::{self, Change, Schedule};
use crate::domain::schedule::{self, Plan, Planned};
use crate::web::time::uae_today;

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

/// The admin creates a class: refused when its sessions clash with another
/// class's; otherwise stored with its sessions and `event` audited.
pub fn add(
    conn: &mut DbConnection,
    fields: &CohortFields,
    mut event: audit::Event,
    now: DateTime<Utc>,
) -> Result<Result<i32, Clashes>, DbError> {
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
    event.subject = format!("cohort:{id}");
    audit::append(conn, &event, db_now(now))?;
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

/// The admin saves a class's new fields. Fields other than the schedule
/// never touch sessions; a new schedule changes only untouched future
/// sessions (see `domain::reschedule`) and never deletes attendance. A
/// larger capacity gives seats to the wait-list at once. `event` is
/// audited with what changed.
pub fn edit(
    conn: &mut DbConnection,
    id: i32,
    fields: &CohortFields,
    mut event: audit::Event,
    now: DateTime<Utc>,
) -> Result<Result<Edited, EditRefused>, DbError> {
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
    event.details = serde_json::json!({
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
    audit::append(conn, &event, now_db)?;
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

/// Another class a class's sessions would overlap.
#[derive(Clone, Debug)]
pub struct Clash {
    pub cohort: Cohort,
    pub venue: Venue,
    /// The start (UTC) of the first of this class's sessions that overlaps.
    pub at: NaiveDateTime,
}

/// The clashes found, at most one of each kind.
#[derive(Clone, Debug, Default)]
pub struct Clashes {
    /// With a class at the same venue.
    pub venue: Option<Box<Clash>>,
    /// With another class of the same trainer.
    pub trainer: Option<Box<Clash>>,
}

impl Clashes {
    pub fn any(&self) -> bool {
        self.venue.is_some() || self.trainer.is_some()
    }
}

/// The classes (not cancelled, drafts included: a draft has its room
/// booked too) whose sessions still to end overlap `own`, at the same venue
/// or with the same trainer.
fn clashes(
    conn: &mut DbConnection,
    fields: &CohortFields,
    own: &[(NaiveDateTime, NaiveDateTime)],
    except: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Clashes, DbError> {
    let rivals =
        Cohort::sharing_venue_or_trainer(conn, fields.venue_id, fields.trainer_id, except)?;
    let ids: Vec<i32> = rivals.iter().map(|rival| rival.id).collect();
    let sessions = ClassSession::of_cohorts(conn, &ids)?;
    let now = db_now(now);
    let mut found = Clashes::default();
    for rival in rivals {
        let theirs: Vec<_> = sessions
            .iter()
            .filter(|session| session.cohort_id == rival.id && !session.is_cancelled())
            .filter(|session| session.ends_at > now)
            .map(|session| (session.starts_at, session.ends_at))
            .collect();
        let Some((at, _)) = schedule::first_overlap(own, &theirs) else {
            continue;
        };
        let same_venue = rival.venue_id == fields.venue_id;
        let same_trainer = fields.trainer_id.is_some() && rival.trainer_id == fields.trainer_id;
        let slot = |kind: &mut Option<Box<Clash>>, venue: Venue| {
            if kind.as_ref().is_none_or(|clash| at < clash.at) {
                *kind = Some(Box::new(Clash {
                    cohort: rival.clone(),
                    venue,
                    at,
                }));
            }
        };
        let venue =
            Venue::find(conn, rival.venue_id)?.ok_or(DbError::Query(DieselError::NotFound))?;
        if same_venue {
            slot(&mut found.venue, venue.clone());
        }
        if same_trainer {
            slot(&mut found.trainer, venue);
        }
    }
    Ok(found)
}

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

/// A class's phase now, from its status and sessions.
pub fn phase(cohort: &Cohort, sessions: &[ClassSession], now: DateTime<Utc>) -> Phase {
    let held: Vec<&ClassSession> = sessions
        .iter()
        .filter(|session| !session.is_cancelled())
        .collect();
    let first = held.iter().map(|session| session.starts_at.and_utc()).min();
    let last = held.iter().map(|session| session.ends_at.and_utc()).max();
    Phase::of(cohort.status(), first, last, now)
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
        .filter(|place| place.status().is_active() && place.cohort_id != except_cohort)
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
        audience: cohort.audience(),
        gender: trainee
            .gender
            .as_deref()
            .and_then(|gender| Gender::parse(gender).ok()),
        window: (cohort.enrol_opens, cohort.enrol_closes),
        today: uae_today(now),
        has_active_place,
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
