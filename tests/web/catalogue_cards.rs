//! What a visitor sees on the catalogue's cards and filters: the language
//! switch keeps the filters (and `lang` never filters), the Arabic card
//! reads as Arabic, months have names, and a town from another region gives
//! way to the chosen region instead of an empty list.

use chrono::Duration;
use ecitizen::domain::cohort::{Period, TeachingLanguage};

use crate::fixtures::{class, class_fields, date, venue};
use crate::helpers::{TestApp, assert_arabic, assert_english, spawn_app};

/// The class ids a catalogue page shows, in order.
fn ids(page: &str) -> Vec<String> {
    page.split(r#"data-cohort=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

/// The text without the invisible marks that isolate values for bidi.
fn visible(page: &str) -> String {
    page.replace(['\u{2068}', '\u{2069}'], "")
}

/// Where the page's language switch leads, unescaped.
fn switch_link(page: &str) -> String {
    let at = page
        .find(r#"class="lang-switch" href=""#)
        .expect("a switch")
        + 26;
    page[at..at + page[at..].find('"').expect("quote")]
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// The class ids of an open-data answer, sorted.
async fn json_ids(app: &TestApp, path: &str) -> Vec<i64> {
    let json: serde_json::Value = app.get(path).await.json().await.expect("json");
    let mut ids: Vec<i64> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|record| record["id"].as_i64())
        .collect();
    ids.sort_unstable();
    ids
}

/// Morning and evening classes in Al Ain, March and April, one taught in
/// English, and a morning class in Abu Dhabi city.
async fn classes(app: &TestApp) -> (i32, i32) {
    let al_ain = venue(app, "al-ain", "Al Ain Centre", 30).await;
    let abu_dhabi = venue(app, "abu-dhabi-city", "Capital Centre", 30).await;
    for (weeks, period, language) in [
        (0, Period::Morning, TeachingLanguage::Arabic),
        (1, Period::Morning, TeachingLanguage::English),
        (2, Period::Evening, TeachingLanguage::Arabic),
        (4, Period::Morning, TeachingLanguage::Arabic),
    ] {
        let mut fields = class_fields(al_ain);
        fields.start_date = date("2026-03-09") + Duration::weeks(weeks);
        fields.period = period;
        if period == Period::Evening {
            fields.starts_time = chrono::NaiveTime::from_hms_opt(17, 0, 0).expect("time");
            fields.ends_time = chrono::NaiveTime::from_hms_opt(20, 0, 0).expect("time");
        }
        fields.teaching_language = language;
        class(app, fields).await;
    }
    class(app, class_fields(abu_dhabi)).await;
    (al_ain, abu_dhabi)
}

#[tokio::test]
async fn switching_language_keeps_every_filter_and_the_same_classes() {
    let app = spawn_app().await;
    classes(&app).await;
    let filtered =
        "/cohorts?region=eastern&town=al-ain&period=morning&language=ar&month=2026-03&page=1";

    let (status, arabic) = app.get_page(filtered).await;

    assert_eq!(status, 200);
    assert_arabic(&arabic);
    let shown = ids(&arabic);
    assert_eq!(shown.len(), 1, "one Arabic-taught March morning class");
    let link = switch_link(&arabic);
    for kept in [
        "region=eastern",
        "town=al-ain",
        "period=morning",
        "language=ar",
        "month=2026-03",
        "page=1",
        "lang=en",
    ] {
        assert!(link.contains(kept), "{kept} in {link}");
    }
    let (_, english) = app.get_page(&link).await;
    assert_english(&english);
    assert_eq!(ids(&english), shown, "the same classes in English");
    // And back again.
    let (_, again) = app.get_page(&switch_link(&english)).await;
    assert_arabic(&again);
    assert_eq!(ids(&again), shown);

    // `lang` is the page's language, never the teaching language.
    let (_, english_page) = app.get_page("/cohorts?region=eastern&lang=en").await;
    assert_eq!(ids(&english_page).len(), 4, "classes taught in Arabic too");
}

#[tokio::test]
async fn the_open_data_ignores_the_page_language() {
    let app = spawn_app().await;
    classes(&app).await;

    let every = json_ids(&app, "/cohorts.json").await;
    assert_eq!(every.len(), 5);
    for lang in ["en", "ar"] {
        assert_eq!(
            json_ids(&app, &format!("/cohorts.json?lang={lang}")).await,
            every,
            "lang={lang}"
        );
    }
    let morning = json_ids(&app, "/cohorts.json?region=eastern&period=morning").await;
    assert_eq!(morning.len(), 3);
    assert_eq!(
        json_ids(&app, "/cohorts.json?region=eastern&period=morning&lang=en").await,
        morning
    );
    assert_eq!(
        json_ids(&app, "/cohorts.json?region=eastern&language=en&lang=ar")
            .await
            .len(),
        1,
        "language is the teaching-language filter"
    );
}

#[tokio::test]
async fn a_card_reads_as_its_language_and_months_have_names() {
    let app = spawn_app().await;
    classes(&app).await;

    let (_, arabic) = app.get_page("/cohorts?lang=ar").await;
    let arabic = visible(&arabic);
    assert!(
        arabic.contains("الاثنين، الثلاثاء، الأربعاء، الخميس، الجمعة"),
        "days joined with the Arabic comma: {arabic}"
    );
    assert!(!arabic.contains("الاثنين, "), "no Latin comma between days");
    assert!(
        arabic.contains("، <bdi>09:00–12:00</bdi>"),
        "the hours kept on one line, after the Arabic comma"
    );
    assert!(arabic.contains(">مارس 2026</option>"), "{arabic}");
    assert!(arabic.contains(">أبريل 2026</option>"));
    assert!(!arabic.contains(">2026-03<"), "no bare month codes");
    // A date range does not break in its middle.
    assert!(
        arabic.contains(
            r#"<span class="nowrap"><bdi>2026-03-09</bdi> – <bdi>2026-03-20</bdi></span>"#
        )
    );

    let (_, english) = app.get_page("/cohorts?lang=en&month=2026-04").await;
    let english = visible(&english);
    assert!(english.contains("Monday, Tuesday, Wednesday, Thursday, Friday"));
    assert!(
        english.contains(r#"<option value="2026-04" selected>April 2026</option>"#),
        "{english}"
    );
    assert!(english.contains(">March 2026</option>"));
    assert_eq!(ids(&english).len(), 1, "one class starts in April");
}

#[tokio::test]
async fn a_town_outside_the_chosen_region_gives_way_to_the_region() {
    let app = spawn_app().await;
    classes(&app).await;
    let town_options = |page: &str| -> Vec<String> {
        let select = page
            .split(r#"<select id="town""#)
            .nth(1)
            .expect("town select");
        let select = &select[..select.find("</select>").expect("end")];
        select
            .split(r#"<option value=""#)
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .filter(|code| !code.is_empty())
            .collect()
    };

    // Without a region, every town is offered.
    let (_, all) = app.get_page("/cohorts?lang=en").await;
    assert_eq!(town_options(&all).len(), 8);
    // With one, only its towns.
    let (_, eastern) = app.get_page("/cohorts?lang=en&region=eastern").await;
    assert_eq!(town_options(&eastern), ["al-ain", "al-hayer", "al-wagan"]);

    // Abu Dhabi region with Al Ain (chosen before the region changed): the
    // region wins, the page says why, and its class is shown.
    let (status, page) = app
        .get_page("/cohorts?lang=en&region=abu-dhabi&town=al-ain")
        .await;
    assert_eq!(status, 200);
    let text = visible(&page);
    assert_eq!(ids(&page).len(), 1, "the Abu Dhabi class: {text}");
    assert!(
        text.contains("Al Ain is not in Abu Dhabi Region, so the classes of every town in Abu Dhabi Region are shown."),
        "{text}"
    );
    assert!(!text.contains("No class matches"));
    assert_eq!(town_options(&page), ["abu-dhabi-city"]);
    assert!(!page.contains(r#"value="al-ain" selected"#));
    // In Arabic too.
    let (_, arabic) = app
        .get_page("/cohorts?lang=ar&region=abu-dhabi&town=al-ain")
        .await;
    assert!(visible(&arabic).contains("العين ليست في منطقة أبوظبي"));

    // A town in the chosen region still narrows the list.
    let (_, al_ain) = app.get_page("/cohorts?region=eastern&town=al-ain").await;
    assert_eq!(ids(&al_ain).len(), 4);
    assert!(!al_ain.contains(r#"id="town-dropped""#));
}
