//! Every migration runs up, down and up again, and leaves the same schema.

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use ecitizen::db::{DbConnection, DbError};

use crate::helpers::spawn_app;

#[derive(QueryableByName, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SchemaRow {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Nullable<Text>)]
    definition: Option<String>,
}

/// Tables, columns, indexes and constraints, excluding diesel's own table.
fn schema(conn: &mut DbConnection) -> Result<Vec<SchemaRow>, DbError> {
    let mut rows = match conn {
        DbConnection::Sqlite(conn) => diesel::sql_query(
            "SELECT type AS kind, name, sql AS definition FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> '__diesel_schema_migrations'",
        )
        .load::<SchemaRow>(conn)?,
        #[cfg(feature = "postgres")]
        DbConnection::Postgres(conn) => diesel::sql_query(
            "SELECT 'column' AS kind, table_name || '.' || column_name AS name, \
                    data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS definition \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations' \
             UNION ALL \
             SELECT 'index', indexname, indexdef FROM pg_indexes \
             WHERE schemaname = 'public' AND tablename <> '__diesel_schema_migrations' \
             UNION ALL \
             SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) \
             FROM pg_constraint WHERE connamespace = 'public'::regnamespace \
               AND conrelid::regclass::text <> '__diesel_schema_migrations'",
        )
        .load::<SchemaRow>(conn)?,
    };
    rows.sort();
    Ok(rows)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn town_count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(diesel::sql_query("SELECT count(*) AS n FROM towns")
        .get_result::<Count>(conn)?
        .n)
}

#[tokio::test]
async fn migrations_run_up_down_and_up_to_the_same_schema() {
    let app = spawn_app().await;
    let first = app.db.read(schema).await.expect("schema read");
    assert!(
        first.iter().any(|row| row.name.contains("towns")),
        "the schema has the towns table: {first:?}"
    );

    let reverted = app.db.revert_all().await.expect("every migration reverts");
    assert!(!reverted.is_empty());
    let empty = app.db.read(schema).await.expect("schema read");
    assert_eq!(empty, Vec::new(), "down.sql leaves nothing behind");

    let applied = app.db.migrate().await.expect("migrations apply again");
    assert_eq!(applied.len(), reverted.len());
    let second = app.db.read(schema).await.expect("schema read");
    assert_eq!(first, second, "up, down, up gives the same schema");
    assert_eq!(
        app.db.read(town_count).await.expect("count"),
        8,
        "the reference towns are back"
    );
}

#[derive(QueryableByName, Debug, PartialEq, Eq)]
struct CertificateRow {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    id: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempt_id: i32,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Nullable<Text>)]
    number: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    code: Option<String>,
    #[diesel(sql_type = Text)]
    holder_name_ar: String,
    #[diesel(sql_type = Nullable<Text>)]
    revoke_reason: Option<String>,
}

/// The certificates' columns that every version of the schema has.
fn certificate_rows(conn: &mut DbConnection) -> Result<Vec<CertificateRow>, DbError> {
    Ok(diesel::sql_query(
        "SELECT id, attempt_id, status, number, code, holder_name_ar, revoke_reason \
         FROM certificates ORDER BY id",
    )
    .load(conn)?)
}

fn user_count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(diesel::sql_query("SELECT count(*) AS n FROM users")
        .get_result::<Count>(conn)?
        .n)
}

#[tokio::test]
async fn the_newest_migration_reverts_and_applies_again_without_losing_data() {
    let app = spawn_app().await;
    ecitizen::demo::seed(&app.db, &app.settings)
        .await
        .expect("demo data");
    let certificates = app.db.read(certificate_rows).await.expect("read");
    assert!(
        certificates.iter().any(|c| c.status == "issued")
            && certificates.iter().any(|c| c.status == "revoked"),
        "{certificates:?}"
    );
    let users = app.db.read(user_count).await.expect("count");

    // A deployment rolled back (`ecitizen migrate --revert-last`), then
    // forward again: a table rebuilt on the way keeps every row.
    let reverted = app.db.revert_last().await.expect("the newest reverts");
    assert_eq!(
        app.db.read(certificate_rows).await.expect("read"),
        certificates
    );
    assert_eq!(app.db.read(user_count).await.expect("count"), users);
    let applied = app.db.migrate().await.expect("applies again");
    assert_eq!(applied, [reverted]);
    assert_eq!(
        app.db.read(certificate_rows).await.expect("read"),
        certificates
    );
    assert_eq!(app.db.read(user_count).await.expect("count"), users);
}
