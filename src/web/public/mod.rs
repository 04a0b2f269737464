//! Pages anyone can open without signing in.

pub mod catalogue;
pub mod cohorts;
pub mod filters;
pub mod health;
pub mod home;
pub mod listing;
pub mod verify;
pub mod views;
