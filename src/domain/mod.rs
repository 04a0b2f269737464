//! Pure rules of the programme. Nothing here knows about actix, diesel or
//! askama; anything that depends on time takes `now` as an argument.

pub mod email;
pub mod emirates_id;
pub mod mobile;
pub mod password;
pub mod person;
pub mod programme;
pub mod region;
pub mod throttle;
