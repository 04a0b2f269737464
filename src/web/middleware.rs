//! Request-wide behaviour, outermost first: a request id and one log line per
//! request; security headers; the language (from `?lang=` or the cookie);
//! translated error pages; and the guards that refuse oversized bodies and
//! cross-site POSTs before any handler runs.
//!
//! The request log is our own rather than `tracing-actix-web`'s: its root
//! span records the whole target, query string included, and ours must not
//! (verification codes and reset tokens travel there); an id on the
//! response and one line per request is all we need, in thirty lines.

use std::fmt;
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{Error, HttpMessage, ResponseError, web};
use rand::RngCore;
use tracing::Instrument;

use crate::error::{AppError, error_chain};
use crate::i18n::Lang;
use crate::web::page::PageCtx;
use crate::web::{AppState, errors, urls};

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// Largest request body accepted at all (question-bank imports are the
/// largest legitimate uploads); forms have a smaller limit of their own.
pub const MAX_BODY_BYTES: u64 = 4 * 1024 * 1024;

/// A short random id that ties a request's log lines to what the person saw.
#[derive(Clone, Debug)]
pub struct RequestId(String);

impl RequestId {
    fn new() -> Self {
        let mut bytes = [0u8; 8];
        rand::rng().fill_bytes(&mut bytes);
        Self(hex::encode(bytes))
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Assigns the request id and writes one line per request: method, path,
/// status, duration and id. Query strings are left out (they can carry
/// verification codes and tokens).
pub async fn request_log(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = RequestId::new();
    req.extensions_mut().insert(id.clone());
    let method = req.method().clone();
    let path = req.path().to_owned();
    let started = Instant::now();
    let span = tracing::info_span!("request", id = %id);
    let result = next.call(req).instrument(span).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(err) => err.as_response_error().status_code(),
    };
    tracing::info!(
        %method,
        path,
        status = status.as_u16(),
        ms = format_args!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
        request_id = %id,
        "request"
    );
    let mut res = result?;
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        res.headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// Headers every response carries. The policy allows no inline script and
/// no framing; scripts and styles come only from this site.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "same-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}

/// `Cache-Control: no-store` on every response to a signed-in person and on
/// the pages that show a person's certificate to anyone (`/verify/…`), so
/// that nothing personal stays in a shared computer's cache or a proxy
/// (trainees often use the ones at schools and centres); static files and
/// the open data keep their own caching. With an `https` public URL, also
/// `Strict-Transport-Security` for a year. Runs outside the session
/// middleware, so it knows who is signed in.
pub async fn privacy(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.settings.secure_cookies());
    let mut res = next.call(req).await?.map_into_boxed_body();
    let path = res.request().path();
    let shared = path.starts_with("/static/") || path == urls::COHORTS_JSON;
    let personal = res
        .request()
        .extensions()
        .get::<crate::auth::CurrentUser>()
        .is_some()
        || path.starts_with("/verify/");
    if personal && !shared {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    Ok(res)
}

/// Chooses the page language: `?lang=` (remembered in a cookie for a year),
/// else the cookie, else Arabic.
pub async fn language(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let chosen = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, value)| Lang::parse(&value));
    let lang = chosen
        .or_else(|| {
            req.cookie(LANG_COOKIE)
                .and_then(|cookie| Lang::parse(cookie.value()))
        })
        .unwrap_or_default();
    req.extensions_mut().insert(lang);
    let mut res = next.call(req).await?;
    if let Some(lang) = chosen {
        let cookie = Cookie::build(LANG_COOKIE, lang.code())
            .path("/")
            .max_age(CookieDuration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .finish();
        // Failing to set the cookie only means the choice is not remembered.
        let _ = res.response_mut().add_cookie(&cookie);
    }
    Ok(res)
}

/// Gives every error status a translated page in the request's language
/// (unless the handler already rendered HTML or answered JSON), and logs
/// every 5xx with its cause chain and the request id.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    // Taken before the call: holding a clone of the request while it is
    // routed would make actix panic (it needs the only reference).
    let ctx = PageCtx::from_request(req.request());
    let json = errors::wants_json(req.request());
    let res = match next.call(req).await {
        Ok(res) => res.map_into_boxed_body(),
        Err(err) => return Err(err),
    };
    let status = res.status();
    if status.as_u16() < 400 {
        return Ok(res);
    }
    if status.is_server_error() {
        let cause = match res.response().error() {
            Some(err) => match err.as_error::<AppError>() {
                Some(app_error) => error_chain(app_error),
                None => err.to_string(),
            },
            None => status.to_string(),
        };
        tracing::error!(request_id = %ctx.request_id, status = status.as_u16(), cause, "server error");
    }
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("text/html") || content_type.starts_with("application/json") {
        return Ok(res);
    }
    let (page, content_type) = if json {
        (errors::json(status), "application/json")
    } else {
        (errors::render(ctx, status), "text/html; charset=utf-8")
    };
    Ok(res.map_body(|head, _old| {
        head.headers.remove(header::CONTENT_LENGTH);
        head.headers
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        head.headers
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        BoxBody::new(page)
    }))
}

/// Longest address (path and query) accepted; no page or form of the site
/// comes near it. Longer ones get the translated 414 page. (Past 64 KiB the
/// HTTP parser itself answers a bare 400 before any of this code runs.)
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// Refuses, before any handler runs, an address longer than
/// [`MAX_URI_BYTES`] (414), a body larger than [`MAX_BODY_BYTES`] (413) and a
/// state-changing request whose `Origin` is another site (403).
pub async fn request_guards(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let declared_length = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let uri_length = req
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if uri_length > MAX_URI_BYTES {
        return Ok(req.into_response(AppError::UriTooLong.error_response()));
    }
    if declared_length.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Ok(req.into_response(AppError::PayloadTooLarge.error_response()));
    }
    if !is_safe_method(req.method()) && !origin_is_own(&req) {
        tracing::warn!(origin = ?req.headers().get(header::ORIGIN), "cross-site request refused");
        return Ok(req.into_response(AppError::Forbidden.error_response()));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// True when there is no `Origin` header (older browsers, non-browser
/// clients; CSRF tokens still protect them) or it names this site: the
/// configured public URL, else the address the request was sent to.
fn origin_is_own(req: &ServiceRequest) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let public = req.app_data::<web::Data<AppState>>().and_then(|state| {
        state
            .settings
            .public_url
            .as_ref()
            .map(|url| url.origin().ascii_serialization())
    });
    match public {
        Some(expected) => origin.eq_ignore_ascii_case(&expected),
        None => {
            origin.eq_ignore_ascii_case(&crate::web::client::of_request(req.request()).origin())
        }
    }
}

/// Status codes that always get the translated page (used by tests to list
/// the pages that must exist in both catalogues).
pub const PAGE_STATUSES: [StatusCode; 9] = [
    StatusCode::BAD_REQUEST,
    StatusCode::FORBIDDEN,
    StatusCode::NOT_FOUND,
    StatusCode::METHOD_NOT_ALLOWED,
    StatusCode::PAYLOAD_TOO_LARGE,
    StatusCode::URI_TOO_LONG,
    StatusCode::TOO_MANY_REQUESTS,
    StatusCode::INTERNAL_SERVER_ERROR,
    StatusCode::SERVICE_UNAVAILABLE,
];
