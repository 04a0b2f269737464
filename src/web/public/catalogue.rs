//! The catalogue of classes, prepared for display and for open data:
//! where, when, in which language, and how many seats are left.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;

use crate::db::DbConnection;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::Cohort;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::region::{Region, Town};
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::domain::cohort::Phase;
use crate::domain::cohort::{Audience, Period, TeachingLanguage};
use crate::domain::time::utc_to_local;
use crate::i18n::Lang;

/// A class as the catalogue shows it, named in one language.
#[derive(Clone, Debug)]
pub struct CohortCard {
    pub id: i32,
    pub region_code: String,
    pub region: String,
    pub town_code: String,
    pub town: String,
    pub town_ar: String,
    pub town_en: String,
    pub venue: String,
    pub venue_ar: String,
    pub venue_en: String,
    /// The venue's street address in the card's language.
    pub address: String,
    pub period: Period,
    pub language: TeachingLanguage,
    pub audience: Audience,
    /// `09:00–12:00`, local time.
    pub hours: String,
    /// Weekday names, joined.
    pub days: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// When the first session held starts and the last ends.
    pub first_start: Option<DateTime<Utc>>,
    pub last_end: Option<DateTime<Utc>>,
    pub capacity: i64,
    pub enrolled: i64,
    pub waitlisted: i64,
    pub trainer: Option<String>,
    pub phase: Phase,
    pub enrol_opens: NaiveDate,
    pub enrol_closes: NaiveDate,
}

impl CohortCard {
    /// The address, with the town before it unless the address names it.
    pub fn full_address(&self) -> String {
        if self.address.contains(&self.town) {
            self.address.clone()
        } else if self.address.is_empty() {
            self.town.clone()
        } else {
            format!("{} · {}", self.town, self.address)
        }
    }

    pub fn seats_left(&self) -> i64 {
        (self.capacity - self.enrolled).max(0)
    }

    /// "Morning, 09:00–12:00" in `lang` (the hours isolated for bidi).
    pub fn when(&self, lang: impl std::borrow::Borrow<Lang>) -> String {
        let lang = *lang.borrow();
        let period = lang.t(&format!("period-{}", self.period));
        lang.t_args(
            "cohort-when-value",
            &[
                ("period", period.into()),
                ("hours", self.hours.clone().into()),
            ],
        )
    }

    pub fn url(&self) -> String {
        format!("/cohorts/{}", self.id)
    }

    pub fn starts_text(&self) -> String {
        self.starts_on
            .map(|date| date.to_string())
            .unwrap_or_default()
    }

    pub fn ends_text(&self) -> String {
        self.ends_on
            .map(|date| date.to_string())
            .unwrap_or_default()
    }

    /// `2026-03`, for the month filter.
    pub fn start_month(&self) -> String {
        self.starts_on
            .map(|date| format!("{:04}-{:02}", date.year(), date.month()))
            .unwrap_or_default()
    }

    /// The open-data record (DESIGN.md section 4), plus names in both
    /// languages for partners' own pages.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "region": self.region_code,
            "town": self.town_code,
            "town_ar": self.town_ar,
            "town_en": self.town_en,
            "venue": self.venue_en,
            "venue_ar": self.venue_ar,
            "period": self.period,
            "language": self.language,
            "audience": self.audience,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
            "capacity": self.capacity,
            "enrolled": self.enrolled,
            "seats_left": self.seats_left(),
            "waitlisted": self.waitlisted,
        })
    }
}

/// The catalogue's filters, as they appear in the URL (so a filtered list
/// can be shared). `language` is the teaching language; `lang` is always
/// the page's language, never a filter, so it is not read here at all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub region: String,
    pub town: String,
    pub period: String,
    pub language: String,
    /// `YYYY-MM`.
    pub month: String,
    /// The catalogue page, from 1 (not a filter).
    pub page: String,
}

impl Filter {
    /// The catalogue's address with these filters, on page `page`.
    pub fn link(&self, page: usize) -> String {
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("region", &self.region),
            ("town", &self.town),
            ("period", &self.period),
            ("language", &self.language),
            ("month", &self.month),
        ] {
            if !value.trim().is_empty() {
                params.append_pair(name, value.trim());
            }
        }
        params.append_pair("page", &page.to_string());
        format!("{}?{}", crate::web::urls::COHORTS, params.finish())
    }

    /// Whether a class passes every filter that is set.
    pub fn matches(&self, card: &CohortCard) -> bool {
        let set = |value: &str| !value.trim().is_empty();
        (!set(&self.region) || card.region_code == self.region.trim())
            && (!set(&self.town) || card.town_code == self.town.trim())
            && (!set(&self.period) || card.period.as_str() == self.period.trim())
            && (!set(&self.language) || card.language.as_str() == self.language.trim())
            && (!set(&self.month) || card.start_month() == self.month.trim())
    }
}

/// Weekday names in `lang` (ISO numbers 1–7), joined with the language's
/// comma (`، ` in Arabic).
fn day_names(numbers: &[u32], lang: Lang) -> String {
    let names: Vec<String> = numbers
        .iter()
        .map(|n| lang.t(&format!("weekday-{n}")))
        .collect();
    names.join(&lang.t("list-separator"))
}

/// A `YYYY-MM` month as people say it: "December 2026", "ديسمبر 2026"
/// (the code itself when it is not a month).
pub fn month_label(code: &str, lang: Lang) -> String {
    let Some((year, month)) = code.split_once('-') else {
        return code.to_owned();
    };
    match (year.parse::<i32>(), month.parse::<u32>()) {
        (Ok(year), Ok(month @ 1..=12)) => lang.t_args(
            "month-year",
            &[
                ("month", lang.t(&format!("month-{month}")).into()),
                ("year", year.to_string().into()),
            ],
        ),
        _ => code.to_owned(),
    }
}

/// What every card needs besides its class, each loaded in one query.
struct Lookups {
    venues: HashMap<i32, Venue>,
    towns: HashMap<i32, Town>,
    regions: HashMap<i32, Region>,
    counts: HashMap<(i32, String), i64>,
    trainers: HashMap<i32, User>,
}

impl Lookups {
    fn load(conn: &mut DbConnection, cohorts: &[Cohort]) -> diesel::QueryResult<Self> {
        let venue_ids: Vec<i32> = cohorts.iter().map(|cohort| cohort.venue_id).collect();
        let venues = Venue::by_ids(conn, &venue_ids)?
            .into_iter()
            .map(|venue| (venue.id, venue))
            .collect();
        let towns = Town::all(conn)?
            .into_iter()
            .map(|town| (town.id, town))
            .collect();
        let regions = Region::all(conn)?
            .into_iter()
            .map(|region| (region.id, region))
            .collect();
        let mut counts: HashMap<(i32, String), i64> = HashMap::new();
        let ids: Vec<i32> = cohorts.iter().map(|cohort| cohort.id).collect();
        for (cohort_id, status, count) in Enrollment::counts(conn, &ids)? {
            counts.insert((cohort_id, status), count);
        }
        // Trainers' names in one query, not one per class.
        let trainer_ids: Vec<i32> = cohorts
            .iter()
            .filter_map(|cohort| cohort.trainer_id)
            .collect();
        let trainers = User::by_ids(conn, &trainer_ids)?
            .into_iter()
            .map(|user| (user.id, user))
            .collect();
        Ok(Self {
            venues,
            towns,
            regions,
            counts,
            trainers,
        })
    }
}

/// The start of a class's first session held and the end of its last.
type Span = (Option<NaiveDateTime>, Option<NaiveDateTime>);

/// One class's card; `None` when its venue, town or region is missing.
fn card(
    found: &Lookups,
    cohort: &Cohort,
    (first, last): Span,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<CohortCard> {
    let venue = found.venues.get(&cohort.venue_id)?;
    let town = found.towns.get(&venue.town_id)?;
    let region = found.regions.get(&town.region_id)?;
    let trainer = cohort
        .trainer_id
        .and_then(|id| found.trainers.get(&id))
        .map(|user| user.name(lang).to_owned());
    let count = |status: &str| {
        found
            .counts
            .get(&(cohort.id, status.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    Some(CohortCard {
        id: cohort.id,
        region_code: region.code.clone(),
        region: region.name(lang).to_owned(),
        town_code: town.code.clone(),
        town: town.name(lang).to_owned(),
        town_ar: town.name_ar.clone(),
        town_en: town.name_en.clone(),
        venue: venue.name(lang).to_owned(),
        venue_ar: venue.name_ar.clone(),
        venue_en: venue.name_en.clone(),
        address: venue.address(lang).to_owned(),
        period: cohort.period,
        language: cohort.teaching_language,
        audience: cohort.audience,
        hours: format!(
            "{}–{}",
            cohort.starts_time.format("%H:%M"),
            cohort.ends_time.format("%H:%M")
        ),
        days: day_names(&cohort.weekdays().numbers(), lang),
        starts_on: first.map(|at| utc_to_local(at).date()),
        ends_on: last.map(|at| utc_to_local(at).date()),
        first_start: first.map(|at| at.and_utc()),
        last_end: last.map(|at| at.and_utc()),
        capacity: i64::from(cohort.capacity),
        enrolled: count("enrolled"),
        waitlisted: count("waitlisted"),
        trainer,
        phase: Phase::of(
            cohort.status,
            first.map(|at| at.and_utc()),
            last.map(|at| at.and_utc()),
            now,
        ),
        enrol_opens: cohort.enrol_opens,
        enrol_closes: cohort.enrol_closes,
    })
}

/// Cards for `cohorts`, with their venue, seats and dates.
pub fn cards(
    conn: &mut DbConnection,
    cohorts: Vec<Cohort>,
    lang: Lang,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Vec<CohortCard>> {
    let found = Lookups::load(conn, &cohorts)?;
    let ids: Vec<i32> = cohorts.iter().map(|cohort| cohort.id).collect();
    let spans: HashMap<i32, Span> = ClassSession::spans(conn, &ids)?
        .into_iter()
        .map(|(id, first, last)| (id, (first, last)))
        .collect();
    Ok(cohorts
        .iter()
        .filter_map(|cohort| {
            let span = spans.get(&cohort.id).copied().unwrap_or_default();
            card(&found, cohort, span, lang, now)
        })
        .collect())
}

/// Every class the catalogue lists (open, not yet over), filtered.
pub fn listed(
    conn: &mut DbConnection,
    filter: &Filter,
    lang: Lang,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Vec<CohortCard>> {
    let cohorts = Cohort::listed(conn, crate::db::db_now(now))?;
    Ok(cards(conn, cohorts, lang, now)?
        .into_iter()
        .filter(|card| filter.matches(card))
        .collect())
}

/// The `wanted` soonest classes of `listed` open for enrolment (the home
/// page's).
pub fn soonest_open(listed: &[CohortCard], wanted: usize) -> Vec<CohortCard> {
    let mut open: Vec<&CohortCard> = listed
        .iter()
        .filter(|card| card.phase == Phase::Open)
        .collect();
    open.sort_by_key(|card| card.starts_on);
    open.into_iter().take(wanted).cloned().collect()
}
