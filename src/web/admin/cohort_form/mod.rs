//! The class form (`templates/admin/cohort_form.html`): what it submits,
//! how it becomes a class's fields ([`validate`]), and what its preview and
//! clash messages say. The handlers are in `web::admin::cohorts`.

mod validate;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::db::models::cohort::Cohort;
use crate::domain::cohort::{CohortStatus, Period};
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::admin::cohort_preview::{ChangeCounts, PreviewLine};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::urls;

pub use validate::{Context, validate};

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
        ("period", cohort.period.to_string()),
        (
            "starts_time",
            cohort.starts_time.format("%H:%M").to_string(),
        ),
        ("ends_time", cohort.ends_time.format("%H:%M").to_string()),
        ("teaching_language", cohort.teaching_language.to_string()),
        ("audience", cohort.audience.to_string()),
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

/// Form errors and notices of the class pages that are passed by name (the
/// catalogue test finds only literal keys in translation calls).
pub const KEYS_BY_NAME: &[&str] = &[
    "sessions-range",
    "capacity-above-seats",
    "capacity-below-enrolled",
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
}
