//! Reissuing after a name correction: a new number and code with the
//! corrected names; the old certificate stays on record and its public page
//! says which certificate replaced it. Audited; only registrars may do it.

use ecitizen::db::DbError;
use ecitizen::db::models::audit;
use ecitizen::db::models::user::User;

use super::{certificates, issue_pending, pass_exam};
use crate::exam::{open_sitting, ready, spawn_app};
use crate::people::signed_in;

const NAME_AR: &str = "مريم أحمد المنصوري";
const NAME_EN: &str = "Mariam Ahmed Al Mansoori";

#[tokio::test]
async fn a_misspelt_name_is_corrected_by_a_new_certificate_that_the_old_one_points_to() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let (trainee_id, _, winner) = &ready.trainees[0];
    pass_exam(&app, winner, &pin).await;
    let (_, registrar) = signed_in(&app, "registrar").await;
    let old = issue_pending(&app, &registrar).await.remove(0);
    let old_code = old.code.clone().expect("code");
    let old_number = old.number.clone().expect("number");
    let url = format!("/registrar/certificates/{}/reissue", old.id);

    for browser in [winner, &ready.trainer] {
        assert_eq!(browser.get(&url).await.status().as_u16(), 403);
        let attempt = browser
            .post_form(
                &url,
                &[
                    ("full_name_ar", NAME_AR),
                    ("full_name_en", NAME_EN),
                    ("reason", "x"),
                ],
            )
            .await;
        assert_eq!(attempt.status().as_u16(), 403);
    }

    let (status, form) = registrar.get_page(&format!("{url}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(
        form.contains(&format!("value=\"{}\"", old.holder_name_en)),
        "the form starts from the names on the certificate"
    );
    let same = registrar
        .post_form(
            &format!("{url}?lang=en"),
            &[
                ("full_name_ar", &old.holder_name_ar),
                ("full_name_en", &old.holder_name_en),
                ("reason", "typo"),
            ],
        )
        .await;
    assert_eq!(same.status().as_u16(), 422);
    assert!(
        same.text()
            .await
            .expect("body")
            .contains("The names are the same")
    );
    let wrong = registrar
        .post_form(
            &format!("{url}?lang=ar"),
            &[
                ("full_name_ar", "Mariam"),
                ("full_name_en", NAME_EN),
                ("reason", " "),
            ],
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let wrong = wrong.text().await.expect("body");
    assert!(
        wrong.contains(&format!("value=\"{NAME_EN}\"")),
        "what was typed is kept"
    );
    assert!(wrong.contains("id=\"full_name_ar-error\"") && wrong.contains("id=\"reason-error\""));
    assert!(
        wrong.contains("يرجى ذكر السبب"),
        "errors in the page's language"
    );
    assert_eq!(certificates(&app).await.len(), 1, "nothing changed yet");

    let done = registrar
        .post_form(
            &url,
            &[
                ("full_name_ar", NAME_AR),
                ("full_name_en", NAME_EN),
                ("reason", "The English name was misspelt"),
                ("update_account", "1"),
            ],
        )
        .await;
    assert_eq!(done.status().as_u16(), 303);

    let all = certificates(&app).await;
    assert_eq!(all.len(), 2);
    let (before, after) = (&all[0], &all[1]);
    assert_eq!(before.status.as_str(), "superseded");
    assert!(before.superseded_at.is_some());
    assert_eq!(
        (after.status.as_str(), after.replaces_id, after.attempt_id),
        ("issued", Some(before.id), before.attempt_id)
    );
    assert_eq!(
        (after.holder_name_ar.as_str(), after.holder_name_en.as_str()),
        (NAME_AR, NAME_EN)
    );
    let new_number = after.number.clone().expect("a new number");
    let new_code = after.code.clone().expect("a new code");
    assert_eq!(
        (old_number.as_str(), new_number.as_str()),
        ("EC-2026-000001", "EC-2026-000002")
    );
    assert_ne!(new_code, old_code);

    // The old code's page says what replaced it.
    let (status, page) = app.get_page(&format!("/verify/{old_code}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("replaced by a corrected one")
            && page.contains(&new_number)
            && page.contains(&format!("href=\"/verify/{new_code}\"")),
        "{page}"
    );
    assert!(!page.contains("This certificate is valid."));
    let json: serde_json::Value = app
        .get(&format!("/verify/{old_code}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json["status"], "superseded");
    assert_eq!(json["superseded_by"]["number"], new_number.as_str());
    let page = app.get_page(&format!("/verify/{new_code}?lang=en")).await.1;
    assert!(page.contains("This certificate is valid.") && page.contains(NAME_EN));

    // The trainee sees both, and the account has the corrected names.
    let mine = winner.get_page("/me?lang=en").await.1;
    assert!(mine.contains(&new_number) && mine.contains("replaced by a corrected certificate"));
    let old_page = winner
        .get_page(&format!("/me/certificates/{}?lang=en", before.id))
        .await
        .1;
    assert!(old_page.contains(&format!("href=\"/me/certificates/{}\"", after.id)));
    let trainee_id = *trainee_id;
    let (account, entries) = app
        .db
        .read(move |conn| {
            let filter = audit::Filter {
                action: Some("certificate.reissue".to_owned()),
                ..audit::Filter::default()
            };
            Ok::<_, DbError>((
                User::find(conn, trainee_id)?.expect("trainee"),
                audit::list(conn, &filter, 10, 0)?,
            ))
        })
        .await
        .expect("read");
    assert_eq!(
        (account.full_name_ar.as_str(), account.full_name_en.as_str()),
        (NAME_AR, NAME_EN)
    );
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, format!("certificate:{}", before.id));
    assert!(entries[0].details.contains("misspelt") && entries[0].details.contains(&new_number));

    // A replaced certificate cannot be reissued or revoked again.
    assert_eq!(registrar.get(&url).await.status().as_u16(), 404);
    registrar
        .post_form(
            &format!("/registrar/certificates/{}/revoke", before.id),
            &[("reason", "x")],
        )
        .await;
    assert_eq!(certificates(&app).await[0].status.as_str(), "superseded");
}
