//! Pages for trainees.

pub mod dashboard;
pub mod enrollments;
pub mod exam;
