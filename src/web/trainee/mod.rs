//! Pages for trainees.

pub mod certificates;
pub mod dashboard;
pub mod enrollments;
pub mod exam;
