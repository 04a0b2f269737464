//! Embedded migrations, one tree per backend with the same names.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::{DbConnection, DbError};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
#[cfg(feature = "postgres")]
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

fn failed(err: Box<dyn std::error::Error + Send + Sync>) -> DbError {
    DbError::Migration(err.to_string())
}

/// Applies every pending migration; returns the versions applied.
pub fn run_pending(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let applied = match conn {
        DbConnection::Sqlite(conn) => conn.run_pending_migrations(SQLITE).map_err(failed)?,
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(conn) => conn.run_pending_migrations(POSTGRES).map_err(failed)?,
    };
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every applied migration, newest first; returns the versions.
pub fn revert_all(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let reverted = match conn {
        DbConnection::Sqlite(conn) => conn.revert_all_migrations(SQLITE).map_err(failed)?,
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(conn) => conn.revert_all_migrations(POSTGRES).map_err(failed)?,
    };
    Ok(reverted.iter().map(ToString::to_string).collect())
}

/// Reverts the newest applied migration; returns its version.
pub fn revert_last(conn: &mut DbConnection) -> Result<String, DbError> {
    let reverted = match conn {
        DbConnection::Sqlite(conn) => conn.revert_last_migration(SQLITE).map_err(failed)?,
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(conn) => conn.revert_last_migration(POSTGRES).map_err(failed)?,
    };
    Ok(reverted.to_string())
}
