//! A question to staff as both the web form (`routes::questions`) and the JSON API
//! (`routes::api::questions`) take it: its size limits, its values, its validation, the
//! limits on how many one address or one browser may send, and the staff note limit. Its own
//! module so that neither route module takes helpers from the other (issue 10 §2).

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use landed_store::PerIpLimit;

use crate::form::{Errors, TOPICS};
use crate::i18n::Lang;
use crate::security;

pub const NAME_MAX: usize = 200;
pub const EMAIL_MAX: usize = 254;
pub const MESSAGE_MIN: usize = 10;
pub const MESSAGE_MAX: usize = 5000;
const MAX_LINKS: usize = 5;
/// Largest attached profile accepted (inflated JSON bytes).
pub const ASSESSMENT_MAX: usize = 64 * 1024;
/// The random first-party cookie that tells one browser from another behind one address
/// (HttpOnly, SameSite=Lax, Secure with `--secure-cookies` or behind HTTPS; a year).
pub const BROWSER_COOKIE: &str = "landed_browser";
/// `Retry-After` of a refused question (the limits count over one hour).
pub const RETRY_AFTER_SECS: u64 = 3600;

/// Longest staff note on a question, in characters (the inbox page and the API).
pub const NOTE_MAX: usize = 20_000;

/// The browser cookie's value, when it is one we could have set (32 lowercase hex digits).
pub fn browser_id(headers: &axum::http::HeaderMap) -> Option<&str> {
    security::cookie(headers, BROWSER_COOKIE).filter(|v| {
        v.len() == 32
            && v.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// What the per-browser limit counts: a keyed hash of the browser cookie, or, without one,
/// of the IP address (so cookie-less posts from one address share one low limit).
pub fn browser_hash(key: &[u8; 32], browser: Option<&str>, ip_hash: &str) -> String {
    match browser {
        Some(id) => security::ip_hash(key, &format!("browser:{id}")),
        None => format!("ip:{ip_hash}"),
    }
}

/// The per-IP and per-browser limits, counted over the last hour.
pub fn limits(settings: &crate::config::Settings) -> (PerIpLimit, PerIpLimit) {
    let since = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(1))
        .unwrap_or(jiff::Timestamp::MIN);
    (
        PerIpLimit {
            max: u64::from(settings.questions_per_ip_per_hour),
            since,
        },
        PerIpLimit {
            max: u64::from(settings.questions_per_browser_per_hour),
            since,
        },
    )
}

/// A loose email check: one `@`, something before it, a dot in the domain, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= EMAIL_MAX
}

/// The form's values as typed (kept on error).
#[derive(Debug, Clone, Default)]
pub struct QuestionValues {
    pub name: String,
    pub email: String,
    pub topic: String,
    pub message: String,
    pub preferred_language: String,
    pub consent: bool,
    /// Packed profile (see [`crate::security::pack`]) when an assessment is attached.
    pub assessment: String,
}

impl QuestionValues {
    pub(crate) fn from_pairs(pairs: &BTreeMap<String, String>) -> QuestionValues {
        let get = |k: &str| pairs.get(k).cloned().unwrap_or_default();
        QuestionValues {
            name: get("name"),
            email: get("email"),
            topic: get("topic"),
            message: get("message"),
            preferred_language: get("preferred_language"),
            consent: pairs.get("consent").is_some_and(|v| v == "yes"),
            assessment: get("assessment"),
        }
    }
}

/// Decode an attached assessment into its profile JSON text, if valid.
pub fn decode_attachment(packed: &str) -> Option<String> {
    let bytes = security::unpack(packed, ASSESSMENT_MAX)?;
    let text = String::from_utf8(bytes).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    if !value.is_object() {
        return None;
    }
    Some(text)
}

/// The question's field errors, each naming its field, in `lang`.
pub fn validate(lang: Lang, v: &QuestionValues) -> Errors {
    let mut e = Errors::default();
    let name = v.name.trim();
    if name.is_empty() {
        e.add("name", lang.t("q-error-name-required"));
    } else if name.chars().count() > NAME_MAX {
        e.add("name", lang.t("q-error-name-long"));
    }
    let email = v.email.trim();
    if email.is_empty() {
        e.add("email", lang.t("q-error-email-required"));
    } else if !looks_like_email(email) {
        e.add("email", lang.t("q-error-email-invalid"));
    }
    if !TOPICS.contains(&v.topic.as_str()) {
        e.add("topic", lang.t("q-error-topic"));
    }
    let message = v.message.trim();
    let len = message.chars().count();
    if message.is_empty() {
        e.add("message", lang.t("q-error-message-required"));
    } else if len < MESSAGE_MIN {
        e.add("message", lang.t("q-error-message-short"));
    } else if len > MESSAGE_MAX {
        e.add("message", lang.t("q-error-message-long"));
    } else if message.matches("http://").count() + message.matches("https://").count() > MAX_LINKS {
        e.add("message", lang.t("q-error-message-links"));
    } else if message.contains('\0') {
        e.add("message", lang.t("q-error-message-required"));
    }
    if Lang::parse(&v.preferred_language).is_none() {
        e.add("preferred_language", lang.t("q-error-language"));
    }
    if !v.consent {
        e.add("consent", lang.t("q-error-consent"));
    }
    if !v.assessment.is_empty() && decode_attachment(&v.assessment).is_none() {
        e.add("assessment", lang.t("q-error-assessment"));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(looks_like_email("a@b.ca"));
        assert!(looks_like_email("first.last+tag@example.co.uk"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("@b.ca"));
        assert!(!looks_like_email("a b@c.ca"));
        assert!(!looks_like_email("a@@b.ca"));
    }
}
