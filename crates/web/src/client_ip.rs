//! Who is asking: the client's IP address for the rate limits, behind trusted reverse proxies.
//!
//! Without `trusted_proxies` the address is the connection's peer, and `X-Forwarded-For` is
//! ignored (anyone can send it). With them, a request whose peer is a trusted proxy is
//! credited to the rightmost `X-Forwarded-For` address that is not itself a trusted proxy —
//! the "rightmost non-trusted" rule (MDN, `X-Forwarded-For` § Selecting an IP address): each
//! proxy appends the address it received the request from, so entries left of the first
//! untrusted one were written by the client and prove nothing. An entry that is not an IP
//! address stops the walk and the request is credited to the last trusted hop, so a garbled
//! header can only put its sender in the proxy's (shared) bucket, never in someone else's.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The networks whose `X-Forwarded-For` is believed (`trusted_proxies`), parsed once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// An entry of `trusted_proxies` that is neither an IP address nor a network.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0:?} is not an IP address or network (e.g. 127.0.0.1, 10.0.0.0/8, ::1)")]
pub struct BadProxy(pub String);

impl TrustedProxies {
    /// Parse `10.0.0.0/8`-style networks and bare addresses (a bare address is one host).
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<TrustedProxies, BadProxy> {
        entries
            .iter()
            .map(|e| {
                let e = e.as_ref().trim();
                IpNet::from_str(e)
                    .or_else(|_| IpAddr::from_str(e).map(IpNet::from))
                    .map(|net| net.trunc())
                    .map_err(|_| BadProxy(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn contains(&self, ip: &IpAddr) -> bool {
        // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
        let ip = canonical(*ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address for a request from `peer` carrying `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.contains(&peer) {
            return peer;
        }
        let mut client = peer;
        // Several X-Forwarded-For lines are one list, in order (RFC 9110 § 5.3).
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|v| v.to_str().unwrap_or("garbled").split(','))
            .collect();
        for hop in hops.iter().rev() {
            match parse_hop(hop) {
                Some(ip) if self.contains(&ip) => client = ip,
                Some(ip) => return ip,
                None => return client,
            }
        }
        client
    }

    /// The client's address for the rate limits, as text (see [`TrustedProxies::client`]);
    /// "unknown" for a request without a peer address (a test calling the router directly).
    pub fn client_of(&self, extensions: &axum::http::Extensions, headers: &HeaderMap) -> String {
        extensions
            .get::<axum::extract::ConnectInfo<SocketAddr>>()
            .map(|c| self.client(c.0.ip(), headers).to_string())
            .unwrap_or_else(|| "unknown".to_string())
    }
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`), as some proxies write it.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    IpAddr::from_str(hop)
        .ok()
        .or_else(|| SocketAddr::from_str(hop).ok().map(|s| s.ip()))
        .map(canonical)
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let t = TrustedProxies::default();
        assert_eq!(
            t.client(ip("127.0.0.1"), &headers(&["203.0.113.9"])),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let t = TrustedProxies::parse(&["10.0.0.0/8"]).unwrap();
        assert_eq!(
            t.client(ip("198.51.100.7"), &headers(&["203.0.113.9"])),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn the_rightmost_untrusted_entry_is_the_client() {
        let t = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).unwrap();
        // The client forged the first entry; the proxies appended the rest.
        let h = headers(&["1.1.1.1, 203.0.113.9", "10.1.2.3"]);
        assert_eq!(t.client(ip("127.0.0.1"), &h), ip("203.0.113.9"));
    }

    #[test]
    fn ports_and_mapped_addresses_are_understood() {
        let t = TrustedProxies::parse(&["::1", "127.0.0.1"]).unwrap();
        assert_eq!(
            t.client(ip("::ffff:127.0.0.1"), &headers(&["203.0.113.9:41234"])),
            ip("203.0.113.9")
        );
        assert_eq!(
            t.client(ip("::1"), &headers(&["[2001:db8::5]:443"])),
            ip("2001:db8::5")
        );
    }

    #[test]
    fn a_garbled_or_missing_header_leaves_the_last_trusted_hop() {
        let t = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).unwrap();
        assert_eq!(
            t.client(
                ip("127.0.0.1"),
                &headers(&["203.0.113.9, unknown, 10.0.0.2"])
            ),
            ip("10.0.0.2")
        );
        assert_eq!(t.client(ip("127.0.0.1"), &headers(&[])), ip("127.0.0.1"));
        assert_eq!(
            t.client(ip("127.0.0.1"), &headers(&["10.0.0.2"])),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn bad_entries_are_named() {
        assert_eq!(
            TrustedProxies::parse(&["10.0.0.0/8", "proxy.example"]),
            Err(BadProxy("proxy.example".into()))
        );
        assert!(TrustedProxies::parse(&["10.0.0.0/33"]).is_err());
        assert_eq!(
            TrustedProxies::parse(&[" 10.1.2.3/8 "]).unwrap(),
            TrustedProxies::parse(&["10.0.0.0/8"]).unwrap()
        );
    }
}
