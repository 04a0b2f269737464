//! The server process is killed with SIGKILL while clients save answers:
//! after a restart every save acknowledged with a 2xx is stored (or a later
//! save of the same question) and the attempt's deadline has not moved. And
//! while they submit: the attempt ends exactly once, with one score and one
//! certificate. Runs the real binary, on SQLite or on the suite's PostgreSQL.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ecitizen::config::Settings;
use ecitizen::db::models::exam::{Answer, Attempt, AttemptQuestion};
use ecitizen::db::{Db, DbError};

use crate::helpers::{client_with, postgres::TestDatabase};
use crate::people::Browser;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// Starts `ecitizen serve` on a free port; returns the process, the facts
/// it printed and the port. Another test may take the port between our
/// check and the server's bind, so a start that exits is tried again.
async fn serve(data_dir: &Path, database_url: Option<&str>) -> (Child, Vec<String>, u16) {
    for _ in 0..5 {
        let port = free_port();
        if let Some((child, facts)) = try_serve(data_dir, database_url, port).await {
            return (child, facts, port);
        }
    }
    panic!("the server would not start");
}

async fn try_serve(
    data_dir: &Path,
    database_url: Option<&str>,
    port: u16,
) -> Option<(Child, Vec<String>)> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecitizen"));
    command
        .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("ECITIZEN_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(url) = database_url {
        command.args(["--database-url", url]);
    }
    let mut child = command.spawn().expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let facts = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&facts);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            sink.lock().expect("facts").push(line);
        }
    });
    let health = format!("http://127.0.0.1:{port}/healthz");
    // Generous: the demo hashes its people's passwords at start-up, and the
    // rest of the suite shares the machine.
    for _ in 0..1200 {
        if let Ok(Some(_)) = child.try_wait() {
            return None;
        }
        if reqwest::get(&health)
            .await
            .is_ok_and(|reply| reply.status().is_success())
        {
            let facts = facts.lock().expect("facts").clone();
            return Some((child, facts));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not become healthy");
}

fn browser(port: u16) -> Browser {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    Browser {
        address: format!("http://127.0.0.1:{port}"),
        client: client_with(jar.clone()),
        jar,
    }
}

/// Signs in as each demo trainee until one may start the open sitting.
async fn candidate(port: u16, facts: &[String]) -> (Browser, i32) {
    let pin = facts
        .iter()
        .find_map(|fact| fact.strip_prefix("demo sitting: "))
        .and_then(|rest| rest.rsplit(' ').next())
        .expect("the demo opens a sitting");
    for fact in facts {
        let Some(rest) = fact.strip_prefix("demo login: trainee ") else {
            continue;
        };
        let mut words = rest.split(' ');
        let (Some(login), Some(password)) = (words.next(), words.next()) else {
            continue;
        };
        let browser = browser(port);
        browser.sign_in(login, password).await;
        let reply = browser.post_form("/me/exam", &[("pin", pin)]).await;
        let location = reply
            .headers()
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        if let Some(id) = location
            .strip_prefix("/attempts/")
            .and_then(|id| id.parse().ok())
        {
            return (browser, id);
        }
    }
    panic!("no demo trainee could start the sitting");
}

/// (deadline, stored seq per question position) read from the database.
async fn stored(settings: &Settings, attempt: i32) -> (chrono::NaiveDateTime, HashMap<i32, i64>) {
    let db = Db::open(settings).await.expect("the database opens");
    db.read(move |conn| {
        let deadline = Attempt::find(conn, attempt)?.expect("attempt").deadline_at;
        let positions: HashMap<i32, i32> = AttemptQuestion::of_attempt(conn, attempt)?
            .into_iter()
            .map(|q| (q.question_id, q.position))
            .collect();
        let seqs = Answer::of_attempt(conn, attempt)?
            .into_iter()
            .filter_map(|answer| Some((*positions.get(&answer.question_id)?, answer.seq)))
            .collect();
        Ok::<_, DbError>((deadline, seqs))
    })
    .await
    .expect("stored answers")
}

#[tokio::test]
async fn acknowledged_saves_survive_sigkill_and_the_deadline_stays() {
    let data_dir = tempfile::tempdir().expect("temporary directory");
    let postgres = TestDatabase::create_if_configured();
    let url = postgres.as_ref().map(|db| db.url.clone());
    let settings = Settings::new(data_dir.path().to_path_buf(), url.as_deref()).expect("settings");

    // A new port for each start: another test may take a freed one.
    let (mut server, facts, mut port) = serve(data_dir.path(), url.as_deref()).await;
    let (trainee, attempt) = candidate(port, &facts).await;
    let token = trainee.csrf_token().await;
    let seq = Arc::new(AtomicI64::new(0));
    let mut first_deadline = None;

    for cycle in 0..3 {
        let trainee = Browser {
            address: format!("http://127.0.0.1:{port}"),
            ..trainee.clone()
        };
        let acknowledged: Arc<Mutex<HashMap<i32, i64>>> = Arc::default();
        let clients: Vec<_> = (1..=4)
            .map(|client| {
                let (trainee, token) = (trainee.clone(), token.clone());
                let (seq, acknowledged) = (Arc::clone(&seq), Arc::clone(&acknowledged));
                tokio::spawn(async move {
                    for round in 0.. {
                        let position = (client + round) % 6 + 1;
                        let next = seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let reply = trainee
                            .client
                            .post(trainee.url(&format!("/attempts/{attempt}/answers")))
                            .header("accept", "application/json")
                            .header("x-csrf-token", &token)
                            .form(&[
                                ("q", position.to_string()),
                                ("seq", next.to_string()),
                                ("option", "1".to_owned()),
                            ])
                            .send()
                            .await;
                        match reply {
                            Ok(reply) if reply.status().is_success() => {
                                let mut acked = acknowledged.lock().expect("acks");
                                let best = acked.entry(position).or_default();
                                *best = (*best).max(next);
                            }
                            Ok(reply) => panic!("a save was refused: {}", reply.status()),
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(400)).await;
        server.kill().expect("SIGKILL");
        server.wait().expect("the server is gone");
        for client in clients {
            client.await.expect("the client ends with the server");
        }

        let acknowledged = acknowledged.lock().expect("acks").clone();
        assert!(
            !acknowledged.is_empty(),
            "cycle {cycle}: some saves were acknowledged"
        );
        let (deadline, seqs) = stored(&settings, attempt).await;
        for (position, acked) in &acknowledged {
            let kept = seqs.get(position).copied().unwrap_or(0);
            assert!(
                kept >= *acked,
                "cycle {cycle}: question {position} acknowledged seq {acked} but stores {kept}"
            );
        }
        assert_eq!(
            *first_deadline.get_or_insert(deadline),
            deadline,
            "cycle {cycle}"
        );

        (server, _, port) = serve(data_dir.path(), url.as_deref()).await;
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// The 1-based option positions that answer each question position of
/// `attempt` correctly, read from the database as only the server knows them.
async fn right_answers(settings: &Settings, attempt: i32) -> Vec<(i32, Vec<i32>)> {
    use ecitizen::db::models::question::QuestionOption;
    let db = Db::open(settings).await.expect("the database opens");
    db.read(move |conn| {
        let drawn = AttemptQuestion::of_attempt(conn, attempt)?;
        let ids: Vec<i32> = drawn.iter().map(|q| q.question_id).collect();
        let correct: Vec<QuestionOption> = QuestionOption::of_questions(conn, &ids)?
            .into_iter()
            .filter(|option| option.correct)
            .collect();
        Ok::<_, DbError>(
            drawn
                .iter()
                .map(|q| {
                    let own: Vec<i32> = correct
                        .iter()
                        .filter(|option| option.question_id == q.question_id)
                        .map(|option| option.id)
                        .collect();
                    (q.position, q.positions_of(&own))
                })
                .collect(),
        )
    })
    .await
    .expect("the drawn questions")
}

/// (status, score, certificates, end entries in the audit log) of `attempt`.
async fn ending(settings: &Settings, attempt: i32) -> (String, Option<i32>, i64, i64) {
    use diesel::prelude::*;
    use ecitizen::db::schema::{audit_log, certificates};
    let db = Db::open(settings).await.expect("the database opens");
    db.read(move |conn| {
        let found = Attempt::find(conn, attempt)?.expect("attempt");
        let certified: i64 = certificates::table
            .filter(certificates::attempt_id.eq(attempt))
            .count()
            .get_result(conn)?;
        let ended: i64 = audit_log::table
            .filter(audit_log::subject.eq(format!("attempt:{attempt}")))
            .filter(audit_log::action.eq_any(["attempt.submit", "attempt.auto_submit"]))
            .count()
            .get_result(conn)?;
        Ok::<_, DbError>((
            found.status.as_str().to_owned(),
            found.score_percent,
            certified,
            ended,
        ))
    })
    .await
    .expect("the attempt's end")
}

#[tokio::test]
async fn a_submit_cut_by_sigkill_ends_the_attempt_once_with_one_score_and_one_certificate() {
    let data_dir = tempfile::tempdir().expect("temporary directory");
    let postgres = TestDatabase::create_if_configured();
    let url = postgres.as_ref().map(|db| db.url.clone());
    let settings = Settings::new(data_dir.path().to_path_buf(), url.as_deref()).expect("settings");
    let (mut server, facts, port) = serve(data_dir.path(), url.as_deref()).await;
    let (trainee, attempt) = candidate(port, &facts).await;
    let token = trainee.csrf_token().await;

    // Every question answered right, so the attempt passes.
    for (seq, (position, options)) in (1..).zip(right_answers(&settings, attempt).await) {
        let mut form = vec![("q", position.to_string()), ("seq", seq.to_string())];
        form.extend(options.iter().map(|option| ("option", option.to_string())));
        let reply = trainee
            .client
            .post(trainee.url(&format!("/attempts/{attempt}/answers")))
            .header("accept", "application/json")
            .header("x-csrf-token", &token)
            .form(&form)
            .send()
            .await
            .expect("saved");
        assert!(reply.status().is_success(), "{}", reply.status());
    }

    // Four tabs press "submit" over and over while the server is killed.
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let (trainee, token) = (trainee.clone(), token.clone());
            tokio::spawn(async move {
                loop {
                    let reply = trainee
                        .client
                        .post(trainee.url(&format!("/attempts/{attempt}/submit")))
                        .header("x-csrf-token", &token)
                        .form(&[("csrf_token", token.as_str()), ("confirm", "yes")])
                        .send()
                        .await;
                    if reply.is_err() {
                        break;
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(30)).await;
    server.kill().expect("SIGKILL");
    server.wait().expect("the server is gone");
    for client in clients {
        client.await.expect("the client ends with the server");
    }

    // After the restart the trainee submits again (a retry, or the first
    // submit if none had committed): the attempt has ended exactly once.
    let (mut server, _, port) = serve(data_dir.path(), url.as_deref()).await;
    let trainee = Browser {
        address: format!("http://127.0.0.1:{port}"),
        ..trainee
    };
    let reply = trainee
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    assert!(
        reply.status().is_success() || reply.status().is_redirection(),
        "{}",
        reply.status()
    );
    let (status, score, certificates, ends) = ending(&settings, attempt).await;
    assert_eq!(status, "submitted");
    assert_eq!(
        score,
        Some(100),
        "the score counts every acknowledged answer"
    );
    assert_eq!(certificates, 1, "one pending certificate for the pass");
    assert_eq!(ends, 1, "one audited end");
    let _ = server.kill();
    let _ = server.wait();
}
