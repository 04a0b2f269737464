//! What can go wrong with the database, and which failures mean "cannot
//! serve now, try again".

use std::sync::Arc;

/// What can go wrong below the HTTP layer when talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("no database connection available")]
    Pool(#[from] r2d2::Error),
    #[error("cannot open the database")]
    Connect(#[from] diesel::ConnectionError),
    #[error("database query failed")]
    Query(#[from] diesel::result::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("cannot create the data directory {path}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("the database task was cancelled")]
    Cancelled,
    #[error("{0} is only possible with SQLite")]
    SqliteOnly(&'static str),
    /// The single SQLite writer stayed busy for longer than the configured
    /// wait (a long transaction ahead, or a lock held outside the server).
    #[error("the database writer stayed busy for longer than the configured wait")]
    Busy,
    /// The sweeper has not passed for a while: an outage may just have
    /// ended, and what it owes the exam attempts is not yet given back, so
    /// nothing is judged late until it has.
    #[error("an outage may just have ended; the sweeper has not yet caught up")]
    Recovering,
    /// A write shared its transaction with others (see `group`) and that
    /// transaction failed as a whole: this write is not stored, and is
    /// worth sending again.
    #[error("the group of writes this one was committed with failed")]
    Group(#[source] Arc<DbError>),
}

impl DbError {
    /// Whether this failure says "the database cannot serve now, try again"
    /// rather than "this request or the code is wrong": no connection, a
    /// connection that dropped, a lock that was not released in time, a
    /// full disk. A 503 for the client (whose exam page keeps the answer and
    /// sends it again), a 500 for the rest.
    ///
    /// SQLite's messages are fixed English text; PostgreSQL's timeouts are
    /// recognised by their English text too (a server with translated
    /// messages reports them as 500, still within the same bounded wait).
    pub fn is_unavailable(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        const TRANSIENT: [&str; 9] = [
            "database is locked",
            "database table is locked",
            "database or disk is full",
            "disk I/O error",
            "unable to open database file",
            "canceling statement due to lock timeout",
            "canceling statement due to statement timeout",
            "terminating connection",
            "server closed the connection",
        ];
        match self {
            Self::Pool(_) | Self::Connect(_) | Self::Busy | Self::Recovering | Self::Group(_) => {
                true
            }
            Self::Query(Error::DatabaseError(kind, info)) => match kind {
                DatabaseErrorKind::ClosedConnection
                | DatabaseErrorKind::UnableToSendCommand
                | DatabaseErrorKind::SerializationFailure => true,
                _ => {
                    let message = info.message();
                    TRANSIENT.iter().any(|text| message.contains(text))
                }
            },
            Self::Query(Error::BrokenTransactionManager) => true,
            _ => false,
        }
    }
}
