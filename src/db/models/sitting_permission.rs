//! A registrar's permission to open one sitting for a class before its
//! last session has taken place; the sitting it allowed uses it up.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::sitting_permissions;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = sitting_permissions)]
pub struct SittingPermission {
    pub id: i32,
    pub cohort_id: i32,
    /// Why the registrar allowed it (audited; shown to the trainer).
    pub reason: String,
    pub granted_by: i32,
    pub granted_at: NaiveDateTime,
    /// The sitting opened under it, once one has been.
    pub sitting_id: Option<i32>,
}

impl SittingPermission {
    pub fn insert(
        conn: &mut DbConnection,
        cohort_id: i32,
        reason: &str,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(sitting_permissions::table)
            .values((
                sitting_permissions::cohort_id.eq(cohort_id),
                sitting_permissions::reason.eq(reason),
                sitting_permissions::granted_by.eq(by),
                sitting_permissions::granted_at.eq(now),
            ))
            .returning(sitting_permissions::id)
            .get_result(conn)
    }

    /// The class's permission not yet used by a sitting, if any.
    pub fn unused_for(
        conn: &mut DbConnection,
        cohort_id: i32,
    ) -> QueryResult<Option<SittingPermission>> {
        sitting_permissions::table
            .filter(sitting_permissions::cohort_id.eq(cohort_id))
            .filter(sitting_permissions::sitting_id.is_null())
            .order(sitting_permissions::id.desc())
            .select(SittingPermission::as_select())
            .first(conn)
            .optional()
    }

    /// The permissions of these classes (used or not).
    pub fn of_cohorts(
        conn: &mut DbConnection,
        cohort_ids: &[i32],
    ) -> QueryResult<Vec<SittingPermission>> {
        crate::db::load_by_ids!(
            conn,
            sitting_permissions::table
                .order(sitting_permissions::id)
                .select(SittingPermission::as_select()),
            sitting_permissions::cohort_id,
            cohort_ids
        )
    }

    /// Marks the permission as used by `sitting_id`; false if another
    /// sitting used it first.
    pub fn use_for(conn: &mut DbConnection, id: i32, sitting_id: i32) -> QueryResult<bool> {
        let updated = diesel::update(
            sitting_permissions::table
                .find(id)
                .filter(sitting_permissions::sitting_id.is_null()),
        )
        .set(sitting_permissions::sitting_id.eq(sitting_id))
        .execute(conn)?;
        Ok(updated == 1)
    }
}
