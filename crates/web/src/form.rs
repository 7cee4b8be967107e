//! Form and query helpers shared by the route modules (so no route module takes helpers
//! from another): reading an urlencoded body, percent-encoding a query value, the question
//! topics offered in forms and filters, and a rules-engine error placed next to its field.

use std::collections::BTreeMap;

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};

use crate::i18n::Lang;

/// Topic keys offered in the question form and the staff filter (stored as is; labels come
/// from Fluent `topic-KEY`).
pub const TOPICS: [&str; 7] = [
    "cec",
    "work_experience",
    "language",
    "crs",
    "application",
    "privacy",
    "other",
];

/// Read an urlencoded body into a map (last value wins for repeated names).
pub async fn read_form(req: Request) -> Result<BTreeMap<String, String>, Response> {
    match axum::extract::Form::<Vec<(String, String)>>::from_request(req, &()).await {
        Ok(axum::extract::Form(pairs)) => Ok(pairs.into_iter().collect()),
        Err(rejection) => Err(rejection.into_response()),
    }
}

/// Percent-encode for a query value.
pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A rules-engine error, shown next to its field in the page's language.
pub fn rules_error(lang: Lang, err: &landed_rules::RulesError) -> (String, String) {
    let message = match lang {
        Lang::En => err.message(),
        Lang::Fr => lang.t("err-invalid-value"),
    };
    (err.field().to_string(), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencode_keeps_unreserved_and_escapes_the_rest() {
        assert_eq!(urlencode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(urlencode("/staff?q=é &x"), "%2Fstaff%3Fq%3D%C3%A9%20%26x");
    }
}
