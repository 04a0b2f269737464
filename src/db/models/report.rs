//! The programme's figures, counted in SQL over the places in classes
//! that started in a date range (optionally in one region or town): the
//! funnel grouped by a [`Dimension`], the registrations, and the scores per
//! syllabus block. Never a loop over rows in Rust: each table is one
//! `GROUP BY` statement, so a report costs the same at any size of history
//! but the range's.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text, Timestamp};

use crate::db::DbConnection;
use crate::domain::report::{Counts, Dimension};

/// Which places a report counts.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// Classes whose first day is in `from..=to` (UAE dates).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// A region's code, or empty for all.
    pub region: String,
    /// A town's code, or empty for all.
    pub town: String,
}

/// One group of a breakdown: its key (a code or an id), its names in both
/// languages (empty for codes the catalogue names), and its funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: String,
    pub name_ar: String,
    pub name_en: String,
    pub counts: Counts,
}

#[derive(QueryableByName)]
struct GroupRow {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Text)]
    name_ar: String,
    #[diesel(sql_type = Text)]
    name_en: String,
    #[diesel(sql_type = BigInt)]
    enrolled: i64,
    #[diesel(sql_type = BigInt)]
    completed: i64,
    #[diesel(sql_type = BigInt)]
    sat: i64,
    #[diesel(sql_type = BigInt)]
    passed: i64,
    #[diesel(sql_type = BigInt)]
    certified: i64,
}

impl GroupRow {
    fn counts(&self) -> Counts {
        Counts {
            enrolled: self.enrolled,
            completed: self.completed,
            sat: self.sat,
            passed: self.passed,
            certified: self.certified,
        }
    }
}

/// The funnel's steps: distinct people among the places counted.
const STEPS: &str = "
            COUNT(DISTINCT e.trainee_id) AS enrolled,
            COUNT(DISTINCT CASE WHEN e.status = 'completed' THEN e.trainee_id END) AS completed,
            COUNT(DISTINCT CASE WHEN a.id IS NOT NULL THEN e.trainee_id END) AS sat,
            COUNT(DISTINCT CASE WHEN a.passed THEN e.trainee_id END) AS passed,
            COUNT(DISTINCT CASE WHEN ce.status = 'issued' THEN e.trainee_id END) AS certified";

/// The places counted, with everything a breakdown groups by joined in.
const PLACES: &str = "
    FROM enrollments e
    JOIN cohorts co ON co.id = e.cohort_id
    JOIN venues v ON v.id = co.venue_id
    JOIN towns t ON t.id = v.town_id
    JOIN regions r ON r.id = t.region_id
    JOIN users u ON u.id = e.trainee_id
    LEFT JOIN users tr ON tr.id = co.trainer_id
    LEFT JOIN attempts a ON a.enrollment_id = e.id AND a.status <> 'open'
    LEFT JOIN certificates ce ON ce.attempt_id = a.id
    WHERE e.status IN ('enrolled', 'completed', 'not_completed')
      AND co.start_date >= ? AND co.start_date <= ?
      AND (? = '' OR r.code = ?)
      AND (? = '' OR t.code = ?)";

/// The group's key, names and order for a dimension.
fn grouping(dimension: Dimension) -> (&'static str, &'static str, &'static str, &'static str) {
    match dimension {
        Dimension::Region => ("r.code", "r.name_ar", "r.name_en", "MIN(r.position)"),
        Dimension::Town => (
            "t.code",
            "t.name_ar",
            "t.name_en",
            "MIN(r.position * 1000 + t.position)",
        ),
        Dimension::Venue => ("CAST(v.id AS TEXT)", "v.name_ar", "v.name_en", "2"),
        Dimension::Class => (
            "CAST(co.id AS TEXT)",
            // The date isolated, so it reads the same inside Arabic.
            "v.name_ar || ' · \u{2068}' || CAST(co.start_date AS TEXT) || '\u{2069}'",
            "v.name_en || ' · ' || CAST(co.start_date AS TEXT)",
            "MIN(co.start_date)",
        ),
        Dimension::Trainer => (
            "COALESCE(CAST(tr.id AS TEXT), '')",
            "COALESCE(tr.full_name_ar, '')",
            "COALESCE(tr.full_name_en, '')",
            "3",
        ),
        Dimension::Period => ("co.period", "''", "''", "1"),
        Dimension::Language => ("co.teaching_language", "''", "''", "1"),
        Dimension::Gender => ("COALESCE(u.gender, '')", "''", "''", "1"),
        Dimension::TargetGroup => ("COALESCE(u.target_group, '')", "''", "''", "1"),
        Dimension::Channel => ("COALESCE(u.channel, '')", "''", "''", "1"),
    }
}

/// SQLite's `?` placeholders as PostgreSQL's `$1, $2, …`.
#[cfg(any(feature = "postgres", test))]
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// The funnel, one group per value of `dimension`.
pub fn funnel_by(
    conn: &mut DbConnection,
    dimension: Dimension,
    scope: &Scope,
) -> QueryResult<Vec<Group>> {
    let (key, name_ar, name_en, order) = grouping(dimension);
    let sql = format!(
        "SELECT {key} AS key, {name_ar} AS name_ar, {name_en} AS name_en, {STEPS}
         {PLACES}
         GROUP BY 1, 2, 3
         ORDER BY {order}, 1"
    );
    let rows: Vec<GroupRow> = in_scope(conn, &sql, scope)?;
    Ok(rows
        .into_iter()
        .map(|row| Group {
            counts: row.counts(),
            key: row.key,
            name_ar: row.name_ar,
            name_en: row.name_en,
        })
        .collect())
}

/// The whole funnel: the sum of no breakdown, since a trainee may be in
/// two groups (two classes); counted afresh.
pub fn funnel(conn: &mut DbConnection, scope: &Scope) -> QueryResult<Counts> {
    let sql = format!("SELECT '' AS key, '' AS name_ar, '' AS name_en, {STEPS} {PLACES}");
    let rows: Vec<GroupRow> = in_scope(conn, &sql, scope)?;
    Ok(rows
        .into_iter()
        .next()
        .map(|row| row.counts())
        .unwrap_or_default())
}

#[derive(QueryableByName)]
struct Registered {
    #[diesel(sql_type = BigInt)]
    trainees: i64,
}

/// Trainee accounts created in `from..until` (UTC instants), living in
/// the scope's region or town when it names one.
pub fn registered(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    until: NaiveDateTime,
    scope: &Scope,
) -> QueryResult<i64> {
    let sql = "SELECT COUNT(*) AS trainees
         FROM users u
         LEFT JOIN towns t ON t.id = u.town_id
         LEFT JOIN regions r ON r.id = t.region_id
         WHERE u.role = 'trainee' AND u.created_at >= ? AND u.created_at < ?
           AND (? = '' OR r.code = ?)
           AND (? = '' OR t.code = ?)";
    let rows: Vec<Registered> = crate::db::on_backend!(conn, |c| {
        let text = match_backend_sql(sql, c);
        diesel::sql_query(text)
            .bind::<Timestamp, _>(from)
            .bind::<Timestamp, _>(until)
            .bind::<Text, _>(&scope.region)
            .bind::<Text, _>(&scope.region)
            .bind::<Text, _>(&scope.town)
            .bind::<Text, _>(&scope.town)
            .load(c)
    })?;
    Ok(rows.first().map_or(0, |row| row.trainees))
}

/// One syllabus block's results over the finished attempts in scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockResult {
    pub block: i32,
    pub attempts: i64,
    /// The sum of the block's scores, for the mean.
    pub score_sum: i64,
    /// Attempts whose block score reached their pass mark.
    pub reached_pass_mark: i64,
}

impl BlockResult {
    pub fn mean(&self) -> Option<i64> {
        crate::domain::report::percent(self.score_sum, self.attempts * 100)
    }

    pub fn pass_rate(&self) -> Option<i64> {
        crate::domain::report::percent(self.reached_pass_mark, self.attempts)
    }
}

#[derive(QueryableByName)]
struct BlockRow {
    #[diesel(sql_type = BigInt)]
    n1: i64,
    #[diesel(sql_type = BigInt)]
    s1: i64,
    #[diesel(sql_type = BigInt)]
    p1: i64,
    #[diesel(sql_type = BigInt)]
    n2: i64,
    #[diesel(sql_type = BigInt)]
    s2: i64,
    #[diesel(sql_type = BigInt)]
    p2: i64,
    #[diesel(sql_type = BigInt)]
    n3: i64,
    #[diesel(sql_type = BigInt)]
    s3: i64,
    #[diesel(sql_type = BigInt)]
    p3: i64,
}

/// Each block's mean score and pass rate over every finished attempt from
/// a place in scope (re-sits count as attempts).
pub fn blocks(conn: &mut DbConnection, scope: &Scope) -> QueryResult<Vec<BlockResult>> {
    let sql = "SELECT
            COUNT(a.block1_percent) AS n1, COALESCE(SUM(a.block1_percent), 0) AS s1,
            COALESCE(SUM(CASE WHEN a.block1_percent >= s.pass_percent THEN 1 ELSE 0 END), 0) AS p1,
            COUNT(a.block2_percent) AS n2, COALESCE(SUM(a.block2_percent), 0) AS s2,
            COALESCE(SUM(CASE WHEN a.block2_percent >= s.pass_percent THEN 1 ELSE 0 END), 0) AS p2,
            COUNT(a.block3_percent) AS n3, COALESCE(SUM(a.block3_percent), 0) AS s3,
            COALESCE(SUM(CASE WHEN a.block3_percent >= s.pass_percent THEN 1 ELSE 0 END), 0) AS p3
         FROM attempts a
         JOIN exam_settings s ON s.id = a.settings_id
         JOIN enrollments e ON e.id = a.enrollment_id
         JOIN cohorts co ON co.id = e.cohort_id
         JOIN venues v ON v.id = co.venue_id
         JOIN towns t ON t.id = v.town_id
         JOIN regions r ON r.id = t.region_id
         WHERE a.status <> 'open'
           AND co.start_date >= ? AND co.start_date <= ?
           AND (? = '' OR r.code = ?)
           AND (? = '' OR t.code = ?)";
    let rows: Vec<BlockRow> = in_scope(conn, sql, scope)?;
    let Some(row) = rows.into_iter().next() else {
        return Ok(Vec::new());
    };
    Ok([
        (1, row.n1, row.s1, row.p1),
        (2, row.n2, row.s2, row.p2),
        (3, row.n3, row.s3, row.p3),
    ]
    .into_iter()
    .map(
        |(block, attempts, score_sum, reached_pass_mark)| BlockResult {
            block,
            attempts,
            score_sum,
            reached_pass_mark,
        },
    )
    .collect())
}

/// Runs `sql`, whose first six placeholders are the scope's (from, to,
/// region twice, town twice), on the connection's own backend.
fn in_scope<T>(conn: &mut DbConnection, sql: &str, scope: &Scope) -> QueryResult<Vec<T>>
where
    T: RowOfBoth + 'static,
{
    crate::db::on_backend!(conn, |c| {
        let text = match_backend_sql(sql, c);
        diesel::sql_query(text)
            .bind::<Date, _>(scope.from)
            .bind::<Date, _>(scope.to)
            .bind::<Text, _>(&scope.region)
            .bind::<Text, _>(&scope.region)
            .bind::<Text, _>(&scope.town)
            .bind::<Text, _>(&scope.town)
            .load(c)
    })
}

/// A row type every compiled backend can read.
#[cfg(feature = "postgres")]
trait RowOfBoth: QueryableByName<diesel::sqlite::Sqlite> + QueryableByName<diesel::pg::Pg> {}
#[cfg(feature = "postgres")]
impl<T: QueryableByName<diesel::sqlite::Sqlite> + QueryableByName<diesel::pg::Pg>> RowOfBoth for T {}
#[cfg(not(feature = "postgres"))]
trait RowOfBoth: QueryableByName<diesel::sqlite::Sqlite> {}
#[cfg(not(feature = "postgres"))]
impl<T: QueryableByName<diesel::sqlite::Sqlite>> RowOfBoth for T {}

/// The statement's text for the connection's backend.
fn match_backend_sql<C: BackendSql>(sql: &str, _conn: &C) -> String {
    C::sql(sql)
}

/// How a backend writes placeholders.
trait BackendSql {
    fn sql(sql: &str) -> String;
}

impl BackendSql for diesel::SqliteConnection {
    fn sql(sql: &str) -> String {
        sql.to_owned()
    }
}

#[cfg(feature = "postgres")]
impl BackendSql for diesel::PgConnection {
    fn sql(sql: &str) -> String {
        numbered(sql)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_for_postgres() {
        assert_eq!(
            super::numbered("a = ? AND (? = '' OR b = ?)"),
            "a = $1 AND ($2 = '' OR b = $3)"
        );
    }
}
