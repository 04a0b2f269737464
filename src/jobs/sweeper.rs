//! The attempt sweeper: every few seconds, finalizes attempts left open past
//! their deadline and grace period (auto-submit with the saved answers —
//! never "not counted"), and settles the places of classes that have
//! ended. State lives in the database, so it survives
//! restarts, and the conditional update in `Attempt::finish` makes it safe
//! for several instances to run it at once. Each pass is recorded in a
//! heartbeat; a pass long after the last one gives the exam time lost to
//! the outage back first (see `ops::exam::outage`).

use std::time::Duration;

use crate::clock::Clock;
use crate::db::{Db, DbError};
use crate::ops::exam::outage::{self, GivenBack};

/// What one pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    /// Time given back after an outage, if the pass followed one.
    pub given_back: Option<GivenBack>,
    /// The attempts finalised, by id.
    pub finished: Vec<i32>,
}

/// One pass without the outage check: finalizes what is overdue at the
/// clock's `now` (each audited) and settles the classes that have ended;
/// returns the attempts it finished. For tests that move the clock by hand.
pub async fn run_once(db: &Db, clock: &Clock) -> Result<Vec<i32>, DbError> {
    let now = clock.now();
    db.write(move |conn| {
        let finished = crate::ops::exam::attempts::sweep(conn, now)?;
        crate::ops::exam::completion::settle_due(conn, now)?;
        Ok(finished)
    })
    .await
}

/// One pass of the running sweeper, every `interval`: gives back what an
/// outage since the last pass took, then does what [`run_once`] does, and
/// records the pass — all in one transaction.
pub async fn pass(db: &Db, clock: &Clock, interval: Duration) -> Result<Pass, DbError> {
    let now = clock.now();
    let interval = chrono::Duration::from_std(interval).unwrap_or(chrono::Duration::MAX);
    db.write(move |conn| {
        let given_back = outage::give_back(conn, now, interval)?;
        let finished = crate::ops::exam::attempts::sweep(conn, now)?;
        crate::ops::exam::completion::settle_due(conn, now)?;
        outage::beat(conn, now)?;
        Ok(Pass {
            given_back,
            finished,
        })
    })
    .await
}

/// Runs the sweeper every `interval` until the process ends.
pub fn spawn(db: Db, clock: Clock, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match pass(&db, &clock, interval).await {
                Ok(pass) => {
                    if let Some(given) = pass
                        .given_back
                        .as_ref()
                        .filter(|given| !given.attempts.is_empty())
                    {
                        tracing::warn!(
                            minutes = given.minutes,
                            attempts = given.attempts.len(),
                            "the sweeper had not passed for a while; exam time given back"
                        );
                    }
                    if !pass.finished.is_empty() {
                        tracing::info!(attempts = ?pass.finished, "overdue attempts finalized");
                    }
                }
                Err(err) => tracing::warn!(
                    cause = crate::error::error_chain(&err),
                    "attempt sweeper failed; will retry"
                ),
            }
        }
    });
}
