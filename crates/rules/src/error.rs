//! Errors of the rules engine. Every variant names what was wrong in words a
//! caller can show to a person; input errors carry the field path.

use jiff::civil::Date;

/// An error from the rules engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    /// The date is outside every version of a rules table (Catala's "assertion" on dates).
    #[error("no rules for {table} are known for {date}: the earliest supported date is {earliest}")]
    DateNotCovered {
        table: &'static str,
        date: Date,
        earliest: Date,
    },
    /// An input value was malformed or out of range. `field` is a dotted path
    /// such as `language_tests[0].reading`.
    #[error("{field}: {message}")]
    InvalidInput { field: String, message: String },
}

impl RulesError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        RulesError::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The field path when the error is about an input, else the empty string.
    pub fn field(&self) -> &str {
        match self {
            RulesError::InvalidInput { field, .. } => field,
            RulesError::DateNotCovered { .. } => "as_of",
        }
    }

    /// The message without the field prefix.
    pub fn message(&self) -> String {
        match self {
            RulesError::InvalidInput { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }

    /// Prefix the field path, e.g. `reading` inside `language_tests[0]`.
    pub fn within(self, prefix: &str) -> Self {
        match self {
            RulesError::InvalidInput { field, message } => RulesError::InvalidInput {
                field: if field.is_empty() {
                    prefix.to_string()
                } else {
                    format!("{prefix}.{field}")
                },
                message,
            },
            other => other,
        }
    }
}

pub type Result<T, E = RulesError> = std::result::Result<T, E>;
