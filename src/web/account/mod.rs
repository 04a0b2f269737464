//! Accounts: registration, signing in and out, changing one's password.

pub mod login;
pub mod password;
pub mod register;

use actix_web::HttpRequest;

use crate::ops::Actor;

/// The client's address as seen by this server (behind a proxy, the
/// proxy's: forwarded headers can be forged, so they are not trusted).
pub fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|addr| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The client behind a request from someone not (yet) signed in.
pub fn anonymous_actor(req: &HttpRequest) -> Actor {
    Actor {
        id: None,
        client_ip: Some(client_ip(req)),
    }
}
