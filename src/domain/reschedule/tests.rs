use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").expect("valid time")
}

/// Ten morning sessions from Monday 9 March 2026, as first generated.
fn class() -> (Schedule, Vec<Existing>) {
    let schedule = Schedule {
        start_date: date("2026-03-09"),
        weekdays: Weekdays::working_week(),
        count: 10,
        starts: time("09:00"),
        ends: time("12:00"),
    };
    let plan = Plan {
        from: schedule.start_date,
        weekdays: schedule.weekdays.clone(),
        count: schedule.count,
        starts: schedule.starts,
        ends: schedule.ends,
    };
    let existing = schedule::generate(&plan, &BTreeSet::new())
        .into_iter()
        .zip(1..)
        .map(|(slot, id)| Existing {
            id,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            status: SessionStatus::Scheduled,
            original_starts_at: None,
            marked: false,
        })
        .collect();
    (schedule, existing)
}

fn utc(day: &str, hour: &str) -> NaiveDateTime {
    crate::domain::time::local_to_utc(date(day), time(hour))
}

#[test]
fn the_same_schedule_keeps_every_session() {
    let (schedule, existing) = class();
    let changes = reschedule(
        &existing,
        &schedule,
        &BTreeSet::new(),
        utc("2026-03-01", "00:00"),
    );
    assert_eq!(changes.len(), 10);
    assert!(changes.iter().all(Change::is_keep));
}

#[test]
fn new_hours_retime_untouched_future_sessions_only() {
    let (mut schedule, mut existing) = class();
    // Two sessions held, the fourth cancelled and the sixth moved by the
    // trainer, the third has an early attendance mark.
    existing[2].marked = true;
    existing[3].status = SessionStatus::Cancelled;
    existing[5].status = SessionStatus::Moved;
    existing[5].original_starts_at = Some(existing[5].starts_at);
    existing[5].starts_at = utc("2026-03-14", "10:00");
    existing[5].ends_at = utc("2026-03-14", "13:00");
    schedule.starts = time("17:00");
    schedule.ends = time("20:00");
    let now = utc("2026-03-10", "13:00");

    let changes = reschedule(&existing, &schedule, &BTreeSet::new(), now);

    let kept: Vec<(i32, Kept)> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Keep { id, why, .. } => Some((*id, *why)),
            _ => None,
        })
        .collect();
    assert_eq!(
        kept,
        [
            (1, Kept::Held),
            (2, Kept::Held),
            (3, Kept::Marked),
            (4, Kept::Cancelled),
            (6, Kept::Moved)
        ]
    );
    let retimed: Vec<(i32, String)> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Retime { id, to, .. } => Some((*id, utc_to_local(to.starts_at).to_string())),
            _ => None,
        })
        .collect();
    // One session a day: today had one; the cancelled day (12 March)
    // and the moved session's first day (16 March) stay free.
    assert_eq!(
        retimed,
        [
            (5, "2026-03-13 17:00:00".to_owned()),
            (7, "2026-03-17 17:00:00".to_owned()),
            (8, "2026-03-18 17:00:00".to_owned()),
            (9, "2026-03-19 17:00:00".to_owned()),
            (10, "2026-03-20 17:00:00".to_owned()),
        ]
    );
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, Change::Remove { .. } | Change::Add(_)))
    );
}

#[test]
fn fewer_sessions_remove_the_last_untouched_ones_and_more_add_some() {
    let (mut schedule, existing) = class();
    let now = utc("2026-03-01", "00:00");
    schedule.count = 8;
    let fewer = reschedule(&existing, &schedule, &BTreeSet::new(), now);
    let removed: Vec<i32> = fewer
        .iter()
        .filter_map(|c| match c {
            Change::Remove { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(removed, [9, 10]);

    schedule.count = 12;
    let more = reschedule(&existing, &schedule, &BTreeSet::new(), now);
    let added: Vec<String> = more
        .iter()
        .filter_map(|c| match c {
            Change::Add(slot) => Some(slot.date.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(added, ["2026-03-23", "2026-03-24"]);
    assert_eq!(more.iter().filter(|c| c.is_keep()).count(), 10);
}

#[test]
fn a_later_start_moves_sessions_and_held_ones_never_go() {
    let (mut schedule, existing) = class();
    schedule.start_date = date("2026-03-16");
    let before = reschedule(
        &existing,
        &schedule,
        &BTreeSet::new(),
        utc("2026-03-01", "00:00"),
    );
    // 16–20 March already have sessions 6–10: they stay; 1–5 move on.
    assert_eq!(before.iter().filter(|c| c.is_keep()).count(), 5);
    assert_eq!(
        before
            .iter()
            .filter(|c| matches!(c, Change::Retime { .. }))
            .count(),
        5
    );

    schedule.count = 1;
    let after_all = reschedule(
        &existing,
        &schedule,
        &BTreeSet::new(),
        utc("2026-03-30", "00:00"),
    );
    assert!(after_all.iter().all(|c| matches!(
        c,
        Change::Keep {
            why: Kept::Held,
            ..
        }
    )));
    assert_eq!(
        after_all.len(),
        10,
        "held sessions stay even above the count"
    );
}
