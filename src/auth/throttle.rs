//! Login throttling backed by the database (so it holds across instances):
//! the rule is in `domain::throttle`, the attempts in `login_attempts`.

use chrono::{DateTime, Duration, Utc};

use crate::db::models::login_attempt::{self, NewLoginAttempt};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::emirates_id::EmiratesId;
use crate::domain::throttle::Policy;

/// The normalised form of what was typed as a login, so `784199012345676`
/// and `784-1990-1234567-6`, or two spellings of an e-mail, count together.
pub fn account_key(login: &str) -> String {
    match EmiratesId::parse(login) {
        Ok(id) => id.as_str().to_owned(),
        Err(_) => login.trim().to_lowercase(),
    }
}

/// A sign-in attempt that the throttle let through: already recorded as a
/// failure, so parallel attempts count it before its password is checked;
/// [`settle`] turns it into a success if the password was right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reservation {
    id: i32,
}

/// Sign-ins from one address whose passwords may be checked at the same
/// time: a class signing in together from its school's one address all get
/// through, a flood waits.
pub const IN_FLIGHT_PER_CLIENT: usize = 64;

/// A pending attempt older than this was abandoned (the server stopped
/// while checking it) and counts as a failure.
const ABANDONED_AFTER: Duration = Duration::minutes(1);

/// Decides whether a sign-in for `account_key` from `client_ip` may be
/// tried now and, if so, records it, in one transaction that holds the
/// attempts' table: however many arrive at once, no more are let through
/// than the policies allow. `Err(wait)` when it must wait (nothing is
/// recorded). The policies: [`Policy::PAIR`] for this account from this
/// address and [`Policy::ACCOUNT`] across addresses count the attempts
/// still being checked as failures (so parallel guesses at one account are
/// counted before any is checked); [`Policy::CLIENT`], for the address
/// across accounts, counts settled failures, and at most
/// [`IN_FLIGHT_PER_CLIENT`] of the address's attempts are checked at once
/// (so a class signing in together is not mistaken for guessing, and a burst
/// across accounts is checked [`IN_FLIGHT_PER_CLIENT`] at a time).
pub async fn reserve(
    db: &Db,
    account_key: String,
    client_ip: String,
    now: DateTime<Utc>,
) -> Result<Result<Reservation, Duration>, DbError> {
    db.write(move |conn| {
        login_attempt::lock(conn)?;
        let since = crate::db::db_now(now - Duration::hours(1));
        let to_utc = |times: Vec<chrono::NaiveDateTime>| {
            times.into_iter().map(|at| at.and_utc()).collect::<Vec<_>>()
        };
        let pair = to_utc(login_attempt::account_failures(
            conn,
            &account_key,
            Some(&client_ip),
            since,
        )?);
        let account = to_utc(login_attempt::account_failures(
            conn,
            &account_key,
            None,
            since,
        )?);
        let abandoned = crate::db::db_now(now - ABANDONED_AFTER);
        let (in_flight, settled): (Vec<_>, Vec<_>) =
            login_attempt::client_failures(conn, &client_ip, since)?
                .into_iter()
                .partition(|(at, pending)| *pending && *at > abandoned);
        let client = to_utc(settled.into_iter().map(|(at, _)| at).collect());
        let crowded = (in_flight.len() >= IN_FLIGHT_PER_CLIENT).then(|| Duration::seconds(1));
        let wait = Policy::PAIR
            .wait(&pair, now)
            .max(Policy::ACCOUNT.wait(&account, now))
            .max(Policy::CLIENT.wait(&client, now))
            .max(crowded);
        if let Some(wait) = wait {
            return Ok(Err(wait));
        }
        let id = login_attempt::record(
            conn,
            &NewLoginAttempt {
                account_key: &account_key,
                client_ip: &client_ip,
                succeeded: false,
                at: crate::db::db_now(now),
                pending: true,
            },
        )?;
        Ok(Ok(Reservation { id }))
    })
    .await
}

/// Settles a reserved attempt inside the caller's transaction: a success
/// or a failure (and, after a success, attempts too old to count are
/// forgotten).
pub fn settle(
    conn: &mut DbConnection,
    reservation: Reservation,
    succeeded: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    login_attempt::settle(conn, reservation.id, succeeded)?;
    if succeeded {
        login_attempt::purge_before(conn, crate::db::db_now(now) - Duration::days(1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_normalised() {
        assert_eq!(account_key("784199012345676"), "784-1990-1234567-6");
        assert_eq!(account_key(" Mariam@Example.AE"), "mariam@example.ae");
    }
}
