//! Exam time lost to an outage is given back before anything is judged
//! late. The sweeper records each pass in a heartbeat shared by every
//! instance; a pass that finds the last one much older (see
//! [`exam::outage_minutes`]) knows that nobody could save in between — the
//! database or every server was down — and first extends every attempt that
//! was still taking saves then by the length of the gap. Until that pass
//! has run, nothing past its deadline is refused or finalised as late.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::db::models::audit::{self, Action, Actor};
use crate::db::models::exam::Attempt;
use crate::db::models::heartbeat;
use crate::db::{DbConnection, DbError, db_now};
use crate::domain::exam;

/// The sweeper's heartbeat.
pub const SWEEPER: &str = "sweeper";

/// Time given back after an outage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GivenBack {
    pub minutes: i32,
    /// The attempts extended, by id.
    pub attempts: Vec<i32>,
}

/// Whether an attempt past its deadline and grace period may be judged
/// late at `now`: not while the sweeper's last pass is older than
/// [`exam::OUTAGE_AFTER`], since an outage may just have ended and its time
/// not yet been given back. Yes when no sweeper has ever passed (tests that
/// drive it by hand, a database that only the command line uses).
pub fn settled(conn: &mut DbConnection, now: NaiveDateTime) -> Result<bool, DbError> {
    Ok(heartbeat::last_seen(conn, SWEEPER)?.is_none_or(|seen| now - seen < exam::OUTAGE_AFTER))
}

/// The first step of a sweeper pass, inside its transaction (which holds the
/// heartbeat until it ends): if the pass before this one is an outage ago,
/// extends every open attempt that was still taking saves then, audited.
pub fn give_back(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    interval: chrono::Duration,
) -> Result<Option<GivenBack>, DbError> {
    let now_db = db_now(now);
    let Some(seen) = heartbeat::claim(conn, SWEEPER)? else {
        return Ok(None);
    };
    let Some(minutes) = exam::outage_minutes(seen, now_db, interval) else {
        return Ok(None);
    };
    let mut extended = Vec::new();
    for attempt in Attempt::open_until(conn, seen - exam::GRACE)? {
        if Attempt::extend(conn, &attempt, minutes)? == 0 {
            continue;
        }
        let details = serde_json::json!({
            "attempt": attempt.id, "minutes": minutes, "reason": "outage",
            "from": seen.to_string(), "to": now_db.to_string(),
        });
        let subject = format!("sitting:{}", attempt.sitting_id);
        let event = Actor::system().event(Action::AttemptExtend, subject, details);
        audit::append(conn, &event, now_db)?;
        extended.push(attempt.id);
    }
    Ok(Some(GivenBack {
        minutes,
        attempts: extended,
    }))
}

/// The last step of a sweeper pass: records it.
pub fn beat(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<(), DbError> {
    Ok(heartbeat::beat(conn, SWEEPER, db_now(now))?)
}
