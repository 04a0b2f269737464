//! Who sent a request and to which address: the only place that reads the
//! forwarding headers (`Forwarded`, `X-Forwarded-For`, `-Proto`, `-Host`).
//!
//! They are honoured only when the TCP peer is one of the configured trusted
//! proxies (`--trusted-proxies`, empty by default); from anyone else they are
//! ignored, so a client cannot pick the address it is throttled and audited
//! under, nor the host the certificate page's QR code points to. Behind a
//! chain of trusted proxies the client is the nearest address in
//! `X-Forwarded-For` (or `Forwarded: for=`) that is not itself trusted; the
//! scheme and host are the ones the nearest proxy set.

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderMap};

use crate::config::TrustedProxies;

/// Where a request came from and how it was addressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    /// The client's address (the peer's, or the one a trusted proxy names).
    pub ip: Option<IpAddr>,
    /// `http` or `https`.
    pub scheme: String,
    /// The host (and port) the request was sent to.
    pub host: String,
}

impl Client {
    /// The client's address for the throttles and the audit log.
    pub fn address(&self) -> String {
        self.ip
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }

    /// `scheme://host`, this site as the client addressed it.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.host)
    }
}

/// The address of the other end of an accepted connection (what
/// [`of`] later sees as the request's peer).
pub fn tcp_peer(io: &actix_web::rt::net::TcpStream) -> Option<std::net::SocketAddr> {
    io.peer_addr().ok()
}

/// Resolves the client of `req` under the proxies in the server's settings.
pub fn of_request(req: &HttpRequest) -> Client {
    match req.app_data::<actix_web::web::Data<crate::web::AppState>>() {
        Some(state) => of(req, &state.settings.trusted_proxies),
        None => of(req, &TrustedProxies::default()),
    }
}

/// Resolves the client of `req` under the configured proxies.
pub fn of(req: &HttpRequest, proxies: &TrustedProxies) -> Client {
    let peer = req.peer_addr().map(|addr| addr.ip());
    let direct = Client {
        ip: peer,
        scheme: if req.app_config().secure() {
            "https".to_owned()
        } else {
            "http".to_owned()
        },
        host: req
            .headers()
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
            .or_else(|| req.uri().authority().map(|authority| authority.to_string()))
            .unwrap_or_else(|| req.app_config().host().to_owned()),
    };
    match peer {
        Some(peer) if proxies.contains(peer) => forwarded(req.headers(), peer, proxies, direct),
        _ => direct,
    }
}

/// What a trusted proxy says about the client, over `direct` where it says
/// nothing (or nothing that parses).
fn forwarded(
    headers: &HeaderMap,
    peer: IpAddr,
    proxies: &TrustedProxies,
    direct: Client,
) -> Client {
    let hops = Hops::from(headers);
    // The chain as it reached us, nearest last: the client's address, then
    // each proxy's; the peer itself is the last proxy.
    let ip = nearest_client(&hops.chain, peer, proxies);
    let scheme = hops
        .proto
        .map(|proto| proto.to_ascii_lowercase())
        .filter(|proto| proto == "http" || proto == "https")
        .unwrap_or(direct.scheme);
    let host = hops
        .host
        .filter(|host| is_host(host))
        .unwrap_or(direct.host);
    Client {
        ip: Some(ip),
        scheme,
        host,
    }
}

/// Walks the chain from the nearest hop outwards: the first address that is
/// not a trusted proxy is the client. A hop that does not parse ends the walk
/// at the last trusted proxy, which is then taken for the client (beyond it
/// nothing can be believed).
fn nearest_client(chain: &[String], peer: IpAddr, proxies: &TrustedProxies) -> IpAddr {
    let mut nearest = peer;
    for hop in chain.iter().rev() {
        match parse_node(hop) {
            Some(ip) if proxies.contains(ip) => nearest = ip,
            Some(ip) => return ip,
            None => break,
        }
    }
    nearest
}

/// The forwarding headers, read the RFC 7239 way when `Forwarded` is
/// present and the `X-Forwarded-*` way otherwise.
struct Hops {
    /// Every `for` value, in order (the client first).
    chain: Vec<String>,
    /// The last `proto` and `host` values: the ones the nearest proxy set.
    proto: Option<String>,
    host: Option<String>,
}

impl Hops {
    fn from(headers: &HeaderMap) -> Self {
        let values = |name: &str| -> Vec<String> {
            headers
                .get_all(name)
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect()
        };
        let rfc = values(header::FORWARDED.as_str());
        if !rfc.is_empty() {
            let mut hops = Self {
                chain: Vec::new(),
                proto: None,
                host: None,
            };
            for element in &rfc {
                for pair in element.split(';') {
                    let Some((name, value)) = pair.split_once('=') else {
                        continue;
                    };
                    let value = value.trim().trim_matches('"').to_owned();
                    match name.trim().to_ascii_lowercase().as_str() {
                        "for" => hops.chain.push(value),
                        "proto" => hops.proto = Some(value),
                        "host" => hops.host = Some(value),
                        _ => {}
                    }
                }
            }
            return hops;
        }
        Self {
            chain: values("x-forwarded-for"),
            proto: values("x-forwarded-proto").pop(),
            host: values("x-forwarded-host").pop(),
        }
    }
}

/// An address from a forwarding header: `192.0.2.7`, `192.0.2.7:4711`,
/// `2001:db8::1`, `[2001:db8::1]:4711`; `None` for `unknown` or an
/// obfuscated name.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']').and_then(|(ip, _)| ip.parse().ok());
    }
    node.rsplit_once(':')
        .and_then(|(ip, port)| port.parse::<u16>().ok().and(ip.parse().ok()))
}

/// True for something that can stand in a URL's authority: letters, digits,
/// dots, dashes, a port, or a bracketed IPv6 address.
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn proxies(list: &str) -> TrustedProxies {
        list.parse().expect("a proxy list")
    }

    fn request(peer: &str, headers: &[(&str, &str)]) -> HttpRequest {
        let mut req = TestRequest::default()
            .peer_addr(peer.parse().expect("a socket address"))
            .insert_header((header::HOST, "ecitizen.example"));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        req.to_http_request()
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_change_nothing() {
        let req = request(
            "198.51.100.9:5000",
            &[
                ("x-forwarded-for", "203.0.113.1"),
                ("x-forwarded-host", "evil.example"),
                ("x-forwarded-proto", "https"),
                ("forwarded", "for=203.0.113.2;host=evil.example"),
            ],
        );
        let client = of(&req, &proxies("10.0.0.0/8"));
        assert_eq!(client.address(), "198.51.100.9");
        assert_eq!(client.origin(), "http://ecitizen.example");
        assert_eq!(of(&req, &TrustedProxies::default()), client);
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_the_host() {
        let req = request(
            "10.0.0.5:5000",
            &[
                ("x-forwarded-for", "203.0.113.1, 10.0.0.4"),
                ("x-forwarded-host", "ecitizen.example.ae"),
                ("x-forwarded-proto", "https"),
            ],
        );
        let client = of(&req, &proxies("10.0.0.0/8"));
        assert_eq!(client.address(), "203.0.113.1");
        assert_eq!(client.origin(), "https://ecitizen.example.ae");
    }

    #[test]
    fn a_client_cannot_hide_behind_an_address_it_prepends() {
        // The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended
        // the address it saw. The nearest untrusted hop is the real one.
        let req = request(
            "127.0.0.1:5000",
            &[("x-forwarded-for", "192.0.2.66, 203.0.113.1")],
        );
        assert_eq!(of(&req, &proxies("127.0.0.1")).address(), "203.0.113.1");
    }

    #[test]
    fn the_rfc_7239_header_is_read_with_ports_and_brackets() {
        let req = request(
            "[::1]:5000",
            &[(
                "forwarded",
                "for=\"[2001:db8::7]:4711\";proto=https;host=ecitizen.example.ae",
            )],
        );
        let client = of(&req, &proxies("::1"));
        assert_eq!(client.address(), "2001:db8::7");
        assert_eq!(client.origin(), "https://ecitizen.example.ae");
        assert_eq!(parse_node("192.0.2.7:80"), "192.0.2.7".parse().ok());
        assert_eq!(parse_node("unknown"), None);
    }

    #[test]
    fn a_malformed_forwarded_host_is_not_used() {
        let req = request(
            "10.0.0.5:5000",
            &[("x-forwarded-host", "evil.example/<script>")],
        );
        assert_eq!(
            of(&req, &proxies("10.0.0.0/8")).origin(),
            "http://ecitizen.example"
        );
    }
}
