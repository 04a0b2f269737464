//! People's accounts: staff accounts, trainees' records, registration and
//! signing in.

pub mod registration;
pub mod sign_in;
pub mod staff;
pub mod trainees;
