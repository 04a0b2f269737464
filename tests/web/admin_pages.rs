//! The admin's pages read as a person reads them: the exam blueprint is a
//! number per block, and the audit log names people, finds them by what
//! an admin knows of them, and lists an entry's particulars.

use ecitizen::db::DbError;
use ecitizen::db::models::exam::ExamSettings;

use crate::helpers::spawn_app;
use crate::people::signed_in;

#[tokio::test]
async fn the_blueprint_is_a_number_per_block_each_checked_on_its_own() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let page = admin.get_page("/admin/exam?lang=en").await.1;
    for block in ["block1", "block2", "block3"] {
        assert!(
            page.contains(&format!(r#"id="{block}" name="{block}" type="number""#)),
            "{page}"
        );
    }
    assert!(
        !page.contains(r#"name="questions_per_block""#),
        "no free-text blueprint"
    );

    let fields = |b2: &'static str| {
        [
            ("duration_minutes", "45"),
            ("pass_percent", "75"),
            ("block1", "4"),
            ("block2", b2),
            ("block3", "4"),
            ("resit_hours", "72"),
            ("max_attempts", "3"),
        ]
    };
    let refused = admin.post_form("/admin/exam", &fields("many")).await;
    assert_eq!(refused.status().as_u16(), 422);
    let page = refused.text().await.expect("page");
    assert!(
        page.contains(r#"id="block2-error""#),
        "the error beside block 2: {page}"
    );
    assert!(
        !page.contains(r#"id="block1-error""#),
        "the other blocks are fine"
    );
    assert!(page.contains(r#"value="many""#), "what was typed is kept");

    let saved = admin.post_form("/admin/exam", &fields("5")).await;
    assert_eq!(saved.status().as_u16(), 303);
    let settings = app
        .db
        .read(|conn| Ok::<_, DbError>(ExamSettings::current(conn)?))
        .await
        .expect("settings");
    assert_eq!(
        (
            settings.block1_questions,
            settings.block2_questions,
            settings.block3_questions
        ),
        (4, 5, 4)
    );
}

#[tokio::test]
async fn the_audit_log_names_people_and_finds_them_by_name() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (trainer, _) = signed_in(&app, "trainer").await;
    admin
        .post_form(
            &format!("/admin/users/{}/deactivate", trainer.id),
            &[("confirm", "yes")],
        )
        .await;

    let log = admin
        .get_page("/admin/audit?lang=en&action=user.deactivate")
        .await
        .1;
    assert!(
        !log.contains(&format!(">user:{}<", trainer.id)),
        "no raw subject"
    );
    assert!(
        log.contains(&format!(
            r#"<td title="user:{}">Test Person</td>"#,
            trainer.id
        )),
        "the subject by name: {log}"
    );
    assert!(
        log.contains(r#"<dl class="audit-details">"#),
        "particulars field by field"
    );

    let by_name = admin
        .get_page("/admin/audit?lang=en&person=test+person")
        .await
        .1;
    assert!(by_name.contains("Account deactivated"), "{by_name}");
    let nobody = admin
        .get_page("/admin/audit?lang=en&person=nobody+at+all")
        .await
        .1;
    assert!(nobody.contains("Nobody matches"));
}
