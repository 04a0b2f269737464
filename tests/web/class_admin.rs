//! An admin makes and edits classes through the class form: a new class is
//! a draft until it is published; the period brings its usual hours; a
//! class may not meet at the same time as another at its venue or of its
//! trainer; and editing keeps what the trainer changed and what happened.

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use ecitizen::db::DbError;
use ecitizen::db::models::class_session::ClassSession;
use ecitizen::db::models::cohort::Cohort;

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

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}

/// What the class form on `page` submits as it stands: its inputs (radios
/// and boxes only when checked) and the selected option of each select.
fn form_fields(page: &str) -> Vec<(String, String)> {
    let start = page
        .find(r#"class="form" novalidate>"#)
        .expect("the class form");
    let form = &page[start..start + page[start..].find("</form>").expect("form end")];
    let mut fields = Vec::new();
    for chunk in form.split("<input ").skip(1) {
        let tag = format!(" {}", &chunk[..chunk.find('>').unwrap_or(chunk.len())]);
        let (Some(name), kind) = (attr(&tag, "name"), attr(&tag, "type")) else {
            continue;
        };
        let choice = matches!(kind.as_deref(), Some("radio" | "checkbox"));
        if name == "csrf_token" || (choice && !tag.contains(" checked")) {
            continue;
        }
        fields.push((name, attr(&tag, "value").unwrap_or_default()));
    }
    for chunk in form.split("<select ").skip(1) {
        let tag = format!(" {}", &chunk[..chunk.find('>').unwrap_or(chunk.len())]);
        let name = attr(&tag, "name").expect("select name");
        let body = &chunk[..chunk.find("</select>").unwrap_or(chunk.len())];
        let selected = body
            .split("<option ")
            .skip(1)
            .find(|option| option.contains(" selected>"))
            .and_then(|option| attr(&format!(" {option}"), "value"))
            .unwrap_or_default();
        fields.push((name, selected));
    }
    fields
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

/// The new-class form as the page offers it, filled in for `venue`.
async fn new_class_form(admin: &Browser, query: &str, venue: i32) -> Vec<(String, String)> {
    let page = admin
        .get_page(&format!("/admin/cohorts/new{query}"))
        .await
        .1;
    let mut fields = form_fields(&page);
    for (name, value) in [
        ("venue", venue.to_string()),
        ("start_date", "2026-03-09".to_owned()),
        ("session_count", "5".to_owned()),
        ("capacity", "20".to_owned()),
        ("enrol_closes", "2026-03-08".to_owned()),
        ("action", "save".to_owned()),
    ] {
        set(&mut fields, name, &value);
    }
    fields
}

async fn edit_fields(admin: &Browser, cohort: i32) -> Vec<(String, String)> {
    form_fields(&admin.get_page(&format!("/admin/cohorts/{cohort}")).await.1)
}

/// The class id a successful save redirects to.
fn saved_id(response: &reqwest::Response) -> i32 {
    assert_eq!(response.status().as_u16(), 303, "saved");
    response.headers()["location"]
        .to_str()
        .expect("location")
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("class id")
}

async fn stored(app: &TestApp, id: i32) -> (Cohort, Vec<ClassSession>) {
    app.db
        .read(move |conn| {
            Ok::<_, DbError>((
                Cohort::find(conn, id)?.expect("class"),
                ClassSession::of_cohort(conn, id)?,
            ))
        })
        .await
        .expect("class and sessions")
}

/// A session as it matters to trainees: when, whether moved or cancelled, why.
type SessionFacts = (
    i32,
    NaiveDateTime,
    NaiveDateTime,
    String,
    Option<String>,
    Option<NaiveDateTime>,
);

fn facts(sessions: &[ClassSession]) -> Vec<SessionFacts> {
    sessions
        .iter()
        .map(|s| {
            (
                s.id,
                s.starts_at,
                s.ends_at,
                s.status.to_string(),
                s.reason.clone(),
                s.original_starts_at,
            )
        })
        .collect()
}

async fn count_rows(app: &TestApp, table: &'static str) -> i64 {
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::{attendance, cohorts};
            Ok::<_, DbError>(match table {
                "cohorts" => cohorts::table.count().get_result(conn)?,
                _ => attendance::table.count().get_result(conn)?,
            })
        })
        .await
        .expect("count")
}

/// The details of each audit entry of `action`, oldest first.
async fn audited(app: &TestApp, action: &'static str) -> Vec<(String, String)> {
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::audit_log;
            Ok::<_, DbError>(
                audit_log::table
                    .filter(audit_log::action.eq(action))
                    .order(audit_log::id)
                    .select((audit_log::subject, audit_log::details))
                    .load(conn)?,
            )
        })
        .await
        .expect("audit")
}

/// A class with a trainer (signed in) and one trainee enrolled; returns the
/// class, the trainer's and the trainee's browsers and her place.
async fn taught_class(app: &TestApp) -> (i32, Browser, Browser, i32) {
    let room = venue(app, "al-ain", "Al Ain Centre", 30).await;
    let (trainer, trainer_browser) = signed_in(app, "trainer").await;
    let mut fields = class_fields(room);
    fields.trainer_id = Some(trainer.id);
    let cohort = class(app, fields).await;
    let (trainee_id, person) = trainee(app, "Hessa", "female").await;
    let enrolled = person
        .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
        .await;
    assert_eq!(enrolled.status().as_u16(), 303);
    let place = app
        .db
        .read(move |conn| {
            use ecitizen::db::models::enrollment::Enrollment;
            Ok::<_, DbError>(Enrollment::of_trainee(conn, trainee_id)?[0].id)
        })
        .await
        .expect("place");
    (cohort, trainer_browser, person, place)
}

#[tokio::test]
async fn a_capacity_edit_keeps_a_moved_and_a_cancelled_session_with_their_reasons() {
    let app = spawn_app().await;
    let (cohort, trainer, person, _) = taught_class(&app).await;
    let (_, sessions) = stored(&app, cohort).await;
    let cancelled = trainer
        .post_form(
            &format!("/trainer/sessions/{}/cancel", sessions[1].id),
            &[("reason", "Venue closed for maintenance")],
        )
        .await;
    assert_eq!(cancelled.status().as_u16(), 303);
    let moved = trainer
        .post_form(
            &format!("/trainer/sessions/{}/move", sessions[3].id),
            &[
                ("date", "2026-03-14"),
                ("time", "10:00"),
                ("reason", "Trainer at a workshop"),
            ],
        )
        .await;
    assert_eq!(moved.status().as_u16(), 303);
    let before = facts(&stored(&app, cohort).await.1);
    let (_, admin) = signed_in(&app, "admin").await;
    let mut form = edit_fields(&admin, cohort).await;
    set(&mut form, "capacity", "25");

    set(&mut form, "action", "preview");
    let preview = admin
        .post_form(
            &format!("/admin/cohorts/{cohort}?lang=en"),
            &as_pairs(&form),
        )
        .await
        .text()
        .await
        .expect("body");
    set(&mut form, "action", "save");
    let saved = admin
        .post_form(&format!("/admin/cohorts/{cohort}"), &as_pairs(&form))
        .await;

    assert!(
        preview.contains("Saving changes no session: the schedule is the same."),
        "{preview}"
    );
    assert!(preview.contains("Stays cancelled, as the trainer decided"));
    assert!(preview.contains("Stays where the trainer moved it"));
    assert_eq!(saved.status().as_u16(), 303);
    let (class_now, sessions_now) = stored(&app, cohort).await;
    assert_eq!(class_now.capacity, 25);
    assert_eq!(facts(&sessions_now), before, "not one session touched");
    let page = person
        .get_page(&format!("/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(
        page.contains("Cancelled: Venue closed for maintenance"),
        "{page}"
    );
    assert!(page.contains("Moved: Trainer at a workshop"));
    let audit = audited(&app, "cohort.update").await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, format!("cohort:{cohort}"));
    assert!(audit[0].1.contains(r#""kept":10"#), "{}", audit[0].1);
}

#[tokio::test]
async fn a_schedule_edit_keeps_held_sessions_and_attendance_and_moves_only_untouched_ones() {
    let app = spawn_app().await;
    let (cohort, trainer, person, place) = taught_class(&app).await;
    let (_, sessions) = stored(&app, cohort).await;
    // Tuesday 10 March, 13:00 in Abu Dhabi: two morning sessions are over.
    app.clock.set(at("2026-03-10T09:00:00Z"));
    let marked = trainer
        .post_form(
            &format!("/trainer/sessions/{}/attendance", sessions[0].id),
            &[(&format!("status_{place}"), "present")],
        )
        .await;
    assert_eq!(marked.status().as_u16(), 303);
    let cancelled = trainer
        .post_form(
            &format!("/trainer/sessions/{}/cancel", sessions[4].id),
            &[("reason", "Exam week at the school")],
        )
        .await;
    assert_eq!(cancelled.status().as_u16(), 303);
    let (_, admin) = signed_in(&app, "admin").await;
    let mut form = edit_fields(&admin, cohort).await;
    set(&mut form, "period", "evening");
    set(&mut form, "starts_time", "17:00");
    set(&mut form, "ends_time", "20:00");

    set(&mut form, "action", "preview");
    let english = admin
        .post_form(
            &format!("/admin/cohorts/{cohort}?lang=en"),
            &as_pairs(&form),
        )
        .await
        .text()
        .await
        .expect("body");
    admin.get("/?lang=ar").await;
    let arabic = admin
        .post_form(&format!("/admin/cohorts/{cohort}"), &as_pairs(&form))
        .await
        .text()
        .await
        .expect("body");
    let mut too_few = form.clone();
    set(&mut too_few, "session_count", "2");
    set(&mut too_few, "action", "save");
    let refused = admin
        .post_form(
            &format!("/admin/cohorts/{cohort}?lang=en"),
            &as_pairs(&too_few),
        )
        .await;
    set(&mut form, "action", "save");
    let saved = admin
        .post_form(&format!("/admin/cohorts/{cohort}"), &as_pairs(&form))
        .await;

    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains(r#"id="session_count-error">The class keeps the sessions that have started"#),
        "three sessions must stay: two held, one cancelled"
    );
    assert_eq!(
        english
            .matches("Stays: it has started or taken place")
            .count(),
        2,
        "{english}"
    );
    assert_eq!(english.matches("— New time").count(), 7);
    assert!(english.contains("Stays cancelled, as the trainer decided"));
    assert!(english.contains(
        "\u{2068}3\u{2069} sessions stay as they are · \u{2068}7\u{2069} get a new time"
    ));
    assert!(arabic.contains("تبقى: بدأت أو عُقدت"), "{arabic}");
    assert_eq!(arabic.matches("— موعد جديد").count(), 7);
    assert_eq!(saved.status().as_u16(), 303);
    let (class_now, after) = stored(&app, cohort).await;
    assert_eq!(
        class_now.starts_time,
        NaiveTime::from_hms_opt(17, 0, 0).expect("time")
    );
    assert_eq!(after.len(), 10, "still ten sessions");
    for (old, new) in sessions.iter().zip(&after) {
        assert_eq!(old.id, new.id, "the same sessions, in the same order");
        let kept = [sessions[0].id, sessions[1].id, sessions[4].id].contains(&old.id);
        if kept {
            assert_eq!((old.starts_at, old.ends_at), (new.starts_at, new.ends_at));
        } else {
            assert_eq!(new.starts_at.date(), old.starts_at.date(), "same day");
            assert_eq!(
                new.starts_at.time().to_string(),
                "13:00:00",
                "17:00 in Abu Dhabi"
            );
        }
    }
    assert_eq!(after[4].reason.as_deref(), Some("Exam week at the school"));
    assert!(after[4].is_cancelled());
    assert_eq!(count_rows(&app, "attendance").await, 1, "attendance stays");
    let page = person.get_page("/me?lang=en").await.1;
    assert!(
        page.contains("17:00"),
        "the trainee sees the new hours: {page}"
    );
    let audit = audited(&app, "cohort.update").await;
    assert!(audit[0].1.contains(r#""retimed":7"#), "{}", audit[0].1);
}

#[tokio::test]
async fn an_evening_class_gets_evening_hours_with_and_without_explicit_times() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let plain = admin.get_page("/admin/cohorts/new").await.1;
    let evening_first = admin.get_page("/admin/cohorts/new?period=evening").await.1;
    assert!(plain.contains("value=\"09:00\""), "{plain}");
    assert!(plain.contains(r#"value="evening" data-starts="17:00" data-ends="20:00""#));
    assert!(
        plain.contains("/static/js/cohort-form.js?v="),
        "the script fills them in"
    );
    assert!(
        evening_first.contains("value=\"17:00\"") && !evening_first.contains("value=\"09:00\"")
    );

    let mut saved = Vec::new();
    for (n, (starts, ends)) in [("09:00", "12:00"), ("", ""), ("16:00", "19:00")]
        .into_iter()
        .enumerate()
    {
        // A venue each, so the three classes do not clash.
        let room = venue(&app, "al-ain", ["Centre A", "Centre B", "Centre C"][n], 30).await;
        // The form as sent without JavaScript: the morning's hours still
        // in the fields when evening is chosen.
        let mut form = new_class_form(&admin, "", room).await;
        set(&mut form, "period", "evening");
        set(&mut form, "starts_time", starts);
        set(&mut form, "ends_time", ends);
        set(&mut form, "action", "preview");
        let preview = admin
            .post_form("/admin/cohorts", &as_pairs(&form))
            .await
            .text()
            .await
            .expect("body");
        let expected = if starts == "16:00" {
            "16:00–19:00"
        } else {
            "17:00–20:00"
        };
        assert!(preview.contains(expected), "{starts}: {preview}");
        set(&mut form, "action", "save");
        let response = admin.post_form("/admin/cohorts", &as_pairs(&form)).await;
        saved.push(stored(&app, saved_id(&response)).await);
    }

    let hours: Vec<(String, String)> = saved
        .iter()
        .map(|(cohort, _)| (cohort.starts_time.to_string(), cohort.ends_time.to_string()))
        .collect();
    assert_eq!(
        hours,
        [
            ("17:00:00".to_owned(), "20:00:00".to_owned()),
            ("17:00:00".to_owned(), "20:00:00".to_owned()),
            ("16:00:00".to_owned(), "19:00:00".to_owned()),
        ],
        "the morning's hours become the evening's; typed hours are kept"
    );
    assert_eq!(saved[0].1[0].starts_at.to_string(), "2026-03-09 13:00:00");
}

#[tokio::test]
async fn a_venue_clash_and_a_trainer_clash_are_refused_naming_the_other_class() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let other_room = venue(&app, "al-ain", "Hili Centre", 30).await;
    let (trainer, _) = signed_in(&app, "trainer").await;
    let mut fields = class_fields(room);
    fields.trainer_id = Some(trainer.id);
    let existing = class(&app, fields).await;
    let (_, admin) = signed_in(&app, "admin").await;
    let classes_before = count_rows(&app, "cohorts").await;

    // Same venue, same mornings, a week later.
    let mut same_room = new_class_form(&admin, "?lang=en", room).await;
    set(&mut same_room, "start_date", "2026-03-16");
    let venue_clash = admin
        .post_form("/admin/cohorts", &as_pairs(&same_room))
        .await;
    // Another venue, but the same trainer.
    let mut same_trainer = new_class_form(&admin, "", other_room).await;
    set(&mut same_trainer, "trainer", &trainer.id.to_string());
    let trainer_clash = admin
        .post_form("/admin/cohorts", &as_pairs(&same_trainer))
        .await;
    admin.get("/?lang=ar").await;
    let in_arabic = admin
        .post_form("/admin/cohorts", &as_pairs(&same_trainer))
        .await
        .text()
        .await
        .expect("body");

    assert_eq!(venue_clash.status().as_u16(), 422);
    let page = venue_clash.text().await.expect("body");
    let error = page
        .split(r#"id="venue-error">"#)
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("an error beside the venue");
    for named in [
        "morning",
        "Al Ain Centre",
        "2026-03-09",
        "09:00–12:00",
        "2026-03-16",
    ] {
        assert!(error.contains(named), "{named} in {error}");
    }
    assert!(page.contains(r#"value="2026-03-16""#), "the form is kept");
    assert_eq!(trainer_clash.status().as_u16(), 422);
    let page = trainer_clash.text().await.expect("body");
    let error = page
        .split(r#"id="trainer-error">"#)
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("an error beside the trainer");
    assert!(
        error.contains("This trainer teaches another class at the same time"),
        "{error}"
    );
    assert!(error.contains("Al Ain Centre") && error.contains("2026-03-09"));
    assert!(!page.contains(r#"id="venue-error""#), "the venue is free");
    assert!(
        in_arabic.contains("يدرّس هذا المدرب صفاً آخر في الوقت نفسه"),
        "{in_arabic}"
    );
    assert!(in_arabic.contains("الفترة الصباحية"));
    assert_eq!(
        count_rows(&app, "cohorts").await,
        classes_before,
        "nothing stored"
    );

    // The evening at the same venue, with the same trainer, is free; moving
    // it to the mornings on edit is refused too.
    let mut evening = new_class_form(&admin, "", room).await;
    set(&mut evening, "trainer", &trainer.id.to_string());
    set(&mut evening, "period", "evening");
    let evening_id = saved_id(&admin.post_form("/admin/cohorts", &as_pairs(&evening)).await);
    let mut edit = edit_fields(&admin, evening_id).await;
    set(&mut edit, "period", "morning");
    set(&mut edit, "action", "save");
    let refused = admin
        .post_form(
            &format!("/admin/cohorts/{evening_id}?lang=en"),
            &as_pairs(&edit),
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let page = refused.text().await.expect("body");
    assert!(
        page.contains(r#"id="venue-error">Another class meets at this venue"#),
        "{page}"
    );
    assert!(page.contains(r#"id="trainer-error">This trainer teaches"#));
    let (unchanged, _) = stored(&app, evening_id).await;
    assert_eq!(unchanged.period.as_str(), "evening");

    // Once the first class is cancelled its mornings are free.
    let cancel = admin
        .post_form(
            &format!("/admin/cohorts/{existing}/cancel"),
            &[("reason", "No trainer available")],
        )
        .await;
    assert_eq!(cancel.status().as_u16(), 303);
    saved_id(
        &admin
            .post_form("/admin/cohorts", &as_pairs(&same_room))
            .await,
    );
}

#[tokio::test]
async fn a_new_class_is_a_draft_until_the_admin_publishes_it() {
    let app = spawn_app().await;
    let room = venue(&app, "ruwais", "Ruwais Centre", 30).await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (trainee_id, person) = trainee(&app, "Shamsa", "female").await;
    let form = new_class_form(&admin, "?lang=en", room).await;
    let new_page = admin.get_page("/admin/cohorts/new?lang=en").await.1;
    assert!(
        new_page.contains("A new class is saved as a draft"),
        "{new_page}"
    );
    assert!(
        !new_page.contains(r#"name="status""#),
        "no status to choose"
    );

    let cohort = saved_id(&admin.post_form("/admin/cohorts", &as_pairs(&form)).await);

    let (draft, _) = stored(&app, cohort).await;
    assert_eq!(draft.status.as_str(), "draft");
    let listed = |json: serde_json::Value| {
        json.as_array()
            .expect("array")
            .iter()
            .any(|record| record["id"] == cohort)
    };
    let json = app.get("/cohorts.json").await.json().await.expect("json");
    assert!(!listed(json), "a draft is not open data");
    assert_eq!(
        app.get(&format!("/cohorts/{cohort}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let refused = person
        .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
        .await;
    assert_ne!(refused.status().as_u16(), 303, "no enrolment in a draft");
    assert_eq!(
        crate::fixtures::places(&app, cohort).await.0,
        Vec::<i32>::new()
    );
    let list = admin.get_page("/admin/cohorts?lang=en").await.1;
    assert!(
        list.contains(&format!(r#"action="/admin/cohorts/{cohort}/publish""#)),
        "{list}"
    );
    let edit = admin
        .get_page(&format!("/admin/cohorts/{cohort}?lang=en"))
        .await
        .1;
    assert!(edit.contains("This class is a draft"));

    let published = admin
        .post_form(&format!("/admin/cohorts/{cohort}/publish"), &[])
        .await;

    assert_eq!(published.status().as_u16(), 303);
    assert_eq!(stored(&app, cohort).await.0.status.as_str(), "open");
    let json = app.get("/cohorts.json").await.json().await.expect("json");
    assert!(listed(json), "listed once published");
    let enrolled = person
        .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
        .await;
    assert_eq!(enrolled.status().as_u16(), 303);
    assert_eq!(
        crate::fixtures::places(&app, cohort).await.0,
        vec![trainee_id]
    );
    let subject = format!("cohort:{cohort}");
    assert_eq!(audited(&app, "cohort.create").await[0].0, subject);
    assert_eq!(audited(&app, "cohort.publish").await[0].0, subject);

    // With a trainee in it, it stays published.
    let back = admin
        .post_form(&format!("/admin/cohorts/{cohort}/unpublish"), &[])
        .await;
    assert_eq!(back.status().as_u16(), 303);
    assert_eq!(stored(&app, cohort).await.0.status.as_str(), "open");
    assert!(audited(&app, "cohort.unpublish").await.is_empty());
}
