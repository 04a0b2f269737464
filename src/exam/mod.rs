//! The exam: its question bank (validation, import and export formats, and
//! the bank shipped with the platform).

pub mod bank;
