//! What a class is made of: period, audience, teaching language, partner
//! kind, weekdays and the phase it is in.

use std::fmt;

use chrono::{DateTime, NaiveTime, Utc, Weekday};

use crate::domain::person::Gender;

choices!(
    /// Morning or evening; each has default hours.
    Period { Morning => "morning", Evening => "evening" }
);

impl Period {
    /// Default local start and end (09:00–12:00, 17:00–20:00).
    pub fn default_hours(self) -> (NaiveTime, NaiveTime) {
        let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN);
        match self {
            Self::Morning => (at(9), at(12)),
            Self::Evening => (at(17), at(20)),
        }
    }

    /// Whether `hours` are exactly another period's usual hours.
    pub fn is_another_periods_hours(self, hours: (NaiveTime, NaiveTime)) -> bool {
        Self::ALL
            .iter()
            .any(|other| *other != self && other.default_hours() == hours)
    }
}

choices!(
    /// Who may join: everyone, women only or men only.
    Audience { All => "all", Women => "women", Men => "men" }
);

impl Audience {
    /// Whether someone of `gender` may join (unknown gender: only `All`).
    /// Only women or only men may join.
    pub fn is_restricted(self) -> bool {
        self != Self::All
    }

    pub fn admits(self, gender: Option<Gender>) -> bool {
        match self {
            Self::All => true,
            Self::Women => gender == Some(Gender::Female),
            Self::Men => gender == Some(Gender::Male),
        }
    }
}

choices!(
    /// The language a class is taught in.
    TeachingLanguage { Arabic => "ar", English => "en" }
);

choices!(
    /// What kind of partner hosts a venue.
    PartnerKind {
        School => "school",
        FamilyDevelopment => "family-development",
        University => "university",
        AppliedResearch => "applied-research",
        Government => "government",
        Other => "other",
    }
);

choices!(
    /// The status an admin sets; running and finished follow from the dates.
    /// A new class from the admin's form is a draft (not listed, no
    /// enrolment) until it is published.
    CohortStatus { Draft => "draft", Open => "open", Cancelled => "cancelled" }
);

/// Where a class stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Draft,
    Open,
    Running,
    Finished,
    Cancelled,
}

impl Phase {
    /// From the stored status and the first session's start and the last
    /// session's end (none: no sessions, which only a draft may have).
    pub fn of(
        status: CohortStatus,
        first_start: Option<DateTime<Utc>>,
        last_end: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Self {
        match status {
            CohortStatus::Draft => Self::Draft,
            CohortStatus::Cancelled => Self::Cancelled,
            CohortStatus::Open => match (first_start, last_end) {
                (_, Some(end)) if now >= end => Self::Finished,
                (Some(start), _) if now >= start => Self::Running,
                _ => Self::Open,
            },
        }
    }

    /// Not published yet: not listed, no enrolment.
    pub fn is_draft(self) -> bool {
        self == Self::Draft
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Running => "running",
            Self::Finished => "finished",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The days of the week a class meets, stored as ISO numbers `1,2,3,4,5`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weekdays(Vec<Weekday>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no valid weekday")]
pub struct WeekdaysError;

impl Weekdays {
    /// Monday to Friday.
    pub fn working_week() -> Self {
        Self(vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ])
    }

    /// From ISO numbers (1 = Monday … 7 = Sunday); at least one.
    pub fn from_numbers(numbers: impl IntoIterator<Item = u32>) -> Result<Self, WeekdaysError> {
        let mut days: Vec<Weekday> = numbers
            .into_iter()
            .filter_map(|n| {
                (1..=7)
                    .contains(&n)
                    .then(|| Weekday::try_from(u8::try_from(n - 1).unwrap_or(0)).ok())
                    .flatten()
            })
            .collect();
        days.sort_by_key(Weekday::number_from_monday);
        days.dedup();
        if days.is_empty() {
            Err(WeekdaysError)
        } else {
            Ok(Self(days))
        }
    }

    /// Parses the stored form `1,2,3`.
    pub fn parse(text: &str) -> Result<Self, WeekdaysError> {
        Self::from_numbers(text.split(',').filter_map(|part| part.trim().parse().ok()))
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0.contains(&day)
    }

    pub fn days(&self) -> &[Weekday] {
        &self.0
    }

    /// ISO numbers, for forms.
    pub fn numbers(&self) -> Vec<u32> {
        self.0.iter().map(Weekday::number_from_monday).collect()
    }
}

impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numbers: Vec<String> = self.numbers().iter().map(ToString::to_string).collect();
        f.write_str(&numbers.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .expect("valid")
    }

    #[test]
    fn periods_have_their_default_hours() {
        let (start, end) = Period::Evening.default_hours();
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("17:00:00".to_owned(), "20:00:00".to_owned())
        );
    }

    #[test]
    fn only_the_other_periods_exact_hours_count_as_its_usual_hours() {
        let (morning, evening) = (
            Period::Morning.default_hours(),
            Period::Evening.default_hours(),
        );
        assert!(Period::Evening.is_another_periods_hours(morning));
        assert!(!Period::Evening.is_another_periods_hours(evening));
        assert!(!Period::Evening.is_another_periods_hours((morning.0, evening.1)));
    }

    #[test]
    fn women_only_classes_admit_women_only() {
        assert!(Audience::Women.admits(Some(Gender::Female)));
        assert!(!Audience::Women.admits(Some(Gender::Male)));
        assert!(!Audience::Men.admits(None));
        assert!(Audience::All.admits(None));
    }

    #[test]
    fn weekdays_round_trip_and_refuse_nothing() {
        let days = Weekdays::parse("5, 1,3,3").expect("valid");
        assert_eq!(days.to_string(), "1,3,5");
        assert_eq!(Weekdays::parse("0,8"), Err(WeekdaysError));
        assert_eq!(Weekdays::working_week().to_string(), "1,2,3,4,5");
    }

    #[test]
    fn the_phase_follows_the_dates() {
        let (first, last) = (
            Some(at("2026-03-02T05:00:00Z")),
            Some(at("2026-03-13T08:00:00Z")),
        );
        assert_eq!(
            Phase::of(CohortStatus::Open, first, last, at("2026-03-01T00:00:00Z")),
            Phase::Open
        );
        assert_eq!(
            Phase::of(CohortStatus::Open, first, last, at("2026-03-05T00:00:00Z")),
            Phase::Running
        );
        assert_eq!(
            Phase::of(CohortStatus::Open, first, last, at("2026-03-13T08:00:00Z")),
            Phase::Finished
        );
        assert_eq!(
            Phase::of(
                CohortStatus::Cancelled,
                first,
                last,
                at("2026-03-05T00:00:00Z")
            ),
            Phase::Cancelled
        );
    }
}
