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
