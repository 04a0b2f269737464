//! Pages for registrars.

pub mod certificates;
pub mod charts;
pub mod exam_rules;
pub mod reissue;
pub mod reports;
pub mod trainees;
