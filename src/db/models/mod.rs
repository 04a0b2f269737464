//! One module per table: the row struct, its insert struct, then its queries.

pub mod audit;
pub mod course;
pub mod login_attempt;
pub mod region;
pub mod session;
pub mod user;
