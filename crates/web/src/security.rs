//! Signing, hashing and request checks: signed form tokens (CSRF defence and time trap for
//! the session-less public forms), keyed IP hashes, the Origin / Sec-Fetch-Site check on
//! unsafe methods, security headers and the session cookie.

use crate::i18n::Messages as _;
use std::io::{Read, Write};

use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
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

/// Constant-time comparison of secrets (CSRF tokens, hashes), with `subtle`. The length is
/// not secret (tokens have a fixed length).
pub fn same_secret(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.as_bytes().ct_eq(b.as_bytes()).into()
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

/// The Content-Security-Policy: no inline script and no inline style except the empty one
/// (the hash below is SHA-256 of ""), which htmx sets while swapping content; an empty style
/// does nothing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
     object-src 'none'";

/// The security headers every response carries (set by tower-http's
/// `SetResponseHeaderLayer::if_not_present` in [`crate::app`]).
pub const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// HSTS, sent when `--secure-cookies` says the site is served over HTTPS: two years, this
/// host only (subdomains may not all be HTTPS).
pub const HSTS: &str = "max-age=63072000";

/// The cross-site check layer, with our refusal page.
pub type Csrf = tower_http::csrf::CsrfLayer<fn(tower_http::csrf::ProtectionError) -> Response>;

/// Refuse cross-site unsafe requests, with tower-http's `CsrfLayer` (the Go 1.25 /
/// Filippo Valsorda scheme): unsafe methods pass only with `Sec-Fetch-Site: same-origin` or
/// `none`, an `Origin` equal to the configured public URL or to the request's host, or
/// neither header (non-browser clients). The JSON API (`/api/…`, no cookies, no side effects
/// on anyone's account) is exempt, as before.
pub fn csrf_layer(public_url: Option<&str>) -> Result<Csrf, String> {
    let layer = tower_http::csrf::CsrfLayer::new()
        .with_insecure_bypass(|_, uri| uri.path().starts_with("/api/"))
        .with_rejection_response(
            refused_cross_site as fn(tower_http::csrf::ProtectionError) -> Response,
        );
    match public_url {
        Some(url) => layer
            .add_trusted_origin(url)
            .map_err(|e| format!("public_url: {e}")),
        None => Ok(layer),
    }
}

fn refused_cross_site(_: tower_http::csrf::ProtectionError) -> Response {
    tracing::debug!("refused a cross-site request");
    (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response()
}

/// Name of the cookie that lets the browser that sent a question see its reference.
pub const SENT_COOKIE: &str = "landed_sent";
/// How long the confirmation page shows the reference to that browser.
pub const SENT_COOKIE_SECS: i64 = 3600;

/// The signed value of [`SENT_COOKIE`]: `REFERENCE.EXPIRES.SIGNATURE`.
pub fn sent_cookie_value(key: &[u8; 32], reference: &str, now: i64) -> String {
    let expires = (now + SENT_COOKIE_SECS).to_string();
    let sig = mac(key, &["sent", reference, &expires])
        .map(|m| URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("{reference}.{expires}.{sig}")
}

/// The reference in a [`SENT_COOKIE`] value, if its signature holds and it has not expired.
pub fn check_sent_cookie(key: &[u8; 32], value: &str, now: i64) -> Option<String> {
    let mut parts = value.splitn(3, '.');
    let (reference, expires, sig) = (parts.next()?, parts.next()?, parts.next()?);
    let sig = URL_SAFE_NO_PAD.decode(sig).ok()?;
    mac(key, &["sent", reference, expires])?
        .verify_slice(&sig)
        .ok()?;
    let expires: i64 = expires.parse().ok()?;
    (now <= expires).then(|| reference.to_string())
}

/// The `Set-Cookie` header for [`SENT_COOKIE`].
pub fn sent_cookie(key: &[u8; 32], reference: &str, secure: bool) -> String {
    let value = sent_cookie_value(key, reference, jiff::Timestamp::now().as_second());
    let mut c = format!(
        "{SENT_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SENT_COOKIE_SECS}"
    );
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// Why a form body was refused before any handler saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFormField {
    /// The field's name when it is a plain name (shown to the user), else `None`.
    pub field: Option<String>,
}

/// Check an `application/x-www-form-urlencoded` body: every name and value, once
/// percent-decoded, must be UTF-8 without NUL. (`serde_urlencoded` would replace invalid
/// bytes with U+FFFD silently; the text would then be stored changed.)
pub fn check_form_body(body: &[u8]) -> Result<(), BadFormField> {
    for pair in body.split(|b| *b == b'&') {
        if pair.is_empty() {
            continue;
        }
        let mut it = pair.splitn(2, |b| *b == b'=');
        let name = decode_form_part(it.next().unwrap_or_default());
        let value = decode_form_part(it.next().unwrap_or_default());
        let name_ok = std::str::from_utf8(&name).is_ok_and(|n| !n.contains('\0'));
        let value_ok = std::str::from_utf8(&value).is_ok_and(|v| !v.contains('\0'));
        if !(name_ok && value_ok) {
            let shown = std::str::from_utf8(&name)
                .ok()
                .filter(|n| {
                    !n.is_empty()
                        && n.len() <= 64
                        && n.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"_.[]-".contains(&b))
                })
                .map(str::to_string);
            return Err(BadFormField { field: shown });
        }
    }
    Ok(())
}

fn decode_form_part(part: &[u8]) -> Vec<u8> {
    let plus: Vec<u8> = part
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    percent_encoding::percent_decode(&plus).collect()
}

/// Middleware: refuse a form body with invalid UTF-8 or a NUL byte (400, in the page's
/// language, naming the field), before any handler reads it. Other bodies pass untouched.
pub async fn form_text_check(req: Request, next: Next) -> Response {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !is_form {
        return next.run(req).await;
    }
    let lang = page_lang(&req);
    let (parts, body) = req.into_parts();
    // The body limit layer outside this one bounds the size.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            let status = if error_chain_has::<http_body_util::LengthLimitError>(&e, "length limit")
            {
                StatusCode::PAYLOAD_TOO_LARGE
            } else if error_chain_has::<tower_http::timeout::TimeoutError>(&e, "timed out") {
                StatusCode::REQUEST_TIMEOUT
            } else {
                StatusCode::BAD_REQUEST
            };
            return (status, lang.t("error-title")).into_response();
        }
    };
    if let Err(bad) = check_form_body(&bytes) {
        return bad_form_text(lang, bad.field.as_deref());
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Whether an error or one of its sources is a `T`. Boxed errors hide their type from
/// `downcast` (a `Box<dyn Error>` inside another), so the message is checked as well.
fn error_chain_has<T: std::error::Error + 'static>(
    e: &(dyn std::error::Error + 'static),
    message: &str,
) -> bool {
    let mut current = Some(e);
    while let Some(err) = current {
        if err.is::<T>() || err.to_string().contains(message) {
            return true;
        }
        current = err.source();
    }
    false
}

/// The 400 page for a form field that is not valid text. The field is named only when its
/// name is a plain field name; the value is never shown back.
fn bad_form_text(lang: crate::i18n::Lang, field: Option<&str>) -> Response {
    use crate::i18n::Lang;
    let (heading, body) = match (lang, field) {
        (Lang::Fr, Some(f)) => (
            "Ce formulaire n’a pas pu être lu".to_string(),
            format!(
                "Le champ « {f} » contient des caractères qui ne sont pas du texte valide \
                 (UTF-8 invalide ou caractère NUL). Rien n’a été enregistré : revenez en \
                 arrière, retapez ce champ et renvoyez le formulaire."
            ),
        ),
        (Lang::Fr, None) => (
            "Ce formulaire n’a pas pu être lu".to_string(),
            "Un champ contient des caractères qui ne sont pas du texte valide (UTF-8 invalide \
             ou caractère NUL). Rien n’a été enregistré."
                .to_string(),
        ),
        (_, Some(f)) => (
            "This form could not be read".to_string(),
            format!(
                "The field “{f}” contains characters that are not valid text (invalid UTF-8 \
                 or a NUL character). Nothing was saved: go back, retype that field and send \
                 the form again."
            ),
        ),
        (_, None) => (
            "This form could not be read".to_string(),
            "A field contains characters that are not valid text (invalid UTF-8 or a NUL \
             character). Nothing was saved."
                .to_string(),
        ),
    };
    let mut p = crate::page::Page::public(lang, "", "error-title", "");
    p.alt_href = format!("/{}/", lang.other().code());
    (
        StatusCode::BAD_REQUEST,
        crate::routes::ErrorPage { p, heading, body },
    )
        .into_response()
}

/// The language of the page a request is for: `/en/…` or `/fr/…`, else the staff language
/// cookie or `Accept-Language`.
fn page_lang(req: &Request) -> crate::i18n::Lang {
    let first = req
        .uri()
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    crate::i18n::Lang::parse(first).unwrap_or_else(|| staff_lang(req.headers()))
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

/// The staff pages' language cookie.
pub const STAFF_LANG_COOKIE: &str = "landed_staff_lang";

/// The staff pages' language: the cookie, else `Accept-Language` (here, not in the staff
/// routes, so the security layer does not import a route module).
pub fn staff_lang(headers: &HeaderMap) -> crate::i18n::Lang {
    cookie(headers, STAFF_LANG_COOKIE)
        .and_then(crate::i18n::Lang::parse)
        .unwrap_or_else(|| {
            crate::i18n::Lang::negotiate(
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok()),
            )
        })
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
    fn sent_cookies_are_signed_and_expire() {
        let key = derive_key(b"secret");
        let v = sent_cookie_value(&key, "Q-2026-ABC234", 1000);
        assert_eq!(
            check_sent_cookie(&key, &v, 1000).as_deref(),
            Some("Q-2026-ABC234")
        );
        assert_eq!(
            check_sent_cookie(&key, &v, 1000 + SENT_COOKIE_SECS + 1),
            None
        );
        assert_eq!(check_sent_cookie(&derive_key(b"other"), &v, 1000), None);
        let forged = v.replacen("Q-2026-ABC234", "Q-2026-ABC235", 1);
        assert_eq!(check_sent_cookie(&key, &forged, 1000), None);
        assert_eq!(check_sent_cookie(&key, "Q-1.2", 1000), None);
    }

    #[test]
    fn form_bodies_with_bad_text_are_refused() {
        assert_eq!(
            check_form_body(b"name=Ana+Lima&message=%C3%A9t%C3%A9"),
            Ok(())
        );
        assert_eq!(check_form_body(b""), Ok(()));
        assert_eq!(
            check_form_body(b"name=Ana&message=a%FFb"),
            Err(BadFormField {
                field: Some("message".into())
            })
        );
        assert_eq!(
            check_form_body(b"name=A%00na"),
            Err(BadFormField {
                field: Some("name".into())
            })
        );
        assert_eq!(
            check_form_body(b"%3Cb%3E=%00"),
            Err(BadFormField { field: None }),
            "a name that is not a plain field name is never echoed"
        );
        assert_eq!(
            check_form_body(b"x=\xff"),
            Err(BadFormField {
                field: Some("x".into())
            })
        );
    }

    #[test]
    fn constant_time_compare() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
