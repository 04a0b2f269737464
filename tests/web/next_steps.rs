//! A trainee is told where they stand and what comes next: the exam page
//! asks for a PIN only when a PIN could start the exam, and the result
//! says passed or not in a panel of its own, with each block's score and
//! the way on.

use crate::exam::{open_sitting, ready, spawn_app, start};

#[tokio::test]
async fn the_pin_form_appears_only_when_a_pin_could_start_the_exam() {
    let app = spawn_app().await;
    // Candidate 0 attended every session, candidate 1 none.
    let ready = ready(&app, 2, &[1]).await;
    let (eligible, absent) = (&ready.trainees[0].2, &ready.trainees[1].2);

    let before = eligible.get_page("/me/exam?lang=en").await.1;
    assert!(!before.contains(r#"name="pin""#), "no sitting is open yet");
    assert!(before.contains("There is no exam sitting open for your class"));
    assert!(before.contains("Check again"));

    let (_, pin) = open_sitting(&app, &ready).await;
    let open = eligible.get_page("/me/exam").await.1;
    assert!(
        open.contains(r#"name="pin""#),
        "the sitting is open: {open}"
    );

    // The trainee who missed the class is told why, in the words her
    // trainer's roster uses, and is not offered the PIN form.
    let page = absent.get_page("/me/exam?lang=en").await.1;
    assert!(!page.contains(r#"name="pin""#), "{page}");
    assert!(page.contains("You may not sit the exam yet"));
    let sentence = "Did not complete the class: attendance stayed below \u{2068}80\u{2069}%.";
    assert!(page.contains(sentence), "{page}");
    let roster = ready
        .trainer
        .get_page(&format!("/trainer/cohorts/{}?lang=en", ready.cohort))
        .await
        .1;
    assert!(
        roster.contains(sentence),
        "the trainer reads the same sentence"
    );
    let arabic = absent.get_page("/me/exam?lang=ar").await.1;
    assert!(arabic.contains("لم يكتمل الصف: بقي الحضور دون \u{2068}80\u{2069}٪."));

    // Typing a PIN anyway changes nothing and says it once.
    let refused = absent.post_form("/me/exam?lang=en", &[("pin", &pin)]).await;
    assert_eq!(refused.status().as_u16(), 409);
    let body = refused.text().await.expect("page");
    assert_eq!(body.matches("You may not sit the exam yet").count(), 1);
}

#[tokio::test]
async fn the_result_says_passed_or_not_in_a_panel_with_the_blocks_and_the_way_on() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let browser = &ready.trainees[0].2;
    let attempt = start(browser, &pin).await;
    browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;

    let page = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=en"))
        .await
        .1;
    assert!(page.contains("result-panel--fail"), "{page}");
    assert!(page.contains("Not passed"));
    assert!(page.contains("Your score is \u{2068}0\u{2069}%; the pass mark is"));
    assert!(page.contains("Score in each block"));
    assert!(page.contains("What happens next"));
    assert!(page.contains(r#"href="/me""#), "the way on");

    let arabic = browser
        .get_page(&format!("/attempts/{attempt}/result?lang=ar"))
        .await
        .1;
    let panel = arabic
        .split(r#"aria-labelledby="result-verdict">"#)
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the panel");
    assert!(panel.contains("غير ناجح") && panel.contains("٪"), "{panel}");
    assert!(!panel.contains('%'), "one percent sign in Arabic: {panel}");
}
