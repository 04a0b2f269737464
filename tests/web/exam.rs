//! The timed, supervised exam: a trainer opens a sitting, an eligible
//! trainee starts with the PIN, answers (every save committed, stale and
//! late saves refused), submits or runs out of time, and sees the result —
//! and nothing sent to the browser ever says which options are correct.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use ecitizen::db::DbError;
use ecitizen::db::models::attendance::AttendanceMark;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::exam::{Answer, Attempt, AttemptQuestion, ExamSettings, NewExamSettings};
use ecitizen::db::models::question::{NewQuestion, Question, QuestionOption};

use crate::fixtures::{class, class_fields, trainee, venue};
use crate::helpers::{TestApp, spawn_app_with};
use crate::people::{Browser, hidden_value, signed_in};
use ecitizen::domain::attendance::Mark;

pub(crate) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .expect("valid instant")
}

/// The class ends on 20 March; the exam is the Monday after.
pub(crate) const EXAM_DAY: &str = "2026-03-23T05:00:00Z";

pub(crate) async fn spawn_app() -> TestApp {
    spawn_app_customized(|_| {}).await
}

/// An app whose sessions outlast the class and exam days the tests move
/// through, with a chance to change other settings first.
pub(crate) async fn spawn_app_customized(
    customize: impl FnOnce(&mut ecitizen::config::Settings),
) -> TestApp {
    spawn_app_with(|settings| {
        settings.session_idle = Duration::days(60);
        settings.session_lifetime = Duration::days(60);
        customize(settings);
    })
    .await
}

/// A small bank: per block one single-answer question (Alpha right) and one
/// multiple-answer question (Alpha and Beta right); the blueprint draws 2/2/2.
pub(crate) async fn small_bank(app: &TestApp) {
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

pub(crate) struct Ready {
    pub(crate) cohort: i32,
    pub(crate) trainer: Browser,
    /// (user id, enrollment id, browser)
    pub(crate) trainees: Vec<(i32, i32, Browser)>,
}

impl Ready {
    /// The same trainer, for another of their classes.
    pub(crate) fn without_trainees(&self) -> Ready {
        Ready {
            cohort: self.cohort,
            trainer: self.trainer.clone(),
            trainees: Vec::new(),
        }
    }
}

/// A finished class with a trainer and `count` trainees who attended every
/// session (or none, for the trainees listed in `absent`), on exam day.
pub(crate) async fn ready(app: &TestApp, count: usize, absent: &[usize]) -> Ready {
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
            Mark::Absent
        } else {
            Mark::Present
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
pub(crate) async fn open_sitting(app: &TestApp, ready: &Ready) -> (i32, String) {
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
/// One trainee ready on exam day who has started: the class, the
/// attempt, the options question 1 shows, and the trainee's CSRF token
/// (the browser is `ready.trainees[0].2`).
pub(crate) async fn one_started(app: &TestApp) -> (Ready, i32, Vec<i32>, String) {
    let ready = ready(app, 1, &[]).await;
    let (_, pin) = open_sitting(app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    let (_, shown, _) = options(app, browser, attempt, 1).await;
    let token = browser.csrf_token().await;
    (ready, attempt, shown, token)
}

pub(crate) async fn start(browser: &Browser, pin: &str) -> i32 {
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

/// The option values shown for question `position` (in the order shown),
/// and which of them are right (looked up in the database through the
/// attempt's stored order, never in the page).
pub(crate) async fn options(
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
    let right = right_options(app, attempt, position).await;
    (page, shown, right)
}

/// The drawn question at `position` of an attempt.
async fn drawn_at(app: &TestApp, attempt: i32, position: i32) -> AttemptQuestion {
    app.db
        .read(move |conn| {
            Ok::<_, DbError>(
                AttemptQuestion::of_attempt(conn, attempt)?
                    .into_iter()
                    .find(|q| q.position == position)
                    .expect("a question at that position"),
            )
        })
        .await
        .expect("drawn question")
}

/// The form values (1-based places in the attempt's order) of the right
/// options of question `position`, ascending, from the database.
pub(crate) async fn right_options(app: &TestApp, attempt: i32, position: i32) -> Vec<i32> {
    let drawn = drawn_at(app, attempt, position).await;
    let question = drawn.question_id;
    let right = app
        .db
        .read(move |conn| {
            Ok::<_, DbError>(
                QuestionOption::of_questions(conn, &[question])?
                    .into_iter()
                    .filter(|option| option.correct)
                    .map(|option| option.id)
                    .collect::<Vec<i32>>(),
            )
        })
        .await
        .expect("right options");
    drawn.positions_of(&right)
}

/// What the database holds for an attempt: question position → the form
/// values of the chosen options, ascending.
pub(crate) async fn saved_values(app: &TestApp, attempt: i32) -> BTreeMap<i32, Vec<i32>> {
    app.db
        .read(move |conn| {
            let drawn: HashMap<i32, AttemptQuestion> = AttemptQuestion::of_attempt(conn, attempt)?
                .into_iter()
                .map(|q| (q.question_id, q))
                .collect();
            Ok::<_, DbError>(
                Answer::of_attempt(conn, attempt)?
                    .into_iter()
                    .filter_map(|answer| {
                        let question = drawn.get(&answer.question_id)?;
                        Some((
                            question.position,
                            question.positions_of(&answer.selected_ids()),
                        ))
                    })
                    .collect(),
            )
        })
        .await
        .expect("saved answers")
}

pub(crate) async fn save_json(
    browser: &Browser,
    attempt: i32,
    position: i32,
    chosen: &[i32],
    seq: i64,
) -> reqwest::Response {
    let token = browser.csrf_token().await;
    save_json_with(browser, &token, attempt, position, chosen, seq).await
}

/// [`save_json`] with a CSRF token already at hand (one request, not two).
pub(crate) async fn save_json_with(
    browser: &Browser,
    token: &str,
    attempt: i32,
    position: i32,
    chosen: &[i32],
    seq: i64,
) -> reqwest::Response {
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

pub(crate) async fn attempt_row(app: &TestApp, id: i32) -> Attempt {
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
        let (page, shown, right) = options(&app, browser, attempt, position).await;
        // The values are the options' places on this page, 1 to n: they say
        // nothing about which is right, nor which question they belong to.
        let n = drawn_at(&app, attempt, position).await.option_ids().len();
        assert!(n >= 2, "question {position} has options");
        let places: Vec<i32> = (1..=i32::try_from(n).expect("a few")).collect();
        assert_eq!(shown, places, "question {position}");
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
        let mut keys: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["remaining_seconds", "saved", "seq", "stale"],
            "the reply echoes no option"
        );
        assert_eq!(json["remaining_seconds"], 45 * 60);
        bodies.push(json.to_string());
    }
    let review = browser
        .get_page(&format!("/attempts/{attempt}/review?lang=en"))
        .await
        .1;
    assert!(review.contains("You have answered every question."));
    let submitted = browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
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
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![shown[0]]),
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
    assert_eq!(row.status.as_str(), "expired");
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
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![shown[1]]),
        "the older save did not overwrite the newer"
    );
    let same: serde_json::Value = save_json(browser, attempt, 1, &[shown[0]], 5)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(same["stale"], true, "a save sent again with the same seq");
    assert_eq!(
        saved_values(&app, attempt).await.get(&1),
        Some(&vec![shown[1]]),
        "the same seq did not overwrite what it had stored"
    );

    let past_the_end = i32::try_from(shown.len()).expect("a few") + 1;
    for outside in [0, past_the_end, 999_999] {
        assert_eq!(
            save_json(browser, attempt, 1, &[outside], 6)
                .await
                .status()
                .as_u16(),
            400,
            "{outside} is not a place of the question's options"
        );
    }
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
                .post_form(
                    &format!("/attempts/{attempt}/submit"),
                    &[("confirm", "yes")],
                )
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
        "There is no exam sitting open for your class",
    )
    .await;
    let (_, pin) = open_sitting(&app, &ready).await;
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
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    refused(
        eligible,
        &pin,
        "يمكنك إعادة الاختبار بعد انقضاء مدة الانتظار",
        "You may try the exam again once the waiting time",
    )
    .await;
    // Each re-sit is at a new sitting: the first one's window has closed.
    for _ in 0..2 {
        app.clock.advance(Duration::hours(73));
        let (_, pin) = open_sitting(&app, &ready).await;
        let attempt = start(eligible, &pin).await;
        eligible
            .post_form(
                &format!("/attempts/{attempt}/submit"),
                &[("confirm", "yes")],
            )
            .await;
    }
    app.clock.advance(Duration::hours(73));
    let (sitting, pin) = open_sitting(&app, &ready).await;
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
        "There is no exam sitting open for your class",
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
                ("confirm", "yes"),
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
