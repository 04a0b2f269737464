//! The command line: `serve`, `migrate` and `seed`. Every flag can also be set
//! through an `ECITIZEN_*` environment variable.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use url::Url;

use crate::config::Settings;
use crate::db::Db;
use crate::db::models::audit;
use crate::ops::people;
use crate::startup::Application;

mod keys;

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

    /// The certificate issuer's private key file (hex Ed25519 seed); it must
    /// exist [default: <data-dir>/issuer-ed25519.key, created on first start]
    #[arg(long, global = true, env = "ECITIZEN_ISSUER_KEY")]
    pub issuer_key: Option<PathBuf>,

    /// Retired issuer public keys that stay published
    /// [default: <data-dir>/issuer-retired-keys.json]
    #[arg(long, global = true, env = "ECITIZEN_ISSUER_RETIRED_KEYS")]
    pub issuer_retired_keys: Option<PathBuf>,

    /// The key file that signs visitors' CSRF tokens (hex, 32 bytes); it must
    /// exist, and every instance of one site needs the same
    /// [default: <data-dir>/csrf-hmac.key, created on first start]
    #[arg(long, global = true, env = "ECITIZEN_CSRF_KEY")]
    pub csrf_key: Option<PathBuf>,

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
        /// Reverse proxies whose `Forwarded` / `X-Forwarded-*` headers are
        /// believed: addresses or CIDR ranges, e.g. `10.0.0.0/8,127.0.0.1`
        /// [default: none, the TCP peer is the client].
        #[arg(long, env = "ECITIZEN_TRUSTED_PROXIES", default_value = "")]
        trusted_proxies: crate::config::TrustedProxies,
        /// Seconds between runs of the sweeper that submits overdue exam attempts.
        #[arg(long, env = "ECITIZEN_SWEEP_INTERVAL_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=3600))]
        sweep_interval_secs: u64,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        /// Instead, revert the newest applied migration (its `down.sql`),
        /// to roll a deployment back. Run the previous release afterwards.
        #[arg(long)]
        revert_last: bool,
    },
    /// Apply migrations, make sure reference data is present, add the shipped
    /// question bank to an empty bank, optionally add demo data or generated
    /// trainees with their history, and exit.
    Seed {
        /// Also add demo people and classes and print their logins.
        #[arg(long, env = "ECITIZEN_DEMO")]
        demo: bool,
        /// Add this many generated trainees with three years of classes,
        /// attendance, attempts and certificates (for benchmarks).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=999_999))]
        scale: Option<u64>,
        /// Of the generated trainees, how many are in classes whose sitting
        /// is open now (their logins are printed) [default: 2000, at most --scale].
        #[arg(long, requires = "scale")]
        open: Option<u64>,
    },
    /// Manage accounts from the command line (e.g. the first admin).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check a certificate's signed token (from its QR code) offline: against
    /// the issuer key in the data directory, or the keys in a saved copy of
    /// `/.well-known/ecitizen-issuer.json` (`--keys`).
    VerifyToken {
        token: String,
        /// A saved `ecitizen-issuer.json` with the published keys.
        #[arg(long)]
        keys: Option<PathBuf>,
    },
    /// Manage the certificate issuer's signing key.
    Issuer {
        #[command(subcommand)]
        command: IssuerCommand,
    },
    /// Copy the SQLite database to a file while the server runs (a
    /// consistent snapshot). For PostgreSQL use `pg_dump`.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a trainer, registrar or admin account. The password is read
    /// from standard input when it is not a terminal; otherwise a one-time
    /// password is generated, printed once, and must be changed at first
    /// sign-in.
    Add {
        /// trainer, registrar or admin
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        /// Full name in English letters.
        #[arg(long)]
        name_en: String,
        /// Full name in Arabic letters.
        #[arg(long)]
        name_ar: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Print the published keys (the document served at
    /// `/.well-known/ecitizen-issuer.json`).
    Keys,
    /// Replace the signing key with a new one. The old public key stays
    /// published, so certificates signed with it still verify. Restart the
    /// servers afterwards: until then they sign with the old key.
    Rotate,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain; names the first entry that does not match.
    Verify,
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings =
        Settings::new(cli.data_dir, cli.database_url.as_deref()).context("invalid database URL")?;
    settings.issuer_key = cli.issuer_key;
    settings.issuer_retired_keys = cli.issuer_retired_keys;
    settings.csrf_key = cli.csrf_key;
    match cli.command {
        Command::Serve {
            bind,
            public_url,
            demo,
            workers,
            trusted_proxies,
            sweep_interval_secs,
        } => {
            settings.trusted_proxies = trusted_proxies;
            settings.sweep_interval = Some(std::time::Duration::from_secs(sweep_interval_secs));
            settings.bind = bind;
            settings.public_url = public_url;
            settings.demo = demo;
            settings.workers = workers;
            serve(settings).await
        }
        Command::Migrate { revert_last } => migrate(&settings, revert_last).await,
        Command::Seed { demo, scale, open } => {
            let scale = scale.map(|trainees| {
                let trainees = usize::try_from(trainees).unwrap_or(usize::MAX);
                crate::demo::scale::Scale {
                    trainees,
                    open: open.map_or(trainees.min(2_000), |open| {
                        usize::try_from(open).unwrap_or(usize::MAX)
                    }),
                }
            });
            seed(&settings, demo, scale).await
        }
        Command::User {
            command:
                UserCommand::Add {
                    role,
                    email,
                    name_en,
                    name_ar,
                },
        } => {
            let db = Db::open(&settings).await?;
            db.migrate().await?;
            let password = read_password_from_stdin()?;
            let outcome = people::staff::add_staff(
                &db, &settings, &role, &email, &name_en, &name_ar, password,
            )
            .await?;
            print_facts(&outcome);
            Ok(())
        }
        Command::VerifyToken { token, keys } => {
            keys::verify_token(&settings, &token, keys.as_deref())
        }
        Command::Issuer { command } => keys::issuer(&settings, command),
        Command::Backup { out } => backup(&settings, out).await,
        Command::Audit {
            command: AuditCommand::Verify,
        } => verify_audit(&settings).await,
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings).await?;
    print_facts(app.demo_facts());
    tracing::info!(address = %app.address(), "e-Citizen is listening");
    app.run_until_stopped().await?;
    Ok(())
}

async fn migrate(settings: &Settings, revert_last: bool) -> anyhow::Result<()> {
    let db = Db::open(settings).await?;
    if revert_last {
        let reverted = db.revert_last().await?;
        print_facts(&[format!("migration reverted: {reverted}")]);
    } else {
        let applied = db.migrate().await?;
        tracing::info!(count = applied.len(), "migrations applied");
    }
    Ok(())
}

async fn seed(
    settings: &Settings,
    demo: bool,
    scale: Option<crate::demo::scale::Scale>,
) -> anyhow::Result<()> {
    let db = Db::open(settings).await?;
    db.migrate().await?;
    let questions = crate::startup::seed_question_bank(&db, settings).await?;
    print_facts(&[format!("question bank: {questions} questions added")]);
    if demo {
        let facts = crate::demo::seed(&db, settings).await?;
        print_facts(&facts);
    }
    if let Some(scale) = scale {
        let facts = crate::demo::scale::seed(&db, settings, scale).await?;
        print_facts(&facts);
    }
    Ok(())
}

async fn backup(settings: &Settings, out: std::path::PathBuf) -> anyhow::Result<()> {
    if let crate::db::DatabaseUrl::Postgres(_) = settings.database {
        anyhow::bail!(
            "this is a PostgreSQL database: back it up with pg_dump, \
             e.g. pg_dump --format=custom --file=ecitizen.dump <database URL>"
        );
    }
    if out.exists() {
        anyhow::bail!("{} exists already; choose a new file", out.display());
    }
    let db = Db::open(settings).await?;
    db.backup_sqlite(out.clone())
        .await
        .with_context(|| format!("cannot write the backup {}", out.display()))?;
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    print_facts(&[format!("backup written: {} ({size} bytes)", out.display())]);
    Ok(())
}

async fn verify_audit(settings: &Settings) -> anyhow::Result<()> {
    let db = Db::open(settings).await?;
    let verdict = db
        .read(|conn| Ok::<_, crate::db::DbError>(audit::verify(conn)?))
        .await?;
    match verdict {
        audit::Verdict::Intact { entries } => {
            print_facts(&[format!("audit chain intact: {entries} entries")]);
            Ok(())
        }
        audit::Verdict::Broken { id, reason } => {
            anyhow::bail!("audit chain broken at entry {id}: {reason}")
        }
    }
}

/// The password piped to standard input, if any (never from a terminal:
/// it would echo).
fn read_password_from_stdin() -> anyhow::Result<Option<String>> {
    use std::io::{IsTerminal, Read};
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(None);
    }
    let mut text = String::new();
    stdin
        .read_to_string(&mut text)
        .context("cannot read the password from standard input")?;
    let password = text.lines().next().unwrap_or("").to_owned();
    Ok(Some(password).filter(|password| !password.is_empty()))
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
