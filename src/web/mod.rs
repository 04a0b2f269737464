//! The HTTP layer: every route is registered in [`configure`], shared by the
//! server and the tests; handlers live in one module per audience.

pub mod assets;
pub mod errors;
pub mod middleware;
pub mod page;
pub mod public;
pub mod urls;

use std::sync::Arc;

use actix_web::web::{self, ServiceConfig};

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;

/// What every handler can reach, shared by all workers.
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
}

impl AppState {
    /// The server's clock (a manual one in tests).
    pub fn clock(&self) -> &Clock {
        &self.settings.clock
    }
}

/// Largest form body accepted; larger ones get the 413 page.
pub const FORM_LIMIT_BYTES: usize = 64 * 1024;

/// Registers every route of the application.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(FORM_LIMIT_BYTES)
            .error_handler(|err, _req| errors::from_form_error(err)),
    )
    .app_data(
        web::QueryConfig::default()
            .error_handler(|_err, _req| crate::error::AppError::BadRequest.into()),
    )
    .app_data(
        web::PathConfig::default()
            .error_handler(|_err, _req| crate::error::AppError::NotFound.into()),
    )
    // A resource answers a method it lacks with 405; unknown paths get 404.
    .service(web::resource(urls::HEALTHZ).get(public::health::healthz))
    .service(web::resource(urls::HOME).get(public::home::show))
    .service(web::resource(urls::COHORTS).get(public::cohorts::list))
    .service(web::resource(urls::STATIC).get(assets::serve))
    .default_service(web::to(errors::not_found));
}
