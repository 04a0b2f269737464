//! When the database cannot serve, an exam save is refused with a 503 (the
//! page keeps the answer and sends it again), never acknowledged and lost;
//! no request hangs; and the server serves again once the cause is gone.
//! The database going away and coming back is in `postgres_only`.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use ecitizen::db::{DbConnection, DbError, OpenMode};
use futures_util::future::join_all;

use crate::exam::{open_sitting, options, ready, save_json_with, saved_values, spawn_app, start};
use crate::helpers::TestApp;

/// Far longer than any bounded wait in the server (the test settings wait
/// 2 s for the writer and 2 s for a lock): only a request that hangs
/// reaches it.
const HANG: Duration = Duration::from_secs(60);

/// The first of two trainees in open attempts, who has saved question 1;
/// returns the attempt, the options shown for questions 1 and 2, and the
/// other trainee's attempt.
async fn saved_once(app: &TestApp) -> (crate::people::Browser, i32, Vec<i32>, Vec<i32>, i32) {
    let mut ready = ready(app, 2, &[]).await;
    let (_, pin) = open_sitting(app, &ready).await;
    let other = start(&ready.trainees[1].2, &pin).await;
    let browser = ready.trainees.remove(0).2;
    let attempt = start(&browser, &pin).await;
    let (_, first, _) = options(app, &browser, attempt, 1).await;
    let (_, second, _) = options(app, &browser, attempt, 2).await;
    let token = browser.csrf_token().await;
    let reply = save_json_with(&browser, &token, attempt, 1, &first[..1], 1).await;
    assert_eq!(reply.status().as_u16(), 200, "the first save is stored");
    (browser, attempt, first, second, other)
}

#[tokio::test]
async fn saves_behind_a_lock_held_elsewhere_get_a_503_in_bounded_time_and_resume_after() {
    let app = spawn_app().await;
    let (browser, attempt, first, second, _) = saved_once(&app).await;
    let token = browser.csrf_token().await;

    // Another program holds the write lock (SQLite) or locks the answers
    // against writes (PostgreSQL) and does not let go.
    let mut holder =
        DbConnection::open(app.db.url(), OpenMode::Existing).expect("a second connection");
    holder
        .batch_execute(if app.is_postgres() {
            "BEGIN; LOCK TABLE answers IN EXCLUSIVE MODE;"
        } else {
            "BEGIN IMMEDIATE;"
        })
        .expect("the lock is taken");

    // Several saves queue up behind it; each ends within the bounded wait.
    let saves = (0..6_i64).map(|n| {
        let (browser, token, second) = (&browser, token.clone(), second.clone());
        async move {
            let choice = second[usize::try_from(n).unwrap_or(0) % second.len()];
            save_json_with(browser, &token, attempt, 2, &[choice], 10 + n).await
        }
    });
    let replies = tokio::time::timeout(HANG, join_all(saves))
        .await
        .expect("no save waits without bound");
    for reply in &replies {
        assert_eq!(
            reply.status().as_u16(),
            503,
            "refused as unavailable, not acknowledged"
        );
        assert_eq!(reply.headers()["retry-after"], "5");
    }
    // Reading goes on meanwhile: the question page still shows.
    let (status, _) = browser.get_page(&format!("/attempts/{attempt}?q=1")).await;
    assert_eq!(status, 200, "pages that only read still work");

    holder
        .batch_execute("COMMIT;")
        .expect("the lock is released");
    drop(holder);

    let saved = saved_values(&app, attempt).await;
    assert_eq!(saved.get(&2), None, "nothing refused was stored");
    let reply = save_json_with(&browser, &token, attempt, 2, &second[..1], 20).await;
    assert_eq!(
        reply.status().as_u16(),
        200,
        "saving resumes once the lock is gone"
    );
    let saved = saved_values(&app, attempt).await;
    assert_eq!(saved.get(&1), Some(&vec![first[0]]));
    assert_eq!(saved.get(&2), Some(&vec![second[0]]));
}

/// Runs `sql` through the application's own writer connection, reporting
/// failure instead of panicking (an insert into a full database fails).
async fn on_the_writer(app: &TestApp, sql: String) -> Result<(), DbError> {
    app.db
        .write(move |conn: &mut DbConnection| ecitizen::db::execute_batch(conn, &sql))
        .await
}

#[tokio::test]
async fn a_save_into_a_full_database_is_refused_and_nothing_stored_is_damaged() {
    let app = spawn_app().await;
    if app.is_postgres() {
        // PostgreSQL has no per-connection size limit to lower; a full disk
        // there is the database server's to report, as an unreachable one.
        return;
    }
    let (browser, attempt, first, second, other) = saved_once(&app).await;
    let token = browser.csrf_token().await;

    // The database may not grow any more (SQLite's page limit is set on the
    // writer, the one connection that writes): free pages are used up, then
    // the last page of the answers is filled to the last byte with one
    // answer row of another attempt's question, as long as fits.
    on_the_writer(&app, "CREATE TABLE filler (b BLOB);".into())
        .await
        .expect("a filler table");
    on_the_writer(&app, "PRAGMA max_page_count = 1;".into())
        .await
        .expect("the limit is lowered to the current size");
    while on_the_writer(&app, "INSERT INTO filler VALUES (zeroblob(3000));".into())
        .await
        .is_ok()
    {}
    let filler = |length: usize, keep: bool| {
        let row = format!(
            "INSERT INTO answers (attempt_id, question_id, selected, flagged, seq, saved_at) \
             SELECT attempt_id, question_id, '{}', 0, 0, CURRENT_TIMESTAMP \
             FROM attempt_questions WHERE attempt_id = {other} AND position = 1;",
            "x".repeat(length)
        );
        if keep {
            row
        } else {
            // Only measures whether the row fits: it goes again at once.
            format!("{row} DELETE FROM answers WHERE attempt_id = {other};")
        }
    };
    let (mut fits, mut fails) = (0_usize, 4096_usize);
    while fails - fits > 1 {
        let middle = (fits + fails) / 2;
        if on_the_writer(&app, filler(middle, false)).await.is_ok() {
            fits = middle;
        } else {
            fails = middle;
        }
    }
    on_the_writer(&app, filler(fits, true))
        .await
        .expect("the longest row that fits");

    let full = save_json_with(&browser, &token, attempt, 2, &second[..1], 2).await;
    let status = full.status().as_u16();
    assert!(
        !(200..300).contains(&status),
        "a save that cannot be stored is never acknowledged (got {status})"
    );
    assert_eq!(status, 503);
    let saved = saved_values(&app, attempt).await;
    assert_eq!(
        saved.get(&1),
        Some(&vec![first[0]]),
        "what was stored is kept"
    );
    assert_eq!(saved.get(&2), None);

    // Space is back: saving resumes on the same writer.
    on_the_writer(
        &app,
        "PRAGMA max_page_count = 1073741823; DROP TABLE filler;".into(),
    )
    .await
    .expect("the limit is raised again");
    let reply = save_json_with(&browser, &token, attempt, 2, &second[..1], 3).await;
    assert_eq!(
        reply.status().as_u16(),
        200,
        "saving resumes once there is space"
    );
    assert_eq!(
        saved_values(&app, attempt).await.get(&2),
        Some(&vec![second[0]])
    );
}
