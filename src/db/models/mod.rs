//! One module per table: the row struct, its insert struct, then its queries.

pub mod attempt_grant;
pub mod attendance;
pub mod audit;
pub mod certificate;
pub mod class_session;
pub mod cohort;
pub mod course;
pub mod enrollment;
pub mod exam;
pub mod heartbeat;
pub mod holiday;
pub mod login_attempt;
pub mod question;
pub mod region;
pub mod report;
pub mod session;
pub mod sitting_permission;
pub mod user;
pub mod venue;
