//! Database URLs: the scheme chooses the backend.

use std::fmt;
use std::path::PathBuf;

/// A parsed database URL.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// An SQLite file (created when missing).
    Sqlite(PathBuf),
    /// A PostgreSQL connection string, kept as given.
    Postgres(String),
}

/// Why a database URL cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DbUrlError {
    #[error(
        "unsupported database URL scheme `{0}`: use sqlite://PATH or postgres://USER@HOST/DATABASE"
    )]
    UnsupportedScheme(String),
    #[error("the database URL has no scheme: use sqlite://PATH or postgres://USER@HOST/DATABASE")]
    NoScheme,
    #[error("the SQLite URL names no file: use sqlite://PATH")]
    EmptySqlitePath,
    #[error(
        "this build has no PostgreSQL support: rebuild with `cargo build --features postgres` (it links the system libpq)"
    )]
    PostgresNotCompiled,
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH` (relative or absolute, `sqlite:///abs/path`),
    /// `sqlite:PATH`, and `postgres://…` / `postgresql://…`.
    pub fn parse(url: &str) -> Result<Self, DbUrlError> {
        let url = url.trim();
        let (scheme, rest) = url.split_once(':').ok_or(DbUrlError::NoScheme)?;
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => {
                let path = rest.strip_prefix("//").unwrap_or(rest);
                if path.is_empty() {
                    return Err(DbUrlError::EmptySqlitePath);
                }
                Ok(Self::Sqlite(PathBuf::from(path)))
            }
            "postgres" | "postgresql" => {
                if cfg!(feature = "postgres") {
                    Ok(Self::Postgres(url.to_owned()))
                } else {
                    Err(DbUrlError::PostgresNotCompiled)
                }
            }
            "" => Err(DbUrlError::NoScheme),
            other => Err(DbUrlError::UnsupportedScheme(other.to_owned())),
        }
    }

    /// The backend's name, for logs and error messages.
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// Never prints a PostgreSQL password.
impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            Self::Postgres(url) => match url::Url::parse(url) {
                Ok(mut parsed) => {
                    if parsed.password().is_some() {
                        let _ = parsed.set_password(Some("********"));
                    }
                    write!(f, "{parsed}")
                }
                Err(_) => f.write_str("postgres://(unparseable)"),
            },
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_keep_relative_and_absolute_paths() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/ecitizen.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("data/ecitizen.db")))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/ecitizen.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("/var/lib/ecitizen.db")))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://"),
            Err(DbUrlError::EmptySqlitePath)
        );
    }

    #[test]
    fn other_schemes_get_a_clear_error() {
        assert_eq!(
            DatabaseUrl::parse("mysql://root@localhost/x"),
            Err(DbUrlError::UnsupportedScheme("mysql".into()))
        );
        assert_eq!(DatabaseUrl::parse("data.db"), Err(DbUrlError::NoScheme));
    }

    #[test]
    fn postgres_depends_on_the_feature() {
        let parsed = DatabaseUrl::parse("postgres://app:secret@db/ecitizen");
        if cfg!(feature = "postgres") {
            let url = parsed.expect("postgres compiled in");
            assert!(
                !format!("{url:?}").contains("secret"),
                "the password is never printed"
            );
        } else {
            assert_eq!(parsed, Err(DbUrlError::PostgresNotCompiled));
        }
    }
}
