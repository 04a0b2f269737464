//! Trainers mark attendance in their own sessions; trainees see where they
//! stand in plain words; registrars correct and decide, with reasons.

use chrono::{DateTime, Utc};
use ecitizen::db::DbError;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::enrollment::Enrollment;

use crate::fixtures::{class, class_fields, trainee, venue};
use crate::helpers::{TestApp, spawn_app_with};
use crate::people::{Browser, signed_in};

/// These tests move the clock across days; sessions are not what they test.
async fn spawn_app() -> TestApp {
    spawn_app_with(|settings| {
        settings.session_idle = chrono::Duration::days(60);
        settings.session_lifetime = chrono::Duration::days(60);
    })
    .await
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .expect("valid instant")
}

async fn sessions(app: &TestApp, cohort: i32) -> Vec<ClassSession> {
    app.db
        .read(move |conn| Ok::<_, DbError>(ClassSession::of_cohort(conn, cohort)?))
        .await
        .expect("sessions")
}

async fn place_of(app: &TestApp, trainee_id: i32) -> i32 {
    app.db
        .read(move |conn| Ok::<_, DbError>(Enrollment::of_trainee(conn, trainee_id)?[0].id))
        .await
        .expect("place")
}

/// A class with a trainer and `count` trainees enrolled.
async fn class_with_trainees(
    app: &TestApp,
    count: usize,
    session_count: i32,
) -> (i32, Browser, Vec<(i32, i32, Browser)>) {
    let room = venue(app, "al-ain", "Al Ain Centre", 30).await;
    let (trainer, trainer_browser) = signed_in(app, "trainer").await;
    let mut fields = class_fields(room);
    fields.trainer_id = Some(trainer.id);
    fields.session_count = session_count;
    let cohort = class(app, fields).await;
    let mut people = Vec::new();
    for n in 0..count {
        let (id, browser) = trainee(app, &format!("Learner {n} {cohort}"), "female").await;
        assert_eq!(
            browser
                .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
        people.push((id, place_of(app, id).await, browser));
    }
    (cohort, trainer_browser, people)
}

async fn audit_count(app: &TestApp, action: &'static str) -> i64 {
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::audit_log;
            Ok::<_, DbError>(
                audit_log::table
                    .filter(audit_log::action.eq(action))
                    .count()
                    .get_result(conn)?,
            )
        })
        .await
        .expect("count")
}

#[tokio::test]
async fn only_the_class_trainer_marks_its_sessions() {
    let app = spawn_app().await;
    let (cohort, _trainer, people) = class_with_trainees(&app, 1, 10).await;
    let first = sessions(&app, cohort).await[0].id;
    app.clock.set(at("2026-03-09T06:00:00Z"));
    let (_, other_trainer) = signed_in(&app, "trainer").await;

    assert_eq!(
        other_trainer
            .get(&format!("/trainer/sessions/{first}/attendance"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        other_trainer
            .get(&format!("/trainer/cohorts/{cohort}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let field = format!("status_{}", people[0].1);
    let refused = other_trainer
        .post_form(
            &format!("/trainer/sessions/{first}/attendance"),
            &[(&field, "absent")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 404);
    assert_eq!(
        people[0]
            .2
            .get(&format!("/trainer/sessions/{first}/attendance"))
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        people[0]
            .2
            .get(&format!("/trainer/cohorts/{cohort}"))
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(audit_count(&app, "attendance.mark").await, 0);
}

#[tokio::test]
async fn all_present_then_exceptions_and_saving_twice_is_harmless() {
    let app = spawn_app().await;
    let (cohort, trainer, people) = class_with_trainees(&app, 3, 10).await;
    let first = sessions(&app, cohort).await[0].id;
    app.clock.set(at("2026-03-09T06:00:00Z"));
    let path = format!("/trainer/sessions/{first}/attendance");

    let page = trainer.get_page(&format!("{path}?lang=en")).await.1;
    assert!(page.contains("Everyone present"));
    assert_eq!(
        trainer
            .post_form(&path, &[("all_present", "1")])
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(audit_count(&app, "attendance.mark").await, 3);

    let (late, absent) = (
        format!("status_{}", people[1].1),
        format!("status_{}", people[2].1),
    );
    let keep = format!("status_{}", people[0].1);
    let fields = [
        (keep.as_str(), "present"),
        (late.as_str(), "late"),
        (absent.as_str(), "absent"),
    ];
    assert_eq!(
        trainer.post_form(&path, &fields).await.status().as_u16(),
        303
    );
    assert_eq!(
        trainer.post_form(&path, &fields).await.status().as_u16(),
        303
    );
    assert_eq!(
        audit_count(&app, "attendance.mark").await,
        5,
        "two changes; the repeat changed nothing"
    );

    let bad = trainer
        .post_form(&path, &[(keep.as_str(), "sleeping")])
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let stranger = trainer
        .post_form(&path, &[("status_99999", "present")])
        .await;
    assert_eq!(stranger.status().as_u16(), 422);

    let grid = trainer
        .get_page(&format!("/trainer/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(
        grid.contains("mark--late") && grid.contains("mark--absent"),
        "{grid}"
    );
}

#[tokio::test]
async fn after_the_next_day_only_a_registrar_with_a_reason_may_correct() {
    let app = spawn_app().await;
    let (cohort, trainer, people) = class_with_trainees(&app, 1, 10).await;
    let first = sessions(&app, cohort).await[0].id;
    let field = format!("status_{}", people[0].1);
    let path = format!("/trainer/sessions/{first}/attendance");

    app.clock.set(at("2026-03-09T04:00:00Z"));
    assert_eq!(
        trainer
            .post_form(&path, &[(&field, "present")])
            .await
            .status()
            .as_u16(),
        403,
        "before it starts"
    );
    app.clock.set(at("2026-03-10T19:59:00Z"));
    assert_eq!(
        trainer
            .post_form(&path, &[(&field, "present")])
            .await
            .status()
            .as_u16(),
        303,
        "the next day, 23:59 local"
    );
    app.clock.set(at("2026-03-10T20:00:00Z"));
    let late = trainer
        .post_form(&format!("{path}?lang=en"), &[(&field, "absent")])
        .await;
    assert_eq!(late.status().as_u16(), 403);
    assert!(
        late.text()
            .await
            .expect("body")
            .contains("can no longer be changed by the trainer")
    );

    let (_, registrar) = signed_in(&app, "registrar").await;
    let registrar_path = format!("/registrar/sessions/{first}/attendance");
    assert_eq!(
        registrar
            .post_form(&registrar_path, &[(&field, "excused")])
            .await
            .status()
            .as_u16(),
        422,
        "a reason is required"
    );
    let corrected = registrar
        .post_form(
            &registrar_path,
            &[
                (&field, "excused"),
                ("reason", "Medical certificate received"),
            ],
        )
        .await;
    assert_eq!(corrected.status().as_u16(), 303);
    let (_, admin) = signed_in(&app, "admin").await;
    let audit = admin
        .get_page("/admin/audit?action=attendance.mark")
        .await
        .1;
    assert!(
        audit.contains("Medical certificate received") && audit.contains("excused"),
        "{audit}"
    );
}

#[tokio::test]
async fn the_dashboard_says_how_many_more_sessions_are_needed_in_both_languages() {
    let app = spawn_app().await;
    let cases = [
        (
            1,
            "بقيت جلسة واحدة يلزم حضورها قبل الاختبار.",
            "1 more session to attend before the exam.",
        ),
        (
            2,
            "بقيت جلستان يلزم حضورهما قبل الاختبار.",
            "\u{2068}2\u{2069} more sessions to attend before the exam.",
        ),
        (
            5,
            "بقيت \u{2068}4\u{2069} جلسات يلزم حضورها قبل الاختبار.",
            "\u{2068}4\u{2069} more sessions to attend before the exam.",
        ),
        (
            14,
            "بقيت \u{2068}12\u{2069} جلسة يلزم حضورها قبل الاختبار.",
            "\u{2068}12\u{2069} more sessions to attend before the exam.",
        ),
    ];
    for (session_count, arabic, english) in cases {
        let (_, _, people) = class_with_trainees(&app, 1, session_count).await;
        let browser = &people[0].2;
        assert!(
            browser.get_page("/me?lang=ar").await.1.contains(arabic),
            "{session_count} sessions in Arabic"
        );
        assert!(
            browser.get_page("/me?lang=en").await.1.contains(english),
            "{session_count} sessions in English"
        );
    }
}

#[tokio::test]
async fn low_attendance_is_flagged_and_an_override_is_audited() {
    let app = spawn_app().await;
    let (cohort, trainer, people) = class_with_trainees(&app, 2, 4).await;
    let all = sessions(&app, cohort).await;
    let (good, poor) = (
        format!("status_{}", people[0].1),
        format!("status_{}", people[1].1),
    );
    for session in &all[..2] {
        app.clock
            .set(session.starts_at.and_utc() + chrono::Duration::hours(1));
        let path = format!("/trainer/sessions/{}/attendance", session.id);
        trainer
            .post_form(
                &path,
                &[(good.as_str(), "present"), (poor.as_str(), "absent")],
            )
            .await;
    }
    app.clock
        .set(all[1].ends_at.and_utc() + chrono::Duration::hours(1));

    let dashboard = people[1].2.get_page("/me?lang=en").await.1;
    assert!(
        dashboard.contains("Your attendance is below \u{2068}80\u{2069}%"),
        "{dashboard}"
    );
    assert!(
        dashboard.contains("Too few sessions remain"),
        "2 of 4 missed: 80% is out of reach"
    );
    let grid = trainer
        .get_page(&format!("/trainer/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert_eq!(
        grid.matches("row--warning").count(),
        1,
        "the trainer sees the one trainee highlighted"
    );
    assert!(
        grid.contains("Too few sessions remain"),
        "the trainer reads the sentence the trainee reads"
    );

    let (_, registrar) = signed_in(&app, "registrar").await;
    let decided = registrar
        .post_form(
            &format!("/registrar/enrollments/{}/eligibility", people[1].1),
            &[("eligible", "1"), ("reason", "Hospital stay, documented")],
        )
        .await;
    assert_eq!(decided.status().as_u16(), 303);
    let dashboard = people[1].2.get_page("/me?lang=en").await.1;
    assert!(dashboard.contains("May sit the exam: a registrar&#39;s decision."));
    assert!(
        dashboard.contains("Hospital stay, documented"),
        "the reason is shown to the trainee, as its label says"
    );
    assert_eq!(audit_count(&app, "eligibility.override").await, 1);
}

#[tokio::test]
async fn an_admin_changes_the_threshold() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;

    assert_eq!(
        admin
            .post_form("/admin/settings", &[("attendance_threshold", "40")])
            .await
            .status()
            .as_u16(),
        422
    );
    assert_eq!(
        admin
            .post_form("/admin/settings", &[("attendance_threshold", "75")])
            .await
            .status()
            .as_u16(),
        303
    );

    let (_, _, people) = class_with_trainees(&app, 1, 4).await;
    assert!(
        people[0]
            .2
            .get_page("/me?lang=en")
            .await
            .1
            .contains("\u{2068}3\u{2069} more sessions to attend before the exam.")
    );
    assert_eq!(audit_count(&app, "settings.update").await, 1);
}

#[tokio::test]
async fn a_registrar_sets_an_accommodation_the_trainer_sees() {
    let app = spawn_app().await;
    let (cohort, trainer, people) = class_with_trainees(&app, 1, 10).await;
    let (_, registrar) = signed_in(&app, "registrar").await;
    let path = format!("/registrar/trainees/{}/accommodation", people[0].0);

    let refused = registrar
        .post_form(
            &path,
            &[("extra_percent", "150"), ("note", ""), ("reason", "x")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let saved = registrar
        .post_form(
            &path,
            &[
                ("extra_percent", "25"),
                ("note", "Low vision: large screen"),
                ("reason", "Medical report seen"),
            ],
        )
        .await;
    assert_eq!(saved.status().as_u16(), 303);

    let roster = trainer
        .get_page(&format!("/trainer/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(
        roster.contains("25\u{2069}% extra exam time")
            && roster.contains("Low vision: large screen"),
        "{roster}"
    );
    assert_eq!(audit_count(&app, "accommodation.set").await, 1);
}
