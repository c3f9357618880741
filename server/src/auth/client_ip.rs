//! The client's address (for per-address limits) and how the request reached us.
//!
//! `X-Forwarded-For` is written by whoever sends the request, so it is believed only as far as
//! hops added by configured trusted proxies: when the socket peer is a trusted proxy the list is
//! walked from the right, skipping trusted addresses, and the first other valid address is the
//! client. Anything unparsable there means the proxy chain cannot be read: the peer is used.
//! `X-Forwarded-Proto` / `X-Forwarded-Host` count only from a trusted peer. IPv6 clients are
//! keyed by their /64 (one household or phone usually holds a whole /64).

use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

/// An address or network (`10.0.0.1`, `10.0.0.0/8`, `fd00::/8`) of a trusted reverse proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| format!("not an IP address or CIDR: {s:?}"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| format!("bad prefix in {s:?}"))?,
            None => max,
        };
        Ok(Cidr { addr, prefix })
    }
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (canonical(self.addr), ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => prefix_eq(&net.octets(), &ip.octets(), self.prefix),
            (IpAddr::V6(net), IpAddr::V6(ip)) => prefix_eq(&net.octets(), &ip.octets(), self.prefix),
            _ => false,
        }
    }
}

fn prefix_eq(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let (bytes, bits) = ((prefix / 8) as usize, prefix % 8);
    if a[..bytes] != b[..bytes] {
        return false;
    }
    bits == 0 || (a[bytes] ^ b[bytes]) >> (8 - bits) == 0
}

/// IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The key per-address limits use: the IPv4 address, or the /64 of an IPv6 address.
pub fn address_key(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

fn trusted(proxies: &[Cidr], ip: IpAddr) -> bool {
    proxies.iter().any(|c| c.contains(ip))
}

/// The client's address: the socket peer unless it is a trusted proxy, then the right-most
/// `X-Forwarded-For` entry that is not itself a trusted proxy.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, proxies: &[Cidr]) -> IpAddr {
    if !trusted(proxies, peer) {
        return peer;
    }
    // Several X-Forwarded-For headers are one list, in order.
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for entry in entries.iter().rev() {
        let Ok(ip) = entry.parse::<IpAddr>() else { return peer };
        if !trusted(proxies, ip) {
            return ip;
        }
    }
    // Only proxies in the chain (or no header): the left-most proxy is as far as we can see.
    entries.first().and_then(|e| e.parse().ok()).unwrap_or(peer)
}

/// The request's socket peer, if the server was started with connect info.
pub fn peer(parts_extensions: &axum::http::Extensions) -> Option<IpAddr> {
    parts_extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

/// A header a trusted proxy set (the right-most value it added), or None from anyone else.
pub fn forwarded_header(peer: Option<IpAddr>, headers: &HeaderMap, proxies: &[Cidr], name: &str) -> Option<String> {
    let peer = peer?;
    if !trusted(proxies, peer) {
        return None;
    }
    let value = headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).next_back()?;
    let last = value.rsplit(',').next()?.trim();
    (!last.is_empty()).then(|| last.to_ascii_lowercase())
}

/// The client's address key (see [`address_key`]).
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let key = match peer(&parts.extensions) {
            Some(peer) => address_key(client_address(peer, &parts.headers, &state.config.trusted_proxies)),
            None => "unknown".into(),
        };
        Ok(ClientIp(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn proxies(list: &[&str]) -> Vec<Cidr> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_socket_address_is_the_client() {
        let h = xff(&["198.51.100.7"]);
        assert_eq!(client_address(ip("203.0.113.9"), &h, &[]), ip("203.0.113.9"));
    }

    #[test]
    fn a_peer_that_is_not_a_trusted_proxy_cannot_forge_its_address() {
        let h = xff(&["198.51.100.7"]);
        assert_eq!(client_address(ip("203.0.113.9"), &h, &proxies(&["10.0.0.0/8"])), ip("203.0.113.9"));
    }

    #[test]
    fn spoofed_left_most_entries_are_ignored() {
        // The client wrote "1.2.3.4, 5.6.7.8"; the trusted proxy appended the real address.
        let h = xff(&["1.2.3.4, 5.6.7.8, 203.0.113.9"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &proxies(&["10.0.0.0/8"])), ip("203.0.113.9"));
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_skipped_from_the_right() {
        let h = xff(&["6.6.6.6, 203.0.113.9", "10.0.0.5"]);
        let p = proxies(&["10.0.0.0/8", "192.0.2.1"]);
        assert_eq!(client_address(ip("192.0.2.1"), &h, &p), ip("203.0.113.9"));
    }

    #[test]
    fn an_unparsable_entry_means_the_peer() {
        let h = xff(&["203.0.113.9, garbage"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &proxies(&["10.0.0.0/8"])), ip("10.0.0.2"));
        let none = HeaderMap::new();
        assert_eq!(client_address(ip("10.0.0.2"), &none, &proxies(&["10.0.0.0/8"])), ip("10.0.0.2"));
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        let a = address_key(ip("2001:db8:1:2:aaaa::1"));
        let b = address_key(ip("2001:db8:1:2:bbbb::9"));
        let c = address_key(ip("2001:db8:1:3::1"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(address_key(ip("::ffff:203.0.113.9")), "203.0.113.9");
        let h = xff(&["2001:db8:1:2::77"]);
        assert_eq!(address_key(client_address(ip("::1"), &h, &proxies(&["::1"]))), "2001:db8:1:2::/64");
    }

    #[test]
    fn cidrs_parse_and_match() {
        let c: Cidr = "10.1.0.0/16".parse().unwrap();
        assert!(c.contains(ip("10.1.200.3")) && !c.contains(ip("10.2.0.1")));
        assert!(c.contains(ip("::ffff:10.1.0.1")));
        let c: Cidr = "172.16.0.0/12".parse().unwrap();
        assert!(c.contains(ip("172.31.255.255")) && !c.contains(ip("172.32.0.0")));
        assert!("fd00::/8".parse::<Cidr>().unwrap().contains(ip("fdab::1")));
        assert!("10.0.0.0/33".parse::<Cidr>().is_err() && "proxy".parse::<Cidr>().is_err());
        assert_eq!("127.0.0.1".parse::<Cidr>().unwrap(), Cidr { addr: ip("127.0.0.1"), prefix: 32 });
    }

    #[test]
    fn forwarded_headers_count_only_from_a_trusted_peer() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let p = proxies(&["10.0.0.0/8"]);
        assert_eq!(forwarded_header(Some(ip("10.0.0.2")), &h, &p, "x-forwarded-proto").as_deref(), Some("https"));
        assert_eq!(forwarded_header(Some(ip("203.0.113.9")), &h, &p, "x-forwarded-proto"), None);
        assert_eq!(forwarded_header(None, &h, &p, "x-forwarded-proto"), None);
    }
}
