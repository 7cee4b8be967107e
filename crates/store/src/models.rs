//! The models: what the store takes and returns (questions, notes, replies, status changes,
//! staff users, sessions, list filters and pages, login attempts), their `Debug` impls that
//! leave out personal data, and the store's input [`limits`].

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
#[cfg(doc)]
use crate::{Store, hash_password};

/// Upper bounds (in characters) enforced by [`Store::insert_question`]. The web form can use
/// smaller limits; these are the last line of defence.
pub mod limits {
    /// Maximum length of [`crate::NewQuestion::name`].
    pub const NAME: usize = 200;
    /// Maximum length of [`crate::NewQuestion::email`] (RFC 5321 path limit).
    pub const EMAIL: usize = 254;
    /// Maximum length of [`crate::NewQuestion::topic`].
    pub const TOPIC: usize = 100;
    /// Maximum length of [`crate::NewQuestion::message`].
    pub const MESSAGE: usize = 20_000;
    /// Maximum length of [`crate::NewQuestion::assessment_json`].
    pub const ASSESSMENT_JSON: usize = 500_000;
    /// Maximum length of a note body ([`crate::Store::add_note`]).
    pub const NOTE: usize = 20_000;
    /// Maximum length of a reply body ([`crate::Store::add_reply`]).
    pub const REPLY: usize = 20_000;
    /// Maximum length of a staff time zone name ([`crate::Store::set_staff_time_zone`]).
    pub const TIME_ZONE: usize = 64;
    /// Largest accepted [`crate::QuestionFilter::per_page`]; larger values are clamped.
    pub const PER_PAGE: u32 = 200;
}

/// Where a question is in the staff workflow. Stored as [`QuestionStatus::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionStatus {
    /// Just submitted, nobody has looked at it (`"new"`).
    New,
    /// A staff member is working on it (`"in_progress"`).
    InProgress,
    /// An answer was sent (`"answered"`).
    Answered,
    /// Done; eligible for purge after the retention period (`"closed"`).
    Closed,
}

impl QuestionStatus {
    /// All statuses in workflow order (for filter menus and tabs).
    pub const ALL: [QuestionStatus; 4] = [
        QuestionStatus::New,
        QuestionStatus::InProgress,
        QuestionStatus::Answered,
        QuestionStatus::Closed,
    ];

    /// The stored / URL form: `"new"`, `"in_progress"`, `"answered"`, `"closed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionStatus::New => "new",
            QuestionStatus::InProgress => "in_progress",
            QuestionStatus::Answered => "answered",
            QuestionStatus::Closed => "closed",
        }
    }

    /// Inverse of [`QuestionStatus::as_str`]; `None` for anything else.
    pub fn parse(s: &str) -> Option<QuestionStatus> {
        QuestionStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

impl fmt::Display for QuestionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QuestionStatus {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        QuestionStatus::parse(s).ok_or(StoreError::Invalid {
            field: "status",
            message: "unknown status",
        })
    }
}

/// A question from the public form, as validated by the web layer and handed to
/// [`Store::insert_question`]. Stored verbatim (no trimming).
#[derive(Clone, PartialEq, Eq)]
pub struct NewQuestion {
    /// Visitor's name (non-blank, ≤ [`limits::NAME`]).
    pub name: String,
    /// Visitor's email (non-blank, ≤ [`limits::EMAIL`]; the web layer checks the format).
    pub email: String,
    /// Topic key chosen in the form, e.g. `"cec"` (non-blank, ≤ [`limits::TOPIC`]).
    pub topic: String,
    /// The question itself (non-blank, ≤ [`limits::MESSAGE`]).
    pub message: String,
    /// `"en"` or `"fr"`; anything else → [`StoreError::Invalid`] `{ field: "preferred_language" }`.
    pub preferred_language: String,
    /// Optional attached assessment, as JSON text (≤ [`limits::ASSESSMENT_JSON`]); stored as-is.
    pub assessment_json: Option<String>,
    /// Consent to the privacy notice; must be `true` (else `Invalid { field: "consent" }`).
    pub consent: bool,
    /// Keyed hash of the submitter's IP (computed by the web layer; never the raw IP), used by
    /// [`Store::count_recent_questions`].
    pub ip_hash: Option<String>,
}

/// The anti-abuse conditions of [`Store::submit_question`], checked in the transaction that
/// inserts (so concurrent posts cannot race past them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Submission<'a> {
    /// The signed form token the question came with. A token is used once: a second post with
    /// the same token and the same content gets the first question back
    /// ([`Submitted::AlreadyStored`]), with other content [`StoreError::TokenReused`]. The store
    /// keeps only a hash of it. `None`: no such check.
    pub form_token: Option<&'a str>,
    /// At most `max` questions with the question's [`NewQuestion::ip_hash`] created at or after
    /// `since`; past it [`StoreError::RateLimited`]. `None` (or no `ip_hash`): no limit.
    pub per_ip: Option<PerIpLimit>,
    /// A keyed hash of the sending browser's random cookie (computed by the web layer), stored
    /// with the question. With [`Submission::per_browser`] it lets one office or campus address
    /// (many people, one IP) have a higher per-IP limit while each browser keeps a low one.
    pub browser_hash: Option<&'a str>,
    /// At most `max` questions with this [`Submission::browser_hash`] created at or after
    /// `since`; past it [`StoreError::RateLimited`]. `None` (or no `browser_hash`): no limit.
    pub per_browser: Option<PerIpLimit>,
}

/// A count limit over a window: see [`Submission::per_ip`] and [`Submission::per_browser`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerIpLimit {
    /// Most questions allowed in the window.
    pub max: u64,
    /// Start of the window (e.g. now − 1 hour).
    pub since: Timestamp,
}

/// What [`Store::submit_question`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored now (committed).
    Stored(Question),
    /// The same form was already stored (same token, same content): that question, unchanged.
    AlreadyStored(Question),
}

impl Submitted {
    /// The question, new or already stored.
    pub fn question(&self) -> &Question {
        match self {
            Submitted::Stored(q) | Submitted::AlreadyStored(q) => q,
        }
    }

    /// The question, new or already stored.
    pub fn into_question(self) -> Question {
        match self {
            Submitted::Stored(q) | Submitted::AlreadyStored(q) => q,
        }
    }
}

/// A stored question.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Database id (internal; use in staff URLs).
    pub id: i64,
    /// Human reference shown on the confirmation page, e.g. `Q-2026-7F3K9A` (unique).
    pub reference: String,
    /// Workflow status.
    pub status: QuestionStatus,
    /// See [`NewQuestion::name`].
    pub name: String,
    /// See [`NewQuestion::email`].
    pub email: String,
    /// See [`NewQuestion::topic`].
    pub topic: String,
    /// See [`NewQuestion::message`].
    pub message: String,
    /// `"en"` or `"fr"`.
    pub preferred_language: String,
    /// See [`NewQuestion::assessment_json`].
    pub assessment_json: Option<String>,
    /// Always `true` for stored questions (the store refuses others).
    pub consent: bool,
    /// See [`NewQuestion::ip_hash`].
    #[serde(skip)]
    pub ip_hash: Option<String>,
    /// When it was submitted (UTC).
    pub created_at: Timestamp,
    /// Last activity: submission, status change or note (UTC). Purge uses this.
    pub updated_at: Timestamp,
}

/// An internal staff note on a question (never shown to the visitor).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Database id.
    pub id: i64,
    /// The question it belongs to.
    pub question_id: i64,
    /// Email of the staff member who wrote it (a snapshot, kept if the account goes).
    pub author_email: String,
    /// The note text, verbatim.
    pub body: String,
    /// When it was written (UTC).
    pub created_at: Timestamp,
}

/// One recorded status change: who moved a question from which status to which, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// Database id.
    pub id: i64,
    /// The question.
    pub question_id: i64,
    /// Status before.
    pub from: QuestionStatus,
    /// Status after.
    pub to: QuestionStatus,
    /// Email of the staff member who changed it.
    pub by_email: String,
    /// When (UTC).
    pub at: Timestamp,
}

/// A staff account (created by `landed admin create-user EMAIL`).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct StaffUser {
    /// Database id.
    pub id: i64,
    /// Trimmed, lowercased email; unique.
    pub email: String,
    /// argon2id PHC string (see [`hash_password`]). Never serialized.
    #[serde(skip)]
    pub password_hash: String,
    /// When the account was created (UTC).
    pub created_at: Timestamp,
    /// The IANA time zone the staff pages show times in (e.g. `America/Toronto`); `None` = UTC.
    /// Set with [`Store::set_staff_time_zone`]; the web layer checks the name.
    pub time_zone: Option<String>,
}

/// What happened to a reply's e-mail. Stored as [`ReplyDelivery::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyDelivery {
    /// Stored; the e-mail is being sent (`"pending"`).
    Pending,
    /// The SMTP server accepted the e-mail (`"sent"`).
    Sent,
    /// Sending failed; [`Reply::delivery_error`] says why (`"failed"`).
    Failed,
    /// No SMTP server is configured: the staff member sends it from their own mail client
    /// (`"manual"`).
    Manual,
}

impl ReplyDelivery {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyDelivery::Pending => "pending",
            ReplyDelivery::Sent => "sent",
            ReplyDelivery::Failed => "failed",
            ReplyDelivery::Manual => "manual",
        }
    }

    /// Inverse of [`ReplyDelivery::as_str`].
    pub fn parse(s: &str) -> Option<ReplyDelivery> {
        [
            ReplyDelivery::Pending,
            ReplyDelivery::Sent,
            ReplyDelivery::Failed,
            ReplyDelivery::Manual,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
    }
}

/// A reply to the person who asked, stored with the question ([`Store::add_reply`]).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    /// Database id.
    pub id: i64,
    /// The question it answers.
    pub question_id: i64,
    /// Email of the staff member who wrote it (a snapshot).
    pub author_email: String,
    /// The reply text, verbatim.
    pub body: String,
    /// What happened to its e-mail.
    pub delivery: ReplyDelivery,
    /// Why sending failed (a short, non-personal message), when it did.
    pub delivery_error: Option<String>,
    /// When it was written (UTC).
    pub created_at: Timestamp,
    /// When the SMTP server accepted it (UTC), when it did.
    pub delivered_at: Option<Timestamp>,
}

impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("id", &self.id)
            .field("question_id", &self.question_id)
            .field("delivery", &self.delivery)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

/// A logged-in staff session, stored in the database so several app instances share it.
#[derive(Clone, PartialEq, Eq)]
pub struct Session {
    /// The secret token for the cookie (64 hex chars). The database stores only its hash.
    pub id: String,
    /// The staff user it belongs to.
    pub staff_id: i64,
    /// Per-session CSRF token (64 hex chars) to embed in staff forms and compare on POST.
    pub csrf_token: String,
    /// When it was created (UTC).
    pub created_at: Timestamp,
    /// When it stops being valid (UTC); [`Store::get_session`] ignores expired sessions.
    pub expires_at: Timestamp,
}

/// Filter and paging for [`Store::list_questions`] / [`Store::export_questions`].
/// `Default` = everything, page 1, 20 per page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionFilter {
    /// Only this status.
    pub status: Option<QuestionStatus>,
    /// Only this topic (exact match).
    pub topic: Option<String>,
    /// Only this preferred language (`"en"` / `"fr"`, exact match).
    pub language: Option<String>,
    /// Search text: every whitespace-separated term must occur (case- and accent-insensitive,
    /// literal: `%`/`_` are not wildcards) in reference, name, email, topic or message.
    /// Blank = no filter.
    pub text: Option<String>,
    /// 1-based page number (`0` is treated as `1`). Ignored by export.
    pub page: u32,
    /// Page size, clamped to `1..=limits::PER_PAGE`. Ignored by export.
    pub per_page: u32,
}

impl Default for QuestionFilter {
    fn default() -> Self {
        QuestionFilter {
            status: None,
            topic: None,
            language: None,
            text: None,
            page: 1,
            per_page: 20,
        }
    }
}

/// One page of results, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page<T> {
    /// The rows on this page.
    pub items: Vec<T>,
    /// Number of rows matching the filter on all pages.
    pub total: u64,
    /// The (normalised, 1-based) page number.
    pub page: u32,
    /// The (clamped) page size.
    pub per_page: u32,
}

impl<T> Page<T> {
    /// Number of pages (at least 1, so "page 1 of 1" shows for an empty inbox).
    pub fn total_pages(&self) -> u32 {
        let per = u64::from(self.per_page.max(1));
        u32::try_from(self.total.div_ceil(per).max(1)).unwrap_or(u32::MAX)
    }
}

// Debug impls that leave out personal data (names, emails, messages, tokens, hashes).
impl fmt::Debug for NewQuestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewQuestion")
            .field("topic", &self.topic)
            .field("preferred_language", &self.preferred_language)
            .field("has_assessment", &self.assessment_json.is_some())
            .field("consent", &self.consent)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Question {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Question")
            .field("id", &self.id)
            .field("reference", &self.reference)
            .field("status", &self.status)
            .field("topic", &self.topic)
            .field("preferred_language", &self.preferred_language)
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Note")
            .field("id", &self.id)
            .field("question_id", &self.question_id)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for StaffUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaffUser")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("staff_id", &self.staff_id)
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Outcome of [`Store::begin_login_attempt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginAttempt {
    /// Every key was under its limit; one failure is now counted for each (row ids, in the
    /// order of the keys given).
    Counted(Vec<i64>),
    /// The key at `key_index` (in the order given) is at its limit; nothing was counted.
    /// `retry_at` is when its oldest failure in the window stops counting.
    Refused {
        key_index: usize,
        retry_at: Timestamp,
    },
}

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (embedded file, or in memory).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}
