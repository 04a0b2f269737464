//! `ecitizen backup --out FILE`: a consistent copy of the SQLite database,
//! made while the server runs; PostgreSQL is pointed to pg_dump.

use std::process::{Command, Output};

use ecitizen::db::{Db, DbError};

use crate::helpers::spawn_app;

fn ecitizen(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecitizen"))
        .args(["--database-url", database_url])
        .args(args)
        .output()
        .expect("runs")
}

async fn user_count(db: &Db) -> i64 {
    db.read(|conn| {
        use diesel::prelude::*;
        Ok::<_, DbError>(
            ecitizen::db::schema::users::table
                .count()
                .get_result::<i64>(conn)?,
        )
    })
    .await
    .expect("count")
}

#[tokio::test]
async fn a_backup_made_while_the_server_runs_is_a_working_database() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("directory");
    let file = dir.path().join("copy.db");
    let out = file.to_str().expect("utf-8 path");
    if app.database_url.starts_with("postgres") {
        let refused = ecitizen(&app.database_url, &["backup", "--out", out]);
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains("pg_dump"));
        assert!(!file.exists());
        return;
    }
    ecitizen::demo::seed(&app.db, &app.settings)
        .await
        .expect("demo data");

    let made = ecitizen(&app.database_url, &["backup", "--out", out]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(String::from_utf8_lossy(&made.stdout).starts_with("backup written:"));
    let again = ecitizen(&app.database_url, &["backup", "--out", out]);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );

    // The copy is a database of its own with everyone in it, and its audit
    // chain is intact.
    let copy_url = format!("sqlite://{out}");
    let verified = ecitizen(&copy_url, &["audit", "verify"]);
    assert!(
        String::from_utf8_lossy(&verified.stdout).contains("audit chain intact"),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    let settings = ecitizen::config::Settings::new(dir.path().to_path_buf(), Some(&copy_url))
        .expect("settings");
    let copy = Db::open(&settings).await.expect("the copy opens");
    assert_eq!(user_count(&copy).await, user_count(&app.db).await);
}
