//! Exam time lost to an outage is given back. While the sweeper runs, a
//! long pause between its passes means that nobody could save (the
//! database or every server was away): its next pass extends each attempt
//! that was still running by the pause before anything is judged late, and
//! until then a late save is asked to wait (503), not refused. The database
//! really going away is in `postgres_only`.

use chrono::Duration;
use ecitizen::db::DbError;
use ecitizen::db::models::audit::{self, Filter};
use ecitizen::jobs::sweeper::{self, Pass};

use crate::exam::{
    attempt_row, one_started, open_sitting, options, ready, save_json_with, spawn_app, start,
};
use crate::helpers::TestApp;

/// The running server's sweeper interval.
pub(crate) const EVERY: std::time::Duration = std::time::Duration::from_secs(5);

pub(crate) async fn pass(app: &TestApp) -> Result<Pass, DbError> {
    sweeper::pass(&app.db, &app.clock, EVERY).await
}

/// Moves the clock by `by` with the sweeper passing every 20 seconds, as a
/// server that stays up does.
async fn run_for(app: &TestApp, by: Duration) {
    let step = Duration::seconds(20);
    let mut left = by;
    while left > Duration::zero() {
        let now = step.min(left);
        app.clock.advance(now);
        left -= now;
        let pass = pass(app).await.expect("pass");
        assert_eq!(pass.given_back, None, "a server that stays up owes nothing");
    }
}

#[tokio::test]
async fn a_pause_in_the_sweeper_gives_running_attempts_their_time_back_before_any_is_late() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let (running, done) = (&ready.trainees[0].2, &ready.trainees[1].2);
    let attempt = start(running, &pin).await;
    let finished = start(done, &pin).await;
    let submitted = done
        .post_form(
            &format!("/attempts/{finished}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(submitted.status().as_u16(), 303);
    let (_, shown, _) = options(&app, running, attempt, 1).await;
    let token = running.csrf_token().await;
    assert_eq!(pass(&app).await.expect("pass"), Pass::default());
    let before = attempt_row(&app, attempt).await;
    let done_before = attempt_row(&app, finished).await;

    // Nobody could save for 50 minutes; the 45-minute deadline is 5 minutes gone.
    app.clock.advance(Duration::minutes(50));
    let waiting = save_json_with(running, &token, attempt, 1, &shown[..1], 1).await;
    assert_eq!(waiting.status().as_u16(), 503, "asked to wait, not refused");
    assert_eq!(waiting.headers()["retry-after"], "5");
    let page = running.get_page(&format!("/attempts/{attempt}?q=1")).await;
    assert_eq!(page.0, 200);
    assert_eq!(attempt_row(&app, attempt).await.status.as_str(), "open");

    let recovered = pass(&app).await.expect("pass");

    let given = recovered.given_back.expect("time given back");
    assert_eq!(given.minutes, 50);
    assert_eq!(given.attempts, vec![attempt], "only the running attempt");
    assert!(recovered.finished.is_empty(), "nothing finalised as late");
    let after = attempt_row(&app, attempt).await;
    assert_eq!(after.status.as_str(), "open");
    assert_eq!(
        after.deadline_at,
        before.deadline_at + Duration::minutes(50)
    );
    assert_eq!(after.extension_minutes, before.extension_minutes + 50);
    let done_after = attempt_row(&app, finished).await;
    assert_eq!(
        done_after.deadline_at, done_before.deadline_at,
        "a submitted attempt keeps its deadline"
    );
    assert_eq!(done_after.status.as_str(), "submitted");
    let replayed = save_json_with(running, &token, attempt, 1, &shown[..1], 1).await;
    assert_eq!(replayed.status().as_u16(), 200, "the queued save lands");
    let filter = Filter {
        action: Some("attempt.extend".to_owned()),
        ..Filter::default()
    };
    let entries = app
        .db
        .read(move |conn| Ok::<_, DbError>(audit::list(conn, &filter, 10, 0)?))
        .await
        .expect("audit");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor_id, None, "the system extended it");
    assert!(entries[0].details.contains(r#""reason":"outage""#));
    assert!(entries[0].details.contains(r#""minutes":50"#));

    // From here the server stays up: the new deadline holds, then the
    // attempt is finalised with what was saved.
    run_for(&app, Duration::minutes(45)).await;
    assert_eq!(attempt_row(&app, attempt).await.status.as_str(), "open");
    run_for(&app, Duration::minutes(1)).await;
    let ended = attempt_row(&app, attempt).await;
    assert_eq!(ended.status.as_str(), "expired");
    assert_eq!(ended.deadline_at, after.deadline_at, "extended once");
}

#[tokio::test]
async fn with_the_sweeper_passing_a_late_save_is_refused_and_the_attempt_finalised() {
    let app = spawn_app().await;
    let (ready, attempt, shown, token) = one_started(&app).await;
    let browser = &ready.trainees[0].2;
    let deadline = attempt_row(&app, attempt).await.deadline_at;

    run_for(&app, Duration::minutes(45) + Duration::seconds(40)).await;

    let late = save_json_with(browser, &token, attempt, 1, &shown[..1], 1).await;
    assert_eq!(late.status().as_u16(), 409, "late, and the server is sure");
    let row = attempt_row(&app, attempt).await;
    assert_eq!(row.status.as_str(), "expired");
    assert_eq!(row.deadline_at, deadline, "nothing given back");
}
