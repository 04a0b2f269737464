//! Attendance marks, eligibility overrides and programme settings.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{attendance, eligibility_overrides, programme_settings};
use crate::domain::attendance::Mark;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance, treat_none_as_default_value = false)]
pub struct AttendanceMark {
    pub id: i32,
    pub session_id: i32,
    pub enrollment_id: i32,
    pub status: Mark,
    pub marked_by: i32,
    pub marked_at: NaiveDateTime,
}

impl AttendanceMark {
    /// The marks of a set of places.
    pub fn of_enrollments(
        conn: &mut DbConnection,
        enrollment_ids: &[i32],
    ) -> QueryResult<Vec<AttendanceMark>> {
        crate::db::load_by_ids!(
            conn,
            attendance::table.select(AttendanceMark::as_select()),
            attendance::enrollment_id,
            enrollment_ids
        )
    }

    pub fn of_session(
        conn: &mut DbConnection,
        session_id: i32,
    ) -> QueryResult<Vec<AttendanceMark>> {
        attendance::table
            .filter(attendance::session_id.eq(session_id))
            .select(AttendanceMark::as_select())
            .load(conn)
    }

    /// Sets a mark; returns the previous status when it changed (or
    /// `Some(None)` for a new mark) and `None` when it was already so, so
    /// saving twice changes nothing.
    pub fn set(
        conn: &mut DbConnection,
        session_id: i32,
        enrollment_id: i32,
        status: Mark,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<Option<Option<Mark>>> {
        let existing: Option<AttendanceMark> = attendance::table
            .filter(attendance::session_id.eq(session_id))
            .filter(attendance::enrollment_id.eq(enrollment_id))
            .select(AttendanceMark::as_select())
            .first(conn)
            .optional()?;
        match existing {
            Some(mark) if mark.status == status => Ok(None),
            Some(mark) => {
                diesel::update(attendance::table.find(mark.id))
                    .set((
                        attendance::status.eq(status),
                        attendance::marked_by.eq(by),
                        attendance::marked_at.eq(now),
                    ))
                    .execute(conn)?;
                Ok(Some(Some(mark.status)))
            }
            None => {
                diesel::insert_into(attendance::table)
                    .values((
                        attendance::session_id.eq(session_id),
                        attendance::enrollment_id.eq(enrollment_id),
                        attendance::status.eq(status),
                        attendance::marked_by.eq(by),
                        attendance::marked_at.eq(now),
                    ))
                    .execute(conn)?;
                Ok(Some(None))
            }
        }
    }
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = eligibility_overrides)]
pub struct EligibilityOverride {
    pub id: i32,
    pub enrollment_id: i32,
    pub eligible: bool,
    pub reason: String,
    pub decided_by: i32,
    pub decided_at: NaiveDateTime,
}

impl EligibilityOverride {
    pub fn of_enrollments(
        conn: &mut DbConnection,
        enrollment_ids: &[i32],
    ) -> QueryResult<Vec<EligibilityOverride>> {
        crate::db::load_by_ids!(
            conn,
            eligibility_overrides::table.select(EligibilityOverride::as_select()),
            eligibility_overrides::enrollment_id,
            enrollment_ids
        )
    }

    /// Records (or replaces) the decision for a place.
    pub fn decide(
        conn: &mut DbConnection,
        enrollment_id: i32,
        eligible: bool,
        reason: &str,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<()> {
        diesel::delete(
            eligibility_overrides::table
                .filter(eligibility_overrides::enrollment_id.eq(enrollment_id)),
        )
        .execute(conn)?;
        diesel::insert_into(eligibility_overrides::table)
            .values((
                eligibility_overrides::enrollment_id.eq(enrollment_id),
                eligibility_overrides::eligible.eq(eligible),
                eligibility_overrides::reason.eq(reason),
                eligibility_overrides::decided_by.eq(by),
                eligibility_overrides::decided_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// The attendance threshold's setting name.
pub const ATTENDANCE_THRESHOLD: &str = "attendance_threshold_percent";

/// An integer programme setting, or `default` when never set.
pub fn setting(conn: &mut DbConnection, name: &str, default: i32) -> QueryResult<i32> {
    let value: Option<i32> = crate::db::on_backend!(conn, |c| programme_settings::table
        .filter(programme_settings::name.eq(name))
        .select(programme_settings::value)
        .first::<i32>(c)
        .optional())?;
    Ok(value.unwrap_or(default))
}

/// Sets an integer programme setting.
pub fn set_setting(
    conn: &mut DbConnection,
    name: &str,
    value: i32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let updated =
        diesel::update(programme_settings::table.filter(programme_settings::name.eq(name)))
            .set((
                programme_settings::value.eq(value),
                programme_settings::updated_at.eq(now),
            ))
            .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(programme_settings::table)
            .values((
                programme_settings::name.eq(name),
                programme_settings::value.eq(value),
                programme_settings::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
