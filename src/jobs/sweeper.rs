//! The attempt sweeper: every few seconds, finalizes attempts left open past
//! their deadline and grace period (auto-submit with the saved answers —
//! never "not counted"), and settles the places of classes that have
//! ended. State lives in the database, so it survives
//! restarts, and the conditional update in `Attempt::finish` makes it safe
//! for several instances to run it at once.

use std::time::Duration;

use crate::clock::Clock;
use crate::db::{Db, DbError};

/// One pass: finalizes what is overdue at the clock's `now` (each audited)
/// and settles the classes that have ended; returns the attempts it finished.
pub async fn run_once(db: &Db, clock: &Clock) -> Result<Vec<i32>, DbError> {
    let now = clock.now();
    db.write(move |conn| {
        let finished = crate::ops::exam::attempts::sweep(conn, now)?;
        crate::ops::exam::completion::settle_due(conn, now)?;
        Ok(finished)
    })
    .await
}

/// Runs the sweeper every `interval` until the process ends.
pub fn spawn(db: Db, clock: Clock, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        loop {
            ticker.tick().await;
            match run_once(&db, &clock).await {
                Ok(finished) if !finished.is_empty() => {
                    tracing::info!(attempts = ?finished, "overdue attempts finalized")
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(
                    cause = crate::error::error_chain(&err),
                    "attempt sweeper failed; will retry"
                ),
            }
        }
    });
}
