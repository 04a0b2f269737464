//! Pages for registrars.

pub mod certificates;
pub mod reissue;
pub mod trainees;
