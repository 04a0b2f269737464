//! `ecitizen seed --scale N [--open M]`: adds N generated trainees with
//! three years of history, for benchmarks and reports at programme scale
//! (see [`plan`] for the shape). M of them (2,000 by default) are in
//! classes that ended last week, whose sittings are open now: for each such
//! class it prints `demo sitting: cohort <id> pin <PIN>` followed by a
//! `demo login: trainee <emirates-id> <password>` line per trainee, the way
//! `--demo` prints its facts (DESIGN.md section 6), so a benchmark can sign
//! them in and start their attempts.
//!
//! The rows are written in bulk, a batch of classes per transaction, with
//! ids chosen by the generator; every generated account shares one
//! password hash, computed once. History is written as it stands, without
//! audit entries (no operation makes the past), as the demo's is.

mod class;
mod exam;
mod people;
mod plan;
mod rows;

use std::collections::BTreeMap;
use std::time::Instant;

use diesel::prelude::*;
use rand::SeedableRng;

use crate::config::Settings;
use crate::db::models::course::{Course, ECITIZEN};
use crate::db::models::exam::ExamSettings;
use crate::db::models::holiday::Holiday;
use crate::db::models::question::QuestionOption;
use crate::db::models::region::Region;
use crate::db::schema::{certificate_counters, questions, users};
use crate::db::{Db, DbConnection, DbError, db_now, on_backend};
use crate::domain::cohort::PartnerKind;
use crate::domain::person::Role;
use class::Generator;
use plan::{EMAIL_DOMAIN, QuestionRef, Reference, TownRef, VenueRef};
use rows::{Rows, UserRow};

pub use plan::MAX_TRAINEES;

/// The password of every generated account.
pub const PASSWORD: &str = "Scale#Trainee2026";
/// Classes written per transaction.
const BATCH: usize = 200;
/// Trainees per generated venue of a town (at least one venue each).
const TRAINEES_PER_VENUE: usize = 2_000;
/// Classes a generated trainer teaches over the three years.
const CLASSES_PER_TRAINER: usize = 60;

/// How much to generate.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub trainees: usize,
    /// Of them, in classes whose sitting is open now.
    pub open: usize,
}

/// Why generation did not run.
#[derive(Debug, thiserror::Error)]
pub enum ScaleError {
    #[error("--scale must be between 1 and {MAX_TRAINEES}")]
    TooMany,
    #[error("--open cannot be more than --scale")]
    OpenTooMany,
    #[error("this database already holds generated trainees; start from a fresh one")]
    AlreadyGenerated,
    #[error("the question bank cannot fill the exam's blueprint; seed it first")]
    NoQuestions,
    #[error("cannot hash the shared password: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScaleError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(DbError::Query(err))
    }
}

/// Generates `scale` and returns the facts to print.
pub async fn seed(db: &Db, settings: &Settings, scale: Scale) -> Result<Vec<String>, ScaleError> {
    if scale.trainees == 0 || scale.trainees > MAX_TRAINEES {
        return Err(ScaleError::TooMany);
    }
    if scale.open > scale.trainees {
        return Err(ScaleError::OpenTooMany);
    }
    let started = Instant::now();
    let hash = actix_web::web::block(|| crate::auth::password::hash_blocking(PASSWORD))
        .await
        .map_err(|_| DbError::Cancelled)?
        .map_err(|err| ScaleError::Hash(err.to_string()))?;
    let now = settings.clock.now();
    let (reference, mut facts) = db
        .write(move |conn| prepare(conn, scale, hash, now))
        .await?;
    let (ids, counters) = db
        .read(|conn| Ok::<_, ScaleError>((rows::max_ids(conn)?, counters(conn)?)))
        .await?;
    let classes = plan::classes(&reference, scale.trainees, scale.open);
    let mut generator = Generator {
        reference: &reference,
        ids,
        counters,
        rng: rand::rngs::StdRng::seed_from_u64(u64::try_from(scale.trainees).unwrap_or(0)),
    };
    let mut written = 0;
    for batch in classes.chunks(BATCH) {
        let mut rows = Rows::default();
        for class in batch {
            facts.extend(generator.class(class, &mut rows));
        }
        written += db
            .write(move |conn| rows.insert(conn).map_err(DbError::Query))
            .await?;
    }
    let counters = generator.counters.clone();
    let certificate = db.write(move |conn| finish(conn, &counters)).await?;
    let base = settings.printed_base_url();
    // A graduate first, before any sitting's lines (whose logins follow
    // their sitting): their login and their certificate's address.
    if let Some((code, login)) = certificate {
        facts.splice(
            0..0,
            [
                format!("demo login: trainee {login} {PASSWORD}"),
                format!("demo certificate: {base}/verify/{code}"),
            ],
        );
    }
    facts.push(format!(
        "scale: {} trainees in {} classes, {written} rows, in {:.1} s",
        scale.trainees,
        classes.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(facts)
}

/// Checks the database, adds the generated staff and venues, and reads
/// what generation needs; returns it with the staff's login lines.
fn prepare(
    conn: &mut DbConnection,
    scale: Scale,
    hash: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(Reference, Vec<String>), ScaleError> {
    let generated: i64 = users::table
        .filter(users::email.like(format!("%@{EMAIL_DOMAIN}")))
        .count()
        .get_result(conn)?;
    if generated > 0 {
        return Err(ScaleError::AlreadyGenerated);
    }
    let course = Course::by_code(conn, ECITIZEN)?.ok_or(ScaleError::NoQuestions)?;
    let settings = ExamSettings::current(conn)?;
    let per_block = settings.per_block();
    let questions = question_pools(conn)?;
    if questions
        .iter()
        .zip(per_block)
        .any(|(pool, wanted)| pool.len() < wanted)
    {
        return Err(ScaleError::NoQuestions);
    }
    let at = db_now(now);
    let classes = scale.trainees.div_ceil(18);
    let mut ids = rows::max_ids(conn)?;
    let mut staff = Vec::new();
    let mut facts = Vec::new();
    let trainers = (classes / CLASSES_PER_TRAINER).max(3);
    for (role, number) in
        std::iter::once((Role::Registrar, 0)).chain((1..=trainers).map(|k| (Role::Trainer, k)))
    {
        ids.user += 1;
        let email = format!("{}{number}@{EMAIL_DOMAIN}", role.as_str());
        facts.push(format!("demo login: {} {email} {PASSWORD}", role.as_str()));
        staff.push(staff_row(ids.user, role, number, email, &hash, at));
    }
    on_backend!(&mut *conn, |c| diesel::insert_into(users::table)
        .values(&staff)
        .execute(c))?;
    let towns = towns(conn, scale.trainees, at)?;
    let reference = Reference {
        course_id: course.id,
        course_ar: course.name_ar,
        course_en: course.name_en,
        towns,
        trainers: staff.iter().skip(1).map(|row| row.id).collect(),
        registrar: staff[0].id,
        settings_id: settings.id,
        duration_minutes: settings.duration_minutes,
        pass_percent: settings.pass_percent,
        per_block,
        questions,
        holidays: Holiday::dates(conn)?,
        password_hash: hash,
        password: PASSWORD.to_owned(),
        now,
    };
    // Facts about staff come after the sittings' lines in the output.
    Ok((reference, facts))
}

/// A generated trainer or registrar.
fn staff_row(
    id: i32,
    role: Role,
    number: usize,
    email: String,
    hash: &str,
    at: chrono::NaiveDateTime,
) -> UserRow {
    let (name_ar, name_en) = match role {
        Role::Registrar => (
            "مسجل البيانات المولدة".to_owned(),
            "Generated Registrar".to_owned(),
        ),
        _ => (format!("مدرب {number}"), format!("Trainer {number}")),
    };
    UserRow {
        id,
        role,
        full_name_ar: name_ar,
        full_name_en: name_en,
        email: Some(email),
        emirates_id: None,
        date_of_birth: None,
        gender: None,
        mobile: None,
        target_group: None,
        town_id: None,
        channel: None,
        password_hash: hash.to_owned(),
        must_change_password: false,
        active: true,
        created_at: at,
        updated_at: at,
        accommodation_percent: 0,
        accommodation_note: None,
    }
}

/// The towns with their shares, each with generated venues.
fn towns(
    conn: &mut DbConnection,
    trainees: usize,
    at: chrono::NaiveDateTime,
) -> Result<Vec<TownRef>, ScaleError> {
    let mut towns = Vec::new();
    for (region, in_region) in Region::all_with_towns(conn)? {
        // The regions' shares as the programme reported them, in per mille,
        // spread over the region's towns with the first town the largest.
        let share: usize = match region.code.as_str() {
            "abu-dhabi" => 310,
            "eastern" => 660,
            _ => 30,
        };
        let weights: Vec<usize> = (0..in_region.len())
            .map(|i| if i == 0 { 4 } else { 1 })
            .collect();
        let total: usize = weights.iter().sum::<usize>().max(1);
        for (town, weight) in in_region.iter().zip(weights) {
            let per_mille = (share * weight / total).max(1);
            let count = (trainees * per_mille / 1000 / TRAINEES_PER_VENUE).max(1);
            let mut venues = Vec::new();
            for number in 1..=count {
                let fields = crate::db::models::venue::VenueFields {
                    town_id: town.id,
                    name_ar: format!("مركز {} {number}", town.name_ar),
                    name_en: format!("{} centre {number}", town.name_en),
                    partner_kind: PartnerKind::Other,
                    address_ar: format!("{} (مولّد)", town.name_ar),
                    address_en: format!("{} (generated)", town.name_en),
                    seats: 24,
                };
                let id = crate::db::models::venue::Venue::insert(conn, &fields, at)?;
                venues.push(VenueRef {
                    id,
                    name_ar: fields.name_ar,
                    name_en: fields.name_en,
                });
            }
            towns.push(TownRef {
                id: town.id,
                per_mille,
                region_ar: region.name_ar.clone(),
                region_en: region.name_en.clone(),
                venues,
            });
        }
    }
    Ok(towns)
}

/// The active questions of each block with their options.
fn question_pools(conn: &mut DbConnection) -> Result<[Vec<QuestionRef>; 3], ScaleError> {
    let active: Vec<(i32, i32)> = questions::table
        .filter(questions::active.eq(true))
        .order(questions::id)
        .select((questions::id, questions::block))
        .load(conn)?;
    let ids: Vec<i32> = active.iter().map(|(id, _)| *id).collect();
    let options = QuestionOption::of_questions(conn, &ids)?;
    let mut pools: [Vec<QuestionRef>; 3] = Default::default();
    for (id, block) in active {
        let Some(pool) = usize::try_from(block - 1)
            .ok()
            .and_then(|b| pools.get_mut(b))
        else {
            continue;
        };
        let own = options.iter().filter(|option| option.question_id == id);
        pool.push(QuestionRef {
            id,
            block,
            options: own.clone().map(|option| option.id).collect(),
            correct: own
                .filter(|option| option.correct)
                .map(|option| option.id)
                .collect(),
        });
    }
    Ok(pools)
}

/// Each year's last certificate number so far.
fn counters(conn: &mut DbConnection) -> QueryResult<BTreeMap<i32, i32>> {
    Ok(certificate_counters::table
        .select((
            certificate_counters::year,
            certificate_counters::last_number,
        ))
        .load::<(i32, i32)>(conn)?
        .into_iter()
        .collect())
}

/// Moves the certificate counters and identity sequences past the
/// generated rows; returns one issued generated certificate's code and its
/// holder's login.
fn finish(
    conn: &mut DbConnection,
    counters: &BTreeMap<i32, i32>,
) -> Result<Option<(String, String)>, DbError> {
    use crate::db::schema::certificates;
    for (year, last) in counters {
        rows::raise_counter(conn, *year, *last)?;
    }
    rows::bump_sequences(conn)?;
    let found: Option<(Option<String>, Option<String>)> = certificates::table
        .inner_join(users::table.on(users::id.eq(certificates::trainee_id)))
        .filter(certificates::status.eq(crate::domain::certificate::CertificateStatus::Issued))
        .order(certificates::id.desc())
        .select((certificates::code, users::emirates_id))
        .first(conn)
        .optional()?;
    Ok(found.and_then(|(code, login)| Some((code?, login?))))
}
