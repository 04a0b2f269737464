//! The handler shape of the shared admin actions (retire, reactivate,
//! delete) over anything [`Retirable`]: call the operation, go back to the
//! list with the right message, or show 404 for a missing row.

use actix_web::{HttpRequest, HttpResponse};

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::error::AppError;
use crate::ops::retirement::{self, Deleted, Retirable, Switched};
use crate::web::{AppState, audit_actor};

/// Where a list's actions return to, and the message of each outcome.
pub struct Shelf {
    pub list: &'static str,
    pub retired: &'static str,
    pub reactivated: &'static str,
    pub deleted: &'static str,
    pub in_use: &'static str,
}

/// Retires (`retired`) or reactivates the row `id`; a double click lands
/// on the same message.
pub async fn set_retired<T: Retirable>(
    shelf: &Shelf,
    req: &HttpRequest,
    admin: &Admin,
    state: &AppState,
    id: i32,
    retired: bool,
) -> Result<HttpResponse, AppError> {
    let actor = audit_actor(req, admin.id);
    let now = state.clock().now();
    match retirement::set_retired::<T>(&state.db, &actor, id, retired, now).await? {
        Switched::Missing => Err(AppError::NotFound),
        Switched::Done | Switched::Unchanged => {
            let key = if retired {
                shelf.retired
            } else {
                shelf.reactivated
            };
            Ok(flash::redirect(&state.settings, shelf.list, key))
        }
    }
}

/// Deletes the row `id` unless something points to it.
pub async fn delete<T: Retirable>(
    shelf: &Shelf,
    req: &HttpRequest,
    admin: &Admin,
    state: &AppState,
    id: i32,
) -> Result<HttpResponse, AppError> {
    let actor = audit_actor(req, admin.id);
    let key = match retirement::delete::<T>(&state.db, &actor, id, state.clock().now()).await? {
        Deleted::Missing => return Err(AppError::NotFound),
        Deleted::InUse => shelf.in_use,
        Deleted::Done => shelf.deleted,
    };
    Ok(flash::redirect(&state.settings, shelf.list, key))
}
