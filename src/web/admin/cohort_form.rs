//! The class form (`templates/admin/cohort_form.html`): what it submits,
//! how it becomes a class's fields, and what its preview and clash messages
//! say. The handlers are in `web::admin::cohorts`.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage, Weekdays};
use crate::domain::person::FieldError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::admin::cohort_preview::{ChangeCounts, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::urls;

/// The class form as submitted. Weekdays are checkboxes `weekday_1` (Monday)
/// to `weekday_7` (Sunday); `action` is `preview` or `save`. The status is
/// not a field: a new class is a draft, published with its own button.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CohortForm {
    pub venue: String,
    pub period: String,
    pub starts_time: String,
    pub ends_time: String,
    pub teaching_language: String,
    pub audience: String,
    pub start_date: String,
    pub weekday_1: Option<String>,
    pub weekday_2: Option<String>,
    pub weekday_3: Option<String>,
    pub weekday_4: Option<String>,
    pub weekday_5: Option<String>,
    pub weekday_6: Option<String>,
    pub weekday_7: Option<String>,
    pub session_count: String,
    pub capacity: String,
    pub trainer: String,
    pub enrol_opens: String,
    pub enrol_closes: String,
    pub action: String,
}

impl CohortForm {
    pub fn weekday_numbers(&self) -> Vec<u32> {
        [
            &self.weekday_1,
            &self.weekday_2,
            &self.weekday_3,
            &self.weekday_4,
            &self.weekday_5,
            &self.weekday_6,
            &self.weekday_7,
        ]
        .iter()
        .zip(1..)
        .filter(|(checked, _)| checked.is_some())
        .map(|(_, n)| n)
        .collect()
    }
}

/// A weekday checkbox.
pub struct DayBox {
    pub number: u32,
    pub label: String,
    pub checked: bool,
}

/// A period radio with its usual hours (the script fills them in).
pub struct PeriodChoice {
    pub code: &'static str,
    pub label: String,
    pub starts: String,
    pub ends: String,
}

#[derive(askama::Template)]
#[template(path = "admin/cohort_form.html")]
pub struct CohortFormPage {
    pub ctx: PageCtx,
    pub form: FormState,
    pub venues: Vec<Choice>,
    pub trainers: Vec<Choice>,
    pub periods: Vec<PeriodChoice>,
    pub days: Vec<DayBox>,
    pub preview: Option<Vec<PreviewLine>>,
    /// Set when the preview shows an edit's changes.
    pub counts: Option<ChangeCounts>,
    /// The class being edited and its status.
    pub editing: Option<(i32, CohortStatus)>,
    /// Sessions have already taken place: only future ones change.
    pub started: bool,
    /// Nobody has a place and nothing has begun: it may go back to draft.
    pub can_unpublish: bool,
    /// Messages naming the class this one clashes with.
    pub venue_clash: Option<String>,
    pub trainer_clash: Option<String>,
}

impl CohortFormPage {
    pub fn action_url(&self) -> String {
        self.editing.map_or_else(
            || urls::ADMIN_COHORTS.to_owned(),
            |(id, _)| urls::with_id(urls::ADMIN_COHORT, id),
        )
    }

    pub fn cancel_url(&self) -> String {
        self.id_url(urls::ADMIN_COHORT_CANCEL)
    }

    pub fn publish_url(&self) -> String {
        self.id_url(urls::ADMIN_COHORT_PUBLISH)
    }

    pub fn unpublish_url(&self) -> String {
        self.id_url(urls::ADMIN_COHORT_UNPUBLISH)
    }

    fn id_url(&self, pattern: &str) -> String {
        self.editing
            .map(|(id, _)| urls::with_id(pattern, id))
            .unwrap_or_default()
    }

    pub fn is_cancelled(&self) -> bool {
        matches!(self.editing, Some((_, CohortStatus::Cancelled)))
    }

    pub fn is_draft(&self) -> bool {
        matches!(self.editing, Some((_, CohortStatus::Draft)))
    }

    pub fn is_open(&self) -> bool {
        matches!(self.editing, Some((_, CohortStatus::Open)))
    }
}

pub fn day_boxes(lang: Lang, checked: &[u32]) -> Vec<DayBox> {
    (1..=7)
        .map(|number| DayBox {
            number,
            label: lang.t(&format!("weekday-{number}")),
            checked: checked.contains(&number),
        })
        .collect()
}

pub fn period_choices(lang: Lang) -> Vec<PeriodChoice> {
    Period::ALL
        .iter()
        .map(|period| {
            let (starts, ends) = period.default_hours();
            PeriodChoice {
                code: period.as_str(),
                label: lang.t(&format!("period-{}", period.as_str())),
                starts: starts.format("%H:%M").to_string(),
                ends: ends.format("%H:%M").to_string(),
            }
        })
        .collect()
}

/// A new class's form: the period's usual hours, the working week and the
/// programme's usual number of sessions.
pub fn new_class_form(period: Period, today: NaiveDate) -> FormState {
    let mut form = FormState::default();
    let (starts, ends) = period.default_hours();
    for (name, value) in [
        ("period", period.as_str().to_owned()),
        ("starts_time", starts.format("%H:%M").to_string()),
        ("ends_time", ends.format("%H:%M").to_string()),
        ("teaching_language", "ar".to_owned()),
        ("audience", "all".to_owned()),
        (
            "session_count",
            crate::domain::programme::DAILY_SESSIONS.to_string(),
        ),
        ("enrol_opens", today.to_string()),
    ] {
        form.keep(name, &value);
    }
    form
}

/// The stored class as form values.
pub fn form_from(cohort: &Cohort) -> FormState {
    let mut form = FormState::default();
    for (name, value) in [
        ("venue", cohort.venue_id.to_string()),
        ("period", cohort.period.clone()),
        (
            "starts_time",
            cohort.starts_time.format("%H:%M").to_string(),
        ),
        ("ends_time", cohort.ends_time.format("%H:%M").to_string()),
        ("teaching_language", cohort.teaching_language.clone()),
        ("audience", cohort.audience.clone()),
        ("start_date", cohort.start_date.to_string()),
        ("session_count", cohort.session_count.to_string()),
        ("capacity", cohort.capacity.to_string()),
        (
            "trainer",
            cohort
                .trainer_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        ("enrol_opens", cohort.enrol_opens.to_string()),
        ("enrol_closes", cohort.enrol_closes.to_string()),
    ] {
        form.keep(name, &value);
    }
    form
}

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
            ("", None) => Err("field-required"),
            (text, _) => NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| "time-invalid"),
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

/// Parses the form into class fields, recording each error by field.
pub fn validate(
    input: &CohortForm,
    form: &mut FormState,
    at: &Context<'_>,
) -> Option<CohortFields> {
    let number = |text: &str| {
        text.trim()
            .parse::<i32>()
            .map_err(|_| FieldError::BadChoice)
    };
    let date = |text: &str| -> Result<NaiveDate, &'static str> {
        if text.trim().is_empty() {
            return Err("field-required");
        }
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| "date-invalid")
    };
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
    let start_date = form.check("start_date", &input.start_date, date, |key| key);
    if let (Some(start), Some(today)) = (start_date, at.today)
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
    if sessions.is_some_and(|n| !(1..=60).contains(&n)) {
        form.fail("session_count", "sessions-range");
    }
    let capacity = form.check("capacity", &input.capacity, number, |_| "number-invalid");
    if let (Some(capacity), Some(venue)) = (capacity, venue) {
        if capacity < 1 || capacity > venue.seats {
            form.fail("capacity", "capacity-above-seats");
        } else if i64::from(capacity) < at.min_capacity {
            form.fail("capacity", "capacity-below-enrolled");
        }
    }
    let trainer = chosen_trainer(input, form, at.trainers);
    let opens = form.check("enrol_opens", &input.enrol_opens, date, |key| key);
    let closes = form.check("enrol_closes", &input.enrol_closes, date, |key| key);
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes < opens
    {
        form.fail("enrol_closes", "window-order");
    }
    if form.has_errors() {
        return None;
    }
    Some(CohortFields {
        course_id: at.course_id,
        venue_id: venue?.id,
        period: period?.as_str().to_owned(),
        starts_time: starts?,
        ends_time: ends?,
        teaching_language: language?.as_str().to_owned(),
        audience: audience?.as_str().to_owned(),
        start_date: start_date?,
        weekdays: weekdays?.to_string(),
        session_count: sessions?,
        capacity: capacity?,
        trainer_id: trainer?,
        enrol_opens: opens?,
        enrol_closes: closes?,
        status: at.status.as_str().to_owned(),
    })
}

/// Form errors and notices of the class pages that are passed by name (the
/// catalogue test finds only literal keys in translation calls).
pub const KEYS_BY_NAME: &[&str] = &[
    "cohort-clash-venue-short",
    "cohort-clash-trainer-short",
    "sessions-below-kept",
    "flash-cohort-published",
    "flash-cohort-unpublished",
    "flash-cohort-in-use",
    "flash-cohort-status-unchanged",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_passed_by_name_exist_in_both_languages() {
        let (ar, en) = (crate::i18n::keys(Lang::Ar), crate::i18n::keys(Lang::En));
        for key in KEYS_BY_NAME {
            assert!(ar.contains(*key) && en.contains(*key), "{key}");
        }
    }

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
