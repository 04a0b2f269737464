//! Who may type an exam PIN, and what a wrong one costs. The trainee's own
//! standing is decided before the PIN is compared (an open sitting for one
//! of their classes, eligibility there, attempts left, the re-sit delay),
//! so a trainee who may not start gets the same reply whatever they type.
//! Wrong PINs are recorded with the throttle's sign-in attempts (under
//! `pin:<trainee>`), slowed down per trainee and per address, and audited.

use chrono::{DateTime, Duration, Utc};

use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::Sitting;
use crate::db::models::login_attempt::{self, NewLoginAttempt, PIN_PREFIX};
use crate::db::{DbConnection, DbError, db_now};
use crate::domain::exam::StartRefusal;
use crate::domain::throttle::{Policy, retry_after_secs};

/// How long the trainee must wait before typing another PIN, if at all.
/// The caller holds the trainee's row (`User::lock`), so parallel starts of
/// one trainee are decided one after the other.
pub(super) fn wait(
    conn: &mut DbConnection,
    trainee_id: i32,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<Option<StartRefusal>, DbError> {
    let since = db_now(now - Duration::hours(1));
    let to_utc = |times: Vec<chrono::NaiveDateTime>| {
        times.into_iter().map(|at| at.and_utc()).collect::<Vec<_>>()
    };
    let key = format!("{PIN_PREFIX}{trainee_id}");
    let own = to_utc(login_attempt::account_failures(conn, &key, None, since)?);
    let pattern = format!("{PIN_PREFIX}%");
    let address = to_utc(login_attempt::from_client(
        conn, client_ip, &pattern, true, since,
    )?);
    let wait = Policy::PIN
        .wait(&own, now)
        .max(Policy::PIN_CLIENT.wait(&address, now));
    Ok(wait.map(|wait| StartRefusal::PinWait {
        seconds: retry_after_secs(wait),
    }))
}

/// Records a PIN typed by the trainee: a wrong one counts against them and
/// their address; a right one clears their count.
pub(super) fn record(
    conn: &mut DbConnection,
    trainee_id: i32,
    client_ip: &str,
    right: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let key = format!("{PIN_PREFIX}{trainee_id}");
    login_attempt::record(
        conn,
        &NewLoginAttempt {
            account_key: &key,
            client_ip,
            succeeded: right,
            pending: false,
            at: db_now(now),
        },
    )?;
    Ok(())
}

/// The sittings the trainee may start now, each with their place in its
/// class: those accepting starts for a class they are seated in and
/// eligible to sit. Refused with no sitting, or when they are eligible in
/// none of the classes with one.
pub(super) fn open_to(
    conn: &mut DbConnection,
    trainee_id: i32,
    now: DateTime<Utc>,
) -> Result<Result<Vec<(Sitting, Enrollment)>, StartRefusal>, DbError> {
    let places: Vec<Enrollment> = Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status.is_seated())
        .collect();
    let cohorts: Vec<i32> = places.iter().map(|place| place.cohort_id).collect();
    let sittings = Sitting::open_for_cohorts(conn, &cohorts, db_now(now))?;
    if sittings.is_empty() {
        return Ok(Err(StartRefusal::NoSitting));
    }
    let mut open = Vec::new();
    for sitting in sittings {
        // Newest first, so a trainee placed in the class twice sits on the newer place.
        let Some(place) = places
            .iter()
            .find(|place| place.cohort_id == sitting.cohort_id)
        else {
            continue;
        };
        if crate::ops::attendance::standing_of(conn, place.cohort_id, place.id, now)?.eligible() {
            open.push((sitting, place.clone()));
        }
    }
    if open.is_empty() {
        return Ok(Err(StartRefusal::NotEligible));
    }
    Ok(Ok(open))
}

/// Whether the exam page should ask for a PIN at all: `None` when the
/// trainee could start now (a sitting accepts starts for a class they are
/// seated and eligible in, with an attempt allowed), otherwise what
/// [`super::start`] would answer whatever PIN was typed. Eligibility comes
/// first, so a trainee who may not sit is told so, not that no sitting is
/// open. Reads only.
pub fn before_pin(
    conn: &mut DbConnection,
    trainee_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<StartRefusal>, DbError> {
    let mut eligible = Vec::new();
    for place in Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status.is_seated())
    {
        if crate::ops::attendance::standing_of(conn, place.cohort_id, place.id, now)?.eligible() {
            eligible.push(place);
        }
    }
    if eligible.is_empty() {
        return Ok(Some(StartRefusal::NotEligible));
    }
    let settings = crate::db::models::exam::ExamSettings::current(conn)?;
    let mut may_sit = Vec::new();
    let mut refusal = None;
    for place in eligible {
        let next = super::record(conn, trainee_id, place.course_id)?
            .next_step(super::limits(&settings), db_now(now));
        match next {
            crate::domain::resit::NextStep::MaySit { .. } => may_sit.push(place.cohort_id),
            crate::domain::resit::NextStep::Passed => {
                refusal.get_or_insert(StartRefusal::AlreadyPassed);
            }
            crate::domain::resit::NextStep::UsedUp { .. } => {
                refusal.get_or_insert(StartRefusal::AttemptsUsedUp);
            }
            crate::domain::resit::NextStep::ResitFrom { .. } => {
                refusal.get_or_insert(StartRefusal::ResitTooEarly);
            }
        }
    }
    if may_sit.is_empty() {
        return Ok(refusal);
    }
    if Sitting::open_for_cohorts(conn, &may_sit, db_now(now))?.is_empty() {
        return Ok(Some(StartRefusal::NoSitting));
    }
    Ok(None)
}
