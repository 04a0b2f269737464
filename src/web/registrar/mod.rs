//! Pages for registrars.

pub mod dashboard;
pub mod trainees;
