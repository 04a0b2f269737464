//! Marking attendance: a class's trainer marks each seated trainee from the
//! session's start until the end of the next day; later corrections are a
//! registrar's, with a reason. A registrar may also override the
//! attendance rule for one place. Every change is audited, and a place
//! whose class has ended is settled again.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::attendance::{AttendanceMark, EligibilityOverride};
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::{Db, DbError};
use crate::domain::attendance::{Mark, trainer_may_mark};
use crate::domain::time::utc_to_local;

/// Who marks: the class's trainer, or a registrar correcting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Trainer(i32),
    Registrar(i32),
}

impl Marker {
    pub fn user_id(self) -> i32 {
        match self {
            Self::Trainer(id) | Self::Registrar(id) => id,
        }
    }
}

/// Why marks were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkRefusal {
    /// The session has not started (a trainer).
    NotYet,
    /// The day after the session is over (a trainer).
    Closed,
    /// A registrar's correction needs a reason.
    ReasonRequired,
    /// A mark for a place that is not seated in the session's class.
    NotEnrolled,
}

/// Whether `marker` may still mark `session` now: a registrar always, a
/// trainer from its start until the end of the next day (local time).
pub fn window(
    marker: Marker,
    session: &ClassSession,
    now: DateTime<Utc>,
) -> Result<(), MarkRefusal> {
    let (starts, now) = (utc_to_local(session.starts_at), utc_to_local(db_now(now)));
    match marker {
        Marker::Registrar(_) => Ok(()),
        Marker::Trainer(_) if trainer_may_mark(starts, now) => Ok(()),
        Marker::Trainer(_) if now < starts => Err(MarkRefusal::NotYet),
        Marker::Trainer(_) => Err(MarkRefusal::Closed),
    }
}

/// The marks sent for one session.
#[derive(Clone, Debug)]
pub struct Marking {
    pub session_id: i32,
    /// (enrollment, mark) of each place marked.
    pub marks: Vec<(i32, Mark)>,
    /// Required of a registrar; recorded when given.
    pub reason: String,
}

/// Saves a session's marks; each change is audited with its old and new
/// value, and the same marks again change nothing. Returns how many marks
/// changed. `None` if there is no such session, or it is another
/// trainer's; refused outside the trainer's [`window`], without a
/// registrar's reason, or for a place not seated in the class.
pub async fn mark(
    db: &Db,
    actor: &Actor,
    marker: Marker,
    marking: Marking,
    now: DateTime<Utc>,
) -> Result<Option<Result<usize, MarkRefusal>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Some(session) = ClassSession::find(conn, marking.session_id)? else {
            return Ok(None);
        };
        let Some(cohort) = Cohort::find(conn, session.cohort_id)? else {
            return Ok(None);
        };
        if let Marker::Trainer(id) = marker
            && cohort.trainer_id != Some(id)
        {
            return Ok(None);
        }
        if let Err(refusal) = window(marker, &session, now) {
            return Ok(Some(Err(refusal)));
        }
        let reason = marking.reason.trim();
        if matches!(marker, Marker::Registrar(_)) && reason.is_empty() {
            return Ok(Some(Err(MarkRefusal::ReasonRequired)));
        }
        let seated: Vec<i32> = Enrollment::seated(conn, cohort.id)?
            .iter()
            .map(|place| place.id)
            .collect();
        if marking
            .marks
            .iter()
            .any(|(place, _)| !seated.contains(place))
        {
            return Ok(Some(Err(MarkRefusal::NotEnrolled)));
        }
        let at = db_now(now);
        let mut changed = 0;
        for (enrollment_id, mark) in &marking.marks {
            let (enrollment_id, mark) = (*enrollment_id, *mark);
            let by = marker.user_id();
            let Some(old) = AttendanceMark::set(conn, session.id, enrollment_id, mark, by, at)?
            else {
                continue;
            };
            let details = serde_json::json!({
                "cohort": cohort.id,
                "enrollment": enrollment_id,
                "old": old,
                "new": mark,
                "reason": Some(reason).filter(|reason| !reason.is_empty()),
            });
            let subject = format!("session:{}", session.id);
            audit::append(
                conn,
                &actor.event(Action::AttendanceMark, subject, details),
                at,
            )?;
            changed += 1;
        }
        let places: Vec<i32> = marking.marks.iter().map(|(place, _)| *place).collect();
        crate::ops::exam::completion::resettle(conn, &places, now)?;
        Ok(Some(Ok(changed)))
    })
    .await
}

/// A registrar's decision on one place's eligibility, whatever its
/// attendance.
#[derive(Clone, Debug)]
pub struct EligibilityDecision {
    pub enrollment_id: i32,
    pub eligible: bool,
    /// Required (the web form refuses an empty one first).
    pub reason: String,
}

/// Records a registrar's override of the attendance rule for one place,
/// audited with the reason, and settles the place again if its class has
/// ended. `None` if there is no such place.
pub async fn override_eligibility(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    decision: EligibilityDecision,
    now: DateTime<Utc>,
) -> Result<Option<()>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let place_id = decision.enrollment_id;
        let Some(place) = Enrollment::find(conn, place_id)? else {
            return Ok(None);
        };
        let (eligible, reason) = (decision.eligible, decision.reason.trim());
        EligibilityOverride::decide(conn, place_id, eligible, reason, registrar_id, db_now(now))?;
        let details = serde_json::json!({
            "eligible": eligible, "reason": reason, "cohort": place.cohort_id,
        });
        let event = actor.event(
            Action::EligibilityOverride,
            format!("enrollment:{place_id}"),
            details,
        );
        audit::append(conn, &event, db_now(now))?;
        crate::ops::exam::completion::resettle(conn, &[place_id], now)?;
        Ok(Some(()))
    })
    .await
}
