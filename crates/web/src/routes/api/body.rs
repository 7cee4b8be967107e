//! Reading a JSON request body, in this order, each refusal a problem naming what is wrong:
//! 1. `Content-Type` must be JSON (`application/json` or `…+json`): else 415;
//! 2. UTF-8 text and JSON syntax: else 400 (with line and column);
//! 3. the contract's JSON Schema (`docs/contracts/*.schema.json`, the same schemas the
//!    OpenAPI document publishes), checked with the `jsonschema` crate: else 422 with one
//!    entry per error, each with its field path — so `null` where the schema does not allow
//!    it is refused, and `12.0` for an integer is accepted as the schema says it is an
//!    integer (JSON Schema counts numbers by value);
//! 4. the engine's own parse and checks: else 422 naming the field.

use std::sync::LazyLock;

use axum::http::{HeaderMap, StatusCode, header};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use landed_rules::{Date, RulesError};
use serde_json::Value;

use super::msg;
use crate::error::{FieldProblem, WebError};
use crate::i18n::Lang;

/// The public input contracts, as published (and embedded in the OpenAPI document).
pub const CRS_ANSWERS_SCHEMA: &str =
    include_str!("../../../../../docs/contracts/crs-answers.schema.json");
pub const PROFILE_SCHEMA: &str = include_str!("../../../../../docs/contracts/profile.schema.json");

/// Which contract a body follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    CrsAnswers,
    Profile,
}

impl Contract {
    /// The schema text.
    pub fn schema_text(self) -> &'static str {
        match self {
            Contract::CrsAnswers => CRS_ANSWERS_SCHEMA,
            Contract::Profile => PROFILE_SCHEMA,
        }
    }

    fn validator(self) -> Option<&'static jsonschema::Validator> {
        static CRS: LazyLock<Option<jsonschema::Validator>> =
            LazyLock::new(|| compile(CRS_ANSWERS_SCHEMA));
        static PROFILE: LazyLock<Option<jsonschema::Validator>> =
            LazyLock::new(|| compile(PROFILE_SCHEMA));
        match self {
            Contract::CrsAnswers => CRS.as_ref(),
            Contract::Profile => PROFILE.as_ref(),
        }
    }
}

fn compile(text: &str) -> Option<jsonschema::Validator> {
    let schema: Value = match serde_json::from_str(text) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "a contract schema is not JSON");
            return None;
        }
    };
    match jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
    {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::error!(error = %e, "a contract schema does not compile");
            None
        }
    }
}

/// Most field errors listed in one problem.
const ERRORS_MAX: usize = 20;

/// Whether `Content-Type` names JSON.
pub fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// 415 unless the body is declared JSON.
pub fn require_json(headers: &HeaderMap, lang: Lang) -> Result<(), WebError> {
    if is_json(headers) {
        Ok(())
    } else {
        Err(
            WebError::problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, lang).with_detail(msg(
                lang,
                "send the body as JSON with Content-Type: application/json",
                "envoyez le corps en JSON avec Content-Type: application/json",
            )),
        )
    }
}

/// Steps 1 and 2: the body as a JSON value (and its text).
pub fn json_value<'a>(
    headers: &HeaderMap,
    body: &'a [u8],
    lang: Lang,
) -> Result<(&'a str, Value), WebError> {
    require_json(headers, lang)?;
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(
            WebError::problem(StatusCode::BAD_REQUEST, lang).with_detail(msg(
                lang,
                "the body is not UTF-8 text",
                "le corps de la requête n’est pas du texte UTF-8",
            )),
        );
    };
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Ok((text, v)),
        Err(e) => Err(
            WebError::problem(StatusCode::BAD_REQUEST, lang).with_detail(msg(
                lang,
                &format!(
                    "the body is not valid JSON (line {}, column {})",
                    e.line(),
                    e.column()
                ),
                &format!(
                    "le corps n’est pas du JSON valide (ligne {}, colonne {})",
                    e.line(),
                    e.column()
                ),
            )),
        ),
    }
}

/// Steps 1 to 4 for a body following `contract`, parsed by the engine's `parse`.
pub fn read<T>(
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
    contract: Contract,
    parse: impl Fn(&str) -> Result<T, RulesError>,
) -> Result<T, WebError> {
    let (text, value) = json_value(headers, body, lang)?;
    validate(&value, contract, lang)?;
    let parsed = landed_rules::text::in_language(lang, || parse(text));
    match parsed {
        Ok(t) => Ok(t),
        Err(e) => {
            // The schema accepts `12.0` where it says integer; the engine reads integers
            // as integers. Read again with such numbers written as integers.
            let mut normalised = value;
            if integral_floats_to_integers(&mut normalised) {
                let text = normalised.to_string();
                landed_rules::text::in_language(lang, || parse(&text))
                    .map_err(|e| super::rules_error(lang, &e))
            } else {
                Err(super::rules_error(lang, &e))
            }
        }
    }
}

/// Check `value` against the contract's schema: every error (up to 20) with its field.
pub fn validate(value: &Value, contract: Contract, lang: Lang) -> Result<(), WebError> {
    validate_at(value, contract, lang, "")
}

/// [`validate`] for a value found at `prefix` in a larger body.
pub fn validate_at(
    value: &Value,
    contract: Contract,
    lang: Lang,
    prefix: &str,
) -> Result<(), WebError> {
    let Some(validator) = contract.validator() else {
        return Err(WebError::problem(StatusCode::INTERNAL_SERVER_ERROR, lang));
    };
    check(value, validator, lang, prefix)
}

/// A validator for the schema utoipa derives from `T` (inline: no `$ref`s).
pub fn validator_for<T: utoipa::PartialSchema>() -> Option<jsonschema::Validator> {
    let schema = serde_json::to_value(T::schema()).ok()?;
    match jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
    {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::error!(error = %e, "a derived schema does not compile");
            None
        }
    }
}

/// Steps 1 to 3 for a body described by a type of this crate: checked against the schema
/// derived from the type (`validator`, from [`validator_for`]), then deserialised.
pub fn typed<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
    validator: Option<&jsonschema::Validator>,
) -> Result<T, WebError> {
    let (_, value) = json_value(headers, body, lang)?;
    let Some(validator) = validator else {
        return Err(WebError::problem(StatusCode::INTERNAL_SERVER_ERROR, lang));
    };
    check(&value, validator, lang, "")?;
    serde_json::from_value(value).map_err(|e| {
        WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang).with_detail(e.to_string())
    })
}

/// Check `value` against `validator`; field paths are prefixed with `prefix` (`assessment`).
pub fn check(
    value: &Value,
    validator: &jsonschema::Validator,
    lang: Lang,
    prefix: &str,
) -> Result<(), WebError> {
    let errors: Vec<FieldProblem> = validator
        .iter_errors(value)
        .take(ERRORS_MAX)
        .map(|e| {
            let mut p = field_problem(&e, lang);
            if !prefix.is_empty() {
                p = FieldProblem::body(&join(prefix, &p.field), p.detail);
            }
            p
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang).with_errors(errors))
    }
}

/// `/work_history/1/noc` → `work_history[1].noc` (the CLI's notation).
pub fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').skip(1) {
        let part = part.replace("~1", "/").replace("~0", "~");
        if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&part);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&part);
        }
    }
    out
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn type_name(t: &str, lang: Lang) -> String {
    let fr = match t {
        "integer" => "un nombre entier",
        "number" => "un nombre",
        "string" => "du texte",
        "boolean" => "true ou false",
        "object" => "un objet",
        "array" => "une liste",
        "null" => "null",
        other => other,
    };
    let en = match t {
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "boolean" => "true or false",
        "object" => "an object",
        "array" => "a list",
        "null" => "null",
        other => other,
    };
    msg(lang, en, fr)
}

/// One validation error as a field problem, with a sentence in `lang`.
fn field_problem(e: &jsonschema::ValidationError<'_>, lang: Lang) -> FieldProblem {
    let path = dotted(&e.instance_path().to_string());
    let (field, en, fr): (String, String, String) = match e.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            (
                join(&path, name),
                "this field is required".into(),
                "ce champ est obligatoire".into(),
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let name = unexpected.first().cloned().unwrap_or_default();
            (
                join(&path, &name),
                "unknown field (see the schema)".into(),
                "champ inconnu (voir le schéma)".into(),
            )
        }
        ValidationErrorKind::Type { kind } => {
            let names: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(ts) => ts.iter().map(|t| t.to_string()).collect(),
            };
            let en: Vec<String> = names.iter().map(|t| type_name(t, Lang::En)).collect();
            let fr: Vec<String> = names.iter().map(|t| type_name(t, Lang::Fr)).collect();
            (
                path,
                format!("must be {}", en.join(" or ")),
                format!("doit être {}", fr.join(" ou ")),
            )
        }
        ValidationErrorKind::Enum { options } => {
            let list: Vec<String> = options
                .as_array()
                .map(|a| a.iter().map(Value::to_string).collect())
                .unwrap_or_default();
            (
                path,
                format!("must be one of {}", list.join(", ")),
                format!("doit être l’une des valeurs {}", list.join(", ")),
            )
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => (
            path,
            format!("must be at least {limit}"),
            format!("doit être au moins {limit}"),
        ),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => (
            path,
            format!("must be at most {limit}"),
            format!("doit être au plus {limit}"),
        ),
        ValidationErrorKind::Format { format } if format == "date" => (
            path,
            "must be a real date written YYYY-MM-DD".into(),
            "doit être une date réelle écrite AAAA-MM-JJ".into(),
        ),
        ValidationErrorKind::Format { format } if format == "email" => (
            path,
            "is not an email address".into(),
            "n’est pas une adresse courriel".into(),
        ),
        ValidationErrorKind::Pattern { .. } => (
            path,
            "is not in the expected form (see the schema)".into(),
            "n’a pas la forme attendue (voir le schéma)".into(),
        ),
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => (
            path,
            "matches none of the allowed forms (see the schema)".into(),
            "ne correspond à aucune des formes permises (voir le schéma)".into(),
        ),
        ValidationErrorKind::MaxItems { limit } => (
            path,
            format!("at most {limit} items"),
            format!("au plus {limit} éléments"),
        ),
        ValidationErrorKind::MinItems { limit } => (
            path,
            format!("at least {limit} items"),
            format!("au moins {limit} éléments"),
        ),
        ValidationErrorKind::MaxLength { limit } => (
            path,
            format!("at most {limit} characters"),
            format!("au plus {limit} caractères"),
        ),
        ValidationErrorKind::MinLength { limit } => (
            path,
            format!("at least {limit} characters"),
            format!("au moins {limit} caractères"),
        ),
        _ => {
            let text = e.masked().to_string();
            (path, text.clone(), text)
        }
    };
    FieldProblem::body(&field, msg(lang, &en, &fr))
}

/// Replace every number with no fractional part written as a float (`12.0`, `1e2`) by the
/// integer; whether anything changed.
pub fn integral_floats_to_integers(v: &mut Value) -> bool {
    match v {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                // Exact: |f| < 2^53.
                *v = Value::from(f as i64);
                true
            } else {
                false
            }
        }
        Value::Array(items) => {
            let mut changed = false;
            for x in items {
                changed |= integral_floats_to_integers(x);
            }
            changed
        }
        Value::Object(map) => {
            let mut changed = false;
            for x in map.values_mut() {
                changed |= integral_floats_to_integers(x);
            }
            changed
        }
        _ => false,
    }
}

/// A date of the profile that cannot be a person's: a birth before 1900 or after the
/// assessment date. The engine would compute an age from it ("age 255"); refuse it here.
pub fn check_profile_dates(
    profile: &landed_rules::profile::Profile,
    today: Date,
    lang: Lang,
) -> Result<(), WebError> {
    let as_of = profile.as_of.unwrap_or(today);
    let born = profile.date_of_birth;
    let earliest = jiff::civil::date(1900, 1, 1);
    if born < earliest {
        return Err(WebError::invalid_field(
            lang,
            "date_of_birth",
            msg(
                lang,
                &format!("{born} is before 1900: check the year"),
                &format!("{born} est avant 1900 : vérifiez l’année"),
            ),
        ));
    }
    if born > as_of {
        return Err(WebError::invalid_field(
            lang,
            "date_of_birth",
            msg(
                lang,
                &format!("{born} is after the assessment date {as_of}"),
                &format!("{born} est après la date de l’évaluation {as_of}"),
            ),
        ));
    }
    Ok(())
}

/// Read a profile body: content type, JSON, the contract's schema, the engine's parse,
/// then the dates no person can have.
pub fn read_profile(
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
    today: Date,
) -> Result<landed_rules::profile::Profile, WebError> {
    let profile = read(headers, body, lang, Contract::Profile, |text| {
        landed_rules::profile::parse_profile(text)
    })?;
    check_profile_dates(&profile, today, lang)?;
    Ok(profile)
}

/// 404 for things the API does not have.
pub fn not_found(lang: Lang, detail: String) -> WebError {
    WebError::problem(StatusCode::NOT_FOUND, lang).with_detail(detail)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_become_the_cli_paths() {
        assert_eq!(dotted(""), "");
        assert_eq!(dotted("/age"), "age");
        assert_eq!(dotted("/work_history/1/noc"), "work_history[1].noc");
        assert_eq!(dotted("/first_language/reading"), "first_language.reading");
    }

    #[test]
    fn integral_floats_become_integers_and_others_stay() {
        let mut v = json!({"a": 12.0, "b": [1.5, 3.0], "c": 7});
        assert!(integral_floats_to_integers(&mut v));
        assert_eq!(v, json!({"a": 12, "b": [1.5, 3], "c": 7}));
        let mut w = json!({"a": 1.5});
        assert!(!integral_floats_to_integers(&mut w));
    }

    #[test]
    fn both_contract_schemas_compile() {
        assert!(Contract::CrsAnswers.validator().is_some());
        assert!(Contract::Profile.validator().is_some());
    }

    #[test]
    fn null_where_the_schema_forbids_it_is_refused_naming_the_field() {
        let e = validate(&json!({"date_of_birth": null}), Contract::Profile, Lang::En).unwrap_err();
        assert_eq!(e.errors[0].field, "date_of_birth");
        assert_eq!(e.errors[0].pointer.as_deref(), Some("/date_of_birth"));
        let e = validate(&json!({}), Contract::Profile, Lang::Fr).unwrap_err();
        assert_eq!(e.errors[0].field, "date_of_birth");
        assert_eq!(e.errors[0].detail, "ce champ est obligatoire");
    }
}
