//! A trainee registers, signs in and out, and changes their password.

use crate::helpers::spawn_app;
use crate::people::{emirates_id, register, registration, user_count, with};

/// Each bad field, the message shown next to it in Arabic and English.
fn bad_fields() -> Vec<(&'static str, String, &'static str, &'static str)> {
    let wrong_check_digit = {
        let good = emirates_id(1990, 1234567);
        let last = good
            .chars()
            .last()
            .and_then(|c| c.to_digit(10))
            .expect("digit");
        format!("{}{}", &good[..good.len() - 1], (last + 1) % 10)
    };
    vec![
        (
            "emirates_id",
            wrong_check_digit,
            "رقم الهوية الإماراتية غير صحيح",
            "This Emirates ID number is not valid",
        ),
        (
            "emirates_id",
            emirates_id(1991, 1234567),
            "السنة في رقم الهوية لا تطابق سنة الميلاد",
            "does not match the date of birth",
        ),
        (
            "mobile",
            "02 123 4567".to_owned(),
            "يرجى إدخال رقم هاتف متحرك إماراتي",
            "Please give a UAE mobile number",
        ),
        (
            "password",
            "Ab3$xyz".to_owned(),
            "من 10 أحرف على الأقل",
            "at least 10 characters",
        ),
        (
            "password",
            "password1234".to_owned(),
            "سهلة التخمين",
            "too easy to guess",
        ),
        (
            "town",
            "atlantis".to_owned(),
            "يرجى اختيار مدينة من القائمة",
            "Please choose a town from the list",
        ),
        (
            "date_of_birth",
            "2020-01-01".to_owned(),
            "بين 15 و100 سنة",
            "aged 15 to 100",
        ),
        (
            "full_name_ar",
            "Mariam".to_owned(),
            "بالحروف العربية",
            "in Arabic letters",
        ),
    ]
}

#[tokio::test]
async fn every_kind_of_bad_field_is_shown_next_to_the_field_in_both_languages() {
    let app = spawn_app().await;
    for lang in ["ar", "en"] {
        let browser = app.browser();
        browser.get(&format!("/?lang={lang}")).await;
        for (field, value, arabic, english) in bad_fields() {
            let mut form = with(registration(), field, &value);
            if field == "password" {
                form = with(form, "password_confirm", &value);
            }

            let response = register(&browser, &form).await;

            assert_eq!(response.status().as_u16(), 422, "{field}={value}");
            let page = response.text().await.expect("body");
            let message = if lang == "ar" { arabic } else { english };
            let error_start = page
                .find(&format!(r#"id="{field}-error">"#))
                .unwrap_or_else(|| panic!("no error next to {field}:\n{page}"));
            let next_to_field = &page[error_start..error_start + 400.min(page.len() - error_start)];
            assert!(
                next_to_field.contains(message),
                "{lang} {field}: expected {message:?} in {next_to_field}"
            );
            // What was typed stays, except the passwords.
            assert!(
                page.contains(r#"value="Mariam Ahmed""#),
                "the English name is kept"
            );
            assert!(
                page.contains(r#"value="050 123 4567""#) || field == "mobile",
                "the mobile is kept"
            );
            assert!(
                !page.contains("walnut orbit lantern 58"),
                "a password is never echoed"
            );
            assert!(
                !page.contains(&format!(r#"value="{value}""#)) || field != "password",
                "the refused password is not echoed"
            );
        }
    }
    assert_eq!(user_count(&app).await, 0, "nothing was stored");
}

#[tokio::test]
async fn a_duplicate_emirates_id_and_mismatched_confirmation_are_refused() {
    let app = spawn_app().await;
    let first = app.browser();
    assert_eq!(
        register(&first, &registration()).await.status().as_u16(),
        303
    );

    let second = app.browser();
    let again = with(
        with(registration(), "email", "other@example.ae"),
        "emirates_id",
        &emirates_id(1990, 1234567).replace('-', ""),
    );
    let page = register(&second, &again).await.text().await.expect("body");
    assert!(page.contains("يوجد حساب بهذا الرقم من قبل"), "{page}");

    let mismatch = with(
        with(registration(), "email", "third@example.ae"),
        "password_confirm",
        "walnut orbit lantern 59",
    );
    let response = register(
        &second,
        &with(mismatch, "emirates_id", &emirates_id(1990, 7654321)),
    )
    .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(
        page.contains(r#"id="password_confirm-error">كلمتا المرور غير متطابقتين"#),
        "{page}"
    );
    assert_eq!(user_count(&app).await, 1);
}

#[tokio::test]
async fn a_trainee_registers_signs_in_by_emirates_id_and_email_and_signs_out() {
    let app = spawn_app().await;
    let browser = app.browser();

    // Registering signs the trainee in and lands on their page.
    let response = register(&browser, &registration()).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/me");
    let (status, page) = browser.get_page("/me?lang=en").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Welcome, \u{2068}Mariam Ahmed\u{2069}"),
        "{page}"
    );
    assert!(
        page.contains("Welcome to e-Citizen! Your account is ready."),
        "the flash message shows once"
    );
    assert!(
        !browser
            .get_page("/me")
            .await
            .1
            .contains("Your account is ready"),
        "and only once"
    );

    // Signing out ends the session; the old cookie no longer works.
    let phone = app.browser();
    assert_eq!(
        phone
            .sign_in("mariam@example.ae", "walnut orbit lantern 58")
            .await
            .status()
            .as_u16(),
        303
    );
    let out = browser.post_form("/logout", &[]).await;
    assert_eq!(out.status().as_u16(), 303);
    assert_eq!(
        browser.get("/me").await.status().as_u16(),
        303,
        "signed out"
    );
    assert_eq!(
        phone.get("/me").await.status().as_u16(),
        303,
        "every session of the person ended"
    );

    // Signing in by Emirates ID (without dashes) and by e-mail both work.
    let by_id = browser
        .sign_in(
            &emirates_id(1990, 1234567).replace('-', ""),
            "walnut orbit lantern 58",
        )
        .await;
    assert_eq!(by_id.headers()["location"], "/me");
    assert!(browser.get_page("/me").await.1.contains("مريم أحمد"));
    let other = app.browser();
    let by_email = other
        .sign_in("MARIAM@example.ae", "walnut orbit lantern 58")
        .await;
    assert_eq!(by_email.status().as_u16(), 303);
}

#[tokio::test]
async fn the_session_token_changes_at_sign_in_and_a_password_change_ends_other_sessions() {
    let app = spawn_app().await;
    let laptop = app.browser();
    register(&laptop, &registration()).await;
    laptop.post_form("/logout", &[]).await;

    let first = laptop
        .sign_in("mariam@example.ae", "walnut orbit lantern 58")
        .await;
    let first_cookie = first.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    laptop.post_form("/logout", &[]).await;
    let second = laptop
        .sign_in("mariam@example.ae", "walnut orbit lantern 58")
        .await;
    let second_cookie = second.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(first_cookie.starts_with("ec_session=") && second_cookie.starts_with("ec_session="));
    assert_ne!(first_cookie, second_cookie, "a new token at every sign-in");
    assert!(second_cookie.contains("HttpOnly") && second_cookie.contains("SameSite=Lax"));

    let phone = app.browser();
    phone
        .sign_in("mariam@example.ae", "walnut orbit lantern 58")
        .await;
    assert_eq!(phone.get("/me").await.status().as_u16(), 200);

    let changed = laptop
        .post_form(
            "/account/password",
            &[
                ("current_password", "walnut orbit lantern 58"),
                ("new_password", "copper kettle meadow 91"),
                ("new_password_confirm", "copper kettle meadow 91"),
            ],
        )
        .await;
    assert_eq!(changed.status().as_u16(), 303);

    assert_eq!(
        laptop.get("/me").await.status().as_u16(),
        200,
        "this browser stays signed in"
    );
    assert_eq!(
        phone.get("/me").await.status().as_u16(),
        303,
        "the other session ended"
    );
    assert_eq!(
        app.browser()
            .sign_in("mariam@example.ae", "walnut orbit lantern 58")
            .await
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        app.browser()
            .sign_in("mariam@example.ae", "copper kettle meadow 91")
            .await
            .status()
            .as_u16(),
        303
    );
}

#[tokio::test]
async fn a_password_change_is_checked_like_a_new_password() {
    let app = spawn_app().await;
    let browser = app.browser();
    register(&browser, &registration()).await;

    let response = browser
        .post_form(
            "/account/password?lang=en",
            &[
                ("current_password", "wrong one entirely"),
                ("new_password", "Mariam-2026-x"),
                ("new_password_confirm", "x"),
            ],
        )
        .await;

    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(
        page.contains(r#"id="current_password-error">The current password is not correct."#),
        "{page}"
    );
    assert!(
        page.contains(r#"id="new_password-error">The password must not contain your name"#),
        "{page}"
    );
}

#[tokio::test]
async fn sessions_end_after_two_idle_hours_and_twelve_hours_in_all() {
    let app = spawn_app().await;
    let browser = app.browser();
    register(&browser, &registration()).await;

    app.clock.advance(chrono::Duration::minutes(119));
    assert_eq!(
        browser.get("/me").await.status().as_u16(),
        200,
        "still active after 1 h 59 min idle"
    );
    app.clock.advance(chrono::Duration::minutes(121));
    assert_eq!(
        browser.get("/me").await.status().as_u16(),
        303,
        "idle for over 2 hours"
    );

    browser
        .sign_in("mariam@example.ae", "walnut orbit lantern 58")
        .await;
    for _ in 0..12 {
        app.clock.advance(chrono::Duration::minutes(59));
        assert_eq!(
            browser.get("/me").await.status().as_u16(),
            200,
            "active use keeps it alive"
        );
    }
    app.clock.advance(chrono::Duration::minutes(13));
    assert_eq!(
        browser.get("/me").await.status().as_u16(),
        303,
        "but not past 12 hours"
    );
}

#[tokio::test]
async fn on_an_https_site_the_session_cookie_is_secure_with_the_host_prefix() {
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.public_url = Some("https://ecitizen.example.ae".parse().expect("url"));
    })
    .await;
    let person = crate::people::create_person(&app, "trainer", "trainer@example.ae", false).await;
    let browser = app.browser();
    let response = browser.get("/login").await;
    let csrf_cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        csrf_cookie.starts_with("__Host-ec_csrf=") && csrf_cookie.contains("Secure"),
        "{csrf_cookie}"
    );
    let token = crate::people::hidden_value(&response.text().await.expect("body"), "csrf_token")
        .expect("token");

    // The test client speaks plain HTTP, so it sends the cookie by hand.
    let cookie = format!("__Host-ec_csrf={token}");
    let signed_in = browser
        .sign_in_as_sent(
            &person.login,
            &person.password,
            &token,
            &[
                ("cookie", &cookie),
                ("origin", "https://ecitizen.example.ae"),
            ],
        )
        .await;

    assert_eq!(signed_in.status().as_u16(), 303);
    let session = signed_in.headers()["set-cookie"].to_str().expect("ascii");
    assert!(session.starts_with("__Host-ec_session="), "{session}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(session.contains(attribute), "{attribute} in {session}");
    }
    assert!(
        !session.contains("Domain"),
        "__Host- cookies carry no Domain"
    );
}
