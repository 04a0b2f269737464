//! Places in classes: taking, moving and giving them up.

pub mod registrar;
