//! `spawn_app()` and what tests need around it.

use std::sync::Once;

use chrono::{DateTime, Utc};
use ecitizen::clock::Clock;
use ecitizen::config::Settings;
use ecitizen::db::{Db, DbConnection};
use ecitizen::startup::Application;

use crate::people::Browser;

/// A running server with its own fresh database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    /// A client with a cookie jar that does not follow redirects.
    pub client: reqwest::Client,
    /// The server's clock; tests move it instead of sleeping.
    pub clock: Clock,
    /// The database URL, for running the command-line tool against it.
    pub database_url: String,
    /// The settings the app was started with.
    pub settings: Settings,
    /// The application's database, to check what was stored.
    pub db: Db,
    _data_dir: tempfile::TempDir,
    postgres: Option<postgres::TestDatabase>,
}

/// Monday 2 March 2026, 09:00 in Abu Dhabi: a morning class's first session.
pub fn test_epoch() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T05:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .expect("valid instant")
}

/// Starts the real application on port 0 with a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with a chance to change the settings first.
pub async fn spawn_app_with(customize: impl FnOnce(&mut Settings)) -> TestApp {
    static LOGS: Once = Once::new();
    LOGS.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            ecitizen::telemetry::init();
        }
    });
    let data_dir = tempfile::tempdir().expect("temporary directory");
    let postgres = postgres::TestDatabase::create_if_configured();
    let database_url = postgres.as_ref().map(|db| db.url.clone());
    let mut settings = Settings::new(data_dir.path().to_path_buf(), database_url.as_deref())
        .expect("valid test database URL");
    settings.bind = "127.0.0.1:0".to_owned();
    settings.workers = Some(1);
    settings.pool_size = 4;
    settings.db_timeout = std::time::Duration::from_secs(2);
    settings.clock = Clock::manual(test_epoch());
    // A test that needs overdue attempts finalized runs the sweeper itself,
    // so no background pass can race what it asserts.
    settings.sweep_interval = None;
    customize(&mut settings);

    let clock = settings.clock.clone();
    let database_url = match &settings.database {
        ecitizen::db::DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        ecitizen::db::DatabaseUrl::Postgres(url) => url.clone(),
    };
    let app = Application::build(settings.clone())
        .await
        .expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());

    let client = new_client();
    TestApp {
        address,
        client,
        clock,
        database_url,
        settings,
        db,
        _data_dir: data_dir,
        postgres,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Another person's browser: its own cookie jar.
    pub fn browser(&self) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Browser {
            address: self.address.clone(),
            client: client_with(jar.clone()),
            jar,
        }
    }

    /// A browser on another machine: its requests come from `ip`, an
    /// address of the loopback network (`127.0.0.2`…), as the server sees it.
    pub fn browser_from(&self, ip: &str) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .local_address(ip.parse::<std::net::IpAddr>().expect("an address"))
            .build()
            .expect("HTTP client");
        Browser {
            address: self.address.clone(),
            client,
            jar,
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    /// GET and return status and body.
    pub async fn get_page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    pub fn is_postgres(&self) -> bool {
        self.postgres.is_some()
    }

    /// Runs a statement on the app's database outside the app (to break it).
    pub async fn execute(&self, sql: &'static str) {
        self.db
            .write(move |conn: &mut DbConnection| ecitizen::db::execute_batch(conn, sql))
            .await
            .expect("statement runs");
    }

    /// Makes the database unreachable for the application: on SQLite the
    /// file disappears, on PostgreSQL the database refuses connections and
    /// the open ones are ended.
    pub async fn take_database_down(&self) {
        match &self.postgres {
            Some(pg) => pg.set_reachable(false),
            None => {
                let ecitizen::db::DatabaseUrl::Sqlite(path) = self.db.url().clone() else {
                    unreachable!("a test app without PostgreSQL uses SQLite");
                };
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
        }
    }

    /// PostgreSQL only: lets connections in again.
    pub fn bring_database_back(&self) {
        if let Some(pg) = &self.postgres {
            pg.set_reachable(true);
        }
    }
}

fn new_client() -> reqwest::Client {
    client_with(std::sync::Arc::new(reqwest::cookie::Jar::default()))
}

pub(crate) fn client_with(jar: std::sync::Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

/// Asserts that a page is in Arabic, right to left.
pub fn assert_arabic(body: &str) {
    assert!(
        body.contains(r#"<html lang="ar" dir="rtl">"#),
        "expected an Arabic rtl page, got:\n{body}"
    );
}

/// Asserts that a page is in English, left to right.
pub fn assert_english(body: &str) {
    assert!(
        body.contains(r#"<html lang="en" dir="ltr">"#),
        "expected an English ltr page, got:\n{body}"
    );
}

#[cfg(feature = "postgres")]
pub(crate) mod postgres {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, PgConnection};
    use rand::Rng;

    /// A database created for one test and dropped after it.
    pub struct TestDatabase {
        admin_url: String,
        name: String,
        pub url: String,
    }

    impl TestDatabase {
        pub fn create_if_configured() -> Option<Self> {
            let admin_url = std::env::var("ECITIZEN_TEST_DATABASE_URL").ok()?;
            let name = format!("ecitizen_test_{:016x}", rand::rng().random::<u64>());
            let mut admin =
                PgConnection::establish(&admin_url).expect("connect to ECITIZEN_TEST_DATABASE_URL");
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create the test database");
            let mut url = url::Url::parse(&admin_url).expect("ECITIZEN_TEST_DATABASE_URL is a URL");
            url.set_path(&name);
            Some(Self {
                admin_url,
                name,
                url: url.to_string(),
            })
        }

        pub fn set_reachable(&self, reachable: bool) {
            let mut admin = PgConnection::establish(&self.admin_url).expect("connect as admin");
            admin
                .batch_execute(&format!(
                    "ALTER DATABASE {} ALLOW_CONNECTIONS {reachable}",
                    self.name
                ))
                .expect("change ALLOW_CONNECTIONS");
            if !reachable {
                admin
                    .batch_execute(&format!(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}'",
                        self.name
                    ))
                    .expect("end open connections");
            }
        }
    }

    impl Drop for TestDatabase {
        fn drop(&mut self) {
            if let Ok(mut admin) = PgConnection::establish(&self.admin_url) {
                let _ = admin.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ));
            }
        }
    }
}

#[cfg(not(feature = "postgres"))]
pub(crate) mod postgres {
    /// Without the `postgres` feature the suite runs on SQLite only, and
    /// refuses to pretend otherwise.
    pub struct TestDatabase {
        pub url: String,
    }

    impl TestDatabase {
        pub fn create_if_configured() -> Option<Self> {
            if std::env::var_os("ECITIZEN_TEST_DATABASE_URL").is_some() {
                panic!(
                    "ECITIZEN_TEST_DATABASE_URL is set but this build has no PostgreSQL: use --features postgres"
                );
            }
            None
        }

        pub fn set_reachable(&self, _reachable: bool) {
            let _ = &self.url;
        }
    }
}
