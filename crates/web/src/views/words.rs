//! The small pieces every view is made of: an engine sentence in the page's language, an
//! engine enum's contract name, a label by Fluent id with a humanised fallback, statuses and
//! safe links.

use crate::i18n::Messages as _;
use landed_rules::assess::{ProgramResult, Status};
use landed_rules::text::{Say, Text, in_language};
use serde::Serialize;

use crate::i18n::Lang;

/// An engine sentence in the page's language (nested texts too), with dates and provinces
/// written as people read them ([`dates_and_places`]).
pub fn text(lang: Lang, t: &Text) -> String {
    dates_and_places(lang, &in_language(lang, || t.text_in(lang)))
}

/// The engine writes dates as ISO 8601 (`2026-09-30`) and provinces as their codes (`BC`):
/// the stable form of the CLI and the API. A page writes one date format per language
/// ("September 30, 2026", « 30 septembre 2026 ») and provinces in words (issue 12 §2). A code
/// is replaced only where the engine puts one: after "in " or "(".
pub fn dates_and_places(lang: Lang, s: &str) -> String {
    let b = s.as_bytes();
    let boundary = |i: usize| i >= b.len() || !b[i].is_ascii_alphanumeric();
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < b.len() {
        let starts_word = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts_word
            && i + 10 <= b.len()
            && boundary(i + 10)
            && let Some(d) = s
                .get(i..i + 10)
                .filter(|t| t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-')
                .and_then(|t| t.parse::<jiff::civil::Date>().ok())
        {
            out.push_str(&lang.date(d));
            i += 10;
            continue;
        }
        if starts_word
            && i + 2 <= b.len()
            && boundary(i + 2)
            && (s[..i].ends_with("in ") || s[..i].ends_with('('))
            && let Some(code) = s.get(i..i + 2)
            && crate::wizard::PROVINCES.contains(&code)
        {
            out.push_str(&lang.t(&format!("prov-{code}")));
            i += 2;
            continue;
        }
        // Copy one whole character (the text is UTF-8).
        let len = s[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&s[i..i + len]);
        i += len;
    }
    out
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

/// The link text and (safe) address of an optional source, for a page in `lang`: for the
/// canada.ca pages in [`super::sources`], a text that says what the page is and, on French
/// pages, the French page where one is known (else the English one, said to be in English);
/// for any other source, its title as the data gives it.
pub fn source_parts(lang: Lang, s: Option<&landed_rules::dated::Source>) -> (String, String) {
    let Some(s) = s else {
        return Default::default();
    };
    match super::sources::link(&s.href, lang.code()) {
        Some((text, href)) => {
            let text = if lang == Lang::Fr && href.contains("canada.ca/en/") {
                format!("{text} (en anglais)")
            } else {
                text.to_string()
            };
            (text, safe_href(href))
        }
        None => (s.title.to_string(), safe_href(&s.href)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_provinces_in_words() {
        assert_eq!(
            dates_and_places(
                Lang::En,
                "between 2023-09-30 and 2026-09-29; You plan to live in BC (outside Quebec)"
            ),
            "between September 30, 2023 and September 29, 2026; You plan to live in British Columbia (outside Quebec)"
        );
        assert_eq!(
            dates_and_places(Lang::Fr, "valide jusqu’au 2027-11-19 (ON)"),
            "valide jusqu’au 19 novembre 2027 (Ontario)"
        );
        // Not a date, not a province where the engine puts one: left as it is.
        assert_eq!(
            dates_and_places(Lang::En, "ON 12026-01-011 x2026-01-01 NOC 21232 CLB 9"),
            "ON 12026-01-011 x2026-01-01 NOC 21232 CLB 9"
        );
    }
}
