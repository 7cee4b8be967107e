//! Small helpers: random tokens and references, key hashing, search folding, URL redaction.

use blake2::{Blake2s256, Digest};

use crate::StoreError;

/// `N` bytes from the operating system's random source.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut buf = [0u8; N];
    getrandom::getrandom(&mut buf).map_err(|_| StoreError::Random)?;
    Ok(buf)
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// A fresh 256-bit random token as 64 lowercase hex characters.
pub(crate) fn new_token() -> Result<String, StoreError> {
    Ok(hex(&random_bytes::<32>()?))
}

/// BLAKE2s-256 of `s` as hex: how session tokens and rate-limit keys are stored.
pub(crate) fn hash_key(s: &str) -> String {
    hex(&Blake2s256::digest(s.as_bytes()))
}

/// A PostgreSQL advisory-lock key for `s` (the first 8 bytes of its BLAKE2s-256 hash).
pub(crate) fn lock_key(s: &str) -> i64 {
    let d = Blake2s256::digest(s.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    i64::from_le_bytes(b)
}

/// Reference alphabet: digits and capitals without 0/O, 1/I/L (31 symbols).
const REF_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const REF_LEN: usize = 6;

/// `Q-<year>-<6 random symbols>`, uniform over the alphabet (rejection sampling).
pub(crate) fn new_reference(year: i16) -> Result<String, StoreError> {
    let mut out = String::with_capacity(7 + REF_LEN);
    out.push_str("Q-");
    out.push_str(&year.to_string());
    out.push('-');
    let mut n = 0;
    while n < REF_LEN {
        for b in random_bytes::<16>()? {
            // 248 = 8 * 31: reject the top bytes so every symbol is equally likely.
            if b < 248 && n < REF_LEN {
                out.push(char::from(REF_ALPHABET[usize::from(b % 31)]));
                n += 1;
            }
        }
    }
    Ok(out)
}

/// Fold text for search: lowercase, common Latin accents removed (so "Équivalence" matches
/// "equivalence"), ligatures expanded.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ś' | 'š' => out.push('s'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ł' => out.push('l'),
            'ř' => out.push('r'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            // Typographic apostrophes fold to the ASCII one ("l’immigration").
            '\u{2019}' | '\u{2018}' => out.push('\''),
            _ => out.push(c),
        }
    }
    out
}

/// The `search_text` column value for a question.
pub(crate) fn search_text(
    reference: &str,
    name: &str,
    email: &str,
    topic: &str,
    message: &str,
) -> String {
    fold(&format!("{reference}\n{name}\n{email}\n{topic}\n{message}"))
}

/// A `LIKE … ESCAPE '\'` pattern matching `term` literally anywhere.
pub(crate) fn like_contains(term: &str) -> String {
    let mut p = String::with_capacity(term.len() + 2);
    p.push('%');
    for c in term.chars() {
        if matches!(c, '\\' | '%' | '_') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Search terms of a query: folded, split on whitespace.
pub(crate) fn search_terms(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// Replace the password of `scheme://user:password@host…` with `***`.
pub(crate) fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let Some(at) = authority.rfind('@') else {
        return url.to_owned();
    };
    let userinfo = &authority[..at];
    let Some(colon) = userinfo.find(':') else {
        return url.to_owned();
    };
    format!(
        "{}{}:***{}",
        &url[..scheme_end + 3],
        &userinfo[..colon],
        &rest[at..]
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn redacts_passwords_only() {
        assert_eq!(
            redact_url("postgres://u:s3cr%40t@db:5432/x?a=b"),
            "postgres://u:***@db:5432/x?a=b"
        );
        assert_eq!(redact_url("postgres://u@db/x"), "postgres://u@db/x");
        assert_eq!(redact_url("sqlite://landed.db"), "sqlite://landed.db");
        assert_eq!(redact_url("sqlite::memory:"), "sqlite::memory:");
        assert_eq!(
            redact_url("postgres://u:p@h/db@x"),
            "postgres://u:***@h/db@x"
        );
    }

    #[test]
    fn references_and_tokens() {
        let r = new_reference(2026).unwrap();
        assert_eq!(r.len(), "Q-2026-7F3K9A".len());
        assert!(r.starts_with("Q-2026-"));
        assert!(r[7..].bytes().all(|b| REF_ALPHABET.contains(&b)), "{r}");
        let t = new_token().unwrap();
        assert_eq!(t.len(), 64);
        assert_ne!(t, new_token().unwrap());
        assert_eq!(hex(&[0x00, 0xff, 0x1a]), "00ff1a");
        assert_eq!(hash_key("a").len(), 64);
    }

    #[test]
    fn folding_and_patterns() {
        assert_eq!(
            fold("Équivalence ŒUVRE Straße l’ami"),
            "equivalence oeuvre strasse l'ami"
        );
        assert_eq!(like_contains(r"50%_a\b"), r"%50\%\_a\\b%");
        assert_eq!(
            search_terms("  Crs  Équivalence "),
            vec!["crs", "equivalence"]
        );
    }
}
