//! Calendar days as typed into a form (`YYYY-MM-DD`, what a date input sends).

use chrono::NaiveDate;

use crate::domain::person::FieldError;

/// A day written `YYYY-MM-DD`.
pub fn parse_day(input: &str) -> Result<NaiveDate, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveDate::parse_from_str(input, "%Y-%m-%d").map_err(|_| FieldError::BadDate)
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
        assert_eq!(parse_day("02/12/2026"), Err(FieldError::BadDate));
        assert_eq!(parse_day("2026-02-30"), Err(FieldError::BadDate));
        assert_eq!(parse_day("National Day"), Err(FieldError::BadDate));
    }
}
