//! Times are stored in UTC and shown in the UAE's time (UTC+4, no daylight
//! saving).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Asia/Dubai.
pub fn uae() -> FixedOffset {
    FixedOffset::east_opt(4 * 3600).expect("UTC+4 is a valid offset")
}

/// Today's date in the UAE.
pub fn uae_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&uae()).date_naive()
}

/// A stored UTC time as `YYYY-MM-DD HH:MM` in the UAE.
pub fn uae_minutes(at: NaiveDateTime) -> String {
    uae()
        .from_utc_datetime(&at)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
