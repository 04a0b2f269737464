//! Pages for trainees.

pub mod dashboard;
