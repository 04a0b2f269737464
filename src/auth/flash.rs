//! One-shot messages shown on the page after a redirect ("Your password was
//! changed"). The cookie holds only a catalogue key, checked against the
//! catalogue, so nothing a visitor sends can become page text.

use actix_web::HttpMessage;
use actix_web::HttpResponse;
use actix_web::dev::ServiceRequest;
use actix_web::http::header;

use crate::auth::session::secure_cookie;
use crate::config::Settings;
use crate::i18n::{Lang, keys};

/// A flash message's catalogue key, in the request's extensions.
#[derive(Clone, Debug)]
pub struct Flash(pub String);

pub fn cookie_name(settings: &Settings) -> &'static str {
    if settings.secure_cookies() {
        "__Host-ec_flash"
    } else {
        "ec_flash"
    }
}

/// Moves a valid flash key from its cookie into the request; returns whether
/// there was a cookie (so the middleware can clear it).
pub fn take(req: &ServiceRequest, settings: &Settings) -> bool {
    let Some(cookie) = req.cookie(cookie_name(settings)) else {
        return false;
    };
    let key = cookie.value();
    if key.starts_with("flash-") && keys(Lang::En).contains(key) {
        req.extensions_mut().insert(Flash(key.to_owned()));
    }
    true
}

/// A 303 redirect to `location` that shows the message `key` on arrival.
pub fn redirect(settings: &Settings, location: &str, key: &'static str) -> HttpResponse {
    let mut response = HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish();
    let _ = response.add_cookie(&secure_cookie(
        settings,
        cookie_name(settings),
        key.to_owned(),
    ));
    response
}
