//! Pages for admins: people, classes, venues, holidays, the question bank
//! and the audit log. Every change they post goes through `crate::ops`.

pub mod audit;
pub mod cohort_form;
pub mod cohort_preview;
pub mod cohorts;
pub mod exam;
pub mod holidays;
pub mod questions;
pub mod retirement;
pub mod settings;
pub mod users;
pub mod venues;
