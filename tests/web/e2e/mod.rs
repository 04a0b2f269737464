//! Browser tests: a real headless Chromium, driven through chromedriver
//! (the `thirtyfour` crate), against the real server of `spawn_app`.
//!
//! # Running them
//!
//! Each is `#[ignore]`d with the reason, so a plain `cargo test` needs no
//! browser and says how many it left out. `--ignored` runs them, and then a
//! missing tool is a failure, not a skip (`.ci/run` does this, and fails if
//! none ran):
//!
//! ```sh
//! apt-get install chromium chromium-driver fonts-noto-core
//! npm install --prefix target/e2e-node --no-audit --no-fund axe-core@4.11.0
//! cargo test --test web e2e:: -- --ignored --test-threads=1
//! ```
//!
//! Where the tools are found (each can be overridden):
//! `ECITIZEN_CHROMIUM` (default `/usr/bin/chromium`), `ECITIZEN_CHROMEDRIVER`
//! (default `chromedriver` on the `PATH`), `ECITIZEN_AXE_JS` (default
//! `<target>/e2e-node/node_modules/axe-core/axe.min.js`). Screenshots go to
//! `<target>/e2e-screenshots/`, where `<target>` is `CARGO_TARGET_DIR` or the
//! crate's `target/`.
//!
//! # Writing one
//!
//! ```ignore
//! #[tokio::test]
//! #[ignore = "needs Chromium, chromedriver and axe-core: …"]
//! async fn a_visitor_reads_the_catalogue() {
//!     e2e::require_tools();
//!     // Arrange with the usual helpers: fixtures, personas, the clock.
//!     let app = spawn_app().await;
//!     let (person, _) = crate::people::signed_in(&app, "admin").await;
//!     // One fresh browser per test, with its own chromedriver and profile.
//!     let chrome = Chrome::start(&app).await; // or start_with(&app, Options { javascript: false, .. })
//!     chrome.sign_in_as(&person).await;       // the real login form
//!     chrome.open_in("/cohorts", "en").await; // ?lang=en, remembered by cookie
//!     chrome.click("a[href^='/cohorts/']").await;
//!     chrome.assert_accessible("class page").await; // axe: no serious/critical
//!     chrome.screenshot("class-en").await;    // target/e2e-screenshots/class-en.png
//!     chrome.quit().await;
//! }
//! ```
//!
//! [`Chrome`](browser::Chrome) has `open`, `open_in`, `set_language`, `current_path`,
//! `wait_for_path`, `wait_for` (an element, by CSS), `sign_in`, `sign_in_as`, `adopt_session` (a session made
//! in the database, no form), `sign_out`, `fill` (by field name), `click`
//! and `all` (CSS), `eval` (a script's value as JSON), `screenshot`, `axe`
//! (an [`AxeReport`](axe::AxeReport)) and `assert_accessible`; `chrome.driver` is the
//! `thirtyfour::WebDriver` for anything else (keyboard actions, DevTools
//! through `thirtyfour::extensions::cdp` for network emulation). If a test
//! panics, dropping the `Chrome` still ends chromedriver and Chromium.
//!
//! [`sweep`] checks every page of the site with axe in both languages and
//! the right-to-left layout of the Arabic pages.

pub mod axe;
mod board;
pub mod browser;
mod exam;
mod harness;
mod journey;
pub mod rtl;
mod screens;
pub mod site;
pub mod steps;
pub mod sweep;

use std::path::PathBuf;
use std::sync::OnceLock;

/// Called first by every browser test: panics unless Chromium,
/// chromedriver and axe-core are all there, naming what is missing.
pub fn require_tools() {
    tools();
}

/// The browser, its driver and axe-core, found once per test run.
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    /// The text of `axe.min.js`.
    pub axe_source: String,
}

/// The tools, or a panic naming what is missing and how to install it.
pub fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let chromium = std::env::var_os("ECITIZEN_CHROMIUM")
            .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
        assert!(
            chromium.is_file(),
            "Chromium is not at {} (apt-get install chromium, or set ECITIZEN_CHROMIUM)",
            chromium.display()
        );
        let chromedriver = std::env::var_os("ECITIZEN_CHROMEDRIVER")
            .map(PathBuf::from)
            .or_else(|| on_path("chromedriver"))
            .unwrap_or_else(|| {
                panic!(
                    "chromedriver is not on the PATH (apt-get install chromium-driver, or set ECITIZEN_CHROMEDRIVER)"
                )
            });
        let axe_path = std::env::var_os("ECITIZEN_AXE_JS").map_or_else(
            || target_dir().join("e2e-node/node_modules/axe-core/axe.min.js"),
            PathBuf::from,
        );
        let axe_source = std::fs::read_to_string(&axe_path).unwrap_or_else(|err| {
            panic!(
                "axe-core cannot be read from {}: {err} \
                 (npm install --prefix {} axe-core, or set ECITIZEN_AXE_JS to axe.min.js)",
                axe_path.display(),
                target_dir().join("e2e-node").display()
            )
        });
        Tools {
            chromium,
            chromedriver,
            axe_source,
        }
    })
}

/// Cargo's target directory: `CARGO_TARGET_DIR` or the crate's `target/`.
pub fn target_dir() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| crate_dir.join("target"), |dir| crate_dir.join(dir))
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}
