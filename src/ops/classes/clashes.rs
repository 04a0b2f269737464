//! Whether a class would meet at the same time as another at its venue or
//! as another class of its trainer.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::Error as DieselError;

use crate::db::db_now;
use crate::db::models::class_session::ClassSession;
use crate::db::models::cohort::{Cohort, CohortFields};
use crate::db::models::venue::Venue;
use crate::db::{DbConnection, DbError};
use crate::domain::schedule;

/// Another class a class's sessions would overlap.
#[derive(Clone, Debug)]
pub struct Clash {
    pub cohort: Cohort,
    pub venue: Venue,
    /// The start (UTC) of the first of this class's sessions that overlaps.
    pub at: NaiveDateTime,
}

/// The clashes found, at most one of each kind.
#[derive(Clone, Debug, Default)]
pub struct Clashes {
    /// With a class at the same venue.
    pub venue: Option<Box<Clash>>,
    /// With another class of the same trainer.
    pub trainer: Option<Box<Clash>>,
}

impl Clashes {
    pub fn any(&self) -> bool {
        self.venue.is_some() || self.trainer.is_some()
    }
}

/// The classes (not cancelled, drafts included: a draft has its room
/// booked too) whose sessions still to end overlap `own`, at the same venue
/// or with the same trainer.
pub(super) fn clashes(
    conn: &mut DbConnection,
    fields: &CohortFields,
    own: &[(NaiveDateTime, NaiveDateTime)],
    except: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Clashes, DbError> {
    let rivals =
        Cohort::sharing_venue_or_trainer(conn, fields.venue_id, fields.trainer_id, except)?;
    let ids: Vec<i32> = rivals.iter().map(|rival| rival.id).collect();
    let sessions = ClassSession::of_cohorts(conn, &ids)?;
    let now = db_now(now);
    let mut found = Clashes::default();
    for rival in rivals {
        let theirs: Vec<_> = sessions
            .iter()
            .filter(|session| session.cohort_id == rival.id && !session.is_cancelled())
            .filter(|session| session.ends_at > now)
            .map(|session| (session.starts_at, session.ends_at))
            .collect();
        let Some((at, _)) = schedule::first_overlap(own, &theirs) else {
            continue;
        };
        let same_venue = rival.venue_id == fields.venue_id;
        let same_trainer = fields.trainer_id.is_some() && rival.trainer_id == fields.trainer_id;
        let slot = |kind: &mut Option<Box<Clash>>, venue: Venue| {
            if kind.as_ref().is_none_or(|clash| at < clash.at) {
                *kind = Some(Box::new(Clash {
                    cohort: rival.clone(),
                    venue,
                    at,
                }));
            }
        };
        let venue =
            Venue::find(conn, rival.venue_id)?.ok_or(DbError::Query(DieselError::NotFound))?;
        if same_venue {
            slot(&mut found.venue, venue.clone());
        }
        if same_trainer {
            slot(&mut found.trainer, venue);
        }
    }
    Ok(found)
}
