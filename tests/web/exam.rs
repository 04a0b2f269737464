//! The timed, supervised exam: a trainer opens a sitting, an eligible
//! trainee starts with the PIN, answers (every save committed, stale and
//! late saves refused), submits or runs out of time, and sees the result —
//! and nothing sent to the browser ever says which options are correct.

use chrono::{DateTime, Duration, Utc};
use ecitizen::db::DbError;
use ecitizen::db::models::attendance::AttendanceMark;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::exam::{Attempt, ExamSettings, NewExamSettings};
use ecitizen::db::models::question::{NewQuestion, Question, QuestionOption};

use crate::fixtures::{class, class_fields, trainee, venue};
use crate::helpers::{TestApp, spawn_app_with};
use crate::people::{Browser, hidden_value, signed_in};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .expect("valid instant")
}

/// The class ends on 20 March; the exam is the Monday after.
const EXAM_DAY: &str = "2026-03-23T05:00:00Z";

async fn spawn_app() -> TestApp {
    spawn_app_with(|settings| {
        settings.session_idle = Duration::days(60);
        settings.session_lifetime = Duration::days(60);
    })
    .await
}

/// A small bank: per block one single-answer question (Alpha right) and one
/// multiple-answer question (Alpha and Beta right); the blueprint draws 2/2/2.
async fn small_bank(app: &TestApp) {
    let now = app.clock.now().naive_utc();
    app.db
        .write(move |conn| {
            for block in 1..=3 {
                let option = |ar: &str, en: &str, correct| (ar.to_owned(), en.to_owned(), correct);
                Question::insert(
                    conn,
                    &NewQuestion {
                        block,
                        topic: "files".into(),
                        kind: "single".into(),
                        stem_ar: format!("سؤال مفرد {block}"),
                        stem_en: format!("Single question {block}"),
                        options: vec![
                            option("ألف", "Alpha", true),
                            option("باء", "Beta", false),
                            option("جيم", "Gamma", false),
                        ],
                    },
                    None,
                    now,
                )?;
                Question::insert(
                    conn,
                    &NewQuestion {
                        block,
                        topic: "files".into(),
                        kind: "multiple".into(),
                        stem_ar: format!("سؤال متعدد {block}"),
                        stem_en: format!("Multiple question {block}"),
                        options: vec![
                            option("ألف", "Alpha", true),
                            option("باء", "Beta", true),
                            option("جيم", "Gamma", false),
                        ],
                    },
                    None,
                    now,
                )?;
            }
            ExamSettings::insert(
                conn,
                &NewExamSettings {
                    duration_minutes: 45,
                    pass_percent: 75,
                    block1_questions: 2,
                    block2_questions: 2,
                    block3_questions: 2,
                    resit_hours: 72,
                    max_attempts: 3,
                    created_by: None,
                    created_at: now,
                },
            )?;
            Ok::<_, DbError>(())
        })
        .await
        .expect("bank");
}

struct Ready {
    cohort: i32,
    trainer: Browser,
    /// (user id, enrollment id, browser)
    trainees: Vec<(i32, i32, Browser)>,
}

/// A finished class with a trainer and `count` trainees who attended every
/// session (or none, for the trainees listed in `absent`), on exam day.
async fn ready(app: &TestApp, count: usize, absent: &[usize]) -> Ready {
    small_bank(app).await;
    let room = venue(app, "al-ain", "Al Ain Centre", 30).await;
    let (trainer_person, trainer) = signed_in(app, "trainer").await;
    let mut fields = class_fields(room);
    fields.trainer_id = Some(trainer_person.id);
    let cohort = class(app, fields).await;
    let mut trainees = Vec::new();
    for n in 0..count {
        let (id, browser) = trainee(app, &format!("Candidate {n}"), "female").await;
        assert_eq!(
            browser
                .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
        let place = app
            .db
            .read(move |conn| {
                Ok::<_, DbError>(
                    ecitizen::db::models::enrollment::Enrollment::of_trainee(conn, id)?[0].id,
                )
            })
            .await
            .expect("place");
        let mark = if absent.contains(&n) {
            "absent"
        } else {
            "present"
        };
        let by = trainer_person.id;
        app.db
            .write(move |conn| {
                for session in ClassSession::of_cohort(conn, cohort)? {
                    AttendanceMark::set(conn, session.id, place, mark, by, session.starts_at)?;
                }
                Ok::<_, DbError>(())
            })
            .await
            .expect("attendance");
        trainees.push((id, place, browser));
    }
    app.clock.set(at(EXAM_DAY));
    Ready {
        cohort,
        trainer,
        trainees,
    }
}

/// Opens a sitting; returns its id and PIN as the board shows them.
async fn open_sitting(app: &TestApp, ready: &Ready) -> (i32, String) {
    let response = ready
        .trainer
        .post_form(&format!("/trainer/cohorts/{}/sittings", ready.cohort), &[])
        .await;
    assert_eq!(response.status().as_u16(), 303);
    let board = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let sitting: i32 = board
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("sitting id");
    let page = ready.trainer.get_page(&board).await.1;
    let start = page.find(r#"class="secret">"#).expect("the PIN is shown") + 15;
    let _ = app;
    (sitting, page[start..start + 6].to_owned())
}

/// Starts with `pin`; returns the attempt id.
async fn start(browser: &Browser, pin: &str) -> i32 {
    let response = browser.post_form("/me/exam", &[("pin", pin)]).await;
    assert_eq!(response.status().as_u16(), 303, "the exam starts");
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("attempt id")
}

/// The option ids shown for question `position`, and which of them are right
/// (looked up in the database, never in the page).
async fn options(
    app: &TestApp,
    browser: &Browser,
    attempt: i32,
    position: i32,
) -> (String, Vec<i32>, Vec<i32>) {
    let page = browser
        .get_page(&format!("/attempts/{attempt}?q={position}"))
        .await
        .1;
    let shown: Vec<i32> = page
        .split(r#"name="option" value=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next().and_then(|id| id.parse().ok()))
        .collect();
    let ids = shown.clone();
    let right = app
        .db
        .read(move |conn| {
            let all = QuestionOption::of_questions(conn, &[])?;
            let _ = all;
            use diesel::prelude::*;
            use ecitizen::db::schema::question_options;
            Ok::<_, DbError>(
                question_options::table
                    .filter(question_options::id.eq_any(&ids))
                    .filter(question_options::correct.eq(true))
                    .select(question_options::id)
                    .load::<i32>(conn)?,
            )
        })
        .await
        .expect("right options");
    (page, shown, right)
}

async fn save_json(
    browser: &Browser,
    attempt: i32,
    position: i32,
    chosen: &[i32],
    seq: i64,
) -> reqwest::Response {
    let token = browser.csrf_token().await;
    let mut form: Vec<(String, String)> = vec![
        ("q".into(), position.to_string()),
        ("seq".into(), seq.to_string()),
        ("flag".into(), "0".into()),
    ];
    form.extend(
        chosen
            .iter()
            .map(|id| ("option".to_owned(), id.to_string())),
    );
    browser
        .client
        .post(browser.url(&format!("/attempts/{attempt}/answers")))
        .header("accept", "application/json")
        .header("x-csrf-token", token)
        .form(&form)
        .send()
        .await
        .expect("sent")
}

async fn attempt_row(app: &TestApp, id: i32) -> Attempt {
    app.db
        .read(move |conn| Ok::<_, DbError>(Attempt::find(conn, id)?.expect("attempt")))
        .await
        .expect("attempt")
}

#[tokio::test]
async fn a_full_attempt_is_scored_by_block_and_shows_its_receipt() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let page = browser.get_page("/me/exam?lang=en").await.1;
    assert!(
        page.contains("\u{2068}45\u{2069} minutes.")
            && page.contains("The clock runs on the server"),
        "{page}"
    );

    let attempt = start(browser, &pin.to_lowercase()).await;
    assert_eq!(
        start(browser, &pin).await,
        attempt,
        "starting twice returns to the same attempt"
    );
    let mut bodies = Vec::new();
    for position in 1..=6 {
        let (page, _shown, right) = options(&app, browser, attempt, position).await;
        bodies.push(page);
        // Everything right, except question 6 which gets only one of its two.
        let chosen = if position == 6 && right.len() == 2 {
            vec![right[0]]
        } else {
            right.clone()
        };
        let response = save_json(browser, attempt, position, &chosen, 1).await;
        assert_eq!(response.status().as_u16(), 200);
        let json: serde_json::Value = response.json().await.expect("json");
        assert_eq!(json["saved"], true);
        assert_eq!(json["remaining_seconds"], 45 * 60);
        bodies.push(json.to_string());
    }
    let review = browser
        .get_page(&format!("/attempts/{attempt}/review?lang=en"))
        .await
        .1;
    assert!(review.contains("You have answered every question."));
    let submitted = browser
        .post_form(&format!("/attempts/{attempt}/submit"), &[])
        .await;
    assert_eq!(submitted.status().as_u16(), 303);

    let result = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=en"))
        .await
        .1;
    let row = attempt_row(&app, attempt).await;
    let (position_6_multiple, score) = (
        row.block3_percent == Some(50),
        row.score_percent.expect("scored"),
    );
    if position_6_multiple {
        assert_eq!(score, 83, "5 of 6");
        assert_eq!(
            (row.block1_percent, row.block2_percent),
            (Some(100), Some(100))
        );
        assert!(result.contains("Passed"));
    } else {
        assert_eq!(score, 100, "question 6 was single-answer and fully right");
    }
    assert!(
        result.contains("Submitted by you") && result.contains("answer stored"),
        "{result}"
    );
    bodies.push(result);
    for body in &bodies {
        for leak in ["\"correct\"", "data-correct", "correct=", "is_correct"] {
            assert!(!body.contains(leak), "a response leaks {leak}");
        }
    }
}

#[tokio::test]
async fn saves_are_accepted_until_thirty_seconds_after_the_deadline() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, shown, _) = options(&app, browser, attempt, 1).await;

    app.clock
        .advance(Duration::minutes(45) + Duration::seconds(29));
    assert_eq!(
        save_json(browser, attempt, 1, &[shown[0]], 1)
            .await
            .status()
            .as_u16(),
        200,
        "deadline + 29 s"
    );
    app.clock.advance(Duration::seconds(2));
    let late = save_json(browser, attempt, 1, &[shown[1]], 2).await;
    assert_eq!(late.status().as_u16(), 409, "deadline + 31 s");
    let stored = app
        .db
        .read(move |conn| {
            Ok::<_, DbError>(ecitizen::db::models::exam::Answer::of_attempt(
                conn, attempt,
            )?)
        })
        .await
        .expect("answers");
    assert_eq!(
        stored[0].selected,
        shown[0].to_string(),
        "the late save stored nothing"
    );
}

#[tokio::test]
async fn the_sweeper_submits_an_abandoned_attempt_with_its_saved_answers() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, _, right) = options(&app, browser, attempt, 1).await;
    save_json(browser, attempt, 1, &right, 1).await;

    app.clock
        .advance(Duration::minutes(45) + Duration::seconds(20));
    assert!(
        ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
            .await
            .expect("sweep")
            .is_empty(),
        "still in the grace period"
    );
    app.clock.advance(Duration::seconds(20));
    let finished = ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("sweep");
    assert_eq!(finished, vec![attempt]);
    assert!(
        ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
            .await
            .expect("sweep")
            .is_empty(),
        "idempotent"
    );

    let row = attempt_row(&app, attempt).await;
    assert_eq!(row.status, "expired");
    assert_eq!(
        row.score_percent,
        Some(16),
        "the one saved answer counts: 1 of 6"
    );
    let result = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=en"))
        .await
        .1;
    assert!(result.contains("Time ran out; your saved answers were submitted"));
}

#[tokio::test]
async fn extra_time_and_an_extension_move_the_deadline_but_a_settings_change_does_not() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (trainee_id, _, browser) = &ready.trainees[0];
    let (_, registrar) = signed_in(&app, "registrar").await;
    registrar
        .post_form(
            &format!("/registrar/trainees/{trainee_id}/accommodation"),
            &[("extra_percent", "50"), ("note", ""), ("reason", "Report")],
        )
        .await;
    let (sitting, pin) = open_sitting(&app, &ready).await;
    let page = browser.get_page("/me/exam?lang=en").await.1;
    assert!(
        page.contains("\u{2068}45\u{2069} minutes + \u{2068}22\u{2069} minutes extra time."),
        "{page}"
    );
    let attempt = start(browser, &pin).await;
    let (_, shown, _) = options(&app, browser, attempt, 1).await;
    let json: serde_json::Value = save_json(browser, attempt, 1, &[shown[0]], 1)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json["remaining_seconds"], 67 * 60 + 30, "45 min × 1.5");

    let extended = ready
        .trainer
        .post_form(
            &format!("/trainer/sittings/{sitting}/extend"),
            &[
                ("attempt_id", &attempt.to_string()),
                ("minutes", "10"),
                ("reason", "Fire drill"),
            ],
        )
        .await;
    assert_eq!(extended.status().as_u16(), 303);
    let (_, admin) = signed_in(&app, "admin").await;
    let changed = admin
        .post_form(
            "/admin/exam",
            &[
                ("duration_minutes", "10"),
                ("pass_percent", "75"),
                ("questions_per_block", "2/2/2"),
                ("resit_hours", "72"),
                ("max_attempts", "3"),
            ],
        )
        .await;
    assert_eq!(changed.status().as_u16(), 303);

    let json: serde_json::Value = save_json(browser, attempt, 1, &[shown[0]], 2)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        json["remaining_seconds"],
        77 * 60 + 30,
        "extension added; the new settings do not touch it"
    );
}

#[tokio::test]
async fn stale_foreign_and_double_requests_change_nothing() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, shown, _) = options(&app, browser, attempt, 1).await;

    assert_eq!(
        save_json(browser, attempt, 1, &[shown[1]], 5)
            .await
            .status()
            .as_u16(),
        200
    );
    let stale: serde_json::Value = save_json(browser, attempt, 1, &[shown[0]], 4)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(stale["stale"], true);
    let stored = app
        .db
        .read(move |conn| {
            Ok::<_, DbError>(ecitizen::db::models::exam::Answer::of_attempt(
                conn, attempt,
            )?)
        })
        .await
        .expect("answers");
    assert_eq!(
        stored[0].selected,
        shown[1].to_string(),
        "the older save did not overwrite the newer"
    );

    assert_eq!(
        save_json(browser, attempt, 1, &[999_999], 6)
            .await
            .status()
            .as_u16(),
        400,
        "an option of another question"
    );
    assert_eq!(
        save_json(browser, attempt, 99, &[shown[0]], 7)
            .await
            .status()
            .as_u16(),
        400,
        "a question not in the attempt"
    );

    let (other_id, _, other) = {
        let (id, browser) = trainee(&app, "Someone Else", "female").await;
        (id, 0, browser)
    };
    let _ = other_id;
    assert_eq!(
        other
            .get(&format!("/attempts/{attempt}"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        save_json(&other, attempt, 1, &[shown[0]], 8)
            .await
            .status()
            .as_u16(),
        404
    );

    let submits = (0..2).map(|_| {
        let browser = browser.clone();
        async move {
            browser
                .post_form(&format!("/attempts/{attempt}/submit"), &[])
                .await
                .status()
                .as_u16()
        }
    });
    let mut statuses = Vec::new();
    for handle in submits.map(tokio::spawn).collect::<Vec<_>>() {
        statuses.push(handle.await.expect("task"));
    }
    assert_eq!(statuses, vec![303, 303]);
    let submitted = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::audit_log;
            Ok::<_, DbError>(
                audit_log::table
                    .filter(audit_log::action.eq("attempt.submit"))
                    .count()
                    .get_result::<i64>(conn)?,
            )
        })
        .await
        .expect("count");
    assert_eq!(submitted, 1, "one result");
}

#[tokio::test]
async fn each_refusal_to_start_has_its_message_in_both_languages() {
    let app = spawn_app().await;
    let ready = ready(&app, 3, &[1]).await;
    let (eligible, not_eligible, third) = (
        &ready.trainees[0].2,
        &ready.trainees[1].2,
        &ready.trainees[2].2,
    );
    let refused = |browser: &Browser, pin: &str, arabic: &'static str, english: &'static str| {
        let (browser, pin) = (browser.clone(), pin.to_owned());
        async move {
            browser.get("/?lang=ar").await;
            let response = browser.post_form("/me/exam", &[("pin", &pin)]).await;
            assert_eq!(response.status().as_u16(), 409, "{english}");
            assert!(
                response.text().await.expect("body").contains(arabic),
                "{arabic}"
            );
            browser.get("/?lang=en").await;
            let body = browser
                .post_form("/me/exam", &[("pin", &pin)])
                .await
                .text()
                .await
                .expect("body");
            assert!(body.contains(english), "{english}");
        }
    };

    refused(
        eligible,
        "ABCDEF",
        "لا توجد جلسة اختبار مفتوحة لصفك",
        "There is no open exam sitting for your class",
    )
    .await;
    let (sitting, pin) = open_sitting(&app, &ready).await;
    refused(
        eligible,
        "ZZZZZZ",
        "الرمز غير صحيح",
        "The PIN is not correct",
    )
    .await;
    refused(
        not_eligible,
        &pin,
        "لا يمكنك أداء الاختبار بعد",
        "You may not sit the exam yet",
    )
    .await;

    // A failed attempt, then the re-sit delay, then no attempts left.
    let attempt = start(eligible, &pin).await;
    eligible
        .post_form(&format!("/attempts/{attempt}/submit"), &[])
        .await;
    refused(
        eligible,
        &pin,
        "يمكنك إعادة الاختبار بعد انقضاء مدة الانتظار",
        "You may try the exam again once the waiting time",
    )
    .await;
    for _ in 0..2 {
        app.clock.advance(Duration::hours(73));
        let attempt = start(eligible, &pin).await;
        eligible
            .post_form(&format!("/attempts/{attempt}/submit"), &[])
            .await;
    }
    app.clock.advance(Duration::hours(73));
    refused(
        eligible,
        &pin,
        "لم تعد لديك محاولات متبقية",
        "You have no attempts left",
    )
    .await;

    ready
        .trainer
        .post_form(&format!("/trainer/sittings/{sitting}/close"), &[])
        .await;
    refused(
        third,
        &pin,
        "لا توجد جلسة اختبار مفتوحة لصفك",
        "There is no open exam sitting for your class",
    )
    .await;
}

#[tokio::test]
async fn the_invigilator_ends_an_attempt_for_an_irregularity() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (sitting, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let board = ready
        .trainer
        .get_page(&format!("/trainer/sittings/{sitting}?lang=en"))
        .await
        .1;
    assert!(
        board.contains("In progress")
            && board.contains("answered \u{2068}0\u{2069} of \u{2068}6\u{2069}"),
        "{board}"
    );

    let (_, other_trainer) = signed_in(&app, "trainer").await;
    assert_eq!(
        other_trainer
            .get(&format!("/trainer/sittings/{sitting}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let ended = ready
        .trainer
        .post_form(
            &format!("/trainer/sittings/{sitting}/terminate"),
            &[
                ("attempt_id", &attempt.to_string()),
                ("reason", "Phone in use"),
            ],
        )
        .await;
    assert_eq!(ended.status().as_u16(), 303);

    let row = attempt_row(&app, attempt).await;
    assert_eq!(
        (row.status.as_str(), row.end_reason.as_deref()),
        ("terminated", Some("Phone in use"))
    );
    let result = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=en"))
        .await
        .1;
    assert!(result.contains("Ended by the invigilator: Phone in use"));
}

#[tokio::test]
async fn the_exam_works_without_javascript() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;

    let (page, _, right) = options(&app, browser, attempt, 1).await;
    assert!(
        page.contains("The exam ends at") || page.contains("ينتهي الاختبار الساعة"),
        "the end time is printed"
    );
    assert_eq!(page.matches("no-store").count(), 0, "headers, not body");
    let seq = hidden_value(&page, "seq").expect("seq");
    let mut form: Vec<(&str, String)> =
        vec![("q", "1".into()), ("seq", seq), ("go", "next".into())];
    form.extend(right.iter().map(|id| ("option", id.to_string())));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = browser
        .post_form(&format!("/attempts/{attempt}/answers"), &fields)
        .await;

    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("/attempts/{attempt}?q=2")
    );
    let next = browser.get(&format!("/attempts/{attempt}?q=2")).await;
    assert_eq!(next.headers()["cache-control"], "no-store");
    assert!(
        next.text().await.expect("body").contains("cell--answered"),
        "the grid shows question 1 answered"
    );
}

/// Takes the whole exam with every answer right; returns the attempt.
async fn pass_exam(app: &TestApp, browser: &Browser, pin: &str) -> i32 {
    let attempt = start(browser, pin).await;
    for position in 1..=6 {
        let (_, _, right) = options(app, browser, attempt, position).await;
        assert_eq!(
            save_json(browser, attempt, position, &right, 1)
                .await
                .status()
                .as_u16(),
            200
        );
    }
    browser
        .post_form(&format!("/attempts/{attempt}/submit"), &[])
        .await;
    attempt
}

async fn certificates(app: &TestApp) -> Vec<ecitizen::db::models::certificate::Certificate> {
    app.db
        .read(|conn| {
            let mut all =
                ecitizen::db::models::certificate::Certificate::in_status(conn, "pending")?;
            all.extend(ecitizen::db::models::certificate::Certificate::in_status(
                conn, "issued",
            )?);
            all.extend(ecitizen::db::models::certificate::Certificate::in_status(
                conn, "revoked",
            )?);
            Ok::<_, DbError>(all)
        })
        .await
        .expect("certificates")
}

#[tokio::test]
async fn a_pass_becomes_a_certificate_that_anyone_can_verify_until_it_is_revoked() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let (winner, loser) = (&ready.trainees[0].2, &ready.trainees[1].2);
    let attempt = pass_exam(&app, winner, &pin).await;
    let failed = start(loser, &pin).await;
    loser
        .post_form(&format!("/attempts/{failed}/submit"), &[])
        .await;

    let pending = certificates(&app).await;
    assert_eq!(pending.len(), 1, "a failed attempt creates nothing");
    assert_eq!(
        (pending[0].attempt_id, pending[0].status.as_str()),
        (attempt, "pending")
    );
    // Finalizing again (a second submit, the sweeper) creates no second one.
    winner
        .post_form(&format!("/attempts/{attempt}/submit"), &[])
        .await;
    app.clock.advance(Duration::hours(2));
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("sweep");
    assert_eq!(certificates(&app).await.len(), 1);

    let (_, registrar) = signed_in(&app, "registrar").await;
    let queue = registrar.get_page("/registrar?lang=en").await.1;
    assert!(
        queue.contains("784-****") || queue.contains("Trainee"),
        "{queue}"
    );
    let id = pending[0].id.to_string();
    for (who, browser) in [("trainee", winner), ("trainer", &ready.trainer)] {
        assert_eq!(
            browser
                .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
                .await
                .status()
                .as_u16(),
            403,
            "{who}"
        );
    }
    assert_eq!(
        registrar
            .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
            .await
            .status()
            .as_u16(),
        303
    );
    let issued = &certificates(&app).await[0];
    let number = issued.number.clone().expect("numbered");
    assert!(
        number.starts_with("EC-2026-") && number.len() == 14,
        "{number}"
    );
    let code = issued.code.clone().expect("coded");

    let grouped = ecitizen::domain::certificate::VerificationCode::parse(&code)
        .expect("code")
        .grouped()
        .to_lowercase();
    let (status, page) = app.get_page(&format!("/verify/{grouped}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("This certificate is valid.") && page.contains(&number),
        "{page}"
    );
    assert!(!page.contains("784-"), "no Emirates ID on the public page");
    let json: serde_json::Value = app
        .get(&format!("/verify/{code}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (json["status"].as_str(), json["number"].as_str()),
        (Some("valid"), Some(number.as_str()))
    );

    let mine = winner.get_page("/me?lang=en").await.1;
    let link = mine
        .split("href=\"/me/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the certificate")
        .to_owned();
    let printable = winner.get_page(&format!("/me/certificates/{link}")).await.1;
    assert!(
        printable.contains("Certificate of Completion")
            && printable.contains("شهادة إتمام")
            && printable.contains(&number)
    );
    assert_eq!(
        loser
            .get(&format!("/me/certificates/{link}"))
            .await
            .status()
            .as_u16(),
        404,
        "another trainee's certificate"
    );

    assert_eq!(
        winner
            .post_form(
                &format!("/registrar/certificates/{id}/revoke"),
                &[("reason", "x")]
            )
            .await
            .status()
            .as_u16(),
        403
    );
    let revoked = registrar
        .post_form(
            &format!("/registrar/certificates/{id}/revoke"),
            &[("reason", "Identity fraud at the exam")],
        )
        .await;
    assert_eq!(revoked.status().as_u16(), 303);
    let page = app.get_page(&format!("/verify/{code}?lang=ar")).await.1;
    assert!(
        page.contains("أُلغيت هذه الشهادة") && page.contains("Identity fraud at the exam"),
        "{page}"
    );
    let json: serde_json::Value = app
        .get(&format!("/verify/{code}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json["status"], "revoked");
}

#[tokio::test]
async fn unknown_and_malformed_codes_are_not_found() {
    let app = spawn_app().await;
    for code in [
        "0000-0000-0000-0000-0000-0000-00",
        "not-a-code",
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    ] {
        let (status, page) = app.get_page(&format!("/verify/{code}?lang=en")).await;
        assert_eq!(status, 404, "{code}");
        assert!(page.contains("No certificate has this code."));
        assert_eq!(
            app.get(&format!("/verify/{code}.json"))
                .await
                .status()
                .as_u16(),
            404
        );
    }
}

#[tokio::test]
async fn twenty_certificates_issued_at_once_get_consecutive_numbers() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let attempt = pass_exam(&app, &ready.trainees[0].2, &pin).await;
    // Nineteen more pending certificates copied from the real one.
    let template = certificates(&app).await.remove(0);
    app.db
        .write(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::{attempts, certificates};
            for _ in 0..19 {
                let copy: i32 = diesel::insert_into(attempts::table)
                    .values((
                        attempts::sitting_id.eq(1),
                        attempts::enrollment_id.eq(ready_place(conn, attempt)?),
                        attempts::trainee_id.eq(template.trainee_id),
                        attempts::settings_id.eq(1),
                        attempts::started_at.eq(template.created_at),
                        attempts::deadline_at.eq(template.created_at),
                        attempts::status.eq("submitted"),
                    ))
                    .returning(attempts::id)
                    .get_result(conn)?;
                diesel::insert_into(certificates::table)
                    .values((
                        certificates::attempt_id.eq(copy),
                        certificates::trainee_id.eq(template.trainee_id),
                        certificates::cohort_id.eq(template.cohort_id),
                        certificates::status.eq("pending"),
                        certificates::holder_name_ar.eq(&template.holder_name_ar),
                        certificates::holder_name_en.eq(&template.holder_name_en),
                        certificates::course_name_ar.eq(&template.course_name_ar),
                        certificates::course_name_en.eq(&template.course_name_en),
                        certificates::score_percent.eq(100),
                        certificates::exam_date.eq(template.exam_date),
                        certificates::region_ar.eq(&template.region_ar),
                        certificates::region_en.eq(&template.region_en),
                        certificates::venue_ar.eq(&template.venue_ar),
                        certificates::venue_en.eq(&template.venue_en),
                        certificates::created_at.eq(template.created_at),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .expect("copies");
    let ids: Vec<i32> = certificates(&app).await.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 20);
    let mut registrars = Vec::new();
    for _ in 0..4 {
        registrars.push(signed_in(&app, "registrar").await.1);
    }

    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let (browser, id) = (registrars[n % 4].clone(), id.to_string());
            tokio::spawn(async move {
                browser
                    .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.expect("task"), 303);
    }

    let mut numbers: Vec<String> = certificates(&app)
        .await
        .iter()
        .filter_map(|c| c.number.clone())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(|n| format!("EC-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "distinct, consecutive, no gaps");
}

fn ready_place(conn: &mut ecitizen::db::DbConnection, attempt: i32) -> Result<i32, DbError> {
    Ok(Attempt::find(conn, attempt)?
        .expect("attempt")
        .enrollment_id)
}

#[tokio::test]
async fn the_qr_token_verifies_offline_and_a_changed_or_foreign_token_does_not() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let winner = &ready.trainees[0].2;
    pass_exam(&app, winner, &pin).await;
    let (_, registrar) = signed_in(&app, "registrar").await;
    let id = certificates(&app).await[0].id.to_string();
    registrar
        .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
        .await;
    let certificate = certificates(&app).await.remove(0);
    let code = certificate.code.clone().expect("code");

    let issuer =
        ecitizen::issuer::Issuer::load_or_create(&app.settings.data_dir).expect("the server's key");
    let token = issuer.sign(&ecitizen::certificates::facts(&certificate, &issuer.key_id));
    let mine = winner.get_page("/me").await.1;
    let link = mine
        .split("href=\"/me/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("link")
        .to_owned();
    let page = winner.get_page(&format!("/me/certificates/{link}")).await.1;
    assert!(
        page.contains("<svg") && page.contains("role=\"img\""),
        "a QR code drawn on the server"
    );

    let genuine = app
        .get_page(&format!("/verify/{code}?lang=en&t={token}"))
        .await
        .1;
    assert!(genuine.contains("signature is genuine"), "{genuine}");
    let mut changed = token.clone().into_bytes();
    changed[10] = if changed[10] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).expect("ascii");
    assert!(
        app.get_page(&format!("/verify/{code}?lang=en&t={changed}"))
            .await
            .1
            .contains("does not match")
    );
    let stranger = ecitizen::issuer::Issuer::from_seed([9; 32]);
    let forged = stranger.sign(&ecitizen::certificates::facts(&certificate, &issuer.key_id));
    assert!(
        app.get_page(&format!("/verify/{code}?lang=en&t={forged}"))
            .await
            .1
            .contains("does not match")
    );

    let keys: serde_json::Value = app
        .get("/.well-known/ecitizen-issuer.json")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(keys["keys"][0]["kid"], issuer.key_id.as_str());
    let keys_file = app.settings.data_dir.join("published-keys.json");
    std::fs::write(&keys_file, keys.to_string()).expect("saved");
    let run = |token: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecitizen"))
            .args([
                "--data-dir",
                "/nonexistent",
                "verify-token",
                token,
                "--keys",
            ])
            .arg(&keys_file)
            .output()
            .expect("runs")
    };
    let ok = run(&token);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        String::from_utf8_lossy(&ok.stdout)
            .contains(certificate.number.as_deref().expect("number"))
    );
    assert!(!run(&changed).status.success());
    assert!(!run(&forged).status.success());
}

#[tokio::test]
async fn a_burst_of_verification_requests_from_one_address_is_slowed_down() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    for n in 0..32 {
        statuses.push(app.get(&format!("/verify/{n:026}")).await.status().as_u16());
    }
    assert!(
        statuses[..30].iter().all(|status| *status == 404),
        "{statuses:?}"
    );
    let limited = app.get("/verify/00000000000000000000000000.json").await;
    assert_eq!(limited.status().as_u16(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    // Sign-ins from the same address are not affected.
    let person = crate::people::create_person(&app, "trainer", "t@example.ae", false).await;
    assert_eq!(
        app.browser()
            .sign_in(&person.login, &person.password)
            .await
            .status()
            .as_u16(),
        303
    );
}
