//! The catalogue's listing, kept between requests while nothing it shows
//! can have changed. Building it reads every class on offer with its
//! seats, venue and dates (hundreds at programme scale), while the
//! catalogue, its open data and the home page are the most requested
//! pages. A kept listing is used while both hold:
//!
//! - no state has changed since: every change appends to the audit log
//!   (an invariant of the operations layer) and audit ids are given out
//!   in commit order, so the log's last id is a version of everything the
//!   listing shows, shared by every instance. It is read before the
//!   listing, so a listing is never older than the version it is kept as.
//!   The newest class's id is part of the version too, for the classes
//!   the demo, the data generator and tests create without an entry;
//! - the clock has not reached a moment at which a class changes phase (its
//!   first session starts, its last ends), and at most a minute has passed
//!   (dates shown move at midnight, and a change made outside the
//!   operations, by hand in the database, shows within that minute).
//!
//! A request that finds the listing current costs one indexed query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::{DateTime, Duration, Utc};

use crate::db::DbConnection;
use crate::db::models::audit;
use crate::db::models::cohort::Cohort;
use crate::i18n::Lang;
use crate::web::public::catalogue::{self, CohortCard, Filter};

/// The longest a listing is kept without a change.
const KEEP: Duration = Duration::minutes(1);

/// The most classes kept on their own (see [`Listings::card`]) before the
/// whole set is dropped and made again as asked for.
const KEEP_OTHERS: usize = 4096;

/// Kept listings, one per language, and the cards of classes that are not
/// on offer (over or cancelled) that a trainee's page showed.
#[derive(Default)]
pub struct Listings {
    kept: Mutex<HashMap<Lang, Kept>>,
    others: Mutex<HashMap<(Lang, i32), KeptCard>>,
}

/// A class's card kept beside the listing it was made with.
struct KeptCard {
    version: Version,
    built: DateTime<Utc>,
    card: CohortCard,
}

/// What a kept listing was made at: the audit log's last id and the newest
/// class's id.
type Version = (Option<i64>, Option<i32>);

struct Kept {
    version: Version,
    built: DateTime<Utc>,
    until: DateTime<Utc>,
    listing: Arc<Listing>,
}

/// Every class the catalogue lists, and what is made of it once.
pub struct Listing {
    pub cards: Vec<CohortCard>,
    version: Version,
    /// The open data of every class, unfiltered, made at its first request.
    json: OnceLock<actix_web::web::Bytes>,
}

impl Listing {
    /// `/cohorts.json` without filters, serialised once per listing.
    pub fn json(&self) -> actix_web::web::Bytes {
        self.json
            .get_or_init(|| {
                let records: Vec<serde_json::Value> =
                    self.cards.iter().map(CohortCard::to_json).collect();
                serde_json::to_vec(&records).unwrap_or_default().into()
            })
            .clone()
    }
}

impl Listings {
    /// Every class the catalogue lists at `now`, unfiltered, in `lang`.
    pub fn all(
        &self,
        conn: &mut DbConnection,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> diesel::QueryResult<Arc<Listing>> {
        let version = (audit::last_id(conn)?, Cohort::last_id(conn)?);
        if let Some(kept) = self.lock().get(&lang)
            && kept.version == version
            && now >= kept.built
            && now < kept.until
        {
            return Ok(kept.listing.clone());
        }
        let cards = catalogue::listed(conn, &Filter::default(), lang, now)?;
        let until = cards
            .iter()
            .flat_map(|card| [card.first_start, card.last_end])
            .flatten()
            .filter(|at| *at > now)
            .fold(now + KEEP, DateTime::min);
        let listing = Arc::new(Listing {
            cards,
            version,
            json: OnceLock::new(),
        });
        self.lock().insert(
            lang,
            Kept {
                version,
                built: now,
                until,
                listing: listing.clone(),
            },
        );
        Ok(listing)
    }

    /// Class `cohort_id`'s card as the catalogue shows it, in `lang`: from
    /// `listing` (this request's [`Listings::all`] in `lang`) when the class
    /// is on offer; otherwise (a class that is over, or cancelled: what a
    /// trainee's own page still shows) kept on its own under the listing's
    /// rules. `None` for no such class.
    pub fn card(
        &self,
        conn: &mut DbConnection,
        listing: &Listing,
        cohort_id: i32,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> diesel::QueryResult<Option<CohortCard>> {
        if let Some(card) = listing.cards.iter().find(|card| card.id == cohort_id) {
            return Ok(Some(card.clone()));
        }
        if let Some(kept) = lock(&self.others).get(&(lang, cohort_id))
            && kept.version == listing.version
            && now >= kept.built
            && now < kept.built + KEEP
        {
            return Ok(Some(kept.card.clone()));
        }
        let Some(cohort) = Cohort::find(conn, cohort_id)? else {
            return Ok(None);
        };
        let card = catalogue::cards(conn, vec![cohort], lang, now)?.pop();
        if let Some(card) = &card {
            let mut others = lock(&self.others);
            if others.len() >= KEEP_OTHERS {
                others.clear();
            }
            others.insert(
                (lang, cohort_id),
                KeptCard {
                    version: listing.version,
                    built: now,
                    card: card.clone(),
                },
            );
        }
        Ok(card)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Lang, Kept>> {
        lock(&self.kept)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Nothing panics while holding one; a poisoned map is still whole.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
