//! The exam comes at the end of the class: no sitting before the last
//! session (unless a registrar allows one), a sitting stops accepting its
//! PIN when its window closes, places end as completed or not completed,
//! and attempts count per trainee and course, across classes and moves, so
//! a trainee who failed retrains in another class and carries on.

use chrono::Duration;
use diesel::prelude::*;
use ecitizen::db::DbError;
use ecitizen::db::models::attendance::AttendanceMark;
use ecitizen::db::models::audit::{self, Filter};
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::cohort::Cohort;
use ecitizen::db::models::enrollment::Enrollment;
use ecitizen::db::models::exam::Attempt;

use crate::exam::{at, open_sitting, ready, spawn_app, start};
use crate::fixtures::{class, class_fields, date, venue};
use crate::helpers::TestApp;
use crate::people::{Browser, signed_in};
use ecitizen::domain::attendance::Mark;

/// Audit entries of one action.
async fn audited(app: &TestApp, action: &str) -> Vec<audit::AuditEntry> {
    let filter = Filter {
        action: Some(action.to_owned()),
        ..Filter::default()
    };
    app.db
        .read(move |conn| Ok::<_, DbError>(audit::list(conn, &filter, 100, 0)?))
        .await
        .expect("audit entries")
}

async fn place_status(app: &TestApp, place: i32) -> String {
    app.db
        .read(move |conn| {
            Ok::<_, DbError>(
                Enrollment::find(conn, place)?
                    .expect("place")
                    .status
                    .to_string(),
            )
        })
        .await
        .expect("place")
}

async fn attempts_of(app: &TestApp, trainee: i32) -> Vec<Attempt> {
    app.db
        .read(move |conn| Ok::<_, DbError>(Attempt::of_trainee(conn, trainee)?))
        .await
        .expect("attempts")
}

/// The trainer asks for a sitting open for `minutes` (an English page).
async fn open_with_window(ready: &crate::exam::Ready, minutes: &str) -> reqwest::Response {
    ready
        .trainer
        .post_form(
            &format!("/trainer/cohorts/{}/sittings?lang=en", ready.cohort),
            &[("window_minutes", minutes)],
        )
        .await
}

/// Submits an attempt with nothing answered: a fail.
async fn fail(browser: &Browser, attempt: i32) {
    let response = browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
}

/// A second class of the same trainer, 6–17 April 2026, open for
/// enrolment until it starts; `attended` trainees' places get every mark.
async fn later_class(app: &TestApp, first: i32) -> i32 {
    let trainer = app
        .db
        .read(move |conn| Ok::<_, DbError>(Cohort::find(conn, first)?.expect("class").trainer_id))
        .await
        .expect("trainer");
    let room = venue(app, "al-ain", "Al Ain Second Centre", 30).await;
    let mut fields = class_fields(room);
    fields.trainer_id = trainer;
    fields.start_date = date("2026-04-06");
    fields.enrol_closes = date("2026-04-05");
    class(app, fields).await
}

/// Marks every session of the trainee's newest place (in `cohort`)
/// present, as its trainer would.
async fn attend_newest_place(app: &TestApp, trainee: i32, cohort: i32) {
    let place = app
        .db
        .read(move |conn| Ok::<_, DbError>(Enrollment::of_trainee(conn, trainee)?[0].id))
        .await
        .expect("place");
    app.db
        .write(move |conn| {
            let by = Cohort::find(conn, cohort)?
                .and_then(|c| c.trainer_id)
                .expect("trainer");
            for session in ClassSession::of_cohort(conn, cohort)? {
                AttendanceMark::set(
                    conn,
                    session.id,
                    place,
                    Mark::Present,
                    by,
                    session.starts_at,
                )?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .expect("attendance");
}

#[tokio::test]
async fn no_sitting_before_the_last_session_unless_a_registrar_allows_one() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (trainee, browser) = (&ready.trainees[0].0, &ready.trainees[0].2);
    // Thursday afternoon of the second week: Friday's session is to come.
    app.clock.set(at("2026-03-19T10:00:00Z"));

    let page = ready
        .trainer
        .get_page(&format!("/trainer/cohorts/{}?lang=en", ready.cohort))
        .await
        .1;
    assert!(
        page.contains("can be opened once the class&#39;s last session has ended, on <bdi>2026-03-20 12:00</bdi>"),
        "{page}"
    );
    let refused = open_with_window(&ready, "75").await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("The class still has sessions to come")
    );
    assert!(audited(&app, "sitting.open").await.is_empty());
    // The trainee is on track, but not yet eligible.
    let me = browser.get_page("/me?lang=en").await.1;
    assert!(me.contains("The exam comes after the class"), "{me}");

    // A registrar allows one early sitting, with a reason (required).
    let (_, registrar) = signed_in(&app, "registrar").await;
    let path = format!("/registrar/cohorts/{}/early-sitting?lang=en", ready.cohort);
    let without = registrar.post_form(&path, &[("reason", " ")]).await;
    assert_eq!(without.status().as_u16(), 422);
    assert!(without.text().await.expect("body").contains("reason"));
    let allowed = registrar
        .post_form(&path, &[("reason", "Make-up exam before the holiday")])
        .await;
    assert_eq!(allowed.status().as_u16(), 303);
    let again = registrar.post_form(&path, &[("reason", "twice")]).await;
    assert_eq!(again.status().as_u16(), 422, "one permission at a time");
    assert_eq!(audited(&app, "sitting.allow_early").await.len(), 1);

    // The trainer opens it; the trainee, who attended every session so
    // far, may start; the permission is used up.
    let (sitting, pin) = open_sitting(&app, &ready).await;
    let opened = audited(&app, "sitting.open").await;
    assert_eq!(opened.len(), 1);
    assert!(opened[0].details.contains("early_permission"));
    let attempt = start(browser, &pin).await;
    assert_eq!(attempts_of(&app, *trainee).await[0].id, attempt);
    ready
        .trainer
        .post_form(&format!("/trainer/sittings/{sitting}/close"), &[])
        .await;
    let refused = ready
        .trainer
        .post_form(&format!("/trainer/cohorts/{}/sittings", ready.cohort), &[])
        .await;
    assert_eq!(
        refused.status().as_u16(),
        422,
        "a permission opens one sitting"
    );
}

#[tokio::test]
async fn a_sitting_stops_accepting_its_pin_when_its_window_closes() {
    let app = spawn_app().await;
    let ready = ready(&app, 3, &[2]).await;
    let opened = open_with_window(&ready, "5").await;
    assert_eq!(opened.status().as_u16(), 422, "below the shortest window");
    assert!(
        opened
            .text()
            .await
            .expect("body")
            .contains("from 10 to 480")
    );
    let opened = open_with_window(&ready, "20").await;
    assert_eq!(opened.status().as_u16(), 303);
    let board = opened.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let page = ready.trainer.get_page(&format!("{board}?lang=en")).await.1;
    let pin_at = page.find(r#"class="secret">"#).expect("the PIN") + 15;
    let pin = page[pin_at..pin_at + 6].to_owned();
    // The board lists the eligible trainees who have not started, and not
    // the one whose attendance is short.
    assert_eq!(page.matches("Not started").count(), 2, "{page}");
    assert!(page.contains("Accepts starts until"));

    let (first, second) = (&ready.trainees[0].2, &ready.trainees[1].2);
    let attempt = start(first, &pin).await;
    app.clock.advance(Duration::minutes(20));
    let late = second.post_form("/me/exam?lang=en", &[("pin", &pin)]).await;
    assert_eq!(late.status().as_u16(), 409);
    assert!(
        late.text()
            .await
            .expect("body")
            .contains("There is no exam sitting open for your class")
    );
    // The attempt already under way keeps its own deadline.
    let question = first.get(&format!("/attempts/{attempt}?q=1")).await;
    assert_eq!(question.status().as_u16(), 200);
    let page = ready.trainer.get_page(&format!("{board}?lang=en")).await.1;
    assert!(page.contains("This sitting is closed"), "{page}");
}

#[tokio::test]
async fn a_trainee_who_failed_retrains_in_another_class_with_the_attempts_carried_over() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[1]).await;
    let (trainee, place, browser) = &ready.trainees[0];
    let (_, absent_place, absent) = &ready.trainees[1];
    let second = later_class(&app, ready.cohort).await;

    let (_, pin) = open_sitting(&app, &ready).await;
    let attempt = start(browser, &pin).await;
    fail(browser, attempt).await;
    // The class has ended: each place is completed or not, by attendance.
    assert_eq!(place_status(&app, *place).await, "completed");
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("swept");
    assert_eq!(place_status(&app, *absent_place).await, "not_completed");
    assert_eq!(audited(&app, "enrollment.not_complete").await.len(), 1);
    let result = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=en"))
        .await
        .1;
    assert!(
        result.contains("The next attempt is possible from \u{2068}2026-03-26 09:")
            && result.contains("2\u{2069} attempts left (of \u{2068}3\u{2069})"),
        "{result}"
    );

    // Both may join another class on their own now.
    for who in [browser, absent] {
        let enrolled = who
            .post_form(&format!("/cohorts/{second}/enroll"), &[])
            .await;
        assert_eq!(enrolled.status().as_u16(), 303);
    }
    let me = browser.get_page("/me?lang=en").await.1;
    assert!(me.contains("attempts left (of"), "{me}");
    attend_newest_place(&app, *trainee, second).await;

    // The second class ends; its sitting counts the first attempt.
    app.clock.set(at("2026-04-20T05:00:00Z"));
    let second_ready = crate::exam::Ready {
        cohort: second,
        ..ready.without_trainees()
    };
    for n in 0..2 {
        let (_, pin) = open_sitting(&app, &second_ready).await;
        let attempt = start(browser, &pin).await;
        fail(browser, attempt).await;
        if n == 0 {
            app.clock.advance(Duration::hours(73));
        }
    }
    app.clock.advance(Duration::hours(73));
    let (_, pin) = open_sitting(&app, &second_ready).await;
    let refused = browser
        .post_form("/me/exam?lang=en", &[("pin", &pin)])
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("You have no attempts left")
    );
    let attempts = attempts_of(&app, *trainee).await;
    assert_eq!(
        attempts.len(),
        3,
        "one in the first class, two in the second"
    );
    assert_eq!(
        attempts
            .iter()
            .map(|a| a.enrollment_id)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        2
    );
}

#[tokio::test]
async fn a_registrar_move_does_not_reset_the_attempts() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (trainee, place, browser) = &ready.trainees[0];
    let second = later_class(&app, ready.cohort).await;
    // An early sitting in the first week of the class, then a move.
    app.clock.set(at("2026-03-13T10:00:00Z"));
    let (_, registrar) = signed_in(&app, "registrar").await;
    registrar
        .post_form(
            &format!("/registrar/cohorts/{}/early-sitting", ready.cohort),
            &[("reason", "Trainee travels next week")],
        )
        .await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let attempt = start(browser, &pin).await;
    fail(browser, attempt).await;
    let moved = registrar
        .post_form(
            &format!("/registrar/enrollments/{place}/move"),
            &[
                ("cohort_id", &second.to_string()),
                ("reason", "Retrains in April"),
            ],
        )
        .await;
    assert_eq!(moved.status().as_u16(), 303);
    let page = registrar
        .get_page(&format!("/registrar/trainees/{trainee}?lang=en"))
        .await
        .1;
    assert!(
        page.contains("The next attempt is possible from")
            && page.contains("2\u{2069} attempts left"),
        "the registrar sees the attempt carried over: {page}"
    );
    let me = browser.get_page("/me?lang=en").await.1;
    assert!(me.contains("2\u{2069} attempts left"), "{me}");
}

#[tokio::test]
async fn after_the_last_attempt_a_registrar_grants_a_new_series_once_the_trainee_has_retrained() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (trainee, _, browser) = &ready.trainees[0];
    let second = later_class(&app, ready.cohort).await;
    for n in 0..3 {
        let (_, pin) = open_sitting(&app, &ready).await;
        let attempt = start(browser, &pin).await;
        fail(browser, attempt).await;
        if n < 2 {
            app.clock.advance(Duration::hours(73));
        }
    }
    let (_, registrar) = signed_in(&app, "registrar").await;
    let page = registrar
        .get_page(&format!("/registrar/trainees/{trainee}?lang=en"))
        .await
        .1;
    assert!(
        page.contains("All \u{2068}3\u{2069} attempts are used"),
        "{page}"
    );
    let grant = format!("/registrar/trainees/{trainee}/attempt-grants?lang=en");
    let early = registrar
        .post_form(&grant, &[("reason", "Asked again")])
        .await;
    assert_eq!(early.status().as_u16(), 422);
    let body = early.text().await.expect("body");
    assert!(
        body.contains("once the trainee has completed a class")
            && body.contains(r#"value="Asked again""#),
        "refused beside the form, with the reason kept: {body}"
    );

    // The trainee retrains in April and completes the class.
    assert_eq!(
        browser
            .post_form(&format!("/cohorts/{second}/enroll"), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    attend_newest_place(&app, *trainee, second).await;
    app.clock.set(at("2026-04-20T05:00:00Z"));
    let granted = registrar
        .post_form(&grant, &[("reason", "Retrained in April")])
        .await;
    assert_eq!(granted.status().as_u16(), 303);
    assert_eq!(audited(&app, "attempt.grant").await.len(), 1);
    let second_ready = crate::exam::Ready {
        cohort: second,
        ..ready.without_trainees()
    };
    let (_, pin) = open_sitting(&app, &second_ready).await;
    start(browser, &pin).await;
    assert_eq!(attempts_of(&app, *trainee).await.len(), 4);
}

#[tokio::test]
async fn an_attempt_that_expires_while_its_page_loads_is_audited_once() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let browser = &ready.trainees[0].2;
    let (_, pin) = open_sitting(&app, &ready).await;
    let attempt = start(browser, &pin).await;
    app.clock.advance(Duration::minutes(46));
    // The page finds it past its deadline and grace, and finishes it.
    let response = browser.get(&format!("/attempts/{attempt}?q=1")).await;
    assert_eq!(response.status().as_u16(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .expect("ascii")
            .ends_with("/result")
    );
    let entries = audited(&app, "attempt.auto_submit").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, format!("attempt:{attempt}"));
    // The sweeper finds nothing more to do.
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("swept");
    assert_eq!(audited(&app, "attempt.auto_submit").await.len(), 1);
    let status: String = app
        .db
        .read(move |conn| {
            use ecitizen::db::schema::attempts;
            Ok::<_, DbError>(
                attempts::table
                    .find(attempt)
                    .select(attempts::status)
                    .first(conn)?,
            )
        })
        .await
        .expect("status");
    assert_eq!(status, "expired");
}

#[tokio::test]
async fn a_trainee_who_passed_is_told_what_comes_next_and_needs_no_other_class() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let browser = &ready.trainees[0].2;
    let second = later_class(&app, ready.cohort).await;
    let (sitting, pin) = open_sitting(&app, &ready).await;
    let attempt = start(browser, &pin).await;
    for position in 1..=6 {
        let right = crate::exam::right_options(&app, attempt, position).await;
        let saved = crate::exam::save_json(browser, attempt, position, &right, 1).await;
        assert_eq!(saved.status().as_u16(), 200);
    }
    browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    let result = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=ar"))
        .await
        .1;
    assert!(
        result.contains("الخطوة التالية")
            && result.contains("تم اجتياز الاختبار.")
            && result.contains("الشهادة: قيد الإعداد، ويصدرها المسجّل."),
        "{result}"
    );

    let refused = browser
        .post_form(&format!("/cohorts/{second}/enroll?lang=en"), &[])
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("You have passed this course")
    );
    let again = browser
        .post_form("/me/exam?lang=en", &[("pin", &pin)])
        .await;
    assert_eq!(again.status().as_u16(), 409);
    assert!(
        again
            .text()
            .await
            .expect("body")
            .contains("You have passed this exam already"),
        "sitting {sitting}"
    );
}

#[tokio::test]
async fn a_registrar_decision_after_the_class_ended_settles_the_place_again() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let place = ready.trainees[0].1;
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("swept");
    assert_eq!(place_status(&app, place).await, "completed");
    let (_, registrar) = signed_in(&app, "registrar").await;
    let decided = registrar
        .post_form(
            &format!("/registrar/enrollments/{place}/eligibility"),
            &[("eligible", "0"), ("reason", "Attendance sheet was forged")],
        )
        .await;
    assert_eq!(decided.status().as_u16(), 303);
    assert_eq!(place_status(&app, place).await, "not_completed");
    let entries = audited(&app, "enrollment.not_complete").await;
    assert_eq!(entries.len(), 1);
    assert!(entries[0].details.contains("\"was\":\"completed\""));
}
