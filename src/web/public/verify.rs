//! Public verification of a certificate by its code: `/verify` (a form),
//! `/verify/{code}` (valid / revoked with when and why / superseded by a
//! corrected certificate / not found; with
//! `?t=TOKEN` also whether the QR code's signature holds and its facts
//! match) and `/verify/{code}.json`. Codes are accepted with or without
//! dashes and in any case. Only the facts on the certificate are shown:
//! never the Emirates ID or contact details.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::models::certificate::Certificate;
use crate::domain::certificate::VerificationCode;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::ops::verification::{self, Lookup};
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeQuery {
    pub code: String,
}

/// `?t=TOKEN`: the signed token a certificate's QR code carries.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    pub t: Option<String>,
}

#[derive(Template)]
#[template(path = "public/verify.html")]
pub struct VerifyPage {
    pub ctx: PageCtx,
    pub code: String,
    /// What was found, if a code was given.
    pub certificate: Option<Certificate>,
    pub searched: bool,
    /// With a token: whether its signature holds and its facts match.
    pub token_ok: Option<bool>,
    /// For a superseded certificate: the corrected one that replaced it.
    pub replacement: Option<Certificate>,
}

impl VerifyPage {
    /// A token came with the code and its signature or facts do not hold.
    pub fn forged(&self) -> bool {
        self.token_ok == Some(false)
    }

    /// A token came with the code and it is genuine.
    pub fn signature_holds(&self) -> bool {
        self.token_ok == Some(true)
    }

    pub fn revoked_on(&self) -> String {
        self.certificate
            .as_ref()
            .and_then(|c| c.revoked_at)
            .map(|at| utc_to_local(at).date().to_string())
            .unwrap_or_default()
    }

    /// "Replaced on DATE by certificate NUMBER."
    pub fn superseded_on(&self) -> String {
        let date = self
            .certificate
            .as_ref()
            .and_then(|c| c.superseded_at)
            .map(|at| utc_to_local(at).date().to_string())
            .unwrap_or_default();
        let number = self
            .replacement
            .as_ref()
            .and_then(|c| c.number.clone())
            .unwrap_or_default();
        self.ctx.lang.t_args(
            "verify-superseded-on",
            &[
                ("date", fluent_bundle::FluentValue::from(date)),
                ("number", fluent_bundle::FluentValue::from(number)),
            ],
        )
    }

    /// The verification page of the replacement.
    pub fn replacement_url(&self) -> String {
        self.replacement
            .as_ref()
            .and_then(|c| c.code.as_deref())
            .map(|code| urls::VERIFY_CODE.replace("{code}", code))
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

/// Records a look-up from this client and refuses with 429 after a burst,
/// so codes cannot be enumerated.
async fn throttle(req: &HttpRequest, state: &AppState) -> Result<(), AppError> {
    let actor = crate::web::account::anonymous_actor(req);
    match verification::record_lookup(&state.db, &actor, state.clock().now()).await? {
        Lookup::Allowed => Ok(()),
        Lookup::Throttled { retry_after_secs } => {
            Err(AppError::TooManyRequests { retry_after_secs })
        }
    }
}

/// The certificate with this code, if it was issued (pending ones have
/// none), and the certificate that replaced it if it was superseded.
async fn find(
    state: &AppState,
    code: &str,
) -> Result<Option<(Certificate, Option<Certificate>)>, AppError> {
    let Ok(code) = VerificationCode::parse(code) else {
        return Ok(None);
    };
    let code = code.as_str().to_owned();
    state
        .db
        .read(move |conn| {
            let found = Certificate::by_code(conn, &code)?;
            Ok::<_, AppError>(Certificate::shown_with_replacement(conn, found)?)
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
    let page = VerifyPage {
        ctx,
        code: String::new(),
        certificate: None,
        searched: false,
        token_ok: None,
        replacement: None,
    };
    render(StatusCode::OK, &page)
}

pub async fn show(
    req: HttpRequest,
    ctx: PageCtx,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    throttle(&req, &state).await?;
    let code = code.into_inner();
    let (certificate, replacement) = find(&state, &code).await?.unzip();
    let replacement = replacement.flatten();
    let status = if certificate.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let token_ok = match (&certificate, query.t.as_deref()) {
        (Some(certificate), Some(token)) => Some(
            crate::issuer::verify(token, &state.issuer.published())
                .is_ok_and(|facts| facts == crate::ops::certificates::facts(certificate, &facts.k)),
        ),
        _ => None,
    };
    let page = VerifyPage {
        ctx,
        code,
        certificate,
        searched: true,
        token_ok,
        replacement,
    };
    let mut response = render(status, &page)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

pub async fn json(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    throttle(&req, &state).await?;
    let (certificate, replacement) = find(&state, &code.into_inner())
        .await?
        .ok_or(AppError::NotFound)?;
    let date = |at: Option<chrono::NaiveDateTime>| at.map(|at| utc_to_local(at).date().to_string());
    let status = match certificate.status.as_str() {
        "revoked" => "revoked",
        "superseded" => "superseded",
        _ => "valid",
    };
    let superseded_by = replacement.map(|new| {
        serde_json::json!({
            "number": new.number,
            "verify_url": new.code.map(|code| urls::VERIFY_CODE.replace("{code}", &code)),
        })
    });
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
            "superseded_on": date(certificate.superseded_at),
            "superseded_by": superseded_by,
        })))
}

/// `GET /.well-known/ecitizen-issuer.json`: the issuer and its public keys,
/// the current one first, then retired ones that still verify older
/// certificates.
pub async fn issuer(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("access-control-allow-origin", "*"))
        .json(state.issuer.document())
}
