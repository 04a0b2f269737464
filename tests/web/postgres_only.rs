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
