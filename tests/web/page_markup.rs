//! What outside validators check on a page besides its words: a meta
//! description in each language, a certificate whose inline QR code is
//! valid HTML, and a verification page that never calls a certificate valid
//! ahead of a QR signature that fails.

use ecitizen::issuer::Issuer;

use crate::certificates::signatures::{certificate_page, graduate};
use crate::exam::spawn_app_customized as spawn_app;
use crate::helpers::spawn_app as spawn_plain_app;

/// The content of the page's `<meta name="description">`.
fn description(page: &str) -> String {
    let at = page
        .find(r#"<meta name="description" content=""#)
        .expect("a meta description")
        + r#"<meta name="description" content=""#.len();
    page[at..at + page[at..].find('"').expect("quote")].to_owned()
}

#[tokio::test]
async fn every_page_has_a_description_in_its_language() {
    let app = spawn_plain_app().await;

    let arabic = description(&app.get_page("/?lang=ar").await.1);
    let english = description(&app.get_page("/?lang=en").await.1);

    assert!(arabic.contains("المواطن الإلكتروني"), "{arabic}");
    assert!(english.contains("e-Citizen"), "{english}");
    assert_ne!(arabic, english);
    // One sentence a search result can show, without invisible marks.
    for text in [&arabic, &english] {
        assert!((50..=200).contains(&text.chars().count()), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']));
    }
    // The catalogue has its own; a page without one has the site's.
    let catalogue = description(&app.get_page("/cohorts?lang=en").await.1);
    assert!(catalogue.contains("Open e-Citizen classes"), "{catalogue}");
    assert_eq!(
        description(&app.get_page("/login?lang=en").await.1),
        english
    );
}

#[tokio::test]
async fn the_certificate_inlines_its_qr_code_as_html_without_an_xml_declaration() {
    let app = spawn_app(|_| {}).await;
    let (winner, _) = graduate(&app).await;

    for view in ["first view, drawn", "second view, kept"] {
        let page = certificate_page(&winner).await;
        assert!(page.contains("<svg"), "{view}");
        assert!(!page.contains("<?xml"), "{view}: {page}");
    }
}

#[tokio::test]
async fn a_forged_qr_code_leads_with_the_warning_and_is_never_called_valid() {
    let app = spawn_app(|_| {}).await;
    let (_, certificate) = graduate(&app).await;
    let code = certificate.code.clone().expect("code");
    let stranger = Issuer::from_seed([9; 32]);
    let issuer = Issuer::load_or_create(&app.settings.data_dir).expect("the server's key");
    let forged = stranger.sign(&ecitizen::ops::certificates::facts(
        &certificate,
        &issuer.key_id,
    ));

    for lang in ["en", "ar"] {
        let (status, page) = app
            .get_page(&format!("/verify/{code}?lang={lang}&t={forged}"))
            .await;
        assert_eq!(status, 200);
        let main = &page[page.find("<main").expect("main")..];
        let warning = main.find(r#"id="token-warning""#).expect("the warning");
        let facts = main.find(r#"<dl class="facts">"#).expect("the facts");
        assert!(warning < facts, "{lang}: the warning comes first");
        assert!(
            !main.contains("verdict--valid"),
            "{lang}: no valid verdict under a forged token"
        );
        let holder = certificate.holder_name_en.as_str();
        assert!(
            main.contains(holder),
            "{lang}: the registry's facts to compare"
        );
    }
    let (_, english) = app
        .get_page(&format!("/verify/{code}?lang=en&t={forged}"))
        .await;
    assert!(english.contains("Warning: this QR code was not signed for this certificate"));
    assert!(!english.contains("This certificate is valid."));

    // The genuine token and a code typed by hand still read as valid.
    let genuine = issuer.sign(&ecitizen::ops::certificates::facts(
        &certificate,
        &issuer.key_id,
    ));
    for path in [
        format!("/verify/{code}?lang=en&t={genuine}"),
        format!("/verify/{code}?lang=en"),
    ] {
        let page = app.get_page(&path).await.1;
        assert!(page.contains("This certificate is valid."), "{path}");
        assert!(!page.contains(r#"id="token-warning""#), "{path}");
    }
}
