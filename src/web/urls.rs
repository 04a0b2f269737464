//! Every path of the site in one place; templates and handlers use these
//! rather than string literals.

pub const HOME: &str = "/";
pub const HEALTHZ: &str = "/healthz";
pub const COHORTS: &str = "/cohorts";
/// Static files: `/static/<path>?v=<version>` (see `web::assets`).
pub const STATIC: &str = "/static/{path:.*}";
