//! `seed --scale N` builds a programme with history for benchmarks and
//! reports: trainees in the reported regional shares, classes that ran,
//! attempts scored as the exam scores them, certificates that verify, and
//! open sittings whose printed logins and PINs start real attempts.

use std::collections::HashMap;

use diesel::prelude::*;
use ecitizen::db::DbError;
use ecitizen::db::schema::{
    answers, attempt_questions, attempts, certificates, enrollments, regions, towns, users,
};
use ecitizen::demo::scale::{Scale, ScaleError};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_generated_programme_has_the_reported_shape_and_its_printed_logins_can_sit() {
    let app = spawn_app().await;
    let scale = Scale {
        trainees: 600,
        open: 40,
    };

    let facts = ecitizen::demo::scale::seed(&app.db, &app.settings, scale)
        .await
        .expect("generated");

    // Regions in the programme's proportions: about 31 %, 66 % and 3 %.
    let by_region: HashMap<String, i64> = app
        .db
        .read(|conn| {
            users::table
                .inner_join(towns::table.inner_join(regions::table))
                .filter(users::role.eq("trainee"))
                .group_by(regions::code)
                .select((regions::code, diesel::dsl::count_star()))
                .load::<(String, i64)>(conn)
                .map_err(DbError::Query)
        })
        .await
        .expect("counted")
        .into_iter()
        .collect();
    assert_eq!(by_region.values().sum::<i64>(), 600);
    assert!(
        (170..=205).contains(&by_region["abu-dhabi"]),
        "{by_region:?}"
    );
    assert!((380..=415).contains(&by_region["eastern"]), "{by_region:?}");
    assert!((10..=30).contains(&by_region["western"]), "{by_region:?}");

    // Attempts were drawn by the blueprint, answered, and scored as stored.
    let (attempt_count, drawn, answered, passed, certified) = app
        .db
        .read(|conn| {
            let attempt_count: i64 = attempts::table.count().get_result(conn)?;
            let drawn: i64 = attempt_questions::table.count().get_result(conn)?;
            let answered: i64 = answers::table.count().get_result(conn)?;
            let passed: i64 = attempts::table
                .filter(attempts::passed.eq(true))
                .count()
                .get_result(conn)?;
            let certified: i64 = certificates::table.count().get_result(conn)?;
            Ok::<_, DbError>((attempt_count, drawn, answered, passed, certified))
        })
        .await
        .expect("counted");
    assert!(attempt_count > 300, "{attempt_count} attempts");
    assert_eq!(drawn, attempt_count * 36);
    assert_eq!(answered, drawn);
    assert!(
        passed > 0 && passed < attempt_count,
        "{passed} of {attempt_count} passed"
    );
    assert_eq!(certified, passed);

    // The printed certificate verifies.
    let url = facts
        .iter()
        .find_map(|line| line.strip_prefix("demo certificate: "))
        .expect("a certificate URL is printed");
    let path = &url[url.find("/verify/").expect("a verification URL")..];
    let (status, page) = app.get_page(&format!("{path}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains("This certificate is valid."));
    // Its holder's login comes first, and their page shows it.
    let mut holder = facts[0]
        .strip_prefix("demo login: trainee ")
        .expect("the graduate's login first")
        .split(' ');
    let graduate = app.browser();
    let (eid, password) = (
        holder.next().expect("login"),
        holder.next().expect("password"),
    );
    assert_eq!(graduate.sign_in(eid, password).await.status(), 303);
    let mine = graduate.get_page("/me").await.1;
    let link = mine
        .split("href=\"/me/certificates/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the certificate");
    let (status, _) = graduate.get_page(&format!("/me/certificates/{link}")).await;
    assert_eq!(status, 200);

    // Every open class prints its PIN, then its trainees' logins; the first
    // of them signs in with the shared password and starts the exam.
    let sittings: Vec<usize> = (0..facts.len())
        .filter(|&at| facts[at].starts_with("demo sitting: cohort "))
        .collect();
    assert!(
        sittings.len() >= 3,
        "40 trainees in classes of at most 18, by town"
    );
    for at in sittings {
        assert!(
            facts[at + 1].starts_with("demo login: trainee 784-"),
            "{}",
            facts[at]
        );
    }
    let logins = facts
        .iter()
        .filter(|line| line.starts_with("demo login: trainee 784-"))
        .count();
    assert_eq!(
        logins,
        40 + 1,
        "the open classes' trainees and the graduate"
    );
    let at = facts
        .iter()
        .position(|line| line.starts_with("demo sitting: cohort "))
        .expect("a sitting");
    let pin = facts[at].rsplit(' ').next().expect("a PIN");
    let mut login = facts[at + 1]
        .strip_prefix("demo login: trainee ")
        .expect("the class's first trainee follows its sitting")
        .split(' ');
    let browser = app.browser();
    let (eid, password) = (
        login.next().expect("login"),
        login.next().expect("password"),
    );
    assert_eq!(browser.sign_in(eid, password).await.status(), 303);
    let started = browser.post_form("/me/exam", &[("pin", pin)]).await;
    let location = started
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(location.starts_with("/attempts/"), "{location}");
    let (status, question) = browser.get_page(&format!("{location}?q=1")).await;
    assert_eq!(status, 200, "{question}");

    // Upcoming classes have enrolled trainees; new rows still get fresh ids
    // (the generator moved PostgreSQL's sequences past its own).
    let enrolled: i64 = app
        .db
        .read(|conn| {
            enrollments::table
                .filter(enrollments::status.eq("enrolled"))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .expect("counted");
    assert!(enrolled > 0);
    crate::fixtures::trainee(&app, "After Seeding", "female").await;

    // Generating twice into one database is refused.
    let again = ecitizen::demo::scale::seed(&app.db, &app.settings, scale).await;
    assert!(
        matches!(again, Err(ScaleError::AlreadyGenerated)),
        "{again:?}"
    );
}
