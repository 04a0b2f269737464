//! The catalogue of classes, prepared for display and for open data:
//! where, when, in which language, and how many seats are left.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
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
use crate::ops::classes;

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
    pub capacity: i64,
    pub enrolled: i64,
    pub waitlisted: i64,
    pub trainer: Option<String>,
    pub phase: Phase,
    pub enrol_opens: NaiveDate,
    pub enrol_closes: NaiveDate,
}

impl CohortCard {
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
/// can be shared). `language` is the teaching language; `lang` is accepted
/// too for the open-data contract (on pages it also switches the site's
/// language).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub region: String,
    pub town: String,
    pub period: String,
    pub language: String,
    pub lang: String,
    /// `YYYY-MM`.
    pub month: String,
}

impl Filter {
    fn teaching_language(&self) -> &str {
        if self.language.is_empty() {
            &self.lang
        } else {
            &self.language
        }
    }

    /// Whether a class passes every filter that is set.
    pub fn matches(&self, card: &CohortCard) -> bool {
        let set = |value: &str| !value.trim().is_empty();
        (!set(&self.region) || card.region_code == self.region.trim())
            && (!set(&self.town) || card.town_code == self.town.trim())
            && (!set(&self.period) || card.period.as_str() == self.period.trim())
            && (!set(self.teaching_language())
                || card.language.as_str() == self.teaching_language().trim())
            && (!set(&self.month) || card.start_month() == self.month.trim())
    }
}

/// Weekday names in `lang` (ISO numbers 1–7).
fn day_names(numbers: &[u32], lang: Lang) -> String {
    let names: Vec<String> = numbers
        .iter()
        .map(|n| lang.t(&format!("weekday-{n}")))
        .collect();
    names.join(lang.pick("، ", ", "))
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

/// One class's card; `None` when its venue, town or region is missing.
fn card(
    found: &Lookups,
    cohort: &Cohort,
    own_sessions: &[ClassSession],
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<CohortCard> {
    let venue = found.venues.get(&cohort.venue_id)?;
    let town = found.towns.get(&venue.town_id)?;
    let region = found.regions.get(&town.region_id)?;
    let held: Vec<&ClassSession> = own_sessions
        .iter()
        .filter(|session| !session.is_cancelled())
        .collect();
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
        address: venue.address.clone(),
        period: cohort.period,
        language: cohort.teaching_language,
        audience: cohort.audience,
        hours: format!(
            "{}–{}",
            cohort.starts_time.format("%H:%M"),
            cohort.ends_time.format("%H:%M")
        ),
        days: day_names(&cohort.weekdays().numbers(), lang),
        starts_on: held
            .iter()
            .map(|session| utc_to_local(session.starts_at).date())
            .min(),
        ends_on: held
            .iter()
            .map(|session| utc_to_local(session.ends_at).date())
            .max(),
        capacity: i64::from(cohort.capacity),
        enrolled: count("enrolled"),
        waitlisted: count("waitlisted"),
        trainer,
        phase: classes::phase(cohort, own_sessions, now),
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
    let mut sessions: HashMap<i32, Vec<ClassSession>> = HashMap::new();
    for session in ClassSession::of_cohorts(conn, &ids)? {
        sessions.entry(session.cohort_id).or_default().push(session);
    }
    Ok(cohorts
        .iter()
        .filter_map(|cohort| {
            let own_sessions = sessions.remove(&cohort.id).unwrap_or_default();
            card(&found, cohort, &own_sessions, lang, now)
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

/// Classes read at a time when looking for the soonest open ones.
const PAGE: i64 = 12;

/// The `wanted` soonest classes open for enrolment (the home page's): the
/// listed classes are read in start order a page at a time until enough
/// are found, so the cost follows `wanted`, not everything on offer.
pub fn soonest_open(
    conn: &mut DbConnection,
    wanted: usize,
    lang: Lang,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Vec<CohortCard>> {
    let mut found = Vec::new();
    let mut offset = 0;
    loop {
        let page = Cohort::listed_page(conn, crate::db::db_now(now), PAGE, offset)?;
        let last = i64::try_from(page.len()).unwrap_or(0) < PAGE;
        found.extend(
            cards(conn, page, lang, now)?
                .into_iter()
                .filter(|card| card.phase == Phase::Open),
        );
        if found.len() >= wanted || last {
            break;
        }
        offset += PAGE;
    }
    found.sort_by_key(|card| card.starts_on);
    found.truncate(wanted);
    Ok(found)
}
