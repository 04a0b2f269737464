//! The operations layer: every change to the programme's data happens in
//! one function here, grouped by capability. An operation takes typed
//! input and the acting person, opens its own write transaction, checks
//! role and ownership in its queries, applies the rules from `domain`,
//! writes its audit entry in the same transaction, and returns a typed
//! outcome (refusals included) for the caller to show.
//!
//! The web handlers, the command line, the demo and the background jobs
//! all call these functions; none of them writes on its own.
//!
//! Conventions:
//! - An operation is `pub async fn verb(db: &Db, …) -> Result<Outcome, DbError>`
//!   and calls [`Db::write`](crate::db::Db::write) once.
//! - A step that another operation reuses inside its own transaction is a
//!   plain `fn` taking `&mut DbConnection`; it never opens a transaction.
//! - Refusals are values (an enum in the outcome), not errors: `DbError`
//!   means the database failed.

pub mod attendance;
pub mod certificates;
pub mod classes;
pub mod enrolment;
pub mod exam;
pub mod people;

pub use crate::db::models::audit::Actor;
