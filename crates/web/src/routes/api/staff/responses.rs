//! What the staff endpoints answer: a question, its notes, status changes and replies, a
//! page of questions, an export.

use landed_store::{Note, Question, QuestionStatus, StatusChange};
use serde::Serialize;

/// A question as staff see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestion {
    pub id: i64,
    #[schema(example = "Q-2026-7F3K9A")]
    pub reference: String,
    #[schema(value_type = QuestionStatusName)]
    pub status: QuestionStatus,
    pub name: String,
    pub email: String,
    pub topic: String,
    pub message: String,
    /// `en` or `fr`.
    pub preferred_language: String,
    /// The attached profile, if any.
    #[schema(value_type = Option<Object>)]
    pub assessment: Option<serde_json::Value>,
    /// Received (UTC, RFC 3339).
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    /// Last activity (UTC, RFC 3339).
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

/// A question's status.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum QuestionStatusName {
    New,
    InProgress,
    Answered,
    Closed,
}

impl From<Question> for StaffQuestion {
    fn from(q: Question) -> StaffQuestion {
        StaffQuestion {
            id: q.id,
            reference: q.reference,
            status: q.status,
            name: q.name,
            email: q.email,
            topic: q.topic,
            message: q.message,
            preferred_language: q.preferred_language,
            assessment: q
                .assessment_json
                .and_then(|t| serde_json::from_str(&t).ok()),
            created_at: q.created_at,
            updated_at: q.updated_at,
        }
    }
}

/// An internal note.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffNote {
    pub id: i64,
    pub author_email: String,
    pub body: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<Note> for StaffNote {
    fn from(n: Note) -> StaffNote {
        StaffNote {
            id: n.id,
            author_email: n.author_email,
            body: n.body,
            created_at: n.created_at,
        }
    }
}

/// A change of status: who, when, from and to.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffStatusChange {
    #[schema(value_type = QuestionStatusName)]
    pub from: QuestionStatus,
    #[schema(value_type = QuestionStatusName)]
    pub to: QuestionStatus,
    pub by_email: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
}

impl From<StatusChange> for StaffStatusChange {
    fn from(c: StatusChange) -> StaffStatusChange {
        StaffStatusChange {
            from: c.from,
            to: c.to,
            by_email: c.by_email,
            at: c.at,
        }
    }
}

/// A question with its notes and status history.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestionDetail {
    pub question: StaffQuestion,
    pub notes: Vec<StaffNote>,
    pub status_changes: Vec<StaffStatusChange>,
}

/// One page of questions, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestionPage {
    pub items: Vec<StaffQuestion>,
    /// How many questions match the filter.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// Every question matching the filter.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffExport {
    pub questions: Vec<StaffQuestion>,
}

/// A reply sent (or to send) to the person who asked.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffReply {
    pub id: i64,
    pub question_id: i64,
    pub author_email: String,
    pub body: String,
    /// `sent` (accepted by the SMTP server), `failed` (see `delivery_error`), `manual` (no
    /// SMTP server configured: send it from your own mail client) or `pending`.
    pub delivery: String,
    /// Why the e-mail was not sent, with `failed`: `refused` (nothing accepted the connection),
    /// `timeout` (the SMTP server did not answer in time), `unreachable` (name lookup, network
    /// or TLS failed, or the connection dropped), `rejected CODE` (the SMTP server refused the
    /// message with that reply code) or `address` (the person's address cannot take mail).
    pub delivery_error: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<landed_store::Reply> for StaffReply {
    fn from(r: landed_store::Reply) -> StaffReply {
        StaffReply {
            id: r.id,
            question_id: r.question_id,
            author_email: r.author_email,
            body: r.body,
            delivery: r.delivery.as_str().to_string(),
            delivery_error: r.delivery_error,
            created_at: r.created_at,
        }
    }
}
