//! The demo's history: a class that ended last week with its sitting open
//! now, and a class of graduates with certificates issued and revoked.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::certificate::Certificate;
use crate::db::models::enrollment::Enrollment;
use crate::db::models::exam::{Attempt, Finish};
use crate::domain::attendance::Mark;
use crate::domain::cohort::{Audience, CohortStatus, Period, TeachingLanguage};
use crate::domain::enrollment::EnrollmentStatus;

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
        period: Period::Morning,
        starts_time: starts,
        ends_time: ends,
        teaching_language: TeachingLanguage::Arabic,
        audience: Audience::All,
        start_date: start,
        weekdays: crate::domain::cohort::Weekdays::working_week().to_string(),
        session_count: crate::domain::programme::DAILY_SESSIONS,
        capacity: 20,
        trainer_id: Some(trainer),
        enrol_opens: start - chrono::Duration::days(21),
        enrol_closes: start - chrono::Duration::days(1),
        status: CohortStatus::Open,
    }
}

/// A class that ended last week, with its exam sitting open now, so a
/// visitor can sit the exam at once as Mariam, who attended every session.
/// The sitting is opened the way a trainer opens one, with the longest
/// window, so it is still open for a while after the demo starts.
pub(super) fn seed_exam_day(
    conn: &mut crate::db::DbConnection,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    venue_id: Option<i32>,
    next_monday: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<String>, DbError> {
    use crate::db::models::class_session::ClassSession;
    use crate::db::models::cohort::CohortFields;

    let (Some(venue_id), Some(trainer), Some(trainee)) = (
        venue_id,
        user("trainer.alain@ecitizen.demo"),
        user("mariam@ecitizen.demo"),
    ) else {
        return Ok(Vec::new());
    };
    let start = next_monday - chrono::Duration::weeks(3);
    let fields = CohortFields {
        audience: Audience::Women,
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
        let mark = if index == 0 {
            Mark::Late
        } else {
            Mark::Present
        };
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
pub(super) fn seed_graduates(
    conn: &mut crate::db::DbConnection,
    settings: &Settings,
    user: &dyn Fn(&str) -> Option<i32>,
    course_id: i32,
    venue_id: Option<i32>,
    next_monday: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<String>, DbError> {
    use crate::db::models::class_session::ClassSession;
    use crate::db::models::exam::{ExamSettings, Sitting};

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
    let base = settings.printed_base_url();
    let class = GraduatesClass {
        cohort,
        course_id,
        sitting,
        trainer,
        registrar,
        sessions: &sessions,
        settings: &settings_row,
    };
    let mut facts = Vec::new();
    for (index, email) in ["khalifa@ecitizen.demo", "mouza@ecitizen.demo"]
        .into_iter()
        .enumerate()
    {
        let Some(trainee) = user(email) else { continue };
        let code = graduate(conn, &class, trainee, index, now)?;
        if index == 0 {
            facts.push(format!("demo certificate: {base}/verify/{code}"));
        } else {
            facts.push(format!("demo revoked certificate: {base}/verify/{code}"));
        }
    }
    Ok(facts)
}

/// The graduates' class, as each graduate's history needs it.
struct GraduatesClass<'a> {
    cohort: i32,
    course_id: i32,
    sitting: i32,
    trainer: i32,
    registrar: i32,
    sessions: &'a [crate::db::models::class_session::ClassSession],
    settings: &'a crate::db::models::exam::ExamSettings,
}

/// One graduate: a place, every session attended, a passed attempt three
/// days after the class and an issued certificate (revoked for the second
/// graduate). Returns the certificate's verification code.
fn graduate(
    conn: &mut crate::db::DbConnection,
    class: &GraduatesClass<'_>,
    trainee: i32,
    index: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, DbError> {
    let at = db_now(now);
    let queued = class
        .sessions
        .first()
        .map_or(at, |session| session.starts_at)
        - chrono::Duration::days(7);
    let place = Enrollment::insert(
        conn,
        class.cohort,
        trainee,
        class.course_id,
        EnrollmentStatus::Enrolled,
        Some("demo"),
        queued,
    )?;
    for session in class.sessions {
        crate::db::models::attendance::AttendanceMark::set(
            conn,
            session.id,
            place,
            Mark::Present,
            class.trainer,
            session.starts_at,
        )?;
    }
    let exam_day =
        class.sessions.last().map_or(at, |session| session.ends_at) + chrono::Duration::days(3);
    let deadline = crate::domain::exam::deadline(exam_day, class.settings.duration_minutes, 0, 0);
    let attempt = Attempt::insert(
        conn,
        class.sitting,
        place,
        trainee,
        class.settings.id,
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
    crate::ops::certificates::issue(conn, certificate, class.registrar, now)?;
    let code = Certificate::find(conn, certificate)?
        .and_then(|c| c.code)
        .unwrap_or_default();
    if index > 0 {
        Certificate::revoke(
            conn,
            certificate,
            "Demonstration of a revoked certificate",
            class.registrar,
            at,
        )?;
    }
    Ok(code)
}
