//! Public verification of a certificate by its code: `/verify` (a form),
//! `/verify/{code}` (valid / revoked with when and why / not found) and
//! `/verify/{code}.json`. Codes are accepted with or without dashes and in
//! any case. Only the facts on the certificate are shown: never the
//! Emirates ID or contact details.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::models::certificate::Certificate;
use crate::domain::certificate::VerificationCode;
use crate::domain::schedule::utc_to_local;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeQuery {
    pub code: String,
}

#[derive(Template)]
#[template(path = "public/verify.html")]
pub struct VerifyPage {
    pub ctx: PageCtx,
    pub code: String,
    /// What was found, if a code was given.
    pub certificate: Option<Certificate>,
    pub searched: bool,
}

impl VerifyPage {
    pub fn revoked_on(&self) -> String {
        self.certificate
            .as_ref()
            .and_then(|c| c.revoked_at)
            .map(|at| utc_to_local(at).date().to_string())
            .unwrap_or_default()
    }

    pub fn issued_on(&self) -> String {
        self.certificate
            .as_ref()
            .and_then(|c| c.issued_at)
            .map(|at| utc_to_local(at).date().to_string())
            .unwrap_or_default()
    }
}

/// The certificate with this code, if it was issued (pending ones have none).
async fn find(state: &AppState, code: &str) -> Result<Option<Certificate>, AppError> {
    let Ok(code) = VerificationCode::parse(code) else {
        return Ok(None);
    };
    let code = code.as_str().to_owned();
    state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(Certificate::by_code(conn, &code)?.filter(|c| c.status != "pending"))
        })
        .await
}

pub async fn form(ctx: PageCtx, query: web::Query<CodeQuery>) -> Result<HttpResponse, AppError> {
    let code = query.code.trim();
    if !code.is_empty() {
        let target = urls::VERIFY_CODE.replace(
            "{code}",
            &url::form_urlencoded::byte_serialize(code.as_bytes()).collect::<String>(),
        );
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, target))
            .finish());
    }
    let body = VerifyPage {
        ctx,
        code: String::new(),
        certificate: None,
        searched: false,
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub async fn show(
    ctx: PageCtx,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    let certificate = find(&state, &code).await?;
    let status = if certificate.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let body = VerifyPage {
        ctx,
        code,
        certificate,
        searched: true,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

pub async fn json(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let certificate = find(&state, &code.into_inner())
        .await?
        .ok_or(AppError::NotFound)?;
    let date = |at: Option<chrono::NaiveDateTime>| at.map(|at| utc_to_local(at).date().to_string());
    let status = if certificate.status == "revoked" {
        "revoked"
    } else {
        "valid"
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({
            "status": status,
            "number": certificate.number,
            "holder_name_ar": certificate.holder_name_ar,
            "holder_name_en": certificate.holder_name_en,
            "course": certificate.course_name_en,
            "course_ar": certificate.course_name_ar,
            "issued_on": date(certificate.issued_at),
            "exam_date": certificate.exam_date,
            "revoked_on": date(certificate.revoked_at),
            "revoke_reason": certificate.revoke_reason,
        })))
}
