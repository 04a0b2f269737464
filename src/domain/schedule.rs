//! Generating a class's daily sessions: from the start date, on the class's
//! weekdays, skipping holidays, at the class's local hours (UAE time,
//! UTC+4 all year), stored in UTC.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::cohort::Weekdays;

use crate::domain::time::local_to_utc;

choices!(
    /// Where a session stands: as generated, moved or cancelled by its
    /// trainer (both with a reason shown to trainees).
    SessionStatus { Scheduled => "scheduled", Moved => "moved", Cancelled => "cancelled" }
);

impl SessionStatus {
    /// Moved or cancelled by the trainer (trainees are told why).
    pub fn is_changed(self) -> bool {
        self != Self::Scheduled
    }
}

/// How far ahead generation looks before giving up (a class whose
/// weekdays are all holidays would otherwise never end).
const HORIZON_DAYS: i64 = 730;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The first day that may have a session.
    pub from: NaiveDate,
    pub weekdays: Weekdays,
    /// How many sessions to generate.
    pub count: u32,
    /// Local start and end of each session.
    pub starts: NaiveTime,
    pub ends: NaiveTime,
}

/// One generated session, times in UTC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub date: NaiveDate,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// The sessions of `plan`, in order.
pub fn generate(plan: &Plan, holidays: &BTreeSet<NaiveDate>) -> Vec<Planned> {
    generate_where(plan, holidays, |_| true)
}

/// The sessions of `plan`, leaving out the slots `usable` refuses (they do
/// not count towards `plan.count`).
pub fn generate_where(
    plan: &Plan,
    holidays: &BTreeSet<NaiveDate>,
    usable: impl Fn(&Planned) -> bool,
) -> Vec<Planned> {
    let mut sessions = Vec::new();
    let mut day = plan.from;
    let last_day = plan.from + Duration::days(HORIZON_DAYS);
    while sessions.len() < plan.count as usize && day <= last_day {
        if plan.weekdays.contains(day.weekday()) && !holidays.contains(&day) {
            let slot = Planned {
                date: day,
                starts_at: local_to_utc(day, plan.starts),
                ends_at: local_to_utc(day, plan.ends),
            };
            if usable(&slot) {
                sessions.push(slot);
            }
        }
        day += Duration::days(1);
    }
    sessions
}

/// A session moved to `new_start` keeps its length.
pub fn moved(
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    new_start: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    (
        new_start,
        new_start + (ends_at - starts_at).max(Duration::minutes(1)),
    )
}

/// The sessions that take place: cancelled ones are left out, moved ones
/// count at their new time.
pub fn held_in(
    sessions: &[(NaiveDateTime, NaiveDateTime, bool)],
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    sessions
        .iter()
        .filter(|(_, _, cancelled)| !cancelled)
        .map(|(start, end, _)| (*start, *end))
        .collect()
}

/// Whether any interval of `a` overlaps any of `b` (start inclusive, end
/// exclusive: a class ending at 12:00 does not clash with one at 12:00).
pub fn overlaps(
    a: &[(NaiveDateTime, NaiveDateTime)],
    b: &[(NaiveDateTime, NaiveDateTime)],
) -> bool {
    first_overlap(a, b).is_some()
}

/// The earliest interval of `a` that overlaps one of `b`.
pub fn first_overlap(
    a: &[(NaiveDateTime, NaiveDateTime)],
    b: &[(NaiveDateTime, NaiveDateTime)],
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    a.iter()
        .filter(|(a_start, a_end)| {
            b.iter()
                .any(|(b_start, b_end)| a_start < b_end && b_start < a_end)
        })
        .min()
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::{uae_minutes, uae_today, utc_to_local};

    #[test]
    fn utc_is_shown_four_hours_ahead() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|d| d.and_hms_opt(21, 30, 0))
            .expect("valid");
        assert_eq!(uae_minutes(at), "2026-03-02 01:30");
        assert_eq!(
            uae_today(at.and_utc()),
            NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid")
        );
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").expect("valid time")
    }

    fn plan(from: &str, count: u32, starts: &str, ends: &str) -> Plan {
        Plan {
            from: date(from),
            weekdays: Weekdays::working_week(),
            count,
            starts: time(starts),
            ends: time(ends),
        }
    }

    #[test]
    fn ten_weekday_sessions_skip_the_weekend() {
        // Monday 2 March 2026.
        let sessions = generate(&plan("2026-03-02", 10, "09:00", "12:00"), &BTreeSet::new());
        let dates: Vec<String> = sessions
            .iter()
            .map(|s| s.date.format("%d").to_string())
            .collect();
        assert_eq!(
            dates,
            ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"]
        );
    }

    #[test]
    fn a_morning_session_is_stored_four_hours_earlier_in_utc() {
        let first = &generate(&plan("2026-03-02", 1, "09:00", "12:00"), &BTreeSet::new())[0];
        assert_eq!(first.starts_at.to_string(), "2026-03-02 05:00:00");
        assert_eq!(first.ends_at.to_string(), "2026-03-02 08:00:00");
        let evening = &generate(&plan("2026-03-02", 1, "17:00", "20:00"), &BTreeSet::new())[0];
        assert_eq!(evening.starts_at.to_string(), "2026-03-02 13:00:00");
        assert_eq!(
            utc_to_local(evening.ends_at).to_string(),
            "2026-03-02 20:00:00"
        );
    }

    #[test]
    fn holidays_are_skipped_and_the_class_runs_longer() {
        let holidays = BTreeSet::from([date("2026-03-04"), date("2026-03-05")]);
        let sessions = generate(&plan("2026-03-02", 5, "09:00", "12:00"), &holidays);
        let dates: Vec<String> = sessions.iter().map(|s| s.date.to_string()).collect();
        assert_eq!(
            dates,
            [
                "2026-03-02",
                "2026-03-03",
                "2026-03-06",
                "2026-03-09",
                "2026-03-10"
            ]
        );
    }

    #[test]
    fn a_start_on_a_weekend_begins_on_monday() {
        let mut weekend_start = plan("2026-02-28", 2, "17:00", "20:00");
        weekend_start.weekdays = Weekdays::parse("1,3").expect("valid");
        let dates: Vec<String> = generate(&weekend_start, &BTreeSet::new())
            .iter()
            .map(|s| s.date.to_string())
            .collect();
        assert_eq!(dates, ["2026-03-02", "2026-03-04"]);
    }

    #[test]
    fn generation_stops_at_the_horizon() {
        let mut odd = plan("2026-03-02", 3, "09:00", "12:00");
        odd.weekdays = Weekdays::parse("7").expect("valid");
        let every_sunday: BTreeSet<NaiveDate> = (0..800)
            .map(|i| date("2026-03-01") + Duration::days(i * 7))
            .collect();
        assert!(generate(&odd, &every_sunday).is_empty());
    }

    #[test]
    fn a_moved_session_keeps_its_length_and_a_cancelled_one_drops_out() {
        let sessions = generate(&plan("2026-03-02", 3, "17:00", "20:00"), &BTreeSet::new());
        let new_start = date("2026-03-07").and_time(time("10:00"));
        let (start, end) = moved(sessions[1].starts_at, sessions[1].ends_at, new_start);
        assert_eq!(
            (start.to_string(), end.to_string()),
            (
                "2026-03-07 10:00:00".to_owned(),
                "2026-03-07 13:00:00".to_owned()
            )
        );
        let with_changes = [
            (sessions[0].starts_at, sessions[0].ends_at, true),
            (start, end, false),
            (sessions[2].starts_at, sessions[2].ends_at, false),
        ];
        let held = held_in(&with_changes);
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].0, new_start);
    }

    #[test]
    fn overlapping_sessions_are_detected_and_touching_ones_are_not() {
        let at = |d: &str, t: &str| date(d).and_time(time(t));
        let morning = [(at("2026-03-02", "05:00"), at("2026-03-02", "08:00"))];
        let later = [(at("2026-03-02", "08:00"), at("2026-03-02", "11:00"))];
        let clash = [(at("2026-03-02", "07:00"), at("2026-03-02", "10:00"))];
        assert!(!overlaps(&morning, &later));
        assert!(overlaps(&morning, &clash));
        let week = [
            (at("2026-03-03", "05:00"), at("2026-03-03", "08:00")),
            clash[0],
        ];
        assert_eq!(first_overlap(&week, &morning), Some(clash[0]));
    }

    #[test]
    fn session_statuses_round_trip() {
        for status in SessionStatus::ALL {
            assert_eq!(SessionStatus::parse(status.as_str()), Ok(*status));
        }
    }
}
