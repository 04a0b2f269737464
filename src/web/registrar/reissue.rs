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
use crate::db::DbError;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::certificate::Certificate;
use crate::db::models::user::User;
use crate::error::AppError;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_event, urls};

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
        .filter(|c| c.status == "issued")
        .ok_or(AppError::NotFound)
}

fn render(page: ReissuePage, status: StatusCode) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
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
    render(
        ReissuePage {
            ctx,
            certificate,
            form,
            update_account: true,
        },
        StatusCode::OK,
    )
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
    let (name_ar, name_en) = crate::web::account::register::check_names(
        &mut form,
        &input.full_name_ar,
        &input.full_name_en,
    );
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
    let update_account = input.update_account.as_deref() == Some("1");
    let (Some(name_ar), Some(name_en), false) = (name_ar, name_en, form.has_errors()) else {
        let page = ReissuePage {
            ctx,
            certificate,
            form,
            update_account,
        };
        return render(page, StatusCode::UNPROCESSABLE_ENTITY);
    };

    let (old_id, trainee_id) = (certificate.id, certificate.trainee_id);
    let (by, now) = (registrar.id, state.clock().now());
    let event = audit_event(
        &req,
        Some(by),
        "certificate.reissue",
        format!("certificate:{old_id}"),
        serde_json::json!({
            "reason": reason,
            "old_number": certificate.number,
            "old_names": [certificate.holder_name_ar, certificate.holder_name_en],
            "new_names": [name_ar.as_str(), name_en.as_str()],
            "account_updated": update_account,
        }),
    );
    let reissued = state
        .db
        .write(move |conn| {
            let Some(reissued) = crate::ops::certificates::reissue(
                conn,
                old_id,
                name_ar.as_str(),
                name_en.as_str(),
                by,
                now,
            )?
            else {
                return Ok::<_, DbError>(None);
            };
            if update_account {
                User::set_names(
                    conn,
                    trainee_id,
                    name_ar.as_str(),
                    name_en.as_str(),
                    db_now(now),
                )?;
            }
            let mut event = event;
            if let Some(details) = event.details.as_object_mut() {
                details.insert("new_number".to_owned(), reissued.number.clone().into());
            }
            audit::append(conn, &event, db_now(now))?;
            Ok(Some(reissued))
        })
        .await?;
    let key = if reissued.is_some() {
        "flash-certificate-reissued"
    } else {
        "flash-certificate-not-issued"
    };
    Ok(flash::redirect(&state.settings, urls::REGISTRAR_HOME, key))
}
