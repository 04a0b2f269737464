//! axe and the right-to-left checks on every page a person can reach, in
//! Arabic and in English. The pages come from the route table: a test that
//! needs no browser fails when a GET route has no page here.

use ecitizen::web::urls::{self, with_id};

use super::browser::Chrome;
use super::rtl::direction_problems;
use super::site::{DemoSite, Login, demo_site};

/// Who looks at a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Visitor,
    /// A trainee in the middle of the exam.
    Examinee,
    /// A trainee with a certificate.
    Graduate,
    Trainer,
    Registrar,
    Admin,
}

impl Who {
    fn login(self, site: &DemoSite) -> Option<&Login> {
        match self {
            Who::Visitor => None,
            Who::Examinee => Some(&site.examinee),
            Who::Graduate => Some(&site.graduate),
            Who::Trainer => Some(&site.trainer),
            Who::Registrar => Some(&site.registrar),
            Who::Admin => Some(&site.admin),
        }
    }
}

/// One page of the sweep.
#[derive(Clone, Debug)]
pub struct Page {
    /// The route pattern it belongs to, or a name for an error page.
    pub route: &'static str,
    pub who: Who,
    pub path: String,
    /// The status a browser gets.
    pub status: u16,
}

/// GET routes that answer data, not a page for people.
const NOT_PAGES: &[&str] = &[
    urls::HEALTHZ,
    urls::STATIC,
    urls::COHORTS_JSON,
    urls::ISSUER_KEYS,
    urls::VERIFY_CODE_JSON,
    urls::ENROLLMENT_CALENDAR,
    urls::ADMIN_QUESTIONS_EXPORT_JSON,
    urls::ADMIN_QUESTIONS_EXPORT_CSV,
    urls::REGISTRAR_REPORT_CSV,
];

/// Every page, with whoever sees it at its fullest.
pub fn pages(site: &DemoSite) -> Vec<Page> {
    use Who::*;
    let page = |route: &'static str, who: Who, path: String| Page {
        route,
        who,
        path,
        status: 200,
    };
    let mut pages = vec![
        page(urls::HOME, Visitor, urls::HOME.to_owned()),
        page(urls::COHORTS, Visitor, urls::COHORTS.to_owned()),
        page(
            urls::COHORTS,
            Visitor,
            format!("{}?region=eastern&period=morning", urls::COHORTS),
        ),
        page(
            urls::COHORT,
            Visitor,
            with_id(urls::COHORT, site.exam_class),
        ),
        page(urls::REGISTER, Visitor, urls::REGISTER.to_owned()),
        page(urls::LOGIN, Visitor, urls::LOGIN.to_owned()),
        page(urls::VERIFY, Visitor, urls::VERIFY.to_owned()),
        page(
            urls::VERIFY_CODE,
            Visitor,
            format!("/verify/{}", site.valid_code),
        ),
        page(
            urls::VERIFY_CODE,
            Visitor,
            format!("/verify/{}", site.revoked_code),
        ),
        Page {
            status: 404,
            ..page(
                urls::VERIFY_CODE,
                Visitor,
                "/verify/0000000000000000000000000A".to_owned(),
            )
        },
        Page {
            status: 404,
            ..page("not found", Visitor, "/no-such-page".to_owned())
        },
        page(urls::TRAINEE_HOME, Examinee, urls::TRAINEE_HOME.to_owned()),
        page(urls::TRAINEE_EXAM, Examinee, urls::TRAINEE_EXAM.to_owned()),
        page(
            urls::ATTEMPT,
            Examinee,
            with_id(urls::ATTEMPT, site.attempt_in_progress),
        ),
        page(
            urls::ATTEMPT_REVIEW,
            Examinee,
            with_id(urls::ATTEMPT_REVIEW, site.attempt_in_progress),
        ),
        page(
            urls::ACCOUNT_PASSWORD,
            Examinee,
            urls::ACCOUNT_PASSWORD.to_owned(),
        ),
        page(urls::TRAINEE_HOME, Graduate, urls::TRAINEE_HOME.to_owned()),
        page(urls::TRAINEE_EXAM, Graduate, urls::TRAINEE_EXAM.to_owned()),
        page(
            urls::TRAINEE_CERTIFICATE,
            Graduate,
            with_id(urls::TRAINEE_CERTIFICATE, site.graduate_certificate),
        ),
        page(
            urls::ATTEMPT_RESULT,
            Graduate,
            with_id(urls::ATTEMPT_RESULT, site.graduate_attempt),
        ),
        Page {
            status: 403,
            ..page("forbidden", Graduate, urls::ADMIN_USERS.to_owned())
        },
        page(urls::TRAINER_HOME, Trainer, urls::TRAINER_HOME.to_owned()),
        page(
            urls::TRAINER_COHORT,
            Trainer,
            with_id(urls::TRAINER_COHORT, site.exam_class),
        ),
        page(
            urls::TRAINER_SESSION_ATTENDANCE,
            Trainer,
            with_id(urls::TRAINER_SESSION_ATTENDANCE, site.held_session),
        ),
        page(
            urls::TRAINER_SITTING,
            Trainer,
            with_id(urls::TRAINER_SITTING, site.open_sitting),
        ),
        page(
            urls::REGISTRAR_HOME,
            Registrar,
            urls::REGISTRAR_HOME.to_owned(),
        ),
        page(
            urls::REGISTRAR_COHORTS,
            Registrar,
            urls::REGISTRAR_COHORTS.to_owned(),
        ),
        page(
            urls::REGISTRAR_REPORTS,
            Registrar,
            format!("{}?from=2025-01-01&to=2026-12-31", urls::REGISTRAR_REPORTS),
        ),
        page(
            urls::REGISTRAR_CERTIFICATE,
            Registrar,
            with_id(urls::REGISTRAR_CERTIFICATE, site.graduate_certificate),
        ),
        page(
            urls::REGISTRAR_CERTIFICATE_REISSUE,
            Registrar,
            with_id(
                urls::REGISTRAR_CERTIFICATE_REISSUE,
                site.graduate_certificate,
            ),
        ),
        page(
            urls::REGISTRAR_TRAINEES,
            Registrar,
            urls::REGISTRAR_TRAINEES.to_owned(),
        ),
        page(
            urls::REGISTRAR_TRAINEES,
            Registrar,
            format!("{}?q=784", urls::REGISTRAR_TRAINEES),
        ),
        page(
            urls::REGISTRAR_TRAINEE,
            Registrar,
            with_id(urls::REGISTRAR_TRAINEE, site.examinee_id),
        ),
        page(
            urls::REGISTRAR_SESSION_ATTENDANCE,
            Registrar,
            with_id(urls::REGISTRAR_SESSION_ATTENDANCE, site.held_session),
        ),
        page(urls::ADMIN_USERS, Admin, urls::ADMIN_USERS.to_owned()),
        page(urls::ADMIN_AUDIT, Admin, urls::ADMIN_AUDIT.to_owned()),
        page(urls::ADMIN_COHORTS, Admin, urls::ADMIN_COHORTS.to_owned()),
        page(
            urls::ADMIN_COHORT_NEW,
            Admin,
            urls::ADMIN_COHORT_NEW.to_owned(),
        ),
        page(
            urls::ADMIN_COHORT,
            Admin,
            with_id(urls::ADMIN_COHORT, site.exam_class),
        ),
        page(urls::ADMIN_VENUES, Admin, urls::ADMIN_VENUES.to_owned()),
        page(
            urls::ADMIN_VENUE,
            Admin,
            with_id(urls::ADMIN_VENUE, site.venue),
        ),
        page(urls::ADMIN_HOLIDAYS, Admin, urls::ADMIN_HOLIDAYS.to_owned()),
        page(
            urls::ADMIN_QUESTIONS,
            Admin,
            urls::ADMIN_QUESTIONS.to_owned(),
        ),
        page(
            urls::ADMIN_QUESTION_NEW,
            Admin,
            urls::ADMIN_QUESTION_NEW.to_owned(),
        ),
        page(
            urls::ADMIN_QUESTION,
            Admin,
            with_id(urls::ADMIN_QUESTION, site.question),
        ),
        page(urls::ADMIN_EXAM, Admin, urls::ADMIN_EXAM.to_owned()),
        page(urls::ADMIN_SETTINGS, Admin, urls::ADMIN_SETTINGS.to_owned()),
    ];
    // Everyone's password page looks the same; staff see it too.
    pages.push(page(
        urls::ACCOUNT_PASSWORD,
        Admin,
        urls::ACCOUNT_PASSWORD.to_owned(),
    ));
    pages
}

#[tokio::test]
async fn the_sweep_has_a_page_for_every_get_route_and_each_answers() {
    let site = demo_site().await;
    let pages = pages(&site);

    let missing: Vec<&str> = ecitizen::web::ROUTES
        .iter()
        .filter(|(method, path)| *method == "GET" && !NOT_PAGES.contains(path))
        .map(|(_, path)| *path)
        .filter(|route| !pages.iter().any(|page| page.route == *route))
        .collect();
    assert!(
        missing.is_empty(),
        "GET routes the accessibility sweep does not visit: {missing:?}"
    );

    // Each page answers as expected for its person, so the browser sweep
    // checks the real page, not a login form or an error.
    for who in [
        Who::Visitor,
        Who::Examinee,
        Who::Graduate,
        Who::Trainer,
        Who::Registrar,
        Who::Admin,
    ] {
        let browser = site.app.browser();
        if let Some(login) = who.login(&site) {
            let response = browser.sign_in(&login.login, &login.password).await;
            assert_eq!(response.status().as_u16(), 303, "{who:?} signs in");
        }
        for page in pages.iter().filter(|page| page.who == who) {
            let (status, body) = browser.get_page(&page.path).await;
            assert_eq!(status, page.status, "{who:?} GET {}:\n{body}", page.path);
        }
    }
}

/// Visits `pages` in both languages as their people, running axe and the
/// direction checks; panics at the end listing every problem found.
async fn sweep(site: &DemoSite, pages: &[Page]) {
    let chrome = Chrome::start(&site.app).await;
    let mut problems = Vec::new();
    let mut signed_in: Option<Who> = None;
    let mut checked = 0;
    for page in pages {
        if signed_in != Some(page.who) {
            chrome.sign_out().await;
            if let Some(login) = page.who.login(site) {
                chrome.sign_in(&login.login, &login.password).await;
            }
            signed_in = Some(page.who);
        }
        for lang in ["ar", "en"] {
            chrome.open_in(&page.path, lang).await;
            let label = format!("{} as {:?} in {lang}", page.path, page.who);
            let landed = chrome.current_path().await;
            let wanted = page.path.split('?').next().unwrap_or_default();
            if !landed.starts_with(wanted) {
                problems.push(format!("{label}: landed on {landed}"));
                continue;
            }
            if let Some(found) = chrome.axe(&label).await.problems() {
                problems.push(found);
            }
            for problem in direction_problems(&chrome, lang).await {
                problems.push(format!("{label}: {problem}"));
            }
            checked += 1;
        }
    }
    chrome.quit().await;
    assert!(
        problems.is_empty(),
        "{} problems on {checked} pages checked:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn public_and_trainee_pages_pass_axe_in_arabic_and_english() {
    super::require_tools();
    let site = demo_site().await;
    let pages: Vec<Page> = pages(&site)
        .into_iter()
        .filter(|page| matches!(page.who, Who::Visitor | Who::Examinee | Who::Graduate))
        .collect();
    sweep(&site, &pages).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn staff_pages_pass_axe_in_arabic_and_english() {
    super::require_tools();
    let site = demo_site().await;
    let pages: Vec<Page> = pages(&site)
        .into_iter()
        .filter(|page| matches!(page.who, Who::Trainer | Who::Registrar | Who::Admin))
        .collect();
    sweep(&site, &pages).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn forms_showing_errors_pass_axe_in_arabic_and_english() {
    super::require_tools();
    let site = demo_site().await;
    let chrome = Chrome::start(&site.app).await;
    let mut problems = Vec::new();
    for lang in ["ar", "en"] {
        // An empty registration: every field has an error.
        chrome.open_in(urls::REGISTER, lang).await;
        chrome.click("main form button[type=submit]").await;
        chrome.wait_for(".error-summary").await;
        if let Some(found) = chrome
            .axe(&format!("register with errors in {lang}"))
            .await
            .problems()
        {
            problems.push(found);
        }
        for problem in direction_problems(&chrome, lang).await {
            problems.push(format!("register with errors in {lang}: {problem}"));
        }
        // A wrong password.
        chrome.open_in(urls::LOGIN, lang).await;
        chrome.fill("login", &site.admin.login).await;
        chrome.fill("password", "not the password").await;
        chrome.click("main form button[type=submit]").await;
        chrome.wait_for("[role=alert]").await;
        if let Some(found) = chrome
            .axe(&format!("failed sign-in in {lang}"))
            .await
            .problems()
        {
            problems.push(found);
        }
    }
    chrome.quit().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
