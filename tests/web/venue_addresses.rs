//! Every venue has its address in Arabic and in English, as it has its
//! name: the admin types both (each checked in its own language), and the
//! class page, the catalogue and the calendar show the one in the reader's
//! language. A wait-listed trainee's calendar holds tentative sessions.

use ecitizen::db::DbError;
use ecitizen::db::models::enrollment::Enrollment;
use ecitizen::db::models::region::Town;
use ecitizen::db::models::venue::{Venue, VenueFields};
use ecitizen::domain::cohort::PartnerKind;

use crate::fixtures::{CohortFieldsExt, class, class_fields, trainee};
use crate::helpers::{TestApp, spawn_app};
use crate::people::{Browser, signed_in};

/// A family-development centre in Al Ain with both names and addresses.
async fn centre(app: &TestApp) -> i32 {
    let now = app.clock.now().naive_utc();
    app.db
        .write(move |conn| {
            let town_id = Town::all(conn)?
                .into_iter()
                .find(|town| town.code == "al-ain")
                .expect("Al Ain")
                .id;
            let fields = VenueFields {
                town_id,
                name_ar: "مركز التنمية الأسرية".to_owned(),
                name_en: "Family Development Centre".to_owned(),
                partner_kind: PartnerKind::FamilyDevelopment,
                address_ar: "شارع زايد بن سلطان، المطوع".to_owned(),
                address_en: "Zayed bin Sultan Street, Al Mutawaa".to_owned(),
                seats: 20,
            };
            Ok::<_, DbError>(Venue::insert(conn, &fields, now)?)
        })
        .await
        .expect("venue")
}

/// Takes a place (a seat, or the wait-list when full) and returns its id.
async fn enrol(app: &TestApp, browser: &Browser, trainee_id: i32, cohort: i32) -> i32 {
    let token = browser.csrf_token().await;
    let response = browser
        .post_raw(
            &format!("/cohorts/{cohort}/enroll"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    app.db
        .read(move |conn| Ok::<_, DbError>(Enrollment::of_trainee(conn, trainee_id)?))
        .await
        .expect("places")
        .into_iter()
        .find(|place| place.cohort_id == cohort)
        .expect("a place")
        .id
}

/// The calendar file with its folded lines joined again.
async fn calendar(browser: &Browser, place: i32, lang: &str) -> String {
    let response = browser
        .get(&format!("/me/enrollments/{place}/calendar.ics?lang={lang}"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    response.text().await.expect("body").replace("\r\n ", "")
}

fn lines<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.split("\r\n")
        .filter(|line| line.starts_with(name))
        .collect()
}

#[tokio::test]
async fn the_calendar_says_where_in_its_own_language_each_part_once() {
    let app = spawn_app().await;
    let cohort = class(&app, class_fields(centre(&app).await)).await;
    let (amna_id, amna) = trainee(&app, "Amna Saeed", "female").await;
    let place = enrol(&app, &amna, amna_id, cohort).await;

    let arabic = calendar(&amna, place, "ar").await;
    let locations = lines(&arabic, "LOCATION:");
    assert_eq!(locations.len(), 10, "one per session");
    assert!(
        locations
            .iter()
            .all(|line| *line == "LOCATION:مركز التنمية الأسرية، شارع زايد بن سلطان، المطوع"),
        "{locations:?}"
    );
    assert!(
        !arabic.contains("Family Development") && !arabic.contains("Zayed"),
        "no English in the Arabic file"
    );
    // A seat is a seat: nothing tentative.
    assert!(!arabic.contains("STATUS:TENTATIVE"), "{arabic}");

    let english = calendar(&amna, place, "en").await;
    assert_eq!(
        lines(&english, "LOCATION:")[0],
        "LOCATION:Family Development Centre\\, Zayed bin Sultan Street\\, Al Mutawaa"
    );
    assert!(!english.contains("مركز"));
}

#[tokio::test]
async fn a_wait_listed_place_puts_tentative_sessions_in_the_calendar() {
    let app = spawn_app().await;
    let cohort = class(&app, class_fields(centre(&app).await).with_capacity(1)).await;
    let (amna_id, amna) = trainee(&app, "Amna Saeed", "female").await;
    let (mona_id, mona) = trainee(&app, "Mona Ali", "female").await;
    let seat = enrol(&app, &amna, amna_id, cohort).await;
    let waiting = enrol(&app, &mona, mona_id, cohort).await;

    let text = calendar(&mona, waiting, "en").await;

    let events = text.matches("BEGIN:VEVENT").count();
    assert_eq!(events, 10);
    assert_eq!(lines(&text, "STATUS:TENTATIVE").len(), events, "{text}");
    assert!(text.contains("You are on the wait-list for this class"));
    let arabic = calendar(&mona, waiting, "ar").await;
    assert!(arabic.contains("أنت على قائمة الانتظار"));
    // The trainee with the seat has ordinary events.
    let confirmed = calendar(&amna, seat, "en").await;
    assert!(!confirmed.contains("STATUS:"), "{confirmed}");
    assert!(!confirmed.contains("wait-list"));
}

#[tokio::test]
async fn the_class_page_and_catalogue_show_the_address_in_the_page_language() {
    let app = spawn_app().await;
    let cohort = class(&app, class_fields(centre(&app).await)).await;

    let (_, arabic) = app.get_page(&format!("/cohorts/{cohort}?lang=ar")).await;
    assert!(
        arabic.contains("<dd>شارع زايد بن سلطان، المطوع</dd>"),
        "{arabic}"
    );
    assert!(!arabic.contains("Zayed"));
    let (_, english) = app.get_page(&format!("/cohorts/{cohort}?lang=en")).await;
    assert!(english.contains("<dd>Zayed bin Sultan Street, Al Mutawaa</dd>"));
    assert!(!english.contains("شارع"));
}

#[tokio::test]
async fn an_admin_gives_both_addresses_each_in_its_own_language() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let form = |address_ar: &'static str, address_en: &'static str| {
        vec![
            ("town", "al-ain"),
            ("name_ar", "مدرسة العين النموذجية"),
            ("name_en", "Al Ain Model School"),
            ("partner_kind", "school"),
            ("address_ar", address_ar),
            ("address_en", address_en),
            ("seats", "25"),
        ]
    };

    // Each address typed in the other's language, in an Arabic page.
    let response = admin
        .post_form(
            "/admin/venues?lang=ar",
            &form("Zayed Street, Building 4", "شارع زايد"),
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(
        page.contains(r#"id="address_ar-error">يرجى كتابة العنوان العربي بالحروف العربية"#),
        "{page}"
    );
    assert!(
        page.contains(r#"id="address_en-error">يرجى كتابة العنوان الإنجليزي بالحروف الإنجليزية"#)
    );
    assert!(
        page.contains(r#"value="Zayed Street, Building 4""#),
        "typed values stay"
    );
    // And in an English one.
    let response = admin
        .post_form("/admin/venues?lang=en", &form("", "Zayed Street"))
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains(r#"id="address_ar-error">Please fill this in."#));
    assert!(!page.contains(r#"id="address_en-error""#));

    let response = admin
        .post_form(
            "/admin/venues",
            &form("شارع زايد، مبنى 4B", "Zayed Street, Building 4B"),
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    let venue = app
        .db
        .read(|conn| Ok::<_, DbError>(Venue::all(conn)?))
        .await
        .expect("venues")
        .remove(0);
    assert_eq!(venue.address_ar, "شارع زايد، مبنى 4B");
    assert_eq!(venue.address_en, "Zayed Street, Building 4B");
    let (_, list) = admin.get_page("/admin/venues?lang=ar").await;
    assert!(list.contains("<td>شارع زايد، مبنى 4B</td>"));
    let (_, edit) = admin
        .get_page(&format!("/admin/venues/{}?lang=en", venue.id))
        .await;
    assert!(edit.contains(r#"value="شارع زايد، مبنى 4B""#));
    assert!(edit.contains(r#"value="Zayed Street, Building 4B""#));
}
