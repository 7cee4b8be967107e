//! The small pieces every view is made of: an engine sentence in the page's language, an
//! engine enum's contract name, a label by Fluent id with a humanised fallback, statuses and
//! safe links.

use landed_rules::assess::{ProgramResult, Status};
use landed_rules::text::{Say, Text, in_language};
use serde::Serialize;

use crate::i18n::Lang;

/// An engine sentence in the page's language (nested texts too).
pub fn text(lang: Lang, t: &Text) -> String {
    in_language(lang.engine(), || t.text_in(lang.engine()))
}

/// The contract's name of an engine enum (`snake_case` id), e.g. `bachelors`, `self_employed`:
/// the stable key translations are looked up by. Empty for a value that is not a plain name.
pub fn wire<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Humanise an identifier: `hours_by_window` → `Hours by window`.
pub fn humanise(key: &str) -> String {
    capitalise(&key.replace(['_', '.'], " "))
}

/// The text with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A Fluent message for `key` if it exists, else the humanised fallback.
pub fn label(lang: Lang, key: &str, fallback: &str) -> String {
    if lang.has(key) {
        lang.t(key)
    } else {
        humanise(fallback)
    }
}

/// `met`, `not_met` or `unknown`.
pub fn status_str(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Unknown => "unknown",
    }
}

pub fn status_label(lang: Lang, status: &str) -> String {
    match status {
        "met" => lang.t("res-status-met"),
        "not_met" => lang.t("res-status-not_met"),
        _ => lang.t("res-status-unknown"),
    }
}

/// `met`, `not_met` or `unknown` from a program's `eligible`.
pub fn eligible_status(r: &ProgramResult) -> &'static str {
    match r.eligible {
        Some(true) => "met",
        Some(false) => "not_met",
        None => "unknown",
    }
}

/// Only http(s) links are rendered as links.
pub fn safe_href(href: &str) -> String {
    if href.starts_with("https://") || href.starts_with("http://") {
        href.to_string()
    } else {
        String::new()
    }
}

/// The title and (safe) address of an optional source.
pub fn source_parts(s: Option<&landed_rules::dated::Source>) -> (String, String) {
    s.map(|s| (s.title.to_string(), safe_href(&s.href)))
        .unwrap_or_default()
}
