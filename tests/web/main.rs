//! The one integration test binary: each test starts the real server on a
//! free port with a fresh database (SQLite, or PostgreSQL when
//! `ECITIZEN_TEST_DATABASE_URL` is set) and talks to it over HTTP.

mod fixtures;
mod helpers;
mod people;

mod accounts;
mod admin;
mod admin_pages;
mod architecture;
mod attendance;
mod authorization;
mod backup;
mod catalogue;
mod catalogue_cards;
mod certificates;
mod class_admin;
mod classes;
mod confirmations;
mod demo;
mod e2e;
mod errors;
mod exam;
mod exam_durability;
mod exam_lifecycle;
mod exam_pins;
mod exam_strategies;
mod faults;
mod health;
mod kill;
mod language;
mod migrations;
mod next_steps;
mod outage;
mod page_markup;
mod postgres_only;
mod proxies;
mod questions;
mod reports;
mod scale;
mod security;
mod static_files;
mod throttling;
mod venue_addresses;
mod venues;
