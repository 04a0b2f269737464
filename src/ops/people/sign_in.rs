//! Signing in and out and changing one's own password: the throttle's
//! record, the sessions started and ended, and their audit entries. The
//! password itself is checked before, by the hasher's threads, so these
//! operations only record what was found.

use std::sync::Arc;

use actix_web::cookie::Cookie;
use chrono::{DateTime, Utc};

use crate::auth::{session, throttle};
use crate::config::Settings;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::session::SessionRow;
use crate::db::models::user::User;
use crate::db::{Db, DbError, db_now};
use crate::ops::Actor;

/// How a sign-in attempt was judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The password matched an active account.
    SignedIn,
    /// The password matched, but the account is deactivated.
    Deactivated,
    /// An account has this login; the password did not match.
    WrongPassword,
    /// No account has this login.
    UnknownLogin,
}

impl Verdict {
    /// `account_active`: whether the account the login names is active
    /// (`None` when there is no such account); `matches`: whether the
    /// password matched its hash.
    pub fn judge(account_active: Option<bool>, matches: bool) -> Self {
        match (account_active, matches) {
            (Some(true), true) => Self::SignedIn,
            (_, true) => Self::Deactivated,
            (Some(_), false) => Self::WrongPassword,
            (None, false) => Self::UnknownLogin,
        }
    }

    /// The reason the audit entry of a failure gives.
    fn reason(self) -> Option<&'static str> {
        match self {
            Self::SignedIn => None,
            Self::Deactivated => Some("deactivated"),
            Self::WrongPassword => Some("wrong password"),
            Self::UnknownLogin => Some("unknown login"),
        }
    }
}

/// A sign-in attempt as judged: the throttle's reservation for it, the
/// account it named (if any) and the verdict.
#[derive(Clone, Debug)]
pub struct SignInAttempt {
    pub reservation: throttle::Reservation,
    pub user_id: Option<i32>,
    pub verdict: Verdict,
}

/// Records a sign-in attempt against the throttle and in the audit log
/// (`login.success` or `login.failure` with its reason) and, when it
/// succeeded, starts a session (clearing expired ones) and returns its
/// cookie. `actor` is the anonymous client: the account becomes the actor
/// only when the attempt succeeded. Refuses nothing: a failure is recorded
/// and answered with `None`.
pub async fn sign_in(
    db: &Db,
    settings: &Arc<Settings>,
    actor: &Actor,
    attempt: SignInAttempt,
    now: DateTime<Utc>,
) -> Result<Option<Cookie<'static>>, DbError> {
    let signed_in = attempt.verdict == Verdict::SignedIn;
    let subject = attempt
        .user_id
        .map_or_else(|| "user:unknown".to_owned(), |id| format!("user:{id}"));
    let details = match attempt.verdict.reason() {
        None => serde_json::json!({}),
        Some(reason) => serde_json::json!({ "reason": reason }),
    };
    let action = if signed_in {
        Action::LoginSuccess
    } else {
        Action::LoginFailure
    };
    let mut event = actor.event(action, subject, details);
    event.actor_id = attempt.user_id.filter(|_| signed_in);
    let settings = Arc::clone(settings);
    db.write(move |conn| {
        let at = db_now(now);
        throttle::settle(conn, attempt.reservation, signed_in, now)?;
        audit::append(conn, &event, at)?;
        match attempt.user_id.filter(|_| signed_in) {
            Some(id) => {
                SessionRow::purge_expired(conn, at, at - settings.session_idle)?;
                Ok(Some(session::start(conn, &settings, id, now)?))
            }
            None => Ok(None),
        }
    })
    .await
}

/// Signs `user_id` out everywhere: ends every session of theirs, on every
/// device, and audits it as `logout` with how many ended. Returns that
/// number. Refuses nothing.
pub async fn sign_out(
    db: &Db,
    actor: &Actor,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let mut event = actor.event(
        Action::Logout,
        format!("user:{user_id}"),
        serde_json::json!({}),
    );
    db.write(move |conn| {
        let ended = SessionRow::delete_for_user(conn, user_id)?;
        event.details = serde_json::json!({ "sessions_ended": ended });
        audit::append(conn, &event, db_now(now))?;
        Ok(ended)
    })
    .await
}

/// Stores `user_id`'s new password hash (no longer one to change), ends
/// every session of theirs (a thief's too), audits `password.change`, and
/// starts a new session for this browser, whose cookie it returns. The
/// checks on the new password are the caller's (they need the old hash and
/// the hasher); this refuses nothing.
pub async fn change_password(
    db: &Db,
    settings: &Arc<Settings>,
    actor: &Actor,
    user_id: i32,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<Cookie<'static>, DbError> {
    let mut event = actor.event(
        Action::PasswordChange,
        format!("user:{user_id}"),
        serde_json::json!({}),
    );
    let settings = Arc::clone(settings);
    db.write(move |conn| {
        let at = db_now(now);
        User::set_password(conn, user_id, &password_hash, false, at)?;
        let ended = SessionRow::delete_for_user(conn, user_id)?;
        event.details = serde_json::json!({ "sessions_ended": ended });
        audit::append(conn, &event, at)?;
        session::start(conn, &settings, user_id, now)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_matching_password_of_an_active_account_signs_in() {
        assert_eq!(Verdict::judge(Some(true), true), Verdict::SignedIn);
        assert_eq!(Verdict::judge(Some(false), true), Verdict::Deactivated);
        assert_eq!(Verdict::judge(Some(true), false), Verdict::WrongPassword);
        assert_eq!(Verdict::judge(Some(false), false), Verdict::WrongPassword);
        assert_eq!(Verdict::judge(None, false), Verdict::UnknownLogin);
        assert_eq!(Verdict::UnknownLogin.reason(), Some("unknown login"));
        assert_eq!(Verdict::SignedIn.reason(), None);
    }
}
