//! `AppError`: the one error type at the HTTP boundary. Each kind maps to a
//! status code here, and the `error_pages` middleware turns every error
//! status into a translated page in the request's language. Internals never
//! reach the browser; 5xx causes are logged with the request id.

use std::fmt::Write as _;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Not signed in: go to the login page, then come back to `next`.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// Signed in with a one-time password: choose a new one first.
    #[error("password change required")]
    PasswordChangeRequired,
    #[error("bad request")]
    BadRequest,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("address too long")]
    UriTooLong,
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds until another attempt may succeed (the `Retry-After` header).
        retry_after_secs: u64,
    },
    #[error("database unavailable")]
    Unavailable(#[source] DbError),
    #[error("database error")]
    Db(#[source] DbError),
    #[error("page rendering failed")]
    Template(#[from] askama::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl From<DbError> for AppError {
    /// A database that cannot serve now (unreachable, busy past the wait,
    /// full) is a 503, try again later; a query that fails is a bug or a
    /// broken database, a 500.
    fn from(err: DbError) -> Self {
        if err.is_unavailable() {
            Self::Unavailable(err)
        } else {
            Self::Db(err)
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        Self::from(DbError::Query(err))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::SignInRequired { .. } | Self::PasswordChangeRequired => StatusCode::SEE_OTHER,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UriTooLong => StatusCode::URI_TOO_LONG,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Db(_) | Self::Template(_) | Self::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// An empty response with the right status; the body (a translated page,
    /// which needs the request's language) is added by the `error_pages`
    /// middleware.
    fn error_response(&self) -> HttpResponse {
        let location = match self {
            Self::SignInRequired { next } => Some(crate::auth::login_with_next(next)),
            Self::PasswordChangeRequired => Some(crate::auth::PASSWORD_PATH.to_owned()),
            _ => None,
        };
        if let Some(location) = location {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
        }
        let mut response = HttpResponse::new(self.status_code());
        if let Self::TooManyRequests { retry_after_secs } = self
            && let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if let Self::Unavailable(_) = self {
            // Long enough for a restarted database or a released lock; the
            // exam page retries its queued answers on its own schedule.
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }
}

/// `error: cause: cause…`, for logs.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let _ = write!(text, ": {cause}");
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreachable_database_is_a_503_and_a_failed_query_a_500() {
        let down = AppError::from(DbError::Connect(diesel::ConnectionError::BadConnection(
            "gone".into(),
        )));
        assert_eq!(down.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let broken = AppError::from(diesel::result::Error::NotFound);
        assert_eq!(broken.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn a_locked_or_full_database_is_a_503_and_a_broken_constraint_a_500() {
        use diesel::result::{DatabaseErrorKind, Error};
        let sqlite = |kind, message: &str| {
            AppError::from(Error::DatabaseError(kind, Box::new(message.to_owned())))
        };
        for message in ["database is locked", "database or disk is full"] {
            let err = sqlite(DatabaseErrorKind::Unknown, message);
            assert_eq!(
                err.status_code(),
                StatusCode::SERVICE_UNAVAILABLE,
                "{message}"
            );
            assert_eq!(
                err.error_response().headers().get(header::RETRY_AFTER),
                Some(&HeaderValue::from_static("5"))
            );
        }
        let dropped = sqlite(DatabaseErrorKind::ClosedConnection, "server went away");
        assert_eq!(dropped.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let busy = AppError::from(DbError::Busy);
        assert_eq!(busy.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let duplicate = sqlite(
            DatabaseErrorKind::UniqueViolation,
            "UNIQUE constraint failed: users.emirates_id",
        );
        assert_eq!(duplicate.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn the_chain_names_every_cause() {
        let err = AppError::from(DbError::Connect(diesel::ConnectionError::BadConnection(
            "disk gone".into(),
        )));
        let chain = error_chain(&err);
        assert!(
            chain.starts_with("database unavailable: cannot open the database"),
            "{chain}"
        );
        assert!(chain.ends_with("disk gone"), "{chain}");
    }

    #[test]
    fn too_many_requests_says_when_to_retry() {
        let response = AppError::TooManyRequests {
            retry_after_secs: 60,
        }
        .error_response();
        assert_eq!(
            response
                .headers()
                .get(header::RETRY_AFTER)
                .map(|v| v.as_bytes()),
            Some(&b"60"[..])
        );
    }
}
