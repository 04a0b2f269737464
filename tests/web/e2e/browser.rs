//! One headless Chromium per test, driven through its own chromedriver.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::helpers::TestApp;
use crate::people::Person;

/// How a browser is started.
#[derive(Clone, Debug)]
pub struct Options {
    /// `false` blocks every page script (Chrome's content setting), for the
    /// no-JavaScript journeys. WebDriver's own scripts (axe, `execute`)
    /// still run.
    pub javascript: bool,
    /// Window size in CSS pixels.
    pub window: (u32, u32),
}

impl Default for Options {
    fn default() -> Self {
        Self {
            javascript: true,
            window: (1280, 900),
        }
    }
}

/// A headless Chromium pointed at one test app. Call [`Chrome::quit`] at the
/// end of the test; if the test panics first, dropping it ends chromedriver
/// and the browser processes started for it.
pub struct Chrome {
    /// The WebDriver session, for anything the helpers below do not cover.
    pub driver: WebDriver,
    /// `http://127.0.0.1:<port>` of the app under test.
    pub address: String,
    // Dropped after `driver`, whose drop ends the session while chromedriver
    // still runs.
    process: DriverProcess,
}

/// chromedriver and the profile directory of its Chromium; dropping it
/// ends both processes and removes the directory.
struct DriverProcess {
    chromedriver: Child,
    profile: tempfile::TempDir,
}

impl Chrome {
    /// Starts chromedriver on a free port and a fresh headless Chromium with
    /// JavaScript on and a 1280×900 window.
    pub async fn start(app: &TestApp) -> Chrome {
        Self::start_with(app, Options::default()).await
    }

    /// Like [`Chrome::start`] with other [`Options`].
    pub async fn start_with(app: &TestApp, options: Options) -> Chrome {
        let tools = super::tools();
        let port = free_port();
        let chromedriver = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {}: {err}", tools.chromedriver.display()));
        let profile = tempfile::Builder::new()
            .prefix("ecitizen-e2e-profile-")
            .tempdir()
            .expect("temporary profile directory");
        // From here on, a panic drops `process` and so ends chromedriver.
        let process = DriverProcess {
            chromedriver,
            profile,
        };
        let server = format!("http://127.0.0.1:{port}");
        wait_until_ready(&server).await;
        let caps = capabilities(&tools.chromium, process.profile.path(), &options);
        let driver = WebDriver::new(server, caps)
            .await
            .expect("chromedriver starts a Chromium session");
        Chrome {
            driver,
            address: app.address.clone(),
            process,
        }
    }

    /// The absolute URL of a path of the app.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Opens a path of the app (`/cohorts?region=eastern`) and waits for the
    /// page to load.
    pub async fn open(&self, path: &str) {
        self.driver
            .goto(self.url(path))
            .await
            .unwrap_or_else(|err| panic!("open {path}: {err}"));
    }

    /// Opens a path in a language (`"ar"` or `"en"`) by adding `lang=` to
    /// its query, which the site also remembers in a cookie.
    pub async fn open_in(&self, path: &str, lang: &str) {
        self.open(&with_lang(path, lang)).await;
    }

    /// Makes `lang` the remembered language without leaving the page's
    /// site: the same cookie the `?lang=` links set.
    pub async fn set_language(&self, lang: &str) {
        self.ensure_on_site().await;
        let mut cookie = Cookie::new(ecitizen::web::middleware::LANG_COOKIE, lang.to_owned());
        cookie.set_path("/");
        self.driver.add_cookie(cookie).await.expect("cookie set");
    }

    /// The current path and query (`/me?lang=en`).
    pub async fn current_path(&self) -> String {
        let url = self.driver.current_url().await.expect("current URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Signs in through the real login form and waits to leave it; panics
    /// if the site stays on the login page.
    pub async fn sign_in(&self, login: &str, password: &str) {
        self.open(ecitizen::web::urls::LOGIN).await;
        self.fill("login", login).await;
        self.fill("password", password).await;
        self.driver
            .find(By::Css("main form button[type=submit]"))
            .await
            .expect("the login form's button")
            .click()
            .await
            .expect("click sign in");
        self.wait_for_path(|path| !path.starts_with(ecitizen::web::urls::LOGIN))
            .await
            .unwrap_or_else(|| panic!("{login} could not sign in"));
    }

    /// Signs a [`Person`] (from `crate::people`) in through the login form.
    pub async fn sign_in_as(&self, person: &Person) {
        self.sign_in(&person.login, &person.password).await;
    }

    /// Signs `user_id` in without the form, by giving the browser a session
    /// cookie made in the database (fast; no password hashing).
    pub async fn adopt_session(&self, app: &TestApp, user_id: i32) {
        let settings = app.settings.clone();
        let now = app.clock.now();
        let session = app
            .db
            .write(move |conn| ecitizen::auth::session::start(conn, &settings, user_id, now))
            .await
            .expect("session started");
        self.ensure_on_site().await;
        let mut cookie = Cookie::new(session.name().to_owned(), session.value().to_owned());
        cookie.set_path("/");
        self.driver.add_cookie(cookie).await.expect("cookie set");
    }

    /// Forgets every cookie: signed out, language back to the default.
    pub async fn sign_out(&self) {
        self.driver
            .delete_all_cookies()
            .await
            .expect("cookies deleted");
    }

    /// Types `text` into the form field named `name` (clearing it first).
    pub async fn fill(&self, name: &str, text: &str) {
        let field = self
            .driver
            .find(By::Name(name))
            .await
            .unwrap_or_else(|err| panic!("no field named {name}: {err}"));
        field.clear().await.expect("field cleared");
        field.send_keys(text).await.expect("typed");
    }

    /// Clicks the first element matching a CSS selector.
    pub async fn click(&self, css: &str) {
        self.driver
            .find(By::Css(css))
            .await
            .unwrap_or_else(|err| panic!("nothing matches {css}: {err}"))
            .click()
            .await
            .unwrap_or_else(|err| panic!("click {css}: {err}"));
    }

    /// Waits up to five seconds for an element matching a CSS selector (a
    /// page loading after a click, a script's change) and returns it.
    pub async fn wait_for(&self, css: &str) -> WebElement {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(element) = self.all(css).await.into_iter().next() {
                return element;
            }
            assert!(
                Instant::now() < deadline,
                "nothing matches {css} after 5 s on {}",
                self.current_path().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Every element matching a CSS selector.
    pub async fn all(&self, css: &str) -> Vec<WebElement> {
        self.driver
            .find_all(By::Css(css))
            .await
            .unwrap_or_else(|err| panic!("find {css}: {err}"))
    }

    /// Runs a script in the page and returns its value as JSON.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.driver
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
            .json()
            .clone()
    }

    /// Waits up to five seconds for the current path (with query) to pass
    /// `test`; returns it, or `None` on time-out.
    pub async fn wait_for_path(&self, test: impl Fn(&str) -> bool) -> Option<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let path = self.current_path().await;
            if test(&path) {
                return Some(path);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Saves the whole page (not just the window) as
    /// `<target>/e2e-screenshots/<name>.png` and returns the file's path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = super::target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let path = dir.join(format!("{name}.png"));
        let window = self.driver.get_window_rect().await.expect("window size");
        let height = self
            .eval("return document.documentElement.scrollHeight")
            .await
            .as_i64()
            .unwrap_or(window.height)
            .clamp(window.height, 6000);
        // The window's outer height includes no chrome when headless.
        self.driver
            .set_window_rect(0, 0, window.width as u32, height as u32)
            .await
            .expect("window resized");
        let taken = self.driver.screenshot(&path).await;
        self.driver
            .set_window_rect(0, 0, window.width as u32, window.height as u32)
            .await
            .expect("window restored");
        taken.unwrap_or_else(|err| panic!("screenshot {name}: {err}"));
        path
    }

    /// Ends the browser session and chromedriver.
    pub async fn quit(self) {
        let Chrome {
            driver, process, ..
        } = self;
        let _ = driver.quit().await;
        drop(process);
    }

    async fn ensure_on_site(&self) {
        let url = self.driver.current_url().await.expect("current URL");
        if !url.as_str().starts_with(&self.address) {
            self.open(ecitizen::web::urls::HEALTHZ).await;
        }
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        // Chromium outlives a killed chromedriver; its processes are the
        // ones whose command line names this test's own profile directory.
        kill_processes_mentioning(self.profile.path());
    }
}

/// `path` with `lang=<lang>` added to its query.
pub fn with_lang(path: &str, lang: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}lang={lang}")
}

fn capabilities(
    chromium: &Path,
    profile: &Path,
    options: &Options,
) -> thirtyfour::ChromeCapabilities {
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(&chromium.to_string_lossy())
        .expect("binary set");
    let (width, height) = options.window;
    for arg in [
        "--headless".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-default-apps".to_owned(),
        "--disable-extensions".to_owned(),
        "--no-first-run".to_owned(),
        "--no-default-browser-check".to_owned(),
        "--hide-scrollbars".to_owned(),
        "--force-device-scale-factor=1".to_owned(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.display()),
    ] {
        caps.add_arg(&arg).expect("argument added");
    }
    if !options.javascript {
        caps.add_experimental_option(
            "prefs",
            serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 }),
        )
        .expect("preference set");
    }
    caps
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

async fn wait_until_ready(server: &str) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(response) = client.get(format!("{server}/status")).send().await
            && response.status().is_success()
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "chromedriver did not answer on {server} within 15 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn kill_processes_mentioning(profile: &Path) {
    let needle = profile.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(&needle) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}
