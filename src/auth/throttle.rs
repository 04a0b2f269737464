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

/// How long this account and this client must wait, if at all.
pub async fn wait(
    db: &Db,
    account_key: String,
    client_ip: String,
    now: DateTime<Utc>,
) -> Result<Option<Duration>, DbError> {
    db.read(move |conn| {
        let since = crate::db::db_now(now - Duration::hours(1));
        let to_utc = |times: Vec<chrono::NaiveDateTime>| {
            times.into_iter().map(|at| at.and_utc()).collect::<Vec<_>>()
        };
        let account = to_utc(login_attempt::account_failures(conn, &account_key, since)?);
        let client = to_utc(login_attempt::client_failures(conn, &client_ip, since)?);
        Ok(Policy::ACCOUNT
            .wait(&account, now)
            .max(Policy::CLIENT.wait(&client, now)))
    })
    .await
}

/// Records an attempt (inside the caller's transaction), forgetting
/// attempts too old to count on every success.
pub fn record(
    conn: &mut DbConnection,
    account_key: &str,
    client_ip: &str,
    succeeded: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let at = crate::db::db_now(now);
    login_attempt::record(
        conn,
        &NewLoginAttempt {
            account_key,
            client_ip,
            succeeded,
            at,
        },
    )?;
    if succeeded {
        login_attempt::purge_before(conn, at - Duration::days(1))?;
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
