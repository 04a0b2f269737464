//! The generated rows, one struct per table with its id chosen by the
//! generator (so children can refer to parents without reading ids back),
//! and the bulk insert that writes a batch of them: multi-row `INSERT`s on
//! SQLite, `COPY` on PostgreSQL.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{
    answers, attempt_questions, attempts, attendance, certificate_counters, certificates,
    class_sessions, cohorts, enrollments, sittings, users,
};
use crate::domain::attendance::Mark;
use crate::domain::certificate::CertificateStatus;
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage};
use crate::domain::enrollment::EnrollmentStatus;
use crate::domain::exam::AttemptStatus;
use crate::domain::person::Role;
use crate::domain::schedule::SessionStatus;

#[derive(Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: i32,
    pub role: Role,
    pub full_name_ar: String,
    pub full_name_en: String,
    pub email: Option<String>,
    pub emirates_id: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<&'static str>,
    pub mobile: Option<String>,
    pub target_group: Option<&'static str>,
    pub town_id: Option<i32>,
    pub channel: Option<&'static str>,
    pub password_hash: String,
    pub must_change_password: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub accommodation_percent: i32,
    pub accommodation_note: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = cohorts, treat_none_as_default_value = false)]
pub struct CohortRow {
    pub id: i32,
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
    pub cancel_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = class_sessions, treat_none_as_default_value = false)]
pub struct SessionRow {
    pub id: i32,
    pub cohort_id: i32,
    pub seq: i32,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: SessionStatus,
    pub reason: Option<String>,
    pub original_starts_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = enrollments, treat_none_as_default_value = false)]
pub struct EnrollmentRow {
    pub id: i32,
    pub cohort_id: i32,
    pub trainee_id: i32,
    pub course_id: i32,
    pub status: EnrollmentStatus,
    pub queued_at: NaiveDateTime,
    pub enrolled_at: Option<NaiveDateTime>,
    pub promoted_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = attendance, treat_none_as_default_value = false)]
pub struct AttendanceRow {
    pub id: i32,
    pub session_id: i32,
    pub enrollment_id: i32,
    pub status: Mark,
    pub marked_by: i32,
    pub marked_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = sittings, treat_none_as_default_value = false)]
pub struct SittingRow {
    pub id: i32,
    pub cohort_id: i32,
    pub pin: String,
    pub opened_by: i32,
    pub opened_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
    pub closes_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = attempts, treat_none_as_default_value = false)]
pub struct AttemptRow {
    pub id: i32,
    pub sitting_id: i32,
    pub enrollment_id: i32,
    pub trainee_id: i32,
    pub settings_id: i32,
    pub started_at: NaiveDateTime,
    pub deadline_at: NaiveDateTime,
    pub extra_percent: i32,
    pub extension_minutes: i32,
    pub status: AttemptStatus,
    pub finished_at: Option<NaiveDateTime>,
    pub end_reason: Option<String>,
    pub score_percent: Option<i32>,
    pub passed: Option<bool>,
    pub block1_percent: Option<i32>,
    pub block2_percent: Option<i32>,
    pub block3_percent: Option<i32>,
}

#[derive(Insertable)]
#[diesel(table_name = attempt_questions, treat_none_as_default_value = false)]
pub struct DrawnRow {
    pub id: i32,
    pub attempt_id: i32,
    pub position: i32,
    pub question_id: i32,
    pub option_order: String,
}

#[derive(Insertable)]
#[diesel(table_name = answers, treat_none_as_default_value = false)]
pub struct AnswerRow {
    pub id: i32,
    pub attempt_id: i32,
    pub question_id: i32,
    pub selected: String,
    pub flagged: bool,
    pub seq: i64,
    pub saved_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = certificates, treat_none_as_default_value = false)]
pub struct CertificateRow {
    pub id: i32,
    pub attempt_id: i32,
    pub trainee_id: i32,
    pub cohort_id: i32,
    pub status: CertificateStatus,
    pub holder_name_ar: String,
    pub holder_name_en: String,
    pub emirates_id: Option<String>,
    pub course_name_ar: String,
    pub course_name_en: String,
    pub score_percent: i32,
    pub exam_date: NaiveDate,
    pub region_ar: String,
    pub region_en: String,
    pub venue_ar: String,
    pub venue_en: String,
    pub number: Option<String>,
    pub code: Option<String>,
    pub issued_at: Option<NaiveDateTime>,
    pub issued_by: Option<i32>,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoked_by: Option<i32>,
    pub revoke_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub replaces_id: Option<i32>,
    pub superseded_at: Option<NaiveDateTime>,
}

/// One batch of generated rows, written parents first.
#[derive(Default)]
pub struct Rows {
    pub users: Vec<UserRow>,
    pub cohorts: Vec<CohortRow>,
    pub sessions: Vec<SessionRow>,
    pub enrollments: Vec<EnrollmentRow>,
    pub attendance: Vec<AttendanceRow>,
    pub sittings: Vec<SittingRow>,
    pub attempts: Vec<AttemptRow>,
    pub drawn: Vec<DrawnRow>,
    pub answers: Vec<AnswerRow>,
    pub certificates: Vec<CertificateRow>,
}

/// Rows per statement on SQLite: 500 rows of at most 26 columns stay under
/// its 32,766 bound parameters.
const CHUNK: usize = 500;

/// Inserts `rows`: on SQLite as multi-row `INSERT`s of [`CHUNK`] rows, on
/// PostgreSQL with one `COPY … FROM STDIN` (binary), several times faster
/// than `INSERT`s there.
macro_rules! insert_all {
    ($conn:expr, $table:path, $rows:expr) => {{
        match &mut *$conn {
            DbConnection::Sqlite(c) => {
                let mut written = 0;
                for chunk in $rows.chunks(CHUNK) {
                    written += diesel::insert_into($table).values(chunk).execute(c)?;
                }
                written
            }
            #[cfg(feature = "postgres")]
            DbConnection::Postgres(c) => diesel::copy_from($table)
                .from_insertable($rows.as_slice())
                .execute(c)?,
        }
    }};
}

impl Rows {
    /// Writes the batch; returns how many rows it wrote.
    pub fn insert(&self, conn: &mut DbConnection) -> QueryResult<usize> {
        Ok(insert_all!(conn, users::table, self.users)
            + insert_all!(conn, cohorts::table, self.cohorts)
            + insert_all!(conn, class_sessions::table, self.sessions)
            + insert_all!(conn, enrollments::table, self.enrollments)
            + insert_all!(conn, attendance::table, self.attendance)
            + insert_all!(conn, sittings::table, self.sittings)
            + insert_all!(conn, attempts::table, self.attempts)
            + insert_all!(conn, attempt_questions::table, self.drawn)
            + insert_all!(conn, answers::table, self.answers)
            + insert_all!(conn, certificates::table, self.certificates))
    }
}

/// Raises the certificate counter of `year` to at least `last`, so numbers
/// issued later follow the generated ones.
pub fn raise_counter(conn: &mut DbConnection, year: i32, last: i32) -> QueryResult<()> {
    let current: Option<i32> = certificate_counters::table
        .find(year)
        .select(certificate_counters::last_number)
        .first(conn)
        .optional()?;
    match current {
        Some(current) if current >= last => {}
        Some(_) => {
            diesel::update(certificate_counters::table.find(year))
                .set(certificate_counters::last_number.eq(last))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(certificate_counters::table)
                .values((
                    certificate_counters::year.eq(year),
                    certificate_counters::last_number.eq(last),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The largest id of each generated table, so new ids follow them.
pub fn max_ids(conn: &mut DbConnection) -> QueryResult<super::plan::Ids> {
    use diesel::dsl::max;
    Ok(super::plan::Ids {
        user: users::table
            .select(max(users::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        cohort: cohorts::table
            .select(max(cohorts::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        session: class_sessions::table
            .select(max(class_sessions::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        enrollment: enrollments::table
            .select(max(enrollments::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        attendance: attendance::table
            .select(max(attendance::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        sitting: sittings::table
            .select(max(sittings::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        attempt: attempts::table
            .select(max(attempts::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        drawn: attempt_questions::table
            .select(max(attempt_questions::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        answer: answers::table
            .select(max(answers::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
        certificate: certificates::table
            .select(max(certificates::id))
            .first::<Option<i32>>(conn)?
            .unwrap_or(0),
    })
}

/// On PostgreSQL, moves each identity sequence past the ids the generator
/// chose, so rows inserted later get fresh ones. Nothing to do on SQLite.
pub fn bump_sequences(conn: &mut DbConnection) -> QueryResult<()> {
    if conn.is_sqlite() {
        return Ok(());
    }
    for table in [
        "users",
        "cohorts",
        "class_sessions",
        "enrollments",
        "attendance",
        "sittings",
        "attempts",
        "attempt_questions",
        "answers",
        "certificates",
    ] {
        diesel::sql_query(format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             (SELECT COALESCE(MAX(id), 1) FROM {table}))"
        ))
        .execute(conn)?;
    }
    Ok(())
}
