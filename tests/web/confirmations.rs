//! Changes that cannot be undone ask first, on a page that works without
//! JavaScript: the first press changes nothing and says what will happen;
//! only the confirmed form does it. Withdrawing, deactivating an account,
//! another role, ending someone's attempt, and submitting an exam with
//! questions unanswered.

use ecitizen::db::DbError;
use ecitizen::db::models::user::User;
use ecitizen::domain::person::Role;

use crate::exam::{attempt_row, open_sitting, ready, save_json, spawn_app, start};
use crate::fixtures::{class, class_fields, places, trainee, venue};
use crate::helpers::TestApp;
use crate::people::signed_in;

async fn user(app: &TestApp, id: i32) -> User {
    app.db
        .read(move |conn| Ok::<_, DbError>(User::find(conn, id)?))
        .await
        .expect("read")
        .expect("the account")
}

#[tokio::test]
async fn a_trainee_is_told_her_seat_goes_to_the_wait_list_before_she_withdraws() {
    let app = spawn_app().await;
    let room = venue(&app, "al-ain", "Al Ain Centre", 10).await;
    let cohort = class(
        &app,
        crate::fixtures::CohortFieldsExt::with_capacity(class_fields(room), 1),
    )
    .await;
    let (first, seated) = trainee(&app, "First", "female").await;
    let (second, waiting) = trainee(&app, "Second", "female").await;
    for browser in [&seated, &waiting] {
        browser
            .post_form(&format!("/cohorts/{cohort}/enroll"), &[])
            .await;
    }
    let dashboard = seated.get_page("/me?lang=en").await.1;
    let place = dashboard
        .split("action=\"/me/enrollments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("a withdraw button")
        .to_owned();
    let withdraw = format!("/me/enrollments/{place}/withdraw");

    let asked = seated.post_form(&format!("{withdraw}?lang=en"), &[]).await;
    assert_eq!(asked.status().as_u16(), 200);
    let page = asked.text().await.expect("page");
    assert!(page.contains("Withdraw from this class?"), "{page}");
    assert!(page.contains("goes to the next person on the wait-list at once"));
    assert!(page.contains(r#"name="confirm" value="yes""#));
    assert!(page.contains(r#"href="/me""#), "a way back");
    assert_eq!(places(&app, cohort).await, (vec![first], vec![second]));

    // In Arabic the same question, right to left.
    let arabic = seated
        .post_form(&format!("{withdraw}?lang=ar"), &[])
        .await
        .text()
        .await
        .expect("page");
    assert!(arabic.contains(r#"dir="rtl""#) && arabic.contains("الانسحاب من هذا الصف؟"));
    assert_eq!(places(&app, cohort).await, (vec![first], vec![second]));

    // Someone else's place is not theirs to ask about.
    assert_eq!(
        waiting.post_form(&withdraw, &[]).await.status().as_u16(),
        404
    );

    let done = seated.post_form(&withdraw, &[("confirm", "yes")]).await;
    assert_eq!(done.status().as_u16(), 303);
    assert_eq!(places(&app, cohort).await, (vec![second], vec![]));
}

#[tokio::test]
async fn an_admin_confirms_before_deactivating_an_account_or_changing_a_role() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (trainer, _) = signed_in(&app, "trainer").await;

    let asked = admin
        .post_form(
            &format!("/admin/users/{}/deactivate?lang=en", trainer.id),
            &[],
        )
        .await;
    assert_eq!(asked.status().as_u16(), 200);
    let page = asked.text().await.expect("page");
    assert!(page.contains("Deactivate this account?"));
    assert!(page.contains("will no longer be able to sign in"));
    assert!(user(&app, trainer.id).await.active, "nothing changed yet");

    let asked = admin
        .post_form(
            &format!("/admin/users/{}/role?lang=en", trainer.id),
            &[("role", "registrar")],
        )
        .await;
    assert_eq!(asked.status().as_u16(), 200);
    let page = asked.text().await.expect("page");
    assert!(page.contains("Change this person&#39;s role?"), "{page}");
    assert!(
        page.contains("from \u{2068}Trainer\u{2069} to \u{2068}Registrar\u{2069}"),
        "{page}"
    );
    assert!(
        page.contains(r#"name="role" value="registrar""#),
        "the choice is sent again"
    );
    assert_eq!(user(&app, trainer.id).await.role, Role::Trainer);

    admin
        .post_form(
            &format!("/admin/users/{}/role", trainer.id),
            &[("role", "registrar"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(user(&app, trainer.id).await.role, Role::Registrar);
    admin
        .post_form(
            &format!("/admin/users/{}/deactivate", trainer.id),
            &[("confirm", "yes")],
        )
        .await;
    assert!(!user(&app, trainer.id).await.active);
}

#[tokio::test]
async fn the_invigilator_sees_whose_attempt_ends_before_ending_it() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (sitting, pin) = open_sitting(&app, &ready).await;
    let attempt = start(&ready.trainees[0].2, &pin).await;
    let terminate = format!("/trainer/sittings/{sitting}/terminate");
    let fields = [
        ("attempt_id", attempt.to_string()),
        ("reason", "Phone in use".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let asked = ready
        .trainer
        .post_form(&format!("{terminate}?lang=en"), &fields)
        .await;
    assert_eq!(asked.status().as_u16(), 200);
    let page = asked.text().await.expect("page");
    assert!(page.contains("End this attempt?"));
    assert!(
        page.contains("The exam of \u{2068}Trainee\u{2069} ends now"),
        "names whose attempt: {page}"
    );
    assert!(page.contains("Phone in use"));
    assert_eq!(attempt_row(&app, attempt).await.status.as_str(), "open");

    // Another trainer learns nothing about the attempt, not even a name.
    let (_, other) = signed_in(&app, "trainer").await;
    let foreign = other.post_form(&terminate, &fields).await;
    assert_eq!(foreign.status().as_u16(), 404);

    let mut confirmed = fields.clone();
    confirmed.push(("confirm", "yes"));
    let done = ready.trainer.post_form(&terminate, &confirmed).await;
    assert_eq!(done.status().as_u16(), 303);
    assert_eq!(
        attempt_row(&app, attempt).await.status.as_str(),
        "terminated"
    );
}

#[tokio::test]
async fn submitting_with_questions_unanswered_needs_the_box_ticked() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    assert_eq!(
        save_json(browser, attempt, 1, &[1], 1)
            .await
            .status()
            .as_u16(),
        200
    );

    let review = browser
        .get_page(&format!("/attempts/{attempt}/review?lang=en"))
        .await
        .1;
    assert!(review.contains("I understand that \u{2068}5\u{2069} questions are unanswered"));
    assert!(
        review.contains("\u{2068}1\u{2069} of \u{2068}6\u{2069} answered"),
        "{review}"
    );

    let refused = browser
        .post_form(&format!("/attempts/{attempt}/submit?lang=en"), &[])
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let page = refused.text().await.expect("page");
    assert!(
        page.contains(r#"id="confirm-error""#) && page.contains("Tick the box to submit anyway")
    );
    assert_eq!(attempt_row(&app, attempt).await.status.as_str(), "open");

    let done = browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(done.status().as_u16(), 303);
    assert_eq!(
        attempt_row(&app, attempt).await.status.as_str(),
        "submitted"
    );
}
