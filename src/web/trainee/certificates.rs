//! A certificate as a printable A4 landscape page in Arabic and English
//! (text, never images of text, so the browser shapes both names), with a
//! Print button: `GET /me/certificates/{id}` for its holder (another
//! person's is a 404); `web::registrar::certificates::show` shows the same
//! page to a registrar, who may open and print any that has been issued.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::auth::extractors::Trainee;
use crate::db::models::certificate::{Certificate, Rendering};
use crate::db::models::user::User;
use crate::db::{DbConnection, DbError};
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
    /// The holder's gender as registered (`female`, `male`), for the
    /// Arabic verb; empty when not given.
    pub gender: String,
    pub issued_on: String,
    /// Grouped for print.
    pub code: String,
    pub verify_url: String,
    /// The verification URL with its signed token, as a QR code (SVG made
    /// on the server).
    pub qr_svg: String,
    /// For a superseded certificate: the corrected one (link, number).
    pub replacement: Option<(String, String)>,
    /// Where "Back" leads: the holder's page, or the registrar's.
    pub back: String,
}

impl CertificatePage {
    /// "… has successfully completed …" in `lang`, the Arabic verb agreeing
    /// with the holder.
    pub fn completed(&self, lang: &str) -> String {
        let (lang, course) = match lang {
            "ar" => (crate::i18n::Lang::Ar, &self.certificate.course_name_ar),
            _ => (crate::i18n::Lang::En, &self.certificate.course_name_en),
        };
        lang.t_args(
            "certificate-completed",
            &[
                ("course", course.clone().into()),
                ("gender", self.gender.clone().into()),
            ],
        )
    }
}

/// Who is asking, and so which certificates they may open.
#[derive(Clone, Copy)]
pub enum Viewer {
    Holder(i32),
    Registrar,
}

/// `GET /me/certificates/{id}`.
pub async fn show(
    req: HttpRequest,
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    respond(
        req,
        ctx,
        &state,
        id.into_inner(),
        Viewer::Holder(trainee.id),
    )
    .await
}

/// The certificate the viewer may see (a pending one is nobody's yet),
/// its replacement if it was superseded, its kept rendering and the
/// holder's gender.
type Loaded = (Certificate, Option<Certificate>, Option<Rendering>, String);

fn load(conn: &mut DbConnection, id: i32, viewer: Viewer) -> Result<Option<Loaded>, DbError> {
    let found = match viewer {
        Viewer::Holder(trainee_id) => Certificate::find_own(conn, id, trainee_id)?,
        Viewer::Registrar => Certificate::find(conn, id)?,
    };
    let Some((certificate, replacement)) = Certificate::shown_with_replacement(conn, found)? else {
        return Ok(None);
    };
    let kept = Rendering::of(conn, certificate.id)?;
    let gender = User::find(conn, certificate.trainee_id)?
        .and_then(|holder| holder.gender)
        .unwrap_or_default();
    Ok(Some((certificate, replacement, kept, gender)))
}

/// The certificate page for `viewer`: 404 for what they may not open.
pub async fn respond(
    req: HttpRequest,
    ctx: PageCtx,
    state: &AppState,
    id: i32,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    let (certificate, replacement, kept, gender) = state
        .db
        .read(move |conn| Ok::<_, AppError>(load(conn, id, viewer)?))
        .await?
        .ok_or(AppError::NotFound)?;
    let (page_of, back) = match viewer {
        Viewer::Holder(_) => (urls::TRAINEE_CERTIFICATE, urls::TRAINEE_HOME.to_owned()),
        Viewer::Registrar => (
            urls::REGISTRAR_CERTIFICATE,
            urls::with_id(urls::REGISTRAR_TRAINEE, certificate.trainee_id),
        ),
    };
    let replacement = replacement.map(|new| {
        (
            urls::with_id(page_of, new.id),
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
        gender,
        issued_on,
        code,
        verify_url,
        qr_svg,
        replacement,
        back,
    };
    let mut response = render(StatusCode::OK, &page)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
