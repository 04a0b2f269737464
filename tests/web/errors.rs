//! Error pages speak the visitor's language, carry the right status and
//! never show internals.

use crate::helpers::{assert_arabic, assert_english, spawn_app};

#[tokio::test]
async fn an_unknown_path_gets_the_translated_404_page() {
    let app = spawn_app().await;

    let (status, body) = app.get_page("/no/such/page").await;
    assert_eq!(status, 404);
    assert_arabic(&body);
    assert!(body.contains("الصفحة غير موجودة"));

    let (status, body) = app.get_page("/no/such/page?lang=en").await;
    assert_eq!(status, 404);
    assert_english(&body);
    assert!(body.contains("Page not found"));
    assert!(body.contains(r#"href="/""#), "a way back home");
}

#[tokio::test]
async fn json_clients_get_json_errors() {
    let app = spawn_app().await;

    let response = app
        .client
        .get(app.url("/nothing-here"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status().as_u16(), 404);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["error"], 404);
}

#[tokio::test]
async fn an_address_that_is_too_long_gets_the_translated_414_page() {
    let app = spawn_app().await;
    let long = "ا".repeat(5_000); // 10,000 bytes, percent-encoded 30,000
    let (status, body) = app.get_page(&format!("/cohorts?q={long}")).await;
    assert_eq!(status, 414);
    assert_arabic(&body);
    assert!(body.contains("العنوان طويل جداً"), "{body}");
    assert!(
        body.len() < 10_000,
        "the address is not repeated on the page"
    );

    let (status, body) = app.get_page(&format!("/cohorts?lang=en&q={long}")).await;
    assert_eq!(status, 414);
    assert_english(&body);
    assert!(body.contains("The address is too long"));
    assert!(body.contains(r#"href="/""#), "a way back home");

    let (status, body) = app.get_page(&format!("/cohorts.json?q={long}")).await;
    assert_eq!(status, 414);
    assert!(body.contains(r#""error":414"#), "{body}");

    // A long but reasonable search still works.
    let (status, _) = app
        .get_page(&format!("/cohorts?q={}", "a".repeat(2_000)))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_malformed_query_gets_the_translated_400_page() {
    let app = spawn_app().await;
    let (_, admin) = crate::people::signed_in(&app, "admin").await;
    let (status, body) = admin.get_page("/admin/audit?page=many").await;
    assert_eq!(status, 400);
    assert_arabic(&body);
    assert!(body.contains("تعذّر فهم الطلب"), "{body}");
    let (status, body) = admin.get_page("/admin/audit?lang=en&page=-1").await;
    assert_eq!(status, 400);
    assert_english(&body);
    assert!(
        body.contains("The request could not be understood"),
        "{body}"
    );
}

#[tokio::test]
async fn a_wrong_method_gets_the_translated_405_page() {
    let app = spawn_app().await;

    let response = app.browser().post_form("/?lang=en", &[]).await;

    assert_eq!(response.status().as_u16(), 405);
    let body = response.text().await.expect("body");
    assert_english(&body);
    assert!(body.contains("This action is not allowed here"));
}

#[tokio::test]
async fn a_body_that_is_too_large_gets_the_413_page() {
    let app = spawn_app().await;
    let body = vec![b'x'; 5 * 1024 * 1024];

    let response = app
        .client
        .post(app.url("/"))
        .body(body)
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status().as_u16(), 413);
    let page = response.text().await.expect("body");
    assert_arabic(&page);
    assert!(page.contains("ما أرسلته كبير جداً"));
}

#[tokio::test]
async fn a_post_from_another_site_gets_the_403_page() {
    let app = spawn_app().await;

    let response = app
        .client
        .post(app.url("/?lang=en"))
        .header("origin", "https://attacker.example")
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status().as_u16(), 403);
    let page = response.text().await.expect("body");
    assert_english(&page);
    assert!(page.contains("You cannot open this page"));
}

#[tokio::test]
async fn a_broken_database_gets_the_500_page_without_internals() {
    let app = spawn_app().await;
    app.execute("DROP TABLE syllabus_blocks").await;

    let response = app.get("/?lang=en").await;

    assert_eq!(response.status().as_u16(), 500);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let page = response.text().await.expect("body");
    assert_english(&page);
    assert!(page.contains("Something went wrong on our side"));
    assert!(
        page.contains(&request_id),
        "the page gives the request id for support"
    );
    for internal in [
        "syllabus_blocks",
        "diesel",
        "SQL",
        "no such table",
        "does not exist",
    ] {
        assert!(!page.contains(internal), "the page leaks {internal:?}");
    }
}
