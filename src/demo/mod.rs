//! Demo data for `serve --demo` / `seed --demo`: people, venues, classes
//! over the coming weeks, a class whose sitting is open now and a class of
//! graduates, to try the platform with. Each fact is returned as one
//! printable line (`demo login: <role> <login> <password>`, DESIGN.md
//! section 6). Seeding twice adds nothing new.
//!
//! Steps a person takes today go through the operations (`ops::classes`,
//! `ops::exam::sittings`, `ops::certificates`); the history before today
//! (attendance marked at the sessions' own times, finished attempts) is
//! written through the models, as no operation makes the past.

mod classes;
mod history;
mod people;
pub mod scale;

use crate::config::Settings;
use crate::db::{Db, DbError};

/// Adds the demo data that does not exist yet and describes all of it.
pub async fn seed(db: &Db, settings: &Settings) -> Result<Vec<String>, DbError> {
    let mut facts = people::seed(db, settings).await?;
    facts.extend(classes::seed(db, settings).await?);
    Ok(facts)
}
