//! Pages for admins: people, classes and the audit log.

pub mod audit;
pub mod cohorts;
pub mod users;
