//! Certificates: pending when an attempt passes, then issued (number and
//! verification code), revoked, or replaced by a corrected one (superseded)
//! by a registrar. Never deleted.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{certificate_counters, certificate_renderings, certificates};
use crate::domain::certificate::CertificateStatus;
use crate::i18n::Lang;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = certificates, treat_none_as_default_value = false)]
pub struct Certificate {
    pub id: i32,
    pub attempt_id: i32,
    pub trainee_id: i32,
    pub cohort_id: i32,
    pub status: CertificateStatus,
    pub holder_name_ar: String,
    pub holder_name_en: String,
    /// Kept for the registrar; shown masked, never on public pages.
    pub emirates_id: Option<String>,
    pub course_name_ar: String,
    pub course_name_en: String,
    pub score_percent: i32,
    pub exam_date: NaiveDate,
    pub region_ar: String,
    pub region_en: String,
    pub venue_ar: String,
    pub venue_en: String,
    pub number: Option<String>,
    /// 26 Crockford base32 characters (see `domain::certificate`).
    pub code: Option<String>,
    pub issued_at: Option<NaiveDateTime>,
    pub issued_by: Option<i32>,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoked_by: Option<i32>,
    pub revoke_reason: Option<String>,
    pub created_at: NaiveDateTime,
    /// The certificate this one replaced after a name correction.
    pub replaces_id: Option<i32>,
    /// When a correction replaced this certificate (status `superseded`).
    pub superseded_at: Option<NaiveDateTime>,
}

/// The facts a new certificate records.
#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = certificates)]
pub struct NewCertificate {
    pub attempt_id: i32,
    pub trainee_id: i32,
    pub cohort_id: i32,
    pub status: CertificateStatus,
    pub holder_name_ar: String,
    pub holder_name_en: String,
    pub emirates_id: Option<String>,
    pub course_name_ar: String,
    pub course_name_en: String,
    pub score_percent: i32,
    pub exam_date: NaiveDate,
    pub region_ar: String,
    pub region_en: String,
    pub venue_ar: String,
    pub venue_en: String,
    pub created_at: NaiveDateTime,
    pub replaces_id: Option<i32>,
}

impl Certificate {
    pub fn holder(&self, lang: Lang) -> &str {
        lang.pick(&self.holder_name_ar, &self.holder_name_en)
    }

    /// Adds a pending certificate; a unique index keeps one original per
    /// attempt, and one replacement per certificate.
    pub fn insert(conn: &mut DbConnection, new: &NewCertificate) -> QueryResult<i32> {
        diesel::insert_into(certificates::table)
            .values(new)
            .returning(certificates::id)
            .get_result(conn)
    }

    pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Certificate>> {
        certificates::table
            .find(id)
            .select(Certificate::as_select())
            .first(conn)
            .optional()
    }

    /// A trainee's own certificate (ownership in the query).
    pub fn find_own(
        conn: &mut DbConnection,
        id: i32,
        trainee_id: i32,
    ) -> QueryResult<Option<Certificate>> {
        certificates::table
            .filter(certificates::id.eq(id))
            .filter(certificates::trainee_id.eq(trainee_id))
            .select(Certificate::as_select())
            .first(conn)
            .optional()
    }

    pub fn of_trainee(conn: &mut DbConnection, trainee_id: i32) -> QueryResult<Vec<Certificate>> {
        crate::db::on_backend!(conn, |c| certificates::table
            .filter(certificates::trainee_id.eq(trainee_id))
            .order(certificates::id.desc())
            .select(Certificate::as_select())
            .load(c))
    }

    pub fn by_code(conn: &mut DbConnection, code: &str) -> QueryResult<Option<Certificate>> {
        certificates::table
            .filter(certificates::code.eq(code))
            .select(Certificate::as_select())
            .first(conn)
            .optional()
    }

    /// Certificates in a status, oldest first.
    pub fn in_status(
        conn: &mut DbConnection,
        status: CertificateStatus,
    ) -> QueryResult<Vec<Certificate>> {
        certificates::table
            .filter(certificates::status.eq(status))
            .order(certificates::id)
            .select(Certificate::as_select())
            .load(conn)
    }

    /// The next number of `year`, gap-free: the counter row is locked
    /// (PostgreSQL; SQLite has a single writer) until the transaction ends.
    pub fn next_sequence(conn: &mut DbConnection, year: i32) -> QueryResult<i32> {
        #[cfg(feature = "postgres")]
        if let DbConnection::Postgres(_) = conn {
            diesel::sql_query("LOCK TABLE certificate_counters IN EXCLUSIVE MODE").execute(conn)?;
        }
        let last: Option<i32> = certificate_counters::table
            .find(year)
            .select(certificate_counters::last_number)
            .first(conn)
            .optional()?;
        let next = last.unwrap_or(0) + 1;
        if last.is_some() {
            diesel::update(certificate_counters::table.find(year))
                .set(certificate_counters::last_number.eq(next))
                .execute(conn)?;
        } else {
            diesel::insert_into(certificate_counters::table)
                .values((
                    certificate_counters::year.eq(year),
                    certificate_counters::last_number.eq(next),
                ))
                .execute(conn)?;
        }
        Ok(next)
    }

    /// Issues a pending certificate; returns whether it was pending.
    pub fn issue(
        conn: &mut DbConnection,
        id: i32,
        number: &str,
        code: &str,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            certificates::table
                .find(id)
                .filter(certificates::status.eq("pending")),
        )
        .set((
            certificates::status.eq("issued"),
            certificates::number.eq(number),
            certificates::code.eq(code),
            certificates::issued_at.eq(now),
            certificates::issued_by.eq(by),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Revokes an issued certificate; the record stays, saying when and why.
    pub fn revoke(
        conn: &mut DbConnection,
        id: i32,
        reason: &str,
        by: i32,
        now: NaiveDateTime,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            certificates::table
                .find(id)
                .filter(certificates::status.eq("issued")),
        )
        .set((
            certificates::status.eq("revoked"),
            certificates::revoked_at.eq(now),
            certificates::revoked_by.eq(by),
            certificates::revoke_reason.eq(reason),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Marks an issued certificate as replaced; returns whether it was issued.
    pub fn supersede(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> QueryResult<bool> {
        let updated = diesel::update(
            certificates::table
                .find(id)
                .filter(certificates::status.eq("issued")),
        )
        .set((
            certificates::status.eq("superseded"),
            certificates::superseded_at.eq(now),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// A certificate past pending, with the one that replaced it if it was
    /// superseded: what the public and the holder are shown.
    pub fn shown_with_replacement(
        conn: &mut DbConnection,
        certificate: Option<Certificate>,
    ) -> QueryResult<Option<(Certificate, Option<Certificate>)>> {
        let Some(certificate) = certificate.filter(|c| c.status != CertificateStatus::Pending)
        else {
            return Ok(None);
        };
        let replacement = if certificate.status == CertificateStatus::Superseded {
            certificates::table
                .filter(certificates::replaces_id.eq(certificate.id))
                .select(Certificate::as_select())
                .first(conn)
                .optional()?
        } else {
            None
        };
        Ok(Some((certificate, replacement)))
    }

    /// Certificates past pending (issued, revoked or superseded), newest
    /// first: all of them, or those whose number, verification code or
    /// holder's name contains `query` (a code matches however it is typed).
    pub fn search_issued(
        conn: &mut DbConnection,
        query: &str,
        limit: i64,
    ) -> QueryResult<Vec<Certificate>> {
        use crate::db::models::user::{escape_like, lower};
        let mut select = certificates::table
            .filter(certificates::status.ne("pending"))
            .select(Certificate::as_select())
            .into_boxed();
        let query = query.trim();
        if !query.is_empty() {
            let pattern = format!("%{}%", escape_like(&query.to_lowercase()));
            let number = format!("%{}%", escape_like(&query.to_uppercase()));
            let code = crate::domain::certificate::VerificationCode::parse(query)
                .map(|code| code.as_str().to_owned())
                .unwrap_or_default();
            select = select.filter(
                certificates::number
                    .like(number)
                    .escape('\\')
                    .or(lower(certificates::holder_name_en)
                        .like(pattern.clone())
                        .escape('\\'))
                    .or(certificates::holder_name_ar.like(pattern).escape('\\'))
                    .or(certificates::code.eq(code)),
            );
        }
        select
            .order((certificates::issued_at.desc(), certificates::id.desc()))
            .limit(limit)
            .load(conn)
    }
}

/// A certificate's token signed with the issuer key `key_id` and its QR
/// code as drawn for `verify_url`, kept so that a view neither signs nor
/// draws.
#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = certificate_renderings)]
pub struct Rendering {
    pub certificate_id: i32,
    pub key_id: String,
    pub token: String,
    pub verify_url: String,
    pub qr_svg: String,
    pub created_at: NaiveDateTime,
}

impl Rendering {
    pub fn of(conn: &mut DbConnection, certificate_id: i32) -> QueryResult<Option<Rendering>> {
        certificate_renderings::table
            .find(certificate_id)
            .select(Rendering::as_select())
            .first(conn)
            .optional()
    }

    /// Keeps `self`, replacing what was kept for the certificate (a QR code
    /// drawn for another address). Two first views at once both store the
    /// same thing; one statement on both databases.
    pub fn store(&self, conn: &mut DbConnection) -> QueryResult<()> {
        use diesel::upsert::excluded;
        let upsert = diesel::insert_into(certificate_renderings::table)
            .values(self)
            .on_conflict(certificate_renderings::certificate_id)
            .do_update()
            .set((
                certificate_renderings::key_id.eq(excluded(certificate_renderings::key_id)),
                certificate_renderings::token.eq(excluded(certificate_renderings::token)),
                certificate_renderings::verify_url.eq(excluded(certificate_renderings::verify_url)),
                certificate_renderings::qr_svg.eq(excluded(certificate_renderings::qr_svg)),
                certificate_renderings::created_at.eq(excluded(certificate_renderings::created_at)),
            ));
        on_backend!(conn, |c| upsert.execute(c))?;
        Ok(())
    }
}
