//! The attempt sweeper: every few seconds, finalizes attempts left open past
//! their deadline and grace period (auto-submit with the saved answers —
//! never "not counted"). State lives in the database, so it survives
//! restarts, and the conditional update in `Attempt::finish` makes it safe
//! for several instances to run it at once.

use std::time::Duration;

use crate::auth::session::db_now;
use crate::clock::Clock;
use crate::db::models::audit::{self, Event};
use crate::db::{Db, DbError};

/// One pass: finalizes what is overdue at the clock's `now`, audits each,
/// and returns the attempts it finished.
pub async fn run_once(db: &Db, clock: &Clock) -> Result<Vec<i32>, DbError> {
    let now = clock.now();
    db.write(move |conn| {
        let finished = crate::attempts::sweep(conn, now)?;
        for id in &finished {
            let event = Event {
                actor_id: None,
                action: "attempt.auto_submit",
                subject: format!("attempt:{id}"),
                details: serde_json::json!({ "reason": "deadline passed" }),
                client_ip: None,
            };
            audit::append(conn, &event, db_now(now))?;
        }
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
