//! Pages for trainers.

pub mod dashboard;
