//! JSON parsing at the edge: serde errors become `RulesError::InvalidInput`
//! with the path of the offending field (`work_history[1].hours_per_week`).

use serde::de::DeserializeOwned;

use crate::error::{Result, RulesError};

/// Parse `text` as `T` (a JSON object), naming the field that failed.
///
/// serde reads a struct from an array by position; a profile or answers line
/// that is an array (`["2026-06-15", …]`) is refused instead, so no value is
/// ever read into the wrong field.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    refuse_non_object(text.trim_start().as_bytes().first().copied())?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    de.end()
        .map_err(|e| RulesError::invalid("", clean_message(&e.to_string())))?;
    Ok(value)
}

/// Parse an already-parsed JSON value (used by batch mode and the web wizard).
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    refuse_non_object(match &value {
        serde_json::Value::Object(_) => Some(b'{'),
        serde_json::Value::Array(_) => Some(b'['),
        _ => Some(b'0'),
    })?;
    serde_path_to_error::deserialize(value).map_err(path_error)
}

/// The top level must be an object (`first`: its first byte, if any).
fn refuse_non_object(first: Option<u8>) -> Result<()> {
    match first {
        Some(b'{') | None => Ok(()),
        Some(b'[') => Err(RulesError::invalid(
            "",
            "expected a JSON object {…} with named fields, found an array: values are never read by position",
        )),
        Some(_) => Err(RulesError::invalid(
            "",
            "expected a JSON object {…} with named fields",
        )),
    }
}

/// The field path of a serde error. A missing field is named by its own
/// path (`work_history[0].start`), not its parent's (serde reports the
/// object that lacks it).
fn path_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> RulesError {
    let path = e.path().to_string();
    let parent = if path == "." { String::new() } else { path };
    let message = e.inner().to_string();
    let field = match missing_field(&message) {
        Some(name) if parent.is_empty() => name.to_string(),
        Some(name) => format!("{parent}.{name}"),
        None => parent,
    };
    RulesError::invalid(field, clean_message(&message))
}

/// `missing field `start`` → `start`.
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next().filter(|n| !n.is_empty())
}

/// serde_json appends " at line 1 column 42"; keep it only when it helps
/// (syntax errors), and phrase enum errors in plain words.
fn clean_message(msg: &str) -> String {
    let msg = msg.replace("unknown variant", "unknown value");
    match msg.find(" at line ") {
        Some(i) if !msg.starts_with("expected") && !msg.contains("EOF") => msg[..i].to_string(),
        _ => msg,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Job {
        hours_per_week: f64,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct P {
        work_history: Vec<Job>,
    }

    #[test]
    fn a_missing_field_is_named_by_its_own_path() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Top {
            date_of_birth: String,
        }
        let e = from_str::<Top>("{}").unwrap_err();
        assert_eq!(e.field(), "date_of_birth");
        let e = from_str::<P>(r#"{"work_history":[{}]}"#).unwrap_err();
        assert_eq!(e.field(), "work_history[0].hours_per_week");
        let e = from_value::<P>(serde_json::json!({"work_history":[{}]})).unwrap_err();
        assert_eq!(e.field(), "work_history[0].hours_per_week");
    }

    #[test]
    fn an_array_is_never_read_by_position() {
        let e = from_str::<P>(r#"  [[{"hours_per_week":1}]]"#).unwrap_err();
        assert!(e.to_string().contains("found an array"), "{e}");
        assert!(from_value::<P>(serde_json::json!([[{"hours_per_week": 1}]])).is_err());
        assert!(from_str::<P>("12").is_err());
    }

    #[test]
    fn errors_name_the_path() {
        let e = from_str::<P>(r#"{"work_history":[{"hours_per_week":1},{"hours_per_week":"x"}]}"#)
            .unwrap_err();
        assert_eq!(e.field(), "work_history[1].hours_per_week");
    }
}
