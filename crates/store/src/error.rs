//! The one error type of the store, [`StoreError`] (and [`Result`]), and the input checks
//! shared by the modules that write.

#[cfg(doc)]
use crate::Submission;

/// `Result` with [`StoreError`] as the default error.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The one error type of the store. `Display` never contains personal data or SQL values; the
/// underlying cause (for logs) is available through [`std::error::Error::source`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The row asked for does not exist (web: 404).
    #[error("not found")]
    NotFound,
    /// A unique value is already taken, e.g. `field: "email"` for a staff user (web: 409 or a
    /// form field error).
    #[error("{field} already exists")]
    Conflict {
        /// The field (column) whose value is taken.
        field: &'static str,
    },
    /// Input rejected by the store, e.g. `field: "preferred_language"`, `"consent"`,
    /// `"message"` (too long, empty, or containing a NUL character), `"database_url"` (unknown
    /// scheme). Web: 422 / form field error.
    #[error("invalid {field}: {message}")]
    Invalid {
        /// The offending field.
        field: &'static str,
        /// A fixed, non-personal explanation.
        message: &'static str,
    },
    /// Password hashing failed (should not happen with valid parameters).
    #[error("password hashing failed")]
    PasswordHash,
    /// The operating system's random source failed (tokens, references, salts).
    #[error("random source failed")]
    Random,
    /// Running the embedded migrations failed.
    #[error("database migration failed")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    /// The form token was already used for a question with different content (a resubmission
    /// with changed text). Nothing was stored; `reference` is the question first stored with
    /// that token (not personal data). Web: 409 and a message saying the change was not saved.
    #[error("form already sent as {reference} with different content")]
    TokenReused {
        /// Reference of the question stored with this token.
        reference: String,
    },
    /// The per-IP limit of [`Submission::per_ip`] or the per-browser limit of
    /// [`Submission::per_browser`] is reached: nothing was stored (web: 429).
    #[error("too many questions from this address or browser")]
    RateLimited,
    /// Any other database error (connection, I/O, constraint…). Web: logged 500.
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            other => StoreError::Database(other),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migrate(e)
    }
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

pub(crate) fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_foreign_key_violation())
}

/// Reject blank, too long, or NUL-containing text (PostgreSQL cannot store NUL in `text`; we
/// refuse it on both backends so they behave the same).
pub(crate) fn check_text(
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> Result<()> {
    if required && value.trim().is_empty() {
        return Err(StoreError::Invalid {
            field,
            message: "must not be blank",
        });
    }
    if value.chars().count() > max {
        return Err(StoreError::Invalid {
            field,
            message: "too long",
        });
    }
    if value.contains('\0') {
        return Err(StoreError::Invalid {
            field,
            message: "contains a NUL character",
        });
    }
    Ok(())
}
