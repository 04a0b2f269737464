//! The live exam board updates itself only where a script can do it
//! politely; without JavaScript the trainer refreshes it by hand.

use ecitizen::web::urls::{self, with_id};

use super::browser::{Chrome, Options};
use super::site::demo_site;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, chromedriver and axe-core: cargo test --test web e2e:: -- --ignored --test-threads=1"]
async fn the_live_board_offers_automatic_updates_only_with_javascript() {
    super::require_tools();
    let site = demo_site().await;
    let board = with_id(urls::TRAINER_SITTING, site.open_sitting);
    let visible = "const c = document.querySelector('[data-auto-refresh]'); \
                   return c !== null && c.offsetParent !== null && c.querySelector('input').checked;";

    for javascript in [true, false] {
        let chrome = Chrome::start_with(
            &site.app,
            Options {
                javascript,
                ..Options::default()
            },
        )
        .await;
        chrome
            .sign_in(&site.trainer.login, &site.trainer.password)
            .await;
        chrome.open_in(&board, "en").await;
        assert_eq!(
            chrome.eval(visible).await,
            javascript,
            "the automatic update box shows exactly when scripts run"
        );
        let refresh = chrome.wait_for(".board-refresh a").await;
        assert_eq!(refresh.text().await.expect("text"), "Refresh now");
        refresh.click().await.expect("click");
        assert_eq!(
            chrome.wait_for_path(|path| path == board).await.as_deref(),
            Some(board.as_str())
        );
        assert!(
            chrome.all("meta[http-equiv=refresh]").await.is_empty(),
            "no timed reload that would wipe a half-typed reason"
        );
        chrome.quit().await;
    }
}
