//! Exam attempts: starting (eligibility, PIN, limits, the draw), saving
//! answers (committed before acknowledged; stale and late saves refused),
//! finishing and scoring, and the sweeper that finalizes attempts left past
//! their deadline. Each function runs inside the caller's write transaction.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::db_now;
use crate::db::models::attempt_grant::AttemptGrant;
use crate::db::models::audit::{self, Actor};
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Answer, Attempt, AttemptQuestion, ExamSettings, Finish, Sitting};
use crate::db::models::question::{Question, QuestionOption};
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
use crate::domain::exam::{self, AttemptStatus, Scored, StartRefusal};
use crate::domain::resit;
use crate::exam::bank::Kind;

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
    let finished = Attempt::of_trainee_course(conn, trainee_id, course_id)?
        .into_iter()
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

/// Starts an attempt (or returns the one under way). Checks, in order: a
/// sitting accepting starts for one of the trainee's classes, its PIN,
/// eligibility in that class, then the trainee's record at the course
/// (a pass, the number of attempts, the re-sit delay); then draws the
/// questions by the blueprint and shuffles each question's options; both
/// are stored.
pub fn start(
    conn: &mut DbConnection,
    trainee_id: i32,
    pin: &str,
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
    let places: Vec<Enrollment> = Enrollment::of_trainee(conn, trainee_id)?
        .into_iter()
        .filter(|place| place.status().is_seated())
        .collect();
    let cohorts: Vec<i32> = places.iter().map(|place| place.cohort_id).collect();
    let sittings = Sitting::open_for_cohorts(conn, &cohorts, db_now(now))?;
    if sittings.is_empty() {
        return Ok(Err(StartRefusal::NoSitting));
    }
    let typed = exam::normalise_pin(pin);
    let Some(sitting) = sittings.into_iter().find(|sitting| sitting.pin == typed) else {
        return Ok(Err(StartRefusal::WrongPin));
    };
    // Newest first, so a trainee placed in the class twice sits on the newer place.
    let Some(place) = places
        .into_iter()
        .find(|place| place.cohort_id == sitting.cohort_id)
    else {
        return Ok(Err(StartRefusal::NoSitting));
    };
    if !crate::ops::attendance::standing_of(conn, place.cohort_id, place.id, now)?.eligible() {
        return Ok(Err(StartRefusal::NotEligible));
    }
    let settings = ExamSettings::current(conn)?;
    match record(conn, trainee_id, place.course_id)?.next_step(limits(&settings), db_now(now)) {
        resit::NextStep::Passed => return Ok(Err(StartRefusal::AlreadyPassed)),
        resit::NextStep::UsedUp { .. } => return Ok(Err(StartRefusal::AttemptsUsedUp)),
        resit::NextStep::ResitFrom { .. } => return Ok(Err(StartRefusal::ResitTooEarly)),
        resit::NextStep::MaySit { .. } => {}
    }
    let available = [
        Question::active_ids(conn, 1)?,
        Question::active_ids(conn, 2)?,
        Question::active_ids(conn, 3)?,
    ];
    let mut rng = rand::rng();
    let Ok(drawn) = exam::draw(&available, settings.per_block(), &mut rng) else {
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
    let mut options: HashMap<i32, Vec<i32>> = HashMap::new();
    for option in QuestionOption::of_questions(conn, &drawn)? {
        options
            .entry(option.question_id)
            .or_default()
            .push(option.id);
    }
    let kinds: HashMap<i32, Option<Kind>> = Question::by_ids(conn, &drawn)?
        .into_iter()
        .map(|q| (q.id, q.kind()))
        .collect();
    for (position, question_id) in (1..).zip(&drawn) {
        let ids = options.get(question_id).cloned().unwrap_or_default();
        // The page names each option by its place in this order, so the
        // order is all a trainee can see of the options besides their text.
        // True/false keeps its natural order (True, False): there the place
        // says which label, not which is right.
        let order = if kinds.get(question_id).copied().flatten() == Some(Kind::TrueFalse) {
            ids
        } else {
            exam::shuffled(&ids, &mut rng)
        };
        let order: Vec<String> = order.iter().map(ToString::to_string).collect();
        AttemptQuestion::insert(conn, id, position, *question_id, &order.join(","))?;
    }
    Ok(Ok(Started::New(id)))
}

/// What happened to a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Stored; seconds left.
    Stored { remaining: i64 },
    /// A newer save was already stored; this one changed nothing.
    Stale { remaining: i64 },
    /// After the deadline and its grace period: refused.
    Late,
    /// The attempt has ended.
    Finished,
    /// The question or an option is not part of this attempt.
    Invalid,
}

/// Saves the answer to question `position` (1-based). `selected` holds the
/// options' 1-based places in this attempt's order of the question (what
/// the page shows); the answer is stored as option ids.
pub fn save(
    conn: &mut DbConnection,
    attempt: &Attempt,
    position: i32,
    selected: &[i32],
    flagged: bool,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<Saved, DbError> {
    let now_db = db_now(now);
    if !attempt.is_open() {
        return Ok(Saved::Finished);
    }
    if !exam::accepts_saves(attempt.deadline_at, now_db) {
        return Ok(Saved::Late);
    }
    let drawn = AttemptQuestion::of_attempt(conn, attempt.id)?;
    let Some(question) = drawn.iter().find(|q| q.position == position) else {
        return Ok(Saved::Invalid);
    };
    let Some(chosen) = question.ids_at(selected) else {
        return Ok(Saved::Invalid);
    };
    let chosen: BTreeSet<i32> = chosen.into_iter().collect();
    let kind = Question::find(conn, question.question_id)?.and_then(|q| q.kind());
    if kind != Some(Kind::Multiple) && chosen.len() > 1 {
        return Ok(Saved::Invalid);
    }
    let text: Vec<String> = chosen.iter().map(ToString::to_string).collect();
    let stored = Answer::save(
        conn,
        attempt.id,
        question.question_id,
        &text.join(","),
        flagged,
        seq,
        now_db,
    )?;
    let remaining = exam::remaining_seconds(attempt.deadline_at, now_db);
    Ok(if stored {
        Saved::Stored { remaining }
    } else {
        Saved::Stale { remaining }
    })
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
        "attempt.auto_submit",
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
