//! The exam in a real browser without JavaScript, and with the keyboard
//! alone (the journey test covers it with JavaScript and a mouse).

use thirtyfour::prelude::*;

use super::browser::{Chrome, Options};
use super::steps::{arrives, choose_right, on_question, right_here, saved, until};
use crate::exam::{open_sitting, ready, spawn_app};
use crate::helpers::TestApp;

/// An eligible trainee on exam day with a sitting open, signed in to a new
/// browser; returns the app, the browser and the sitting's PIN.
async fn candidate(options: Options) -> (TestApp, Chrome, String) {
    let app = spawn_app().await;
    let ready = ready(&app, 1, &[]).await;
    let (_, pin) = open_sitting(&app, &ready).await;
    let chrome = Chrome::start_with(&app, options).await;
    chrome.adopt_session(&app, ready.trainees[0].0).await;
    (app, chrome, pin)
}

/// Waits for the page at a path other than `from`; returns it.
async fn left(chrome: &Chrome, from: &str) -> String {
    arrives(chrome, &format!("leaving {from}"), |path| path != from).await
}

/// Whether the result page says the exam was passed.
async fn says_passed(chrome: &Chrome) -> bool {
    chrome
        .eval("return document.querySelector('.result-panel--pass') !== null")
        .await
        == serde_json::json!(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_exam_can_be_taken_from_start_to_result_without_javascript() {
    super::require_tools();
    let (app, chrome, pin) = candidate(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    chrome.open_in("/me/exam", "en").await;
    let start = chrome.current_path().await;
    chrome.fill("pin", &pin).await;
    chrome.click("main form button[type=submit]").await;
    let mut path = left(&chrome, &start).await;
    assert!(path.starts_with("/attempts/"), "{path}");

    // Without the script the page shows when the exam ends, not a countdown,
    // and nothing claims to have saved anything.
    let timer = chrome
        .eval("return document.getElementById('timer').textContent")
        .await;
    assert!(
        timer.as_str().is_some_and(|text| text.contains("ends at")),
        "{timer}"
    );

    loop {
        let (attempt, position) = on_question(&chrome).await;
        let right = choose_right(&chrome, &app).await;
        let last = chrome.all("button[name=go][value=next]").await.is_empty();
        let button = if last { "review" } else { "next" };
        chrome
            .click(&format!("button[name=go][value={button}]"))
            .await;
        path = left(&chrome, &path).await;
        // Each answer is a form POST, stored before the next page shows.
        assert_eq!(
            saved(&app, attempt).await.get(&position),
            Some(&right),
            "question {position}"
        );
        if last {
            break;
        }
    }
    assert!(path.ends_with("/review"), "{path}");
    chrome.click("main form button[type=submit]").await;
    let path = left(&chrome, &path).await;
    assert!(path.ends_with("/result"), "{path}");
    assert!(says_passed(&chrome).await);
    chrome.quit().await;
}

/// Presses keys in the browser, as a person at a keyboard would.
async fn press(chrome: &Chrome, key: Key) {
    chrome
        .driver
        .action_chain()
        .send_keys(key)
        .perform()
        .await
        .expect("key pressed");
}

/// What has the keyboard focus: `tag name value` (and `@action` of a
/// button's form) with whether the focus ring is visible (a
/// `:focus-visible` outline or shadow).
async fn focused(chrome: &Chrome) -> (String, bool) {
    let found = chrome
        .eval(
            "const e = document.activeElement; const s = getComputedStyle(e); \
             const ring = e.matches(':focus-visible') && \
               ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'); \
             const form = e.tagName === 'BUTTON' && e.form ? ` @${e.form.getAttribute('action')}` : ''; \
             return [`${e.tagName.toLowerCase()} ${e.name || ''} ${e.value || ''}`.trim() + form, ring];",
        )
        .await;
    (
        found[0].as_str().unwrap_or_default().to_owned(),
        found[1] == serde_json::json!(true),
    )
}

/// Presses Tab until `wanted` describes the focused element (see
/// [`focused`]); every stop on the way must show where the focus is.
async fn tab_to(chrome: &Chrome, wanted: impl Fn(&str) -> bool) -> String {
    for _ in 0..60 {
        press(chrome, Key::Tab).await;
        let (element, ring) = focused(chrome).await;
        assert!(ring, "the focus on {element} is not visible");
        if wanted(&element) {
            return element;
        }
    }
    panic!("Tab never reached the element wanted");
}

/// Picks the right options of the question on screen with the keyboard:
/// Tab into the options, then Space on each right checkbox, or the arrow
/// keys to the right radio button.
async fn answer_with_keys(chrome: &Chrome, app: &TestApp) -> Vec<i32> {
    let right = right_here(chrome, app).await;
    let first = tab_to(chrome, |element| element.starts_with("input option")).await;
    let radios = chrome.all("input[type=radio][name=option]").await.len();
    if radios > 0 {
        // One tab stop for the group; the arrows move and choose.
        let mut element = first;
        let wanted = format!("input option {}", right[0]);
        for _ in 0..radios {
            if element == wanted {
                break;
            }
            press(chrome, Key::Down).await;
            element = focused(chrome).await.0;
        }
        assert_eq!(element, wanted);
        press(chrome, Key::Space).await;
    } else {
        let mut element = first;
        loop {
            let id = element.rsplit(' ').next().and_then(|id| id.parse().ok());
            if id.is_some_and(|id| right.contains(&id)) {
                press(chrome, Key::Space).await;
            }
            if chrome
                .eval("return document.activeElement === [...document.querySelectorAll('input[name=option]')].pop()")
                .await
                == serde_json::json!(true)
            {
                break;
            }
            element = tab_to(chrome, |_| true).await;
        }
    }
    right
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_exam_can_be_completed_with_the_keyboard_alone() {
    super::require_tools();
    let (app, chrome, pin) = candidate(Options::default()).await;
    chrome.open_in("/me/exam", "en").await;
    let start = chrome.current_path().await;
    tab_to(&chrome, |element| element.starts_with("input pin")).await;
    chrome
        .driver
        .action_chain()
        .send_keys(pin.as_str())
        .perform()
        .await
        .expect("typed");
    press(&chrome, Key::Enter).await;
    let mut path = left(&chrome, &start).await;
    assert!(path.starts_with("/attempts/"), "{path}");

    loop {
        let (attempt, position) = on_question(&chrome).await;
        let right = answer_with_keys(&chrome, &app).await;
        until(
            &format!("question {position} saved by the script"),
            || async { saved(&app, attempt).await.get(&position) == Some(&right) },
        )
        .await;
        let last = chrome.all("button[name=go][value=next]").await.is_empty();
        let button = if last { "review" } else { "next" };
        tab_to(&chrome, |element| {
            element.starts_with(&format!("button go {button} @"))
        })
        .await;
        press(&chrome, Key::Enter).await;
        path = left(&chrome, &path).await;
        if last {
            break;
        }
    }
    assert!(path.ends_with("/review"), "{path}");
    tab_to(&chrome, |element| {
        element.starts_with("button") && element.ends_with("/submit")
    })
    .await;
    press(&chrome, Key::Enter).await;
    let path = left(&chrome, &path).await;
    assert!(path.ends_with("/result"), "{path}");
    assert!(says_passed(&chrome).await);
    chrome.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_countdown_warns_and_shows_the_result_when_time_is_up() {
    super::require_tools();
    let (app, chrome, pin) = candidate(Options::default()).await;
    chrome.open_in("/me/exam", "en").await;
    let start = chrome.current_path().await;
    chrome.fill("pin", &pin).await;
    chrome.click("main form button[type=submit]").await;
    let path = left(&chrome, &start).await;
    let (attempt, _) = on_question(&chrome).await;
    let deadline = app
        .db
        .read(move |conn| {
            Ok::<_, ecitizen::db::DbError>(
                ecitizen::db::models::exam::Attempt::find(conn, attempt)?
                    .expect("attempt")
                    .deadline_at,
            )
        })
        .await
        .expect("deadline")
        .and_utc();

    // Ten minutes and a second before the end (on the server's clock): the
    // page turns the timer to its warning colour and tells screen readers.
    app.clock.set(deadline - chrono::Duration::seconds(601));
    chrome.open(&path).await;
    let ten = chrome
        .eval("return document.getElementById('timer-announce').dataset.ten")
        .await;
    until("the ten-minute announcement", || async {
        chrome
            .eval("return document.getElementById('timer-announce').textContent")
            .await
            == ten
    })
    .await;
    assert_eq!(chrome.all("#timer.timer--warning").await.len(), 1);

    // In the grace period the page says time is up; once the server has
    // closed the attempt, the page reloads itself into the result.
    app.clock.set(deadline + chrono::Duration::seconds(27));
    chrome.open(&path).await;
    until("the time-up message", || async {
        chrome
            .eval("return document.getElementById('save-banner').textContent")
            .await
            .as_str()
            .is_some_and(|text| text.starts_with("Time is up"))
    })
    .await;
    app.clock.advance(chrono::Duration::minutes(1));
    until("the result page", || async {
        chrome.current_path().await.ends_with("/result")
    })
    .await;
    let status = app
        .db
        .read(move |conn| {
            Ok::<_, ecitizen::db::DbError>(
                ecitizen::db::models::exam::Attempt::find(conn, attempt)?
                    .expect("attempt")
                    .status,
            )
        })
        .await
        .expect("status");
    assert_eq!(status.as_str(), "expired");
    chrome.quit().await;
}
