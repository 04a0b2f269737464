//! `GET /me/certificates/{id}`: the trainee's own certificate, a printable
//! A4 landscape page in Arabic and English (text, never images of text, so
//! the browser shapes both names). Another person's certificate is a 404.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::extractors::Trainee;
use crate::db::models::certificate::{Certificate, Rendering};
use crate::domain::certificate::VerificationCode;
use crate::domain::time::utc_to_local;
use crate::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, urls};

#[derive(Template)]
#[template(path = "trainee/certificate.html")]
pub struct CertificatePage {
    pub ctx: PageCtx,
    pub certificate: Certificate,
    pub issued_on: String,
    /// Grouped for print.
    pub code: String,
    pub verify_url: String,
    /// The verification URL with its signed token, as a QR code (SVG made
    /// on the server).
    pub qr_svg: String,
    /// For a superseded certificate: the corrected one (link, number).
    pub replacement: Option<(String, String)>,
}

pub async fn show(
    req: actix_web::HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let (id, trainee_id) = (id.into_inner(), trainee.id);
    let (certificate, replacement, kept) = state
        .db
        .read(move |conn| {
            let found = Certificate::find_own(conn, id, trainee_id)?;
            let Some((certificate, replacement)) =
                Certificate::shown_with_replacement(conn, found)?
            else {
                return Ok::<_, AppError>(None);
            };
            let kept = Rendering::of(conn, certificate.id)?;
            Ok(Some((certificate, replacement, kept)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let replacement = replacement.map(|new| {
        (
            urls::with_id(urls::TRAINEE_CERTIFICATE, new.id),
            new.number.unwrap_or_default(),
        )
    });
    let code = certificate
        .code
        .as_deref()
        .and_then(|code| VerificationCode::parse(code).ok())
        .map(|code| code.grouped())
        .unwrap_or_default();
    // A QR code is read by a phone, so its address is absolute: the public
    // URL when configured, otherwise the address this page was asked on
    // (forwarded headers count only from a trusted proxy).
    let base = state.settings.public_url.as_ref().map_or_else(
        || crate::web::client::of(&req, &state.settings.trusted_proxies).origin(),
        |url| url.as_str().trim_end_matches('/').to_owned(),
    );
    let verify_url = format!(
        "{base}{}",
        urls::VERIFY_CODE.replace("{code}", certificate.code.as_deref().unwrap_or_default())
    );
    let issued_on = certificate
        .issued_at
        .map(|at| utc_to_local(at).date().to_string())
        .unwrap_or_default();
    let qr_svg = crate::ops::certificates::qr_code(
        &state.db,
        &state.issuer,
        &certificate,
        &verify_url,
        kept,
        state.clock().now(),
    )
    .await
    .map_err(|err| match err {
        crate::ops::certificates::QrError::Db(err) => AppError::from(err),
        crate::ops::certificates::QrError::Draw(err) => anyhow::anyhow!("QR code: {err}").into(),
    })?;
    let page = CertificatePage {
        ctx,
        certificate,
        issued_on,
        code,
        verify_url,
        qr_svg,
        replacement,
    };
    let mut response = render(StatusCode::OK, &page)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
