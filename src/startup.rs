//! `Application::build`: open the database, apply migrations, seed the
//! shipped question bank into an empty database, add demo data when asked,
//! bind the listener and assemble the HTTP server.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use std::time::Duration;

use actix_http::HttpService;
use actix_service::{ServiceFactoryExt as _, fn_service, map_config};
use actix_web::dev::{AppConfig, Server, ServerHandle};
use actix_web::middleware::{Compress, from_fn};
use actix_web::rt::net::TcpStream;
use actix_web::{App, web as aweb};
use anyhow::Context;

use crate::auth::password::Hasher;
use crate::config::Settings;
use crate::db::{Db, DbError};
use crate::demo;
use crate::web::{self, AppState, middleware};

/// Adds the shipped question bank to an empty `questions` table; returns how
/// many questions were added (0 when the bank already had some).
pub async fn seed_question_bank(db: &Db, settings: &Settings) -> Result<usize, DbError> {
    let now = crate::db::db_now(settings.clock.now());
    db.write(move |conn| crate::exam::bank::seed_bank(conn, now))
        .await
}

/// A bound, ready-to-run server.
pub struct Application {
    address: SocketAddr,
    server: Server,
    db: Db,
    demo_facts: Vec<String>,
}

impl Application {
    /// Opens the database (running migrations), seeds demo data when
    /// `settings.demo` is set, and binds `settings.bind` (port 0 picks a
    /// free port; see [`Application::port`]).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = Db::open(&settings)
            .await
            .with_context(|| format!("cannot open the database {}", settings.database))?;
        let applied = db
            .migrate()
            .await
            .context("cannot apply database migrations")?;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "database migrated");
        }
        // A fresh install gets the shipped question bank, so exams can be
        // held without demo data; a bank with questions is left alone.
        let seeded = seed_question_bank(&db, &settings)
            .await
            .context("cannot add the shipped question bank")?;
        if seeded > 0 {
            tracing::info!(questions = seeded, "question bank seeded");
        }
        let demo_facts = if settings.demo {
            demo::seed(&db, &settings)
                .await
                .context("cannot add demo data")?
        } else {
            Vec::new()
        };
        if let Some(interval) = settings.sweep_interval {
            crate::jobs::sweeper::spawn(db.clone(), settings.clock.clone(), interval);
        }
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        let address = listener.local_addr()?;
        let workers = settings
            .workers
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from));
        let hasher = Hasher::new(std::thread::available_parallelism().map_or(2, usize::from));
        let files = settings.issuer_files();
        let issuer = crate::issuer::Issuer::open(&files).with_context(|| {
            format!(
                "cannot read or create the issuer key {}",
                files.key.display()
            )
        })?;
        let csrf_key = crate::auth::csrf::Key::open(&settings)
            .context("cannot read or create the CSRF key")?;
        let state = aweb::Data::new(AppState {
            db: db.clone(),
            settings: Arc::new(settings),
            hasher,
            issuer,
            listings: crate::web::public::listing::Listings::default(),
        });
        let sessions = aweb::Data::new(crate::auth::session::SessionStore {
            db: db.clone(),
            settings: state.settings.clone(),
            csrf_key,
        });
        let server = actix_server::Server::build()
            .workers(workers)
            // In-flight requests get this long to finish after SIGTERM / Ctrl-C.
            .shutdown_timeout(30)
            .listen("ecitizen", listener, move || {
                let app = App::new()
                    .app_data(state.clone())
                    .app_data(sessions.clone())
                    .wrap(from_fn(crate::auth::csrf::check))
                    .wrap(from_fn(crate::auth::session::load))
                    .wrap(from_fn(middleware::privacy))
                    .wrap(from_fn(middleware::request_guards))
                    .wrap(from_fn(middleware::error_pages))
                    .wrap(from_fn(middleware::language))
                    .wrap(middleware::security_headers())
                    .wrap(Compress::default())
                    .wrap(from_fn(middleware::request_log))
                    .configure(web::configure);
                let host = address.to_string();
                let http = HttpService::build()
                    // An exam page sends a save every few seconds: a
                    // connection kept this long is reused rather than closed
                    // between two of them (the default 5 s races a client's
                    // next request on an idle connection, and a weak
                    // connection pays a new handshake each time).
                    .keep_alive(Duration::from_secs(75))
                    .client_request_timeout(Duration::from_secs(5))
                    .client_disconnect_timeout(Duration::from_secs(1))
                    .local_addr(address)
                    .h1(map_config(app, move |_| {
                        AppConfig::__priv_test_new(false, host.clone(), address)
                    }));
                // Each connection is wrapped so that a request the HTTP
                // parser refuses still gets a page (see `web::wire`).
                fn_service(|io: TcpStream| async move {
                    Ok::<_, actix_http::error::DispatchError>(web::wire::accept(io))
                })
                .and_then(http)
            })?
            .run();
        Ok(Self {
            address,
            server,
            db,
            demo_facts,
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The application's database handle (tests inspect what was stored).
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// What `--demo` added, one printable line each.
    pub fn demo_facts(&self) -> &[String] {
        &self.demo_facts
    }

    /// A handle to stop the server gracefully.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGTERM / Ctrl-C (or [`ServerHandle::stop`]); in-flight
    /// requests finish first.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
