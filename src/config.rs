//! Typed settings, built once from command-line flags and `ECITIZEN_*`
//! environment variables (see `cli.rs`) and passed into
//! [`crate::startup::Application::build`]. There is no global configuration.

use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use crate::clock::Clock;
use crate::db::DatabaseUrl;

/// Everything the server needs to start.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port (tests).
    pub bind: String,
    /// Which database to use; its scheme chooses the backend.
    pub database: DatabaseUrl,
    /// Where the SQLite file (by default) and generated secrets live.
    pub data_dir: PathBuf,
    /// The site's public address, when it is known. With an `https` URL the
    /// session cookie becomes `Secure` with the `__Host-` prefix, and POST
    /// requests must come from this origin.
    pub public_url: Option<Url>,
    /// Add demo people and classes at start-up.
    pub demo: bool,
    /// HTTP worker threads; `None` means one per core.
    pub workers: Option<usize>,
    /// Connections kept for reads (SQLite) or for everything (PostgreSQL).
    pub pool_size: u32,
    /// How long a request waits for a database connection before giving up.
    pub db_timeout: Duration,
    /// A signed-in session ends after this long without a request (longer
    /// than any exam, so nobody is signed out mid-exam).
    pub session_idle: chrono::Duration,
    /// A session ends this long after sign-in, whatever the activity.
    pub session_lifetime: chrono::Duration,
    /// How often overdue exam attempts are finalized; `None` starts no
    /// sweeper (tests drive it by hand with `jobs::sweeper::run_once`).
    pub sweep_interval: Option<Duration>,
    /// The time source; tests replace it with a manual clock.
    pub clock: Clock,
    /// The issuer's private key file, when supplied by configuration
    /// (default: created in the data directory on first start).
    pub issuer_key: Option<PathBuf>,
    /// Retired public keys that stay published
    /// (default: `<data-dir>/issuer-retired-keys.json`).
    pub issuer_retired_keys: Option<PathBuf>,
    /// The key file that signs visitors' CSRF tokens, when supplied by
    /// configuration (default: created in the data directory on first start).
    pub csrf_key: Option<PathBuf>,
    /// The proxies whose forwarding headers are believed (see
    /// [`crate::web::client`]); none by default.
    pub trusted_proxies: TrustedProxies,
}

impl Settings {
    /// Settings with the documented defaults for the given data directory and
    /// optional database URL (default: `sqlite://<data_dir>/ecitizen.db`).
    pub fn new(
        data_dir: PathBuf,
        database_url: Option<&str>,
    ) -> Result<Self, crate::db::DbUrlError> {
        let database = match database_url {
            Some(url) => DatabaseUrl::parse(url)?,
            None => DatabaseUrl::Sqlite(data_dir.join("ecitizen.db")),
        };
        Ok(Self {
            bind: "127.0.0.1:8080".to_owned(),
            database,
            data_dir,
            public_url: None,
            demo: false,
            workers: None,
            pool_size: 8,
            db_timeout: Duration::from_secs(5),
            session_idle: chrono::Duration::hours(2),
            session_lifetime: chrono::Duration::hours(12),
            sweep_interval: Some(Duration::from_secs(5)),
            clock: Clock::System,
            issuer_key: None,
            issuer_retired_keys: None,
            csrf_key: None,
            trusted_proxies: TrustedProxies::default(),
        })
    }

    /// Where the certificate issuer's keys are.
    pub fn issuer_files(&self) -> crate::issuer::KeyFiles {
        let defaults = crate::issuer::KeyFiles::in_dir(&self.data_dir);
        crate::issuer::KeyFiles {
            create: self.issuer_key.is_none(),
            key: self.issuer_key.clone().unwrap_or(defaults.key),
            retired: self.issuer_retired_keys.clone().unwrap_or(defaults.retired),
        }
    }

    /// The site's address for printed links (the demo's and the generator's
    /// verification URLs): the public URL when set, else the bind address.
    pub fn printed_base_url(&self) -> String {
        self.public_url.as_ref().map_or_else(
            || format!("http://{}", self.bind),
            |url| url.as_str().trim_end_matches('/').to_owned(),
        )
    }

    /// True when the site is served over https: cookies are then `Secure`
    /// with the `__Host-` prefix.
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_ref()
            .is_some_and(|url| url.scheme() == "https")
    }
}

/// Addresses and CIDR ranges of reverse proxies in front of the server,
/// written `10.0.0.0/8,127.0.0.1` (commas or spaces between them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<ipnet::IpNet>);

impl TrustedProxies {
    /// True when `ip` is one of the proxies.
    pub fn contains(&self, ip: std::net::IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// True when no proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::str::FromStr for TrustedProxies {
    type Err = String;

    fn from_str(list: &str) -> Result<Self, Self::Err> {
        list.split([',', ' '])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<ipnet::IpNet>()
                    .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map(|net| net.trunc())
                    .map_err(|_| format!("not an address or CIDR range: {item:?}"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::TrustedProxies;

    #[test]
    fn proxies_are_addresses_and_ranges() {
        let proxies: TrustedProxies = "10.0.0.0/8, 127.0.0.1 ::1".parse().expect("valid");
        for inside in ["10.1.2.3", "127.0.0.1", "::1", "::ffff:10.9.9.9"] {
            assert!(
                proxies.contains(inside.parse().expect("an address")),
                "{inside}"
            );
        }
        for outside in ["11.0.0.1", "127.0.0.2", "2001:db8::1"] {
            assert!(
                !proxies.contains(outside.parse().expect("an address")),
                "{outside}"
            );
        }
        assert!(
            "".parse::<TrustedProxies>()
                .expect("empty is valid")
                .is_empty()
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!("proxy.example".parse::<TrustedProxies>().is_err());
    }
}
