//! The generated rows, the models' own structs (insertable as well as
//! queryable) with ids chosen by the generator (so children can refer to
//! parents without reading ids back),
//! and the bulk insert that writes a batch of them: multi-row `INSERT`s on
//! SQLite, `COPY` on PostgreSQL.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{
    answers, attempt_questions, attempts, attendance, certificate_counters, certificates,
    class_sessions, cohorts, enrollments, sittings, users,
};

pub use crate::db::models::attendance::AttendanceMark as AttendanceRow;
pub use crate::db::models::certificate::Certificate as CertificateRow;
pub use crate::db::models::class_session::ClassSession as SessionRow;
pub use crate::db::models::cohort::Cohort as CohortRow;
pub use crate::db::models::enrollment::Enrollment as EnrollmentRow;
pub use crate::db::models::exam::{
    Answer as AnswerRow, Attempt as AttemptRow, AttemptQuestion as DrawnRow, Sitting as SittingRow,
};
pub use crate::db::models::user::User as UserRow;

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
