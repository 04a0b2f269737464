//! Public verification of certificates: each look-up is recorded, so that
//! codes cannot be enumerated (kept in the database, so the limit holds
//! across instances).

use chrono::{DateTime, Utc};

use crate::db::models::login_attempt::{self, NewLoginAttempt, VERIFY_KEY};
use crate::db::{Db, DbError, db_now};
use crate::domain::throttle::{Policy, retry_after_secs};
use crate::ops::Actor;

/// Whether a look-up may go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Recorded; show the certificate.
    Allowed,
    /// Too many look-ups from this client lately: try again later.
    Throttled { retry_after_secs: u64 },
}

/// Records a certificate look-up from the actor's client address. Refuses
/// (unrecorded) after a burst of look-ups from that address within the
/// last hour, with how long to wait.
pub async fn record_lookup(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<Lookup, DbError> {
    let client_ip = actor.client_ip.clone().unwrap_or_default();
    db.write(move |conn| {
        let at = db_now(now);
        let times: Vec<_> = login_attempt::from_client(
            conn,
            &client_ip,
            login_attempt::VERIFY_KEY,
            false,
            at - chrono::Duration::hours(1),
        )?
        .into_iter()
        .map(|at| at.and_utc())
        .collect();
        if let Some(wait) = Policy::VERIFY.wait(&times, now) {
            return Ok(Lookup::Throttled {
                retry_after_secs: retry_after_secs(wait),
            });
        }
        login_attempt::record(
            conn,
            &NewLoginAttempt {
                account_key: VERIFY_KEY,
                client_ip: &client_ip,
                succeeded: false,
                pending: false,
                at,
            },
        )?;
        Ok(Lookup::Allowed)
    })
    .await
}
