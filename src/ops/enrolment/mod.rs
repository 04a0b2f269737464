//! Places in classes: a trainee's own enrolments and withdrawals, and a
//! registrar's placements and moves.

pub mod registrar;
pub mod self_service;
