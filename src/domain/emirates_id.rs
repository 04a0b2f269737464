//! The Emirates ID number: `784-YYYY-NNNNNNN-C`, fifteen digits where 784 is
//! the UAE's country code, YYYY the holder's birth year and C a Luhn check
//! digit over the other fourteen.

use std::fmt;

/// A valid Emirates ID, kept in its dashed form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmiratesId(String);

/// Why a text is not an Emirates ID. The variant names double as the
/// catalogue keys' suffixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmiratesIdError {
    #[error("empty")]
    Empty,
    #[error("not 15 digits")]
    Format,
    #[error("does not start with 784")]
    Country,
    #[error("wrong check digit")]
    Checksum,
}

impl EmiratesIdError {
    /// The catalogue key of the message shown next to the field.
    pub fn key(self) -> &'static str {
        match self {
            Self::Empty => "field-required",
            Self::Format => "eid-format",
            Self::Country => "eid-country",
            Self::Checksum => "eid-checksum",
        }
    }
}

impl EmiratesId {
    /// Accepts the number with or without dashes or spaces.
    pub fn parse(input: &str) -> Result<Self, EmiratesIdError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmiratesIdError::Empty);
        }
        let digits: String = trimmed
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .collect();
        if digits.len() != 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(EmiratesIdError::Format);
        }
        if !digits.starts_with("784") {
            return Err(EmiratesIdError::Country);
        }
        if !luhn_valid(&digits) {
            return Err(EmiratesIdError::Checksum);
        }
        Ok(Self(format!(
            "{}-{}-{}-{}",
            &digits[..3],
            &digits[3..7],
            &digits[7..14],
            &digits[14..]
        )))
    }

    /// `784-YYYY-NNNNNNN-C`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth year the number carries.
    pub fn birth_year(&self) -> i32 {
        self.0[4..8].parse().unwrap_or_default()
    }

    /// Whether a date of birth is in the year the number carries (the
    /// registration form refuses one that is not).
    pub fn matches_birth_date(&self, born: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        self.birth_year() == born.year()
    }

    /// The fifteen digits without dashes.
    pub fn digits(&self) -> String {
        self.0.replace('-', "")
    }

    /// Hidden except the last four digits, for certificates and lists:
    /// `784-****-***1234-5`.
    pub fn masked(&self) -> String {
        format!("784-****-***{}-{}", &self.0[12..16], &self.0[17..])
    }
}

impl fmt::Display for EmiratesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Luhn (mod 10) over all digits, the last being the check digit.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The Luhn check digit for fourteen leading digits (tests and demo data).
pub fn check_digit(first_fourteen: &str) -> char {
    (0..=9u8)
        .map(|d| char::from(b'0' + d))
        .find(|d| luhn_valid(&format!("{first_fourteen}{d}")))
        .unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_number_parses_with_or_without_dashes() {
        let id = EmiratesId::parse("784-1990-1234567-6").expect("valid");
        assert_eq!(id.as_str(), "784-1990-1234567-6");
        assert_eq!(EmiratesId::parse("784199012345676"), Ok(id.clone()));
        assert_eq!(EmiratesId::parse(" 784 1990 1234567 6 "), Ok(id.clone()));
        assert_eq!(id.birth_year(), 1990);
        assert_eq!(id.masked(), "784-****-***4567-6");
    }

    #[test]
    fn the_date_of_birth_must_be_in_the_year_the_number_carries() {
        let id = EmiratesId::parse("784-1990-1234567-6").expect("valid");
        let born = |year| chrono::NaiveDate::from_ymd_opt(year, 12, 31).expect("a date");
        assert!(id.matches_birth_date(born(1990)));
        assert!(!id.matches_birth_date(born(1991)));
    }

    #[test]
    fn the_check_digit_is_enforced() {
        assert_eq!(
            EmiratesId::parse("784-1990-1234567-2"),
            Err(EmiratesIdError::Checksum)
        );
        assert_eq!(check_digit("78419901234567"), '6');
    }

    #[test]
    fn other_shapes_are_refused() {
        assert_eq!(EmiratesId::parse(""), Err(EmiratesIdError::Empty));
        assert_eq!(
            EmiratesId::parse("784-1990-123456-1"),
            Err(EmiratesIdError::Format)
        );
        assert_eq!(
            EmiratesId::parse("784-1990-12345a7-1"),
            Err(EmiratesIdError::Format)
        );
        let foreign = format!("68219901234567{}", check_digit("68219901234567"));
        assert_eq!(EmiratesId::parse(&foreign), Err(EmiratesIdError::Country));
    }
}
