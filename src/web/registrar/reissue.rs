//! Reissuing a certificate after a name correction:
//! `GET/POST /registrar/certificates/{id}/reissue`. The form shows the names
//! on the certificate; the new certificate gets the corrected names, a new
//! number and a new code, and the old one says "superseded by" it. The
//! trainee's account can be corrected at the same time. Audited with the
//! reason.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Registrar;
use crate::auth::flash;
use crate::db::models::certificate::Certificate;
use crate::domain::certificate::CertificateStatus;
use crate::error::AppError;
use crate::ops::certificates::NameCorrection;
use crate::web::forms::FormState;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReissueForm {
    pub full_name_ar: String,
    pub full_name_en: String,
    pub reason: String,
    /// `1`: also correct the names on the trainee's account.
    pub update_account: Option<String>,
}

#[derive(Template)]
#[template(path = "registrar/reissue.html")]
pub struct ReissuePage {
    pub ctx: PageCtx,
    pub certificate: Certificate,
    pub form: FormState,
    pub update_account: bool,
}

impl ReissuePage {
    pub fn action(&self) -> String {
        urls::with_id(urls::REGISTRAR_CERTIFICATE_REISSUE, self.certificate.id)
    }
}

/// An issued certificate, or 404 (pending, revoked and replaced ones cannot
/// be reissued; the dashboard only offers issued ones).
async fn issued(state: &AppState, id: i32) -> Result<Certificate, AppError> {
    state
        .db
        .read(move |conn| Ok::<_, AppError>(Certificate::find(conn, id)?))
        .await?
        .filter(|c| c.status == CertificateStatus::Issued)
        .ok_or(AppError::NotFound)
}

pub async fn form(
    ctx: PageCtx,
    _registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let certificate = issued(&state, id.into_inner()).await?;
    let mut form = FormState::default();
    form.keep("full_name_ar", &certificate.holder_name_ar);
    form.keep("full_name_en", &certificate.holder_name_en);
    let page = ReissuePage {
        ctx,
        certificate,
        form,
        update_account: true,
    };
    render(StatusCode::OK, &page)
}

/// The corrected names and reason, or the form with its errors.
fn validate(
    input: &ReissueForm,
    certificate: &Certificate,
    form: &mut FormState,
) -> Option<NameCorrection> {
    let (name_ar, name_en) =
        crate::web::account::register::check_names(form, &input.full_name_ar, &input.full_name_en);
    let reason = input.reason.trim().to_owned();
    form.keep("reason", &reason);
    if reason.is_empty() {
        form.fail("reason", "registrar-reason-required");
    }
    if let (Some(ar), Some(en)) = (&name_ar, &name_en)
        && ar.as_str() == certificate.holder_name_ar
        && en.as_str() == certificate.holder_name_en
    {
        form.fail("full_name_ar", "error-reissue-same-names");
    }
    let (Some(name_ar), Some(name_en), false) = (name_ar, name_en, form.has_errors()) else {
        return None;
    };
    Some(NameCorrection {
        certificate_id: certificate.id,
        name_ar,
        name_en,
        reason,
        update_account: input.update_account.as_deref() == Some("1"),
    })
}

pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    registrar: Registrar,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ReissueForm>,
) -> Result<HttpResponse, AppError> {
    let certificate = issued(&state, id.into_inner()).await?;
    let mut form = FormState::default();
    let Some(correction) = validate(&input, &certificate, &mut form) else {
        let page = ReissuePage {
            ctx,
            certificate,
            form,
            update_account: input.update_account.as_deref() == Some("1"),
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = audit_actor(&req, registrar.id);
    let now = state.clock().now();
    let reissued =
        crate::ops::certificates::correct_names(&state.db, &actor, registrar.id, correction, now)
            .await?;
    let key = if reissued.is_some() {
        "flash-certificate-reissued"
    } else {
        "flash-certificate-not-issued"
    };
    Ok(flash::redirect(&state.settings, urls::REGISTRAR_HOME, key))
}
