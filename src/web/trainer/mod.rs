//! Pages for trainers.

pub mod dashboard;
pub mod sessions;
