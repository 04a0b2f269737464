//! The whole programme in a real browser, each person in their own: an
//! admin creates a class; a trainee registers and enrols; the trainer marks
//! attendance until she is eligible and opens a sitting; she takes the exam
//! with the page's script saving every answer, reloads mid-exam, loses the
//! connection for a moment, and submits; the registrar issues her
//! certificate; a visitor opens the address in its QR code and sees it is
//! valid. axe checks each page on the way.

use chrono::Duration;
use ecitizen::db::DbError;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::web::urls;

use super::browser::Chrome;
use super::steps::{
    arrives, checked_options, choose_right, countdown_seconds, on_question, save_state,
    save_state_text, saved, until, wait_saved,
};
use crate::helpers::TestApp;
use crate::people::{Person, create_person, emirates_id};

/// Sets form fields by name through the page (date and time inputs take
/// typed text in the browser's locale format, so they are set directly).
async fn set_fields(chrome: &Chrome, fields: &[(&str, String)]) {
    for (name, value) in fields {
        let set = chrome
            .eval(&format!(
                "const f = document.querySelector('[name={name}]'); \
                 if (!f) {{ return false; }} f.value = {}; return f.value === {0};",
                serde_json::Value::from(value.as_str())
            ))
            .await;
        assert_eq!(set, serde_json::json!(true), "field {name} = {value}");
    }
}

/// Chooses the first real option of a select.
async fn choose_first(chrome: &Chrome, name: &str) {
    let chosen = chrome
        .eval(&format!(
            "const s = document.querySelector('select[name={name}]'); \
             const o = [...s.options].find(o => o.value !== ''); s.value = o.value; return s.value;"
        ))
        .await;
    assert!(chosen.as_str().is_some_and(|v| !v.is_empty()), "{name}");
}

/// The number at the end of a path (`/admin/cohorts/7` → 7).
fn last_number(path: &str) -> i32 {
    path.split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path}"))
}

/// The admin creates a morning class of three sessions from Monday 9 March,
/// previewing its dates first, and publishes it; returns its id.
async fn admin_creates_a_class(app: &TestApp, admin: &Person, trainer: &Person) -> i32 {
    let room = crate::fixtures::venue(app, "al-ain", "Al Ain Centre", 30).await;
    let office = Chrome::start(app).await;
    office.sign_in_as(admin).await;
    office.open_in(urls::ADMIN_COHORT_NEW, "en").await;
    office.assert_accessible("new class").await;
    set_fields(
        &office,
        &[
            ("venue", room.to_string()),
            ("starts_time", "09:00".into()),
            ("ends_time", "12:00".into()),
            ("start_date", "2026-03-09".into()),
            ("session_count", "3".into()),
            ("capacity", "20".into()),
            ("trainer", trainer.id.to_string()),
            ("enrol_opens", "2026-03-02".into()),
            ("enrol_closes", "2026-03-08".into()),
        ],
    )
    .await;
    for choice in [
        "period][value=morning",
        "teaching_language][value=ar",
        "audience][value=all",
        "weekday_1",
        "weekday_2",
        "weekday_3",
        "weekday_4",
    ] {
        let css = format!("input[name={choice}]");
        if office.all(&format!("{css}:checked")).await.is_empty() {
            office.click(&css).await;
        }
    }
    office.click("button[name=action][value=preview]").await;
    office.wait_for(".preview li:nth-child(3)").await;
    office.assert_accessible("class preview").await;
    office.click("button[name=action][value=save]").await;
    let path = arrives(&office, "the class is saved", |path| {
        path.starts_with("/admin/cohorts/") && path != urls::ADMIN_COHORT_NEW
    })
    .await;
    let cohort = last_number(&path);
    // A new class is a draft: the admin publishes it before anyone enrols.
    office.wait_for("[data-publication=draft]").await;
    office.assert_accessible("draft class").await;
    office
        .click(&format!(
            "form[action='/admin/cohorts/{cohort}/publish'] button"
        ))
        .await;
    until("the class is published", || async {
        app.db
            .read(move |conn| {
                Ok::<_, DbError>(ecitizen::db::models::cohort::Cohort::find(conn, cohort)?)
            })
            .await
            .ok()
            .flatten()
            .is_some_and(|class| class.status.as_str() == "open")
    })
    .await;
    office.quit().await;
    cohort
}

/// Someone registers in Arabic and enrols in the class; returns the browser
/// (signed in) and her user id.
async fn trainee_registers_and_enrols(app: &TestApp, cohort: i32) -> (Chrome, i32) {
    let chrome = Chrome::start(app).await;
    chrome.open_in(urls::REGISTER, "ar").await;
    chrome.assert_accessible("registration").await;
    chrome.fill("full_name_ar", "مريم أحمد الكعبي").await;
    chrome.fill("full_name_en", "Mariam Ahmed Al Kaabi").await;
    chrome
        .fill("emirates_id", &emirates_id(1990, 4_242_424))
        .await;
    set_fields(&chrome, &[("date_of_birth", "1990-05-17".into())]).await;
    chrome.click("input[name=gender][value=female]").await;
    chrome.fill("mobile", "050 123 4567").await;
    chrome.fill("email", "mariam.kaabi@example.ae").await;
    for select in ["target_group", "town", "channel"] {
        choose_first(&chrome, select).await;
    }
    chrome.fill("password", "copper meadow violin 73").await;
    chrome
        .fill("password_confirm", "copper meadow violin 73")
        .await;
    chrome.click("main form button[type=submit]").await;
    arrives(&chrome, "registered", |path| {
        path.starts_with(urls::TRAINEE_HOME)
    })
    .await;
    chrome.assert_accessible("trainee dashboard").await;

    chrome.open(&urls::with_id(urls::COHORT, cohort)).await;
    chrome.assert_accessible("class page").await;
    chrome
        .click(&format!("form[action='/cohorts/{cohort}/enroll'] button"))
        .await;
    chrome.wait_for(".flash").await;
    let me = app
        .db
        .read(|conn| {
            Ok::<_, DbError>(
                ecitizen::db::models::user::User::by_login(
                    conn,
                    Some("mariam.kaabi@example.ae"),
                    None,
                )?
                .expect("registered")
                .id,
            )
        })
        .await
        .expect("user");
    let places = app
        .db
        .read(move |conn| {
            Ok::<_, DbError>(ecitizen::db::models::enrollment::Enrollment::of_trainee(
                conn, me,
            )?)
        })
        .await
        .expect("places");
    assert_eq!(
        (places.len(), places[0].cohort_id, places[0].status.as_str()),
        (1, cohort, "enrolled")
    );
    (chrome, me)
}

/// The trainer marks everyone present at each session, on its day, then
/// opens a sitting on exam day; returns the trainer's browser and the PIN.
async fn trainer_marks_attendance_and_opens_a_sitting(
    app: &TestApp,
    trainer: &Person,
    cohort: i32,
) -> (Chrome, String) {
    let sessions = app
        .db
        .read(move |conn| Ok::<_, DbError>(ClassSession::of_cohort(conn, cohort)?))
        .await
        .expect("sessions");
    assert_eq!(sessions.len(), 3);
    let chrome = Chrome::start(app).await;
    chrome.sign_in_as(trainer).await;
    for (n, session) in sessions.iter().enumerate() {
        app.clock
            .set(session.starts_at.and_utc() + Duration::hours(2));
        chrome
            .open_in(
                &urls::with_id(urls::TRAINER_SESSION_ATTENDANCE, session.id),
                "en",
            )
            .await;
        if n == 0 {
            chrome.assert_accessible("attendance").await;
        }
        chrome.click("button[name=all_present]").await;
        chrome.wait_for(".flash").await;
        let session_id = session.id;
        until("the marks are stored", || async {
            marks_of(app, session_id).await == 1
        })
        .await;
    }
    // Exam day: the Thursday after the last session.
    app.clock.set(crate::exam::at("2026-03-12T05:00:00Z"));
    chrome
        .open_in(&urls::with_id(urls::TRAINER_COHORT, cohort), "en")
        .await;
    chrome.assert_accessible("class roster").await;
    chrome.click("form[action$='/sittings'] button").await;
    arrives(&chrome, "the sitting's board", |path| {
        path.starts_with("/trainer/sittings/")
    })
    .await;
    chrome.assert_accessible("live board").await;
    let pin = chrome
        .eval("return document.querySelector('.secret').textContent.trim()")
        .await
        .as_str()
        .expect("the PIN")
        .to_owned();
    (chrome, pin)
}

/// How many attendance marks a session has.
async fn marks_of(app: &TestApp, session: i32) -> i64 {
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::attendance;
            Ok::<_, DbError>(
                attendance::table
                    .filter(attendance::session_id.eq(session))
                    .count()
                    .get_result::<i64>(conn)?,
            )
        })
        .await
        .expect("marks")
}

async fn network(chrome: &Chrome, offline: bool) {
    // DevTools' network emulation, as a person would use it to test.
    let tools = chrome.driver.cdp();
    tools
        .send_raw("Network.enable", ())
        .await
        .expect("network domain");
    tools
        .send_raw(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": offline,
                "latency": 0,
                "downloadThroughput": -1,
                "uploadThroughput": -1,
            }),
        )
        .await
        .expect("network conditions");
}

/// Answers the question on screen and moves on with the button `go`.
async fn answer_and_go(chrome: &Chrome, app: &TestApp, go: &str) {
    let (attempt, position) = on_question(chrome).await;
    let right = choose_right(chrome, app).await;
    wait_saved(chrome, app, attempt, position, &right).await;
    let from = chrome.current_path().await;
    chrome.click(&format!("button[name=go][value={go}]")).await;
    arrives(chrome, "the next page", |path| path != from).await;
}

/// The exam with the script on: autosave, a reload, a lost connection.
async fn trainee_takes_the_exam(app: &TestApp, chrome: &Chrome, pin: &str) -> i32 {
    chrome.open_in(urls::TRAINEE_EXAM, "ar").await;
    chrome.assert_accessible("exam start").await;
    chrome.fill("pin", pin).await;
    chrome.click("main form button[type=submit]").await;
    arrives(chrome, "the first question", |path| {
        path.starts_with("/attempts/")
    })
    .await;
    let (attempt, position) = on_question(chrome).await;
    assert_eq!(position, 1);
    chrome.assert_accessible("question (Arabic)").await;
    chrome.screenshot("exam-ar").await;
    // In Arabic the question grid starts on the right.
    let grid = chrome
        .eval(
            "const c = [...document.querySelectorAll('.question-grid a')]; \
             return c[0].getBoundingClientRect().left - c[1].getBoundingClientRect().left;",
        )
        .await;
    assert!(grid.as_f64().is_some_and(|d| d > 0.0), "grid: {grid}");

    // Choosing is saving: the script sends it at once.
    let right = choose_right(chrome, app).await;
    wait_saved(chrome, app, attempt, 1, &right).await;
    chrome.click("button[name=go][value=next]").await;
    arrives(chrome, "question 2", |path| path.contains("q=2")).await;
    let second = choose_right(chrome, app).await;
    wait_saved(chrome, app, attempt, 2, &second).await;

    // A reload mid-exam: the answer is still there and the server's clock
    // kept running (three minutes pass on it meanwhile).
    let before = countdown_seconds(chrome).await;
    app.clock.advance(Duration::minutes(3));
    chrome.driver.refresh().await.expect("reloaded");
    assert_eq!(checked_options(chrome).await, second);
    let after = countdown_seconds(chrome).await;
    assert!(
        (before - after - 180).abs() <= 5,
        "the countdown went from {before} s to {after} s"
    );
    chrome
        .open_in(&format!("/attempts/{attempt}?q=2"), "en")
        .await;
    chrome.screenshot("exam-en").await;
    chrome.set_language("ar").await;

    // Question 3 is answered while the connection is down: the page says
    // so, keeps the save, and sends it when the connection is back.
    chrome.click("button[name=go][value=next]").await;
    arrives(chrome, "question 3", |path| path.contains("q=3")).await;
    network(chrome, true).await;
    let third = choose_right(chrome, app).await;
    let offline = save_state_text(chrome, "offline").await;
    until("the page says it is offline", || async {
        save_state(chrome).await == offline
    })
    .await;
    assert!(
        chrome.all("#save-banner:not([hidden])").await.len() == 1,
        "a banner explains the answers are kept"
    );
    assert!(!saved(app, attempt).await.contains_key(&3));
    // Moving on while offline keeps her on the question, and says why.
    chrome.click("button[name=go][value=next]").await;
    let banner = chrome
        .eval("return document.getElementById('save-banner').textContent")
        .await;
    assert!(
        banner
            .as_str()
            .is_some_and(|text| text.contains("غير متصل")),
        "{banner}"
    );
    assert!(chrome.current_path().await.contains("q=3"));
    network(chrome, false).await;
    wait_saved(chrome, app, attempt, 3, &third).await;
    assert!(chrome.all("#save-banner:not([hidden])").await.is_empty());
    chrome.click("button[name=go][value=next]").await;
    arrives(chrome, "question 4", |path| path.contains("q=4")).await;

    answer_and_go(chrome, app, "next").await;
    answer_and_go(chrome, app, "next").await;
    answer_and_go(chrome, app, "review").await;
    let path = chrome.current_path().await;
    assert!(
        path.starts_with(&format!("/attempts/{attempt}/review")),
        "{path}"
    );
    chrome.assert_accessible("review").await;
    chrome.click("main form button[type=submit]").await;
    arrives(chrome, "the result", |path| path.ends_with("/result")).await;
    chrome.assert_accessible("result").await;
    assert_eq!(
        chrome
            .eval("return document.querySelector('.result-panel--pass') !== null")
            .await,
        serde_json::json!(true)
    );
    assert_eq!(saved(app, attempt).await.len(), 6);
    attempt
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn from_a_new_class_to_a_certificate_that_a_visitor_verifies() {
    super::require_tools();
    let app = crate::exam::spawn_app().await;
    crate::exam::small_bank(&app).await;
    let admin = create_person(&app, "admin", "admin@example.ae", false).await;
    let trainer = create_person(&app, "trainer", "trainer@example.ae", false).await;
    let registrar = create_person(&app, "registrar", "registrar@example.ae", false).await;

    let cohort = admin_creates_a_class(&app, &admin, &trainer).await;
    let (trainee, _) = trainee_registers_and_enrols(&app, cohort).await;
    let (board, pin) = trainer_marks_attendance_and_opens_a_sitting(&app, &trainer, cohort).await;
    trainee_takes_the_exam(&app, &trainee, &pin).await;
    board.quit().await;

    let office = Chrome::start(&app).await;
    office.sign_in_as(&registrar).await;
    office.open_in(urls::REGISTRAR_HOME, "en").await;
    office.assert_accessible("registrar queue").await;
    // Nothing is ticked at first: the registrar chooses whom to issue.
    office.click("input[name='certificate_id']").await;
    office
        .click("form[action='/registrar/certificates/issue'] button[type=submit]")
        .await;
    office.wait_for(".flash").await;
    until("the certificate is issued", || async {
        app.db
            .read(|conn| {
                Ok::<_, DbError>(
                    ecitizen::db::models::certificate::Certificate::in_status(
                        conn,
                        ecitizen::domain::certificate::CertificateStatus::Issued,
                    )?
                    .len(),
                )
            })
            .await
            .expect("certificates")
            == 1
    })
    .await;
    office.quit().await;

    trainee.open(urls::TRAINEE_HOME).await;
    trainee.click("a[href^='/me/certificates/']").await;
    arrives(&trainee, "the certificate", |path| {
        path.starts_with("/me/certificates/")
    })
    .await;
    trainee.assert_accessible("certificate").await;
    let page = trainee.driver.source().await.expect("page source");
    let scanned = crate::certificates::signatures::decode_qr(&page);
    assert!(
        scanned.starts_with(&format!("{}/verify/", app.address)),
        "{scanned}"
    );
    trainee.quit().await;

    let visitor = Chrome::start(&app).await;
    visitor.driver.goto(&scanned).await.expect("opened");
    visitor.assert_accessible("verification").await;
    let verdict = visitor
        .eval(
            "return document.querySelector('.verdict').className + ' | ' + document.body.innerText",
        )
        .await;
    let verdict = verdict.as_str().unwrap_or_default();
    assert!(verdict.contains("verdict--valid"), "{verdict}");
    assert!(verdict.contains("مريم أحمد الكعبي"), "{verdict}");
    assert!(
        verdict.contains("توقيع رمز الاستجابة السريعة أصلي"),
        "{verdict}"
    );
    visitor.quit().await;
}
