//! The generated trainees: names from common Emirati first and family
//! names, a birth date and the Emirates ID that carries its year, who they
//! are and how they heard of the programme, weighted roughly as the
//! programme's audience.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rand::Rng;
use rand::seq::IndexedRandom;

use super::plan::{EMAIL_DOMAIN, Reference, TownRef};
use super::rows::UserRow;
use crate::domain::emirates_id::check_digit;
use crate::domain::person::{Channel, Role, TargetGroup};

/// Generated Emirates ID numbers are `784-YYYY-9NNNNNN-C`: the serial's
/// leading 9 keeps them apart from the demo people's.
const SERIAL_BASE: usize = 9_000_000;

/// Generated people's names: (Arabic, English) pairs.
const WOMEN: &[(&str, &str)] = &[
    ("مريم", "Mariam"),
    ("فاطمة", "Fatima"),
    ("عائشة", "Aisha"),
    ("موزة", "Mouza"),
    ("شما", "Shamma"),
    ("حصة", "Hessa"),
    ("نورة", "Noura"),
    ("سلامة", "Salama"),
    ("ميثاء", "Maitha"),
    ("آمنة", "Amna"),
    ("خولة", "Khawla"),
    ("لطيفة", "Latifa"),
];
const MEN: &[(&str, &str)] = &[
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("خليفة", "Khalifa"),
    ("سعيد", "Saeed"),
    ("راشد", "Rashid"),
    ("سلطان", "Sultan"),
    ("حمدان", "Hamdan"),
    ("عبدالله", "Abdullah"),
    ("علي", "Ali"),
    ("سالم", "Salem"),
    ("خالد", "Khaled"),
    ("عمر", "Omar"),
];
const FAMILIES: &[(&str, &str)] = &[
    ("الكعبي", "Al Kaabi"),
    ("المنصوري", "Al Mansoori"),
    ("الظاهري", "Al Dhaheri"),
    ("النعيمي", "Al Nuaimi"),
    ("الشامسي", "Al Shamsi"),
    ("المزروعي", "Al Mazrouei"),
    ("الهاملي", "Al Hameli"),
    ("العامري", "Al Ameri"),
    ("السويدي", "Al Suwaidi"),
    ("القبيسي", "Al Qubaisi"),
    ("الرميثي", "Al Romaithi"),
    ("المهيري", "Al Muhairi"),
];

/// Who the trainee is, weighted roughly as the programme's audience.
const GROUPS: &[(TargetGroup, u32)] = &[
    (TargetGroup::Homemaker, 25),
    (TargetGroup::Parent, 20),
    (TargetGroup::JobSeeker, 15),
    (TargetGroup::GovernmentEmployee, 15),
    (TargetGroup::Student, 15),
    (TargetGroup::SpecialNeeds, 3),
    (TargetGroup::Other, 7),
];
const CHANNELS: &[(Channel, u32)] = &[
    (Channel::School, 30),
    (Channel::FamilyDevelopment, 25),
    (Channel::University, 15),
    (Channel::Employer, 10),
    (Channel::Media, 10),
    (Channel::FriendsFamily, 8),
    (Channel::Other, 2),
];

fn weighted<T: Copy>(choices: &[(T, u32)], rng: &mut impl Rng) -> T {
    let total: u32 = choices.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (choice, weight) in choices {
        if pick < *weight {
            return *choice;
        }
        pick -= weight;
    }
    choices[0].0
}

/// A generated trainee's Emirates ID: birth year and a serial from their
/// global number.
pub fn emirates_id(year: i32, number: usize) -> String {
    let serial = SERIAL_BASE + number;
    let first = format!("784{year:04}{serial:07}");
    format!("784-{year:04}-{serial:07}-{}", check_digit(&first))
}

/// The trainee numbered `number`, registered at `at`.
pub(super) fn trainee(
    reference: &Reference,
    town: &TownRef,
    number: usize,
    at: NaiveDateTime,
    id: i32,
    rng: &mut impl Rng,
) -> UserRow {
    let female = rng.random_bool(0.6);
    let (first_ar, first_en) = *(if female { WOMEN } else { MEN })
        .choose(rng)
        .unwrap_or(&("مريم", "Mariam"));
    let (father_ar, father_en) = *MEN.choose(rng).unwrap_or(&("محمد", "Mohammed"));
    let (family_ar, family_en) = *FAMILIES.choose(rng).unwrap_or(&("الكعبي", "Al Kaabi"));
    let born = NaiveDate::from_ymd_opt(
        rng.random_range(1960..=2008),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
    .unwrap_or_default();
    let group = weighted(GROUPS, rng);
    UserRow {
        id,
        role: Role::Trainee,
        full_name_ar: format!("{first_ar} {father_ar} {family_ar}"),
        full_name_en: format!("{first_en} {father_en} {family_en}"),
        email: rng
            .random_bool(0.6)
            .then(|| format!("trainee{number}@{EMAIL_DOMAIN}")),
        emirates_id: Some(emirates_id(born.year(), number)),
        date_of_birth: Some(born),
        gender: Some(if female { "female" } else { "male" }.to_owned()),
        mobile: Some(format!("+97150{:07}", number % 10_000_000)),
        target_group: Some(group.as_str().to_owned()),
        town_id: Some(town.id),
        channel: Some(weighted(CHANNELS, rng).as_str().to_owned()),
        password_hash: reference.password_hash.clone(),
        must_change_password: false,
        active: true,
        created_at: at,
        updated_at: at,
        accommodation_percent: if group == TargetGroup::SpecialNeeds {
            25
        } else {
            0
        },
        accommodation_note: None,
    }
}
