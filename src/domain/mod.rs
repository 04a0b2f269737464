//! Pure rules of the programme. Nothing here knows about actix, diesel or
//! askama; anything that depends on time takes `now` as an argument.

pub mod programme;
pub mod region;
