//! An admin keeps the list of training venues and holidays: adds, corrects,
//! retires and deletes venues, and adds and removes holidays. Bad input is
//! explained next to its field in the page's language; every change is
//! audited; nobody else may touch either list.

use chrono::{NaiveDate, NaiveTime};
use ecitizen::db::DbError;
use ecitizen::db::models::audit::{self, AuditEntry, Filter, Verdict};
use ecitizen::db::models::cohort::{Cohort, CohortFields};
use ecitizen::db::models::course::{self, Course};
use ecitizen::db::models::holiday::Holiday;
use ecitizen::db::models::venue::Venue;

use crate::helpers::{TestApp, assert_arabic, assert_english, spawn_app};
use crate::people::{Browser, signed_in};
use ecitizen::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage};

/// A complete, valid venue; tests change one field at a time.
fn model_school() -> Vec<(&'static str, String)> {
    vec![
        ("town", "al-ain".to_owned()),
        ("name_ar", "مدرسة العين النموذجية".to_owned()),
        ("name_en", "Al Ain Model School".to_owned()),
        ("partner_kind", "school".to_owned()),
        (
            "address_ar",
            "شارع زايد بن سلطان، مبنى 4، قاعة 12".to_owned(),
        ),
        (
            "address_en",
            "Zayed bin Sultan Street, Building 4, Room 12".to_owned(),
        ),
        ("seats", "25".to_owned()),
    ]
}

fn with(
    mut form: Vec<(&'static str, String)>,
    name: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    for field in &mut form {
        if field.0 == name {
            field.1 = value.to_owned();
        }
    }
    form
}

async fn post(browser: &Browser, path: &str, form: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    browser.post_form(path, &fields).await
}

fn location(response: &reqwest::Response) -> &str {
    response.headers()["location"].to_str().expect("ascii")
}

async fn venues(app: &TestApp) -> Vec<Venue> {
    app.db
        .read(|conn| Ok::<_, DbError>(Venue::all(conn)?))
        .await
        .expect("venues")
}

async fn holidays(app: &TestApp) -> Vec<Holiday> {
    app.db
        .read(|conn| Ok::<_, DbError>(Holiday::all(conn)?))
        .await
        .expect("holidays")
}

/// Audit entries of one action, newest first.
async fn audited(app: &TestApp, action: &str) -> Vec<AuditEntry> {
    let filter = Filter {
        action: Some(action.to_owned()),
        ..Filter::default()
    };
    app.db
        .read(move |conn| Ok::<_, DbError>(audit::list(conn, &filter, 100, 0)?))
        .await
        .expect("audit entries")
}

async fn chain_is_intact(app: &TestApp) -> bool {
    let verdict = app
        .db
        .read(|conn| Ok::<_, DbError>(audit::verify(conn)?))
        .await
        .expect("verified");
    matches!(verdict, Verdict::Intact { .. })
}

/// Adds a venue through the form and returns its id.
async fn add_venue(app: &TestApp, admin: &Browser, form: &[(&'static str, String)]) -> i32 {
    let response = post(admin, "/admin/venues", form).await;
    assert_eq!(response.status().as_u16(), 303, "the venue is added");
    let name_en = form
        .iter()
        .find(|(name, _)| *name == "name_en")
        .map(|(_, value)| value.clone())
        .expect("an English name");
    venues(app)
        .await
        .into_iter()
        .find(|venue| venue.name_en == name_en)
        .map(|venue| venue.id)
        .expect("the venue is stored")
}

/// Plans a class at a venue straight in the database (there is no page
/// for classes yet).
async fn add_class_at(app: &TestApp, venue_id: i32) {
    let now = app.clock.now().naive_utc();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("valid date");
    let hour = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("valid time");
    app.db
        .write(move |conn| {
            let course = Course::by_code(conn, course::ECITIZEN)?.expect("the e-Citizen course");
            Cohort::insert(
                conn,
                &CohortFields {
                    course_id: course.id,
                    venue_id,
                    period: Period::Morning,
                    starts_time: hour(9),
                    ends_time: hour(12),
                    teaching_language: TeachingLanguage::Arabic,
                    audience: Audience::All,
                    start_date: day(4, 6),
                    weekdays: "1,2,3,4,5".to_owned(),
                    session_count: 10,
                    capacity: 20,
                    trainer_id: None,
                    enrol_opens: day(3, 2),
                    enrol_closes: day(4, 5),
                    status: CohortStatus::Draft,
                },
                now,
            )?;
            Ok::<_, DbError>(())
        })
        .await
        .expect("class planned");
}

#[tokio::test]
async fn an_admin_adds_a_venue_and_sees_it_listed_by_town_in_both_languages() {
    let app = spawn_app().await;
    let (admin_person, admin) = signed_in(&app, "admin").await;
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(page.contains("No venues yet."));
    assert!(
        page.contains(r#"<a href="/admin/venues" aria-current="page">Venues</a>"#),
        "the admin's navigation leads here"
    );
    assert!(page.contains(r#"<a href="/admin/holidays""#));

    let response = post(&admin, "/admin/venues", &model_school()).await;

    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(location(&response), "/admin/venues");
    let (status, page) = admin.get_page("/admin/venues?lang=en").await;
    assert_eq!(status, 200);
    assert_english(&page);
    assert!(page.contains("The venue has been added."));
    assert!(page.contains(r#"Al Ain <span class="muted">(Eastern Region (Al Ain))</span>"#));
    for shown in [
        "Al Ain Model School",
        "School",
        "Zayed bin Sultan Street, Building 4, Room 12",
        "<bdi>25</bdi>",
        "In use",
    ] {
        assert!(page.contains(shown), "{shown} is shown");
    }
    assert!(
        !page.contains("مدرسة العين النموذجية"),
        "one name per language"
    );

    let (_, page) = admin.get_page("/admin/venues?lang=ar").await;
    assert_arabic(&page);
    for shown in ["مدرسة العين النموذجية", "العين", "مدرسة", "قيد الاستخدام"]
    {
        assert!(page.contains(shown), "{shown} is shown");
    }

    let stored = venues(&app).await;
    assert_eq!(stored.len(), 1);
    let venue = &stored[0];
    assert_eq!(
        (
            venue.name_ar.as_str(),
            venue.name_en.as_str(),
            venue.partner_kind.as_str(),
            venue.seats,
            venue.retired
        ),
        (
            "مدرسة العين النموذجية",
            "Al Ain Model School",
            "school",
            25,
            false
        )
    );
    let entries = audited(&app, "venue.create").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, format!("venue:{}", venue.id));
    assert_eq!(entries[0].actor_id, Some(admin_person.id));
    assert!(entries[0].details.contains(r#""town":"al-ain""#));
}

#[tokio::test]
async fn venues_are_grouped_by_town_in_region_order() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    add_venue(
        &app,
        &admin,
        &with(
            with(
                with(model_school(), "town", "ruwais"),
                "name_en",
                "Ruwais Centre",
            ),
            "name_ar",
            "مركز الرويس",
        ),
    )
    .await;
    add_venue(&app, &admin, &model_school()).await;

    let (_, page) = admin.get_page("/admin/venues?lang=en").await;

    let al_ain = page.find("Al Ain Model School").expect("Al Ain venue");
    let ruwais = page.find("Ruwais Centre").expect("Ruwais venue");
    assert!(
        al_ain < ruwais,
        "the Eastern region comes before the Western"
    );
    assert!(page.contains("<h2 id=\"town-1\">Al Ain"));
    assert!(page.contains("<h2 id=\"town-2\">Ruwais"));
}

#[tokio::test]
async fn bad_venue_fields_are_explained_next_to_each_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;

    let form = with(
        with(
            with(with(model_school(), "name_ar", ""), "town", "atlantis"),
            "seats",
            "0",
        ),
        "address_ar",
        "",
    );
    let response = post(&admin, "/admin/venues?lang=en", &form).await;

    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert_english(&page);
    for error in [
        r#"id="town-error">Please choose a town from the list."#,
        r#"id="name_ar-error">Please fill this in."#,
        r#"id="address_ar-error">Please fill this in."#,
        r#"id="seats-error">A venue has from 1 to 500 seats."#,
    ] {
        assert!(page.contains(error), "{error}");
    }
    assert!(
        page.contains(r#"value="Al Ain Model School""#),
        "typed values stay"
    );
    assert!(page.contains(r#"<option value="school" selected>"#));

    let form = with(
        with(
            with(model_school(), "name_ar", "Al Ain Model School"),
            "seats",
            "abc",
        ),
        "partner_kind",
        "castle",
    );
    let response = post(&admin, "/admin/venues?lang=ar", &form).await;

    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert_arabic(&page);
    for error in [
        r#"id="name_ar-error">يرجى كتابة الاسم بالحروف العربية."#,
        r#"id="partner_kind-error">يرجى اختيار أحد الخيارات."#,
        r#"id="seats-error">يرجى كتابة عدد المقاعد رقماً صحيحاً"#,
    ] {
        assert!(page.contains(error), "{error}");
    }
    assert!(page.contains(r#"value="abc""#), "typed values stay");
    assert!(
        page.contains(r#"<option value="al-ain" selected>العين</option>"#),
        "the chosen town stays chosen"
    );

    let long_address = "Street ".repeat(50);
    let response = post(
        &admin,
        "/admin/venues?lang=en",
        &with(
            with(model_school(), "address_en", &long_address),
            "name_en",
            "مدرسة",
        ),
    )
    .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains(r#"id="address_en-error">The address can have at most 300 characters."#));
    assert!(page.contains(r#"id="name_en-error">Please write the name in English letters."#));

    assert!(venues(&app).await.is_empty(), "nothing was stored");
    assert!(audited(&app, "venue.create").await.is_empty());
}

#[tokio::test]
async fn an_admin_corrects_a_venue_and_the_change_is_audited() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let id = add_venue(&app, &admin, &model_school()).await;
    let path = format!("/admin/venues/{id}");

    let (status, page) = admin.get_page(&format!("{path}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Edit venue: \u{2068}Al Ain Model School\u{2069}"));
    assert!(
        page.contains(r#"value="مدرسة العين النموذجية""#),
        "prefilled"
    );
    assert!(page.contains(r#"<option value="al-ain" selected>Al Ain</option>"#));
    assert!(page.contains(r#"value="25""#));

    let refused = post(
        &admin,
        &format!("{path}?lang=en"),
        &with(model_school(), "seats", "501"),
    )
    .await;
    assert_eq!(refused.status().as_u16(), 422);
    let page = refused.text().await.expect("body");
    assert!(page.contains(r#"id="seats-error">A venue has from 1 to 500 seats."#));
    assert!(page.contains(r#"value="501""#));
    assert_eq!(venues(&app).await[0].seats, 25, "nothing saved");

    let corrected = with(with(model_school(), "seats", "30"), "town", "al-hayer");
    let response = post(&admin, &path, &corrected).await;

    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(location(&response), "/admin/venues");
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(page.contains("The venue has been saved."));
    assert!(page.contains("<h2 id=\"town-1\">Al Hayer"));
    let venue = &venues(&app).await[0];
    assert_eq!(venue.seats, 30);
    let entries = audited(&app, "venue.update").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, format!("venue:{id}"));
    let details: serde_json::Value =
        serde_json::from_str(&entries[0].details).expect("JSON details");
    assert_eq!(
        details,
        serde_json::json!({ "seats": [25, 30], "town": ["al-ain", "al-hayer"] })
    );

    let again = post(&admin, &path, &corrected).await;
    assert_eq!(again.status().as_u16(), 303);
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(page.contains("Nothing was changed."));
    assert_eq!(
        audited(&app, "venue.update").await.len(),
        1,
        "no empty entry"
    );
}

#[tokio::test]
async fn an_unknown_venue_or_holiday_is_a_404() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;

    assert_eq!(admin.get_page("/admin/venues/9999").await.0, 404);
    assert_eq!(admin.get_page("/admin/venues/not-a-number").await.0, 404);
    for path in [
        "/admin/venues/9999",
        "/admin/venues/9999/retire",
        "/admin/venues/9999/reactivate",
        "/admin/venues/9999/delete",
        "/admin/holidays/9999/delete",
    ] {
        let response = post(&admin, path, &model_school()).await;
        assert_eq!(response.status().as_u16(), 404, "POST {path}");
    }
}

#[tokio::test]
async fn a_venue_with_a_class_can_be_retired_but_not_deleted_and_one_without_can_be_deleted() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let used = add_venue(&app, &admin, &model_school()).await;
    let unused = add_venue(
        &app,
        &admin,
        &with(
            with(model_school(), "name_en", "Al Ain Family Centre"),
            "name_ar",
            "مركز العين للتنمية الأسرية",
        ),
    )
    .await;
    add_class_at(&app, used).await;

    let refused = admin
        .post_form(&format!("/admin/venues/{used}/delete"), &[])
        .await;
    assert_eq!(refused.status().as_u16(), 303);
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(
        page.contains(
            "This venue has classes, so it cannot be deleted. You can retire it instead."
        )
    );
    assert_eq!(venues(&app).await.len(), 2, "still there");

    let retired = admin
        .post_form(&format!("/admin/venues/{used}/retire"), &[])
        .await;
    assert_eq!(retired.status().as_u16(), 303);
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(page.contains("The venue has been retired."));
    assert!(page.contains("<strong>Retired</strong>"));
    assert!(page.contains(&format!(r#"action="/admin/venues/{used}/reactivate""#)));
    let (_, page) = admin.get_page("/admin/venues?lang=ar").await;
    assert!(page.contains("<strong>موقوف</strong>"));
    assert!(
        venues(&app)
            .await
            .iter()
            .any(|venue| venue.id == used && venue.retired)
    );

    admin
        .post_form(&format!("/admin/venues/{used}/reactivate"), &[])
        .await;
    assert!(
        venues(&app)
            .await
            .iter()
            .any(|venue| venue.id == used && !venue.retired)
    );

    let deleted = admin
        .post_form(&format!("/admin/venues/{unused}/delete"), &[])
        .await;
    assert_eq!(deleted.status().as_u16(), 303);
    let (_, page) = admin.get_page("/admin/venues?lang=en").await;
    assert!(page.contains("The venue has been deleted."));
    assert!(!page.contains("Al Ain Family Centre"));
    let left: Vec<i32> = venues(&app).await.iter().map(|venue| venue.id).collect();
    assert_eq!(left, vec![used]);

    assert_eq!(audited(&app, "venue.retire").await.len(), 1);
    assert_eq!(audited(&app, "venue.reactivate").await.len(), 1);
    let deletions = audited(&app, "venue.delete").await;
    assert_eq!(deletions.len(), 1, "the refused delete is not recorded");
    assert_eq!(deletions[0].subject, format!("venue:{unused}"));
    assert!(deletions[0].details.contains("Al Ain Family Centre"));
    assert!(deletions[0].details.contains(r#""town":"al-ain""#));
    assert!(chain_is_intact(&app).await);
}

#[tokio::test]
async fn holidays_are_listed_by_date_refused_twice_on_one_day_and_removed() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (_, page) = admin.get_page("/admin/holidays?lang=en").await;
    assert!(page.contains(
        "Sessions are never scheduled on holidays; classes already scheduled keep their dates."
    ));
    assert!(page.contains("No holidays have been added yet."));

    for (day, name_ar, name_en) in [
        ("2026-12-02", "اليوم الوطني", "National Day"),
        ("2026-03-20", "عيد الفطر", "Eid Al Fitr"),
    ] {
        let response = admin
            .post_form(
                "/admin/holidays",
                &[("day", day), ("name_ar", name_ar), ("name_en", name_en)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(location(&response), "/admin/holidays");
    }

    let (_, page) = admin.get_page("/admin/holidays?lang=en").await;
    assert!(page.contains("The holiday has been added."));
    let eid = page.find("<bdi>2026-03-20</bdi>").expect("Eid is listed");
    let national = page
        .find("<bdi>2026-12-02</bdi>")
        .expect("National Day is listed");
    assert!(eid < national, "in date order");
    for shown in ["عيد الفطر", "Eid Al Fitr", "اليوم الوطني", "National Day"] {
        assert!(page.contains(shown), "{shown}");
    }
    let (_, page) = admin.get_page("/admin/holidays?lang=ar").await;
    assert!(page.contains(
        "لا تُجدوَل الجلسات في أيام العطلات أبداً، أما الصفوف المجدولة من قبل فتحتفظ بمواعيدها."
    ));

    let twice = admin
        .post_form(
            "/admin/holidays?lang=en",
            &[
                ("day", "2026-12-02"),
                ("name_ar", "عيد الاتحاد"),
                ("name_en", "Union Day"),
            ],
        )
        .await;
    assert_eq!(twice.status().as_u16(), 422);
    let page = twice.text().await.expect("body");
    assert!(page.contains(r#"id="day-error">A holiday on that day already exists."#));
    assert!(page.contains(r#"value="Union Day""#));
    let twice_ar = admin
        .post_form(
            "/admin/holidays?lang=ar",
            &[
                ("day", "2026-12-02"),
                ("name_ar", "عيد الاتحاد"),
                ("name_en", "Union Day"),
            ],
        )
        .await;
    assert_eq!(twice_ar.status().as_u16(), 422);
    assert!(
        twice_ar
            .text()
            .await
            .expect("body")
            .contains(r#"id="day-error">توجد عطلة مسجلة في هذا اليوم من قبل."#)
    );

    let bad = admin
        .post_form(
            "/admin/holidays?lang=en",
            &[("day", "2026-02-30"), ("name_ar", "Eid"), ("name_en", "")],
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let page = bad.text().await.expect("body");
    assert!(page.contains(r#"id="day-error">Please give a date that exists"#));
    assert!(page.contains(r#"id="name_ar-error">Please write the name in Arabic letters."#));
    assert!(page.contains(r#"id="name_en-error">Please fill this in."#));
    assert_eq!(holidays(&app).await.len(), 2, "nothing more was stored");

    let national_day = holidays(&app)
        .await
        .into_iter()
        .find(|holiday| holiday.name_en == "National Day")
        .expect("National Day");
    let path = format!("/admin/holidays/{}/delete", national_day.id);
    let removed = admin.post_form(&path, &[]).await;
    assert_eq!(removed.status().as_u16(), 303);
    let (_, page) = admin.get_page("/admin/holidays?lang=en").await;
    assert!(page.contains("The holiday has been deleted."));
    assert!(!page.contains("National Day"));
    assert_eq!(admin.post_form(&path, &[]).await.status().as_u16(), 404);

    assert_eq!(audited(&app, "holiday.create").await.len(), 2);
    let deletions = audited(&app, "holiday.delete").await;
    assert_eq!(deletions.len(), 1);
    assert_eq!(deletions[0].subject, format!("holiday:{}", national_day.id));
    assert!(deletions[0].details.contains("2026-12-02"));
    assert!(chain_is_intact(&app).await);
}

#[tokio::test]
async fn trainees_get_403_and_visitors_are_sent_to_sign_in() {
    let app = spawn_app().await;
    let (_, trainee) = signed_in(&app, "trainee").await;
    let visitor = app.browser();

    for path in ["/admin/venues", "/admin/holidays"] {
        let (status, page) = trainee.get_page(path).await;
        assert_eq!(status, 403, "trainee on {path}");
        assert!(page.contains("لا يمكنك فتح هذه الصفحة"));

        let response = visitor.get(path).await;
        assert_eq!(response.status().as_u16(), 303, "visitor on {path}");
        assert_eq!(
            location(&response),
            format!("/login?next={}", path.replace('/', "%2F"))
        );
    }
    let (_, page) = trainee.get_page("/cohorts").await;
    assert!(
        !page.contains("/admin/venues"),
        "no admin links for a trainee"
    );

    let response = post(&trainee, "/admin/venues", &model_school()).await;
    assert_eq!(response.status().as_u16(), 403);
    let response = trainee
        .post_form(
            "/admin/holidays",
            &[
                ("day", "2026-12-02"),
                ("name_ar", "اليوم الوطني"),
                ("name_en", "National Day"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 403);
    assert!(venues(&app).await.is_empty());
    assert!(holidays(&app).await.is_empty());
}
