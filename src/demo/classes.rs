//! The demo's venues and the classes over the coming weeks (morning and
//! evening in each region, one for women only, one full with a wait-list),
//! with the demo trainees placed and a class under way that has attendance.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::attendance::Mark;
use crate::domain::cohort::{Audience, CohortStatus, PartnerKind, Period, TeachingLanguage};
use crate::ops::Actor;

/// A demo venue: town code, names and street addresses in both languages,
/// partner kind, seats.
struct DemoVenue {
    town: &'static str,
    name_ar: &'static str,
    name_en: &'static str,
    address_ar: &'static str,
    address_en: &'static str,
    kind: PartnerKind,
    seats: i32,
}

const VENUES: [DemoVenue; 6] = [
    DemoVenue {
        town: "abu-dhabi-city",
        name_ar: "مدرسة الخليج العربي",
        name_en: "Arabian Gulf School",
        address_ar: "شارع الخليج العربي، البطين، أبوظبي",
        address_en: "Al Khaleej Al Arabi Street, Al Bateen, Abu Dhabi",
        kind: PartnerKind::School,
        seats: 24,
    },
    DemoVenue {
        town: "al-ain",
        name_ar: "مركز التنمية الأسرية - العين",
        name_en: "Family Development Centre, Al Ain",
        address_ar: "شارع زايد بن سلطان، المطوع، العين",
        address_en: "Zayed bin Sultan Street, Al Mutawaa, Al Ain",
        kind: PartnerKind::FamilyDevelopment,
        seats: 20,
    },
    DemoVenue {
        town: "al-hayer",
        name_ar: "مدرسة الهير",
        name_en: "Al Hayer School",
        address_ar: "الشارع الرئيسي، الهير",
        address_en: "Main Street, Al Hayer",
        kind: PartnerKind::School,
        seats: 16,
    },
    DemoVenue {
        town: "al-wagan",
        name_ar: "مركز الوقن المجتمعي",
        name_en: "Al Wagan Community Centre",
        address_ar: "بجوار مسجد الوقن، الوقن",
        address_en: "Next to Al Wagan Mosque, Al Wagan",
        kind: PartnerKind::Government,
        seats: 2,
    },
    DemoVenue {
        town: "madinat-zayed",
        name_ar: "كليات التقنية العليا - مدينة زايد",
        name_en: "Higher Colleges of Technology, Madinat Zayed",
        address_ar: "شارع الظفرة، مدينة زايد",
        address_en: "Al Dhafra Street, Madinat Zayed",
        kind: PartnerKind::AppliedResearch,
        seats: 20,
    },
    DemoVenue {
        town: "al-sila",
        name_ar: "مركز التنمية الأسرية - السلع",
        name_en: "Family Development Centre, Al Sila",
        address_ar: "شارع السلع الرئيسي، السلع",
        address_en: "Al Sila Main Street, Al Sila",
        kind: PartnerKind::FamilyDevelopment,
        seats: 12,
    },
];

/// Venues and classes over the coming weeks, with the demo trainees
/// enrolled, and the demo's history. Skipped when venues already exist.
pub(super) async fn seed(db: &Db, settings: &Settings) -> Result<Vec<String>, DbError> {
    use crate::db::models::course::{self, Course};
    use crate::db::models::venue::Venue;
    use chrono::{Datelike, Duration};

    let now = settings.clock.now();
    let settings = settings.clone();
    db.write(move |conn| {
        if !Venue::all(conn)?.is_empty() {
            return Ok::<_, DbError>(Vec::new());
        }
        let Some(course) = Course::by_code(conn, course::ECITIZEN)? else {
            return Ok(Vec::new());
        };
        add_national_day(conn, now)?;
        let venue_ids = add_venues(conn, db_now(now))?;
        let users = User::search(conn, "", None, 1000, 0)?;
        let user = |email: &str| {
            users
                .iter()
                .find(|u| u.email.as_deref() == Some(email))
                .map(|u| u.id)
        };
        let today = crate::domain::time::uae_today(now);
        // Next Monday, so classes start on a full week.
        let next_monday =
            today + Duration::days(i64::from(7 - today.weekday().num_days_from_monday()));
        let cohorts = add_classes(conn, &user, course.id, &venue_ids, next_monday, now)?;
        place_trainees(conn, &user, &cohorts, now)?;
        mark_class_under_way(conn, &user, course.id, cohorts.get(2).copied(), now)?;
        let mut facts: Vec<String> = cohorts
            .iter()
            .map(|id| format!("demo class: /cohorts/{id}"))
            .collect();
        let venue = venue_ids.get(1).copied();
        facts.extend(super::history::seed_exam_day(
            conn,
            &user,
            course.id,
            venue,
            next_monday,
            now,
        )?);
        facts.extend(super::history::seed_graduates(
            conn,
            &settings,
            &user,
            course.id,
            venue,
            next_monday,
            now,
        )?);
        Ok(facts)
    })
    .await
}

/// UAE National Day (Eid Al Etihad), this year and next: no sessions.
fn add_national_day(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<(), DbError> {
    use crate::db::models::holiday::NewHoliday;
    use chrono::Datelike;

    for year in [now.year(), now.year() + 1] {
        for day in [2, 3] {
            let Some(day) = chrono::NaiveDate::from_ymd_opt(year, 12, day) else {
                continue;
            };
            let holiday = NewHoliday {
                day,
                name_ar: "عيد الاتحاد".to_owned(),
                name_en: "Eid Al Etihad (National Day)".to_owned(),
            };
            // A day that is a holiday already stays as it is.
            let _ = crate::ops::holidays::add(conn, &Actor::system(), &holiday, db_now(now))?;
        }
    }
    Ok(())
}

/// The venues of [`VENUES`], in order.
fn add_venues(conn: &mut DbConnection, at: NaiveDateTime) -> Result<Vec<i32>, DbError> {
    use crate::db::models::venue::VenueFields;

    let towns = Town::all(conn)?;
    let mut venue_ids = Vec::new();
    for venue in VENUES {
        let Some(town) = towns.iter().find(|t| t.code == venue.town) else {
            continue;
        };
        let fields = VenueFields {
            town_id: town.id,
            name_ar: venue.name_ar.to_owned(),
            name_en: venue.name_en.to_owned(),
            partner_kind: venue.kind,
            address_ar: venue.address_ar.to_owned(),
            address_en: venue.address_en.to_owned(),
            seats: venue.seats,
        };
        venue_ids.push(crate::ops::venues::add(
            conn,
            &Actor::system(),
            &fields,
            at,
        )?);
    }
    Ok(venue_ids)
}

const ALAIN: &str = "trainer.alain@ecitizen.demo";
const DHAFRA: &str = "trainer.dhafra@ecitizen.demo";

/// The demo's classes: (venue index, period, audience, weeks from next
/// Monday, capacity, trainer). The third has been under way since last
/// week, so it has attendance.
const CLASSES: [(usize, Period, Audience, i64, i32, &str); 7] = [
    (0, Period::Morning, Audience::All, 0, 20, ALAIN),
    (0, Period::Evening, Audience::All, 1, 20, ALAIN),
    (1, Period::Morning, Audience::Women, -1, 18, ALAIN),
    (2, Period::Evening, Audience::All, 2, 16, ALAIN),
    (3, Period::Evening, Audience::All, 0, 2, DHAFRA),
    (4, Period::Morning, Audience::All, 1, 20, DHAFRA),
    (5, Period::Evening, Audience::All, 0, 12, DHAFRA),
];

/// Seven published classes around next Monday, through `ops::classes`.
fn add_classes(
    conn: &mut DbConnection,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    venue_ids: &[i32],
    next_monday: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, DbError> {
    use crate::db::models::cohort::CohortFields;
    use chrono::Duration;

    let today = crate::domain::time::uae_today(now);
    let mut cohorts = Vec::new();
    for (venue, period, audience, weeks, capacity, trainer) in CLASSES {
        let Some(&venue_id) = venue_ids.get(venue) else {
            continue;
        };
        let (starts, ends) = period.default_hours();
        let start = next_monday + Duration::weeks(weeks);
        let fields = CohortFields {
            course_id,
            venue_id,
            period,
            starts_time: starts,
            ends_time: ends,
            teaching_language: TeachingLanguage::Arabic,
            audience,
            start_date: start,
            weekdays: crate::domain::cohort::Weekdays::working_week().to_string(),
            session_count: crate::domain::programme::DAILY_SESSIONS,
            capacity,
            trainer_id: user(trainer),
            enrol_opens: today - Duration::days(21),
            enrol_closes: start - Duration::days(1),
            status: CohortStatus::Open,
        };
        cohorts.push(crate::ops::classes::create(conn, &fields, now)?);
    }
    Ok(cohorts)
}

/// The demo trainees' places, given as a registrar would, so the demo
/// works whatever the date.
fn place_trainees(
    conn: &mut DbConnection,
    user: &dyn Fn(&str) -> Option<i32>,
    cohorts: &[i32],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    use crate::ops::classes::{self, Asker};

    // (trainee e-mail, class index)
    let places = [
        ("ahmed@ecitizen.demo", 1),
        ("fatima@ecitizen.demo", 2),
        ("saeed@ecitizen.demo", 4),
        ("hamdan@ecitizen.demo", 4),
        ("noura@ecitizen.demo", 4),
        ("aisha@ecitizen.demo", 6),
    ];
    for (email, class) in places {
        if let (Some(trainee), Some(&cohort)) = (user(email), cohorts.get(class)) {
            let _ = classes::enrol(
                conn,
                cohort,
                trainee,
                Asker::Registrar { note: "demo" },
                now,
            )?;
        }
    }
    Ok(())
}

/// Attendance for the sessions already held in the class under way:
/// Fatima misses three (below 80 %).
fn mark_class_under_way(
    conn: &mut DbConnection,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    running: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    use crate::db::models::attendance::AttendanceMark;
    use crate::db::models::class_session::ClassSession;
    use crate::db::models::enrollment::Enrollment;

    let (Some(running), Some(trainer)) = (running, user(ALAIN)) else {
        return Ok(());
    };
    let at = db_now(now);
    let held: Vec<_> = ClassSession::of_cohort(conn, running)?
        .into_iter()
        .filter(|session| session.ends_at <= at && !session.is_cancelled())
        .collect();
    let absent_from = 1;
    let Some(trainee) = user("fatima@ecitizen.demo") else {
        return Ok(());
    };
    let Some(place) = Enrollment::active_in_course(conn, trainee, course_id)? else {
        return Ok(());
    };
    for (index, session) in held.iter().enumerate() {
        let mark = if (absent_from..absent_from + 3).contains(&index) {
            Mark::Absent
        } else if index == 0 {
            Mark::Late
        } else {
            Mark::Present
        };
        AttendanceMark::set(conn, session.id, place.id, mark, trainer, at)?;
    }
    Ok(())
}
