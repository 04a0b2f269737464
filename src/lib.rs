//! e-Citizen: a bilingual (Arabic-first) web platform that runs a national
//! computer-literacy programme from registration to a verifiable certificate.
//!
//! The binary in `main.rs` is a thin shell over [`cli::run`]; tests start the
//! real server through [`startup::Application::build`].

#[cfg(not(feature = "sqlite"))]
compile_error!("the `sqlite` feature is required: it is the default, embedded database");

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod exam;
pub mod i18n;
pub mod issuer;
pub mod jobs;
pub mod ops;
pub mod secrets;
pub mod startup;
pub mod telemetry;
pub mod web;
