//! Demo data for `serve --demo` / `seed --demo`: people (and, as features
//! land, classes) to try the platform with. Each fact is returned as one
//! printable line (`demo login: <role> <login> <password>`, DESIGN.md
//! section 6). Seeding twice adds nothing new.

use chrono::NaiveDate;

use crate::auth::password::hash_blocking;
use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::audit::{self, Event};
use crate::db::models::region::Town;
use crate::db::models::user::{NewUser, User};
use crate::db::{Db, DbError};
use crate::domain::emirates_id::check_digit;
use crate::domain::person::Role;

/// A demo person. Trainees sign in with their Emirates ID, staff with e-mail.
struct Person {
    role: Role,
    name_ar: &'static str,
    name_en: &'static str,
    email: &'static str,
    password: &'static str,
    trainee: Option<TraineeFacts>,
}

struct TraineeFacts {
    born: (i32, u32, u32),
    serial: &'static str,
    gender: &'static str,
    mobile: &'static str,
    target_group: &'static str,
    town: &'static str,
    channel: &'static str,
}

fn people() -> Vec<Person> {
    let staff = |role, name_ar, name_en, email, password| Person {
        role,
        name_ar,
        name_en,
        email,
        password,
        trainee: None,
    };
    let trainee = |name_ar, name_en, email, password, facts| Person {
        role: Role::Trainee,
        name_ar,
        name_en,
        email,
        password,
        trainee: Some(facts),
    };
    vec![
        staff(
            Role::Admin,
            "سالم الكعبي",
            "Salem Al Kaabi",
            "admin@ecitizen.demo",
            "falcon-orchard-2026",
        ),
        staff(
            Role::Registrar,
            "ميثاء النعيمي",
            "Maitha Al Nuaimi",
            "registrar@ecitizen.demo",
            "pearl-lantern-5821",
        ),
        staff(
            Role::Trainer,
            "خالد الظاهري",
            "Khalid Al Dhaheri",
            "trainer.alain@ecitizen.demo",
            "oasis-compass-7314",
        ),
        staff(
            Role::Trainer,
            "شيخة المنصوري",
            "Shaikha Al Mansoori",
            "trainer.dhafra@ecitizen.demo",
            "dune-harbour-4096",
        ),
        trainee(
            "مريم الشامسي",
            "Mariam Al Shamsi",
            "mariam@ecitizen.demo",
            "jasmine-river-3380",
            TraineeFacts {
                born: (1985, 4, 23),
                serial: "4821937",
                gender: "female",
                mobile: "+971501234501",
                target_group: "homemaker",
                town: "al-ain",
                channel: "family-development",
            },
        ),
        trainee(
            "أحمد البلوشي",
            "Ahmed Al Balushi",
            "ahmed@ecitizen.demo",
            "copper-garden-9052",
            TraineeFacts {
                born: (1992, 11, 2),
                serial: "1093846",
                gender: "male",
                mobile: "+971521234502",
                target_group: "job-seeker",
                town: "abu-dhabi-city",
                channel: "media",
            },
        ),
        trainee(
            "فاطمة الهاملي",
            "Fatima Al Hameli",
            "fatima@ecitizen.demo",
            "saffron-window-6617",
            TraineeFacts {
                born: (1978, 2, 14),
                serial: "5564120",
                gender: "female",
                mobile: "+971551234503",
                target_group: "parent",
                town: "madinat-zayed",
                channel: "school",
            },
        ),
        trainee(
            "سعيد الكتبي",
            "Saeed Al Ketbi",
            "saeed@ecitizen.demo",
            "marble-kite-2749",
            TraineeFacts {
                born: (1969, 7, 30),
                serial: "7738291",
                gender: "male",
                mobile: "+971561234504",
                target_group: "government-employee",
                town: "al-hayer",
                channel: "employer",
            },
        ),
        trainee(
            "عائشة الرميثي",
            "Aisha Al Romaithi",
            "aisha@ecitizen.demo",
            "velvet-summit-8105",
            TraineeFacts {
                born: (2004, 9, 9),
                serial: "2210573",
                gender: "female",
                mobile: "+971581234505",
                target_group: "special-needs",
                town: "al-sila",
                channel: "friends-family",
            },
        ),
        trainee(
            "حمدان المزروعي",
            "Hamdan Al Mazrouei",
            "hamdan@ecitizen.demo",
            "harbor-almond-4471",
            TraineeFacts {
                born: (1988, 5, 17),
                serial: "3345781",
                gender: "male",
                mobile: "+971501234506",
                target_group: "job-seeker",
                town: "al-wagan",
                channel: "media",
            },
        ),
        trainee(
            "نورة السويدي",
            "Noura Al Suwaidi",
            "noura@ecitizen.demo",
            "meadow-lantern-6690",
            TraineeFacts {
                born: (1995, 12, 1),
                serial: "6612093",
                gender: "female",
                mobile: "+971521234507",
                target_group: "student",
                town: "al-sila",
                channel: "university",
            },
        ),
        // Graduates of a class that has finished, with certificates.
        trainee(
            "خليفة الزعابي",
            "Khalifa Al Zaabi",
            "khalifa@ecitizen.demo",
            "cedar-lighthouse-5130",
            TraineeFacts {
                born: (1981, 3, 12),
                serial: "4450918",
                gender: "male",
                mobile: "+971501234508",
                target_group: "government-employee",
                town: "al-ain",
                channel: "employer",
            },
        ),
        trainee(
            "موزة القبيسي",
            "Mouza Al Qubaisi",
            "mouza@ecitizen.demo",
            "amber-meadow-2217",
            TraineeFacts {
                born: (1990, 8, 25),
                serial: "8120364",
                gender: "female",
                mobile: "+971551234509",
                target_group: "parent",
                town: "al-ain",
                channel: "family-development",
            },
        ),
    ]
}

fn emirates_id(year: i32, serial: &str) -> String {
    let first = format!("784{year}{serial}");
    format!("784-{year}-{serial}-{}", check_digit(&first))
}

/// Adds the demo people that do not exist yet and describes everyone.
pub async fn seed(db: &Db, settings: &Settings) -> Result<Vec<String>, DbError> {
    let now = db_now(settings.clock.now());
    let people = people();
    // Hash outside the write transaction: it is the slow part.
    let hashed: Vec<(Person, String)> = actix_web::web::block(move || {
        people
            .into_iter()
            .map(|person| {
                let hash = hash_blocking(person.password).unwrap_or_default();
                (person, hash)
            })
            .collect()
    })
    .await
    .map_err(|_| DbError::Cancelled)?;
    let mut facts = db.write(move |conn| {
        let towns = Town::all(conn)?;
        let mut facts = Vec::new();
        for (person, hash) in &hashed {
            let eid = person
                .trainee
                .as_ref()
                .map(|facts| emirates_id(facts.born.0, facts.serial));
            let login = eid.clone().unwrap_or_else(|| person.email.to_owned());
            facts.push(format!(
                "demo login: {} {login} {}",
                person.role.as_str(),
                person.password
            ));
            if User::email_taken(conn, person.email)? {
                continue;
            }
            let trainee = person.trainee.as_ref();
            let id = User::insert(
                conn,
                &NewUser {
                    role: person.role.as_str(),
                    full_name_ar: person.name_ar,
                    full_name_en: person.name_en,
                    email: Some(person.email),
                    emirates_id: eid.as_deref(),
                    date_of_birth: trainee.and_then(|facts| {
                        NaiveDate::from_ymd_opt(facts.born.0, facts.born.1, facts.born.2)
                    }),
                    gender: trainee.map(|facts| facts.gender),
                    mobile: trainee.map(|facts| facts.mobile),
                    target_group: trainee.map(|facts| facts.target_group),
                    town_id: trainee
                        .and_then(|facts| towns.iter().find(|town| town.code == facts.town))
                        .map(|town| town.id),
                    channel: trainee.map(|facts| facts.channel),
                    password_hash: hash,
                    must_change_password: false,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            audit::append(
                conn,
                &Event {
                    actor_id: None,
                    action: "user.create",
                    subject: format!("user:{id}"),
                    details: serde_json::json!({ "role": person.role.as_str(), "source": "demo" }),
                    client_ip: None,
                },
                now,
            )?;
        }
        Ok::<_, DbError>(facts)
    })
    .await?;
    facts.extend(seed_classes(db, settings).await?);
    Ok(facts)
}

/// A demo venue: town code, names, partner kind, seats.
const VENUES: [(&str, &str, &str, &str, i32); 6] = [
    (
        "abu-dhabi-city",
        "مدرسة الخليج العربي",
        "Arabian Gulf School",
        "school",
        24,
    ),
    (
        "al-ain",
        "مركز التنمية الأسرية - العين",
        "Family Development Centre, Al Ain",
        "family-development",
        20,
    ),
    ("al-hayer", "مدرسة الهير", "Al Hayer School", "school", 16),
    (
        "al-wagan",
        "مركز الوقن المجتمعي",
        "Al Wagan Community Centre",
        "government",
        2,
    ),
    (
        "madinat-zayed",
        "كليات التقنية العليا - مدينة زايد",
        "Higher Colleges of Technology, Madinat Zayed",
        "applied-research",
        20,
    ),
    (
        "al-sila",
        "مركز التنمية الأسرية - السلع",
        "Family Development Centre, Al Sila",
        "family-development",
        12,
    ),
];

/// Venues and classes over the coming weeks (morning and evening in each
/// region, one for women only, one full with a wait-list), with the demo
/// trainees enrolled. Skipped when venues already exist.
async fn seed_classes(db: &Db, settings: &Settings) -> Result<Vec<String>, DbError> {
    use crate::db::models::cohort::CohortFields;
    use crate::db::models::course::{self, Course};
    use crate::db::models::holiday::{Holiday, NewHoliday};
    use crate::db::models::venue::{Venue, VenueFields};
    use crate::ops::classes::{self, Asker};
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
        // UAE National Day (Eid Al Etihad), this year and next: no sessions.
        for year in [now.year(), now.year() + 1] {
            for day in [2, 3] {
                if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, 12, day)
                    && !Holiday::exists_on(conn, date)?
                {
                    let name_ar = "عيد الاتحاد".to_owned();
                    let name_en = "Eid Al Etihad (National Day)".to_owned();
                    Holiday::insert(
                        conn,
                        &NewHoliday {
                            day: date,
                            name_ar,
                            name_en,
                        },
                    )?;
                }
            }
        }
        let towns = Town::all(conn)?;
        let at = db_now(now);
        let mut venue_ids = Vec::new();
        for (town, name_ar, name_en, kind, seats) in VENUES {
            let Some(town) = towns.iter().find(|t| t.code == town) else {
                continue;
            };
            let fields = VenueFields {
                town_id: town.id,
                name_ar: name_ar.to_owned(),
                name_en: name_en.to_owned(),
                partner_kind: kind.to_owned(),
                address: format!("{name_en}, {}", town.name_en),
                seats,
            };
            venue_ids.push(Venue::insert(conn, &fields, at)?);
        }
        let users = User::search(conn, "", None, 1000, 0)?;
        let user = |email: &str| {
            users
                .iter()
                .find(|u| u.email.as_deref() == Some(email))
                .map(|u| u.id)
        };
        let today = crate::domain::schedule::uae_today(now);
        // Next Monday, so classes start on a full week.
        let next_monday =
            today + Duration::days(i64::from(7 - today.weekday().num_days_from_monday()));
        let (morning, evening) = (
            crate::domain::cohort::Period::Morning.default_hours(),
            crate::domain::cohort::Period::Evening.default_hours(),
        );
        // (venue index, period, audience, weeks from next Monday, capacity, trainer)
        let plan: [(usize, bool, &str, i64, i32, &str); 7] = [
            (0, true, "all", 0, 20, "trainer.alain@ecitizen.demo"),
            (0, false, "all", 1, 20, "trainer.alain@ecitizen.demo"),
            // Under way since last week, so it has attendance.
            (1, true, "women", -1, 18, "trainer.alain@ecitizen.demo"),
            (2, false, "all", 2, 16, "trainer.alain@ecitizen.demo"),
            (3, false, "all", 0, 2, "trainer.dhafra@ecitizen.demo"),
            (4, true, "all", 1, 20, "trainer.dhafra@ecitizen.demo"),
            (5, false, "all", 0, 12, "trainer.dhafra@ecitizen.demo"),
        ];
        let mut cohorts = Vec::new();
        for (venue, is_morning, audience, weeks, capacity, trainer) in plan {
            let Some(&venue_id) = venue_ids.get(venue) else {
                continue;
            };
            let (starts, ends) = if is_morning { morning } else { evening };
            let start = next_monday + Duration::weeks(weeks);
            let fields = CohortFields {
                course_id: course.id,
                venue_id,
                period: if is_morning { "morning" } else { "evening" }.to_owned(),
                starts_time: starts,
                ends_time: ends,
                teaching_language: "ar".to_owned(),
                audience: audience.to_owned(),
                start_date: start,
                weekdays: crate::domain::cohort::Weekdays::working_week().to_string(),
                session_count: crate::domain::programme::DAILY_SESSIONS,
                capacity,
                trainer_id: user(trainer),
                enrol_opens: today - Duration::days(21),
                enrol_closes: start - Duration::days(1),
                status: "open".to_owned(),
            };
            cohorts.push(classes::create(conn, &fields, now)?);
        }
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
                // Placed as a registrar would, so the demo works whatever the date.
                let _ = classes::enrol(
                    conn,
                    cohort,
                    trainee,
                    Asker::Registrar { note: "demo" },
                    now,
                )?;
            }
        }
        // Attendance for the sessions already held in the class under way:
        // Fatima misses three (below 80 %).
        if let (Some(&running), Some(trainer)) =
            (cohorts.get(2), user("trainer.alain@ecitizen.demo"))
        {
            let held: Vec<_> =
                crate::db::models::class_session::ClassSession::of_cohort(conn, running)?
                    .into_iter()
                    .filter(|session| session.ends_at <= at && !session.is_cancelled())
                    .collect();
            for (email, absent_from) in [("fatima@ecitizen.demo", 1)] {
                let Some(trainee) = user(email) else { continue };
                let Some(place) = crate::db::models::enrollment::Enrollment::active_in_course(
                    conn, trainee, course.id,
                )?
                else {
                    continue;
                };
                for (index, session) in held.iter().enumerate() {
                    let mark = if index >= absent_from && index < absent_from.saturating_add(3) {
                        "absent"
                    } else if index == 0 {
                        "late"
                    } else {
                        "present"
                    };
                    crate::db::models::attendance::AttendanceMark::set(
                        conn, session.id, place.id, mark, trainer, at,
                    )?;
                }
            }
        }
        let mut facts: Vec<String> = cohorts
            .iter()
            .map(|id| format!("demo class: /cohorts/{id}"))
            .collect();
        facts.extend(seed_exam_day(
            conn,
            &user,
            course.id,
            venue_ids.get(1).copied(),
            next_monday,
            now,
        )?);
        facts.extend(seed_graduates(
            conn,
            &settings,
            &user,
            course.id,
            venue_ids.get(1).copied(),
            next_monday,
            now,
        )?);
        Ok(facts)
    })
    .await
}

/// A published morning class of ten weekday sessions from `start`, whose
/// enrolment window closed before it began (for classes in the past).
fn past_morning_class(
    course_id: i32,
    venue_id: i32,
    trainer: i32,
    start: NaiveDate,
) -> crate::db::models::cohort::CohortFields {
    let (starts, ends) = crate::domain::cohort::Period::Morning.default_hours();
    crate::db::models::cohort::CohortFields {
        course_id,
        venue_id,
        period: "morning".to_owned(),
        starts_time: starts,
        ends_time: ends,
        teaching_language: "ar".to_owned(),
        audience: "all".to_owned(),
        start_date: start,
        weekdays: crate::domain::cohort::Weekdays::working_week().to_string(),
        session_count: crate::domain::programme::DAILY_SESSIONS,
        capacity: 20,
        trainer_id: Some(trainer),
        enrol_opens: start - chrono::Duration::days(21),
        enrol_closes: start - chrono::Duration::days(1),
        status: "open".to_owned(),
    }
}

/// A class that ended last week, with its exam sitting open now, so a
/// visitor can sit the exam at once as Mariam, who attended every session.
/// The sitting is opened the way a trainer opens one, with the longest
/// window, so it is still open for a while after the demo starts.
fn seed_exam_day(
    conn: &mut crate::db::DbConnection,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    venue_id: Option<i32>,
    next_monday: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<String>, DbError> {
    use crate::db::models::class_session::ClassSession;
    use crate::db::models::cohort::CohortFields;
    use crate::db::models::enrollment::Enrollment;
    use crate::domain::enrollment::EnrollmentStatus;

    let (Some(venue_id), Some(trainer), Some(trainee)) = (
        venue_id,
        user("trainer.alain@ecitizen.demo"),
        user("mariam@ecitizen.demo"),
    ) else {
        return Ok(Vec::new());
    };
    let start = next_monday - chrono::Duration::weeks(3);
    let fields = CohortFields {
        audience: "women".to_owned(),
        capacity: 18,
        ..past_morning_class(course_id, venue_id, trainer, start)
    };
    let cohort = crate::ops::classes::create(conn, &fields, now)?;
    let sessions = ClassSession::of_cohort(conn, cohort)?;
    let queued = sessions
        .first()
        .map_or(db_now(now), |session| session.starts_at)
        - chrono::Duration::days(7);
    let place = Enrollment::insert(
        conn,
        cohort,
        trainee,
        course_id,
        EnrollmentStatus::Enrolled,
        Some("demo"),
        queued,
    )?;
    for (index, session) in sessions.iter().enumerate() {
        let mark = if index == 0 { "late" } else { "present" };
        crate::db::models::attendance::AttendanceMark::set(
            conn,
            session.id,
            place,
            mark,
            trainer,
            session.starts_at,
        )?;
    }
    let actor = crate::db::models::audit::Actor {
        id: Some(trainer),
        client_ip: None,
    };
    let window = Some(*crate::ops::exam::sittings::WINDOW_MINUTES.end());
    let Some(Ok(opened)) =
        crate::ops::exam::sittings::open_in(conn, &actor, cohort, trainer, window, now)?
    else {
        return Ok(Vec::new());
    };
    let pin = crate::db::models::exam::Sitting::find(conn, opened.sitting_id)?
        .map(|sitting| sitting.pin)
        .unwrap_or_default();
    Ok(vec![format!("demo sitting: cohort {cohort} pin {pin}")])
}

/// A class that finished five weeks ago, whose two graduates passed the
/// exam: one certificate issued, one issued and then revoked. Returns the
/// verification URLs to print.
fn seed_graduates(
    conn: &mut crate::db::DbConnection,
    settings: &Settings,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    venue_id: Option<i32>,
    next_monday: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<String>, DbError> {
    use crate::db::models::certificate::Certificate;
    use crate::db::models::class_session::ClassSession;
    use crate::db::models::enrollment::Enrollment;
    use crate::db::models::exam::{Attempt, ExamSettings, Finish, Sitting};
    use crate::domain::enrollment::EnrollmentStatus;

    let (Some(venue_id), Some(trainer), Some(registrar)) = (
        venue_id,
        user("trainer.alain@ecitizen.demo"),
        user("registrar@ecitizen.demo"),
    ) else {
        return Ok(Vec::new());
    };
    let at = db_now(now);
    let start = next_monday - chrono::Duration::weeks(6);
    let fields = past_morning_class(course_id, venue_id, trainer, start);
    let cohort = crate::ops::classes::create(conn, &fields, now)?;
    let sessions = ClassSession::of_cohort(conn, cohort)?;
    let sitting = Sitting::insert(
        conn,
        cohort,
        &crate::domain::exam::pin(&mut rand::rng()),
        trainer,
        at,
        at,
    )?;
    Sitting::close(conn, sitting, at)?;
    let settings_row = ExamSettings::current(conn)?;
    let base = settings.public_url.as_ref().map_or_else(
        || format!("http://{}", settings.bind),
        |url| url.as_str().trim_end_matches('/').to_owned(),
    );
    let mut facts = Vec::new();
    for (index, email) in ["khalifa@ecitizen.demo", "mouza@ecitizen.demo"]
        .into_iter()
        .enumerate()
    {
        let Some(trainee) = user(email) else { continue };
        let queued =
            sessions.first().map_or(at, |session| session.starts_at) - chrono::Duration::days(7);
        let place = Enrollment::insert(
            conn,
            cohort,
            trainee,
            course_id,
            EnrollmentStatus::Enrolled,
            Some("demo"),
            queued,
        )?;
        for session in &sessions {
            crate::db::models::attendance::AttendanceMark::set(
                conn,
                session.id,
                place,
                "present",
                trainer,
                session.starts_at,
            )?;
        }
        let exam_day =
            sessions.last().map_or(at, |session| session.ends_at) + chrono::Duration::days(3);
        let deadline = crate::domain::exam::deadline(exam_day, settings_row.duration_minutes, 0, 0);
        let attempt = Attempt::insert(
            conn,
            sitting,
            place,
            trainee,
            settings_row.id,
            exam_day,
            deadline,
            0,
        )?;
        let score = 89 - 6 * i32::try_from(index).unwrap_or(0);
        let finish = Finish {
            status: crate::domain::exam::AttemptStatus::Submitted,
            reason: None,
            score,
            passed: true,
            blocks: [Some(score), Some(score), Some(score)],
        };
        Attempt::finish(
            conn,
            attempt,
            &finish,
            exam_day + chrono::Duration::minutes(38),
        )?;
        let attempt =
            Attempt::find(conn, attempt)?.ok_or(DbError::Query(diesel::result::Error::NotFound))?;
        let certificate = crate::ops::certificates::create_pending(conn, &attempt, score, now)?;
        crate::ops::certificates::issue(conn, certificate, registrar, now)?;
        let code = Certificate::find(conn, certificate)?
            .and_then(|c| c.code)
            .unwrap_or_default();
        if index == 0 {
            facts.push(format!("demo certificate: {base}/verify/{code}"));
        } else {
            Certificate::revoke(
                conn,
                certificate,
                "Demonstration of a revoked certificate",
                registrar,
                at,
            )?;
            facts.push(format!("demo revoked certificate: {base}/verify/{code}"));
        }
    }
    Ok(facts)
}
