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

#[tokio::test]
async fn fifty_wrong_passwords_at_once_get_no_more_tries_than_the_limit() {
    let app = spawn_app().await;
    let person = create_person(&app, "trainer", "known@example.ae", false).await;
    let browser = app.browser();
    let token = browser.csrf_token().await;

    let guesses = (0..50).map(|n| {
        let (browser, token, login) = (browser.clone(), token.clone(), person.login.clone());
        async move {
            let password = format!("guess number {n}");
            let fields = [
                ("login", login.as_str()),
                ("password", password.as_str()),
                ("csrf_token", token.as_str()),
            ];
            browser.post_raw("/login", &fields).await.status().as_u16()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;

    let checked = statuses.iter().filter(|status| **status == 401).count();
    let refused = statuses.iter().filter(|status| **status == 429).count();
    assert_eq!(checked, 5, "exactly the limit was checked: {statuses:?}");
    assert_eq!(refused, 45, "the rest waited: {statuses:?}");
    let right = browser.sign_in(&person.login, &person.password).await;
    assert_eq!(
        right.status().as_u16(),
        429,
        "the right password does not get in"
    );
}

#[tokio::test]
async fn failures_from_one_address_do_not_lock_the_owner_out_from_another() {
    let app = spawn_app().await;
    let person = create_person(&app, "trainer", "known@example.ae", false).await;
    // A classmate tries the owner's login from their own machine.
    let classmate = app.browser_from("127.0.0.2");
    for _ in 0..5 {
        classmate
            .sign_in(&person.login, "not the password at all")
            .await;
    }
    let more = classmate.sign_in(&person.login, &person.password).await;
    assert_eq!(more.status().as_u16(), 429, "the guessing address waits");

    let owner = app.browser_from("127.0.0.3");
    let signed_in = owner.sign_in(&person.login, &person.password).await;
    assert_eq!(
        signed_in.status().as_u16(),
        303,
        "the owner gets in from elsewhere"
    );
}

#[tokio::test]
async fn a_guess_spread_over_many_addresses_is_slowed_down_for_the_account() {
    let app = spawn_app().await;
    let person = create_person(&app, "trainer", "known@example.ae", false).await;
    for n in 0..4 {
        let machine = app.browser_from(&format!("127.0.1.{}", n + 1));
        for _ in 0..5 {
            let reply = machine
                .sign_in(&person.login, "not the password at all")
                .await;
            assert_eq!(reply.status().as_u16(), 401);
        }
    }

    // Twenty failures across addresses: every address now waits, the
    // owner's too, but not for more than the account's ceiling.
    let owner = app.browser_from("127.0.2.1");
    let waiting = owner.sign_in(&person.login, &person.password).await;
    assert_eq!(waiting.status().as_u16(), 429);
    let retry: i64 = waiting.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=120).contains(&retry), "a minute or two: {retry} s");
    app.clock.advance(chrono::Duration::seconds(retry));
    let signed_in = owner.sign_in(&person.login, &person.password).await;
    assert_eq!(signed_in.status().as_u16(), 303);
}

#[tokio::test]
async fn a_class_signing_in_at_once_from_its_school_address_all_get_in() {
    let app = spawn_app().await;
    let mut class = Vec::new();
    for n in 0..40 {
        let person =
            create_person(&app, "trainer", &format!("t{n}@school.example.ae"), false).await;
        let browser = app.browser();
        let token = browser.csrf_token().await;
        class.push((person, browser, token));
    }

    let sign_ins = class.iter().map(|(person, browser, token)| async move {
        browser
            .sign_in_as_sent(&person.login, &person.password, token, &[])
            .await
            .status()
            .as_u16()
    });
    let statuses = futures_util::future::join_all(sign_ins).await;

    assert!(
        statuses.iter().all(|status| *status == 303),
        "every trainee of the class is signed in: {statuses:?}"
    );
}

#[tokio::test]
async fn a_burst_of_guesses_across_accounts_is_checked_a_bounded_number_at_a_time() {
    let app = spawn_app().await;
    let browser = app.browser();
    let token = browser.csrf_token().await;
    let guesses = (0..120).map(|n| {
        let (browser, token) = (browser.clone(), token.clone());
        async move {
            browser
                .sign_in_as_sent(
                    &format!("nobody{n}@example.ae"),
                    "a guess at it",
                    &token,
                    &[],
                )
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;

    let checked = statuses.iter().filter(|status| **status == 401).count();
    let limit = 30 + ecitizen::auth::throttle::IN_FLIGHT_PER_CLIENT;
    assert!(
        (30..=limit).contains(&checked),
        "{checked} checked, at most {limit}: {statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|status| **status == 429).count(),
        120 - checked
    );
    // Once they are settled, the address waits whichever account it tries.
    let next = browser
        .sign_in("somebody.else@example.ae", "another guess")
        .await;
    assert_eq!(next.status().as_u16(), 429);
}
