//! One connection type over both backends, and the r2d2 manager that opens
//! the right one for a URL.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, ConnectionError};

use super::DatabaseUrl;

/// A connection to whichever database the URL chose.
#[cfg(feature = "postgres")]
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
    Postgres(diesel::PgConnection),
}

/// A connection to whichever database the URL chose.
#[cfg(not(feature = "postgres"))]
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
}

/// Set on every SQLite connection. WAL lets readers run beside the writer;
/// `synchronous=FULL` makes an acknowledged commit survive power loss. The
/// busy timeout (see [`DbConnection::open_with`]) is set after these.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;";

/// How long a statement waits for a lock another connection holds when no
/// other wait was configured.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(5);

/// Whether opening an SQLite connection may create the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// The first connection creates the database when it is missing.
    Create,
    /// Pool connections need the file to exist: if it vanished, they fail
    /// rather than quietly start an empty database beside the real one.
    Existing,
}

impl DbConnection {
    /// Opens a connection for `url`, configured for this application, that
    /// waits at most [`DEFAULT_LOCK_WAIT`] for a lock.
    pub fn open(url: &DatabaseUrl, mode: OpenMode) -> Result<Self, ConnectionError> {
        Self::open_with(url, mode, DEFAULT_LOCK_WAIT)
    }

    /// Opens a connection whose statements wait at most `lock_wait` for a
    /// lock held by another connection, then fail (SQLite's busy timeout,
    /// PostgreSQL's `lock_timeout`), so a request blocked by someone else's
    /// long transaction ends with "unavailable" instead of hanging.
    pub fn open_with(
        url: &DatabaseUrl,
        mode: OpenMode,
        lock_wait: Duration,
    ) -> Result<Self, ConnectionError> {
        let wait_ms = lock_wait.as_millis().max(1);
        match url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_str().ok_or_else(|| {
                    ConnectionError::InvalidConnectionUrl(
                        "the SQLite path is not valid UTF-8".into(),
                    )
                })?;
                let mut conn = diesel::SqliteConnection::establish(&sqlite_uri(path, mode))?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .and_then(|()| conn.batch_execute(&format!("PRAGMA busy_timeout = {wait_ms};")))
                    .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(Self::Sqlite(conn))
            }
            #[cfg(feature = "postgres")]
            DatabaseUrl::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url)?;
                // All instants are stored as UTC `timestamp`s.
                conn.batch_execute(&format!(
                    "SET TIME ZONE 'UTC'; SET lock_timeout = {wait_ms};"
                ))
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(Self::Postgres(conn))
            }
            #[cfg(not(feature = "postgres"))]
            DatabaseUrl::Postgres(_) => Err(ConnectionError::InvalidConnectionUrl(
                super::DbUrlError::PostgresNotCompiled.to_string(),
            )),
        }
    }

    /// True for SQLite, where writes are serialised through one connection.
    pub fn is_sqlite(&self) -> bool {
        matches!(self, Self::Sqlite(_))
    }
}

/// An SQLite URI filename (`file:…?mode=…`), so the open mode can be set.
fn sqlite_uri(path: &str, mode: OpenMode) -> String {
    let mut uri = String::from("file:");
    for c in path.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str(match mode {
        OpenMode::Create => "?mode=rwc",
        OpenMode::Existing => "?mode=rw",
    });
    uri
}

/// Opens pool connections from the parsed URL rather than letting the
/// derive's `establish` try each backend in turn (SQLite accepts any string
/// as a file name).
#[derive(Debug)]
pub struct Manager {
    pub url: DatabaseUrl,
    /// How long a statement waits for another connection's lock.
    pub lock_wait: Duration,
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        DbConnection::open_with(&self.url, OpenMode::Existing, self.lock_wait)
            .map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_become_uris_with_an_open_mode() {
        assert_eq!(
            sqlite_uri("data/ecitizen.db", OpenMode::Create),
            "file:data/ecitizen.db?mode=rwc"
        );
        assert_eq!(
            sqlite_uri("/tmp/a?b#c%d.db", OpenMode::Existing),
            "file:/tmp/a%3fb%23c%25d.db?mode=rw"
        );
    }

    /// Without the planner's stability guarantee SQLite recompiles cached
    /// statements on every new binding of a `LIMIT ?` or of a value compared
    /// with a partial index (see `.cargo/config.toml`).
    #[cfg(feature = "sqlite")]
    #[test]
    fn the_bundled_sqlite_keeps_its_plans_whatever_is_bound() {
        use diesel::{Connection, QueryableByName, RunQueryDsl, sql_types::Text};
        #[derive(QueryableByName)]
        struct CompileOption {
            #[diesel(sql_type = Text)]
            compile_options: String,
        }
        let mut conn = diesel::SqliteConnection::establish(":memory:").expect("in-memory SQLite");
        let options: Vec<CompileOption> = diesel::sql_query("PRAGMA compile_options")
            .load(&mut conn)
            .expect("compile options");
        assert!(
            options
                .iter()
                .any(|option| option.compile_options == "ENABLE_QPSG"),
            "SQLite was built without SQLITE_ENABLE_QPSG"
        );
    }
}
