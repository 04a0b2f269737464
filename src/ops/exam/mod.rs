//! The exam's operations: sittings, attempts, settling a class's results
//! and re-sit grants.

pub mod attempts;
pub mod completion;
pub mod outage;
pub mod resits;
pub mod settings;
pub mod sittings;
