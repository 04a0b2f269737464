//! Who is asking: passwords, database-backed sessions, CSRF tokens, login
//! throttling and the role extractors handlers put in their signatures.

pub mod csrf;
pub mod extractors;
pub mod flash;
pub mod password;
pub mod session;
pub mod throttle;

use crate::db::models::user::User;
use crate::domain::person::Role;
use crate::i18n::Lang;

/// Where the role extractors send a visitor who must sign in, or replace a
/// one-time password. `web::urls` names these paths from here, so that the
/// error type, which redirects to them, need not depend on the web layer.
pub const LOGIN_PATH: &str = "/login";
pub const PASSWORD_PATH: &str = "/account/password";

/// `/login?next=<path>` (the path percent-encoded).
pub fn login_with_next(next: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("next", next)
        .finish();
    format!("{LOGIN_PATH}?{query}")
}

/// The signed-in person, loaded once per request by the session middleware.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: i32,
    pub role: Role,
    pub name_ar: String,
    pub name_en: String,
    pub must_change_password: bool,
    /// The session row, so it can be ended or kept.
    pub session_id: i32,
    /// This session's CSRF token.
    pub csrf_token: String,
}

impl CurrentUser {
    pub fn from_user(user: &User, session_id: i32, csrf_token: String) -> Self {
        Self {
            id: user.id,
            role: user.role,
            name_ar: user.full_name_ar.clone(),
            name_en: user.full_name_en.clone(),
            must_change_password: user.must_change_password,
            session_id,
            csrf_token,
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_ar, &self.name_en)
    }
}

/// 256 bits from the operating system's generator, URL-safe base64.
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    os_random(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Fills `bytes` from the operating system's generator (falling back to the
/// thread's cryptographic generator, itself seeded from the OS, should the
/// system call fail).
pub fn os_random(bytes: &mut [u8]) {
    use rand::{RngCore, TryRngCore};
    if rand::rngs::OsRng.try_fill_bytes(bytes).is_err() {
        rand::rng().fill_bytes(bytes);
    }
}

/// Compares secrets in time independent of where they differ. `subtle`
/// keeps the optimiser from turning the comparison back into an early exit,
/// which a hand-written fold does not promise.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    subtle::ConstantTimeEq::ct_eq(a, b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_different() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert!(constant_time_eq(a.as_bytes(), a.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), b.as_bytes()));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
