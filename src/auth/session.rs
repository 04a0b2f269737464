//! Database-backed sessions. The cookie carries a 256-bit random token; the
//! database keeps only its SHA-256, the user, a CSRF token and the times that
//! bound it (idle timeout and absolute lifetime, both from the settings).
//!
//! The [`load`] middleware resolves the cookie once per request and leaves a
//! [`CurrentUser`] in the request's extensions for the extractors.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use chrono::{DateTime, Utc};

use crate::db::db_now;
use sha2::{Digest, Sha256};

use crate::auth::{CurrentUser, csrf, flash, random_token};
use crate::config::Settings;
use crate::db::Db;
use crate::db::DbError;
use crate::db::models::session::{NewSession, SessionRow};
use crate::error::AppError;

/// What the session middleware needs, registered as app data of its own so
/// that `auth` does not depend on the web layer's state.
#[derive(Clone)]
pub struct SessionStore {
    pub db: Db,
    pub settings: std::sync::Arc<Settings>,
    /// Signs visitors' CSRF tokens.
    pub csrf_key: csrf::Key,
}

/// How often a session's last-seen time is written (fewer writes; the idle
/// timeout is hours, so a minute of slack does not matter).
const TOUCH_EVERY: chrono::Duration = chrono::Duration::minutes(1);

/// The session cookie's name: `__Host-` prefixed on https sites.
pub fn cookie_name(settings: &Settings) -> &'static str {
    if settings.secure_cookies() {
        "__Host-ec_session"
    } else {
        "ec_session"
    }
}

/// A cookie with the site's security attributes: HttpOnly, SameSite=Lax,
/// path `/`, and `Secure` on https sites.
pub fn secure_cookie(settings: &Settings, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(settings.secure_cookies())
        .finish()
}

/// A cookie that removes `name` from the browser.
pub fn removal_cookie(settings: &Settings, name: &'static str) -> Cookie<'static> {
    let mut cookie = secure_cookie(settings, name, String::new());
    cookie.set_max_age(CookieDuration::ZERO);
    cookie
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new session for `user_id`: stores it and returns the cookie to set.
/// Runs inside the caller's write transaction.
pub fn start(
    conn: &mut crate::db::DbConnection,
    settings: &Settings,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Cookie<'static>, DbError> {
    let token = random_token();
    let now_db = db_now(now);
    SessionRow::insert(
        conn,
        &NewSession {
            token_hash: &token_hash(&token),
            user_id,
            csrf_token: &random_token(),
            created_at: now_db,
            last_seen_at: now_db,
            expires_at: db_now(now + settings.session_lifetime),
        },
    )?;
    let mut cookie = secure_cookie(settings, cookie_name(settings), token);
    // The browser may forget it at the same moment the server does.
    if let Ok(seconds) = settings.session_lifetime.to_std() {
        cookie.set_max_age(CookieDuration::seconds(
            i64::try_from(seconds.as_secs()).unwrap_or(i64::MAX),
        ));
    }
    Ok(cookie)
}

/// Resolves a session token: the user when the session is alive and the
/// account active; expired or orphaned sessions are removed.
async fn resolve(state: &SessionStore, token: &str) -> Result<Option<CurrentUser>, DbError> {
    let hash = token_hash(token);
    let found = state
        .db
        .read(move |conn| Ok::<_, DbError>(SessionRow::by_token_hash(conn, &hash)?))
        .await?;
    let Some((session, user)) = found else {
        return Ok(None);
    };
    let now = db_now(state.settings.clock.now());
    let idle_since = now - state.settings.session_idle;
    let alive = user.active && session.expires_at > now && session.last_seen_at > idle_since;
    if !alive {
        let id = session.id;
        state
            .db
            .write(move |conn| Ok::<_, DbError>(SessionRow::delete(conn, id)?))
            .await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_EVERY {
        let id = session.id;
        // Small and frequent (every signed-in page now and then), so it
        // shares the exam saves' commits on SQLite.
        state
            .db
            .write_grouped(move |conn| Ok::<_, DbError>(SessionRow::touch(conn, id, now)?))
            .await?;
    }
    Ok(Some(CurrentUser::from_user(
        &user,
        session.id,
        session.csrf_token,
    )))
}

/// Loads the signed-in user (if any), the CSRF token and the flash message
/// into the request's extensions, and keeps the matching cookies in order.
pub async fn load(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let Some(state) = req.app_data::<web::Data<SessionStore>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let settings = &state.settings;
    let session_cookie = cookie_name(settings);
    let mut forget_session = false;
    if let Some(token) = req
        .cookie(session_cookie)
        .map(|cookie| cookie.value().to_owned())
    {
        match resolve(&state, &token).await {
            Ok(Some(user)) => {
                req.extensions_mut().insert(user);
            }
            Ok(None) => forget_session = true,
            Err(err) => {
                return Ok(req
                    .into_response(AppError::from(err).error_response())
                    .map_into_boxed_body());
            }
        }
    }
    let signed_in_token = req
        .extensions()
        .get::<CurrentUser>()
        .map(|user| user.csrf_token.clone());
    let token = csrf::token_for(&req, settings, &state.csrf_key, signed_in_token);
    let new_anonymous_token = token.is_new.then(|| token.value.clone());
    req.extensions_mut().insert(token);
    let had_flash = flash::take(&req, settings);

    let mut res = next.call(req).await?.map_into_boxed_body();
    let sets = |res: &ServiceResponse, name: &str| {
        res.response().cookies().any(|cookie| cookie.name() == name)
    };
    let mut cookies = Vec::new();
    if forget_session && !sets(&res, session_cookie) {
        cookies.push(removal_cookie(settings, session_cookie));
    }
    if let Some(value) = new_anonymous_token {
        let is_page = res
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
        if is_page {
            cookies.push(secure_cookie(settings, csrf::cookie_name(settings), value));
        }
    }
    if had_flash && !sets(&res, flash::cookie_name(settings)) {
        cookies.push(removal_cookie(settings, flash::cookie_name(settings)));
    }
    for cookie in cookies {
        // A cookie that cannot be set only costs the visitor a retry.
        let _ = res.response_mut().add_cookie(&cookie);
    }
    Ok(res)
}
