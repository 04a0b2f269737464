//! The HTTP layer: every route is registered in [`configure`] from the one
//! table in [`routes!`], shared by the server and the tests (which walk
//! [`ROUTES`] to check, for instance, that every POST needs a CSRF token).

pub mod account;
pub mod admin;
pub mod assets;
pub mod client;
pub mod confirm;
pub mod errors;
pub mod forms;
pub mod middleware;
pub mod outlook;
pub mod page;
pub mod public;
pub mod registrar;
pub mod trainee;
pub mod trainer;
pub mod urls;
pub mod wire;

use std::sync::Arc;

use actix_web::web::{self, ServiceConfig};

use crate::auth::password::Hasher;
use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;

/// What every handler can reach, shared by all workers.
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub hasher: Hasher,
    /// Signs the tokens certificates' QR codes carry.
    pub issuer: crate::issuer::Issuer,
    /// The catalogue's listing, kept while it is current.
    pub listings: public::listing::Listings,
}

impl AppState {
    /// The server's clock (a manual one in tests).
    pub fn clock(&self) -> &Clock {
        &self.settings.clock
    }
}

/// The person behind a request, for the operations that audit it.
pub fn audit_actor(req: &actix_web::HttpRequest, actor_id: i32) -> crate::db::models::audit::Actor {
    crate::db::models::audit::Actor {
        id: Some(actor_id),
        client_ip: Some(account::client_ip(req)),
    }
}

/// Largest form body accepted; larger ones get the 413 page.
pub const FORM_LIMIT_BYTES: usize = 64 * 1024;

/// Declares the route table once: `ROUTES` (method, path) for tests and
/// `register` for actix. One resource per path, so a path answers the
/// methods it lacks with 405.
macro_rules! routes {
    ($($path:expr => { $($method:ident: $handler:path),+ $(,)? }),* $(,)?) => {
        /// Every route: (HTTP method, path pattern).
        pub const ROUTES: &[(&str, &str)] = &[$($((routes!(@upper $method), $path)),+),*];

        fn register(cfg: &mut ServiceConfig) {
            $(cfg.service(web::resource($path)$(.route(web::$method().to($handler)))+);)*
        }
    };
    (@upper get) => { "GET" };
    (@upper post) => { "POST" };
}

routes! {
    urls::HEALTHZ => { get: public::health::healthz },
    urls::HOME => { get: public::home::show },
    urls::COHORTS => { get: public::cohorts::list },
    urls::COHORTS_JSON => { get: public::cohorts::json },
    urls::COHORT => { get: public::cohorts::show },
    urls::COHORT_ENROLL => { post: public::cohorts::enroll },
    urls::STATIC => { get: assets::serve },
    urls::REGISTER => { get: account::register::form, post: account::register::submit },
    urls::LOGIN => { get: account::login::form, post: account::login::submit },
    urls::LOGOUT => { post: account::login::logout },
    urls::ACCOUNT_PASSWORD => { get: account::password::form, post: account::password::submit },
    urls::TRAINEE_HOME => { get: trainee::dashboard::show },
    urls::ENROLLMENT_WITHDRAW => { post: trainee::enrollments::withdraw },
    urls::ENROLLMENT_CALENDAR => { get: trainee::enrollments::calendar },
    urls::TRAINER_HOME => { get: trainer::dashboard::show },
    urls::REGISTRAR_HOME => { get: registrar::certificates::show },
    urls::REGISTRAR_CERTIFICATES_ISSUE => { post: registrar::certificates::issue },
    urls::REGISTRAR_REPORTS => { get: registrar::reports::show },
    urls::REGISTRAR_REPORT_CSV => { get: registrar::reports::csv },
    urls::REGISTRAR_CERTIFICATE => { get: registrar::certificates::certificate },
    urls::REGISTRAR_CERTIFICATE_REVOKE => { post: registrar::certificates::revoke },
    urls::REGISTRAR_CERTIFICATE_REISSUE => { get: registrar::reissue::form, post: registrar::reissue::submit },
    urls::VERIFY => { get: public::verify::form },
    urls::ISSUER_KEYS => { get: public::verify::issuer },
    urls::VERIFY_CODE_JSON => { get: public::verify::json },
    urls::VERIFY_CODE => { get: public::verify::show },
    urls::TRAINEE_CERTIFICATE => { get: trainee::certificates::show },
    urls::ADMIN_USERS => { get: admin::users::list, post: admin::users::create },
    urls::ADMIN_USER_DEACTIVATE => { post: admin::users::deactivate },
    urls::ADMIN_USER_REACTIVATE => { post: admin::users::reactivate },
    urls::ADMIN_USER_RESET => { post: admin::users::reset_password },
    urls::ADMIN_USER_ROLE => { post: admin::users::change_role },
    urls::ADMIN_AUDIT => { get: admin::audit::list },
    urls::ADMIN_COHORTS => { get: admin::cohorts::list, post: admin::cohorts::create },
    urls::ADMIN_COHORT_NEW => { get: admin::cohorts::new_form },
    urls::ADMIN_COHORT => { get: admin::cohorts::edit_form, post: admin::cohorts::update },
    urls::ADMIN_COHORT_CANCEL => { post: admin::cohorts::cancel },
    urls::ADMIN_COHORT_PUBLISH => { post: admin::cohorts::publish },
    urls::ADMIN_COHORT_UNPUBLISH => { post: admin::cohorts::unpublish },
    urls::TRAINER_COHORT => { get: trainer::roster::show },
    urls::TRAINER_COHORT_SITTINGS => { post: trainer::sittings::open },
    urls::TRAINER_SITTING => { get: trainer::sittings::board },
    urls::TRAINER_SITTING_EXTEND => { post: trainer::sittings::extend },
    urls::TRAINER_SITTING_TERMINATE => { post: trainer::sittings::terminate },
    urls::TRAINER_SITTING_CLOSE => { post: trainer::sittings::close },
    urls::TRAINEE_EXAM => { get: trainee::exam::show, post: trainee::exam::start },
    urls::ATTEMPT => { get: trainee::exam::question },
    urls::ATTEMPT_ANSWERS => { post: trainee::exam::save },
    urls::ATTEMPT_REVIEW => { get: trainee::exam::review },
    urls::ATTEMPT_SUBMIT => { post: trainee::exam::submit },
    urls::ATTEMPT_RESULT => { get: trainee::exam::result },
    urls::ADMIN_EXAM => { get: admin::exam::form, post: admin::exam::save },
    urls::TRAINER_SESSION_ATTENDANCE => { get: trainer::attendance::trainer_form, post: trainer::attendance::trainer_save },
    urls::REGISTRAR_SESSION_ATTENDANCE => { get: trainer::attendance::registrar_form, post: trainer::attendance::registrar_save },
    urls::REGISTRAR_ENROLLMENT_ELIGIBILITY => { post: registrar::trainees::override_eligibility },
    urls::ADMIN_SETTINGS => { get: admin::settings::form, post: admin::settings::save },
    urls::TRAINER_SESSION_CANCEL => { post: trainer::sessions::cancel },
    urls::TRAINER_SESSION_MOVE => { post: trainer::sessions::move_session },
    urls::REGISTRAR_TRAINEES => { get: registrar::trainees::search },
    urls::REGISTRAR_TRAINEE => { get: registrar::trainees::show },
    urls::REGISTRAR_TRAINEE_ENROLL => { post: registrar::trainees::enroll },
    urls::REGISTRAR_TRAINEE_ACCOMMODATION => { post: registrar::trainees::set_accommodation },
    urls::REGISTRAR_ENROLLMENT_MOVE => { post: registrar::trainees::move_enrollment },
    urls::REGISTRAR_TRAINEE_ATTEMPT_GRANTS => { post: registrar::exam_rules::grant_attempts },
    urls::REGISTRAR_COHORTS => { get: registrar::exam_rules::cohorts },
    urls::REGISTRAR_COHORT_EARLY_SITTING => { post: registrar::exam_rules::allow_early },
    urls::ADMIN_VENUES => { get: admin::venues::list, post: admin::venues::create },
    urls::ADMIN_VENUE => { get: admin::venues::edit, post: admin::venues::update },
    urls::ADMIN_VENUE_RETIRE => { post: admin::venues::retire },
    urls::ADMIN_VENUE_REACTIVATE => { post: admin::venues::reactivate },
    urls::ADMIN_VENUE_DELETE => { post: admin::venues::delete },
    urls::ADMIN_HOLIDAYS => { get: admin::holidays::list, post: admin::holidays::create },
    urls::ADMIN_HOLIDAY_DELETE => { post: admin::holidays::delete },
    // The fixed paths come before `{id}`, which would otherwise take them.
    urls::ADMIN_QUESTIONS => { get: admin::questions::list, post: admin::questions::edit::create },
    urls::ADMIN_QUESTION_NEW => { get: admin::questions::edit::new_form },
    urls::ADMIN_QUESTIONS_EXPORT_JSON => { get: admin::questions::files::export_json },
    urls::ADMIN_QUESTIONS_EXPORT_CSV => { get: admin::questions::files::export_csv },
    urls::ADMIN_QUESTIONS_IMPORT => { post: admin::questions::files::import },
    urls::ADMIN_QUESTION => { get: admin::questions::edit::edit_form, post: admin::questions::edit::update },
    urls::ADMIN_QUESTION_RETIRE => { post: admin::questions::retire },
    urls::ADMIN_QUESTION_REACTIVATE => { post: admin::questions::reactivate },
    urls::ADMIN_QUESTION_DELETE => { post: admin::questions::delete },
}

/// Registers every route of the application.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(FORM_LIMIT_BYTES)
            .error_handler(|err, _req| errors::from_form_error(err)),
    )
    .app_data(web::PayloadConfig::new(middleware::MAX_BODY_BYTES as usize))
    .app_data(
        web::QueryConfig::default()
            .error_handler(|_err, _req| crate::error::AppError::BadRequest.into()),
    )
    .app_data(
        web::PathConfig::default()
            .error_handler(|_err, _req| crate::error::AppError::NotFound.into()),
    );
    register(cfg);
    cfg.default_service(web::to(errors::not_found));
}
