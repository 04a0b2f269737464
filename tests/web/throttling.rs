//! Guessing passwords is slowed down, the same for known and unknown
//! accounts, and the real owner can still get in afterwards.

use crate::helpers::spawn_app;
use crate::people::create_person;

#[tokio::test]
async fn the_sixth_wrong_password_in_a_row_answers_429_for_known_and_unknown_accounts() {
    let app = spawn_app().await;
    let person = create_person(&app, "trainer", "known@example.ae", false).await;

    for login in [person.login.as_str(), "nobody@example.ae"] {
        let browser = app.browser();
        for attempt in 1..=5 {
            let response = browser.sign_in(login, "not the password at all").await;
            assert_eq!(
                response.status().as_u16(),
                401,
                "{login}: attempt {attempt}"
            );
            let page = response.text().await.expect("body");
            assert!(
                page.contains("البريد الإلكتروني أو رقم الهوية أو كلمة المرور غير صحيح"),
                "the same message for every login"
            );
        }
        let sixth = browser.sign_in(login, "not the password at all").await;
        assert_eq!(sixth.status().as_u16(), 429, "{login}: the sixth attempt");
        let retry: u64 = sixth.headers()["retry-after"]
            .to_str()
            .expect("ascii")
            .parse()
            .expect("seconds");
        assert!((1..=60).contains(&retry), "retry after {retry} s");
        assert!(
            sixth
                .text()
                .await
                .expect("body")
                .contains("محاولات كثيرة جداً")
        );
    }
}

#[tokio::test]
async fn even_the_right_password_waits_and_then_works() {
    let app = spawn_app().await;
    let person = create_person(&app, "trainer", "known@example.ae", false).await;
    let browser = app.browser();
    for _ in 0..5 {
        browser
            .sign_in(&person.login, "not the password at all")
            .await;
    }

    let blocked = browser.sign_in(&person.login, &person.password).await;
    assert_eq!(
        blocked.status().as_u16(),
        429,
        "no password is checked while throttled"
    );

    app.clock.advance(chrono::Duration::seconds(61));
    let allowed = browser.sign_in(&person.login, &person.password).await;
    assert_eq!(
        allowed.status().as_u16(),
        303,
        "after the delay the owner gets in"
    );
}

#[tokio::test]
async fn the_delay_grows_with_each_further_failure() {
    let app = spawn_app().await;
    let browser = app.browser();
    for _ in 0..5 {
        browser.sign_in("nobody@example.ae", "wrong").await;
    }
    app.clock.advance(chrono::Duration::seconds(61));
    assert_eq!(
        browser
            .sign_in("nobody@example.ae", "wrong")
            .await
            .status()
            .as_u16(),
        401
    );

    let response = browser.sign_in("nobody@example.ae", "wrong").await;

    assert_eq!(response.status().as_u16(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(
        retry > 60 && retry <= 120,
        "the second delay is two minutes, got {retry} s"
    );
}
