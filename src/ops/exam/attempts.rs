//! Exam attempts: starting (eligibility, PIN, limits, the draw), saving
//! answers (committed before acknowledged; stale and late saves refused),
//! submitting, finishing and scoring, and the sweeper that finalizes
//! attempts left past their deadline. The `async` operations open their own
//! transaction; the plain functions run inside the caller's.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::db_now;
use crate::db::models::attempt_grant::AttemptGrant;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion, ExamSettings, Finish, RowLock};
use crate::db::models::question::{Question, QuestionOption};
use crate::db::models::user::User;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::exam::{self, AttemptStatus, Scored, StartRefusal};
use crate::domain::resit;

mod answers;
mod draw;
mod pins;

pub use answers::{AnswerInput, Saved, save};
pub use pins::before_pin;

/// How a start went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Started {
    /// A new attempt (audited as a start).
    New(i32),
    /// The trainee's attempt already under way.
    Resumed(i32),
}

impl Started {
    pub fn id(self) -> i32 {
        match self {
            Self::New(id) | Self::Resumed(id) => id,
        }
    }
}

/// A trainee's finished attempts at a course and the newest grant.
pub fn record(
    conn: &mut DbConnection,
    trainee_id: i32,
    course_id: i32,
) -> Result<resit::Record, DbError> {
    let course_attempts = Attempt::of_trainee_course(conn, trainee_id, course_id)?;
    record_of(conn, trainee_id, course_id, &course_attempts)
}

/// [`record`] from the trainee's attempts at the course, loaded already
/// (`Attempt::of_trainee_course`).
pub fn record_of(
    conn: &mut DbConnection,
    trainee_id: i32,
    course_id: i32,
    course_attempts: &[Attempt],
) -> Result<resit::Record, DbError> {
    let finished = course_attempts
        .iter()
        .filter_map(|attempt| {
            attempt.finished_at.map(|at| resit::Finished {
                at,
                passed: attempt.passed == Some(true) && !attempt.is_terminated(),
            })
        })
        .collect();
    let granted_at = AttemptGrant::latest(conn, trainee_id, course_id)?.map(|g| g.granted_at);
    Ok(resit::Record {
        finished,
        granted_at,
    })
}

/// The limits in force.
pub fn limits(settings: &ExamSettings) -> resit::Limits {
    resit::Limits {
        max_attempts: settings.max_attempts,
        resit_hours: settings.resit_hours,
    }
}

/// Starts `trainee_id`'s attempt with the sitting's `pin`, or returns to
/// the one under way; a new attempt is audited as `attempt.start`. Refuses
/// (see [`StartRefusal`]) without an open sitting for one of the trainee's
/// classes, a wrong PIN, a trainee not eligible in that class, a course
/// already passed, attempts used up, a re-sit asked for too early, and a
/// bank too small for the blueprint.
pub async fn start(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    pin: String,
    now: DateTime<Utc>,
) -> Result<Result<Started, StartRefusal>, DbError> {
    let mut event = actor.event(Action::AttemptStart, String::new(), serde_json::json!({}));
    let wrong = actor.event(
        Action::AttemptPinWrong,
        format!("user:{trainee_id}"),
        serde_json::json!({}),
    );
    let client_ip = actor.client_ip.clone().unwrap_or_default();
    db.write(move |conn| {
        let outcome = begin(conn, trainee_id, &pin, &client_ip, now)?;
        match outcome {
            Ok(Started::New(id)) => {
                event.subject = format!("attempt:{id}");
                audit::append(conn, &event, db_now(now))?;
            }
            Err(StartRefusal::WrongPin) => {
                audit::append(conn, &wrong, db_now(now))?;
            }
            _ => {}
        }
        Ok(outcome)
    })
    .await
}

/// Starts an attempt (or returns the one under way) inside the caller's
/// transaction: the sitting and place, then the trainee's record at the
/// course (a pass, the number of attempts, the re-sit delay); then draws
/// the questions by the blueprint and shuffles each question's options;
/// both are stored.
fn begin(
    conn: &mut DbConnection,
    trainee_id: i32,
    pin: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> Result<Result<Started, StartRefusal>, DbError> {
    // A class that ended since the last sweep is settled first, so the
    // places below are what the trainee's dashboard says.
    crate::ops::exam::completion::settle_trainee(conn, trainee_id, now)?;
    if let Some(open) = Attempt::of_trainee(conn, trainee_id)?
        .into_iter()
        .find(Attempt::is_open)
    {
        return Ok(Ok(Started::Resumed(open.id)));
    }
    User::lock(conn, trainee_id)?;
    if let Some(wait) = pins::wait(conn, trainee_id, client_ip, now)? {
        return Ok(Err(wait));
    }
    let open = match pins::open_to(conn, trainee_id, now)? {
        Ok(open) => open,
        Err(refusal) => return Ok(Err(refusal)),
    };
    // The trainee's record at each course, still before the PIN.
    let settings = ExamSettings::current(conn)?;
    let mut may_sit = Vec::new();
    let mut refusal = None;
    for (sitting, place) in open {
        match record(conn, trainee_id, place.course_id)?.next_step(limits(&settings), db_now(now)) {
            resit::NextStep::MaySit { .. } => may_sit.push((sitting, place)),
            resit::NextStep::Passed => {
                refusal.get_or_insert(StartRefusal::AlreadyPassed);
            }
            resit::NextStep::UsedUp { .. } => {
                refusal.get_or_insert(StartRefusal::AttemptsUsedUp);
            }
            resit::NextStep::ResitFrom { .. } => {
                refusal.get_or_insert(StartRefusal::ResitTooEarly);
            }
        }
    }
    if may_sit.is_empty() {
        return Ok(Err(refusal.unwrap_or(StartRefusal::NoSitting)));
    }
    let typed = exam::normalise_pin(pin);
    let Some((sitting, place)) = may_sit
        .into_iter()
        .find(|(sitting, _)| sitting.pin == typed)
    else {
        pins::record(conn, trainee_id, client_ip, false, now)?;
        return Ok(Err(StartRefusal::WrongPin));
    };
    pins::record(conn, trainee_id, client_ip, true, now)?;
    let mut rng = rand::rng();
    let Some(drawn) = draw::questions(conn, &settings, &mut rng)? else {
        return Ok(Err(StartRefusal::NotEnoughQuestions));
    };
    let extra = User::find(conn, trainee_id)?.map_or(0, |user| user.accommodation_percent);
    let started = db_now(now);
    let deadline = exam::deadline(started, settings.duration_minutes, extra, 0);
    let id = match Attempt::insert(
        conn,
        sitting.id,
        place.id,
        trainee_id,
        settings.id,
        started,
        deadline,
        extra,
    ) {
        Ok(id) => id,
        // A second start at the same moment: the index keeps one open attempt.
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            let open = Attempt::of_trainee(conn, trainee_id)?
                .into_iter()
                .find(Attempt::is_open);
            return open
                .map(|attempt| Ok(Started::Resumed(attempt.id)))
                .ok_or(DbError::Query(DieselError::NotFound));
        }
        Err(err) => return Err(err.into()),
    };
    draw::store(conn, id, &drawn, &mut rng)?;
    Ok(Ok(Started::New(id)))
}

/// Scores an attempt from its stored answers and ends it with `status`
/// (submitted, expired or terminated). Returns whether this call
/// ended it (a second submit, or another instance's sweeper, changes nothing).
pub fn finish(
    conn: &mut DbConnection,
    attempt: &Attempt,
    status: AttemptStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    // Wait for saves under way and keep new ones out, then score what is
    // stored: every acknowledged save is in the score.
    Attempt::lock(conn, attempt.id, RowLock::Exclusive)?;
    if !Attempt::find(conn, attempt.id)?.is_some_and(|a| a.is_open()) {
        return Ok(false);
    }
    let drawn = AttemptQuestion::of_attempt(conn, attempt.id)?;
    let ids: Vec<i32> = drawn.iter().map(|q| q.question_id).collect();
    let blocks: HashMap<i32, i32> = Question::by_ids(conn, &ids)?
        .into_iter()
        .map(|q| (q.id, q.block))
        .collect();
    let mut correct: HashMap<i32, BTreeSet<i32>> = HashMap::new();
    for option in QuestionOption::of_questions(conn, &ids)?
        .into_iter()
        .filter(|option| option.correct)
    {
        correct
            .entry(option.question_id)
            .or_default()
            .insert(option.id);
    }
    let answers: HashMap<i32, BTreeSet<i32>> = Answer::of_attempt(conn, attempt.id)?
        .into_iter()
        .map(|a| (a.question_id, a.selected_ids().into_iter().collect()))
        .collect();
    let scored: Vec<Scored> = ids
        .iter()
        .map(|id| Scored {
            block: blocks.get(id).copied().unwrap_or(0),
            correct: correct.get(id).cloned().unwrap_or_default(),
            selected: answers.get(id).cloned().unwrap_or_default(),
        })
        .collect();
    let score = exam::score(&scored);
    let settings = ExamSettings::find(conn, attempt.settings_id)?;
    let passed = score.percent >= settings.pass_percent;
    let result = Finish {
        status,
        reason,
        score: score.percent,
        passed,
        blocks: score.blocks,
    };
    let finished = Attempt::finish(conn, attempt.id, &result, db_now(now))?;
    // A pass creates its pending certificate in the same transaction; an
    // attempt ended for an irregularity earns none.
    if finished && passed && status != AttemptStatus::Terminated {
        crate::ops::certificates::create_pending(conn, attempt, score.percent, now)?;
    }
    Ok(finished)
}

/// How a trainee's submit ends an attempt: submitted, or past the grace
/// period the sweeper's "time ran out".
fn submitted_status(deadline: NaiveDateTime, now: NaiveDateTime) -> AttemptStatus {
    if exam::accepts_saves(deadline, now) {
        AttemptStatus::Submitted
    } else {
        AttemptStatus::Expired
    }
}

/// Ends `trainee_id`'s attempt `attempt_id` now, scored with what was
/// saved, and audits it as `attempt.submit` (only when this call ended it:
/// submitting twice is harmless). `None` when the attempt is not the
/// trainee's; past the grace period it ends as expired.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    trainee_id: i32,
    attempt_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<bool>, DbError> {
    let event = actor.event(
        Action::AttemptSubmit,
        format!("attempt:{attempt_id}"),
        serde_json::json!({}),
    );
    db.write(move |conn| {
        let Some(attempt) = Attempt::find_own(conn, attempt_id, trainee_id)? else {
            return Ok(None);
        };
        let status = submitted_status(attempt.deadline_at, db_now(now));
        if status == AttemptStatus::Expired && !super::outage::settled(conn, db_now(now))? {
            return Err(DbError::Recovering);
        }
        let ended = finish(conn, &attempt, status, None, now)?;
        if ended {
            audit::append(conn, &event, db_now(now))?;
        }
        Ok(Some(ended))
    })
    .await
}

/// Ends `trainee_id`'s attempt `attempt_id` if it is still open past its
/// deadline and grace period (see [`expire`]), so a page load shows the
/// result at once rather than after the next sweep. Returns whether this
/// call ended it; refuses nothing (someone else's attempt is left alone).
pub async fn expire_overdue(
    db: &Db,
    trainee_id: i32,
    attempt_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    db.write(
        move |conn| match Attempt::find_own(conn, attempt_id, trainee_id)? {
            Some(attempt)
                if attempt.is_open() && !exam::accepts_saves(attempt.deadline_at, db_now(now)) =>
            {
                if !super::outage::settled(conn, db_now(now))? {
                    return Ok(false);
                }
                expire(conn, &attempt, now)
            }
            _ => Ok(false),
        },
    )
    .await
}

/// Ends an attempt whose time ran out, with what was saved, and audits it
/// as an automatic submission — whether the sweeper or a page load found
/// it first. Returns whether this call ended it.
pub fn expire(
    conn: &mut DbConnection,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    if !finish(conn, attempt, AttemptStatus::Expired, None, now)? {
        return Ok(false);
    }
    let event = Actor::system().event(
        Action::AttemptAutoSubmit,
        format!("attempt:{}", attempt.id),
        serde_json::json!({ "reason": "deadline passed" }),
    );
    audit::append(conn, &event, db_now(now))?;
    Ok(true)
}

/// Finalizes every open attempt past its deadline and grace period with
/// what was saved. Idempotent, and safe when several instances run it.
pub fn sweep(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<Vec<i32>, DbError> {
    let mut finished = Vec::new();
    for attempt in Attempt::overdue(conn, db_now(now) - exam::GRACE)? {
        if expire(conn, &attempt, now)? {
            finished.push(attempt.id);
        }
    }
    Ok(finished)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_submit_after_the_grace_period_is_time_running_out() {
        let deadline = chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
            .and_then(|day| day.and_hms_opt(10, 0, 0))
            .unwrap_or_default();
        let at = |seconds| deadline + chrono::Duration::seconds(seconds);
        assert_eq!(
            submitted_status(deadline, at(-60)),
            AttemptStatus::Submitted
        );
        assert_eq!(submitted_status(deadline, at(30)), AttemptStatus::Submitted);
        assert_eq!(submitted_status(deadline, at(31)), AttemptStatus::Expired);
    }
}
