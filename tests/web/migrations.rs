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
