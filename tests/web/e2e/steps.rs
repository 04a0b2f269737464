//! Steps the exam tests share: reading the question page, choosing the
//! right options (looked up in the database, as a trainee who knows the
//! answers would), waiting for what the page or the database shows.

use std::collections::BTreeMap;
use std::future::Future;
use std::time::{Duration, Instant};

use super::browser::Chrome;
use crate::helpers::TestApp;

/// Polls `check` every 100 ms for up to 15 s; panics with `what` if it never
/// holds. (A condition awaited, not a fixed sleep.)
pub async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for a path passing `test` and returns it; panics naming `what`.
pub async fn arrives(chrome: &Chrome, what: &str, test: impl Fn(&str) -> bool) -> String {
    match chrome.wait_for_path(test).await {
        Some(path) => path,
        None => panic!("{what}: still at {}", chrome.current_path().await),
    }
}

/// The attempt and question position of the question page on screen.
pub async fn on_question(chrome: &Chrome) -> (i32, i32) {
    let path = chrome.current_path().await;
    let attempt = path
        .strip_prefix("/attempts/")
        .and_then(|rest| rest.split(['/', '?']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not on a question page: {path}"));
    let position = chrome
        .eval("return Number(document.querySelector('input[name=q]').value)")
        .await
        .as_i64()
        .expect("the question's position") as i32;
    (attempt, position)
}

/// The checked option values on the page, ascending.
pub async fn checked_options(chrome: &Chrome) -> Vec<i32> {
    let values = chrome
        .eval(
            "return [...document.querySelectorAll('input[name=option]:checked')]\
             .map(i => Number(i.value)).sort((a, b) => a - b)",
        )
        .await;
    serde_json::from_value(values).expect("option values")
}

/// The values of the right options of the question on screen, ascending
/// (from the database, through the attempt's stored order).
pub async fn right_here(chrome: &Chrome, app: &TestApp) -> Vec<i32> {
    let (attempt, position) = on_question(chrome).await;
    crate::exam::right_options(app, attempt, position).await
}

/// Clicks the right options of the question on screen; returns them.
pub async fn choose_right(chrome: &Chrome, app: &TestApp) -> Vec<i32> {
    let right = right_here(chrome, app).await;
    for value in &right {
        chrome
            .click(&format!("input[name=option][value='{value}']"))
            .await;
    }
    right
}

/// What the database holds for an attempt: position → the values of the
/// chosen options, ascending.
pub async fn saved(app: &TestApp, attempt: i32) -> BTreeMap<i32, Vec<i32>> {
    crate::exam::saved_values(app, attempt).await
}

/// The text of the save indicator under the question.
pub async fn save_state(chrome: &Chrome) -> String {
    chrome
        .eval("return document.getElementById('save-state').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The same indicator's message for `state` (`saved`, `saving`, `offline`).
pub async fn save_state_text(chrome: &Chrome, state: &str) -> String {
    chrome
        .eval(&format!(
            "return document.getElementById('save-state').getAttribute('data-{state}')"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits until the page says the answer is saved and the database holds
/// `expected` for `position`.
pub async fn wait_saved(
    chrome: &Chrome,
    app: &TestApp,
    attempt: i32,
    position: i32,
    expected: &[i32],
) {
    let saved_text = save_state_text(chrome, "saved").await;
    until(&format!("question {position} saved"), || async {
        save_state(chrome).await == saved_text
            && saved(app, attempt).await.get(&position).map(Vec::as_slice) == Some(expected)
    })
    .await;
}

/// The countdown on the page in seconds (`MM:SS`), once the script runs.
pub async fn countdown_seconds(chrome: &Chrome) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = chrome
            .eval("return document.getElementById('timer').textContent.trim()")
            .await;
        let seconds = text.as_str().and_then(|text| {
            let (minutes, secs) = text.split_once(':')?;
            Some(minutes.parse::<i64>().ok()? * 60 + secs.parse::<i64>().ok()?)
        });
        if let Some(seconds) = seconds {
            return seconds;
        }
        assert!(
            Instant::now() < deadline,
            "the countdown never showed MM:SS: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
