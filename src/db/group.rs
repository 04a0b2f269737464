//! Group commit for SQLite. Writes that arrive while the single writer is
//! busy queue up; whoever takes the writer next runs every queued write in
//! one transaction, each inside a savepoint of its own (one that fails is
//! rolled back alone), and commits them with one `fsync`. Nothing is
//! acknowledged before that commit, and `synchronous = FULL` stays: a
//! thousand saves a second cost tens of commits, not a thousand. The
//! batches form by themselves, with no timer: the busier the writer, the
//! larger they are. On PostgreSQL each write is its own transaction.

use std::sync::{Arc, Mutex, PoisonError};

use diesel::connection::TransactionManager;

use super::{Db, DbConnection, DbError, begin_write, writer_ready};

/// A queued write: run on the writer inside the group's transaction (or
/// told the group could not begin), it returns what tells its caller the
/// outcome once the group has committed or failed.
pub(super) type Job = Box<dyn FnOnce(Result<&mut DbConnection, &Arc<DbError>>) -> Reply + Send>;
type Reply = Box<dyn FnOnce(Result<(), &Arc<DbError>>) + Send>;

/// The writes waiting for the writer.
pub(super) type Queue = Arc<Mutex<Vec<Job>>>;

impl Db {
    /// Like [`Db::write`], for small writes that come in crowds (exam
    /// saves): on SQLite `f` may share its transaction with other queued
    /// writes (see the module), inside a savepoint of its own. It returns
    /// after the commit; if the group's commit fails, so does this write
    /// (the group's other writes may have been fine: it is worth retrying).
    pub async fn write_grouped<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let Some(writer) = &self.writer else {
            return self.write(f).await;
        };
        let (sender, receiver) = tokio::sync::oneshot::channel::<Result<T, E>>();
        let job: Job = Box::new(move |conn| {
            let conn = match conn {
                // A caller that stopped waiting (it timed out, or its
                // request was dropped) is not written for.
                Ok(_) if sender.is_closed() => return Box::new(|_| ()),
                Ok(conn) => conn,
                Err(failed) => {
                    let _ = sender.send(Err(E::from(DbError::Group(failed.clone()))));
                    return Box::new(|_| ());
                }
            };
            let outcome = in_savepoint(conn, f);
            Box::new(move |committed| {
                let _ = sender.send(match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Ok(_), Err(failed)) => Err(E::from(DbError::Group(failed.clone()))),
                    (Err(err), _) => Err(err),
                });
            })
        });
        lock(&self.queue).push(job);
        // Our write runs with whoever takes the writer next: us, or a
        // caller ahead of us that finds it queued.
        let guard = tokio::time::timeout(self.wait, writer.clone().lock_owned())
            .await
            .map_err(|_| E::from(DbError::Busy))?;
        let jobs = std::mem::take(&mut *lock(&self.queue));
        if jobs.is_empty() {
            drop(guard);
        } else {
            actix_web::web::block(move || {
                let mut guard = guard;
                run_group(writer_ready(&mut guard), jobs);
            })
            .await
            .map_err(|_| E::from(DbError::Cancelled))?;
        }
        receiver
            .await
            .unwrap_or_else(|_| Err(E::from(DbError::Cancelled)))
    }
}

fn lock(queue: &Queue) -> std::sync::MutexGuard<'_, Vec<Job>> {
    // A job never runs under this lock, so a poisoned queue is still whole.
    queue.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `f` inside a savepoint of the open transaction.
fn in_savepoint<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<DbError>,
{
    DbConnection::begin_transaction(conn).map_err(DbError::from)?;
    match f(conn) {
        Ok(value) => match DbConnection::commit_transaction(conn) {
            Ok(()) => Ok(value),
            Err(err) => Err(DbError::Group(Arc::new(err.into())).into()),
        },
        Err(err) => {
            // If this fails too (SQLite may have ended the whole
            // transaction, after a full disk), the group sees it and
            // acknowledges none of its writes; this one keeps its own cause.
            let _ = DbConnection::rollback_transaction(conn);
            Err(err)
        }
    }
}

/// One transaction for every job, then one commit (or one rollback, if a
/// savepoint could not be released or rolled back: the transaction is then
/// in doubt, and no job of the group is acknowledged).
fn run_group(conn: &mut DbConnection, jobs: Vec<Job>) {
    if let Err(err) = begin_write(conn) {
        let failed = Arc::new(DbError::from(err));
        for job in jobs {
            job(Err(&failed))(Err(&failed));
        }
        return;
    }
    let mut replies = Vec::with_capacity(jobs.len());
    let mut broken = None;
    for job in jobs {
        if let Some(failed) = &broken {
            replies.push(job(Err(failed)));
            continue;
        }
        replies.push(job(Ok(&mut *conn)));
        let depth = DbConnection::transaction_manager_status_mut(conn)
            .transaction_depth()
            .ok()
            .flatten()
            .map(std::num::NonZeroU32::get);
        if depth != Some(1) {
            broken = Some(Arc::new(DbError::Query(
                diesel::result::Error::BrokenTransactionManager,
            )));
        }
    }
    let committed = match broken {
        Some(failed) => Err(failed),
        None => DbConnection::commit_transaction(conn).map_err(|err| Arc::new(DbError::from(err))),
    };
    if committed.is_err() {
        let _ = DbConnection::rollback_transaction(conn);
    }
    for reply in replies {
        reply(committed.as_ref().map(|_| ()));
    }
}
