//! Certificates: a pass becomes a pending certificate, a registrar issues
//! it (gap-free numbers, random codes), anyone verifies it online or offline
//! (signed token in a QR code), and a registrar revokes it or reissues it
//! after a name correction.

use chrono::Duration;
use ecitizen::db::DbError;
use ecitizen::db::models::exam::Attempt;

use crate::exam::{open_sitting, options, ready, save_json, spawn_app, start};
use crate::helpers::TestApp;
use ecitizen::db::models::certificate::Certificate;

use crate::people::{Browser, signed_in};

mod page;
mod reissue;
pub(crate) mod signatures;

/// Takes the whole exam with every answer right; returns the attempt.
pub(crate) async fn pass_exam(app: &TestApp, browser: &Browser, pin: &str) -> i32 {
    let attempt = start(browser, pin).await;
    for position in 1..=6 {
        let (_, _, right) = options(app, browser, attempt, position).await;
        assert_eq!(
            save_json(browser, attempt, position, &right, 1)
                .await
                .status()
                .as_u16(),
            200
        );
    }
    browser
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    attempt
}

/// Every certificate, oldest first.
pub(crate) async fn certificates(app: &TestApp) -> Vec<Certificate> {
    app.db
        .read(|conn| {
            let mut all = Vec::new();
            for status in ecitizen::domain::certificate::CertificateStatus::ALL {
                all.extend(Certificate::in_status(conn, *status)?);
            }
            all.sort_by_key(|c| c.id);
            Ok::<_, DbError>(all)
        })
        .await
        .expect("certificates")
}

/// A registrar issues every pending certificate; returns them all.
pub(crate) async fn issue_pending(app: &TestApp, registrar: &Browser) -> Vec<Certificate> {
    let ids: Vec<String> = certificates(app)
        .await
        .iter()
        .filter(|c| c.status.as_str() == "pending")
        .map(|c| c.id.to_string())
        .collect();
    let fields: Vec<(&str, &str)> = ids
        .iter()
        .map(|id| ("certificate_id", id.as_str()))
        .collect();
    let response = registrar
        .post_form("/registrar/certificates/issue", &fields)
        .await;
    assert_eq!(response.status().as_u16(), 303);
    certificates(app).await
}

#[tokio::test]
async fn a_pass_becomes_a_certificate_that_anyone_can_verify_until_it_is_revoked() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let (winner, loser) = (&ready.trainees[0].2, &ready.trainees[1].2);
    let attempt = pass_exam(&app, winner, &pin).await;
    let failed = start(loser, &pin).await;
    loser
        .post_form(&format!("/attempts/{failed}/submit"), &[("confirm", "yes")])
        .await;

    let pending = certificates(&app).await;
    assert_eq!(pending.len(), 1, "a failed attempt creates nothing");
    assert_eq!(
        (pending[0].attempt_id, pending[0].status.as_str()),
        (attempt, "pending")
    );
    // Finalizing again (a second submit, the sweeper) creates no second one.
    winner
        .post_form(
            &format!("/attempts/{attempt}/submit"),
            &[("confirm", "yes")],
        )
        .await;
    app.clock.advance(Duration::hours(2));
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("sweep");
    assert_eq!(certificates(&app).await.len(), 1);

    let (_, registrar) = signed_in(&app, "registrar").await;
    let queue = registrar.get_page("/registrar?lang=en").await.1;
    assert!(
        queue.contains("784-****") || queue.contains("Trainee"),
        "{queue}"
    );
    let id = pending[0].id.to_string();
    // Issuing cannot be undone: the queue starts with nothing ticked, and
    // sending it so issues nothing.
    assert!(
        queue.contains(&format!(
            r#"<input type="checkbox" name="certificate_id" value="{id}" id="certificate-{id}">"#
        )),
        "{queue}"
    );
    let nothing = registrar
        .post_form("/registrar/certificates/issue", &[])
        .await;
    assert_eq!(nothing.status().as_u16(), 303);
    assert_eq!(certificates(&app).await[0].status.as_str(), "pending");
    for (who, browser) in [("trainee", winner), ("trainer", &ready.trainer)] {
        assert_eq!(
            browser
                .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
                .await
                .status()
                .as_u16(),
            403,
            "{who}"
        );
    }
    assert_eq!(
        registrar
            .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
            .await
            .status()
            .as_u16(),
        303
    );
    let issued = &certificates(&app).await[0];
    let number = issued.number.clone().expect("numbered");
    assert!(
        number.starts_with("EC-2026-") && number.len() == 14,
        "{number}"
    );
    let code = issued.code.clone().expect("coded");

    let grouped = ecitizen::domain::certificate::VerificationCode::parse(&code)
        .expect("code")
        .grouped()
        .to_lowercase();
    let (status, page) = app.get_page(&format!("/verify/{grouped}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("This certificate is valid.") && page.contains(&number),
        "{page}"
    );
    assert!(!page.contains("784-"), "no Emirates ID on the public page");
    let json: serde_json::Value = app
        .get(&format!("/verify/{code}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (json["status"].as_str(), json["number"].as_str()),
        (Some("valid"), Some(number.as_str()))
    );

    let mine = winner.get_page("/me?lang=en").await.1;
    let link = mine
        .split("href=\"/me/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the certificate")
        .to_owned();
    let printable = winner.get_page(&format!("/me/certificates/{link}")).await.1;
    assert!(
        printable.contains("Certificate of Completion")
            && printable.contains("شهادة إتمام")
            && printable.contains(&number)
    );
    assert_eq!(
        loser
            .get(&format!("/me/certificates/{link}"))
            .await
            .status()
            .as_u16(),
        404,
        "another trainee's certificate"
    );

    assert_eq!(
        winner
            .post_form(
                &format!("/registrar/certificates/{id}/revoke"),
                &[("reason", "x")]
            )
            .await
            .status()
            .as_u16(),
        403
    );
    let revoked = registrar
        .post_form(
            &format!("/registrar/certificates/{id}/revoke"),
            &[("reason", "Identity fraud at the exam")],
        )
        .await;
    assert_eq!(revoked.status().as_u16(), 303);
    let page = app.get_page(&format!("/verify/{code}?lang=ar")).await.1;
    assert!(
        page.contains("أُلغيت هذه الشهادة") && page.contains("Identity fraud at the exam"),
        "{page}"
    );
    let json: serde_json::Value = app
        .get(&format!("/verify/{code}.json"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(json["status"], "revoked");
}

#[tokio::test]
async fn unknown_and_malformed_codes_are_not_found() {
    let app = spawn_app().await;
    for code in [
        "0000-0000-0000-0000-0000-0000-00",
        "not-a-code",
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    ] {
        let (status, page) = app.get_page(&format!("/verify/{code}?lang=en")).await;
        assert_eq!(status, 404, "{code}");
        assert!(page.contains("No certificate has this code."));
        assert_eq!(
            app.get(&format!("/verify/{code}.json"))
                .await
                .status()
                .as_u16(),
            404
        );
    }
}

#[tokio::test]
async fn twenty_certificates_issued_at_once_get_consecutive_numbers() {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let attempt = pass_exam(&app, &ready.trainees[0].2, &pin).await;
    // Nineteen more pending certificates copied from the real one.
    let template = certificates(&app).await.remove(0);
    app.db
        .write(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::{attempts, certificates};
            for _ in 0..19 {
                let copy: i32 = diesel::insert_into(attempts::table)
                    .values((
                        attempts::sitting_id.eq(1),
                        attempts::enrollment_id.eq(ready_place(conn, attempt)?),
                        attempts::trainee_id.eq(template.trainee_id),
                        attempts::settings_id.eq(1),
                        attempts::started_at.eq(template.created_at),
                        attempts::deadline_at.eq(template.created_at),
                        attempts::status.eq("submitted"),
                    ))
                    .returning(attempts::id)
                    .get_result(conn)?;
                diesel::insert_into(certificates::table)
                    .values((
                        certificates::attempt_id.eq(copy),
                        certificates::trainee_id.eq(template.trainee_id),
                        certificates::cohort_id.eq(template.cohort_id),
                        certificates::status.eq("pending"),
                        certificates::holder_name_ar.eq(&template.holder_name_ar),
                        certificates::holder_name_en.eq(&template.holder_name_en),
                        certificates::course_name_ar.eq(&template.course_name_ar),
                        certificates::course_name_en.eq(&template.course_name_en),
                        certificates::score_percent.eq(100),
                        certificates::exam_date.eq(template.exam_date),
                        certificates::region_ar.eq(&template.region_ar),
                        certificates::region_en.eq(&template.region_en),
                        certificates::venue_ar.eq(&template.venue_ar),
                        certificates::venue_en.eq(&template.venue_en),
                        certificates::created_at.eq(template.created_at),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .expect("copies");
    let ids: Vec<i32> = certificates(&app).await.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 20);
    let mut registrars = Vec::new();
    for _ in 0..4 {
        registrars.push(signed_in(&app, "registrar").await.1);
    }

    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let (browser, id) = (registrars[n % 4].clone(), id.to_string());
            tokio::spawn(async move {
                browser
                    .post_form("/registrar/certificates/issue", &[("certificate_id", &id)])
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.expect("task"), 303);
    }

    let mut numbers: Vec<String> = certificates(&app)
        .await
        .iter()
        .filter_map(|c| c.number.clone())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(|n| format!("EC-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "distinct, consecutive, no gaps");
}

fn ready_place(conn: &mut ecitizen::db::DbConnection, attempt: i32) -> Result<i32, DbError> {
    Ok(Attempt::find(conn, attempt)?
        .expect("attempt")
        .enrollment_id)
}

#[tokio::test]
async fn a_burst_of_verification_requests_from_one_address_is_slowed_down() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    for n in 0..32 {
        statuses.push(app.get(&format!("/verify/{n:026}")).await.status().as_u16());
    }
    assert!(
        statuses[..30].iter().all(|status| *status == 404),
        "{statuses:?}"
    );
    let limited = app.get("/verify/00000000000000000000000000.json").await;
    assert_eq!(limited.status().as_u16(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    // Sign-ins from the same address are not affected.
    let person = crate::people::create_person(&app, "trainer", "t@example.ae", false).await;
    assert_eq!(
        app.browser()
            .sign_in(&person.login, &person.password)
            .await
            .status()
            .as_u16(),
        303
    );
}

#[tokio::test]
async fn a_registrar_finds_a_certificate_by_number_code_or_name() {
    let app = spawn_app().await;
    let ready = ready(&app, 2, &[]).await;
    let (mariam, at) = (ready.trainees[0].0, app.clock.now().naive_utc());
    app.db
        .write(move |conn| {
            Ok::<_, DbError>(ecitizen::db::models::user::User::set_names(
                conn,
                mariam,
                "مريم أحمد",
                "Mariam Ahmed",
                at,
            )?)
        })
        .await
        .expect("named");
    let (_, pin) = open_sitting(&app, &ready).await;
    for (_, _, trainee) in &ready.trainees {
        pass_exam(&app, trainee, &pin).await;
    }
    let (_, registrar) = signed_in(&app, "registrar").await;
    let all = issue_pending(&app, &registrar).await;
    let (first, second) = (&all[0], &all[1]);
    let number = |c: &Certificate| c.number.clone().expect("number");

    let search = |q: String| {
        let registrar = registrar.clone();
        async move {
            let query: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
            registrar
                .get_page(&format!("/registrar?lang=en&q={query}"))
                .await
                .1
        }
    };
    let by_number = search(number(second).to_lowercase()).await;
    assert!(by_number.contains(&number(second)) && !by_number.contains(&number(first)));
    let code = ecitizen::domain::certificate::VerificationCode::parse(
        first.code.as_deref().expect("code"),
    )
    .expect("code")
    .grouped();
    let by_code = search(code).await;
    assert!(by_code.contains(&number(first)) && !by_code.contains(&number(second)));
    let by_name = search("mariam AHMED".to_owned()).await;
    assert!(by_name.contains(&number(first)) && !by_name.contains(&number(second)));
    let by_arabic_name = search("مريم".to_owned()).await;
    assert!(by_arabic_name.contains(&number(first)) && !by_arabic_name.contains(&number(second)));
    let nothing = search("100%_".to_owned()).await;
    assert!(nothing.contains("No certificate matches this search."));

    // Revoking without a reason shows the page again, the error beside
    // that certificate's reason field, and revokes nothing.
    let refused = registrar
        .post_form(
            &format!("/registrar/certificates/{}/revoke?lang=en", first.id),
            &[("reason", "  ")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.expect("body");
    assert!(
        refused.contains(&format!(
            "<p class=\"field-error\" id=\"revoke-{}-error\">Please give a reason.</p>",
            first.id
        )),
        "{refused}"
    );
    assert_eq!(certificates(&app).await[0].status.as_str(), "issued");

    // A revoked certificate is still found, marked, and offers no actions.
    registrar
        .post_form(
            &format!("/registrar/certificates/{}/revoke", first.id),
            &[("reason", "Wrong person sat the exam")],
        )
        .await;
    let revoked = search(number(first)).await;
    assert!(revoked.contains("Revoked"), "{revoked}");
    assert!(!revoked.contains(&format!("/registrar/certificates/{}/revoke", first.id)));
}
