//! Certificates across tables: the pending record a passed attempt creates
//! (in the transaction that finalizes it) and issuing with a gap-free number
//! and a random verification code.

use chrono::{DateTime, Datelike, Utc};

use crate::db::db_now;
use crate::db::models::certificate::{Certificate, NewCertificate};
use crate::db::models::cohort::Cohort;
use crate::db::models::course::Course;
use crate::db::models::exam::Attempt;
use crate::db::models::region::{Region, Town};
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::db::{DbConnection, DbError};
use crate::domain::certificate::{VerificationCode, number};
use crate::domain::schedule::utc_to_local;

fn missing() -> DbError {
    DbError::Query(diesel::result::Error::NotFound)
}

/// Creates the pending certificate of a passed attempt, with a snapshot of
/// the holder's names, Emirates ID, course, score, date, region and venue.
pub fn create_pending(
    conn: &mut DbConnection,
    attempt: &Attempt,
    score: i32,
    now: DateTime<Utc>,
) -> Result<i32, DbError> {
    let user = User::find(conn, attempt.trainee_id)?.ok_or_else(missing)?;
    let place = crate::db::models::enrollment::Enrollment::find(conn, attempt.enrollment_id)?
        .ok_or_else(missing)?;
    let cohort = Cohort::find(conn, place.cohort_id)?.ok_or_else(missing)?;
    let course = crate::db::schema::courses::table;
    let course: Course = {
        use diesel::prelude::*;
        course
            .find(cohort.course_id)
            .select(Course::as_select())
            .first(conn)?
    };
    let venue = Venue::find(conn, cohort.venue_id)?.ok_or_else(missing)?;
    let town = Town::all(conn)?
        .into_iter()
        .find(|town| town.id == venue.town_id)
        .ok_or_else(missing)?;
    let region = Region::all(conn)?
        .into_iter()
        .find(|region| region.id == town.region_id)
        .ok_or_else(missing)?;
    let new = NewCertificate {
        attempt_id: attempt.id,
        trainee_id: user.id,
        cohort_id: cohort.id,
        status: "pending".to_owned(),
        holder_name_ar: user.full_name_ar,
        holder_name_en: user.full_name_en,
        emirates_id: user.emirates_id,
        course_name_ar: course.name_ar,
        course_name_en: course.name_en,
        score_percent: score,
        exam_date: utc_to_local(db_now(now)).date(),
        region_ar: region.name_ar,
        region_en: region.name_en,
        venue_ar: venue.name_ar,
        venue_en: venue.name_en,
        created_at: db_now(now),
        replaces_id: None,
    };
    Ok(Certificate::insert(conn, &new)?)
}

/// Issues a pending certificate: the year's next number and 128 random bits
/// from the operating system as its verification code. Returns the number,
/// or `None` if it was not pending.
pub fn issue(
    conn: &mut DbConnection,
    id: i32,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbError> {
    let Some(certificate) = Certificate::find(conn, id)?.filter(|c| c.status == "pending") else {
        return Ok(None);
    };
    let year = utc_to_local(db_now(now)).year();
    let sequence = Certificate::next_sequence(conn, year)?;
    let number = number(year, sequence);
    let mut bytes = [0u8; 16];
    crate::auth::os_random(&mut bytes);
    let code = VerificationCode::from_bytes(bytes);
    Certificate::issue(
        conn,
        certificate.id,
        &number,
        code.as_str(),
        by,
        db_now(now),
    )?;
    Ok(Some(number))
}

/// What a reissue gave: the new certificate and its number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reissued {
    pub id: i32,
    pub number: String,
}

/// Replaces an issued certificate after a name correction: a new certificate
/// for the same attempt with the corrected names, a new number and a new
/// code; the old one becomes `superseded` and points to it. `None` if the
/// certificate is not issued (pending, revoked or already replaced).
pub fn reissue(
    conn: &mut DbConnection,
    id: i32,
    name_ar: &str,
    name_en: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Option<Reissued>, DbError> {
    let Some(old) = Certificate::find(conn, id)?.filter(|c| c.status == "issued") else {
        return Ok(None);
    };
    if !Certificate::supersede(conn, old.id, db_now(now))? {
        return Ok(None);
    }
    let new = NewCertificate {
        attempt_id: old.attempt_id,
        trainee_id: old.trainee_id,
        cohort_id: old.cohort_id,
        status: "pending".to_owned(),
        holder_name_ar: name_ar.to_owned(),
        holder_name_en: name_en.to_owned(),
        emirates_id: old.emirates_id,
        course_name_ar: old.course_name_ar,
        course_name_en: old.course_name_en,
        score_percent: old.score_percent,
        exam_date: old.exam_date,
        region_ar: old.region_ar,
        region_en: old.region_en,
        venue_ar: old.venue_ar,
        venue_en: old.venue_en,
        created_at: db_now(now),
        replaces_id: Some(old.id),
    };
    let new_id = Certificate::insert(conn, &new)?;
    let number = issue(conn, new_id, by, now)?.ok_or_else(missing)?;
    Ok(Some(Reissued { id: new_id, number }))
}

/// The facts a certificate's token signs.
pub fn facts(
    certificate: &crate::db::models::certificate::Certificate,
    key_id: &str,
) -> crate::issuer::Facts {
    crate::issuer::Facts {
        n: certificate.number.clone().unwrap_or_default(),
        ar: certificate.holder_name_ar.clone(),
        en: certificate.holder_name_en.clone(),
        c: certificate.course_name_en.clone(),
        d: certificate
            .issued_at
            .map(|at| utc_to_local(at).date().to_string())
            .unwrap_or_default(),
        k: key_id.to_owned(),
    }
}
