//! Admins manage people; every account event lands in the hash-chained
//! audit log, which detects tampering.

use ecitizen::db::DbError;
use ecitizen::db::models::audit::{self, Verdict};

use crate::helpers::{TestApp, spawn_app};
use crate::people::{register, registration, signed_in};

/// The one-time password shown on the page.
fn one_time_password(page: &str) -> String {
    let start = page
        .find(r#"<code class="secret" dir="ltr">"#)
        .expect("a one-time password is shown")
        + 31;
    page[start..start + 19].to_owned()
}

async fn verdict(app: &TestApp) -> Verdict {
    app.db
        .read(|conn| Ok::<_, DbError>(audit::verify(conn)?))
        .await
        .expect("verified")
}

#[tokio::test]
async fn an_admin_creates_a_trainer_who_must_choose_a_password_at_first_sign_in() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;

    let response = admin
        .post_form(
            "/admin/users?lang=en",
            &[
                ("role", "trainer"),
                ("full_name_ar", "خالد سالم"),
                ("full_name_en", "Khalid Salem"),
                ("email", "khalid@example.ae"),
                ("mobile", ""),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.expect("body");
    let password = one_time_password(&page);
    assert!(page.contains("khalid@example.ae"));

    let trainer = app.browser();
    let signed = trainer.sign_in("khalid@example.ae", &password).await;
    assert_eq!(
        signed.headers()["location"],
        "/account/password",
        "a new password first"
    );
    let elsewhere = trainer.get("/trainer").await;
    assert_eq!(
        elsewhere.headers()["location"],
        "/account/password",
        "no other page until then"
    );

    let changed = trainer
        .post_form(
            "/account/password",
            &[
                ("current_password", &password),
                ("new_password", "sapphire meadow tractor 4"),
                ("new_password_confirm", "sapphire meadow tractor 4"),
            ],
        )
        .await;
    assert_eq!(changed.headers()["location"], "/trainer");
    assert_eq!(trainer.get("/trainer").await.status().as_u16(), 200);
}

#[tokio::test]
async fn creating_an_account_validates_every_field() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;

    let response = admin
        .post_form(
            "/admin/users?lang=en",
            &[
                ("role", "trainee"),
                ("full_name_ar", "Khalid"),
                ("full_name_en", "خالد"),
                ("email", "not-an-email"),
            ],
        )
        .await;

    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains(r#"id="role-error">Please choose one of the options."#));
    assert!(page.contains(r#"id="full_name_ar-error">Please write the name in Arabic letters."#));
    assert!(page.contains(r#"id="email-error">Please give an e-mail address"#));
    assert!(
        page.contains(r#"value="not-an-email""#),
        "typed values stay"
    );
}

#[tokio::test]
async fn deactivating_ends_sessions_and_refuses_sign_in_and_reset_forces_a_new_password() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (trainer, trainer_browser) = signed_in(&app, "trainer").await;

    let response = admin
        .post_form(
            &format!("/admin/users/{}/deactivate", trainer.id),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        trainer_browser.get("/trainer").await.status().as_u16(),
        303,
        "the session ended"
    );
    let refused = app
        .browser()
        .sign_in(&trainer.login, &trainer.password)
        .await;
    assert_eq!(refused.status().as_u16(), 401);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("تم إيقاف هذا الحساب")
    );

    admin
        .post_form(&format!("/admin/users/{}/reactivate", trainer.id), &[])
        .await;
    let page = admin
        .post_form(&format!("/admin/users/{}/reset-password", trainer.id), &[])
        .await
        .text()
        .await
        .expect("body");
    let password = one_time_password(&page);
    assert_eq!(
        app.browser()
            .sign_in(&trainer.login, &trainer.password)
            .await
            .status()
            .as_u16(),
        401,
        "the old password is gone"
    );
    let signed = app.browser().sign_in(&trainer.login, &password).await;
    assert_eq!(signed.headers()["location"], "/account/password");
}

#[tokio::test]
async fn an_admin_cannot_deactivate_or_demote_themselves() {
    let app = spawn_app().await;
    let (me, admin) = signed_in(&app, "admin").await;

    admin
        .post_form(
            &format!("/admin/users/{}/role", me.id),
            &[("role", "trainee"), ("confirm", "yes")],
        )
        .await;
    admin
        .post_form(
            &format!("/admin/users/{}/deactivate", me.id),
            &[("confirm", "yes")],
        )
        .await;

    let (status, page) = admin.get_page("/admin/users").await;
    assert_eq!(status, 200, "still an active admin");
    assert!(page.contains("هذا أنت"));
}

#[tokio::test]
async fn the_audit_chain_verifies_after_a_mixed_run_and_names_an_altered_entry() {
    let app = spawn_app().await;
    let trainee = app.browser();
    register(&trainee, &registration()).await;
    trainee.post_form("/logout", &[]).await;
    app.browser()
        .sign_in("mariam@example.ae", "wrong password here")
        .await;
    trainee
        .sign_in("mariam@example.ae", "walnut orbit lantern 58")
        .await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (trainer, _) = signed_in(&app, "trainer").await;
    admin
        .post_form(
            &format!("/admin/users/{}/role", trainer.id),
            &[("role", "registrar"), ("confirm", "yes")],
        )
        .await;
    admin
        .post_form(
            &format!("/admin/users/{}/deactivate", trainer.id),
            &[("confirm", "yes")],
        )
        .await;

    let Verdict::Intact { entries } = verdict(&app).await else {
        panic!("the chain is intact")
    };
    // register, logout, failure, sign-in, two staff sign-ins, role change, deactivation
    assert_eq!(entries, 8);
    let (status, page) = admin
        .get_page("/admin/audit?lang=en&action=login.failure")
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"<td title="login.failure">Failed sign-in</td>"#),
        "{page}"
    );
    assert!(
        !page.contains(r#"<td title="user.role_change">"#),
        "the filter leaves other actions out"
    );

    app.execute("UPDATE audit_log SET details = '{\"reason\":\"nothing happened\"}' WHERE id = 3")
        .await;

    assert_eq!(
        verdict(&app).await,
        Verdict::Broken {
            id: 3,
            reason: "content does not match its hash"
        }
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ecitizen"))
        .args(["--database-url", &app.database_url, "audit", "verify"])
        .output()
        .expect("the command runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("audit chain broken at entry 3"), "{stderr}");
}

#[tokio::test]
async fn a_deleted_entry_breaks_the_chain_too() {
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    admin.post_form("/logout", &[]).await;
    signed_in(&app, "trainer").await;

    app.execute("DELETE FROM audit_log WHERE id = 2").await;

    assert_eq!(
        verdict(&app).await,
        Verdict::Broken {
            id: 2,
            reason: "missing"
        }
    );
}

#[tokio::test]
async fn the_command_line_creates_the_first_admin() {
    let app = spawn_app().await;
    let run = |stdin: &'static str, email: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ecitizen"))
            .args([
                "--database-url",
                &app.database_url,
                "user",
                "add",
                "--role",
                "admin",
                "--email",
                email,
            ])
            .args(["--name-en", "First Admin", "--name-ar", "المدير الأول"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the command starts");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("written");
        child.wait_with_output().expect("the command ends")
    };

    let chosen = run("orchid falcon runway 7\n", "first@example.ae");
    assert!(
        chosen.status.success(),
        "{}",
        String::from_utf8_lossy(&chosen.stderr)
    );
    assert_eq!(
        app.browser()
            .sign_in("first@example.ae", "orchid falcon runway 7")
            .await
            .headers()["location"],
        "/admin/users"
    );

    let generated = run("", "second@example.ae");
    let stdout = String::from_utf8_lossy(&generated.stdout);
    let password = stdout
        .lines()
        .find_map(|line| line.strip_prefix("one-time password (change at first sign-in): "))
        .expect("printed once");
    assert_eq!(
        app.browser()
            .sign_in("second@example.ae", password)
            .await
            .headers()["location"],
        "/account/password"
    );

    let weak = run("password\n", "third@example.ae");
    assert!(!weak.status.success(), "a weak password is refused");
}

#[tokio::test]
async fn exam_settings_refuse_more_questions_from_a_block_than_its_active_bank_holds() {
    use ecitizen::db::models::exam::ExamSettings;
    use ecitizen::db::models::question::Question;
    let app = spawn_app().await;
    let (_, admin) = signed_in(&app, "admin").await;
    let (held, before) = app
        .db
        .read(|conn| {
            Ok::<_, DbError>((
                Question::active_per_block(conn)?,
                ExamSettings::current(conn)?.id,
            ))
        })
        .await
        .expect("bank");
    let too_many = (held[1] + 4).to_string();
    let blueprint = format!("12/{too_many}/12");
    let fields = |per_block: &str| {
        vec![
            ("duration_minutes", "45".to_owned()),
            ("pass_percent", "75".to_owned()),
            ("questions_per_block", per_block.to_owned()),
            ("resit_hours", "72".to_owned()),
            ("max_attempts", "3".to_owned()),
        ]
    };
    let owned = fields(&blueprint);
    let form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let english = admin.post_form("/admin/exam?lang=en", &form).await;
    assert_eq!(english.status().as_u16(), 422);
    let page = english.text().await.expect("body");
    admin.get("/?lang=ar").await;
    let arabic = admin
        .post_form("/admin/exam", &form)
        .await
        .text()
        .await
        .expect("body");

    let error = page
        .split(r#"id="questions_per_block-error">"#)
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("an error beside the field");
    assert_eq!(
        error.replace(['\u{2068}', '\u{2069}'], ""),
        format!(
            "Block 2 has only {} active questions: ask for {} or fewer.",
            held[1], held[1]
        )
    );
    assert!(
        page.contains(&format!(r#"value="{too_many}""#)),
        "kept, in its block's field"
    );
    assert!(
        arabic.contains("لا تضم إلا") && arabic.contains(&held[1].to_string()),
        "{arabic}"
    );
    let after = app
        .db
        .read(|conn| Ok::<_, DbError>(ExamSettings::current(conn)?.id))
        .await
        .expect("settings");
    assert_eq!(after, before, "nothing saved");

    let owned = fields(&format!("12/{}/12", held[1]));
    let fits: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        admin
            .post_form("/admin/exam", &fits)
            .await
            .status()
            .as_u16(),
        303,
        "the whole block may be asked for"
    );
}
