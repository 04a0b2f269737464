//! The certificate's signed token: in a QR code that a phone can read, checked
//! on the verify page and offline with `ecitizen verify-token`, and still
//! valid after the issuer's key is rotated.

use ecitizen::db::models::certificate::Certificate;
use ecitizen::issuer::Issuer;

use super::{issue_pending, pass_exam};
use crate::exam::{open_sitting, ready, spawn_app_customized as spawn_app};
use crate::helpers::TestApp;
use crate::people::{Browser, signed_in};

/// A trainee with an issued certificate.
pub(crate) async fn graduate(app: &TestApp) -> (Browser, Certificate) {
    let ready = ready(app, 1, &[]).await;
    let (_, pin) = open_sitting(app, &ready).await;
    let winner = ready.trainees[0].2.clone();
    pass_exam(app, &winner, &pin).await;
    let (_, registrar) = signed_in(app, "registrar").await;
    let certificate = issue_pending(app, &registrar).await.remove(0);
    (winner, certificate)
}

/// The certificate page of the trainee's first certificate, found from `/me`.
pub(crate) async fn certificate_page(trainee: &Browser) -> String {
    let mine = trainee.get_page("/me").await.1;
    let link = mine
        .split("href=\"/me/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the certificate")
        .to_owned();
    trainee
        .get_page(&format!("/me/certificates/{link}"))
        .await
        .1
}

/// Draws the page's QR code (the SVG the server made: one `M x y h w v h
/// H x V y` rectangle per run of dark modules) into a bitmap, four pixels per
/// unit, and reads it with a QR decoder.
pub(crate) fn decode_qr(page: &str) -> String {
    let start = page.find("<svg").expect("an SVG on the page");
    let svg = &page[start..start + page[start..].find("</svg>").expect("SVG end")];
    let number = |name: &str| -> usize {
        let at = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        svg[at..at + svg[at..].find('"').expect("quote")]
            .parse()
            .expect("a whole number")
    };
    let (width, height) = (number("width"), number("height"));
    let path = svg.split(" d=\"").nth(1).expect("a path");
    let path = &path[..path.find('"').expect("path end")];
    const SCALE: usize = 4;
    let mut dark = vec![false; width * height * SCALE * SCALE];
    for rect in path.split('M').filter(|part| !part.is_empty()) {
        let values: Vec<usize> = rect
            .split(|c: char| c == ' ' || c.is_ascii_alphabetic())
            .filter(|part| !part.is_empty())
            .map(|part| part.parse().expect("a coordinate"))
            .collect();
        let [left, top, w, h, ..] = values[..] else {
            panic!("unexpected path segment {rect}");
        };
        for y in top * SCALE..(top + h) * SCALE {
            for x in left * SCALE..(left + w) * SCALE {
                dark[y * width * SCALE + x] = true;
            }
        }
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_bitmap(width * SCALE, height * SCALE, |x, y| {
            dark[y * width * SCALE + x]
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the QR code decodes").1
}

#[tokio::test]
async fn the_qr_code_decodes_to_the_verification_url_with_a_genuine_token() {
    let app = spawn_app(|_| {}).await;
    let (winner, certificate) = graduate(&app).await;
    let code = certificate.code.clone().expect("code");

    let scanned = decode_qr(&certificate_page(&winner).await);
    let (url, token) = scanned.split_once("?t=").expect("a token in the URL");
    assert_eq!(url, format!("{}/verify/{code}", app.address));
    let issuer = Issuer::load_or_create(&app.settings.data_dir).expect("the server's key");
    let facts = ecitizen::issuer::verify(token, &issuer.published()).expect("a genuine token");
    assert_eq!(facts.n, certificate.number.clone().expect("number"));
    assert_eq!(facts.en, certificate.holder_name_en);

    // A visitor's phone opens the address.
    let (status, page) = app
        .browser()
        .get_page(&scanned.replacen(&app.address, "", 1))
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("هذه الشهادة صالحة") && page.contains("توقيع رمز الاستجابة السريعة أصلي"),
        "{page}"
    );
}

#[tokio::test]
async fn the_token_verifies_offline_and_a_changed_or_foreign_token_does_not() {
    let app = spawn_app(|_| {}).await;
    let (_, certificate) = graduate(&app).await;
    let code = certificate.code.clone().expect("code");
    let issuer = Issuer::load_or_create(&app.settings.data_dir).expect("the server's key");
    let token = issuer.sign(&ecitizen::ops::certificates::facts(
        &certificate,
        &issuer.key_id,
    ));

    let genuine = app
        .get_page(&format!("/verify/{code}?lang=en&t={token}"))
        .await
        .1;
    assert!(genuine.contains("signature is genuine"), "{genuine}");
    let mut changed = token.clone().into_bytes();
    changed[10] = if changed[10] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).expect("ascii");
    assert!(
        app.get_page(&format!("/verify/{code}?lang=en&t={changed}"))
            .await
            .1
            .contains("does not match")
    );
    let stranger = Issuer::from_seed([9; 32]);
    let forged = stranger.sign(&ecitizen::ops::certificates::facts(
        &certificate,
        &issuer.key_id,
    ));
    assert!(
        app.get_page(&format!("/verify/{code}?lang=en&t={forged}"))
            .await
            .1
            .contains("does not match")
    );

    let keys: serde_json::Value = app
        .get("/.well-known/ecitizen-issuer.json")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(keys["keys"][0]["kid"], issuer.key_id.as_str());
    let keys_file = app.settings.data_dir.join("published-keys.json");
    std::fs::write(&keys_file, keys.to_string()).expect("saved");
    let run = |token: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecitizen"))
            .args([
                "--data-dir",
                "/nonexistent",
                "verify-token",
                token,
                "--keys",
            ])
            .arg(&keys_file)
            .output()
            .expect("runs")
    };
    let ok = run(&token);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        String::from_utf8_lossy(&ok.stdout)
            .contains(certificate.number.as_deref().expect("number"))
    );
    assert!(!run(&changed).status.success());
    assert!(!run(&forged).status.success());
}

fn ecitizen(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ecitizen"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .output()
        .expect("runs")
}

#[tokio::test]
async fn certificates_signed_before_a_key_rotation_still_verify() {
    // The server starts after a rotation: it signs with the new key and
    // still publishes the old one.
    let mut before = None;
    let app = spawn_app(|settings| {
        let files = settings.issuer_files();
        before = Some(Issuer::open(&files).expect("first key"));
        ecitizen::issuer::rotate(&files).expect("rotated");
    })
    .await;
    let before = before.expect("the old key");
    let (winner, certificate) = graduate(&app).await;
    let code = certificate.code.clone().expect("code");

    let keys: serde_json::Value = app
        .get("/.well-known/ecitizen-issuer.json")
        .await
        .json()
        .await
        .expect("json");
    let kids: Vec<(&str, &str)> = keys["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|key| {
            (
                key["kid"].as_str().expect("kid"),
                key["status"].as_str().expect("status"),
            )
        })
        .collect();
    let current = Issuer::load_or_create(&app.settings.data_dir).expect("the new key");
    assert_eq!(
        kids,
        [
            (current.key_id.as_str(), "current"),
            (before.key_id.as_str(), "retired")
        ]
    );

    // The certificate page signs with the new key...
    let scanned = decode_qr(&certificate_page(&winner).await);
    let token = scanned.split_once("?t=").expect("token").1;
    let facts = ecitizen::issuer::verify(token, &current.published()).expect("genuine");
    assert_eq!(facts.k, current.key_id);
    // ...and a token signed with the old key still checks out, online and
    // offline.
    let old_token = before.sign(&ecitizen::ops::certificates::facts(
        &certificate,
        &before.key_id,
    ));
    assert!(
        app.get_page(&format!("/verify/{code}?lang=en&t={old_token}"))
            .await
            .1
            .contains("signature is genuine")
    );
    let dir = &app.settings.data_dir;
    let offline = ecitizen(dir, &["verify-token", &old_token]);
    assert!(
        offline.status.success(),
        "{}",
        String::from_utf8_lossy(&offline.stderr)
    );

    // Another rotation from the command line keeps both earlier keys.
    let rotated = ecitizen(dir, &["issuer", "rotate"]);
    assert!(rotated.status.success());
    assert!(String::from_utf8_lossy(&rotated.stdout).contains(&current.key_id));
    let listed = ecitizen(dir, &["issuer", "keys"]);
    let listed: serde_json::Value =
        serde_json::from_slice(&listed.stdout).expect("the keys document");
    assert_eq!(listed["keys"].as_array().map(Vec::len), Some(3));
    assert!(
        ecitizen(dir, &["verify-token", &old_token])
            .status
            .success()
    );
    assert!(ecitizen(dir, &["verify-token", token]).status.success());
}

#[tokio::test]
async fn the_qr_code_is_signed_and_drawn_once_then_kept_for_later_views() {
    use ecitizen::db::models::certificate::Rendering;

    let app = spawn_app(|_| {}).await;
    let (winner, certificate) = graduate(&app).await;
    let id = certificate.id;
    let kept = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            db.read(move |conn| Rendering::of(conn, id).map_err(ecitizen::db::DbError::Query))
                .await
                .expect("read")
        }
    };
    assert!(kept(&app).await.is_none(), "nothing is drawn before a view");

    let first = certificate_page(&winner).await;
    let rendering = kept(&app).await.expect("the first view keeps what it drew");
    assert!(first.contains(&rendering.qr_svg));
    assert_eq!(
        rendering.verify_url,
        format!(
            "{}/verify/{}",
            app.address,
            certificate.code.clone().expect("code")
        )
    );
    let issuer = Issuer::load_or_create(&app.settings.data_dir).expect("the server's key");
    assert_eq!(rendering.key_id, issuer.key_id);
    assert!(ecitizen::issuer::verify(&rendering.token, &issuer.published()).is_ok());

    // A later view shows what was kept, without drawing again: a marker
    // put in its place appears on the page.
    let marker = "<svg id=\"kept-rendering\"></svg>";
    app.db
        .write(move |conn| {
            use diesel::prelude::*;
            use ecitizen::db::schema::certificate_renderings as kept;
            diesel::update(kept::table.find(id))
                .set(kept::qr_svg.eq(marker))
                .execute(conn)
                .map_err(ecitizen::db::DbError::Query)
        })
        .await
        .expect("marked");
    assert!(certificate_page(&winner).await.contains(marker));
}
