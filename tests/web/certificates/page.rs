//! The certificate page: its Arabic agrees with the holder, it can be
//! printed, and a registrar can open and print any issued certificate
//! (from its number on the registrar's page) while nobody else can.

use super::{issue_pending, pass_exam};
use crate::exam::{open_sitting, ready, spawn_app};
use crate::people::signed_in;

#[tokio::test]
async fn a_registrar_opens_the_certificate_a_woman_holds_and_its_arabic_agrees_with_her() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let holder = &ready.trainees[0].2;
    pass_exam(&app, holder, &pin).await;
    let (_, registrar) = signed_in(&app, "registrar").await;
    let issued = issue_pending(&app, &registrar).await;
    let id = issued[0].id;
    let own = format!("/me/certificates/{id}");
    let office = format!("/registrar/certificates/{id}");

    let page = holder.get_page(&format!("{own}?lang=ar")).await.1;
    assert!(
        page.contains("قد أتمّت بنجاح مساق"),
        "the feminine verb for her"
    );
    assert!(!page.contains("قد أتمّ بنجاح"));
    assert!(
        page.contains("data-print") && page.contains("js/print"),
        "a Print button"
    );
    assert!(
        page.contains("certificate__url"),
        "the address wraps in its column"
    );

    let dashboard = registrar.get_page("/registrar?lang=en").await.1;
    assert!(
        dashboard.contains(&format!(r#"<a href="{office}">"#)),
        "the number leads to the certificate"
    );
    let (status, seen) = registrar.get_page(&office).await;
    assert_eq!(status, 200);
    assert!(seen.contains("قد أتمّت بنجاح مساق"));
    assert!(seen.contains(&format!(
        r#"href="/registrar/trainees/{}""#,
        issued[0].trainee_id
    )));

    // The holder's classmate and the trainer cannot open it.
    let classmate = &ready.trainees[1].2;
    assert_eq!(classmate.get(&own).await.status().as_u16(), 404);
    assert_eq!(classmate.get(&office).await.status().as_u16(), 403);
    assert_eq!(ready.trainer.get(&office).await.status().as_u16(), 403);
    assert_eq!(
        registrar
            .get("/registrar/certificates/999999")
            .await
            .status()
            .as_u16(),
        404
    );
}
