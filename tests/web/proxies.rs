//! Forwarding headers (`X-Forwarded-For`, `-Host`, `-Proto`, `Forwarded`)
//! count only from a configured trusted proxy: anyone else sending them
//! changes neither the address they are throttled and audited under, nor
//! the origin the CSRF check expects, nor where a certificate's QR code
//! points.

use diesel::prelude::*;
use ecitizen::db::DbError;
use ecitizen::db::schema::login_attempts;

use crate::certificates::signatures::{certificate_page, decode_qr, graduate};
use crate::exam::spawn_app_customized as spawn_app;
use crate::helpers::TestApp;
use crate::people::{Browser, create_person};

/// A wrong sign-in sent with `headers`; returns the status.
async fn wrong_sign_in(browser: &Browser, login: &str, headers: &[(&str, &str)]) -> u16 {
    let token = browser.csrf_token().await;
    browser
        .sign_in_as_sent(login, "not the password at all", &token, headers)
        .await
        .status()
        .as_u16()
}

/// The same browser (its cookies), sending `headers` with every request.
fn with_headers(browser: &Browser, headers: &[(&str, &str)]) -> Browser {
    let headers = headers
        .iter()
        .map(|(name, value)| (name.parse().expect("name"), value.parse().expect("value")))
        .collect();
    Browser {
        client: reqwest::Client::builder()
            .cookie_provider(browser.jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .expect("client"),
        ..browser.clone()
    }
}

/// A new graduate's certificate page asked for with `X-Forwarded-Host:
/// host` and `X-Forwarded-Proto: https`: (what its QR code says, the code).
async fn qr_asked_with_forwarded_host(app: &TestApp, host: &str) -> (String, String) {
    let (winner, certificate) = graduate(app).await;
    let asked = with_headers(
        &winner,
        &[("x-forwarded-host", host), ("x-forwarded-proto", "https")],
    );
    let scanned = decode_qr(&certificate_page(&asked).await);
    (scanned, certificate.code.expect("code"))
}

/// The client addresses the sign-in throttle recorded, in order.
async fn recorded_addresses(app: &TestApp) -> Vec<String> {
    app.db
        .read(|conn| {
            login_attempts::table
                .order(login_attempts::id)
                .select(login_attempts::client_ip)
                .load::<String>(conn)
                .map_err(DbError::Query)
        })
        .await
        .expect("read")
}

#[tokio::test]
async fn forged_forwarding_headers_change_nothing_without_a_trusted_proxy() {
    let app = spawn_app(|_| {}).await;
    let person = create_person(&app, "trainer", "target@example.ae", false).await;

    // Each wrong password claims to come from another address: all count
    // against the real one, so the sixth is throttled.
    let browser = app.browser();
    for n in 1..=5 {
        let forged = format!("203.0.113.{n}");
        let status = wrong_sign_in(
            &browser,
            &person.login,
            &[
                ("x-forwarded-for", &forged),
                ("forwarded", &format!("for={forged}")),
            ],
        )
        .await;
        assert_eq!(status, 401, "attempt {n}");
    }
    let sixth = wrong_sign_in(
        &browser,
        &person.login,
        &[("x-forwarded-for", "198.51.100.1")],
    )
    .await;
    assert_eq!(sixth, 429);
    assert!(
        recorded_addresses(&app)
            .await
            .iter()
            .all(|ip| ip == "127.0.0.1"),
        "only the TCP peer is recorded"
    );

    // A foreign Origin does not become "this site" by naming it as the host.
    let token = browser.csrf_token().await;
    let status = browser
        .client
        .post(browser.url("/logout"))
        .header("origin", "http://evil.example")
        .header("x-forwarded-host", "evil.example")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .expect("sent")
        .status()
        .as_u16();
    assert_eq!(status, 403);

    // The certificate's QR code points to the address the page was asked
    // on, whatever host the request says it was forwarded for.
    let (scanned, code) = qr_asked_with_forwarded_host(&app, "evil.example").await;
    assert!(
        scanned.starts_with(&format!("{}/verify/{code}?t=", app.address)),
        "{scanned}"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_and_host_are_used() {
    let app = spawn_app(|settings| {
        settings.trusted_proxies = "127.0.0.1".parse().expect("a proxy list");
    })
    .await;
    let person = create_person(&app, "trainer", "target@example.ae", false).await;

    // The proxy forwards two clients; the one guessing is throttled, the
    // owner at another address is not.
    let proxy = app.browser();
    for n in 1..=5 {
        let status =
            wrong_sign_in(&proxy, &person.login, &[("x-forwarded-for", "203.0.113.7")]).await;
        assert_eq!(status, 401, "attempt {n}");
    }
    assert_eq!(
        wrong_sign_in(&proxy, &person.login, &[("x-forwarded-for", "203.0.113.7")]).await,
        429
    );
    // A client that prepends an address of its own is still itself.
    assert_eq!(
        wrong_sign_in(
            &proxy,
            &person.login,
            &[("x-forwarded-for", "198.51.100.1, 203.0.113.7")]
        )
        .await,
        429
    );
    let owner = app.browser();
    let token = owner.csrf_token().await;
    let signed_in = owner
        .sign_in_as_sent(
            &person.login,
            &person.password,
            &token,
            &[("forwarded", "for=\"[2001:db8::42]:4711\";proto=http")],
        )
        .await;
    assert_eq!(signed_in.status().as_u16(), 303, "the owner gets in");
    let recorded = recorded_addresses(&app).await;
    assert_eq!(recorded.iter().filter(|ip| *ip == "203.0.113.7").count(), 5);
    assert_eq!(recorded.last().map(String::as_str), Some("2001:db8::42"));

    // The host and scheme the proxy names are the site's, for the QR code.
    let (scanned, code) = qr_asked_with_forwarded_host(&app, "ecitizen.example.ae").await;
    assert!(
        scanned.starts_with(&format!("https://ecitizen.example.ae/verify/{code}?t=")),
        "{scanned}"
    );
}
