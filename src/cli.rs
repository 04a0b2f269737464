//! The command line: `serve`, `migrate` and `seed`. Every flag can also be set
//! through an `ECITIZEN_*` environment variable.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use url::Url;

use crate::config::Settings;
use crate::db::Db;
use crate::startup::Application;

/// e-Citizen: the computer-literacy programme's web platform.
#[derive(Debug, Parser)]
#[command(name = "ecitizen", version, about)]
pub struct Cli {
    /// Database URL: `sqlite://PATH` or `postgres://USER@HOST/DB`
    /// [default: sqlite://<data-dir>/ecitizen.db]
    #[arg(long, global = true, env = "ECITIZEN_DATABASE_URL")]
    pub database_url: Option<String>,

    /// Directory for the SQLite database and generated secrets.
    #[arg(long, global = true, env = "ECITIZEN_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrations are applied first).
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "ECITIZEN_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Public address of the site, e.g. https://ecitizen.example.ae
        #[arg(long, env = "ECITIZEN_PUBLIC_URL")]
        public_url: Option<Url>,
        /// Add demo people and classes and print their logins.
        #[arg(long, env = "ECITIZEN_DEMO")]
        demo: bool,
        /// Number of HTTP worker threads [default: one per core].
        #[arg(long, env = "ECITIZEN_WORKERS")]
        workers: Option<usize>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Apply migrations, make sure reference data is present, optionally add
    /// demo data, and exit.
    Seed {
        /// Also add demo people and classes and print their logins.
        #[arg(long, env = "ECITIZEN_DEMO")]
        demo: bool,
    },
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings =
        Settings::new(cli.data_dir, cli.database_url.as_deref()).context("invalid database URL")?;
    match cli.command {
        Command::Serve {
            bind,
            public_url,
            demo,
            workers,
        } => {
            settings.bind = bind;
            settings.public_url = public_url;
            settings.demo = demo;
            settings.workers = workers;
            let app = Application::build(settings).await?;
            print_facts(app.demo_facts());
            tracing::info!(address = %app.address(), "e-Citizen is listening");
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            let db = Db::open(&settings).await?;
            let applied = db.migrate().await?;
            tracing::info!(count = applied.len(), "migrations applied");
        }
        Command::Seed { demo } => {
            let db = Db::open(&settings).await?;
            db.migrate().await?;
            if demo {
                let facts = crate::demo::seed(&db, &settings).await?;
                print_facts(&facts);
            }
        }
    }
    Ok(())
}

/// Demo facts go to standard output, one per line, so people and scripts can
/// read them (DESIGN.md section 6).
#[expect(
    clippy::print_stdout,
    reason = "the demo logins are the command's output"
)]
fn print_facts(facts: &[String]) {
    for fact in facts {
        println!("{fact}");
    }
}
