//! One module per table: the row struct, its insert struct, then its queries.

pub mod course;
pub mod region;
