//! What each person sees at the moments that matter (issue 16): the exam
//! screen with nothing but the exam, on a phone, in both languages; the
//! trainer's way from the dashboard to the open sitting; a confirmation
//! before ending someone's attempt that can be declined; and the result's
//! next step.

use ecitizen::db::DbError;
use ecitizen::db::models::exam::Attempt;
use ecitizen::web::urls::{self, with_id};
use thirtyfour::By;

use super::browser::{Chrome, Options};
use super::site::demo_site;
use super::steps::arrives;
use crate::helpers::TestApp;

async fn attempt_status(app: &TestApp, id: i32) -> String {
    app.db
        .read(move |conn| Ok::<_, DbError>(Attempt::find(conn, id)?))
        .await
        .expect("read")
        .expect("attempt")
        .status
        .as_str()
        .to_owned()
}

/// Types into the field with this id (the board has a `reason` field per form).
async fn type_into(chrome: &Chrome, id: &str, text: &str) {
    let field = chrome
        .driver
        .find(By::Id(id))
        .await
        .unwrap_or_else(|err| panic!("no field {id}: {err}"));
    field.clear().await.expect("cleared");
    field.send_keys(text).await.expect("typed");
}

/// A 390 × 844 phone screen (Chromium's windows are never narrower than
/// 500 pixels, so the width is emulated as DevTools does it).
async fn as_phone(chrome: &Chrome) {
    chrome
        .driver
        .cdp()
        .send_raw(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({
                "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true
            }),
        )
        .await
        .expect("phone metrics");
}

async fn height_of(chrome: &Chrome, css: &str) -> f64 {
    chrome
        .eval(&format!(
            "return document.querySelector('{css}').getBoundingClientRect().height"
        ))
        .await
        .as_f64()
        .expect("a height")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn during_the_exam_a_phone_shows_only_the_exam_in_both_languages() {
    super::require_tools();
    let site = demo_site().await;
    let chrome = Chrome::start_with(
        &site.app,
        Options {
            window: (390, 844),
            ..Options::default()
        },
    )
    .await;
    as_phone(&chrome).await;
    chrome
        .sign_in(&site.examinee.login, &site.examinee.password)
        .await;
    let question = with_id(urls::ATTEMPT, site.attempt_in_progress);
    let review = with_id(urls::ATTEMPT_REVIEW, site.attempt_in_progress);
    for lang in ["ar", "en"] {
        chrome.open_in(&format!("{question}?q=2"), lang).await;
        chrome.wait_for(".site-header--exam").await;
        assert!(
            chrome.all(".site-nav").await.is_empty(),
            "no site navigation ({lang})"
        );
        assert!(
            chrome.all(".site-footer").await.is_empty(),
            "no footer ({lang})"
        );
        let header = height_of(&chrome, ".site-header").await;
        assert!(
            header < 120.0,
            "the header takes {header} px of 844 ({lang})"
        );
        assert!(!chrome.all(".exam-bar #timer").await.is_empty());
        assert_eq!(chrome.all(".grid-legend li").await.len(), 4, "a legend");
        assert_eq!(
            chrome
                .all(".question-grid a[aria-current=step]")
                .await
                .len(),
            1,
            "the current question is marked"
        );
        let title = chrome.driver.title().await.expect("title");
        assert!(
            !title.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
            "no invisible marks in the title: {title:?}"
        );
        chrome.screenshot(&format!("exam-phone-{lang}")).await;
        chrome
            .assert_accessible(&format!("exam question ({lang})"))
            .await;

        chrome.open_in(&review, lang).await;
        chrome.wait_for(".site-header--exam").await;
        assert!(chrome.all(".site-nav").await.is_empty());
        assert!(
            !chrome.all(".exam-bar #timer").await.is_empty(),
            "the review keeps the timer"
        );
        chrome
            .screenshot(&format!("exam-review-phone-{lang}"))
            .await;
        chrome
            .assert_accessible(&format!("exam review ({lang})"))
            .await;
    }

    // Submitting with questions unanswered takes the box ticked; then the
    // result leads on.
    chrome.open_in(&review, "ar").await;
    chrome.click("#confirm").await;
    chrome.click("main form button[type=submit]").await;
    arrives(&chrome, "the result", |path| path.ends_with("/result")).await;
    chrome.wait_for(".result-panel").await;
    assert!(
        chrome.all(".site-nav").await.len() == 1,
        "the site is back after the exam"
    );
    assert_eq!(
        chrome.all(".next-step a.button--primary").await.len(),
        1,
        "one way on"
    );
    chrome.screenshot("result-phone-ar").await;
    chrome.assert_accessible("result (ar)").await;
    assert_eq!(
        attempt_status(&site.app, site.attempt_in_progress).await,
        "submitted"
    );
    chrome.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_trainer_reaches_the_open_sitting_and_confirms_before_ending_an_attempt() {
    super::require_tools();
    let site = demo_site().await;
    let chrome = Chrome::start(&site.app).await;
    chrome
        .sign_in(&site.trainer.login, &site.trainer.password)
        .await;
    let board = with_id(urls::TRAINER_SITTING, site.open_sitting);
    let attempt = site.attempt_in_progress;

    for lang in ["en", "ar"] {
        chrome.open_in(urls::TRAINER_HOME, lang).await;
        chrome
            .screenshot(&format!("trainer-dashboard-{lang}"))
            .await;
        chrome.click(&format!("a.button[href='{board}']")).await;
        arrives(&chrome, "the board", |path| {
            path.starts_with(&board) && !path.contains("terminate")
        })
        .await;

        // Declining changes nothing and leads back to the board.
        chrome.click("details summary").await;
        type_into(&chrome, &format!("end-reason-{attempt}"), "Phone in use").await;
        chrome.click("form.form--danger button[type=submit]").await;
        chrome.wait_for(".confirm-consequence").await;
        chrome
            .screenshot(&format!("confirm-terminate-{lang}"))
            .await;
        chrome
            .assert_accessible(&format!("confirm ending ({lang})"))
            .await;
        chrome.click(".confirm-form a.button").await;
        arrives(&chrome, "back on the board", |path| {
            path.starts_with(&board) && !path.contains("terminate")
        })
        .await;
        assert_eq!(attempt_status(&site.app, attempt).await, "open");
    }

    chrome.open_in(&board, "ar").await;
    chrome.click("details summary").await;
    type_into(
        &chrome,
        &format!("end-reason-{attempt}"),
        "هاتف قيد الاستخدام",
    )
    .await;
    chrome.click("form.form--danger button[type=submit]").await;
    chrome.click(".confirm-form button[type=submit]").await;
    // The confirmation's own path is under the board's, so wait for the
    // board itself (and its flash) before reading the attempt.
    arrives(&chrome, "the board", |path| {
        path.starts_with(&board) && !path.contains("terminate")
    })
    .await;
    chrome.wait_for(".flash").await;
    assert_eq!(attempt_status(&site.app, attempt).await, "terminated");
    chrome.quit().await;

    // The trainee's result says how it ended and what comes next.
    let trainee = Chrome::start(&site.app).await;
    trainee
        .sign_in(&site.examinee.login, &site.examinee.password)
        .await;
    for lang in ["ar", "en"] {
        trainee
            .open_in(&with_id(urls::ATTEMPT_RESULT, attempt), lang)
            .await;
        trainee.wait_for(".result-panel--fail").await;
        let next = trainee
            .wait_for(".next-step")
            .await
            .text()
            .await
            .expect("text");
        assert!(!next.trim().is_empty());
        assert_eq!(trainee.all(".next-step a.button--primary").await.len(), 1);
        let page = trainee.eval("return document.body.innerText").await;
        assert!(
            page.as_str()
                .is_some_and(|text| text.contains("هاتف قيد الاستخدام")),
            "the reason is shown to the trainee"
        );
        trainee.screenshot(&format!("result-ended-{lang}")).await;
    }
    trainee.quit().await;
}

/// Prints the page as Chromium prints it (the CSS page size and margins)
/// and returns the PDF.
async fn print_to_pdf(chrome: &Chrome) -> Vec<u8> {
    use base64::Engine;
    let printed = chrome
        .driver
        .cdp()
        .send_raw(
            "Page.printToPDF",
            serde_json::json!({ "preferCSSPageSize": true, "printBackground": true }),
        )
        .await
        .expect("printed");
    let data = printed["data"].as_str().expect("base64 PDF");
    base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("PDF bytes")
}

/// The page objects of a PDF (`/Type /Page`, not the `/Pages` tree).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, found)| !text[at + found.len()..].starts_with('s'))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn a_certificate_prints_on_one_a4_landscape_page() {
    super::require_tools();
    let site = demo_site().await;
    let certificate = with_id(urls::TRAINEE_CERTIFICATE, site.graduate_certificate);

    let holder = Chrome::start(&site.app).await;
    holder
        .sign_in(&site.graduate.login, &site.graduate.password)
        .await;
    for lang in ["ar", "en"] {
        holder.open_in(&certificate, lang).await;
        let print = holder.wait_for("[data-print] button").await;
        assert!(
            print.is_displayed().await.expect("shown"),
            "a Print button ({lang})"
        );
        let pdf = print_to_pdf(&holder).await;
        let dir = super::target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("artefact directory");
        std::fs::write(dir.join(format!("certificate-{lang}.pdf")), &pdf).expect("kept");
        assert_eq!(pdf_pages(&pdf), 1, "one page ({lang})");
        // What the printed page looks like, kept with the screenshots.
        holder
            .driver
            .cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "media": "print" }),
            )
            .await
            .expect("print media");
        holder
            .screenshot(&format!("certificate-print-{lang}"))
            .await;
        holder
            .driver
            .cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "media": "" }),
            )
            .await
            .expect("screen media");
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.contains("/MediaBox [0 0 841") || text.contains("/MediaBox [0 0 842"),
            "A4 landscape ({lang})"
        );
    }
    holder.quit().await;

    // The registrar reaches the same page from the certificate's number.
    let office = Chrome::start(&site.app).await;
    office
        .sign_in(&site.registrar.login, &site.registrar.password)
        .await;
    office.open_in(urls::REGISTRAR_HOME, "ar").await;
    let page = with_id(urls::REGISTRAR_CERTIFICATE, site.graduate_certificate);
    office.click(&format!("a[href='{page}']")).await;
    arrives(&office, "the certificate", |path| path.starts_with(&page)).await;
    office.wait_for(".certificate").await;
    assert_eq!(pdf_pages(&print_to_pdf(&office).await), 1);
    office
        .assert_accessible("certificate for the registrar")
        .await;
    office.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn nothing_scrolls_sideways_on_a_phone() {
    super::require_tools();
    let site = demo_site().await;
    let phone = Options {
        window: (390, 844),
        ..Options::default()
    };
    // Whether the page, or any table on it, is wider than the screen.
    let sideways = "const wide = [document.documentElement, ...document.querySelectorAll('.table-wrap')]\
                    .filter(e => e.scrollWidth > e.clientWidth + 1)\
                    .map(e => (e.className || e.tagName) + ' ' + e.scrollWidth + '>' + e.clientWidth);\
                    return wide.join(', ');";
    let visitor = [
        urls::HOME.to_owned(),
        urls::COHORTS.to_owned(),
        with_id(urls::COHORT, site.exam_class),
    ];
    let examinee = [format!(
        "{}?q=1",
        with_id(urls::ATTEMPT, site.attempt_in_progress)
    )];
    let trainer = [
        with_id(urls::TRAINER_COHORT, site.exam_class),
        with_id(urls::TRAINER_SESSION_ATTENDANCE, site.held_session),
    ];
    let mut failures = Vec::new();
    for (login, paths) in [
        (None, &visitor[..]),
        (Some(&site.examinee), &examinee[..]),
        (Some(&site.trainer), &trainer[..]),
    ] {
        let chrome = Chrome::start_with(&site.app, phone.clone()).await;
        as_phone(&chrome).await;
        if let Some(login) = login {
            chrome.sign_in(&login.login, &login.password).await;
        }
        for path in paths {
            for lang in ["ar", "en"] {
                chrome.open_in(path, lang).await;
                let name: String = path
                    .trim_matches('/')
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                chrome.screenshot(&format!("phone-{name}-{lang}")).await;
                let wide = chrome.eval(sideways).await;
                if wide.as_str() != Some("") {
                    failures.push(format!("{path} ({lang}): {wide}"));
                }
            }
        }
        chrome.quit().await;
    }
    assert!(
        failures.is_empty(),
        "wider than a 390-pixel phone: {failures:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn a_failed_form_takes_the_focus_to_what_to_correct_and_verification_is_linked() {
    super::require_tools();
    let site = demo_site().await;
    let chrome = Chrome::start(&site.app).await;
    for lang in ["ar", "en"] {
        chrome.open_in(urls::REGISTER, lang).await;
        chrome.fill("full_name_en", "Amna").await;
        chrome.click("main form button[type=submit]").await;
        chrome.wait_for(".error-summary").await;
        let focused = chrome
            .eval("return document.activeElement.classList.contains('error-summary')")
            .await;
        assert_eq!(
            focused,
            serde_json::json!(true),
            "focus on the summary ({lang})"
        );

        chrome.open_in(urls::HOME, lang).await;
        chrome
            .click(&format!(".site-footer a[href='{}']", urls::VERIFY))
            .await;
        arrives(&chrome, "the verification page", |path| {
            path.starts_with(urls::VERIFY)
        })
        .await;
    }
    chrome.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_admin_and_registrar_pages_read_as_people_read_them() {
    super::require_tools();
    let site = demo_site().await;
    let admin = Chrome::start(&site.app).await;
    admin.sign_in(&site.admin.login, &site.admin.password).await;
    for lang in ["ar", "en"] {
        for (path, name) in [
            (urls::ADMIN_COHORTS, "admin-classes"),
            (urls::ADMIN_AUDIT, "admin-audit"),
            (urls::ADMIN_EXAM, "admin-exam"),
            (urls::ADMIN_QUESTIONS, "admin-questions"),
        ] {
            admin.open_in(path, lang).await;
            // The site's navigation and the admin's each fit on one row.
            for nav in [".site-nav ul", ".admin-nav ul"] {
                let rows = height_of(&admin, nav).await;
                assert!(rows < 60.0, "{nav} is {rows} px high on {path} ({lang})");
            }
            assert_eq!(
                admin.all(".admin-nav a[aria-current=page]").await.len(),
                1,
                "the section is marked ({path})"
            );
            admin.screenshot(&format!("{name}-{lang}")).await;
        }
    }
    admin.quit().await;

    let office = Chrome::start(&site.app).await;
    office
        .sign_in(&site.registrar.login, &site.registrar.password)
        .await;
    for lang in ["ar", "en"] {
        office
            .open_in(&with_id(urls::REGISTRAR_TRAINEE, site.examinee_id), lang)
            .await;
        let labels: Vec<String> = {
            let mut texts = Vec::new();
            for label in office.all("main label").await {
                texts.push(label.text().await.expect("text"));
            }
            texts
        };
        let reasons: Vec<&String> = labels.iter().filter(|t| t.contains('(')).collect();
        let mut unique = reasons.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            reasons.len(),
            "every reason says what it is for: {labels:?}"
        );
        office
            .screenshot(&format!("registrar-trainee-{lang}"))
            .await;
        let reports = format!("{}?from=2025-01-01&to=2026-12-31", urls::REGISTRAR_REPORTS);
        office.open_in(&reports, lang).await;
        assert_eq!(
            office.all("figure.chart svg[role=img]").await.len(),
            2,
            "two charts ({lang})"
        );
        office.screenshot(&format!("reports-{lang}")).await;
        office.assert_accessible(&format!("reports ({lang})")).await;
    }
    office.quit().await;
}
