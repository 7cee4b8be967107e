//! JSON parsing at the edge: serde errors become `RulesError::InvalidInput`
//! with the path of the offending field (`work_history[1].hours_per_week`).

use serde::de::DeserializeOwned;

use crate::error::{Result, RulesError};

/// Parse `text` as `T`, naming the field that failed.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        RulesError::invalid(field, clean_message(&e.inner().to_string()))
    })?;
    de.end()
        .map_err(|e| RulesError::invalid("", clean_message(&e.to_string())))?;
    Ok(value)
}

/// Parse an already-parsed JSON value (used by batch mode and the web wizard).
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        RulesError::invalid(field, clean_message(&e.inner().to_string()))
    })
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
    fn errors_name_the_path() {
        let e = from_str::<P>(r#"{"work_history":[{"hours_per_week":1},{"hours_per_week":"x"}]}"#)
            .unwrap_err();
        assert_eq!(e.field(), "work_history[1].hours_per_week");
    }
}
