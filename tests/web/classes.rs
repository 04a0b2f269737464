//! Trainees find a class by region and period, take a seat or join the
//! wait-list, and the seats stay right however many ask at once.

use crate::fixtures::{class, class_fields, date, enrollment_rows, places, trainee, venue};
use crate::helpers::spawn_app;
use ecitizen::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage};

fn enroll_path(id: i32) -> String {
    format!("/cohorts/{id}/enroll")
}

#[tokio::test]
async fn fifty_trainees_enrol_at_once_into_twenty_seats() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Girls School", 25).await;
    let cohort = class(&app, class_fields(room)).await;
    let mut people = Vec::new();
    for n in 0..50 {
        people.push(trainee(&app, &format!("Trainee {n}"), "female").await);
    }
    let mut tokens = Vec::new();
    for (_, browser) in &people {
        tokens.push(browser.csrf_token().await);
    }

    let requests = people.iter().zip(&tokens).map(|((_, browser), token)| {
        let browser = browser.clone();
        let token = token.clone();
        async move {
            browser
                .post_raw(&enroll_path(cohort), &[("csrf_token", &token)])
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_join_all(requests).await;

    assert!(
        statuses.iter().all(|status| *status == 303),
        "every request answered with a redirect: {statuses:?}"
    );
    let (enrolled, waitlisted) = places(&app, cohort).await;
    assert_eq!(enrolled.len(), 20, "exactly the capacity");
    assert_eq!(waitlisted.len(), 30, "everyone else on the wait-list");
    let json: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    let record = json
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["id"] == cohort)
        .expect("listed");
    assert_eq!(record["seats_left"], 0);
    assert_eq!(record["waitlisted"], 30);
    assert_eq!(record["enrolled"], 20);

    // Later requests queue behind them, in the order they arrive.
    let late = vec![
        trainee(&app, "Late One", "male").await,
        trainee(&app, "Late Two", "male").await,
    ];
    for (_, browser) in &late {
        assert_eq!(
            browser
                .post_form(&enroll_path(cohort), &[])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    let (_, waitlisted) = places(&app, cohort).await;
    assert_eq!(&waitlisted[30..], &[late[0].0, late[1].0]);
    let page = late[1]
        .1
        .get_page(&format!("/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(
        page.contains("You are number \u{2068}32\u{2069} on the wait-list."),
        "{page}"
    );
}

/// Runs futures concurrently on the current runtime.
async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<u16> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("task finished"));
    }
    results
}

#[tokio::test]
async fn a_withdrawal_and_a_larger_capacity_give_seats_to_the_wait_list_in_order() {
    let app = spawn_app().await;
    let room = venue(&app, "abu-dhabi-city", "Capital Centre", 10).await;
    let cohort = class(
        &app,
        crate::fixtures::CohortFieldsExt::with_capacity(class_fields(room), 2),
    )
    .await;
    let mut people = Vec::new();
    for n in 0..5 {
        let person = trainee(&app, &format!("Person {n}"), "male").await;
        assert_eq!(
            person
                .1
                .post_form(&enroll_path(cohort), &[])
                .await
                .status()
                .as_u16(),
            303
        );
        people.push(person);
    }
    let ids: Vec<i32> = people.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        places(&app, cohort).await,
        (ids[..2].to_vec(), ids[2..].to_vec())
    );

    // The first enrolled person withdraws from their page.
    let dashboard = people[0].1.get_page("/me").await.1;
    let withdraw = dashboard
        .split("action=\"/me/enrollments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("a withdraw button")
        .to_owned();
    let response = people[0]
        .1
        .post_form(
            &format!("/me/enrollments/{withdraw}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        places(&app, cohort).await,
        (vec![ids[1], ids[2]], ids[3..].to_vec()),
        "the first on the wait-list got the seat"
    );
    let promoted = people[2].1.get_page("/me?lang=en").await.1;
    assert!(
        promoted.contains("Good news: a seat became free and it is yours."),
        "{promoted}"
    );
    let promotions = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::audit_log;
            Ok::<_, ecitizen::db::DbError>(
                audit_log::table
                    .filter(audit_log::action.eq("enrollment.promote"))
                    .select(audit_log::subject)
                    .load::<String>(conn)?,
            )
        })
        .await
        .expect("audit");
    assert_eq!(
        promotions.len(),
        1,
        "the promotion is audited with the withdrawal"
    );

    // Someone else cannot withdraw a place that is not theirs.
    let stranger = people[4]
        .1
        .post_form(
            &format!("/me/enrollments/{withdraw}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(stranger.status().as_u16(), 404);

    // The admin raises the capacity by two: the next two get seats.
    let (_, admin) = crate::people::signed_in(&app, "admin").await;
    let mut form = edit_form(&admin, cohort).await;
    set(&mut form, "capacity", "4");
    set(&mut form, "action", "save");
    let saved = admin
        .post_form(&format!("/admin/cohorts/{cohort}"), &as_pairs(&form))
        .await;
    assert_eq!(saved.status().as_u16(), 303);
    let (enrolled, waitlisted) = places(&app, cohort).await;
    assert_eq!(enrolled, vec![ids[1], ids[2], ids[3], ids[4]]);
    assert!(waitlisted.is_empty());
}

/// The fields of the edit form as the browser would submit them.
async fn edit_form(admin: &crate::people::Browser, cohort: i32) -> Vec<(String, String)> {
    let page = admin.get_page(&format!("/admin/cohorts/{cohort}")).await.1;
    let mut fields = Vec::new();
    for name in [
        "venue",
        "starts_time",
        "ends_time",
        "start_date",
        "session_count",
        "capacity",
        "enrol_opens",
        "enrol_closes",
    ] {
        let value = input_value(&page, name).unwrap_or_default();
        fields.push((name.to_owned(), value));
    }
    for (name, value) in [
        ("period", "morning"),
        ("teaching_language", "ar"),
        ("audience", "all"),
        ("status", "open"),
    ] {
        fields.push((name.to_owned(), value.to_owned()));
    }
    let venue = page
        .split("<option value=\"")
        .skip(1)
        .find(|option| option.contains("selected"))
        .and_then(|option| option.split('"').next())
        .unwrap_or_default();
    set(&mut fields, "venue", venue);
    for day in 1..=5 {
        fields.push((format!("weekday_{day}"), "on".to_owned()));
    }
    fields
}

fn input_value(page: &str, name: &str) -> Option<String> {
    let start = page.find(&format!(r#"name="{name}" type="#))?;
    let rest = &page[start..];
    let value_at = rest.find("value=\"")? + 7;
    Some(rest[value_at..value_at + rest[value_at..].find('"')?].to_owned())
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(field, _)| field != name);
    fields.push((name.to_owned(), value.to_owned()));
}

fn as_pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

#[tokio::test]
async fn each_refusal_has_its_message_in_both_languages_and_stores_nothing() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let first = class(&app, class_fields(room)).await;
    let mut evening = class_fields(room);
    evening.period = Period::Evening;
    evening.starts_time = chrono::NaiveTime::from_hms_opt(17, 0, 0).expect("time");
    evening.ends_time = chrono::NaiveTime::from_hms_opt(20, 0, 0).expect("time");
    let second = class(&app, evening).await;
    let mut women = class_fields(room);
    women.audience = Audience::Women;
    women.start_date = date("2026-04-06");
    let women_only = class(&app, women).await;
    let mut closed = class_fields(room);
    closed.enrol_closes = date("2026-02-20");
    let closed_class = class(&app, closed).await;

    let (_, man) = trainee(&app, "Hamad", "male").await;
    let (_, woman) = trainee(&app, "Noura", "female").await;
    assert_eq!(
        woman
            .post_form(&enroll_path(first), &[])
            .await
            .status()
            .as_u16(),
        303
    );
    let rows = enrollment_rows(&app).await;

    for (browser, cohort, arabic, english) in [
        (
            &woman,
            second,
            "لديك مكان في صف من هذا المساق",
            "You already have a place in a class of this course",
        ),
        (
            &man,
            women_only,
            "هذا الصف مخصص لفئة أخرى",
            "This class is reserved for another group",
        ),
        (
            &man,
            closed_class,
            "انتهت فترة التسجيل في هذا الصف",
            "Enrolment for this class is closed",
        ),
    ] {
        browser.get("/?lang=ar").await;
        let refused = browser.post_form(&enroll_path(cohort), &[]).await;
        assert_eq!(refused.status().as_u16(), 409);
        assert!(
            refused.text().await.expect("body").contains(arabic),
            "{arabic}"
        );
        browser.get("/?lang=en").await;
        let refused = browser.post_form(&enroll_path(cohort), &[]).await;
        assert!(
            refused.text().await.expect("body").contains(english),
            "{english}"
        );
    }
    assert_eq!(enrollment_rows(&app).await, rows, "nothing stored");
}

#[tokio::test]
async fn classes_of_another_course_may_not_overlap() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let ecitizen = class(&app, class_fields(room)).await;
    let other_course = app
        .db
        .write(|conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::courses;
            Ok::<i32, ecitizen::db::DbError>(
                diesel::insert_into(courses::table)
                    .values((
                        courses::code.eq("OFFICE"),
                        courses::name_ar.eq("المكتب"),
                        courses::name_en.eq("Office"),
                        courses::hours.eq(15),
                    ))
                    .returning(courses::id)
                    .get_result(conn)?,
            )
        })
        .await
        .expect("course");
    let mut clash = class_fields(room);
    clash.course_id = other_course;
    clash.starts_time = chrono::NaiveTime::from_hms_opt(11, 0, 0).expect("time");
    clash.ends_time = chrono::NaiveTime::from_hms_opt(13, 0, 0).expect("time");
    let clashing = class(&app, clash).await;
    let (_, person) = trainee(&app, "Mozah", "female").await;
    assert_eq!(
        person
            .post_form(&enroll_path(ecitizen), &[])
            .await
            .status()
            .as_u16(),
        303
    );

    person.get("/?lang=en").await;
    let refused = person.post_form(&enroll_path(clashing), &[]).await;

    assert_eq!(refused.status().as_u16(), 409);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("This class meets at the same time as another class of yours.")
    );
    person.get("/?lang=ar").await;
    let refused = person
        .post_form(&enroll_path(clashing), &[])
        .await
        .text()
        .await
        .expect("body");
    assert!(refused.contains("يتزامن هذا الصف مع صف آخر مسجّل فيه"));
}

#[tokio::test]
async fn the_catalogue_filters_return_exactly_the_matching_classes() {
    let app = spawn_app().await;
    let al_ain = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let zayed = venue(&app, "madinat-zayed", "Zayed Centre", 30).await;
    let capital = venue(&app, "abu-dhabi-city", "Capital Centre", 30).await;
    let a = class(&app, class_fields(al_ain)).await;
    let mut evening = class_fields(zayed);
    evening.period = Period::Evening;
    evening.teaching_language = TeachingLanguage::English;
    let b = class(&app, evening).await;
    let mut april = class_fields(capital);
    april.start_date = date("2026-04-06");
    let c = class(&app, april).await;
    let mut draft = class_fields(al_ain);
    draft.status = CohortStatus::Draft;
    class(&app, draft).await;

    let ids = |json: serde_json::Value| -> Vec<i64> {
        json.as_array()
            .expect("array")
            .iter()
            .map(|c| c["id"].as_i64().expect("id"))
            .collect()
    };
    for (query, expected) in [
        ("", vec![a, b, c]),
        ("?region=eastern", vec![a]),
        ("?region=western", vec![b]),
        ("?town=madinat-zayed", vec![b]),
        ("?period=evening", vec![b]),
        ("?period=morning", vec![a, c]),
        // `lang` is the page's language, never a filter, in open data too.
        ("?lang=en", vec![a, b, c]),
        ("?language=ar", vec![a, c]),
        ("?month=2026-04", vec![c]),
        ("?region=eastern&period=evening", vec![]),
        ("?region=atlantis", vec![]),
    ] {
        let json: serde_json::Value = app
            .get(&format!("/cohorts.json{query}"))
            .await
            .json()
            .await
            .expect("json");
        let expected: Vec<i64> = expected.into_iter().map(i64::from).collect();
        assert_eq!(ids(json), expected, "/cohorts.json{query}");
        let page = app.get_page(&format!("/cohorts{query}")).await.1;
        for id in [a, b, c] {
            let shown = page.contains(&format!(r#"data-cohort="{id}""#));
            let wanted = expected.contains(&i64::from(id));
            assert_eq!(shown, wanted, "/cohorts{query} shows class {id}?");
        }
    }
    let json: serde_json::Value = app
        .get("/cohorts.json?region=eastern")
        .await
        .json()
        .await
        .expect("json");
    let record = &json[0];
    for key in [
        "id",
        "region",
        "town",
        "venue",
        "period",
        "language",
        "audience",
        "starts_on",
        "ends_on",
        "capacity",
        "enrolled",
        "seats_left",
        "waitlisted",
    ] {
        assert!(record.get(key).is_some(), "open data has {key}");
    }
    assert_eq!(record["region"], "eastern");
    assert_eq!(record["starts_on"], "2026-03-09");
    assert_eq!(record["ends_on"], "2026-03-20");

    // Seats left follow enrolments and withdrawals.
    let (_, person) = trainee(&app, "Shamma", "female").await;
    person.post_form(&enroll_path(a), &[]).await;
    let json: serde_json::Value = app
        .get("/cohorts.json?region=eastern")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json[0]["seats_left"], 19);
    let page = person.get_page("/me").await.1;
    let withdraw = page
        .split("action=\"/me/enrollments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("withdraw")
        .to_owned();
    person
        .post_form(
            &format!("/me/enrollments/{withdraw}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    let json: serde_json::Value = app
        .get("/cohorts.json?region=eastern")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json[0]["seats_left"], 20);
}

#[tokio::test]
async fn a_registrar_moves_a_trainee_between_classes_and_it_is_audited() {
    let app = spawn_app().await;
    let room = venue(&app, "al-hayer", "Al Hayer Centre", 30).await;
    let from = class(&app, class_fields(room)).await;
    let mut later = class_fields(room);
    later.start_date = date("2026-04-06");
    let to = class(&app, later).await;
    let (trainee_id, person) = trainee(&app, "Alia", "female").await;
    person.post_form(&enroll_path(from), &[]).await;
    let (_, registrar) = crate::people::signed_in(&app, "registrar").await;
    let page = registrar
        .get_page(&format!("/registrar/trainees/{trainee_id}"))
        .await
        .1;
    let place = page
        .split("action=\"/registrar/enrollments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("a move form")
        .to_owned();

    let without_reason = registrar
        .post_form(
            &format!("/registrar/enrollments/{place}/move"),
            &[("cohort_id", &to.to_string()), ("reason", "")],
        )
        .await;
    assert_eq!(without_reason.status().as_u16(), 422);
    let moved = registrar
        .post_form(
            &format!("/registrar/enrollments/{place}/move"),
            &[
                ("cohort_id", &to.to_string()),
                ("reason", "Works evenings in March"),
            ],
        )
        .await;

    assert_eq!(moved.status().as_u16(), 303);
    assert_eq!(places(&app, from).await.0, Vec::<i32>::new());
    assert_eq!(places(&app, to).await.0, vec![trainee_id]);
    let (_, admin) = crate::people::signed_in(&app, "admin").await;
    let audit = admin
        .get_page("/admin/audit?action=enrollment.move")
        .await
        .1;
    assert!(audit.contains("Works evenings in March"), "{audit}");
}

#[tokio::test]
async fn a_registrar_enrols_a_walk_in_even_after_the_window_closes() {
    let app = spawn_app().await;
    let room = venue(&app, "al-wagan", "Al Wagan Centre", 30).await;
    let mut fields = class_fields(room);
    fields.enrol_closes = date("2026-02-20");
    let cohort = class(&app, fields).await;
    let (trainee_id, _) = trainee(&app, "Salama", "female").await;
    let (_, registrar) = crate::people::signed_in(&app, "registrar").await;

    let response = registrar
        .post_form(
            &format!("/registrar/trainees/{trainee_id}/enroll"),
            &[
                ("cohort_id", &cohort.to_string()),
                ("reason", "Walk-in at the family centre"),
            ],
        )
        .await;

    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(places(&app, cohort).await.0, vec![trainee_id]);
}

#[tokio::test]
async fn a_trainer_cancels_and_moves_future_sessions_and_trainees_see_why() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let (trainer, trainer_browser) = crate::people::signed_in(&app, "trainer").await;
    let mut fields = class_fields(room);
    fields.trainer_id = Some(trainer.id);
    let cohort = class(&app, fields).await;
    let (_, person) = trainee(&app, "Hessa", "female").await;
    person.post_form(&enroll_path(cohort), &[]).await;
    let page = trainer_browser.get_page("/trainer").await.1;
    let session_ids: Vec<String> = page
        .split("action=\"/trainer/sessions/")
        .skip(1)
        .filter_map(|rest| rest.split('/').next().map(str::to_owned))
        .collect();
    assert!(
        session_ids.len() >= 4,
        "cancel and move forms for future sessions"
    );

    let cancelled = trainer_browser
        .post_form(
            &format!("/trainer/sessions/{}/cancel", session_ids[0]),
            &[("reason", "Venue closed for maintenance")],
        )
        .await;
    assert_eq!(cancelled.status().as_u16(), 303);
    let moved = trainer_browser
        .post_form(
            &format!("/trainer/sessions/{}/move", session_ids[2]),
            &[
                ("date", "2026-03-14"),
                ("time", "10:00"),
                ("reason", "Trainer at a workshop"),
            ],
        )
        .await;
    assert_eq!(moved.status().as_u16(), 303);

    let class_page = person
        .get_page(&format!("/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(
        class_page.contains("Cancelled: Venue closed for maintenance"),
        "{class_page}"
    );
    assert!(class_page.contains("Moved: Trainer at a workshop"));
    assert!(class_page.contains("2026-03-14"));
    let dashboard = person.get_page("/me?lang=en").await.1;
    assert!(
        dashboard.contains("Venue closed for maintenance"),
        "the trainee's own page shows it"
    );

    // Another trainer cannot touch these sessions, nor a trainee.
    let (_, other) = crate::people::signed_in(&app, "trainer").await;
    let refused = other
        .post_form(
            &format!("/trainer/sessions/{}/cancel", session_ids[4]),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 404);
    let forbidden = person
        .post_form(
            &format!("/trainer/sessions/{}/cancel", session_ids[4]),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(forbidden.status().as_u16(), 403);
}

#[tokio::test]
async fn an_admin_sees_the_dates_before_saving_and_holidays_are_skipped() {
    let app = spawn_app().await;
    let room = venue(&app, "al-sila", "Al Sila Centre", 12).await;
    app.db
        .write(|conn| {
            use ecitizen::db::models::holiday::{Holiday, NewHoliday};
            Ok::<_, ecitizen::db::DbError>(Holiday::insert(
                conn,
                &NewHoliday {
                    day: date("2026-03-10"),
                    name_ar: "عطلة".into(),
                    name_en: "Holiday".into(),
                },
            )?)
        })
        .await
        .expect("holiday");
    let (_, admin) = crate::people::signed_in(&app, "admin").await;
    let room = room.to_string();
    let mut form: Vec<(&str, &str)> = vec![
        ("venue", &room),
        ("period", "morning"),
        ("starts_time", ""),
        ("ends_time", ""),
        ("teaching_language", "ar"),
        ("audience", "women"),
        ("start_date", "2026-03-09"),
        ("weekday_1", "on"),
        ("weekday_2", "on"),
        ("weekday_3", "on"),
        ("session_count", "4"),
        ("capacity", "12"),
        ("trainer", ""),
        ("enrol_opens", "2026-02-01"),
        ("enrol_closes", "2026-03-08"),
        ("status", "open"),
        ("action", "preview"),
    ];

    let preview = admin
        .post_form("/admin/cohorts?lang=en", &form)
        .await
        .text()
        .await
        .expect("body");
    assert!(
        preview.contains("This schedule gives \u{2068}4\u{2069} sessions"),
        "{preview}"
    );
    for day in ["2026-03-09", "2026-03-11", "2026-03-16", "2026-03-17"] {
        assert!(preview.contains(day), "{day} in the preview");
    }
    assert!(!preview.contains("2026-03-10"), "the holiday is skipped");
    assert_eq!(
        app.get("/cohorts.json")
            .await
            .json::<serde_json::Value>()
            .await
            .expect("json"),
        serde_json::json!([]),
        "nothing saved yet"
    );

    form.retain(|(name, _)| *name != "capacity");
    form.push(("capacity", "13"));
    let too_big = admin.post_form("/admin/cohorts?lang=en", &form).await;
    assert_eq!(too_big.status().as_u16(), 422);
    assert!(
        too_big
            .text()
            .await
            .expect("body")
            .contains(r#"id="capacity-error">The capacity must be between 1 and the venue"#)
    );

    form.retain(|(name, _)| !matches!(*name, "capacity" | "action"));
    form.push(("capacity", "12"));
    form.push(("action", "save"));
    let saved = admin.post_form("/admin/cohorts", &form).await;
    assert_eq!(saved.status().as_u16(), 303);
    let json: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    assert_eq!(json, serde_json::json!([]), "saved as a draft");
    let location = saved.headers()["location"].to_str().expect("location");
    let published = admin.post_form(&format!("{location}/publish"), &[]).await;
    assert_eq!(published.status().as_u16(), 303);
    let json: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    assert_eq!(json[0]["audience"], "women");
    assert_eq!(json[0]["ends_on"], "2026-03-17");
}

#[tokio::test]
async fn cancelling_a_class_tells_its_trainees_and_frees_them() {
    let app = spawn_app().await;
    let room = venue(&app, "ruwais", "Ruwais Centre", 30).await;
    let cohort = class(&app, class_fields(room)).await;
    let mut other = class_fields(room);
    other.start_date = date("2026-04-06");
    let other = class(&app, other).await;
    let (_, person) = trainee(&app, "Maryam", "female").await;
    person.post_form(&enroll_path(cohort), &[]).await;
    let (_, admin) = crate::people::signed_in(&app, "admin").await;

    let response = admin
        .post_form(
            &format!("/admin/cohorts/{cohort}/cancel"),
            &[("reason", "Too few trainers this month")],
        )
        .await;

    assert_eq!(response.status().as_u16(), 303);
    let page = person.get_page("/me?lang=en").await.1;
    assert!(page.contains("has been cancelled"), "{page}");
    assert!(page.contains("Too few trainers this month"));
    assert_eq!(
        person
            .post_form(&enroll_path(other), &[])
            .await
            .status()
            .as_u16(),
        303,
        "free to enrol elsewhere"
    );
    let listed: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    assert!(
        listed
            .as_array()
            .expect("array")
            .iter()
            .all(|c| c["id"] != cohort),
        "a cancelled class leaves the catalogue"
    );
}

#[tokio::test]
async fn the_calendar_file_lists_the_sessions_in_utc() {
    let app = spawn_app().await;
    let room = venue(&app, "ghayathi", "Ghayathi Centre", 30).await;
    let cohort = class(&app, class_fields(room)).await;
    let (_, person) = trainee(&app, "Latifa", "female").await;
    person.post_form(&enroll_path(cohort), &[]).await;
    let page = person.get_page("/me").await.1;
    let link = page
        .split("href=\"/me/enrollments/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("calendar link")
        .to_owned();

    let response = person.get(&format!("/me/enrollments/{link}")).await;

    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let ics = response.text().await.expect("body");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 10);
    assert!(
        ics.contains("DTSTART:20260309T050000Z"),
        "09:00 in Abu Dhabi is 05:00 UTC"
    );
    assert!(ics.contains("\r\n"));
    let (_, stranger) = trainee(&app, "Stranger", "male").await;
    assert_eq!(
        stranger
            .get(&format!("/me/enrollments/{link}"))
            .await
            .status()
            .as_u16(),
        404
    );
}
