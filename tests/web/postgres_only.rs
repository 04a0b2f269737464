//! What only a database server can show: it goes away and comes back. An
//! SQLite file that was removed does not come back by itself, and SQLite
//! connections keep reading a removed file (the health check covers that
//! case), so these are `#[ignore]`d and `.ci/run` runs them with
//! `--ignored` on PostgreSQL.

use crate::helpers::{TestApp, assert_arabic, spawn_app};

/// The app on PostgreSQL; a panic, not a silent pass, anywhere else.
async fn postgres_app() -> TestApp {
    let app = spawn_app().await;
    assert!(
        app.is_postgres(),
        "this test needs PostgreSQL: set ECITIZEN_TEST_DATABASE_URL and build with --features postgres"
    );
    app
}

#[tokio::test]
#[ignore = "needs PostgreSQL: ECITIZEN_TEST_DATABASE_URL=postgres://… cargo test --features postgres --test web postgres_only:: -- --ignored"]
async fn health_recovers_when_postgres_comes_back() {
    let app = postgres_app().await;
    app.take_database_down().await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 503);

    app.bring_database_back();

    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}

#[tokio::test]
#[ignore = "needs PostgreSQL: ECITIZEN_TEST_DATABASE_URL=postgres://… cargo test --features postgres --test web postgres_only:: -- --ignored"]
async fn an_unreachable_database_gets_the_503_page() {
    let app = postgres_app().await;
    app.take_database_down().await;

    let (status, body) = app.get_page("/").await;

    assert_eq!(status, 503);
    assert_arabic(&body);
    assert!(body.contains("الخدمة غير متاحة مؤقتاً"));
}

#[tokio::test]
#[ignore = "needs PostgreSQL: ECITIZEN_TEST_DATABASE_URL=postgres://… cargo test --features postgres --test web postgres_only:: -- --ignored"]
async fn saves_while_the_database_is_away_are_refused_and_land_once_it_is_back() {
    use crate::exam::{open_sitting, options, ready, save_json_with, saved_values, start};
    let app = crate::exam::spawn_app().await;
    assert!(app.is_postgres(), "this test needs PostgreSQL");
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, first, _) = options(&app, browser, attempt, 1).await;
    let token = browser.csrf_token().await;
    let reply = save_json_with(browser, &token, attempt, 1, &first[..1], 1).await;
    assert_eq!(reply.status().as_u16(), 200);

    app.take_database_down().await;
    let refused = save_json_with(browser, &token, attempt, 1, &first[1..2], 2).await;
    assert_eq!(
        refused.status().as_u16(),
        503,
        "never acknowledged while away"
    );
    assert_eq!(app.get("/healthz").await.status().as_u16(), 503);

    app.bring_database_back();
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![first[0]]),
        "the refused save was not stored"
    );
    // The page sends its queued save again; the server reconnected by itself.
    let replayed = save_json_with(browser, &token, attempt, 1, &first[1..2], 2).await;
    assert_eq!(replayed.status().as_u16(), 200, "the queued save lands");
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![first[1]])
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL: ECITIZEN_TEST_DATABASE_URL=postgres://… cargo test --features postgres --test web postgres_only:: -- --ignored"]
async fn an_attempt_running_when_the_database_went_away_gets_the_time_back() {
    use crate::exam::{attempt_row, one_started, save_json_with};
    use crate::outage::pass;
    let app = crate::exam::spawn_app().await;
    assert!(app.is_postgres(), "this test needs PostgreSQL");
    let (ready, attempt, shown, token) = one_started(&app).await;
    let browser = &ready.trainees[0].2;
    pass(&app).await.expect("the sweeper passes");
    let deadline = attempt_row(&app, attempt).await.deadline_at;

    app.take_database_down().await;
    let failed = pass(&app).await.expect_err("no database, no pass");
    assert!(failed.is_unavailable());
    // The database stays away past the attempt's deadline.
    app.clock.advance(chrono::Duration::minutes(47));
    let refused = save_json_with(browser, &token, attempt, 1, &shown[..1], 1).await;
    assert_eq!(refused.status().as_u16(), 503);

    app.bring_database_back();
    let recovered = pass(&app).await.expect("the sweeper passes again");

    assert_eq!(
        recovered
            .given_back
            .map(|given| (given.minutes, given.attempts)),
        Some((47, vec![attempt]))
    );
    assert!(recovered.finished.is_empty(), "not finalised as expired");
    let row = attempt_row(&app, attempt).await;
    assert_eq!(row.status.as_str(), "open");
    assert_eq!(row.deadline_at, deadline + chrono::Duration::minutes(47));
    let replayed = save_json_with(browser, &token, attempt, 1, &shown[..1], 1).await;
    assert_eq!(replayed.status().as_u16(), 200, "the queued save lands");
}
