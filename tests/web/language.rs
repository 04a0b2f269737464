//! Arabic first, right to left; English on request, remembered.

use crate::helpers::{assert_arabic, assert_english, spawn_app};

#[tokio::test]
async fn the_home_page_is_arabic_and_right_to_left_by_default() {
    let app = spawn_app().await;

    let (status, body) = app.get_page("/").await;

    assert_eq!(status, 200);
    assert_arabic(&body);
    assert!(body.contains("مهارات الحاسوب لكل مواطن"), "Arabic heading");
    // The three regions and their towns, from the reference data.
    for name in [
        "منطقة أبوظبي",
        "المنطقة الشرقية (منطقة العين)",
        "المنطقة الغربية (الظفرة)",
        "الهير",
        "السلع",
    ] {
        assert!(body.contains(name), "the home page names {name}");
    }
    assert!(
        body.contains(r##"<a class="skip-link" href="#main">"##),
        "skip link first"
    );
    assert!(body.contains(r#"href="/?lang=en""#), "offers English");
}

#[tokio::test]
async fn choosing_english_switches_direction_and_is_remembered() {
    let app = spawn_app().await;

    let (_, body) = app.get_page("/?lang=en").await;
    assert_english(&body);
    assert!(body.contains("Computer skills for every citizen"));
    assert!(body.contains("Al Wagan") && body.contains("Madinat Zayed"));

    // The cookie keeps English on the next page without the parameter.
    let (_, catalogue) = app.get_page("/cohorts").await;
    assert_english(&catalogue);
    assert!(catalogue.contains("No classes are open for enrolment yet"));

    // And Arabic can be chosen back.
    let (_, back) = app.get_page("/cohorts?lang=ar").await;
    assert_arabic(&back);
    assert!(back.contains("لا توجد صفوف مفتوحة للتسجيل بعد"));
}

#[tokio::test]
async fn the_language_switch_keeps_the_page_and_its_filters() {
    let app = spawn_app().await;

    let (_, body) = app.get_page("/cohorts?region=eastern&period=evening").await;

    assert!(
        body.contains(r#"href="/cohorts?region=eastern&#38;period=evening&#38;lang=en""#),
        "the switch link keeps the filters:\n{body}"
    );
}

#[tokio::test]
async fn an_unknown_language_falls_back_to_arabic() {
    let app = spawn_app().await;

    let response = app.get("/?lang=fr").await;

    let remembered = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|cookie| cookie.as_bytes().starts_with(b"lang="));
    assert!(!remembered, "nothing remembered");
    assert_arabic(&response.text().await.expect("body"));
}

#[tokio::test]
async fn the_catalogue_shows_its_empty_state_in_arabic() {
    let app = spawn_app().await;

    let (status, body) = app.get_page("/cohorts").await;

    assert_eq!(status, 200);
    assert_arabic(&body);
    assert!(body.contains("لا توجد صفوف مفتوحة للتسجيل بعد"));
    assert!(
        body.contains(r#"aria-current="page">الصفوف"#),
        "the navigation marks the current page"
    );
}
