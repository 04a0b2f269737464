//! Places in classes: a trainee's own enrolments and withdrawals.

pub mod self_service;
