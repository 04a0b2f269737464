//! People's accounts: staff accounts, trainees' records, registration and
//! signing in.

pub mod staff;
pub mod trainees;
