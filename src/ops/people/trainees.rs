//! A registrar's corrections to a trainee's record.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::user::User;
use crate::db::{Db, DbError};
use crate::domain::person::Role;

/// The extra exam time, in percent of the duration, a registrar may give.
pub const EXTRA_PERCENT: std::ops::RangeInclusive<i32> = 0..=100;

/// The longest note for the trainer, in characters.
pub const NOTE_MAX_CHARS: usize = 200;

/// A trainee's accommodation: extra exam time and a note for the trainer.
#[derive(Clone, Debug)]
pub struct Accommodation {
    /// Within [`EXTRA_PERCENT`].
    pub extra_percent: i32,
    /// At most [`NOTE_MAX_CHARS`]; empty for none.
    pub note: String,
    pub reason: String,
}

/// Sets a trainee's accommodation, audited with the reason. `None` if
/// there is no such trainee.
pub async fn set_accommodation(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    accommodation: Accommodation,
    now: DateTime<Utc>,
) -> Result<Option<()>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        if User::find(conn, trainee_id)?.is_none_or(|u| u.role != Role::Trainee) {
            return Ok(None);
        }
        let Accommodation {
            extra_percent,
            note,
            reason,
        } = accommodation;
        let stored = Some(note.as_str()).filter(|note| !note.is_empty());
        User::set_accommodation(conn, trainee_id, extra_percent, stored, db_now(now))?;
        let details = serde_json::json!({
            "extra_percent": extra_percent, "note": note, "reason": reason,
        });
        let event = actor.event(
            Action::AccommodationSet,
            format!("user:{trainee_id}"),
            details,
        );
        audit::append(conn, &event, db_now(now))?;
        Ok(Some(()))
    })
    .await
}
