//! Time in the programme, in one place: instants as the database stores
//! them, the UAE's offset (UTC+4 all year, no daylight saving), local dates
//! and hours, and the one parser of the dates and times typed into forms
//! (`YYYY-MM-DD` and `HH:MM`, what date and time inputs send). Where "now"
//! comes from is `crate::clock`.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, SubsecRound, Utc};

use crate::domain::person::FieldError;

/// The UAE's offset from UTC (no daylight saving).
pub const UAE_OFFSET: Duration = Duration::hours(4);

/// UTC `now` as stored (microseconds, as both databases keep). Every query
/// that compares with or stores "now" uses it, so a value written and read
/// back compares equal on SQLite and PostgreSQL.
pub fn db_now(now: DateTime<Utc>) -> NaiveDateTime {
    now.naive_utc().trunc_subsecs(6)
}

/// Today's date in the UAE.
pub fn uae_today(now: DateTime<Utc>) -> NaiveDate {
    (now.naive_utc() + UAE_OFFSET).date()
}

/// A stored UTC time as `YYYY-MM-DD HH:MM` in the UAE.
pub fn uae_minutes(at: NaiveDateTime) -> String {
    utc_to_local(at).format("%Y-%m-%d %H:%M").to_string()
}

/// A local UAE date and time as UTC.
pub fn local_to_utc(date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
    date.and_time(time) - UAE_OFFSET
}

/// A stored UTC instant as local UAE time.
pub fn utc_to_local(at: NaiveDateTime) -> NaiveDateTime {
    at + UAE_OFFSET
}

/// A day as a date field sends it (`YYYY-MM-DD`), or as a person types it
/// where the browser offers a plain text box: day first, as the UAE writes
/// dates (`23/04/1990`, `23-04-1990`), in Western or Arabic-Indic digits.
pub fn parse_day(input: &str) -> Result<NaiveDate, FieldError> {
    let input: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&input, format).ok())
        .ok_or(FieldError::BadDate)
}

/// A time of day written `HH:MM` (24-hour).
pub fn parse_time(input: &str) -> Result<NaiveTime, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveTime::parse_from_str(input, "%H:%M").map_err(|_| FieldError::BadTime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_year_month_day_and_must_exist() {
        assert_eq!(
            parse_day(" 2026-12-02 "),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid date"))
        );
        assert_eq!(parse_day(""), Err(FieldError::Required));
        let national_day = Ok(NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid date"));
        assert_eq!(parse_day("02/12/2026"), national_day, "day first");
        assert_eq!(parse_day("2-12-2026"), national_day);
        assert_eq!(parse_day("٠٢/١٢/٢٠٢٦"), national_day, "Arabic-Indic digits");
        assert_eq!(
            parse_day("12/31/2026"),
            Err(FieldError::BadDate),
            "not month first"
        );
        assert_eq!(parse_day("2026-02-30"), Err(FieldError::BadDate));
        assert_eq!(parse_day("National Day"), Err(FieldError::BadDate));
    }

    #[test]
    fn a_time_is_hours_and_minutes() {
        assert_eq!(
            parse_time("08:30 "),
            Ok(NaiveTime::from_hms_opt(8, 30, 0).expect("valid time"))
        );
        assert_eq!(parse_time(" "), Err(FieldError::Required));
        assert_eq!(parse_time("25:00"), Err(FieldError::BadTime));
        assert_eq!(parse_time("8.30"), Err(FieldError::BadTime));
    }

    #[test]
    fn local_times_are_four_hours_ahead_of_utc_all_year() {
        let date = NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid date");
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("valid time");
        let utc = local_to_utc(date, nine);
        assert_eq!(utc, date.and_hms_opt(5, 0, 0).expect("valid time"));
        assert_eq!(utc_to_local(utc), date.and_time(nine));
        assert_eq!(uae_minutes(utc), "2026-07-01 09:00");
    }
}
