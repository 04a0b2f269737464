//! A person's profile fields: names in both scripts, birth date, gender,
//! target group, referral channel and role.

use chrono::{Datelike, NaiveDate};

/// Why a profile field was refused; `key()` is the catalogue key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("name must be in Arabic letters")]
    NotArabic,
    #[error("name must be in Latin letters")]
    NotLatin,
    #[error("not a date")]
    BadDate,
    #[error("not a time of day")]
    BadTime,
    #[error("age out of range")]
    AgeOutOfRange,
    #[error("not one of the choices")]
    BadChoice,
}

impl FieldError {
    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "field-required",
            Self::TooLong => "field-too-long",
            Self::NotArabic => "name-not-arabic",
            Self::NotLatin => "name-not-latin",
            Self::BadDate => "date-invalid",
            Self::BadTime => "time-invalid",
            Self::AgeOutOfRange => "age-out-of-range",
            Self::BadChoice => "choice-invalid",
        }
    }
}

/// Longest name accepted, in characters.
const NAME_MAX: usize = 100;

/// A full name written in Arabic script (as printed on the certificate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArabicName(String);

/// A full name written in Latin letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnglishName(String);

fn normalise_name(input: &str) -> Result<String, FieldError> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(FieldError::Required);
    }
    if name.chars().count() > NAME_MAX {
        return Err(FieldError::TooLong);
    }
    Ok(name)
}

fn is_name_punctuation(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’' | '.')
}

impl ArabicName {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let name = normalise_name(input)?;
        // The Arabic block and its presentation forms; no Latin letters or digits.
        let arabic = |c: char| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
        let valid = name.chars().all(|c| arabic(c) || is_name_punctuation(c))
            && name.chars().any(arabic)
            && !name
                .chars()
                .any(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c));
        if valid {
            Ok(Self(name))
        } else {
            Err(FieldError::NotArabic)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl EnglishName {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let name = normalise_name(input)?;
        let valid = name.chars().all(|c| {
            c.is_alphabetic() && !c.is_ascii_digit() && latin(c) || is_name_punctuation(c)
        }) && name.chars().any(char::is_alphabetic);
        if valid {
            Ok(Self(name))
        } else {
            Err(FieldError::NotLatin)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Latin letters, including accented ones (Latin-1 Supplement and Latin Extended-A/B).
fn latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') && c != '×' && c != '÷'
}

/// A birth date for someone aged 15 to 100 on `today`.
pub fn parse_birth_date(input: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let date = crate::domain::time::parse_day(input)?;
    let age = age_on(date, today);
    if (15..=100).contains(&age) {
        Ok(date)
    } else {
        Err(FieldError::AgeOutOfRange)
    }
}

/// Completed years between `born` and `today`.
pub fn age_on(born: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

choices!(
    /// Gender, as on the Emirates ID (women-only classes depend on it).
    Gender { Female => "female", Male => "male" }
);

choices!(
    /// Who the trainee is, for the programme's reports.
    TargetGroup {
        Parent => "parent",
        Homemaker => "homemaker",
        JobSeeker => "job-seeker",
        GovernmentEmployee => "government-employee",
        SpecialNeeds => "special-needs",
        Student => "student",
        Other => "other",
    }
);

choices!(
    /// How the trainee heard of the programme or was referred to it.
    Channel {
        School => "school",
        FamilyDevelopment => "family-development",
        University => "university",
        Employer => "employer",
        Media => "media",
        FriendsFamily => "friends-family",
        Other => "other",
    }
);

choices!(
    /// What a person may do on the platform; one role each.
    Role {
        Trainee => "trainee",
        Trainer => "trainer",
        Registrar => "registrar",
        Admin => "admin",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    #[test]
    fn names_are_checked_for_their_script() {
        assert_eq!(
            ArabicName::parse("  مريم   أحمد ").map(|n| n.0),
            Ok("مريم أحمد".to_owned())
        );
        assert_eq!(ArabicName::parse("Mariam"), Err(FieldError::NotArabic));
        assert_eq!(ArabicName::parse("مريم 2"), Err(FieldError::NotArabic));
        assert_eq!(
            EnglishName::parse("Mariam Al-Dhaheri").map(|n| n.0),
            Ok("Mariam Al-Dhaheri".to_owned())
        );
        assert_eq!(
            EnglishName::parse("José O'Neil").map(|n| n.0),
            Ok("José O'Neil".to_owned())
        );
        assert_eq!(EnglishName::parse("مريم"), Err(FieldError::NotLatin));
        assert_eq!(EnglishName::parse("R2D2"), Err(FieldError::NotLatin));
        assert_eq!(EnglishName::parse("   "), Err(FieldError::Required));
        assert_eq!(
            EnglishName::parse(&"a".repeat(101)),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn birth_dates_give_an_age_from_15_to_100() {
        let today = date("2026-03-02");
        assert_eq!(
            parse_birth_date("2011-03-02", today),
            Ok(date("2011-03-02"))
        );
        assert_eq!(
            parse_birth_date("2011-03-03", today),
            Err(FieldError::AgeOutOfRange)
        );
        assert_eq!(
            parse_birth_date("1925-03-03", today),
            Ok(date("1925-03-03"))
        );
        assert_eq!(
            parse_birth_date("1925-03-02", today),
            Err(FieldError::AgeOutOfRange)
        );
        assert_eq!(
            parse_birth_date("02/03/1990", today),
            Ok(date("1990-03-02")),
            "typed day first, as a plain text box gets it"
        );
        assert_eq!(
            parse_birth_date("03/31/1990", today),
            Err(FieldError::BadDate)
        );
        assert_eq!(
            parse_birth_date("1990-02-30", today),
            Err(FieldError::BadDate)
        );
    }

    #[test]
    fn choices_parse_their_codes_only() {
        assert_eq!(Gender::parse("female"), Ok(Gender::Female));
        assert_eq!(TargetGroup::parse("job-seeker"), Ok(TargetGroup::JobSeeker));
        assert_eq!(Channel::parse("radio"), Err(FieldError::BadChoice));
        assert_eq!(Role::parse(""), Err(FieldError::Required));
        assert!(
            Role::ALL
                .iter()
                .all(|role| Role::parse(role.as_str()) == Ok(*role))
        );
    }
}
