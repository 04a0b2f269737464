//! Classes ("cohorts"): a course at a venue, in a period, with its sessions.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{class_sessions, cohorts};
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage, Weekdays};
use crate::domain::schedule::SessionStatus;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = cohorts, treat_none_as_default_value = false)]
pub struct Cohort {
    pub id: i32,
    pub course_id: i32,
    pub venue_id: i32,
    pub period: Period,
    /// Local (UAE) time of day.
    pub starts_time: NaiveTime,
    pub ends_time: NaiveTime,
    pub teaching_language: TeachingLanguage,
    pub audience: Audience,
    pub start_date: NaiveDate,
    /// ISO weekday numbers, `1,2,3,4,5`.
    pub weekdays: String,
    pub session_count: i32,
    pub capacity: i32,
    pub trainer_id: Option<i32>,
    /// Enrolment is open from `enrol_opens` to `enrol_closes`, inclusive (UAE days).
    pub enrol_opens: NaiveDate,
    pub enrol_closes: NaiveDate,
    /// Running and finished follow from the dates.
    pub status: CohortStatus,
    pub cancel_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What an admin sets on a class.
#[derive(Clone, Debug, Insertable, AsChangeset)]
#[diesel(table_name = cohorts, treat_none_as_null = true)]
pub struct CohortFields {
    pub course_id: i32,
    pub venue_id: i32,
    pub period: Period,
    pub starts_time: NaiveTime,
    pub ends_time: NaiveTime,
    pub teaching_language: TeachingLanguage,
    pub audience: Audience,
    pub start_date: NaiveDate,
    pub weekdays: String,
    pub session_count: i32,
    pub capacity: i32,
    pub trainer_id: Option<i32>,
    pub enrol_opens: NaiveDate,
    pub enrol_closes: NaiveDate,
    pub status: CohortStatus,
}

impl Cohort {
    pub fn weekdays(&self) -> Weekdays {
        Weekdays::parse(&self.weekdays).unwrap_or_else(|_| Weekdays::working_week())
    }

    pub fn insert(
        conn: &mut DbConnection,
        fields: &CohortFields,
        now: NaiveDateTime,
    ) -> QueryResult<i32> {
        diesel::insert_into(cohorts::table)
            .values((
                fields,
                cohorts::created_at.eq(now),
                cohorts::updated_at.eq(now),
            ))
            .returning(cohorts::id)
            .get_result(conn)
    }

    pub fn update(
        conn: &mut DbConnection,
        id: i32,
        fields: &CohortFields,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(cohorts::table.find(id))
            .set((fields, cohorts::updated_at.eq(now)))
            .execute(conn)
    }

    pub fn cancel(
        conn: &mut DbConnection,
        id: i32,
        reason: &str,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(cohorts::table.find(id))
            .set((
                cohorts::status.eq(CohortStatus::Cancelled.as_str()),
                cohorts::cancel_reason.eq(reason),
                cohorts::updated_at.eq(now),
            ))
            .execute(conn)
    }

    /// Sets the status an admin chooses (publishing a draft, or taking a
    /// class nobody has joined back to draft).
    pub fn set_status(
        conn: &mut DbConnection,
        id: i32,
        status: CohortStatus,
        now: NaiveDateTime,
    ) -> QueryResult<usize> {
        diesel::update(cohorts::table.find(id))
            .set((
                cohorts::status.eq(status.as_str()),
                cohorts::updated_at.eq(now),
            ))
            .execute(conn)
    }

    /// Classes, other than `except`, that are not cancelled and meet at
    /// `venue_id` or are taught by `trainer_id`: the ones a class's sessions
    /// may clash with.
    pub fn sharing_venue_or_trainer(
        conn: &mut DbConnection,
        venue_id: i32,
        trainer_id: Option<i32>,
        except: Option<i32>,
    ) -> QueryResult<Vec<Cohort>> {
        // Ids are positive, so -1 matches nothing.
        cohorts::table
            .filter(cohorts::status.ne(CohortStatus::Cancelled.as_str()))
            .filter(cohorts::id.ne(except.unwrap_or(-1)))
            .filter(
                cohorts::venue_id
                    .eq(venue_id)
                    .or(cohorts::trainer_id.eq(trainer_id.unwrap_or(-1))),
            )
            .order((cohorts::start_date, cohorts::id))
            .select(Cohort::as_select())
            .load(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Cohort>> {
        cohorts::table
            .find(id)
            .select(Cohort::as_select())
            .first(conn)
            .optional()
    }

    /// Every class, newest start first.
    pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<Cohort>> {
        cohorts::table
            .order((cohorts::start_date.desc(), cohorts::id.desc()))
            .select(Cohort::as_select())
            .load(conn)
    }

    /// Classes that are not drafts or cancelled and whose last session has
    /// not ended before `now`, by start date. Found from the sessions still
    /// to end (an index on their end), so the cost follows what is on offer,
    /// not every class ever held. Two statements, so that both databases
    /// start from the sessions still to end (a range of the index on their
    /// end) rather than walk every class by start date and probe its
    /// sessions, as PostgreSQL's planner chose for one statement (42 ms at
    /// 100,000 trainees). The class ids are made distinct here: asked to,
    /// SQLite scans every session in class order instead.
    pub fn listed(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<Cohort>> {
        let mut running: Vec<i32> = class_sessions::table
            .filter(class_sessions::ends_at.gt(now))
            .filter(class_sessions::status.ne(SessionStatus::Cancelled.as_str()))
            .select(class_sessions::cohort_id)
            .load(conn)?;
        running.sort_unstable();
        running.dedup();
        cohorts::table
            .filter(cohorts::status.eq(CohortStatus::Open.as_str()))
            .filter(cohorts::id.eq_any(running))
            .order((cohorts::start_date, cohorts::id))
            .select(Cohort::as_select())
            .load(conn)
    }

    /// The newest class's id, `None` when there is none.
    pub fn last_id(conn: &mut DbConnection) -> QueryResult<Option<i32>> {
        crate::db::on_backend!(conn, |c| cohorts::table
            .select(diesel::dsl::max(cohorts::id))
            .first(c))
    }

    /// A trainer's own classes.
    pub fn of_trainer(conn: &mut DbConnection, trainer_id: i32) -> QueryResult<Vec<Cohort>> {
        cohorts::table
            .filter(cohorts::trainer_id.eq(trainer_id))
            .order((cohorts::start_date, cohorts::id))
            .select(Cohort::as_select())
            .load(conn)
    }

    /// Locks the class's row until the transaction ends, so seats are
    /// counted and taken one request at a time. SQLite needs nothing: its
    /// single writer holds the write lock from `BEGIN IMMEDIATE`.
    pub fn lock(conn: &mut DbConnection, id: i32) -> QueryResult<()> {
        #[cfg(feature = "postgres")]
        if let DbConnection::Postgres(_) = conn {
            diesel::sql_query("SELECT id FROM cohorts WHERE id = $1 FOR UPDATE")
                .bind::<diesel::sql_types::Integer, _>(id)
                .execute(conn)?;
        }
        let _ = (conn, id);
        Ok(())
    }

    /// Locks a venue's row and a trainer's until the transaction ends, so
    /// two admins cannot both book the same room or trainer for the same
    /// hours (the clash check reads, then writes). Always venue first, then
    /// trainer, so two such transactions cannot wait on each other.
    /// SQLite's single writer already serialises them.
    pub fn lock_venue_and_trainer(
        conn: &mut DbConnection,
        venue_id: i32,
        trainer_id: Option<i32>,
    ) -> QueryResult<()> {
        #[cfg(feature = "postgres")]
        if let DbConnection::Postgres(_) = conn {
            diesel::sql_query("SELECT id FROM venues WHERE id = $1 FOR UPDATE")
                .bind::<diesel::sql_types::Integer, _>(venue_id)
                .execute(conn)?;
            if let Some(trainer_id) = trainer_id {
                diesel::sql_query("SELECT id FROM users WHERE id = $1 FOR UPDATE")
                    .bind::<diesel::sql_types::Integer, _>(trainer_id)
                    .execute(conn)?;
            }
        }
        let _ = (conn, venue_id, trainer_id);
        Ok(())
    }
}
