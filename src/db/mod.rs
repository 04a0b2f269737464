//! Persistence: one connection type over SQLite and PostgreSQL, a read pool,
//! a single SQLite writer, embedded migrations, and the tables' models.
//!
//! Diesel is blocking, so every use goes through [`Db::read`] or
//! [`Db::write`], which run the closure on actix's blocking thread pool.
//! Query functions in `models/` take `&mut DbConnection`, never the pool, so
//! a handler can run several of them in one transaction.

/// Runs `$body` with `$c` bound to the concrete connection inside a
/// [`DbConnection`], for the few statements diesel's multi-backend type
/// cannot express (`ON CONFLICT … DO UPDATE … WHERE`, row locks), and for
/// the reads on every hot page: the multi-backend connection renders a
/// statement's SQL afresh in each pass over it (diesel's `MultiConnection`
/// wraps every query in a `SerializedQuery`), about a tenth of a signed-in
/// page's time, while the concrete connection finds the prepared statement
/// by the query's type. The body is compiled once per backend, so it must
/// be valid SQL on both (and build its query inside, as `as_select()` is
/// typed by backend).
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            #[cfg(feature = "postgres")]
            $crate::db::DbConnection::Postgres($c) => $body,
        }
    };
}
pub(crate) use on_backend;

/// Loads `$query` filtered to `$column IN ($ids)`, or to `$column = id` when
/// there is one id (a dashboard's one class, the question on screen): SQLite
/// keeps that statement prepared between requests (on the concrete
/// connection: see [`on_backend!`]), while an `IN` list is compiled afresh
/// every time.
macro_rules! load_by_ids {
    ($conn:expr, $query:expr, $column:expr, $ids:expr) => {
        match $ids {
            [id] => $crate::db::on_backend!($conn, |c| $query.filter($column.eq(*id)).load(c)),
            ids => $query.filter($column.eq_any(ids)).load($conn),
        }
    };
}
pub(crate) use load_by_ids;

mod connection;
mod error;
mod group;
pub mod migrations;
pub mod models;
pub mod schema;
mod text_enum;
mod url;

use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};

pub use connection::{DbConnection, OpenMode};
pub use error::DbError;
pub use url::{DatabaseUrl, DbUrlError};

use crate::config::Settings;

type Pool = r2d2::Pool<connection::Manager>;

/// Handle to the database, cheap to clone and shared by all workers.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    /// SQLite only: every write goes through this one connection, so writers
    /// queue in the process instead of failing with SQLITE_BUSY. An async
    /// lock: a queued writer waits as a task, not as a blocked thread, and
    /// for at most `wait`.
    writer: Option<Arc<tokio::sync::Mutex<DbConnection>>>,
    /// How long a write waits for the writer, and a statement for a lock.
    wait: Duration,
    url: DatabaseUrl,
    /// SQLite only: which file the connections opened (device and inode).
    identity: Option<(u64, u64)>,
    /// SQLite only: writes waiting to be committed together.
    queue: group::Queue,
}

impl Db {
    /// Opens the database named in `settings` (creating the SQLite file and
    /// its directory when missing). Does not run migrations.
    pub async fn open(settings: &Settings) -> Result<Self, DbError> {
        let url = settings.database.clone();
        let pool_size = settings.pool_size.max(1);
        let timeout = settings.db_timeout;
        actix_web::web::block(move || Self::open_blocking(url, pool_size, timeout))
            .await
            .map_err(|_| DbError::Cancelled)?
    }

    fn open_blocking(url: DatabaseUrl, pool_size: u32, timeout: Duration) -> Result<Self, DbError> {
        let writer = match &url {
            DatabaseUrl::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|source| DbError::DataDir {
                        path: dir.display().to_string(),
                        source,
                    })?;
                }
                // Opened before the pool so that the file exists and is in
                // WAL mode when the readers connect.
                Some(Arc::new(tokio::sync::Mutex::new(DbConnection::open_with(
                    &url,
                    OpenMode::Create,
                    timeout,
                )?)))
            }
            DatabaseUrl::Postgres(_) => None,
        };
        let identity = match &url {
            DatabaseUrl::Sqlite(path) => file_identity(path),
            DatabaseUrl::Postgres(_) => None,
        };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(1))
            .connection_timeout(timeout)
            .build(connection::Manager {
                url: url.clone(),
                lock_wait: timeout,
            })?;
        Ok(Self {
            pool,
            writer,
            wait: timeout,
            url,
            identity,
            queue: group::Queue::default(),
        })
    }

    /// The URL this handle was opened with.
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// Runs `f` with a pooled connection, off the async workers. Use it for
    /// reads; on SQLite a write here would bypass the single writer.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(DbError::from)?;
            f(&mut conn)
        })
        .await
        .map_err(|_| E::from(DbError::Cancelled))?
    }

    /// Runs `f` inside one write transaction, off the async workers: on
    /// SQLite through the single writer with `BEGIN IMMEDIATE` (the write
    /// lock is taken up front, so the transaction cannot fail half-way for
    /// lack of it), on PostgreSQL through the pool. `f` must not open a
    /// transaction of its own; nested `transaction()` calls become savepoints.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        match &self.writer {
            Some(writer) => {
                let guard = tokio::time::timeout(self.wait, writer.clone().lock_owned())
                    .await
                    .map_err(|_| E::from(DbError::Busy))?;
                actix_web::web::block(move || {
                    let mut guard = guard;
                    in_write_transaction(writer_ready(&mut guard), f)
                })
                .await
                .map_err(|_| E::from(DbError::Cancelled))?
            }
            None => {
                let db = self.clone();
                actix_web::web::block(move || db.with_writer(|conn| in_write_transaction(conn, f)))
                    .await
                    .map_err(|_| E::from(DbError::Cancelled))?
            }
        }
    }

    /// Runs `f` on the writer connection (SQLite) or a pooled one, without
    /// opening a transaction. Blocking: call from `web::block`.
    fn with_writer<T, E>(&self, f: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        match &self.writer {
            Some(writer) => f(writer_ready(&mut writer.blocking_lock())),
            None => {
                let mut conn = self.pool.get().map_err(DbError::from)?;
                f(&mut conn)
            }
        }
    }

    /// Applies every pending migration and returns their names.
    pub async fn migrate(&self) -> Result<Vec<String>, DbError> {
        let db = self.clone();
        actix_web::web::block(move || db.with_writer(migrations::run_pending))
            .await
            .map_err(|_| DbError::Cancelled)?
    }

    /// Reverts every applied migration, newest first (the migration
    /// round-trip test; rolling a deployment back by hand).
    pub async fn revert_all(&self) -> Result<Vec<String>, DbError> {
        let db = self.clone();
        actix_web::web::block(move || db.with_writer(migrations::revert_all))
            .await
            .map_err(|_| DbError::Cancelled)?
    }

    /// Reverts the newest applied migration and returns its version (rolling
    /// a deployment back by hand: `ecitizen migrate --revert-last`).
    pub async fn revert_last(&self) -> Result<String, DbError> {
        let db = self.clone();
        actix_web::web::block(move || db.with_writer(migrations::revert_last))
            .await
            .map_err(|_| DbError::Cancelled)?
    }

    /// Writes a consistent copy of a SQLite database to `out` while the
    /// server keeps running (`VACUUM INTO`: a snapshot, compacted). Refuses
    /// to overwrite a file. PostgreSQL has `pg_dump` for this.
    pub async fn backup_sqlite(&self, out: std::path::PathBuf) -> Result<(), DbError> {
        if !matches!(self.url, DatabaseUrl::Sqlite(_)) {
            return Err(DbError::SqliteOnly("a file backup"));
        }
        self.read(move |conn| {
            use diesel::RunQueryDsl;
            // `VACUUM INTO` takes a file name, not a bound parameter.
            let name = out.to_string_lossy().replace('\'', "''");
            diesel::sql_query(format!("VACUUM INTO '{name}'")).execute(conn)?;
            Ok::<_, DbError>(())
        })
        .await
    }

    /// A real round trip to the database, for `/healthz`.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.read(|conn| {
            use diesel::prelude::*;
            schema::regions::table
                .select(diesel::dsl::count_star())
                .first::<i64>(conn)?;
            Ok::<_, DbError>(())
        })
        .await?;
        // On SQLite the file can vanish or be replaced under open
        // connections (a removed data directory, a botched restore): they
        // would go on answering from the old inode and every later write
        // would be lost, so that counts as down too.
        if let DatabaseUrl::Sqlite(path) = &self.url
            && file_identity(path) != self.identity
        {
            return Err(DbError::Connect(diesel::ConnectionError::BadConnection(
                "the SQLite database file was removed or replaced".into(),
            )));
        }
        Ok(())
    }
}

/// Device and inode of a file, where the platform has them.
fn file_identity(path: &std::path::Path) -> Option<(u64, u64)> {
    let metadata = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        Some((0, u64::from(metadata.is_file())))
    }
}

/// The writer as the next holder needs it, outside any transaction: a
/// closure that panicked while holding it may have left one open, and a
/// failed rollback (SQLite ends the transaction itself on some errors, such
/// as a full disk, so the `ROLLBACK` that follows fails) leaves diesel's
/// bookkeeping marked broken, which would refuse every later transaction.
/// Both are put right here, so the writer serves again once the cause is gone.
fn writer_ready(conn: &mut DbConnection) -> &mut DbConnection {
    use diesel::connection::TransactionManagerStatus;
    let depth = DbConnection::transaction_manager_status_mut(conn).transaction_depth();
    if let Ok(Some(_)) = depth {
        let _ = DbConnection::rollback_transaction(conn);
    }
    if DbConnection::transaction_manager_status_mut(conn)
        .transaction_depth()
        .is_err()
    {
        *DbConnection::transaction_manager_status_mut(conn) = TransactionManagerStatus::default();
        // No transaction may be open any more; if one is, it ends here.
        let _ = conn.batch_execute("ROLLBACK");
    }
    conn
}

/// Opens a write transaction: `BEGIN IMMEDIATE` on SQLite (the write lock
/// up front, so it cannot fail half-way for lack of it), `BEGIN` on
/// PostgreSQL.
fn begin_write(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    match conn {
        DbConnection::Sqlite(inner) => {
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")
        }
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(_) => DbConnection::begin_transaction(conn),
    }
}

fn in_write_transaction<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<DbError>,
{
    begin_write(conn).map_err(DbError::from)?;
    match f(conn) {
        Ok(value) => match DbConnection::commit_transaction(conn) {
            Ok(()) => Ok(value),
            Err(err) => {
                let _ = DbConnection::rollback_transaction(conn);
                Err(DbError::from(err).into())
            }
        },
        Err(err) => {
            let _ = DbConnection::rollback_transaction(conn);
            Err(err)
        }
    }
}

/// Executes raw SQL (several statements allowed); for migrations-adjacent
/// maintenance and tests.
pub fn execute_batch(conn: &mut DbConnection, sql: &str) -> Result<(), DbError> {
    conn.batch_execute(sql).map_err(DbError::from)
}

pub use crate::domain::time::db_now;
