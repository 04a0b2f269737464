//! Accounts: registration, signing in and out, changing one's password.

pub mod login;
pub mod password;
pub mod register;

use actix_web::HttpRequest;

use crate::ops::Actor;

/// The client's address for the throttles and the audit log: the TCP
/// peer's, or the one a trusted proxy names ([`crate::web::client`]).
pub fn client_ip(req: &HttpRequest) -> String {
    crate::web::client::of_request(req).address()
}

/// The client behind a request from someone not (yet) signed in.
pub fn anonymous_actor(req: &HttpRequest) -> Actor {
    Actor {
        id: None,
        client_ip: Some(client_ip(req)),
    }
}
