//! An exam PIN cannot be guessed: wrong PINs are slowed down per trainee
//! (and per address) and audited, and a trainee who may not start gets the
//! same reply whether the PIN they typed was right or wrong.

use futures_util::future::join_all;

use crate::exam::{open_sitting, ready, spawn_app};

#[tokio::test]
async fn fifty_wrong_pins_at_once_get_no_more_tries_than_the_limit() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let token = browser.csrf_token().await;
    let wrong = if pin == "000000" { "111111" } else { "000000" };

    let guesses = (0..50).map(|_| {
        let (browser, token) = (browser.clone(), token.clone());
        async move {
            let fields = [("pin", wrong), ("csrf_token", token.as_str())];
            browser
                .post_raw("/me/exam", &fields)
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = join_all(guesses).await;

    let checked = statuses.iter().filter(|status| **status == 409).count();
    let waited = statuses.iter().filter(|status| **status == 429).count();
    assert_eq!((checked, waited), (5, 45), "{statuses:?}");
    let right = browser.post_form("/me/exam", &[("pin", &pin)]).await;
    assert_eq!(right.status().as_u16(), 429, "the right PIN waits too");
    assert!(right.headers().contains_key("retry-after"));
    let page = right.text().await.expect("body");
    assert!(page.contains("أُدخل رمز خاطئ مرات كثيرة"));
    let audited = app
        .db
        .read(|conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::audit_log;
            Ok::<_, ecitizen::db::DbError>(
                audit_log::table
                    .filter(audit_log::action.eq("attempt.pin_wrong"))
                    .count()
                    .get_result::<i64>(conn)?,
            )
        })
        .await
        .expect("audit");
    assert_eq!(audited, 5, "each wrong PIN checked is audited");

    app.clock.advance(chrono::Duration::minutes(2));
    let started = browser.post_form("/me/exam", &[("pin", &pin)]).await;
    assert_eq!(
        started.status().as_u16(),
        303,
        "after the wait the right PIN starts"
    );
}

#[tokio::test]
async fn a_trainee_who_may_not_start_learns_nothing_from_the_pin() {
    let app = spawn_app().await;
    // Trainee 1 missed every session: not eligible.
    let ready = ready(&app, 2, &[1]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let absent = &ready.trainees[1].2;
    let wrong = if pin == "000000" { "111111" } else { "000000" };

    let mut replies = Vec::new();
    for typed in [wrong, pin.as_str()] {
        let reply = absent
            .post_form("/me/exam?lang=en", &[("pin", typed)])
            .await;
        let status = reply.status().as_u16();
        let page = reply.text().await.expect("body");
        let message = page
            .split("You may not sit the exam yet")
            .nth(1)
            .map(|_| "not eligible")
            .or_else(|| {
                page.contains("The PIN is not correct")
                    .then_some("wrong PIN")
            });
        replies.push((status, message));
    }

    assert_eq!(
        replies[0], replies[1],
        "the same reply for a wrong and the right PIN"
    );
    assert_eq!(replies[0], (409, Some("not eligible")));
}
