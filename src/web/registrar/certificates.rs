//! The registrar's certificates: the pending queue (filters `region` and
//! `cohort`), issuing one or many at once (`certificate_id` repeated), the
//! latest issued ones or a search by number, code or name (`q`), and
//! revoking with a reason. Both audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::models::certificate::Certificate;
use crate::domain::certificate::CertificateStatus;
use crate::domain::emirates_id::EmiratesId;
use crate::error::AppError;
use crate::web::account::register::Choice;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueFilter {
    /// Region name in either language, as stored on the certificate.
    pub region: String,
    pub cohort: String,
    /// Finds issued certificates by number, code or holder's name.
    pub q: String,
}

/// A certificate as the registrar's lists show it.
pub struct CertificateRow {
    pub id: i32,
    pub holder_ar: String,
    pub holder_en: String,
    pub masked_id: String,
    pub region: String,
    pub venue: String,
    pub cohort_id: i32,
    pub score: i32,
    pub exam_date: String,
    pub number: String,
    pub status: CertificateStatus,
}

impl CertificateRow {
    /// The certificate as its holder sees and prints it.
    pub fn page_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_CERTIFICATE, self.id)
    }

    fn from(certificate: &Certificate, lang: crate::i18n::Lang) -> Self {
        Self {
            id: certificate.id,
            holder_ar: certificate.holder_name_ar.clone(),
            holder_en: certificate.holder_name_en.clone(),
            masked_id: certificate
                .emirates_id
                .as_deref()
                .and_then(|id| EmiratesId::parse(id).ok())
                .map(|id| id.masked())
                .unwrap_or_default(),
            region: lang
                .pick(&certificate.region_ar, &certificate.region_en)
                .to_owned(),
            venue: lang
                .pick(&certificate.venue_ar, &certificate.venue_en)
                .to_owned(),
            cohort_id: certificate.cohort_id,
            score: certificate.score_percent,
            exam_date: certificate.exam_date.to_string(),
            number: certificate.number.clone().unwrap_or_default(),
            status: certificate.status,
        }
    }

    pub fn revoke_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_CERTIFICATE_REVOKE, self.id)
    }

    pub fn reissue_url(&self) -> String {
        urls::with_id(urls::REGISTRAR_CERTIFICATE_REISSUE, self.id)
    }
}

#[derive(Template)]
#[template(path = "registrar/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub pending: Vec<CertificateRow>,
    pub issued: Vec<CertificateRow>,
    pub filter: QueueFilter,
    pub regions: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    /// A revocation refused for want of a reason: (certificate id, what the
    /// field says), shown next to that certificate's reason field.
    pub revoke_error: Option<(i32, &'static str)>,
}

impl DashboardPage {
    /// The catalogue key of the error beside certificate `id`'s reason.
    pub fn revoke_error_for(&self, id: &i32) -> Option<&'static str> {
        self.revoke_error
            .filter(|(failed, _)| failed == id)
            .map(|(_, key)| key)
    }
}

pub async fn show(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    filter: web::Query<QueueFilter>,
) -> Result<HttpResponse, AppError> {
    render(ctx, &state, filter.into_inner(), None, StatusCode::OK).await
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    filter: QueueFilter,
    revoke_error: Option<(i32, &'static str)>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let query = filter.q.clone();
    let (pending, issued) = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>((
                Certificate::in_status(conn, CertificateStatus::Pending)?,
                Certificate::search_issued(conn, &query, 50)?,
            ))
        })
        .await?;
    let mut regions: Vec<Choice> = pending
        .iter()
        .map(|c| Choice {
            code: c.region_en.clone(),
            label: lang.pick(&c.region_ar, &c.region_en).to_owned(),
        })
        .collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    regions.dedup_by(|a, b| a.code == b.code);
    let mut cohorts: Vec<Choice> = pending
        .iter()
        .map(|c| Choice {
            code: c.cohort_id.to_string(),
            label: format!("{} · {}", lang.pick(&c.venue_ar, &c.venue_en), c.cohort_id),
        })
        .collect();
    cohorts.sort_by(|a, b| a.code.cmp(&b.code));
    cohorts.dedup_by(|a, b| a.code == b.code);
    let pending = pending
        .iter()
        .filter(|c| filter.region.is_empty() || c.region_en == filter.region)
        .filter(|c| filter.cohort.is_empty() || c.cohort_id.to_string() == filter.cohort)
        .map(|c| CertificateRow::from(c, lang))
        .collect();
    let issued = issued
        .iter()
        .map(|c| CertificateRow::from(c, lang))
        .collect();
    let page = DashboardPage {
        ctx,
        pending,
        issued,
        filter,
        regions,
        cohorts,
        revoke_error,
    };
    crate::web::page::render(status, &page)
}

/// The issue form: one `certificate_id` per ticked row (actix's `Form`
/// keeps only one of a repeated field; `serde_html_form` collects them).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct IssueForm {
    certificate_id: Vec<String>,
}

/// `POST /registrar/certificates/issue` with `certificate_id` repeated.
pub async fn issue(
    req: HttpRequest,
    registrar: Registrar,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let form: IssueForm = serde_html_form::from_bytes(&body).map_err(|_| AppError::BadRequest)?;
    let ids: Vec<i32> = form
        .certificate_id
        .iter()
        .map(|value| value.trim().parse::<i32>())
        .collect::<Result<_, _>>()
        .map_err(|_| AppError::BadRequest)?;
    if ids.is_empty() {
        return Ok(flash::redirect(
            &state.settings,
            urls::REGISTRAR_HOME,
            "flash-certificates-none-chosen",
        ));
    }
    let actor = audit_actor(&req, registrar.id);
    let now = state.clock().now();
    crate::ops::certificates::issue_many(&state.db, &actor, registrar.id, ids, now).await?;
    Ok(flash::redirect(
        &state.settings,
        urls::REGISTRAR_HOME,
        "flash-certificates-issued",
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub reason: String,
}

pub async fn revoke(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<RevokeForm>,
) -> Result<HttpResponse, AppError> {
    let (id, by, now) = (id.into_inner(), registrar.id, state.clock().now());
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() {
        // The page again, with the error beside this certificate's reason.
        let number = state
            .db
            .read(move |conn| Ok::<_, AppError>(Certificate::find(conn, id)?))
            .await?
            .ok_or(AppError::NotFound)?
            .number
            .unwrap_or_default();
        let filter = QueueFilter {
            q: number,
            ..QueueFilter::default()
        };
        let error = Some((id, "registrar-reason-required"));
        return render(ctx, &state, filter, error, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = audit_actor(&req, by);
    let revoked = crate::ops::certificates::revoke(&state.db, &actor, by, id, reason, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = if revoked {
        "flash-certificate-revoked"
    } else {
        "flash-certificate-not-issued"
    };
    Ok(flash::redirect(&state.settings, urls::REGISTRAR_HOME, key))
}

/// `GET /registrar/certificates/{id}`: any certificate past pending, as
/// its holder sees and prints it.
pub async fn certificate(
    req: HttpRequest,
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    use crate::web::trainee::certificates::{Viewer, respond};
    respond(req, ctx, &state, id.into_inner(), Viewer::Registrar).await
}
