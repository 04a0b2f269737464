//! What a change to a class's schedule does to the sessions it already has.
//! What happened stays: a session that has started, has an attendance mark,
//! or was moved or cancelled by its trainer (with the reason trainees were
//! shown) is kept as it is. Only untouched future sessions follow the new
//! schedule: the same slot is kept, others get a new time, are removed or
//! are added.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::cohort::Weekdays;
use crate::domain::schedule::{self, Plan, Planned, SessionStatus};
use crate::domain::time::utc_to_local;

/// The fields of a class that decide its sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub start_date: NaiveDate,
    pub weekdays: Weekdays,
    /// Sessions in all, counting those already held, moved or cancelled.
    pub count: u32,
    /// Local start and end of each session.
    pub starts: NaiveTime,
    pub ends: NaiveTime,
}

/// A stored session as the rule sees it (times in UTC).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub id: i32,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: SessionStatus,
    /// Where a moved session was first planned.
    pub original_starts_at: Option<NaiveDateTime>,
    /// Someone's attendance has been marked for it.
    pub marked: bool,
}

/// Why a session stays as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// The new schedule has the same slot.
    Unchanged,
    /// It has started or taken place.
    Held,
    /// Attendance has been marked for it.
    Marked,
    /// Its trainer moved it.
    Moved,
    /// Its trainer cancelled it.
    Cancelled,
}

impl Kept {
    /// Kept whatever the schedule says.
    pub fn is_fixed(self) -> bool {
        self != Self::Unchanged
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Held => "held",
            Self::Marked => "marked",
            Self::Moved => "moved",
            Self::Cancelled => "cancelled",
        }
    }
}

/// What happens to one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Keep {
        id: i32,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
        why: Kept,
    },
    /// Stays (same id) at the new schedule's time.
    Retime {
        id: i32,
        from: (NaiveDateTime, NaiveDateTime),
        to: Planned,
    },
    Remove {
        id: i32,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
    },
    Add(Planned),
}

impl Change {
    /// When it takes place afterwards (removed: when it would have).
    pub fn starts_at(&self) -> NaiveDateTime {
        match self {
            Self::Keep { starts_at, .. } | Self::Remove { starts_at, .. } => *starts_at,
            Self::Retime { to, .. } | Self::Add(to) => to.starts_at,
        }
    }

    /// Whether the session's row stays as it is.
    pub fn is_keep(&self) -> bool {
        matches!(self, Self::Keep { .. })
    }
}

/// Why `session` must stay as it is, if it must.
fn fixed(session: &Existing, now: NaiveDateTime) -> Option<Kept> {
    match session.status {
        SessionStatus::Cancelled => Some(Kept::Cancelled),
        SessionStatus::Moved => Some(Kept::Moved),
        SessionStatus::Scheduled if session.starts_at <= now => Some(Kept::Held),
        SessionStatus::Scheduled if session.marked => Some(Kept::Marked),
        SessionStatus::Scheduled => None,
    }
}

/// Every session stays as it is (the schedule did not change), in time
/// order, each with the reason it would stay anyway.
pub fn keep_all(existing: &[Existing], now: NaiveDateTime) -> Vec<Change> {
    let mut changes: Vec<Change> = existing
        .iter()
        .map(|session| Change::Keep {
            id: session.id,
            starts_at: session.starts_at,
            ends_at: session.ends_at,
            why: fixed(session, now).unwrap_or(Kept::Unchanged),
        })
        .collect();
    changes.sort_by_key(Change::starts_at);
    changes
}

/// Every session's fate under `schedule`, in time order. Fixed sessions
/// count towards `schedule.count` (a cancelled one is not made up for), and
/// their days are not planned again: a day the trainer cancelled stays free.
/// New slots start after `now` and not before the start date.
pub fn reschedule(
    existing: &[Existing],
    schedule: &Schedule,
    holidays: &BTreeSet<NaiveDate>,
    now: NaiveDateTime,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut free = Vec::new();
    let mut taken_days = BTreeSet::new();
    for session in existing {
        match fixed(session, now) {
            Some(why) => {
                taken_days.insert(utc_to_local(session.starts_at).date());
                if let Some(original) = session.original_starts_at {
                    taken_days.insert(utc_to_local(original).date());
                }
                changes.push(Change::Keep {
                    id: session.id,
                    starts_at: session.starts_at,
                    ends_at: session.ends_at,
                    why,
                });
            }
            None => free.push(session),
        }
    }
    free.sort_by_key(|session| (session.starts_at, session.id));
    let plan = Plan {
        from: schedule.start_date.max(utc_to_local(now).date()),
        weekdays: schedule.weekdays.clone(),
        count: schedule
            .count
            .saturating_sub(u32::try_from(changes.len()).unwrap_or(u32::MAX)),
        starts: schedule.starts,
        ends: schedule.ends,
    };
    let mut slots = schedule::generate_where(&plan, holidays, |slot| {
        slot.starts_at > now && !taken_days.contains(&slot.date)
    });
    // A session already at one of the new slots stays where it is.
    free.retain(|session| {
        let same = slots.iter().position(|slot| {
            (slot.starts_at, slot.ends_at) == (session.starts_at, session.ends_at)
        });
        match same {
            Some(index) => {
                slots.remove(index);
                changes.push(Change::Keep {
                    id: session.id,
                    starts_at: session.starts_at,
                    ends_at: session.ends_at,
                    why: Kept::Unchanged,
                });
                false
            }
            None => true,
        }
    });
    let mut slots = slots.into_iter();
    for session in free {
        changes.push(match slots.next() {
            Some(to) => Change::Retime {
                id: session.id,
                from: (session.starts_at, session.ends_at),
                to,
            },
            None => Change::Remove {
                id: session.id,
                starts_at: session.starts_at,
                ends_at: session.ends_at,
            },
        });
    }
    changes.extend(slots.map(Change::Add));
    changes.sort_by_key(Change::starts_at);
    changes
}

#[cfg(test)]
mod tests;
