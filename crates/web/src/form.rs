//! Form and query helpers shared by the route modules (so no route module takes helpers
//! from another): reading an urlencoded body, percent-encoding a query value, the question
//! topics offered in forms and filters, and a rules-engine error placed next to its field.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};

use landed_rules::draws::{DrawsError, Filter};

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

/// Everything but RFC 3986's unreserved characters is escaped (so the result is safe in a
/// query value and in a `mailto:` link, where `+` would not mean a space).
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode for a query value (UTF-8, `%20` for a space).
pub fn urlencode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// A rules-engine error, shown next to its field in the page's language.
pub fn rules_error(lang: Lang, err: &landed_rules::RulesError) -> (String, String) {
    let message = match lang {
        Lang::En => err.message(),
        Lang::Fr => lang.t("err-invalid-value"),
    };
    (err.field().to_string(), message)
}

/// The field a filter error is about.
fn error_field(e: &DrawsError) -> &'static str {
    match e {
        DrawsError::BadDate { field, .. } => field,
        _ => "type",
    }
}

/// The rounds filter of `/{lang}/draws` and `GET /api/v1/draws`: `type` (repeatable, or
/// comma-separated), `since`, `until` from a query; an error names its parameter.
pub fn filter_from(pairs: &[(String, String)]) -> Result<Filter, (String, String)> {
    let mut types = Vec::new();
    let (mut since, mut until) = (None, None);
    for (k, v) in pairs {
        match k.as_str() {
            "type" => types.push(v.as_str()),
            "since" => since = Some(v.as_str()),
            "until" => until = Some(v.as_str()),
            other => {
                return Err((
                    other.chars().take(40).collect(),
                    "unknown parameter (use type, since, until)".into(),
                ));
            }
        }
    }
    Filter::parse(&types, since, until).map_err(|e| {
        let msg = e.to_string();
        let field = error_field(&e);
        let msg = msg
            .strip_prefix(&format!("{field}: "))
            .unwrap_or(&msg)
            .to_string();
        (field.to_string(), msg)
    })
}

/// One error message shown next to a form field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    /// Shown next to the field: what is expected.
    pub message: String,
    /// Shown in the list at the top of the page, away from the field: by default the same,
    /// the wizard puts the field's name first ("Date of birth: answer this question").
    pub summary: String,
}

impl FieldError {
    /// The HTML id of the field's input.
    pub fn id(&self) -> String {
        field_id(&self.field)
    }
}

/// Field errors of a form, looked up by field name from templates.
#[derive(Debug, Clone, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let field = field.into();
        if !self.0.iter().any(|e| e.field == field) {
            let message = message.into();
            self.0.push(FieldError {
                field,
                summary: message.clone(),
                message,
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// The message for `field` or the empty string.
    pub fn msg(&self, field: &str) -> &str {
        self.get(field).unwrap_or("")
    }

    /// `id="x-error"` reference for aria-describedby when the field has an error.
    pub fn describedby(&self, field: &str) -> String {
        if self.has(field) {
            format!("{}-error", field_id(field))
        } else {
            String::new()
        }
    }

    pub fn list(&self) -> &[FieldError] {
        &self.0
    }
}

/// An HTML id for a field name such as `work_history[1].noc` → `f-work_history-1-noc`.
pub fn field_id(field: &str) -> String {
    let mut out = String::from("f-");
    for ch in field.chars() {
        if ch.is_ascii_alphanumeric() || ch == '_' {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use landed_rules::draws::RoundType;

    use super::*;

    #[test]
    fn urlencode_keeps_unreserved_and_escapes_the_rest() {
        assert_eq!(urlencode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(urlencode("/staff?q=é &x"), "%2Fstaff%3Fq%3D%C3%A9%20%26x");
    }

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filter_errors_name_the_field() {
        assert_eq!(
            filter_from(&pairs(&[("type", "nope")])).unwrap_err().0,
            "type"
        );
        let (field, msg) = filter_from(&pairs(&[("since", "2026-13-01")])).unwrap_err();
        assert_eq!(field, "since");
        assert_eq!(msg, "`2026-13-01` is not a date (YYYY-MM-DD)");
        assert_eq!(filter_from(&pairs(&[("x", "1")])).unwrap_err().0, "x");
        let f = filter_from(&pairs(&[("type", "cec,french"), ("type", "pnp")])).unwrap();
        assert_eq!(
            f.types,
            vec![RoundType::Cec, RoundType::French, RoundType::Pnp]
        );
    }
}
