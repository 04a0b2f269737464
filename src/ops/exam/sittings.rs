//! Sittings: a trainer opens one for their class once its planned sessions
//! have all taken place (or earlier, with a registrar's permission), for a
//! window after which no attempt may start; a trainer may close it early;
//! a registrar grants the permission. During a sitting the trainer adds
//! minutes to an attempt or ends it for an irregularity. Each operation
//! writes its own audit entry; [`open_in`] is the step the demo runs inside
//! its own transaction.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::exam::{ExamSettings, Sitting};
use crate::db::models::sitting_permission::SittingPermission;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::cohort::CohortStatus;
use crate::domain::exam;

mod invigilation;

pub use invigilation::{AttemptAction, AttemptRefusal, extend, terminate};

/// The shortest and longest window a trainer may choose, in minutes.
pub const WINDOW_MINUTES: std::ops::RangeInclusive<i32> = 10..=480;

/// The window a sitting gets unless the trainer says otherwise: long
/// enough for the exam's duration plus half an hour to let everyone in.
pub fn default_window_minutes(settings: &ExamSettings) -> i32 {
    settings.duration_minutes + 30
}

/// When the class's last planned (not cancelled) session ends, if it has any.
pub fn last_session_end(sessions: &[ClassSession]) -> Option<NaiveDateTime> {
    sessions
        .iter()
        .filter(|session| !session.is_cancelled())
        .map(|session| session.ends_at)
        .max()
}

/// Why a sitting cannot be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenRefusal {
    /// Sessions are still to come (the last ends then), and no registrar
    /// allowed an earlier sitting.
    ClassNotEnded { last_session: Option<NaiveDateTime> },
    /// The class is a draft or cancelled.
    ClassNotRunning,
    /// The window is outside [`WINDOW_MINUTES`].
    BadWindow,
}

/// A sitting that accepts starts: a new one, or the one already open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opened {
    pub sitting_id: i32,
    pub fresh: bool,
}

/// Opens a sitting for the trainer's class (`None` if the class is not
/// theirs), or returns the one already open; refused while the class has
/// sessions to come without a registrar's permission, for a class not
/// running, or for a window outside [`WINDOW_MINUTES`] (it defaults to
/// [`default_window_minutes`]).
pub async fn open(
    db: &Db,
    actor: &Actor,
    cohort_id: i32,
    trainer_id: i32,
    window_minutes: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Option<Result<Opened, OpenRefusal>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| open_in(conn, &actor, cohort_id, trainer_id, window_minutes, now))
        .await
}

/// [`open`], inside the caller's transaction.
pub fn open_in(
    conn: &mut DbConnection,
    actor: &Actor,
    cohort_id: i32,
    trainer_id: i32,
    window_minutes: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Option<Result<Opened, OpenRefusal>>, DbError> {
    let now_db = db_now(now);
    let Some(cohort) =
        Cohort::find(conn, cohort_id)?.filter(|cohort| cohort.trainer_id == Some(trainer_id))
    else {
        return Ok(None);
    };
    if let Some(open) = Sitting::open_for(conn, cohort_id, now_db)? {
        return Ok(Some(Ok(Opened {
            sitting_id: open.id,
            fresh: false,
        })));
    }
    if cohort.status != CohortStatus::Open {
        return Ok(Some(Err(OpenRefusal::ClassNotRunning)));
    }
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    let last_session = last_session_end(&sessions);
    let ended = last_session.is_some_and(|end| end <= now_db);
    let permission = if ended {
        None
    } else {
        match SittingPermission::unused_for(conn, cohort_id)? {
            Some(permission) => Some(permission),
            None => return Ok(Some(Err(OpenRefusal::ClassNotEnded { last_session }))),
        }
    };
    let window_minutes = match window_minutes {
        Some(minutes) => minutes,
        None => default_window_minutes(&ExamSettings::current(conn)?),
    };
    if !WINDOW_MINUTES.contains(&window_minutes) {
        return Ok(Some(Err(OpenRefusal::BadWindow)));
    }
    let pin = exam::pin(&mut rand::rng());
    let closes_at = now_db + Duration::minutes(i64::from(window_minutes));
    let sitting_id = Sitting::insert(conn, cohort_id, &pin, trainer_id, now_db, closes_at)?;
    if let Some(permission) = &permission {
        SittingPermission::use_for(conn, permission.id, sitting_id)?;
    }
    let details = serde_json::json!({
        "sitting": sitting_id,
        "window_minutes": window_minutes,
        "early_permission": permission.as_ref().map(|p| p.id),
    });
    audit::append(
        conn,
        &actor.event(Action::SittingOpen, format!("cohort:{cohort_id}"), details),
        now_db,
    )?;
    Ok(Some(Ok(Opened {
        sitting_id,
        fresh: true,
    })))
}

/// The sitting if it belongs to one of this trainer's classes.
pub fn own_sitting(
    conn: &mut DbConnection,
    sitting_id: i32,
    trainer_id: i32,
) -> Result<Option<(Sitting, Cohort)>, DbError> {
    let Some(sitting) = Sitting::find(conn, sitting_id)? else {
        return Ok(None);
    };
    let Some(cohort) = Cohort::find(conn, sitting.cohort_id)?
        .filter(|cohort| cohort.trainer_id == Some(trainer_id))
    else {
        return Ok(None);
    };
    Ok(Some((sitting, cohort)))
}

/// Closes the trainer's sitting early: no new starts; attempts under way
/// keep their deadlines. `None` if the sitting is not theirs; otherwise
/// whether this call closed it (an already closed one stays as it is).
pub async fn close(
    db: &Db,
    actor: &Actor,
    trainer_id: i32,
    sitting_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<bool>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Some((sitting, _)) = own_sitting(conn, sitting_id, trainer_id)? else {
            return Ok(None);
        };
        close_in(conn, &actor, &sitting, now).map(Some)
    })
    .await
}

fn close_in(
    conn: &mut DbConnection,
    actor: &Actor,
    sitting: &Sitting,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let now_db = db_now(now);
    if !sitting.is_open(now_db) {
        return Ok(false);
    }
    Sitting::close(conn, sitting.id, now_db)?;
    audit::append(
        conn,
        &actor.event(
            Action::SittingClose,
            format!("sitting:{}", sitting.id),
            serde_json::json!({}),
        ),
        now_db,
    )?;
    Ok(true)
}

/// Why a registrar's permission for an early sitting was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PermissionRefusal {
    ReasonRequired,
    /// The class has ended already: its trainer may open a sitting anyway.
    ClassEnded,
    ClassNotRunning,
    /// A permission not yet used is waiting for the trainer.
    AlreadyAllowed,
}

impl PermissionRefusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::ReasonRequired => "flash-reason-required",
            Self::ClassEnded => "early-sitting-class-ended",
            Self::ClassNotRunning => "early-sitting-not-running",
            Self::AlreadyAllowed => "early-sitting-already",
        }
    }
}

/// A registrar allows one sitting for a class before its last session
/// (`None` if there is no such class); refused without a reason, for a
/// class not running or already ended, or while an earlier permission
/// waits unused. Returns the permission's id.
pub async fn allow_early(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    cohort_id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Option<Result<i32, PermissionRefusal>>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| allow_early_in(conn, &actor, registrar_id, cohort_id, &reason, now))
        .await
}

fn allow_early_in(
    conn: &mut DbConnection,
    actor: &Actor,
    registrar_id: i32,
    cohort_id: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Option<Result<i32, PermissionRefusal>>, DbError> {
    let now_db = db_now(now);
    let Some(cohort) = Cohort::find(conn, cohort_id)? else {
        return Ok(None);
    };
    let reason = reason.trim();
    if reason.is_empty() {
        return Ok(Some(Err(PermissionRefusal::ReasonRequired)));
    }
    if cohort.status != CohortStatus::Open {
        return Ok(Some(Err(PermissionRefusal::ClassNotRunning)));
    }
    let sessions = ClassSession::of_cohort(conn, cohort_id)?;
    if last_session_end(&sessions).is_none_or(|end| end <= now_db) {
        return Ok(Some(Err(PermissionRefusal::ClassEnded)));
    }
    if SittingPermission::unused_for(conn, cohort_id)?.is_some() {
        return Ok(Some(Err(PermissionRefusal::AlreadyAllowed)));
    }
    let id = SittingPermission::insert(conn, cohort_id, reason, registrar_id, now_db)?;
    audit::append(
        conn,
        &actor.event(
            Action::SittingAllowEarly,
            format!("cohort:{cohort_id}"),
            serde_json::json!({ "permission": id, "reason": reason }),
        ),
        now_db,
    )?;
    Ok(Some(Ok(id)))
}
