//! Signing, hashing and request checks: signed form tokens (CSRF defence and time trap for
//! the session-less public forms), keyed IP hashes, the Origin / Sec-Fetch-Site check on
//! unsafe methods, security headers and the session cookie.

use std::io::{Read, Write};

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Name of the staff session cookie.
pub const SESSION_COOKIE: &str = "landed_session";

/// Derive the 32-byte signing key from a configured secret.
pub fn derive_key(secret: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Ok(mut mac) = HmacSha256::new_from_slice(b"landed-web signing key v1") {
        mac.update(secret);
        out.copy_from_slice(&mac.finalize().into_bytes());
    }
    out
}

fn mac(key: &[u8; 32], parts: &[&str]) -> Option<HmacSha256> {
    let mut m = HmacSha256::new_from_slice(key).ok()?;
    for p in parts {
        m.update(p.as_bytes());
        m.update(b"\x1f");
    }
    Some(m)
}

/// Keyed hash of an IP address (hex), so the raw address is never stored.
pub fn ip_hash(key: &[u8; 32], ip: &str) -> String {
    match mac(key, &["ip", ip]) {
        Some(m) => m
            .finalize()
            .into_bytes()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect(),
        None => String::new(),
    }
}

/// Issue a form token for `form` in `lang`, stamped with `now` (Unix seconds) and a random
/// nonce, so every rendered form has its own token (used to spot a resend of the same form).
pub fn issue_form_token(key: &[u8; 32], form: &str, lang: &str, now: i64) -> String {
    let ts = now.to_string();
    let mut nonce = [0u8; 12];
    if getrandom::getrandom(&mut nonce).is_err() {
        // Extremely unlikely; fall back to the clock's nanoseconds.
        let nanos = jiff::Timestamp::now().subsec_nanosecond().to_le_bytes();
        nonce[..4].copy_from_slice(&nanos);
    }
    let nonce = URL_SAFE_NO_PAD.encode(nonce);
    let sig = mac(key, &["form", form, lang, &ts, &nonce])
        .map(|m| URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("{ts}.{nonce}.{sig}")
}

/// Why a form token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// Missing, malformed or signed for something else.
    Invalid,
    /// Sent sooner than the minimum fill time (likely a bot).
    TooFast,
    /// Older than the maximum age: reload the form.
    Expired,
}

/// Check a form token: signature, then minimum and maximum age.
pub fn check_form_token(
    key: &[u8; 32],
    token: &str,
    form: &str,
    lang: &str,
    now: i64,
    min_secs: i64,
    max_secs: i64,
) -> Result<(), TokenProblem> {
    let mut parts = token.splitn(3, '.');
    let (Some(ts), Some(nonce), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(TokenProblem::Invalid);
    };
    let issued: i64 = ts.parse().map_err(|_| TokenProblem::Invalid)?;
    let sig = URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| TokenProblem::Invalid)?;
    let m = mac(key, &["form", form, lang, ts, nonce]).ok_or(TokenProblem::Invalid)?;
    m.verify_slice(&sig).map_err(|_| TokenProblem::Invalid)?;
    let age = now - issued;
    if age < min_secs {
        return Err(TokenProblem::TooFast);
    }
    if age > max_secs {
        return Err(TokenProblem::Expired);
    }
    Ok(())
}

/// Constant-time string comparison (CSRF tokens).
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Deflate and base64url-encode bytes (results URLs, wizard state).
pub fn pack(data: &[u8]) -> String {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    if enc.write_all(data).is_err() {
        return String::new();
    }
    match enc.finish() {
        Ok(bytes) => URL_SAFE_NO_PAD.encode(bytes),
        Err(_) => String::new(),
    }
}

/// Inverse of [`pack`]; refuses anything that inflates beyond `max_len` bytes.
pub fn unpack(text: &str, max_len: usize) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
    let dec = flate2::read::DeflateDecoder::new(&bytes[..]);
    let mut out = Vec::new();
    dec.take(max_len as u64 + 1).read_to_end(&mut out).ok()?;
    if out.len() > max_len {
        return None;
    }
    Some(out)
}

/// Security headers on every response. The strict CSP allows no inline script and no inline
/// style except the empty one (the hash below is SHA-256 of ""), which htmx sets while
/// swapping content; an empty style does nothing.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let private = req.uri().path().starts_with("/staff");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if private {
        // Staff pages hold personal data: never cache them.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let pairs: [(&str, &str); 6] = [
        (
            "content-security-policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
             object-src 'none'",
        ),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
    ];
    for (name, value) in pairs {
        if let (Ok(n), Ok(v)) = (
            header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            h.entry(n).or_insert(v);
        }
    }
    res
}

/// Refuse cross-site unsafe requests: a `Sec-Fetch-Site` other than same-origin / none, or
/// an `Origin` whose host differs from `Host`. Requests without either header (non-browser
/// clients) pass; the JSON API (`/api/…`, no cookies, no side effects) is exempt.
pub async fn origin_check(req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(
        *req.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    if unsafe_method && !req.uri().path().starts_with("/api/") && !origin_ok(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site request");
        return (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(req).await
}

fn origin_ok(h: &HeaderMap) -> bool {
    // Modern browsers say where a request comes from; trust that first.
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        if origin == "null" {
            return false;
        }
        let host = h
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let origin_host = origin
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or(origin)
            .trim_end_matches('/');
        return !host.is_empty() && origin_host.eq_ignore_ascii_case(host);
    }
    true
}

/// Read a cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether the request came over HTTPS (as told by a proxy) — used for "auto" Secure cookies.
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value for the session: HttpOnly, SameSite=Lax, Path=/, Secure when asked.
pub fn session_cookie(value: &str, max_age_secs: i64, secure: bool) -> String {
    let mut c =
        format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}");
    if secure {
        c.push_str("; Secure");
    }
    c
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn form_tokens_round_trip_and_age() {
        let key = derive_key(b"secret");
        let t = issue_form_token(&key, "question", "en", 1000);
        assert_ne!(t, issue_form_token(&key, "question", "en", 1000), "nonce");
        assert_eq!(
            check_form_token(&key, &t, "question", "en", 1010, 3, 100),
            Ok(())
        );
        assert_eq!(
            check_form_token(&key, &t, "question", "en", 1001, 3, 100),
            Err(TokenProblem::TooFast)
        );
        assert_eq!(
            check_form_token(&key, &t, "question", "en", 2000, 3, 100),
            Err(TokenProblem::Expired)
        );
        assert_eq!(
            check_form_token(&key, &t, "question", "fr", 1010, 3, 100),
            Err(TokenProblem::Invalid)
        );
        let other = derive_key(b"other");
        assert_eq!(
            check_form_token(&other, &t, "question", "en", 1010, 3, 100),
            Err(TokenProblem::Invalid)
        );
        assert_eq!(
            check_form_token(&key, "garbage", "question", "en", 1010, 3, 100),
            Err(TokenProblem::Invalid)
        );
    }

    #[test]
    fn pack_round_trips_and_limits() {
        let data = br#"{"date_of_birth":"1990-01-01"}"#;
        let p = pack(data);
        assert_eq!(unpack(&p, 1000).unwrap(), data.to_vec());
        let big = vec![b'a'; 10_000];
        assert!(unpack(&pack(&big), 100).is_none());
        assert!(unpack("%%%", 100).is_none());
    }

    #[test]
    fn origin_rules() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(origin_ok(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8080"),
        );
        assert!(origin_ok(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!origin_ok(&h));
        h.remove(header::ORIGIN);
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!origin_ok(&h));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(origin_ok(&h));
        // Browsers send `Origin: null` under some referrer policies; Sec-Fetch-Site decides.
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(origin_ok(&h));
        h.remove("sec-fetch-site");
        assert!(!origin_ok(&h));
    }

    #[test]
    fn constant_time_compare() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
