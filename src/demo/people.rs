//! The demo's people: staff of every role and trainees from each region,
//! with the passwords printed at start-up.

use chrono::NaiveDate;

use crate::auth::password::hash_blocking;
use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::region::Town;
use crate::db::{Db, DbError};
use crate::domain::email::Email;
use crate::domain::emirates_id::{EmiratesId, check_digit};
use crate::domain::mobile::Mobile;
use crate::domain::person::{ArabicName, Channel, EnglishName, Gender, Role, TargetGroup};
use crate::ops::Actor;
use crate::ops::people::registration::{self, Joined, Registration};
use crate::ops::people::staff::{self, NewStaff, Source};

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

/// A demo trainee as the registration form would submit them, checked by
/// the same rules.
fn registration(person: &Person, facts: &TraineeFacts, towns: &[Town]) -> Option<Registration> {
    Some(Registration {
        name_ar: ArabicName::parse(person.name_ar).ok()?,
        name_en: EnglishName::parse(person.name_en).ok()?,
        emirates_id: EmiratesId::parse(&emirates_id(facts.born.0, facts.serial)).ok()?,
        date_of_birth: NaiveDate::from_ymd_opt(facts.born.0, facts.born.1, facts.born.2)?,
        gender: Gender::parse(facts.gender).ok()?,
        mobile: Mobile::parse(facts.mobile).ok()?,
        email: Some(Email::parse(person.email).ok()?),
        target_group: TargetGroup::parse(facts.target_group).ok()?,
        town_id: towns.iter().find(|town| town.code == facts.town)?.id,
        channel: Channel::parse(facts.channel).ok()?,
    })
}

/// A demo staff member with their known password (not a one-time one).
fn staff_member(person: &Person, hash: &str) -> Option<NewStaff> {
    Some(NewStaff {
        role: person.role,
        name_ar: ArabicName::parse(person.name_ar).ok()?,
        name_en: EnglishName::parse(person.name_en).ok()?,
        email: Email::parse(person.email).ok()?,
        mobile: None,
        password_hash: hash.to_owned(),
        must_change_password: false,
        source: Source::Demo,
    })
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
            // A person seeded before (or an address taken) is left as it is.
            let added = match &person.trainee {
                Some(trainee) => match registration(person, trainee, &towns) {
                    Some(valid) => {
                        registration::add_trainee(conn, &valid, hash, Joined::Demo, now)?.is_ok()
                    }
                    None => false,
                },
                None => match staff_member(person, hash) {
                    Some(valid) => staff::add(conn, &Actor::system(), &valid, now)?.is_ok(),
                    None => false,
                },
            };
            tracing::debug!(email = person.email, added, "demo person");
        }
        Ok::<_, DbError>(facts)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo person passes the rules a real one would, so none is
    /// skipped quietly at seeding.
    #[test]
    fn every_demo_person_is_valid() {
        let towns: Vec<Town> = people()
            .iter()
            .filter_map(|person| person.trainee.as_ref())
            .enumerate()
            .map(|(index, facts)| Town {
                id: i32::try_from(index).unwrap_or_default() + 1,
                region_id: 1,
                code: facts.town.to_owned(),
                name_ar: String::new(),
                name_en: String::new(),
                position: 0,
            })
            .collect();
        for person in people() {
            match &person.trainee {
                Some(facts) => assert!(
                    registration(&person, facts, &towns).is_some(),
                    "{}",
                    person.email
                ),
                None => assert!(staff_member(&person, "hash").is_some(), "{}", person.email),
            }
        }
    }
}
