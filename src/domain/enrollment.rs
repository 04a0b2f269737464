//! Who may take a place in a class, and whether they get a seat or join the
//! wait-list.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::cohort::{Audience, Phase};
use crate::domain::person::Gender;
use crate::domain::schedule::overlaps;

choices!(
    /// A place's state. Only `enrolled` and `waitlisted` are active.
    EnrollmentStatus {
        Enrolled => "enrolled",
        Waitlisted => "waitlisted",
        Withdrawn => "withdrawn",
        Cancelled => "cancelled",
        Moved => "moved",
        // When its class ends, a seat becomes one of these by the
        // attendance rule (and a registrar's override).
        Completed => "completed",
        NotCompleted => "not_completed",
    }
);

impl EnrollmentStatus {
    /// The places that still hold a seat or a place in the queue.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Enrolled | Self::Waitlisted)
    }

    /// The places that sat in the class: its roster, attendance and sittings.
    pub const SEATED: [EnrollmentStatus; 3] = [Self::Enrolled, Self::Completed, Self::NotCompleted];

    pub fn is_seated(self) -> bool {
        Self::SEATED.contains(&self)
    }

    /// Holding a seat in a class that has not ended.
    pub fn is_enrolled(self) -> bool {
        self == Self::Enrolled
    }
}

/// Why a place is refused; `key()` is the catalogue key of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("already has an active place in this course")]
    AlreadyActive,
    #[error("the class is for the other gender")]
    Audience,
    #[error("the enrolment window is closed")]
    WindowClosed,
    #[error("sessions overlap another class")]
    Overlap,
    #[error("the class is not open")]
    NotOpen,
    #[error("already passed this course")]
    Passed,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::AlreadyActive => "enrol-refused-active",
            Self::Audience => "enrol-refused-audience",
            Self::WindowClosed => "enrol-refused-window",
            Self::Overlap => "enrol-refused-overlap",
            Self::NotOpen => "enrol-refused-not-open",
            Self::Passed => "enrol-refused-passed",
        }
    }

    pub const ALL: [Refusal; 6] = [
        Self::AlreadyActive,
        Self::Audience,
        Self::WindowClosed,
        Self::Overlap,
        Self::NotOpen,
        Self::Passed,
    ];
}

/// Everything the rule looks at.
pub struct Request<'a> {
    pub phase: Phase,
    pub audience: Audience,
    pub gender: Option<Gender>,
    pub window: (NaiveDate, NaiveDate),
    /// Today in the UAE.
    pub today: NaiveDate,
    /// The trainee already holds an active place in this course.
    pub has_active_place: bool,
    /// The trainee has passed this course's exam already.
    pub passed_course: bool,
    /// The class's sessions and those of the trainee's other active places.
    pub sessions: &'a [(NaiveDateTime, NaiveDateTime)],
    pub other_sessions: &'a [(NaiveDateTime, NaiveDateTime)],
    /// A registrar placing someone may do so outside the window.
    pub ignore_window: bool,
}

/// Checks the rules in the order a person would want to hear them.
pub fn check(request: &Request<'_>) -> Result<(), Refusal> {
    if !matches!(request.phase, Phase::Open | Phase::Running) {
        return Err(Refusal::NotOpen);
    }
    if request.has_active_place {
        return Err(Refusal::AlreadyActive);
    }
    if request.passed_course {
        return Err(Refusal::Passed);
    }
    if !request.audience.admits(request.gender) {
        return Err(Refusal::Audience);
    }
    let (opens, closes) = request.window;
    if !request.ignore_window && !(opens..=closes).contains(&request.today) {
        return Err(Refusal::WindowClosed);
    }
    if overlaps(request.sessions, request.other_sessions) {
        return Err(Refusal::Overlap);
    }
    Ok(())
}

/// A seat while one is free, else the wait-list.
pub fn placement(enrolled: i64, capacity: i32) -> EnrollmentStatus {
    if enrolled < i64::from(capacity) {
        EnrollmentStatus::Enrolled
    } else {
        EnrollmentStatus::Waitlisted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    fn request<'a>(
        sessions: &'a [(NaiveDateTime, NaiveDateTime)],
        others: &'a [(NaiveDateTime, NaiveDateTime)],
    ) -> Request<'a> {
        Request {
            phase: Phase::Open,
            audience: Audience::All,
            gender: Some(Gender::Male),
            window: (date("2026-02-01"), date("2026-03-01")),
            today: date("2026-02-15"),
            has_active_place: false,
            passed_course: false,
            sessions,
            other_sessions: others,
            ignore_window: false,
        }
    }

    #[test]
    fn each_rule_refuses_with_its_reason() {
        let slot = [(
            date("2026-03-02").and_hms_opt(5, 0, 0).expect("t"),
            date("2026-03-02").and_hms_opt(8, 0, 0).expect("t"),
        )];
        assert_eq!(check(&request(&slot, &[])), Ok(()));
        assert_eq!(
            check(&Request {
                has_active_place: true,
                ..request(&slot, &[])
            }),
            Err(Refusal::AlreadyActive)
        );
        assert_eq!(
            check(&Request {
                audience: Audience::Women,
                ..request(&slot, &[])
            }),
            Err(Refusal::Audience)
        );
        assert_eq!(
            check(&Request {
                today: date("2026-03-02"),
                ..request(&slot, &[])
            }),
            Err(Refusal::WindowClosed)
        );
        assert_eq!(
            check(&Request {
                today: date("2026-03-02"),
                ignore_window: true,
                ..request(&slot, &[])
            }),
            Ok(())
        );
        assert_eq!(check(&request(&slot, &slot)), Err(Refusal::Overlap));
        assert_eq!(
            check(&Request {
                phase: Phase::Finished,
                ..request(&slot, &[])
            }),
            Err(Refusal::NotOpen)
        );
    }

    #[test]
    fn seats_then_the_wait_list() {
        assert_eq!(placement(19, 20), EnrollmentStatus::Enrolled);
        assert_eq!(placement(20, 20), EnrollmentStatus::Waitlisted);
    }
}
