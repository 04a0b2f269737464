//! Pages for registrars.

pub mod dashboard;
