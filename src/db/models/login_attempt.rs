//! Login attempts, kept in the database so throttling holds across several
//! instances of the server.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::login_attempts;

#[derive(Insertable)]
#[diesel(table_name = login_attempts)]
pub struct NewLoginAttempt<'a> {
    /// The normalised login that was tried (known account or not).
    pub account_key: &'a str,
    pub client_ip: &'a str,
    pub succeeded: bool,
    pub at: NaiveDateTime,
    /// A sign-in whose password is still being checked (see [`settle`]).
    pub pending: bool,
}

/// Records one attempt and returns its id.
pub fn record(conn: &mut DbConnection, attempt: &NewLoginAttempt<'_>) -> QueryResult<i32> {
    diesel::insert_into(login_attempts::table)
        .values(attempt)
        .execute(conn)?;
    // The caller holds the table (see [`lock`]) or SQLite's single writer:
    // the newest row of this login from this address is the one just added.
    login_attempts::table
        .filter(login_attempts::account_key.eq(attempt.account_key))
        .filter(login_attempts::client_ip.eq(attempt.client_ip))
        .select(diesel::dsl::max(login_attempts::id))
        .first::<Option<i32>>(conn)?
        .ok_or(diesel::result::Error::NotFound)
}

/// Takes the table until the transaction ends, so that deciding whether
/// an attempt may go ahead and recording it are one step for parallel
/// requests. SQLite's single writer serialises writes already.
pub fn lock(conn: &mut DbConnection) -> QueryResult<()> {
    #[cfg(feature = "postgres")]
    if let DbConnection::Postgres(_) = conn {
        diesel::sql_query("LOCK TABLE login_attempts IN SHARE ROW EXCLUSIVE MODE").execute(conn)?;
    }
    #[cfg(not(feature = "postgres"))]
    let _ = conn;
    Ok(())
}

/// Records the outcome of a pending attempt.
pub fn settle(conn: &mut DbConnection, id: i32, succeeded: bool) -> QueryResult<usize> {
    diesel::update(login_attempts::table.find(id))
        .set((
            login_attempts::succeeded.eq(succeeded),
            login_attempts::pending.eq(false),
        ))
        .execute(conn)
}

/// Failed attempts on an account since `since` that came after its last
/// successful login; from `client_ip` only, when given.
pub fn account_failures(
    conn: &mut DbConnection,
    account_key: &str,
    client_ip: Option<&str>,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    let last_success: Option<NaiveDateTime> = login_attempts::table
        .filter(login_attempts::account_key.eq(account_key))
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::at.gt(since))
        .select(diesel::dsl::max(login_attempts::at))
        .first(conn)?;
    let since = last_success.map_or(since, |success| success.max(since));
    let mut failures = login_attempts::table
        .filter(login_attempts::account_key.eq(account_key))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(since))
        .select(login_attempts::at)
        .into_boxed();
    if let Some(client_ip) = client_ip {
        failures = failures.filter(login_attempts::client_ip.eq(client_ip));
    }
    failures.load(conn)
}

/// Sign-ins from one client address since `since` that have not succeeded:
/// (when each was made, whether it is still pending).
pub fn client_failures(
    conn: &mut DbConnection,
    client_ip: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDateTime, bool)>> {
    login_attempts::table
        .filter(login_attempts::client_ip.eq(client_ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::account_key.ne(VERIFY_KEY))
        .filter(login_attempts::account_key.not_like(format!("{PIN_PREFIX}%")))
        .filter(login_attempts::at.gt(since))
        .select((login_attempts::at, login_attempts::pending))
        .load(conn)
}

/// Wrong exam PINs are recorded under this prefix and the trainee's id,
/// kept apart from sign-ins.
pub const PIN_PREFIX: &str = "pin:";

/// The key certificate look-ups are recorded under (kept apart from
/// sign-ins, so looking up codes never slows anyone's login).
pub const VERIFY_KEY: &str = "verify";

/// Attempts from one client address since `since` under the keys matching
/// `key_pattern` (SQL `LIKE`: [`VERIFY_KEY`] for certificate look-ups,
/// `pin:%` for exam PINs), only the failed ones when `failures_only`.
pub fn from_client(
    conn: &mut DbConnection,
    client_ip: &str,
    key_pattern: &str,
    failures_only: bool,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    let mut rows = login_attempts::table
        .filter(login_attempts::client_ip.eq(client_ip))
        .filter(login_attempts::account_key.like(key_pattern))
        .filter(login_attempts::at.gt(since))
        .select(login_attempts::at)
        .into_boxed();
    if failures_only {
        rows = rows.filter(login_attempts::succeeded.eq(false));
    }
    rows.load(conn)
}

/// Forgets attempts older than `before` (they no longer count).
pub fn purge_before(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_attempts::table.filter(login_attempts::at.lt(before))).execute(conn)
}
