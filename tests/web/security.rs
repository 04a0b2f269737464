//! Headers every response carries.

use crate::helpers::spawn_app;

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let app = spawn_app().await;

    for path in ["/", "/cohorts", "/no-such-page", "/healthz"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert!(headers.contains_key("x-request-id"), "{path}");
    }
}

#[tokio::test]
async fn pages_have_no_inline_script() {
    let app = spawn_app().await;

    for path in ["/", "/cohorts", "/missing"] {
        let (_, body) = app.get_page(path).await;
        assert!(
            !body.contains("<script>") && !body.contains("onclick="),
            "{path} has inline script"
        );
    }
}

/// Whether a response may be kept by a browser's or a proxy's cache.
fn stored(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("cache-control")
        .and_then(|value| value.to_str().ok())
        .is_none_or(|value| !value.contains("no-store"))
}

#[tokio::test]
async fn no_page_a_signed_in_person_receives_is_kept_in_a_cache() {
    use crate::authorization::concrete;
    use ecitizen::web::ROUTES;
    let app = spawn_app().await;
    let pages: Vec<String> = ROUTES
        .iter()
        .filter(|(method, _)| *method == "GET")
        .map(|(_, path)| concrete(path))
        .filter(|path| path != "/cohorts.json" && !path.starts_with("/static/"))
        .collect();
    assert!(
        pages.len() > 30,
        "the route table lists the pages: {pages:?}"
    );

    for role in ["trainee", "trainer", "registrar", "admin"] {
        let (_, browser) = crate::people::signed_in(&app, role).await;
        for path in &pages {
            let response = browser.get(path).await;
            assert!(
                !stored(&response),
                "{role} on {path} ({}) may be cached",
                response.status()
            );
        }
        // Public data stays cacheable, even for someone signed in.
        assert!(stored(&browser.get("/cohorts.json").await));
    }
    // A certificate's verification page names its holder, for anyone.
    assert!(!stored(&app.get("/verify/ABCD-EFGH-JKLM").await));
    assert!(stored(&app.get("/cohorts").await), "a visitor's catalogue");
}

#[tokio::test]
async fn an_https_site_tells_browsers_to_use_only_https() {
    let plain = spawn_app().await;
    assert!(
        !plain
            .get("/")
            .await
            .headers()
            .contains_key("strict-transport-security")
    );

    let https = crate::helpers::spawn_app_with(|settings| {
        settings.public_url = Some("https://ecitizen.example.ae".parse().expect("url"));
    })
    .await;
    for path in ["/", "/login", "/no-such-page"] {
        let response = https.get(path).await;
        let hsts = response.headers()["strict-transport-security"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(hsts.starts_with("max-age=31536000"), "{path}: {hsts}");
    }
}

#[tokio::test]
async fn a_throttled_open_data_look_up_answers_in_json() {
    let app = spawn_app().await;
    let mut last = None;
    for _ in 0..40 {
        let reply = app.get("/verify/ABCD-EFGH-JKLM.json").await;
        if reply.status().as_u16() == 429 {
            last = Some(reply);
            break;
        }
    }
    let throttled = last.expect("look-ups are throttled after a burst");
    assert_eq!(throttled.headers()["content-type"], "application/json");
    assert!(throttled.headers().contains_key("retry-after"));
    let body: serde_json::Value = throttled.json().await.expect("a JSON body");
    assert_eq!(body["error"], 429);
}
