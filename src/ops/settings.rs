//! Programme-wide rules an admin may change: for now the attendance
//! threshold for exam eligibility.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::attendance::{ATTENDANCE_THRESHOLD, set_setting};
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::{Db, DbError};
use crate::ops::Actor;

/// Sets the attendance threshold (percent, already checked to be in its
/// range) and audits `settings.update` with the old and new values.
pub async fn set_attendance_threshold(
    db: &Db,
    actor: &Actor,
    threshold: i32,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let old = crate::ops::attendance::threshold(conn)?;
        set_setting(conn, ATTENDANCE_THRESHOLD, threshold, now)?;
        let details = serde_json::json!({
            "attendance_threshold_percent": { "from": old, "to": threshold }
        });
        audit::append(
            conn,
            &actor.event(Action::SettingsUpdate, "settings".to_owned(), details),
            now,
        )?;
        Ok(())
    })
    .await
}
