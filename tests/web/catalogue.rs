//! The catalogue at programme scale: a page of classes at a time with the
//! filters kept from page to page, and a listing that is kept between
//! requests yet never shows a seat, a class or a phase that has changed.

use chrono::Duration;

use crate::fixtures::{class, class_fields, date, trainee, venue};
use crate::helpers::spawn_app;

fn shown(page: &str) -> usize {
    page.matches(r#"data-cohort=""#).count()
}

/// The text without the invisible marks that isolate numbers for bidi.
fn visible(page: &str) -> String {
    page.replace(['\u{2068}', '\u{2069}'], "")
}

/// The address a pager link points to, as the page escapes it.
fn link(page: &str, rel: &str) -> Option<String> {
    let at = page.find(&format!(r#"rel="{rel}""#))?;
    let start = page[..at].rfind(r#"href=""#)? + r#"href=""#.len();
    let end = start + page[start..].find('"')?;
    Some(page[start..end].replace("&#38;", "&").replace("&amp;", "&"))
}

#[tokio::test]
async fn the_catalogue_shows_classes_a_page_at_a_time_keeping_the_filters() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    for n in 0..30 {
        let mut fields = class_fields(room);
        fields.start_date = date("2026-03-09") + Duration::days(7 * (n % 5));
        class(&app, fields).await;
    }

    let (status, first) = app.get_page("/cohorts?lang=en&region=eastern").await;

    assert_eq!(status, 200);
    assert_eq!(shown(&first), 24);
    assert!(visible(&first).contains("30 classes are open · Page 1 of 2"));
    assert_eq!(link(&first, "prev"), None);
    let next = link(&first, "next").expect("a link to the next page");
    assert_eq!(next, "/cohorts?region=eastern&page=2");
    let second = app.get_page(&next).await.1;
    assert_eq!(shown(&second), 6);
    assert!(visible(&second).contains("Page 2 of 2"));
    assert_eq!(link(&second, "next"), None);
    assert_eq!(
        link(&second, "prev").as_deref(),
        Some("/cohorts?region=eastern&page=1")
    );
    // The two pages together are every class, each once.
    let ids = |page: &str| -> Vec<String> {
        page.split(r#"data-cohort=""#)
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect()
    };
    let mut all = [ids(&first), ids(&second)].concat();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 30);
    // A page number that is not one shows the nearest page.
    assert_eq!(shown(&app.get_page("/cohorts?page=abc").await.1), 24);
    assert_eq!(shown(&app.get_page("/cohorts?page=99").await.1), 6);
    assert_eq!(shown(&app.get_page("/cohorts?page=-1").await.1), 24);
    // The open data stays one list of every class, the same each time.
    for _ in 0..2 {
        let reply = app.get("/cohorts.json").await;
        assert_eq!(reply.headers()["content-type"], "application/json");
        let json: serde_json::Value = reply.json().await.expect("json");
        assert_eq!(json.as_array().map(Vec::len), Some(30));
    }
    let morning: serde_json::Value = app
        .get("/cohorts.json?period=morning&region=eastern")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(morning.as_array().map(Vec::len), Some(30));
}

#[tokio::test]
async fn the_listing_shows_each_change_and_each_phase_at_once() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let cohort = class(&app, class_fields(room)).await;
    let seats = |json: serde_json::Value| {
        json.as_array()
            .and_then(|all| all.iter().find(|c| c["id"] == cohort))
            .map(|record| record["seats_left"].clone())
    };
    let json = app.get("/cohorts.json").await.json().await.expect("json");
    assert_eq!(seats(json), Some(20.into()));
    let home = app.get_page("/?lang=en").await.1;
    assert!(
        home.contains(&format!(r#"href="/cohorts/{cohort}""#)),
        "open: on the home page"
    );

    // A seat taken shows at once.
    let (_, browser) = trainee(&app, "Amna Saeed", "female").await;
    let token = browser.csrf_token().await;
    let taken = browser
        .post_raw(
            &format!("/cohorts/{cohort}/enroll"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(taken.status().as_u16(), 303);
    let json = app.get("/cohorts.json").await.json().await.expect("json");
    assert_eq!(seats(json), Some(19.into()));

    // A class created since shows at once.
    let later = class(&app, class_fields(room)).await;
    let page = app.get_page("/cohorts").await.1;
    assert!(page.contains(&format!(r#"data-cohort="{later}""#)));

    // The first session starts (09:00 on 9 March 2026, 05:00 UTC): nothing
    // was written, yet the class is no longer offered as open.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-03-09T05:00:01Z")
            .map(|t| t.with_timezone(&chrono::Utc))
            .expect("instant"),
    );
    let home = app.get_page("/?lang=en").await.1;
    assert!(
        !home.contains(&format!(r#"href="/cohorts/{cohort}""#)),
        "running: no longer among the classes to join"
    );
}

#[tokio::test]
async fn a_trainee_whose_class_has_ended_sees_its_venue_as_it_is_now() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 30).await;
    let cohort = class(&app, class_fields(room)).await;
    let (amna_id, amna) = trainee(&app, "Amna Saeed", "female").await;
    let token = amna.csrf_token().await;
    let taken = amna
        .post_raw(
            &format!("/cohorts/{cohort}/enroll"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(taken.status().as_u16(), 303);

    // The class's ten sessions are over: it is no longer on offer, so its
    // card is kept on its own, and still shows what changes.
    app.clock.advance(Duration::days(30));
    let amna = app.browser();
    amna.adopt_session(&app, amna_id).await;
    let (status, page) = amna.get_page("/me?lang=en").await;
    assert_eq!(status, 200);
    assert!(visible(&page).contains("Al Ain Centre"), "{page}");

    let (_, admin) = crate::people::signed_in(&app, "admin").await;
    let renamed = admin
        .post_form(
            &format!("/admin/venues/{room}"),
            &[
                ("town", "al-ain"),
                ("name_ar", "مركز العين للتعلم"),
                ("name_en", "Al Ain Learning Centre"),
                ("partner_kind", "school"),
                ("address_ar", "شارع 1"),
                ("address_en", "Street 1"),
                ("seats", "30"),
            ],
        )
        .await;
    assert_eq!(renamed.status().as_u16(), 303);
    let (_, page) = amna.get_page("/me?lang=en").await;
    assert!(visible(&page).contains("Al Ain Learning Centre"), "{page}");
    let (_, page) = amna.get_page("/me?lang=ar").await;
    assert!(visible(&page).contains("مركز العين للتعلم"), "{page}");
}
