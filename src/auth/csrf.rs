//! CSRF protection for every state-changing request: the token is bound to
//! the session when someone is signed in (a random value kept with the
//! session in the database), and to a cookie of its own for visitors (login
//! and registration forms). A visitor's token is `nonce.mac`, the MAC being
//! HMAC-SHA-256 of the nonce under a key only the servers hold, so a value
//! the client made up, in cookie and form alike, is refused. Forms send it
//! as `csrf_token`, scripts as the `X-CSRF-Token` header. The middleware
//! checks it before any handler runs, so a new POST route is covered
//! without doing anything.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, ResponseError, web};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::auth::{constant_time_eq, random_token};
use crate::config::Settings;
use crate::error::AppError;

/// File name of the key that signs visitors' tokens, in the data directory.
pub const KEY_FILE: &str = "csrf-hmac.key";

/// The key visitors' tokens are signed with: the same on every instance
/// that serves the site (a shared data directory or a configured file).
#[derive(Clone)]
pub struct Key([u8; 32]);

/// Never prints the key.
impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("csrf::Key(..)")
    }
}

impl Key {
    /// Loads the configured key file, or the data directory's (created on
    /// first start).
    pub fn open(settings: &Settings) -> std::io::Result<Self> {
        let default = settings.data_dir.join(KEY_FILE);
        crate::secrets::load_or_create(crate::secrets::KeyFile {
            path: settings.csrf_key.as_deref().unwrap_or(&default),
            create: settings.csrf_key.is_none(),
            what: "the CSRF key",
        })
        .map(Self)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    fn mac(&self, nonce: &str) -> String {
        // HMAC takes a key of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(b"ecitizen csrf v1:");
        mac.update(nonce.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A new visitor's token: a random nonce and its MAC.
    pub fn new_token(&self) -> String {
        let nonce = random_token();
        let mac = self.mac(&nonce);
        format!("{nonce}.{mac}")
    }

    /// True when `token` is one this key signed.
    pub fn signed(&self, token: &str) -> bool {
        token.split_once('.').is_some_and(|(nonce, mac)| {
            nonce.len() == 43 && constant_time_eq(mac.as_bytes(), self.mac(nonce).as_bytes())
        })
    }
}

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

/// The session's token for someone signed in; else the visitor's cookie
/// when this server signed it, or a fresh one.
pub fn token_for(
    req: &ServiceRequest,
    settings: &Settings,
    key: &Key,
    signed_in: Option<String>,
) -> CsrfToken {
    if let Some(value) = signed_in {
        return CsrfToken {
            value,
            is_new: false,
        };
    }
    match req.cookie(cookie_name(settings)) {
        Some(cookie) if key.signed(cookie.value()) => CsrfToken {
            value: cookie.value().to_owned(),
            is_new: false,
        },
        _ => CsrfToken {
            value: key.new_token(),
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

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn only_tokens_this_key_signed_are_accepted() {
        let key = Key::from_bytes([7; 32]);
        let token = key.new_token();
        assert!(key.signed(&token));
        assert!(
            !Key::from_bytes([8; 32]).signed(&token),
            "another server's key"
        );
        let (nonce, mac) = token.split_once('.').expect("nonce.mac");
        assert!(!key.signed(nonce), "a bare nonce");
        assert!(!key.signed(&format!("{nonce}.{}", "A".repeat(mac.len()))));
        let other = crate::auth::random_token();
        assert!(
            !key.signed(&format!("{other}.{mac}")),
            "a MAC moved to another nonce"
        );
        assert!(!key.signed(""));
        assert_ne!(key.new_token(), token, "every visitor gets their own");
    }
}
