//! The translated error page, and the handlers that produce errors for
//! unknown paths and malformed forms.

use actix_web::error::UrlencodedError;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, ResponseError};
use askama::Template;

use crate::error::AppError;
use crate::web::middleware::PAGE_STATUSES;
use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub ctx: PageCtx,
    pub status: u16,
    /// The catalogue key family: `error-<family>-title` / `-body`.
    pub family: u16,
    /// A more specific explanation than the family's, already translated.
    pub message: Option<String>,
}

impl ErrorPage {
    pub fn title(&self) -> String {
        self.ctx.t(&format!("error-{}-title", self.family))
    }

    pub fn body(&self) -> String {
        self.message
            .clone()
            .unwrap_or_else(|| self.ctx.t(&format!("error-{}-body", self.family)))
    }

    /// Server errors show the request id so support can find the log line.
    pub fn shows_reference(&self) -> bool {
        self.status >= 500 && !self.ctx.request_id.is_empty()
    }
}

/// The page's message family for a status: its own where the catalogue has
/// one, else the generic client or server error.
pub fn family(status: StatusCode) -> u16 {
    if PAGE_STATUSES.contains(&status) {
        status.as_u16()
    } else if status.is_client_error() {
        400
    } else {
        500
    }
}

/// Renders the error page for `status` in the request's language.
pub fn render(ctx: PageCtx, status: StatusCode) -> String {
    render_page(ErrorPage {
        ctx,
        status: status.as_u16(),
        family: family(status),
        message: None,
    })
}

/// The error page for `status` with a specific, translated explanation.
pub fn render_message(ctx: PageCtx, status: StatusCode, message: &str) -> String {
    render_page(ErrorPage {
        ctx,
        status: status.as_u16(),
        family: family(status),
        message: Some(message.to_owned()),
    })
}

fn render_page(page: ErrorPage) -> String {
    page.render().unwrap_or_else(|err| {
        tracing::error!(error = %err, "the error page itself failed to render");
        // Last resort, still in the request's language.
        format!(
            "<!doctype html><title>{0}</title><h1>{0}</h1>",
            page.title()
        )
    })
}

/// True when the client asked for JSON, or for a `.json` address, and not for
/// HTML (scripts, partners).
pub fn wants_json(req: &HttpRequest) -> bool {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    // A `.json` address answers JSON unless a browser asks for a page (a
    // partner's script reading `/verify/{code}.json` gets `{"error": 429}`).
    let json_address = req.path().ends_with(".json");
    (json_address || accept.contains("application/json")) && !accept.contains("text/html")
}

/// `{"error": <status>}` for JSON clients.
pub fn json(status: StatusCode) -> String {
    serde_json::json!({ "error": status.as_u16(), "reason": status.canonical_reason() }).to_string()
}

/// Every path no route matches.
pub async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// A form that cannot be read: too large is a 413, anything else a 400.
pub fn from_form_error(err: UrlencodedError) -> actix_web::Error {
    let app_error = match err {
        UrlencodedError::Overflow { .. } => AppError::PayloadTooLarge,
        _ => AppError::BadRequest,
    };
    actix_web::error::InternalError::from_response(err, app_error.error_response()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, keys};

    #[test]
    fn every_error_page_has_its_messages_in_both_languages() {
        for lang in Lang::ALL {
            let known = keys(lang);
            for status in PAGE_STATUSES {
                for part in ["title", "body"] {
                    let key = format!("error-{}-{part}", status.as_u16());
                    assert!(known.contains(&key), "{} lacks {key}", lang.code());
                }
            }
        }
    }

    #[test]
    fn unlisted_statuses_fall_back_to_the_generic_pages() {
        assert_eq!(family(StatusCode::IM_A_TEAPOT), 400);
        assert_eq!(family(StatusCode::BAD_GATEWAY), 500);
        assert_eq!(family(StatusCode::NOT_FOUND), 404);
    }
}
