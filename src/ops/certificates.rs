//! Certificates across tables: the pending record a passed attempt creates
//! (in the transaction that finalizes it) and issuing with a gap-free number
//! and a random verification code; the registrar's operations: issuing,
//! revoking, and reissuing after a name correction; and the QR code of the
//! holder's page, signed and drawn once and kept.

use chrono::{DateTime, Datelike, Utc};

use crate::db::db_now;
use crate::db::models::audit::Action;
use crate::db::models::audit::{self, Actor};
use crate::db::models::certificate::{Certificate, NewCertificate, Rendering};
use crate::db::models::cohort::Cohort;
use crate::db::models::course::Course;
use crate::db::models::exam::Attempt;
use crate::db::models::region::{Region, Town};
use crate::db::models::user::User;
use crate::db::models::venue::Venue;
use crate::db::{Db, DbConnection, DbError};
use crate::domain::certificate::CertificateStatus;
use crate::domain::certificate::{VerificationCode, number};
use crate::domain::person::{ArabicName, EnglishName};
use crate::domain::time::utc_to_local;

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
        status: CertificateStatus::Pending,
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
    let Some(certificate) =
        Certificate::find(conn, id)?.filter(|c| c.status == CertificateStatus::Pending)
    else {
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
    let Some(old) = Certificate::find(conn, id)?.filter(|c| c.status == CertificateStatus::Issued)
    else {
        return Ok(None);
    };
    if !Certificate::supersede(conn, old.id, db_now(now))? {
        return Ok(None);
    }
    let new = NewCertificate {
        attempt_id: old.attempt_id,
        trainee_id: old.trainee_id,
        cohort_id: old.cohort_id,
        status: CertificateStatus::Pending,
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

/// Issues the pending certificates among `ids`, each with its number and
/// an audit entry; ids that are not pending are passed over. Returns the
/// (id, number) of each certificate issued.
pub async fn issue_many(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    ids: Vec<i32>,
    now: DateTime<Utc>,
) -> Result<Vec<(i32, String)>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let mut issued = Vec::new();
        for id in ids {
            if let Some(number) = issue(conn, id, registrar_id, now)? {
                let details = serde_json::json!({ "number": number });
                let event = actor.event(
                    Action::CertificateIssue,
                    format!("certificate:{id}"),
                    details,
                );
                audit::append(conn, &event, db_now(now))?;
                issued.push((id, number));
            }
        }
        Ok(issued)
    })
    .await
}

/// Revokes an issued certificate with a reason (audited). `None` if there
/// is no such certificate; `Some(false)` if it was not issued (nothing
/// changes then).
pub async fn revoke(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> Result<Option<bool>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        if Certificate::find(conn, id)?.is_none() {
            return Ok(None);
        }
        let revoked = Certificate::revoke(conn, id, &reason, registrar_id, db_now(now))?;
        if revoked {
            let details = serde_json::json!({ "reason": reason });
            let event = actor.event(
                Action::CertificateRevoke,
                format!("certificate:{id}"),
                details,
            );
            audit::append(conn, &event, db_now(now))?;
        }
        Ok(Some(revoked))
    })
    .await
}

/// A registrar's correction of the names on an issued certificate.
#[derive(Clone, Debug)]
pub struct NameCorrection {
    pub certificate_id: i32,
    pub name_ar: ArabicName,
    pub name_en: EnglishName,
    pub reason: String,
    /// Also correct the names on the trainee's account.
    pub update_account: bool,
}

/// Reissues a certificate with corrected names (see [`reissue`]) and, if
/// asked, corrects the trainee's account too; audited with the reason and
/// the old and new names and numbers. `None` (nothing changes) if the
/// certificate is not issued.
pub async fn correct_names(
    db: &Db,
    actor: &Actor,
    registrar_id: i32,
    correction: NameCorrection,
    now: DateTime<Utc>,
) -> Result<Option<Reissued>, DbError> {
    let actor = actor.clone();
    db.write(move |conn| {
        let Some(old) = Certificate::find(conn, correction.certificate_id)? else {
            return Ok(None);
        };
        let (name_ar, name_en) = (correction.name_ar.as_str(), correction.name_en.as_str());
        let Some(reissued) = reissue(conn, old.id, name_ar, name_en, registrar_id, now)? else {
            return Ok(None);
        };
        if correction.update_account {
            User::set_names(conn, old.trainee_id, name_ar, name_en, db_now(now))?;
        }
        let details = serde_json::json!({
            "reason": correction.reason,
            "old_number": old.number,
            "old_names": [old.holder_name_ar, old.holder_name_en],
            "new_names": [name_ar, name_en],
            "account_updated": correction.update_account,
            "new_number": reissued.number,
        });
        let event = actor.event(
            Action::CertificateReissue,
            format!("certificate:{}", old.id),
            details,
        );
        audit::append(conn, &event, db_now(now))?;
        Ok(Some(reissued))
    })
    .await
}

/// Why a certificate's QR code could not be made.
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("QR code: {0}")]
    Draw(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// The SVG as an element of an HTML page: without the XML declaration the
/// renderer writes first (inside HTML it is a parse error). Renderings kept
/// before this was stripped still have it, so it is stripped on the way out
/// too.
fn inline_svg(svg: String) -> String {
    match svg.trim_start().strip_prefix("<?xml") {
        Some(rest) => match rest.find("?>") {
            Some(end) => rest[end + 2..].trim_start().to_owned(),
            None => svg,
        },
        None => svg,
    }
}

/// The QR code of the verification URL with the certificate's signed
/// token: the one kept from an earlier view when it was drawn for the same
/// address, otherwise drawn again and kept, with the kept token unless the
/// issuer's key has changed since it was signed.
pub async fn qr_code(
    db: &Db,
    issuer: &crate::issuer::Issuer,
    certificate: &Certificate,
    verify_url: &str,
    kept: Option<Rendering>,
    now: DateTime<Utc>,
) -> Result<String, QrError> {
    let key_id = &issuer.key_id;
    let token = match kept.filter(|kept| &kept.key_id == key_id) {
        Some(kept) if kept.verify_url == verify_url => return Ok(inline_svg(kept.qr_svg)),
        Some(kept) => kept.token,
        None => issuer.sign(&facts(certificate, key_id)),
    };
    let signed_url = format!("{verify_url}?t={token}");
    let qr_svg = qrcode::QrCode::new(signed_url.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(180, 180)
                .quiet_zone(true)
                .build()
        })
        .map(inline_svg)
        .map_err(|err| QrError::Draw(err.to_string()))?;
    let rendering = Rendering {
        certificate_id: certificate.id,
        key_id: key_id.clone(),
        token,
        verify_url: verify_url.to_owned(),
        qr_svg: qr_svg.clone(),
        created_at: db_now(now),
    };
    db.write(move |conn| rendering.store(conn).map_err(DbError::Query))
        .await?;
    Ok(qr_svg)
}

#[cfg(test)]
mod tests {
    use super::inline_svg;

    #[test]
    fn the_xml_declaration_is_dropped_and_nothing_else() {
        assert_eq!(
            inline_svg(r#"<?xml version="1.0" standalone="yes"?><svg a="1"></svg>"#.to_owned()),
            r#"<svg a="1"></svg>"#
        );
        assert_eq!(inline_svg("<svg></svg>".to_owned()), "<svg></svg>");
    }
}
