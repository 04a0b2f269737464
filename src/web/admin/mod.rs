//! Pages for admins: people, classes, venues, holidays, the question bank
//! and the audit log.

pub mod audit;
pub mod cohort_form;
pub mod cohort_preview;
pub mod cohorts;
pub mod exam;
pub mod holidays;
pub mod questions;
pub mod settings;
pub mod users;
pub mod venues;

use actix_web::HttpRequest;

use crate::db::models::audit::Event;

/// An audit event about something an admin changed, e.g. `venue:12`.
/// Built before the write transaction, since the request cannot go with it
/// to the database thread; a subject known only after an insert is filled
/// in there.
pub fn admin_event(
    req: &HttpRequest,
    admin_id: i32,
    action: &'static str,
    subject: String,
    details: serde_json::Value,
) -> Event {
    crate::web::audit_event(req, Some(admin_id), action, subject, details)
}
