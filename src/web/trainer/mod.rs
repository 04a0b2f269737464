//! Pages for trainers.

pub mod attendance;
pub mod dashboard;
pub mod roster;
pub mod sessions;
pub mod sittings;
