//! The demo's people: staff of every role and trainees from each region,
//! with the passwords printed at start-up.

use chrono::NaiveDate;

use crate::auth::password::hash_blocking;
use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::audit::Action;
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
pub(super) async fn seed(db: &Db, settings: &Settings) -> Result<Vec<String>, DbError> {
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
    db.write(move |conn| {
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
                    role: person.role,
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
                    action: Action::UserCreate,
                    subject: format!("user:{id}"),
                    details: serde_json::json!({ "role": person.role.as_str(), "source": "demo" }),
                    client_ip: None,
                },
                now,
            )?;
        }
        Ok::<_, DbError>(facts)
    })
    .await
}
