//! Role extractors. A handler states who may call it in its signature:
//! `async fn roster(trainer: Trainer, …)`. A signed-out visitor is sent to
//! the login page (and back afterwards); a signed-in person with another
//! role gets the 403 page; someone who must choose a new password is sent to
//! do that first.

use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload};

use crate::auth::CurrentUser;
use crate::domain::person::Role;
use crate::error::AppError;

/// Anyone signed in, even if they must change their password (the password
/// page and logout use this).
#[derive(Clone, Debug)]
pub struct SignedIn(pub CurrentUser);

impl Deref for SignedIn {
    type Target = CurrentUser;
    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

/// Where to come back to after signing in: this request's path and query.
fn return_path(req: &HttpRequest) -> String {
    match req.query_string() {
        "" => req.path().to_owned(),
        query => format!("{}?{query}", req.path()),
    }
}

fn signed_in(req: &HttpRequest) -> Result<CurrentUser, AppError> {
    req.extensions()
        .get::<CurrentUser>()
        .cloned()
        .ok_or_else(|| AppError::SignInRequired {
            next: return_path(req),
        })
}

impl FromRequest for SignedIn {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(signed_in(req).map(SignedIn))
    }
}

/// Signed in with one of `roles`, and done with any forced password change.
fn with_role(req: &HttpRequest, roles: &[Role]) -> Result<CurrentUser, AppError> {
    let user = signed_in(req)?;
    if !roles.contains(&user.role) {
        return Err(AppError::Forbidden);
    }
    if user.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    Ok(user)
}

macro_rules! role_extractor {
    ($(#[$meta:meta])* $name:ident: $($role:ident)|+) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name(pub CurrentUser);

        impl Deref for $name {
            type Target = CurrentUser;
            fn deref(&self) -> &CurrentUser {
                &self.0
            }
        }

        impl FromRequest for $name {
            type Error = AppError;
            type Future = Ready<Result<Self, AppError>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(with_role(req, &[$(Role::$role),+]).map($name))
            }
        }
    };
}

role_extractor!(
    /// A trainee.
    Trainee: Trainee
);
role_extractor!(
    /// A trainer.
    Trainer: Trainer
);
role_extractor!(
    /// A registrar.
    Registrar: Registrar
);
role_extractor!(
    /// An admin.
    Admin: Admin
);
role_extractor!(
    /// Any staff member: trainer, registrar or admin.
    Staff: Trainer | Registrar | Admin
);
role_extractor!(
    /// Someone who reads the programme's reports: a registrar or an admin.
    ReportReader: Registrar | Admin
);

/// A `next` parameter is honoured only when it is a path on this site:
/// `/…` but not `//host/…` or `/\host`, which browsers treat as other sites.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?.trim();
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    local.then(|| next.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_honoured_as_next() {
        assert_eq!(
            safe_next(Some("/admin/users?q=a")),
            Some("/admin/users?q=a".to_owned())
        );
        for bad in [
            "https://elsewhere.example/",
            "//elsewhere.example",
            "/\\elsewhere.example",
            "javascript:alert(1)",
            "",
            "/a\r\nSet-Cookie: x",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
        assert_eq!(safe_next(None), None);
    }
}
