//! Who may do what: CSRF on every POST, roles on every staff page, and
//! only local `next` redirects.

use ecitizen::db::DbError;
use ecitizen::web::ROUTES;

use crate::helpers::{TestApp, spawn_app};
use crate::people::signed_in;

/// A concrete path for a route pattern (ids become 1).
pub(crate) fn concrete(pattern: &str) -> String {
    let mut path = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .map_or(rest.len(), |close| open + close + 1);
        path.push('1');
        rest = &rest[close..];
    }
    path.push_str(rest);
    path
}

/// Rows in the tables a POST could change.
async fn footprint(app: &TestApp) -> (usize, usize, usize) {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::{audit_log, sessions, users};
            let users: i64 = users::table.count().get_result(conn)?;
            let sessions: i64 = sessions::table.count().get_result(conn)?;
            let audit: i64 = audit_log::table.count().get_result(conn)?;
            Ok::<_, DbError>((users as usize, sessions as usize, audit as usize))
        })
        .await
        .expect("counts")
}

#[tokio::test]
async fn every_post_route_refuses_a_request_without_a_valid_csrf_token() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let visitor = app.browser();
    visitor.get("/login").await; // the visitor has a token cookie
    let before = footprint(&app).await;
    let posts: Vec<_> = ROUTES
        .iter()
        .filter(|(method, _)| *method == "POST")
        .collect();
    assert!(
        posts.len() >= 8,
        "the route table lists the POST routes: {posts:?}"
    );

    for (_, pattern) in posts {
        let path = concrete(pattern);
        for (who, browser) in [("admin", &admin), ("visitor", &visitor)] {
            let fields = [("login", "x"), ("role", "admin"), ("current_password", "x")];
            let missing = browser.post_raw(&path, &fields).await;
            assert_eq!(
                missing.status().as_u16(),
                403,
                "{who} POST {path} without a token"
            );
            let page = missing.text().await.expect("body");
            assert!(
                page.contains("لا يمكنك فتح هذه الصفحة"),
                "the 403 page for {path}"
            );

            let forged = browser
                .post_raw(
                    &path,
                    &[("csrf_token", "forged-token-forged-token-forged-token-abcd")],
                )
                .await;
            assert_eq!(
                forged.status().as_u16(),
                403,
                "{who} POST {path} with a forged token"
            );
        }
    }
    assert_eq!(footprint(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn a_token_the_visitor_made_up_is_refused_in_cookie_and_form_alike() {
    let app = spawn_app().await;
    let person = crate::people::create_person(&app, "trainer", "trainer@example.ae", false).await;
    let genuine = app.browser().csrf_token().await;
    let (nonce, _) = genuine.split_once('.').expect("a signed token: nonce.mac");
    let made_up = [
        // The shape of a random token, as a plain double-submit cookie takes.
        "A".repeat(43),
        // The genuine nonce with a MAC of the client's choosing.
        format!("{nonce}.{}", "B".repeat(43)),
        // A genuine MAC moved onto another nonce.
        format!(
            "{}.{}",
            "C".repeat(43),
            genuine.split_once('.').expect("mac").1
        ),
    ];
    for token in &made_up {
        let cookie = format!("ec_csrf={token}");
        let response = app
            .browser()
            .sign_in_as_sent(
                &person.login,
                &person.password,
                token,
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 403, "{token}");
    }

    // The same request with a token this server signed signs in.
    let cookie = format!("ec_csrf={genuine}");
    let response = app
        .browser()
        .sign_in_as_sent(
            &person.login,
            &person.password,
            &genuine,
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);

    // Another server's key (another site, or a restart with a new data
    // directory) does not accept this server's tokens either.
    let other = spawn_app().await;
    let response = other
        .browser()
        .sign_in_as_sent("x", "y", &genuine, &[("cookie", &cookie)])
        .await;
    assert_eq!(response.status().as_u16(), 403);
}

#[tokio::test]
async fn the_token_may_come_in_the_header_for_scripts() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let token = admin.csrf_token().await;

    let response = admin
        .client
        .post(admin.url("/logout"))
        .header("x-csrf-token", token)
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status().as_u16(), 303);
}

#[tokio::test]
async fn a_trainee_gets_403_on_every_staff_page_and_a_visitor_is_sent_to_sign_in() {
    let app = spawn_app().await;
    let (_, trainee) = signed_in(&app, "trainee").await;
    let visitor = app.browser();
    let staff_pages: Vec<String> = ROUTES
        .iter()
        .filter(|(method, path)| {
            *method == "GET"
                && ["/trainer", "/registrar", "/admin"]
                    .iter()
                    .any(|prefix| path.starts_with(prefix))
        })
        .map(|(_, path)| concrete(path))
        .collect();
    assert!(staff_pages.len() >= 4, "{staff_pages:?}");

    for path in &staff_pages {
        let (status, page) = trainee.get_page(path).await;
        assert_eq!(status, 403, "trainee on {path}");
        if path.ends_with(".json") {
            assert!(page.contains(r#""error":403"#), "{path}: {page}");
        } else {
            assert!(page.contains("لا يمكنك فتح هذه الصفحة"), "{path}");
        }

        let response = visitor.get(path).await;
        assert_eq!(response.status().as_u16(), 303, "visitor on {path}");
        let location = response.headers()["location"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert_eq!(
            location,
            format!("/login?next={}", path.replace('/', "%2F"))
        );
    }
}

#[tokio::test]
async fn staff_pages_open_for_their_own_role() {
    let app = spawn_app().await;
    for (role, path) in [
        ("trainer", "/trainer"),
        ("registrar", "/registrar"),
        ("admin", "/admin/users"),
        ("admin", "/admin/audit"),
    ] {
        let (_, browser) = signed_in(&app, role).await;
        let (status, page) = browser.get_page(path).await;
        assert_eq!(status, 200, "{role} on {path}");
        assert!(
            page.contains("تسجيل الخروج"),
            "the sign-out button is there"
        );
    }
    let (_, trainer) = signed_in(&app, "trainer").await;
    assert_eq!(
        trainer.get("/me").await.status().as_u16(),
        403,
        "a trainer has no trainee page"
    );
}

#[tokio::test]
async fn after_sign_in_only_a_local_next_is_followed() {
    let app = spawn_app().await;
    let person = crate::people::create_person(&app, "admin", "boss@example.ae", false).await;

    let browser = app.browser();
    let page = browser.get_page("/login?next=%2Fadmin%2Faudit").await.1;
    assert!(page.contains(r#"name="next" value="/admin/audit""#));
    let local = browser
        .post_form(
            "/login",
            &[
                ("login", &person.login),
                ("password", &person.password),
                ("next", "/admin/audit"),
            ],
        )
        .await;
    assert_eq!(local.headers()["location"], "/admin/audit");

    for elsewhere in [
        "https://elsewhere.example/",
        "//elsewhere.example/x",
        "/\\elsewhere.example",
    ] {
        let other = app.browser();
        let response = other
            .post_form(
                "/login",
                &[
                    ("login", &person.login),
                    ("password", &person.password),
                    ("next", elsewhere),
                ],
            )
            .await;
        assert_eq!(
            response.headers()["location"],
            "/admin/users",
            "next={elsewhere} is ignored"
        );
    }
}
