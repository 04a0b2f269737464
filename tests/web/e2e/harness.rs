//! The harness itself: what later browser tests rely on.

use ecitizen::web::urls::{self, with_id};

use super::browser::{Chrome, Options};
use super::site::demo_site;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn a_browser_signs_in_keeps_a_language_and_can_run_without_javascript() {
    super::require_tools();
    let site = demo_site().await;
    let admin =
        crate::people::create_person(&site.app, "admin", "e2e-admin@example.ae", false).await;
    let attempt = with_id(urls::ATTEMPT, site.attempt_in_progress);

    // JavaScript on: the exam script turns the end time into a live timer.
    let chrome = Chrome::start(&site.app).await;
    chrome.sign_in_as(&admin).await;
    assert_eq!(chrome.current_path().await, urls::ADMIN_USERS);
    chrome.sign_out().await;
    chrome.set_language("en").await;
    chrome.adopt_session(&site.app, site.examinee_id).await;
    chrome.open(&attempt).await;
    let lang = chrome.eval("return document.documentElement.lang").await;
    assert_eq!(lang, "en", "the language cookie is kept");
    let role = chrome
        .eval("return document.getElementById('timer').getAttribute('role')")
        .await;
    assert_eq!(role, "timer", "the exam script ran");
    chrome.assert_accessible("the exam with JavaScript").await;
    chrome.quit().await;

    // JavaScript off: the same page, as the server sent it.
    let chrome = Chrome::start_with(
        &site.app,
        Options {
            javascript: false,
            ..Options::default()
        },
    )
    .await;
    chrome.adopt_session(&site.app, site.examinee_id).await;
    chrome.open(&attempt).await;
    let role = chrome
        .eval("return document.getElementById('timer').getAttribute('role')")
        .await;
    assert_eq!(role, serde_json::Value::Null, "no page script ran");
    chrome.quit().await;
}
