//! CSRF protection for every state-changing request: the token is bound to
//! the session when someone is signed in, and to a cookie of its own for
//! visitors (login and registration forms). Forms send it as `csrf_token`,
//! scripts as the `X-CSRF-Token` header. The middleware checks it before any
//! handler runs, so a new POST route is covered without doing anything.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, ResponseError, web};

use crate::auth::{constant_time_eq, random_token};
use crate::config::Settings;
use crate::error::AppError;

/// The form field and header that carry the token.
pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

/// The token this request's forms must carry.
#[derive(Clone, Debug)]
pub struct CsrfToken {
    pub value: String,
    /// A visitor's new token, whose cookie still has to be set.
    pub is_new: bool,
}

/// The visitors' token cookie: `__Host-` prefixed on https sites.
pub fn cookie_name(settings: &Settings) -> &'static str {
    if settings.secure_cookies() {
        "__Host-ec_csrf"
    } else {
        "ec_csrf"
    }
}

/// The session's token for someone signed in; else the visitor's cookie,
/// or a fresh one.
pub fn token_for(
    req: &ServiceRequest,
    settings: &Settings,
    signed_in: Option<String>,
) -> CsrfToken {
    if let Some(value) = signed_in {
        return CsrfToken {
            value,
            is_new: false,
        };
    }
    match req.cookie(cookie_name(settings)) {
        Some(cookie) if cookie.value().len() == 43 => CsrfToken {
            value: cookie.value().to_owned(),
            is_new: false,
        },
        _ => CsrfToken {
            value: random_token(),
            is_new: true,
        },
    }
}

/// Refuses with the 403 page any POST (or other unsafe method) whose token
/// is missing or wrong. The form body is read here and handed on intact.
pub async fn check(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let expected = req
        .extensions()
        .get::<CsrfToken>()
        .filter(|token| !token.is_new)
        .map(|token| token.value.clone());
    let from_header = req
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    let (req, from_form) = if from_header.is_none() && is_form {
        let (http_req, mut payload) = req.into_parts();
        let body = match web::Bytes::from_request(&http_req, &mut payload).await {
            Ok(body) => body,
            Err(err) => {
                let response = err.error_response();
                return Ok(ServiceResponse::new(http_req, response).map_into_boxed_body());
            }
        };
        let token = url::form_urlencoded::parse(&body)
            .find(|(name, _)| name == FIELD)
            .map(|(_, value)| value.into_owned());
        (
            ServiceRequest::from_parts(http_req, Payload::from(body)),
            token,
        )
    } else {
        (req, None)
    };
    // A file upload's body is not read here; its form puts the token in
    // the action's query string instead (same-origin, never logged).
    let is_upload = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data"));
    let from_query = is_upload
        .then(|| {
            url::form_urlencoded::parse(req.query_string().as_bytes())
                .find(|(name, _)| name == FIELD)
                .map(|(_, value)| value.into_owned())
        })
        .flatten();
    let from_form = from_form.or(from_query);
    let provided = from_header.or(from_form);
    let valid = matches!((&expected, &provided), (Some(expected), Some(provided)) if constant_time_eq(expected.as_bytes(), provided.as_bytes()));
    if !valid {
        tracing::warn!(
            path = req.path(),
            had_token = provided.is_some(),
            "request without a valid CSRF token refused"
        );
        return Ok(req
            .into_response(AppError::Forbidden.error_response())
            .map_into_boxed_body());
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
