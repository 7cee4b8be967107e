//! Row → model mapping, written once for both backends by a macro (no sqlx derive needed, so
//! no proc-macro build of sqlx). Column names are those of the `*_COLUMNS` constants.

use jiff::Timestamp;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row};

use crate::{Note, Question, QuestionStatus, Reply, ReplyDelivery, StaffUser, StatusChange};

/// Columns selected for a [`Question`].
pub(crate) const QUESTION_COLUMNS: &str = "id, reference, status, name, email, topic, message, \
     preferred_language, assessment_json, consent, ip_hash, created_at, updated_at";
/// Columns selected for a [`Note`].
pub(crate) const NOTE_COLUMNS: &str = "id, question_id, author_email, body, created_at";
/// Columns selected for a [`StatusChange`].
pub(crate) const STATUS_CHANGE_COLUMNS: &str =
    "id, question_id, from_status, to_status, by_email, created_at";
/// Columns selected for a [`StaffUser`].
pub(crate) const STAFF_COLUMNS: &str = "id, email, password_hash, created_at, time_zone";
/// Columns selected for a [`Reply`].
pub(crate) const REPLY_COLUMNS: &str =
    "id, question_id, author_email, body, delivery, delivery_error, created_at, delivered_at";

/// Unix milliseconds → timestamp (the storage format of every instant).
pub(crate) fn ts(ms: i64) -> Result<Timestamp, sqlx::Error> {
    Timestamp::from_millisecond(ms).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Timestamp → Unix milliseconds.
pub(crate) fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

pub(crate) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

pub(crate) fn status(s: &str) -> Result<QuestionStatus, sqlx::Error> {
    QuestionStatus::parse(s).ok_or_else(|| sqlx::Error::Decode("unknown question status".into()))
}

macro_rules! impl_from_row {
    ($row:ty) => {
        impl<'r> FromRow<'r, $row> for Question {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                Ok(Question {
                    id: row.try_get("id")?,
                    reference: row.try_get("reference")?,
                    status: status(row.try_get("status")?)?,
                    name: row.try_get("name")?,
                    email: row.try_get("email")?,
                    topic: row.try_get("topic")?,
                    message: row.try_get("message")?,
                    preferred_language: row.try_get("preferred_language")?,
                    assessment_json: row.try_get("assessment_json")?,
                    consent: row.try_get("consent")?,
                    ip_hash: row.try_get("ip_hash")?,
                    created_at: ts(row.try_get("created_at")?)?,
                    updated_at: ts(row.try_get("updated_at")?)?,
                })
            }
        }

        impl<'r> FromRow<'r, $row> for Note {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                Ok(Note {
                    id: row.try_get("id")?,
                    question_id: row.try_get("question_id")?,
                    author_email: row.try_get("author_email")?,
                    body: row.try_get("body")?,
                    created_at: ts(row.try_get("created_at")?)?,
                })
            }
        }

        impl<'r> FromRow<'r, $row> for StatusChange {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                Ok(StatusChange {
                    id: row.try_get("id")?,
                    question_id: row.try_get("question_id")?,
                    from: status(row.try_get("from_status")?)?,
                    to: status(row.try_get("to_status")?)?,
                    by_email: row.try_get("by_email")?,
                    at: ts(row.try_get("created_at")?)?,
                })
            }
        }

        impl<'r> FromRow<'r, $row> for StaffUser {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                Ok(StaffUser {
                    id: row.try_get("id")?,
                    email: row.try_get("email")?,
                    password_hash: row.try_get("password_hash")?,
                    created_at: ts(row.try_get("created_at")?)?,
                    time_zone: row.try_get("time_zone")?,
                })
            }
        }

        impl<'r> FromRow<'r, $row> for Reply {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                let delivery: String = row.try_get("delivery")?;
                let delivered_at: Option<i64> = row.try_get("delivered_at")?;
                Ok(Reply {
                    id: row.try_get("id")?,
                    question_id: row.try_get("question_id")?,
                    author_email: row.try_get("author_email")?,
                    body: row.try_get("body")?,
                    delivery: ReplyDelivery::parse(&delivery)
                        .ok_or_else(|| sqlx::Error::Decode("unknown reply delivery".into()))?,
                    delivery_error: row.try_get("delivery_error")?,
                    created_at: ts(row.try_get("created_at")?)?,
                    delivered_at: delivered_at.map(ts).transpose()?,
                })
            }
        }
    };
}

impl_from_row!(SqliteRow);
impl_from_row!(PgRow);
