//! No acknowledged answer is lost: saves of one question sent at once all
//! succeed and the newest wins, and a save racing the submit is either
//! refused or part of the score. These run on both databases; on
//! PostgreSQL they are the races the single SQLite writer hides.

use std::collections::BTreeSet;

use futures_util::future::join_all;

use crate::exam::{open_sitting, options, ready, save_json_with, saved_values, spawn_app, start};

#[tokio::test]
async fn many_saves_of_one_question_at_once_all_succeed_and_the_highest_seq_wins() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, shown, _) = options(&app, browser, attempt, 1).await;
    let token = browser.csrf_token().await;

    // Sent together, highest seq first, so later arrivals are older saves.
    let saves = (1..=32_i64).rev().map(|seq| {
        let choice = shown[usize::try_from(seq).unwrap_or(0) % 2];
        let token = token.clone();
        async move {
            let status = save_json_with(browser, &token, attempt, 1, &[choice], seq)
                .await
                .status()
                .as_u16();
            (seq, status)
        }
    });
    let replies = join_all(saves).await;
    let failed: Vec<_> = replies
        .iter()
        .filter(|(_, status)| *status != 200)
        .collect();
    assert!(failed.is_empty(), "every save answered 200: {failed:?}");
    let newest = shown[32 % 2];
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![newest]),
        "the save with the highest seq is the one stored"
    );
}

#[tokio::test]
async fn a_save_racing_the_submit_is_refused_or_counted_never_acknowledged_and_lost() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let mut right = Vec::new();
    for position in 1..=6 {
        right.push(options(&app, browser, attempt, position).await.2);
    }
    let token = browser.csrf_token().await;

    let saves = (1..=6_i32).map(|position| {
        let (token, chosen) = (token.clone(), right[position as usize - 1].clone());
        async move {
            let reply = save_json_with(browser, &token, attempt, position, &chosen, 1).await;
            (position, reply.status().as_u16())
        }
    });
    let submit = async {
        browser
            .client
            .post(browser.url(&format!("/attempts/{attempt}/submit")))
            .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
            .send()
            .await
            .expect("submit sent")
            .status()
            .as_u16()
    };
    let (replies, submitted) = tokio::join!(join_all(saves), submit);
    assert_eq!(submitted, 303, "the submit went through");

    let acknowledged: BTreeSet<i32> = replies
        .iter()
        .filter(|(_, status)| (200..300).contains(status))
        .map(|(position, _)| *position)
        .collect();
    assert!(
        replies
            .iter()
            .all(|(_, status)| (200..300).contains(status) || *status == 409),
        "a save is stored or refused as too late for the attempt: {replies:?}"
    );
    let stored: BTreeSet<i32> = saved_values(&app, attempt).await.into_keys().collect();
    assert_eq!(
        stored, acknowledged,
        "exactly the acknowledged saves are stored"
    );
    let row = crate::exam::attempt_row(&app, attempt).await;
    let counted = i32::try_from(acknowledged.len()).unwrap_or(0);
    assert_eq!(
        row.score_percent,
        Some(counted * 100 / 6),
        "each acknowledged right answer is in the score ({acknowledged:?})"
    );
}

#[tokio::test]
async fn writes_committed_together_keep_their_own_outcomes() {
    use ecitizen::db::{DbError, execute_batch};
    let app = spawn_app().await;
    app.execute("CREATE TABLE grouped (n INTEGER NOT NULL)")
        .await;

    // Sent at once, so on SQLite they share commits; every third fails
    // after writing, and only its own row may go.
    let writes = (0..48_i32).map(|n| {
        let db = app.db.clone();
        tokio::spawn(async move {
            db.write_grouped(move |conn| {
                execute_batch(conn, &format!("INSERT INTO grouped (n) VALUES ({n})"))?;
                if n % 3 == 0 {
                    return Err(DbError::SqliteOnly("a refused write"));
                }
                Ok(n)
            })
            .await
        })
    });
    let outcomes = join_all(writes).await;

    let mut acknowledged = BTreeSet::new();
    for (n, outcome) in (0..48_i32).zip(outcomes) {
        match outcome.expect("the write ran") {
            Ok(stored) => {
                assert_eq!(stored, n, "each write gets its own value back");
                acknowledged.insert(n);
            }
            Err(DbError::SqliteOnly(_)) => assert_eq!(n % 3, 0, "only the refused ones fail"),
            Err(other) => panic!("write {n} failed: {other}"),
        }
    }
    assert_eq!(acknowledged, (0..48).filter(|n| n % 3 != 0).collect());
    let stored: BTreeSet<i32> = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Integer)]
                n: i32,
            }
            let rows: Vec<Row> = diesel::sql_query("SELECT n FROM grouped").load(conn)?;
            Ok::<_, DbError>(rows.into_iter().map(|row| row.n).collect())
        })
        .await
        .expect("rows");
    assert_eq!(stored, acknowledged, "stored exactly what was acknowledged");
}
