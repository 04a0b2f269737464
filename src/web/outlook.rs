//! A trainee's exam standing at a course in a sentence or two: attempts
//! left, the earliest re-sit, the need to retrain, the certificate. The
//! trainee's dashboard and result page and the registrar's trainee page all
//! say it with these words.

use chrono::{DateTime, Utc};

use crate::db::db_now;
use crate::db::models::certificate::Certificate;
use crate::db::models::exam::{Attempt, ExamSettings};
use crate::db::{DbConnection, DbError};
use crate::domain::resit::NextStep;
use crate::domain::time::utc_to_local;
use crate::ops::exam::attempts;
use crate::web::page::PageCtx;

/// What the sentences are made of.
#[derive(Clone, Debug)]
pub struct Outlook {
    pub next: NextStep,
    pub max_attempts: i32,
    /// Whether the trainee has sat the exam at all.
    pub sat: bool,
    /// The newest certificate of the course that is not superseded.
    pub certificate: Option<Certificate>,
}

impl Outlook {
    pub fn load(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
        now: DateTime<Utc>,
    ) -> Result<Outlook, DbError> {
        let certificates = Certificate::of_trainee(conn, trainee_id)?;
        Self::load_with(conn, trainee_id, course_id, &certificates, now)
    }

    /// [`Outlook::load`] with the trainee's certificates loaded already
    /// (`Certificate::of_trainee`: a page that lists them too).
    pub fn load_with(
        conn: &mut DbConnection,
        trainee_id: i32,
        course_id: i32,
        certificates: &[Certificate],
        now: DateTime<Utc>,
    ) -> Result<Outlook, DbError> {
        let settings = ExamSettings::current(conn)?;
        let course_attempts = Attempt::of_trainee_course(conn, trainee_id, course_id)?;
        let record = attempts::record_of(conn, trainee_id, course_id, &course_attempts)?;
        let certificate = certificates
            .iter()
            .filter(|c| {
                course_attempts
                    .iter()
                    .any(|attempt| attempt.id == c.attempt_id)
                    && !c.status.is_superseded()
            })
            .max_by_key(|c| c.id)
            .cloned();
        Ok(Outlook {
            next: record.next_step(attempts::limits(&settings), db_now(now)),
            max_attempts: settings.max_attempts,
            sat: !record.finished.is_empty(),
            certificate,
        })
    }

    pub fn used_up(&self) -> bool {
        matches!(self.next, NextStep::UsedUp { .. })
    }

    /// The sentences, in the page's language.
    pub fn lines(&self, ctx: &PageCtx) -> Vec<String> {
        let lang = ctx.lang;
        let max = fluent_bundle::FluentValue::from(self.max_attempts);
        let mut lines = Vec::new();
        match self.next {
            NextStep::Passed => lines.push(ctx.t("outlook-passed")),
            NextStep::MaySit { left } => lines.push(lang.t_args(
                "outlook-may-sit",
                &[("left", left.into()), ("max", max.clone())],
            )),
            NextStep::ResitFrom { from, left } => lines.push(
                lang.t_args(
                    "outlook-resit-from",
                    &[
                        (
                            "when",
                            utc_to_local(from)
                                .format("%Y-%m-%d %H:%M")
                                .to_string()
                                .into(),
                        ),
                        ("left", left.into()),
                        ("max", max.clone()),
                    ],
                ),
            ),
            NextStep::UsedUp { used } => {
                lines.push(ctx.tn("outlook-used-up", "used", used));
            }
        }
        if let Some(certificate) = &self.certificate {
            let number = certificate.number.clone().unwrap_or_default();
            let key = match certificate.status.as_str() {
                "issued" => "outlook-certificate-issued",
                "revoked" => "outlook-certificate-revoked",
                _ => "outlook-certificate-pending",
            };
            lines.push(ctx.ts(key, "number", number));
        }
        lines
    }
}
