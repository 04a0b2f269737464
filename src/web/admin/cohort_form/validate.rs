//! The class form's fields parsed into a class's fields, each error
//! recorded against its field.

use chrono::{NaiveDate, NaiveTime};

use super::CohortForm;
use crate::db::models::cohort::CohortFields;
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::class_size::{check_capacity, check_sessions};
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage, Weekdays};
use crate::domain::person::FieldError;
use crate::domain::time::{parse_day, parse_time};
use crate::web::forms::FormState;

/// What validation needs besides the form.
pub struct Context<'a> {
    pub venues: &'a [Venue],
    pub trainers: &'a [User],
    pub course_id: i32,
    /// The number already enrolled (editing).
    pub min_capacity: i64,
    /// Set when the start date may not be in the past.
    pub today: Option<NaiveDate>,
    /// Kept as it is: the form does not set it.
    pub status: CohortStatus,
    /// The period stored for the class being edited.
    pub stored_period: Option<Period>,
}

/// The session hours, from the period and the two time fields.
fn hours(
    input: &CohortForm,
    form: &mut FormState,
    period: Option<Period>,
    stored_period: Option<Period>,
) -> (Option<NaiveTime>, Option<NaiveTime>) {
    let defaults = period.map(Period::default_hours);
    let time = |text: &str, default: Option<NaiveTime>| -> Result<NaiveTime, &'static str> {
        match (text.trim(), default) {
            ("", Some(default)) => Ok(default),
            (text, _) => parse_time(text).map_err(FieldError::key),
        }
    };
    let mut starts = form.check(
        "starts_time",
        &input.starts_time,
        |t| time(t, defaults.map(|d| d.0)),
        |key| key,
    );
    let mut ends = form.check(
        "ends_time",
        &input.ends_time,
        |t| time(t, defaults.map(|d| d.1)),
        |key| key,
    );
    // Without JavaScript the time fields still show the other period's
    // usual hours after the admin picks a period, so exactly those hours
    // mean "the usual hours": the chosen period's are used. Any other time
    // is the admin's choice and is kept, and so are the stored hours of a
    // class whose period is not being changed (saving its capacity must not
    // move its sessions).
    if let (Some(period), Some(from), Some(to)) = (period, starts, ends)
        && stored_period != Some(period)
        && period.is_another_periods_hours((from, to))
    {
        let (from, to) = period.default_hours();
        (starts, ends) = (Some(from), Some(to));
    }
    for (name, value) in [("starts_time", starts), ("ends_time", ends)] {
        if let Some(value) = value {
            form.keep(name, &value.format("%H:%M").to_string());
        }
    }
    if let (Some(from), Some(to)) = (starts, ends)
        && to <= from
    {
        form.fail("ends_time", "time-order");
    }
    (starts, ends)
}

fn chosen_venue<'a>(
    input: &CohortForm,
    form: &mut FormState,
    venues: &'a [Venue],
) -> Option<&'a Venue> {
    form.keep("venue", &input.venue);
    match input
        .venue
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|id| venues.iter().find(|venue| venue.id == id))
    {
        Some(venue) if venue.retired => {
            form.fail("venue", "venue-retired");
            None
        }
        Some(venue) => Some(venue),
        None => {
            form.fail(
                "venue",
                if input.venue.trim().is_empty() {
                    "field-required"
                } else {
                    "choice-invalid"
                },
            );
            None
        }
    }
}

fn chosen_trainer(
    input: &CohortForm,
    form: &mut FormState,
    trainers: &[User],
) -> Option<Option<i32>> {
    form.keep("trainer", &input.trainer);
    if input.trainer.trim().is_empty() {
        return Some(None);
    }
    match input
        .trainer
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| trainers.iter().any(|user| user.id == *id && user.active))
    {
        Some(id) => Some(Some(id)),
        None => {
            form.fail("trainer", "choice-invalid");
            None
        }
    }
}

/// A date field: `YYYY-MM-DD`, required.
fn date(text: &str) -> Result<NaiveDate, &'static str> {
    parse_day(text).map_err(FieldError::key)
}

/// A whole number field.
fn number(text: &str) -> Result<i32, FieldError> {
    text.trim()
        .parse::<i32>()
        .map_err(|_| FieldError::BadChoice)
}

/// The start date (not in the past when `today` is set), the weekdays and
/// the number of sessions.
fn calendar(
    input: &CohortForm,
    form: &mut FormState,
    today: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<Weekdays>, Option<i32>) {
    let start_date = form.check("start_date", &input.start_date, date, |key| key);
    if let (Some(start), Some(today)) = (start_date, today)
        && start < today
    {
        form.fail("start_date", "start-in-past");
    }
    let weekdays = Weekdays::from_numbers(input.weekday_numbers()).ok();
    if weekdays.is_none() {
        form.fail("weekdays", "weekdays-required");
    }
    let sessions = form.check(
        "session_count",
        &input.session_count,
        number,
        |_| "number-invalid",
    );
    if let Some(Err(err)) = sessions.map(check_sessions) {
        form.fail("session_count", err.key());
    }
    (start_date, weekdays, sessions)
}

/// The number of places, checked against the venue and those enrolled.
fn capacity(
    input: &CohortForm,
    form: &mut FormState,
    venue: Option<&Venue>,
    enrolled: i64,
) -> Option<i32> {
    let capacity = form.check("capacity", &input.capacity, number, |_| "number-invalid");
    if let (Some(capacity), Some(venue)) = (capacity, venue)
        && let Err(err) = check_capacity(capacity, venue.seats, enrolled)
    {
        form.fail("capacity", err.key());
    }
    capacity
}

/// The enrolment window: it may not close before it opens.
fn window(input: &CohortForm, form: &mut FormState) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let opens = form.check("enrol_opens", &input.enrol_opens, date, |key| key);
    let closes = form.check("enrol_closes", &input.enrol_closes, date, |key| key);
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes < opens
    {
        form.fail("enrol_closes", "window-order");
    }
    (opens, closes)
}

/// Parses the form into class fields, recording each error by field.
pub fn validate(
    input: &CohortForm,
    form: &mut FormState,
    at: &Context<'_>,
) -> Option<CohortFields> {
    let period = form.check("period", &input.period, Period::parse, FieldError::key);
    let venue = chosen_venue(input, form, at.venues);
    let (starts, ends) = hours(input, form, period, at.stored_period);
    let language = form.check(
        "teaching_language",
        &input.teaching_language,
        TeachingLanguage::parse,
        FieldError::key,
    );
    let audience = form.check(
        "audience",
        &input.audience,
        Audience::parse,
        FieldError::key,
    );
    let (start_date, weekdays, sessions) = calendar(input, form, at.today);
    let capacity = capacity(input, form, venue, at.min_capacity);
    let trainer = chosen_trainer(input, form, at.trainers);
    let (opens, closes) = window(input, form);
    if form.has_errors() {
        return None;
    }
    Some(CohortFields {
        course_id: at.course_id,
        venue_id: venue?.id,
        period: period?,
        starts_time: starts?,
        ends_time: ends?,
        teaching_language: language?,
        audience: audience?,
        start_date: start_date?,
        weekdays: weekdays?.to_string(),
        session_count: sessions?,
        capacity: capacity?,
        trainer_id: trainer?,
        enrol_opens: opens?,
        enrol_closes: closes?,
        status: at.status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_periods_usual_hours_become_the_chosen_periods() {
        let mut form = FormState::default();
        let input = CohortForm {
            starts_time: "09:00".to_owned(),
            ends_time: "12:00".to_owned(),
            ..CohortForm::default()
        };
        let (starts, ends) = hours(&input, &mut form, Some(Period::Evening), None);
        assert_eq!(
            (starts, ends),
            (
                NaiveTime::from_hms_opt(17, 0, 0),
                NaiveTime::from_hms_opt(20, 0, 0)
            )
        );
        assert_eq!(form.value("starts_time"), "17:00", "the form shows them");

        let explicit = CohortForm {
            starts_time: "16:00".to_owned(),
            ends_time: "19:00".to_owned(),
            ..CohortForm::default()
        };
        let (starts, _) = hours(
            &explicit,
            &mut FormState::default(),
            Some(Period::Evening),
            None,
        );
        assert_eq!(starts, NaiveTime::from_hms_opt(16, 0, 0), "kept as typed");

        let (starts, _) = hours(
            &input,
            &mut FormState::default(),
            Some(Period::Evening),
            Some(Period::Evening),
        );
        assert_eq!(
            starts,
            NaiveTime::from_hms_opt(9, 0, 0),
            "an evening class stored at morning hours keeps them until its period changes"
        );
    }
}
