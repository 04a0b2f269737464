//! The programme's standard shape, as it ran in Abu Dhabi: ten daily
//! sessions of three hours, then a 45-minute exam. Classes and exam settings
//! start from these defaults and may be changed by an admin.

/// Daily sessions in a standard class.
pub const DAILY_SESSIONS: i32 = 10;
/// Length of one session, in hours.
pub const SESSION_HOURS: i32 = 3;
/// Length of the exam, in minutes.
pub const EXAM_MINUTES: i32 = 45;
