//! Demo data for `serve --demo` / `seed --demo`: people and classes to try
//! the platform with. Each fact is returned as one printable line
//! (`demo login: <role> <login> <password>`, DESIGN.md section 6).
//! Seeding twice adds nothing new.

use crate::config::Settings;
use crate::db::Db;

/// Adds the demo data that does not exist yet and describes it.
pub async fn seed(db: &Db, _settings: &Settings) -> Result<Vec<String>, crate::db::DbError> {
    // Reference data (regions, towns, the course) comes with the first
    // migration; people and classes join here as their features land.
    let regions = db
        .read(|conn| {
            Ok::<_, crate::db::DbError>(crate::db::models::region::Region::all(conn)?.len())
        })
        .await?;
    Ok(vec![format!(
        "demo data: {regions} regions with their towns and the e-Citizen course"
    )])
}
