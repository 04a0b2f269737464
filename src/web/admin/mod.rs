//! Pages for admins: people and the audit log.

pub mod audit;
pub mod users;
