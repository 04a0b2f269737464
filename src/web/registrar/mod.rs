//! Pages for registrars.

pub mod certificates;
pub mod exam_rules;
pub mod reissue;
pub mod trainees;
