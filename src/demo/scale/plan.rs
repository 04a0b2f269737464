//! What `seed --scale N` generates, as pure functions of the reference data,
//! the clock and a seeded random source: trainees in the proportions the
//! programme reported (about 31 % Abu Dhabi, 66 % Eastern, 3 % Western),
//! three years of classes with their sessions, attendance, sittings,
//! attempts with answers and certificates (a few revoked), the classes whose
//! sitting is open now, and classes starting in the coming weeks.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::domain::cohort::Period;
use crate::domain::time::uae_today;

/// Seats filled in a generated class (of 20).
const CLASS_SIZE: usize = 18;
/// Share of trainees, in per mille, in the classes that start after today.
const UPCOMING_PER_MILLE: usize = 50;
/// The most trainees one run can number.
pub const MAX_TRAINEES: usize = 999_999;
/// Every generated address ends so; the generator checks for it to refuse
/// running twice on one database.
pub const EMAIL_DOMAIN: &str = "scale.ecitizen.example";

/// The last id used in each table; the generator takes the next ones.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    pub user: i32,
    pub cohort: i32,
    pub session: i32,
    pub enrollment: i32,
    pub attendance: i32,
    pub sitting: i32,
    pub attempt: i32,
    pub drawn: i32,
    pub answer: i32,
    pub certificate: i32,
}

pub(super) fn next(id: &mut i32) -> i32 {
    *id += 1;
    *id
}

/// A town with its share of trainees and its venues.
#[derive(Clone, Debug)]
pub struct TownRef {
    pub id: i32,
    /// Share of all trainees, in per mille.
    pub per_mille: usize,
    pub region_ar: String,
    pub region_en: String,
    pub venues: Vec<VenueRef>,
}

#[derive(Clone, Debug)]
pub struct VenueRef {
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
}

/// A question of the bank as an attempt needs it.
#[derive(Clone, Debug)]
pub struct QuestionRef {
    pub id: i32,
    pub block: i32,
    pub options: Vec<i32>,
    pub correct: BTreeSet<i32>,
}

/// Everything generation reads from the database or the clock.
#[derive(Clone, Debug)]
pub struct Reference {
    pub course_id: i32,
    pub course_ar: String,
    pub course_en: String,
    pub towns: Vec<TownRef>,
    pub trainers: Vec<i32>,
    pub registrar: i32,
    pub settings_id: i32,
    pub duration_minutes: i32,
    pub pass_percent: i32,
    pub per_block: [usize; 3],
    /// The active questions of each block.
    pub questions: [Vec<QuestionRef>; 3],
    pub holidays: BTreeSet<NaiveDate>,
    pub password_hash: String,
    pub password: String,
    pub now: DateTime<Utc>,
}

/// Where a class stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Ended weeks to years ago: attended, examined, certified.
    History,
    /// Ended last week; its sitting is open now and nobody has started.
    ExamDay,
    /// Starts in the coming weeks; its trainees are enrolled.
    Upcoming,
}

/// One class to generate.
#[derive(Clone, Debug)]
pub struct ClassPlan {
    pub stage: Stage,
    pub town: usize,
    /// Index of the venue among the town's.
    pub venue: usize,
    pub start: NaiveDate,
    pub period: Period,
    pub trainees: usize,
    /// Global number of the class's first trainee.
    pub first: usize,
}

/// Splits `total` by the towns' shares (largest remainder), so the counts
/// add up to `total` exactly.
fn by_town(total: usize, towns: &[TownRef]) -> Vec<usize> {
    let weight: usize = towns
        .iter()
        .map(|town| town.per_mille)
        .sum::<usize>()
        .max(1);
    let mut counts: Vec<usize> = towns.iter().map(|t| total * t.per_mille / weight).collect();
    let mut rest: Vec<(usize, usize)> = towns
        .iter()
        .enumerate()
        .map(|(index, t)| (total * t.per_mille % weight, index))
        .collect();
    rest.sort_by(|a, b| b.cmp(a));
    let short = total - counts.iter().sum::<usize>();
    for (_, index) in rest.into_iter().take(short) {
        counts[index] += 1;
    }
    counts
}

/// The classes of `trainees` generated trainees, `open` of them in classes
/// whose sitting is open now, in the order they are numbered.
pub fn classes(reference: &Reference, trainees: usize, open: usize) -> Vec<ClassPlan> {
    let today = uae_today(reference.now);
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let upcoming = (trainees - open) * UPCOMING_PER_MILLE / 1000;
    let stages = [
        (Stage::History, trainees - open - upcoming),
        (Stage::ExamDay, open),
        (Stage::Upcoming, upcoming),
    ];
    let mut plans = Vec::new();
    let mut first = 0;
    for (stage, count) in stages {
        for (town, in_town) in by_town(count, &reference.towns).into_iter().enumerate() {
            let classes = in_town.div_ceil(CLASS_SIZE);
            for index in 0..classes {
                let size = in_town / classes + usize::from(index < in_town % classes);
                let start = match stage {
                    // From three years ago to six weeks ago, evenly.
                    Stage::History => {
                        let span = 3 * 365 - 42;
                        let offset = i64::try_from(span * index / classes.max(1)).unwrap_or(0);
                        today - Duration::days(3 * 365 - offset)
                    }
                    // Two weeks of sessions ending last week, as the demo's.
                    Stage::ExamDay => monday - Duration::weeks(3),
                    // Over the next six weeks.
                    Stage::Upcoming => {
                        let week = i64::try_from(1 + index % 6).unwrap_or(1);
                        monday + Duration::weeks(week)
                    }
                };
                plans.push(ClassPlan {
                    stage,
                    town,
                    venue: index,
                    start,
                    period: if index % 3 == 2 {
                        Period::Evening
                    } else {
                        Period::Morning
                    },
                    trainees: size,
                    first,
                });
                first += size;
            }
        }
    }
    plans
}
