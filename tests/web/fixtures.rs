//! Venues, classes and trainees made straight in the database, so class
//! tests start from the situation they are about.

use chrono::{NaiveDate, NaiveTime};
use ecitizen::db::DbError;
use ecitizen::db::models::cohort::CohortFields;
use ecitizen::db::models::course::{self, Course};
use ecitizen::db::models::region::Town;
use ecitizen::db::models::user::{NewUser, User};
use ecitizen::db::models::venue::{Venue, VenueFields};

use crate::helpers::TestApp;
use crate::people::Browser;
use ecitizen::domain::cohort::{Audience, CohortStatus, PartnerKind, Period, TeachingLanguage};
use ecitizen::domain::person::Role;

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

/// A venue in `town` (a town code) with `seats`.
pub async fn venue(app: &TestApp, town: &'static str, name_en: &'static str, seats: i32) -> i32 {
    let now = app.clock.now().naive_utc();
    app.db
        .write(move |conn| {
            let towns = Town::all(conn)?;
            let town_id = towns
                .iter()
                .find(|t| t.code == town)
                .expect("reference town")
                .id;
            let fields = VenueFields {
                town_id,
                name_ar: "مركز التدريب".to_owned(),
                name_en: name_en.to_owned(),
                partner_kind: PartnerKind::School,
                address_ar: "شارع 1".to_owned(),
                address_en: "Street 1".to_owned(),
                seats,
            };
            Ok::<_, DbError>(Venue::insert(conn, &fields, now)?)
        })
        .await
        .expect("venue inserted")
}

/// A class at `venue_id` starting Monday 9 March 2026 (a week after the
/// test clock's "now"), morning, ten weekday sessions, capacity 20, open for
/// enrolment from February until the day before it starts.
pub fn class_fields(venue_id: i32) -> CohortFields {
    CohortFields {
        course_id: 0,
        venue_id,
        period: Period::Morning,
        starts_time: NaiveTime::from_hms_opt(9, 0, 0).expect("time"),
        ends_time: NaiveTime::from_hms_opt(12, 0, 0).expect("time"),
        teaching_language: TeachingLanguage::Arabic,
        audience: Audience::All,
        start_date: date("2026-03-09"),
        weekdays: "1,2,3,4,5".to_owned(),
        session_count: 10,
        capacity: 20,
        trainer_id: None,
        enrol_opens: date("2026-02-01"),
        enrol_closes: date("2026-03-08"),
        status: CohortStatus::Open,
    }
}

/// Creates a class of the e-Citizen course (unless `fields.course_id` is set).
pub async fn class(app: &TestApp, mut fields: CohortFields) -> i32 {
    let now = app.clock.now();
    app.db
        .write(move |conn| {
            if fields.course_id == 0 {
                fields.course_id = Course::by_code(conn, course::ECITIZEN)?.expect("course").id;
            }
            ecitizen::ops::classes::create(conn, &fields, now)
        })
        .await
        .expect("class created")
}

/// A trainee of `gender`, signed in (without the login form) in a browser.
pub async fn trainee(app: &TestApp, name: &str, gender: &'static str) -> (i32, Browser) {
    let hash = shared_hash();
    let now = app.clock.now().naive_utc();
    let email = format!("{}@example.ae", name.to_lowercase().replace(' ', "."));
    let id = app
        .db
        .write(move |conn| {
            Ok::<_, DbError>(User::insert(
                conn,
                &NewUser {
                    role: Role::Trainee,
                    full_name_ar: "متدرب",
                    full_name_en: "Trainee",
                    email: Some(&email),
                    emirates_id: None,
                    date_of_birth: Some(date("1990-01-01")),
                    gender: Some(gender),
                    mobile: Some("+971501234567"),
                    target_group: Some("other"),
                    town_id: None,
                    channel: Some("other"),
                    password_hash: &hash,
                    must_change_password: false,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?)
        })
        .await
        .expect("trainee inserted");
    let browser = app.browser();
    browser.adopt_session(app, id).await;
    (id, browser)
}

/// One argon2 hash for every fixture trainee (hashing is slow on purpose).
fn shared_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        ecitizen::auth::password::hash_blocking("walnut orbit lantern 58").expect("hash")
    })
    .clone()
}

/// (enrolled, wait-listed) trainee ids of a class, in queue order.
pub async fn places(app: &TestApp, cohort_id: i32) -> (Vec<i32>, Vec<i32>) {
    use ecitizen::db::models::enrollment::Enrollment;
    use ecitizen::domain::enrollment::EnrollmentStatus;
    app.db
        .read(move |conn| {
            let ids = |places: Vec<Enrollment>| {
                places
                    .into_iter()
                    .map(|place| place.trainee_id)
                    .collect::<Vec<_>>()
            };
            Ok::<_, DbError>((
                ids(Enrollment::of_cohort(
                    conn,
                    cohort_id,
                    EnrollmentStatus::Enrolled,
                )?),
                ids(Enrollment::of_cohort(
                    conn,
                    cohort_id,
                    EnrollmentStatus::Waitlisted,
                )?),
            ))
        })
        .await
        .expect("places")
}

/// How many enrolment rows exist at all.
pub async fn enrollment_rows(app: &TestApp) -> i64 {
    app.db
        .read(|conn| {
            use diesel::prelude::*;
            Ok::<_, DbError>(
                ecitizen::db::schema::enrollments::table
                    .count()
                    .get_result(conn)?,
            )
        })
        .await
        .expect("count")
}

/// Small conveniences on class fields.
pub trait CohortFieldsExt {
    fn with_capacity(self, capacity: i32) -> Self;
}

impl CohortFieldsExt for CohortFields {
    fn with_capacity(mut self, capacity: i32) -> Self {
        self.capacity = capacity;
        self
    }
}
