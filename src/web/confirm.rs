//! One way to ask "are you sure?" before a change that cannot be undone,
//! working without JavaScript. The button on the page sends its form as
//! usual; without `confirm=yes` the handler changes nothing and answers
//! with [`ConfirmPage`], which says what will happen and sends the same
//! fields again with `confirm=yes` — or leads back where the person was.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use serde::Deserialize;

use crate::error::AppError;
use crate::web::page::PageCtx;

/// The field that says the person has seen the confirmation.
pub const FIELD: &str = "confirm";

/// A form whose only field is the confirmation (withdraw, deactivate).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    pub confirm: String,
}

impl ConfirmForm {
    pub fn confirmed(&self) -> bool {
        confirmed(&self.confirm)
    }
}

/// Whether a form's `confirm` field says yes.
pub fn confirmed(value: &str) -> bool {
    value == "yes"
}

#[derive(Template)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub ctx: PageCtx,
    pub title: String,
    /// What will happen, one sentence a paragraph.
    pub consequences: Vec<String>,
    /// Where the confirmed form goes (the same path it came to).
    pub action: String,
    /// The form's other fields, sent again unchanged.
    pub fields: Vec<(&'static str, String)>,
    /// The confirming button's words ("Yes, withdraw").
    pub yes: String,
    /// Where "No, go back" leads.
    pub back: String,
}

impl ConfirmPage {
    /// Renders the question; nothing has changed yet, so the status is 200.
    pub fn respond(self) -> Result<HttpResponse, AppError> {
        let mut response = crate::web::page::render(StatusCode::OK, &self)?;
        response.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
        Ok(response)
    }
}
