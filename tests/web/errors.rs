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

/// Sends `request` as raw bytes on a new connection and reads the reply
/// until the server closes it: what a browser (or an attacker) sees when
/// the request never reaches the application.
async fn raw_exchange(app: &crate::helpers::TestApp, request: &[u8]) -> (u16, String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connected");
    // A server may answer before it has read everything; a refused write
    // after its reply is part of the story, not a failure.
    let _ = stream.write_all(request).await;
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply).await;
    let reply = String::from_utf8(reply).expect("UTF-8 reply");
    let (head, body) = reply.split_once("\r\n\r\n").expect("a complete head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    (status, head.to_ascii_lowercase(), body.to_owned())
}

fn assert_bilingual_page(head: &str, body: &str, ar_title: &str, en_title: &str) {
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(head.contains("connection: close"), "{head}");
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(
        head.contains(&format!("content-length: {}", body.len())),
        "{head}"
    );
    assert!(body.contains(r#"<html lang="ar" dir="rtl">"#), "{body}");
    assert!(body.contains(r#"lang="en" dir="ltr""#), "{body}");
    let ar = body.find(ar_title).expect("the Arabic title");
    let en = body.find(en_title).expect("the English title");
    assert!(ar < en, "Arabic first");
    assert!(body.contains(r#"href="/?lang=en""#), "a way back home");
}

#[tokio::test]
async fn an_address_of_100000_characters_gets_the_bilingual_414_page() {
    let app = spawn_app().await;
    let request = format!(
        "GET /cohorts?q={} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(100_000)
    );
    let (status, head, body) = raw_exchange(&app, request.as_bytes()).await;
    assert_eq!(status, 414, "{head}");
    assert_bilingual_page(&head, &body, "العنوان طويل جداً", "The address is too long");
    assert!(body.len() < 10_000, "the address is not repeated");

    // A request line longer than the parser reads at all (200,000 bytes).
    let request = format!(
        "GET /{} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "b".repeat(200_000)
    );
    let (status, head, body) = raw_exchange(&app, request.as_bytes()).await;
    assert_eq!(status, 414, "{head}");
    assert_bilingual_page(&head, &body, "العنوان طويل جداً", "The address is too long");

    // The server is still there for everyone else.
    let (status, _) = app.get_page("/cohorts").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_request_the_parser_cannot_read_gets_the_bilingual_400_page() {
    let app = spawn_app().await;
    let (status, head, body) =
        raw_exchange(&app, b"GET /\x01bad HTTP/1.1\r\nHost: localhost\r\n\r\n").await;
    assert_eq!(status, 400, "{head}");
    assert_bilingual_page(
        &head,
        &body,
        "تعذّر فهم الطلب",
        "The request could not be understood",
    );
}

#[tokio::test]
async fn headers_too_large_get_the_bilingual_431_page() {
    let app = spawn_app().await;
    let request = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: old={}\r\n\r\n",
        "c".repeat(140_000)
    );
    let (status, head, body) = raw_exchange(&app, request.as_bytes()).await;
    assert_eq!(status, 431, "{head}");
    assert_bilingual_page(
        &head,
        &body,
        "رأس الطلب كبير جداً",
        "The request is too large",
    );
}

#[tokio::test]
async fn keep_alive_requests_are_answered_by_the_application_as_before() {
    let app = spawn_app().await;
    // Two requests on one connection: both are the application's replies.
    let (status, head, body) = raw_exchange(
        &app,
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n\
          GET /no/such/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    assert!(
        body.contains("HTTP/1.1 404 Not Found"),
        "the second reply follows on the same connection: {body}"
    );
    assert!(body.contains("الصفحة غير موجودة"), "{body}");
}
