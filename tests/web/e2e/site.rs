//! A site with something on every page: the demo data (`ecitizen::demo`)
//! seeded on a Thursday, so the class under way has held sessions with
//! attendance and an open sitting, plus an exam in progress, a finished
//! one and a certificate waiting for the registrar.

use chrono::{DateTime, Utc};
use ecitizen::db::DbError;
use ecitizen::db::models::certificate::Certificate;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::exam::{Attempt, ExamSettings, Finish, Sitting};
use ecitizen::db::models::user::User;

use crate::helpers::{TestApp, spawn_app};

/// Someone who signs in (from the demo's printed logins).
#[derive(Clone, Debug)]
pub struct Login {
    pub login: String,
    pub password: String,
}

/// The demo site and the ids its pages need.
pub struct DemoSite {
    pub app: TestApp,
    pub admin: Login,
    pub registrar: Login,
    /// Khalid, who teaches the class under way.
    pub trainer: Login,
    /// Mariam: in the class under way, with an exam attempt in progress.
    pub examinee: Login,
    /// Khalifa: graduated, with an issued certificate.
    pub graduate: Login,
    /// The class under way (sessions held, attendance, an open sitting).
    pub exam_class: i32,
    /// A session of it already held.
    pub held_session: i32,
    pub open_sitting: i32,
    pub examinee_id: i32,
    pub attempt_in_progress: i32,
    pub graduate_attempt: i32,
    pub graduate_certificate: i32,
    /// Verification codes: issued, revoked.
    pub valid_code: String,
    pub revoked_code: String,
    pub venue: i32,
    pub question: i32,
}

/// Thursday 5 March 2026, 13:00 in Abu Dhabi: the class under way (started
/// Monday) has held four morning sessions.
pub fn thursday_afternoon() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-05T09:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .expect("valid instant")
}

/// Starts an app and fills it (see the module's comment).
pub async fn demo_site() -> DemoSite {
    let app = spawn_app().await;
    app.clock.set(thursday_afternoon());
    let facts = ecitizen::demo::seed(&app.db, &app.settings)
        .await
        .expect("demo data seeded");
    let login = |role: &str, starts: &str| -> Login {
        facts
            .iter()
            .filter_map(|line| line.strip_prefix("demo login: "))
            .map(|line| line.split(' ').collect::<Vec<_>>())
            .find(|parts| parts[0] == role && parts[1].starts_with(starts))
            .map(|parts| Login {
                login: parts[1].to_owned(),
                password: parts[2].to_owned(),
            })
            .unwrap_or_else(|| panic!("the demo has a {role} {starts}"))
    };
    let code_after = |prefix: &str| -> String {
        facts
            .iter()
            .find_map(|line| line.strip_prefix(prefix))
            .and_then(|url| url.rsplit('/').next())
            .unwrap_or_else(|| panic!("the demo prints {prefix}"))
            .to_owned()
    };
    let (exam_class, pin) = facts
        .iter()
        .find_map(|line| line.strip_prefix("demo sitting: cohort "))
        .and_then(|rest| rest.split_once(" pin "))
        .map(|(id, pin)| (id.parse::<i32>().expect("class id"), pin.to_owned()))
        .expect("the demo opens a sitting");
    let examinee = login("trainee", "784-1985-");
    let graduate = login("trainee", "784-1981-");

    let examinee_id = user_id(&app, "mariam@ecitizen.demo").await;
    let attempt_in_progress = start_exam(&app, examinee_id, &pin).await;
    let mouza = user_id(&app, "mouza@ecitizen.demo").await;
    pass_a_resit(&app, mouza).await;

    let khalifa = user_id(&app, "khalifa@ecitizen.demo").await;
    let now = app.clock.now();
    let ids = app
        .db
        .read(move |conn| {
            let held_session = ClassSession::of_cohort(conn, exam_class)?
                .into_iter()
                .find(|session| session.ends_at <= now.naive_utc())
                .expect("a session held")
                .id;
            let open_sitting = Sitting::open_for(conn, exam_class, now.naive_utc())?
                .expect("an open sitting")
                .id;
            let graduate_attempt = Attempt::of_trainee(conn, khalifa)?[0].id;
            let graduate_certificate = Certificate::of_trainee(conn, khalifa)?[0].id;
            let venue = ecitizen::db::models::venue::Venue::all(conn)?[0].id;
            let question = ecitizen::db::models::question::Question::all(conn)?[0].id;
            Ok::<_, DbError>((
                held_session,
                open_sitting,
                graduate_attempt,
                graduate_certificate,
                venue,
                question,
            ))
        })
        .await
        .expect("ids read");
    DemoSite {
        admin: login("admin", ""),
        registrar: login("registrar", ""),
        trainer: login("trainer", "trainer.alain"),
        examinee,
        graduate,
        exam_class,
        held_session: ids.0,
        open_sitting: ids.1,
        examinee_id,
        attempt_in_progress,
        graduate_attempt: ids.2,
        graduate_certificate: ids.3,
        valid_code: code_after("demo certificate: "),
        revoked_code: code_after("demo revoked certificate: "),
        venue: ids.4,
        question: ids.5,
        app,
    }
}

async fn user_id(app: &TestApp, email: &'static str) -> i32 {
    app.db
        .read(move |conn| {
            Ok::<_, DbError>(
                User::search(conn, "", None, 1000, 0)?
                    .into_iter()
                    .find(|user| user.email.as_deref() == Some(email))
                    .unwrap_or_else(|| panic!("{email} exists"))
                    .id,
            )
        })
        .await
        .expect("user found")
}

/// Starts the exam as the trainee would, with the sitting's PIN.
async fn start_exam(app: &TestApp, trainee_id: i32, pin: &str) -> i32 {
    let browser = app.browser();
    browser.adopt_session(app, trainee_id).await;
    let response = browser.post_form("/me/exam", &[("pin", pin)]).await;
    assert_eq!(response.status().as_u16(), 303, "the exam starts");
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    location
        .trim_start_matches("/attempts/")
        .parse()
        .unwrap_or_else(|_| panic!("an attempt's address, got {location}"))
}

/// A graduate whose certificate was revoked sits the exam again and passes:
/// a certificate waits for the registrar.
async fn pass_a_resit(app: &TestApp, trainee_id: i32) {
    let now = app.clock.now();
    app.db
        .write(move |conn| {
            let first = Attempt::of_trainee(conn, trainee_id)?[0].clone();
            let settings = ExamSettings::current(conn)?;
            let started = now.naive_utc() - chrono::Duration::hours(2);
            let deadline =
                started + chrono::Duration::minutes(i64::from(settings.duration_minutes));
            let id = Attempt::insert(
                conn,
                first.sitting_id,
                first.enrollment_id,
                trainee_id,
                settings.id,
                started,
                deadline,
                0,
            )?;
            let finish = Finish {
                status: ecitizen::domain::exam::AttemptStatus::Submitted,
                reason: None,
                score: 92,
                passed: true,
                blocks: [Some(92), Some(92), Some(92)],
            };
            Attempt::finish(conn, id, &finish, deadline)?;
            let attempt = Attempt::find(conn, id)?.expect("the attempt");
            ecitizen::ops::certificates::create_pending(conn, &attempt, 92, now)?;
            Ok::<_, DbError>(())
        })
        .await
        .expect("a pending certificate");
}
