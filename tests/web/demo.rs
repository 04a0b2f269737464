//! `--demo` gives a newcomer something to try: people in every role,
//! classes in every region, one full with a wait-list.

use crate::helpers::spawn_app;

#[tokio::test]
async fn demo_data_has_people_classes_and_a_wait_list_and_seeds_once() {
    let app = spawn_app().await;

    let facts = ecitizen::demo::seed(&app.db, &app.settings)
        .await
        .expect("seeded");

    let logins: Vec<&String> = facts
        .iter()
        .filter(|line| line.starts_with("demo login: "))
        .collect();
    assert!(
        logins
            .iter()
            .any(|line| line.starts_with("demo login: admin admin@ecitizen.demo "))
    );
    assert_eq!(
        logins
            .iter()
            .filter(|line| line.starts_with("demo login: trainee 784-"))
            .count(),
        9
    );
    assert!(
        facts
            .iter()
            .any(|line| line.starts_with("demo sitting: cohort "))
    );
    let url_after = |prefix: &str| {
        facts
            .iter()
            .find_map(|line| line.strip_prefix(prefix))
            .and_then(|url| url.find("/verify/").map(|at| url[at..].to_owned()))
            .expect("a verification URL is printed")
    };
    let valid = app
        .get_page(&format!("{}?lang=en", url_after("demo certificate: ")))
        .await;
    assert_eq!(valid.0, 200);
    assert!(valid.1.contains("This certificate is valid."));
    let revoked = app
        .get_page(&format!(
            "{}?lang=en",
            url_after("demo revoked certificate: ")
        ))
        .await
        .1;
    assert!(revoked.contains("This certificate has been revoked."));
    let classes: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    let classes = classes.as_array().expect("array");
    assert_eq!(classes.len(), 7);
    for region in ["abu-dhabi", "eastern", "western"] {
        assert!(
            classes.iter().any(|c| c["region"] == region),
            "a class in {region}"
        );
    }
    assert!(
        classes.iter().any(|c| c["period"] == "evening")
            && classes.iter().any(|c| c["period"] == "morning")
    );
    assert!(classes.iter().any(|c| c["audience"] == "women"));
    assert!(
        classes
            .iter()
            .any(|c| c["seats_left"] == 0 && c["waitlisted"] == 1),
        "one class is full with a wait-list"
    );

    // The demo trainee can sign in and sees their class.
    let login = logins
        .iter()
        .find(|line| line.contains("784-1985"))
        .expect("Mariam");
    let parts: Vec<&str> = login.split(' ').collect();
    let browser = app.browser();
    assert_eq!(
        browser.sign_in(parts[3], parts[4]).await.status().as_u16(),
        303
    );
    // Her class ended last week; once it is settled (the sweeper's work)
    // her page says she completed it, and she may sit the exam at once.
    ecitizen::jobs::sweeper::run_once(&app.db, &app.clock)
        .await
        .expect("swept");
    let me = browser.get_page("/me?lang=en").await.1;
    assert!(
        me.contains("has ended:") && me.contains("Completed") && me.contains("attempts left"),
        "{me}"
    );
    let pin = facts
        .iter()
        .find_map(|line| line.strip_prefix("demo sitting: cohort "))
        .and_then(|rest| rest.split_once(" pin "))
        .map(|(_, pin)| pin.to_owned())
        .expect("a PIN");
    let started = browser.post_form("/me/exam", &[("pin", &pin)]).await;
    assert_eq!(
        started.status().as_u16(),
        303,
        "the demo trainee starts at once"
    );

    // Seeding again adds nothing.
    ecitizen::demo::seed(&app.db, &app.settings)
        .await
        .expect("seeded again");
    let again: serde_json::Value = app.get("/cohorts.json").await.json().await.expect("json");
    assert_eq!(again.as_array().expect("array").len(), 7);
}
