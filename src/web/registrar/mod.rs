//! Pages for registrars.

pub mod certificates;
pub mod trainees;
