//! Persistence for landed: public questions, staff users, sessions, rate-limit counters.
//! SQLite by default (`sqlite://landed.db`), PostgreSQL by URL (`postgres://…`); the same
//! binary runs on both.
//!
//! # Reading order
//! 1. [`Store`]: the one handle the web and CLI crates hold (cheap to `clone`, it wraps a
//!    connection pool). Open it with [`Store::connect`]; every operation is an `async fn` on it.
//! 2. The models: [`NewQuestion`] → [`Question`] (+ [`QuestionStatus`]), [`Note`],
//!    [`StatusChange`], [`StaffUser`], [`Session`], and the list types [`QuestionFilter`] /
//!    [`Page`].
//! 3. [`StoreError`] (one error type for the crate) and the password helpers
//!    [`hash_password`], [`verify_password`], [`dummy_verify`].
//!
//! # Design decisions (for the web engineer)
//! - **Enum dispatch, not a trait object.** `Store` is a struct around a private
//!   `enum { Sqlite(SqlitePool), Postgres(PgPool) }`; each method `match`es and runs the SQL for
//!   that backend (usually the very same text: sqlx's SQLite driver accepts `$1` placeholders).
//!   No `async_trait`, no `dyn`, and both SQL variants sit side by side. Not `sqlx::Any`.
//! - **Runtime-checked queries only** (`sqlx::query(..).bind(..)`): every value typed by a
//!   visitor reaches the database as a bound parameter, never as SQL text. Building needs no
//!   `DATABASE_URL`.
//! - **Migrations are embedded** (`migrations/sqlite/*.sql`, `migrations/postgres/*.sql`, listed in
//!   `src/migrations.rs`; a test checks the list matches the folders) and run by
//!   [`Store::connect`]. [`Store::open`] + [`Store::migrate`] exist for a `landed migrate`
//!   command.
//! - **Time** is exposed as [`jiff::Timestamp`] (UTC) and stored as `BIGINT` Unix
//!   milliseconds in both schemas. Methods that need "now" take it from the system clock unless
//!   the time is a parameter (expiry, cutoffs, rate-limit windows).
//! - **Durability:** SQLite runs in WAL mode with `synchronous = FULL`, foreign keys on and a
//!   5 s busy timeout. SQLite has one write lock: the store's writes (and its WAL checkpoints)
//!   take their turn in this process first, in arrival order, so under load no writer can lose
//!   every poll of SQLite's busy handler and fail with "database is locked"; the busy timeout
//!   is left for other processes on the same file. Every method that opens a transaction runs
//!   it to its end on a task of its own, so a caller that stops waiting (a client gone away)
//!   never leaves a connection inside a transaction. A question returned by [`Store::insert_question`] or
//!   [`Store::submit_question`] is committed. The WAL is kept bounded while serving (see
//!   [`WAL_LIMIT_BYTES`]).
//! - **References** such as `Q-2026-7F3K9A` are `Q-<UTC year>-<6 chars>` drawn from the OS
//!   random source (`getrandom`) over the alphabet `23456789ABCDEFGHJKMNPQRSTUVWXYZ` (no
//!   0/O/1/I/L), unique in the database (retried on collision). A reference identifies a question
//!   for humans; it is **not** a secret and must not grant access to a question's content.
//! - **Search** ([`QuestionFilter::text`]) is the same on both backends: a case- and
//!   accent-insensitive substring match of every whitespace-separated term (all must match)
//!   against reference, name, email, topic and message. The store keeps a folded copy of those
//!   fields in a `search_text` column and matches with `LIKE … ESCAPE '\'`, so `%`, `_` and `\`
//!   in the query are literal. (A scan, not an index: fine for an office inbox of tens of
//!   thousands of questions; FTS5 / tsvector would rank and stem differently per backend.)
//! - **Sessions:** the token (256 random bits, 64 hex chars) goes into the cookie; the database
//!   keeps only its BLAKE2s-256 hash, so a leaked database does not leak live sessions. Each session
//!   has its own CSRF token (also 64 hex chars) for staff forms.
//! - **Login failures** are counted per caller-chosen key (suggested: `"email:<lowercased>"`
//!   and `"ip:<ip hash>"`); the store keeps only a hash of the key.
//! - **Staff emails** are trimmed and lowercased by the store (create and find), so lookups are
//!   case-insensitive; uniqueness → [`StoreError::Conflict`] `{ field: "email" }`.
//! - **Personal data** never appears in `Display` of [`StoreError`] nor in the `Debug` of the
//!   models that carry it (`Debug` prints ids, references and statuses only).
//! - Passwords: argon2id (argon2 0.5.3, default parameters m=19 MiB, t=2, p=1), PHC strings.
//!   The helpers are synchronous and CPU-heavy: call them inside `spawn_blocking`.
//!
//! # API changes
//! - Issue 13: [`Store::submit_question`] with [`Submission`] (form token used once, per-IP
//!   limit checked in the inserting transaction) → [`Submitted`]; new errors
//!   [`StoreError::TokenReused`] and [`StoreError::RateLimited`]; [`Store::checkpoint`] and a
//!   WAL checkpointer task for SQLite files ([`WAL_LIMIT_BYTES`]); migration 0002 adds
//!   `questions.form_token_hash` (unique). [`Store::insert_question`] is unchanged for callers.
//! - Issue 13 (read-only tokens): [`TokenScope`] on [`ApiToken`],
//!   [`Store::create_scoped_api_token`]; migration 0006 adds `staff_api_tokens.read_only`.
//!   [`Store::create_api_token`] still makes a full token.
//! - Issue 12 §3: [`Submission::browser_hash`] and [`Submission::per_browser`] (a per-browser
//!   limit beside the per-IP one, same transaction); [`StaffUser::time_zone`] and
//!   [`Store::set_staff_time_zone`]; replies: [`Reply`], [`ReplyDelivery`], [`Store::add_reply`]
//!   (status → answered in the same transaction), [`Store::set_reply_delivery`],
//!   [`Store::list_replies`]; [`Store::notes_and_replies`] for the export. Migration 0005 adds
//!   `questions.browser_hash` (+ index), `staff_users.time_zone` and the `replies` table; purge
//!   deletes replies with their question. [`Store::with_failed_last_reply`] for the inbox
//!   list's marker.

#![forbid(unsafe_code)]

mod migrations;
mod password;
mod rows;
mod util;

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use password::{dummy_verify, hash_password, verify_password};

/// `Result` with [`StoreError`] as the default error.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database URL used when neither `--database` nor `DATABASE_URL` is given: a SQLite file
/// `landed.db` in the current directory, created and migrated on first start.
pub fn default_database_url() -> &'static str {
    "sqlite://landed.db"
}

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

// ------------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------------

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

// ------------------------------------------------------------------------------------------------
// Models
// ------------------------------------------------------------------------------------------------

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

// ------------------------------------------------------------------------------------------------
// The store
// ------------------------------------------------------------------------------------------------

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

/// A PostgreSQL advisory-lock number for a hashed key (its first 16 hex digits).
fn advisory_key(hashed: &str) -> i64 {
    let head = hashed.get(..16).unwrap_or(hashed);
    u64::from_str_radix(head, 16).map_or(0, |v| v as i64)
}

/// Run a write's transaction to its end on a task of its own, whether or not the caller keeps
/// waiting. sqlx 0.8 can hand a pooled connection back still inside its transaction when the
/// future running it is dropped during `BEGIN` or `COMMIT` (sqlx issues #3932, #4393); on
/// SQLite that connection then holds the write lock for good and every later write fails
/// with "database is locked". A web request's future is dropped whenever its client goes
/// away, so every method that opens a transaction goes through here
/// (`tests/cancelled.rs`). Outside a tokio runtime the work runs in place.
async fn detached<T, F>(work: F) -> Result<T>
where
    T: Send + 'static,
    F: std::future::Future<Output = Result<T>> + Send + 'static,
{
    let Ok(rt) = tokio::runtime::Handle::try_current() else {
        return work.await;
    };
    match rt.spawn(work).await {
        Ok(result) => result,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Only when the runtime shuts down under it: the store is going away.
        Err(_) => Err(StoreError::Database(sqlx::Error::PoolClosed)),
    }
}

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (embedded file, or in memory).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

#[derive(Clone)]
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// The database handle. Clone it freely (clones share one connection pool).
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    /// The URL with any password replaced by `***` (for `Debug` and logs).
    redacted_url: String,
    /// Held by every clone; the WAL checkpointer stops once the last clone is gone.
    _alive: std::sync::Arc<()>,
    /// SQLite's one write lock, taken in this process in arrival order: every write (and the
    /// WAL checkpointer) waits its turn here, so SQLite's busy handler only ever meets other
    /// processes. Without it, writers poll for SQLite's lock and one can lose every poll for
    /// the whole busy timeout under load ("database is locked"; seen in CI on the WAL test).
    /// Unused on PostgreSQL, which has row locks.
    write_turn: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// The size past which the store's WAL checkpointer truncates the SQLite WAL, and the size SQLite cuts
/// it back to after an automatic checkpoint (`journal_size_limit`).
pub const WAL_LIMIT_BYTES: u64 = 16 * 1024 * 1024;

/// How often [`wal_checkpointer`] looks at the WAL's size.
const WAL_CHECK_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// While the store is alive: every [`WAL_CHECK_EVERY`], if the WAL file is larger than
/// [`WAL_LIMIT_BYTES`], `PRAGMA wal_checkpoint(TRUNCATE)` (which waits for readers, up to the
/// busy timeout, then empties the log). A failed checkpoint is tried again at the next look.
async fn wal_checkpointer(
    pool: sqlx::SqlitePool,
    wal_path: std::path::PathBuf,
    alive: std::sync::Weak<()>,
    write_turn: std::sync::Arc<tokio::sync::Mutex<()>>,
) {
    let mut tick = tokio::time::interval(WAL_CHECK_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if alive.strong_count() == 0 || pool.is_closed() {
            break;
        }
        let big = std::fs::metadata(&wal_path).is_ok_and(|m| m.len() > WAL_LIMIT_BYTES);
        if big {
            // Errors (busy past the timeout) only delay the truncation to the next look. The
            // checkpoint needs SQLite's write lock, so it queues with the writers.
            let _turn = write_turn.lock().await;
            let _ = sqlx::query("pragma wal_checkpoint(TRUNCATE)")
                .execute(&pool)
                .await;
        }
    }
    pool.close().await;
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend())
            .field("url", &self.redacted_url)
            .finish()
    }
}

/// Replace the password in a database URL with `***` (`postgres://u:secret@h/db` →
/// `postgres://u:***@h/db`). Other URLs are returned unchanged.
pub fn redact_url(url: &str) -> String {
    util::redact_url(url)
}

/// Run `$body` with `$pool` bound to the concrete pool of either backend (the body is compiled
/// once per backend, so the same SQL text serves both unless a method matches by hand).
macro_rules! with_pool {
    ($self:expr, $pool:ident => $body:expr) => {
        match &$self.pool {
            Pool::Sqlite($pool) => $body,
            Pool::Postgres($pool) => $body,
        }
    };
}

// Staff API tokens (after `with_pool!`, which it may use).
mod tokens;
pub use tokens::{ApiToken, TOKEN_PREFIX, TokenScope};

/// A bound parameter of a dynamically built query.
enum Arg {
    Text(String),
    Int(i64),
}

/// Bind `args` in order onto a `query`, `query_as` or `query_scalar`.
macro_rules! bind_all {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                Arg::Text(s) => q.bind(s.as_str()),
                Arg::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_foreign_key_violation())
}

/// Reject blank, too long, or NUL-containing text (PostgreSQL cannot store NUL in `text`; we
/// refuse it on both backends so they behave the same).
fn check_text(field: &'static str, value: &str, max: usize, required: bool) -> Result<()> {
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

/// The checks of [`Store::insert_question`].
fn validate_question(new: &NewQuestion) -> Result<()> {
    check_text("name", &new.name, limits::NAME, true)?;
    check_text("email", &new.email, limits::EMAIL, true)?;
    check_text("topic", &new.topic, limits::TOPIC, true)?;
    check_text("message", &new.message, limits::MESSAGE, true)?;
    check_language("preferred_language", &new.preferred_language)?;
    if let Some(json) = &new.assessment_json {
        check_text("assessment_json", json, limits::ASSESSMENT_JSON, false)?;
    }
    if let Some(ip) = &new.ip_hash {
        check_text("ip_hash", ip, 200, false)?;
    }
    if !new.consent {
        return Err(StoreError::Invalid {
            field: "consent",
            message: "consent to the privacy notice is required",
        });
    }
    Ok(())
}

/// Whether a stored question has the content of `new` (a resend of the same form).
fn same_content(q: &Question, new: &NewQuestion) -> bool {
    q.name == new.name
        && q.email == new.email
        && q.topic == new.topic
        && q.message == new.message
        && q.preferred_language == new.preferred_language
        && q.assessment_json == new.assessment_json
}

fn check_language(field: &'static str, value: &str) -> Result<()> {
    if matches!(value, "en" | "fr") {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            field,
            message: "must be \"en\" or \"fr\"",
        })
    }
}

fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// `WHERE …` (possibly empty) and its parameters for a filter; placeholders start at `$1`.
fn filter_sql(filter: &QuestionFilter) -> (String, Vec<Arg>) {
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Arg> = Vec::new();
    let mut push = |sql: &str, arg: Arg, conds: &mut Vec<String>| {
        args.push(arg);
        conds.push(sql.replace('?', &format!("${}", args.len())));
    };
    if let Some(st) = filter.status {
        push("status = ?", Arg::Text(st.as_str().to_owned()), &mut conds);
    }
    if let Some(topic) = &filter.topic {
        push("topic = ?", Arg::Text(topic.clone()), &mut conds);
    }
    if let Some(lang) = &filter.language {
        push(
            "preferred_language = ?",
            Arg::Text(lang.clone()),
            &mut conds,
        );
    }
    if let Some(text) = &filter.text {
        for term in util::search_terms(text) {
            push(
                r"search_text like ? escape '\'",
                Arg::Text(util::like_contains(&term)),
                &mut conds,
            );
        }
    }
    if conds.is_empty() {
        (String::new(), args)
    } else {
        (format!(" where {}", conds.join(" and ")), args)
    }
}

impl Store {
    /// Open the database at `url` and run the embedded migrations (creating the SQLite file if
    /// missing). Accepted URLs:
    /// - `sqlite://PATH` / `sqlite:PATH` (relative or absolute path), `sqlite::memory:`;
    /// - a bare path without scheme (`./landed.db`) is taken as a SQLite file;
    /// - `postgres://…` / `postgresql://…` (plain TCP or Unix socket; no TLS support is built
    ///   in, so `sslmode=require` fails).
    ///
    /// Unknown schemes → [`StoreError::Invalid`] `{ field: "database_url" }`.
    pub async fn connect(url: &str) -> Result<Store> {
        let store = Store::open(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Like [`Store::connect`] but without running migrations (for `landed migrate`, which
    /// calls [`Store::migrate`] itself and reports).
    pub async fn open(url: &str) -> Result<Store> {
        use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
        use sqlx::sqlite::{
            SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
        };
        use std::time::Duration;

        let url = url.trim();
        let redacted_url = util::redact_url(url);
        let invalid = StoreError::Invalid {
            field: "database_url",
            message: "expected sqlite://PATH, sqlite::memory: or postgres://…",
        };
        let mut wal_task = None;
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|_| invalid)?;
            // 10 connections: plenty for a small office inbox; PG's default limit is 100, so
            // several instances fit.
            let pool = PgPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Pool::Postgres(pool)
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            if url.is_empty() {
                return Err(invalid);
            }
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            let opts = if url.starts_with("sqlite:") {
                SqliteConnectOptions::from_str(url).map_err(|_| invalid)?
            } else {
                SqliteConnectOptions::new().filename(url)
            };
            // FULL: in WAL mode each commit syncs the log, so an acknowledged question
            // survives a power cut, not just a crash of the process (NORMAL would not).
            // The WAL is checkpointed every `wal_autocheckpoint` pages, truncated back to
            // `journal_size_limit` after a checkpoint resets it, and [`wal_checkpointer`]
            // truncates it when it grows anyway (readers holding old snapshots can stop the
            // automatic checkpoints from ever resetting it under load).
            let opts = opts
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .synchronous(SqliteSynchronous::Full)
                .pragma("wal_autocheckpoint", "1000")
                .pragma("journal_size_limit", WAL_LIMIT_BYTES.to_string());
            let wal_path = {
                let mut p = opts.get_filename().as_os_str().to_owned();
                p.push("-wal");
                std::path::PathBuf::from(p)
            };
            let pool = if in_memory {
                // One connection that never closes: an in-memory database lives only as long
                // as its connection.
                SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(opts)
                    .await?
            } else {
                // Writers are serialised by SQLite anyway; WAL lets readers run alongside.
                let pool = SqlitePoolOptions::new()
                    .max_connections(5)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(
                        opts.create_if_missing(true)
                            .journal_mode(SqliteJournalMode::Wal),
                    )
                    .await?;
                wal_task = Some((pool.clone(), wal_path));
                pool
            };
            Pool::Sqlite(pool)
        } else {
            return Err(invalid);
        };
        let alive = std::sync::Arc::new(());
        let write_turn = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        if let Some((pool, wal_path)) = wal_task
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(wal_checkpointer(
                pool,
                wal_path,
                std::sync::Arc::downgrade(&alive),
                write_turn.clone(),
            ));
        }
        Ok(Store {
            pool,
            redacted_url,
            _alive: alive,
            write_turn,
        })
    }

    /// Apply any embedded migrations not yet applied. Idempotent.
    pub async fn migrate(&self) -> Result<()> {
        let _turn = self.write_turn().await;
        match &self.pool {
            Pool::Sqlite(pool) => {
                migrations::migrator(migrations::SQLITE)
                    .await?
                    .run(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                migrations::migrator(migrations::POSTGRES)
                    .await?
                    .run(pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Wait for this process's turn to write (SQLite; `None` at once on PostgreSQL). Hold the
    /// guard for the whole write, transaction included, and take it before a connection so a
    /// waiting writer holds no connection the readers need.
    async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.pool {
            Pool::Sqlite(_) => Some(self.write_turn.lock().await),
            Pool::Postgres(_) => None,
        }
    }

    /// Which backend this store uses.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Check the database answers (for a `/health` endpoint).
    pub async fn ping(&self) -> Result<()> {
        with_pool!(self, pool => sqlx::query("select 1").execute(pool).await.map(drop)?);
        Ok(())
    }

    /// Close the pool, waiting for connections to be returned (graceful shutdown, tests).
    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }

    // --- questions ------------------------------------------------------------------------

    /// Validate and store a new question with status `new`, generating its unique reference.
    /// When this returns `Ok`, the question is committed (durable); show the reference. No form
    /// token or rate limit: see [`Store::submit_question`] for the public form.
    pub async fn insert_question(&self, new: &NewQuestion) -> Result<Question> {
        Ok(self
            .submit_question(new, &Submission::default())
            .await?
            .into_question())
    }

    /// Store a question from the public form exactly once, in one transaction that
    /// 1. looks up the form token ([`Submission::form_token`]): already used with the same
    ///    content → [`Submitted::AlreadyStored`] with the first question; with other content →
    ///    [`StoreError::TokenReused`] (nothing stored);
    /// 2. counts the IP's recent questions ([`Submission::per_ip`]) and the browser's
    ///    ([`Submission::per_browser`]) → [`StoreError::RateLimited`];
    /// 3. inserts (validated as [`Store::insert_question`]) and commits.
    ///
    /// The steps cannot race: SQLite takes the write lock first (`BEGIN IMMEDIATE`), PostgreSQL
    /// takes transaction advisory locks on the token and on the IP hash; a unique index on the
    /// token hash backs the once-only rule whatever happens.
    pub async fn submit_question(
        &self,
        new: &NewQuestion,
        opts: &Submission<'_>,
    ) -> Result<Submitted> {
        let (store, new) = (self.clone(), new.clone());
        let form_token = opts.form_token.map(str::to_owned);
        let browser_hash = opts.browser_hash.map(str::to_owned);
        let (per_ip, per_browser) = (opts.per_ip, opts.per_browser);
        detached(async move {
            let opts = Submission {
                form_token: form_token.as_deref(),
                per_ip,
                browser_hash: browser_hash.as_deref(),
                per_browser,
            };
            store.submit_question_now(&new, &opts).await
        })
        .await
    }

    async fn submit_question_now(
        &self,
        new: &NewQuestion,
        opts: &Submission<'_>,
    ) -> Result<Submitted> {
        let _turn = self.write_turn().await;
        validate_question(new)?;
        let now = Timestamp::now();
        let year = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).year();
        let token_hash = opts
            .form_token
            .map(|t| util::hash_key(&format!("form:{t}")));
        let per_ip = match (&new.ip_hash, opts.per_ip) {
            (Some(ip), Some(limit)) => Some((ip.as_str(), limit)),
            _ => None,
        };
        if let Some(b) = opts.browser_hash {
            check_text("browser_hash", b, 200, false)?;
        }
        let per_browser = match (opts.browser_hash, opts.per_browser) {
            (Some(b), Some(limit)) => Some((b, limit)),
            _ => None,
        };
        let insert_sql = format!(
            "insert into questions (reference, status, name, email, topic, message, \
             preferred_language, assessment_json, consent, ip_hash, search_text, created_at, \
             updated_at, form_token_hash, browser_hash) \
             values ($1, 'new', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) \
             returning {}",
            rows::QUESTION_COLUMNS
        );
        let by_token_sql = format!(
            "select {} from questions where form_token_hash = $1",
            rows::QUESTION_COLUMNS
        );
        // The limit checks count at most `max` rows (the subquery's LIMIT): whether the limit
        // is reached needs no more, so a flood from one address costs the same per post
        // however many it has already sent (issue 13: bounded under attack).
        let count_sql = "select count(*) from (select 1 from questions \
             where ip_hash = $1 and created_at >= $2 limit $3) as recent";
        let browser_count_sql = "select count(*) from (select 1 from questions \
             where browser_hash = $1 and created_at >= $2 limit $3) as recent";

        // The transaction's body, the same for both backends once it is open and locked.
        macro_rules! body {
            ($tx:ident) => {{
                if let Some(th) = &token_hash {
                    let existing = sqlx::query_as::<_, Question>(&by_token_sql)
                        .bind(th)
                        .fetch_optional(&mut *$tx)
                        .await?;
                    if let Some(q) = existing {
                        $tx.rollback().await?;
                        return if same_content(&q, new) {
                            Ok(Submitted::AlreadyStored(q))
                        } else {
                            Err(StoreError::TokenReused {
                                reference: q.reference,
                            })
                        };
                    }
                }
                if let Some((ip, limit)) = per_ip {
                    let n: i64 = sqlx::query_scalar(count_sql)
                        .bind(ip)
                        .bind(rows::ms(limit.since))
                        .bind(i64::try_from(limit.max).unwrap_or(i64::MAX))
                        .fetch_one(&mut *$tx)
                        .await?;
                    if count(n) >= limit.max {
                        $tx.rollback().await?;
                        return Err(StoreError::RateLimited);
                    }
                }
                if let Some((browser, limit)) = per_browser {
                    let n: i64 = sqlx::query_scalar(browser_count_sql)
                        .bind(browser)
                        .bind(rows::ms(limit.since))
                        .bind(i64::try_from(limit.max).unwrap_or(i64::MAX))
                        .fetch_one(&mut *$tx)
                        .await?;
                    if count(n) >= limit.max {
                        $tx.rollback().await?;
                        return Err(StoreError::RateLimited);
                    }
                }
                let reference = util::new_reference(year)?;
                let search =
                    util::search_text(&reference, &new.name, &new.email, &new.topic, &new.message);
                let inserted = sqlx::query_as::<_, Question>(&insert_sql)
                    .bind(&reference)
                    .bind(&new.name)
                    .bind(&new.email)
                    .bind(&new.topic)
                    .bind(&new.message)
                    .bind(&new.preferred_language)
                    .bind(new.assessment_json.as_deref())
                    .bind(new.consent)
                    .bind(new.ip_hash.as_deref())
                    .bind(&search)
                    .bind(rows::ms(now))
                    .bind(token_hash.as_deref())
                    .bind(opts.browser_hash)
                    .fetch_one(&mut *$tx)
                    .await;
                match inserted {
                    Ok(q) => {
                        $tx.commit().await?;
                        return Ok(Submitted::Stored(q));
                    }
                    // A reference collision (31^6 a year: rare), or a token stored by a racing
                    // transaction despite the locks: roll back and run again (the token
                    // look-up then finds it).
                    Err(e) if is_unique_violation(&e) => {
                        $tx.rollback().await?;
                    }
                    Err(e) => return Err(e.into()),
                }
            }};
        }

        for _ in 0..8 {
            match &self.pool {
                Pool::Sqlite(pool) => {
                    // IMMEDIATE: the write lock before the first read, so the look-ups and the
                    // insert see one state and no other writer runs between them.
                    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                    body!(tx)
                }
                Pool::Postgres(pool) => {
                    let mut tx = pool.begin().await?;
                    // Always the token first, then the IP, then the browser: one order, no
                    // deadlock.
                    if let Some(th) = &token_hash {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(th))
                            .execute(&mut *tx)
                            .await?;
                    }
                    if let Some((ip, _)) = per_ip {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(&format!("question-ip:{ip}")))
                            .execute(&mut *tx)
                            .await?;
                    }
                    if let Some((browser, _)) = per_browser {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(&format!("question-browser:{browser}")))
                            .execute(&mut *tx)
                            .await?;
                    }
                    body!(tx)
                }
            }
        }
        Err(StoreError::Conflict { field: "reference" })
    }

    /// Checkpoint the SQLite write-ahead log into the database and truncate it to zero bytes
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`; waits up to the busy timeout for readers). Done
    /// periodically by the store itself while it serves; a no-op on PostgreSQL or in memory.
    pub async fn checkpoint(&self) -> Result<()> {
        let _turn = self.write_turn().await;
        if let Pool::Sqlite(pool) = &self.pool {
            sqlx::query("pragma wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// The question with this id, or [`StoreError::NotFound`].
    pub async fn get_question(&self, id: i64) -> Result<Question> {
        let sql = format!(
            "select {} from questions where id = $1",
            rows::QUESTION_COLUMNS
        );
        let q = with_pool!(self, pool => sqlx::query_as::<_, Question>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        q.ok_or(StoreError::NotFound)
    }

    /// The question with this reference (trimmed, case-insensitive), or
    /// [`StoreError::NotFound`].
    pub async fn get_question_by_reference(&self, reference: &str) -> Result<Question> {
        let reference = reference.trim().to_uppercase();
        let sql = format!(
            "select {} from questions where reference = $1",
            rows::QUESTION_COLUMNS
        );
        let q = with_pool!(self, pool => sqlx::query_as::<_, Question>(&sql)
            .bind(&reference)
            .fetch_optional(pool)
            .await?);
        q.ok_or(StoreError::NotFound)
    }

    /// One page of questions matching `filter`, newest first (`created_at`, then id).
    pub async fn list_questions(&self, filter: &QuestionFilter) -> Result<Page<Question>> {
        let page = filter.page.max(1);
        let per_page = filter.per_page.clamp(1, limits::PER_PAGE);
        let (where_sql, mut args) = filter_sql(filter);
        let count_sql = format!("select count(*) from questions{where_sql}");
        let total: i64 = with_pool!(self, pool =>
            bind_all!(sqlx::query_scalar::<_, i64>(&count_sql), &args)
                .fetch_one(pool)
                .await?);
        let n = args.len();
        args.push(Arg::Int(i64::from(per_page)));
        args.push(Arg::Int(i64::from(page - 1) * i64::from(per_page)));
        let sql = format!(
            "select {} from questions{where_sql} order by created_at desc, id desc \
             limit ${} offset ${}",
            rows::QUESTION_COLUMNS,
            n + 1,
            n + 2
        );
        let items = with_pool!(self, pool =>
            bind_all!(sqlx::query_as::<_, Question>(&sql), &args)
                .fetch_all(pool)
                .await?);
        Ok(Page {
            items,
            total: count(total),
            page,
            per_page,
        })
    }

    /// Every question matching `filter` (paging ignored), newest first: for CSV export.
    pub async fn export_questions(&self, filter: &QuestionFilter) -> Result<Vec<Question>> {
        let (where_sql, args) = filter_sql(filter);
        let sql = format!(
            "select {} from questions{where_sql} order by created_at desc, id desc",
            rows::QUESTION_COLUMNS
        );
        Ok(with_pool!(self, pool =>
            bind_all!(sqlx::query_as::<_, Question>(&sql), &args)
                .fetch_all(pool)
                .await?))
    }

    /// Number of questions per status (all four statuses, zeros included), for inbox tabs.
    pub async fn count_by_status(&self) -> Result<Vec<(QuestionStatus, u64)>> {
        let sql = "select status, count(*) from questions group by status";
        let rows: Vec<(String, i64)> = with_pool!(self, pool =>
            sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(QuestionStatus::ALL
            .into_iter()
            .map(|st| {
                let n = rows
                    .iter()
                    .find(|(s, _)| s == st.as_str())
                    .map_or(0, |(_, n)| count(*n));
                (st, n)
            })
            .collect())
    }

    /// Number of questions submitted with this IP hash at or after `since` (the multi-instance
    /// per-IP rate limit of the public form).
    pub async fn count_recent_questions(&self, ip_hash: &str, since: Timestamp) -> Result<u64> {
        let sql = "select count(*) from questions where ip_hash = $1 and created_at >= $2";
        let n: i64 = with_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(ip_hash)
            .bind(rows::ms(since))
            .fetch_one(pool)
            .await?);
        Ok(count(n))
    }

    /// Move a question to status `to`, recording who did it and when, and bump its
    /// `updated_at`. Returns the recorded change, or `None` if the question already had status
    /// `to` (nothing recorded). Unknown id → [`StoreError::NotFound`]. Any transition is
    /// allowed (e.g. reopening a closed question).
    pub async fn change_status(
        &self,
        question_id: i64,
        to: QuestionStatus,
        by_email: &str,
    ) -> Result<Option<StatusChange>> {
        let (store, by_email) = (self.clone(), by_email.to_owned());
        detached(async move { store.change_status_now(question_id, to, &by_email).await }).await
    }

    async fn change_status_now(
        &self,
        question_id: i64,
        to: QuestionStatus,
        by_email: &str,
    ) -> Result<Option<StatusChange>> {
        let _turn = self.write_turn().await;
        check_text("by_email", by_email, limits::EMAIL, true)?;
        let insert_sql = format!(
            "insert into question_status_changes \
             (question_id, from_status, to_status, by_email, created_at) \
             values ($1, $2, $3, $4, $5) returning {}",
            rows::STATUS_CHANGE_COLUMNS
        );
        // Optimistic: read the current status, then update only if it is still the same, in a
        // transaction whose first statement is the write (so SQLite takes the write lock at
        // once, and PostgreSQL re-checks the condition after any lock wait). Retry on a race.
        for _ in 0..10 {
            let current: Option<String> = with_pool!(self, pool =>
                sqlx::query_scalar("select status from questions where id = $1")
                    .bind(question_id)
                    .fetch_optional(pool)
                    .await?);
            let from = rows::status(&current.ok_or(StoreError::NotFound)?)?;
            if from == to {
                return Ok(None);
            }
            let now = rows::ms(Timestamp::now());
            let change = with_pool!(self, pool => {
                let mut tx = pool.begin().await?;
                let updated = sqlx::query(
                    "update questions set status = $1, updated_at = $2 \
                     where id = $3 and status = $4",
                )
                .bind(to.as_str())
                .bind(now)
                .bind(question_id)
                .bind(from.as_str())
                .execute(&mut *tx)
                .await?;
                if updated.rows_affected() == 0 {
                    tx.rollback().await?;
                    None
                } else {
                    let change = sqlx::query_as::<_, StatusChange>(&insert_sql)
                        .bind(question_id)
                        .bind(from.as_str())
                        .bind(to.as_str())
                        .bind(by_email)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Some(change)
                }
            });
            if let Some(change) = change {
                return Ok(Some(change));
            }
        }
        Err(StoreError::Conflict { field: "status" })
    }

    /// Status history of a question, oldest first.
    pub async fn list_status_changes(&self, question_id: i64) -> Result<Vec<StatusChange>> {
        let sql = format!(
            "select {} from question_status_changes where question_id = $1 order by id",
            rows::STATUS_CHANGE_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StatusChange>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?),
        )
    }

    /// Add an internal note (non-blank, ≤ [`limits::NOTE`]) and bump the question's
    /// `updated_at`. Unknown question → [`StoreError::NotFound`].
    pub async fn add_note(&self, question_id: i64, author_email: &str, body: &str) -> Result<Note> {
        let (store, author, body) = (self.clone(), author_email.to_owned(), body.to_owned());
        detached(async move { store.add_note_now(question_id, &author, &body).await }).await
    }

    async fn add_note_now(&self, question_id: i64, author_email: &str, body: &str) -> Result<Note> {
        let _turn = self.write_turn().await;
        check_text("author_email", author_email, limits::EMAIL, true)?;
        check_text("body", body, limits::NOTE, true)?;
        let now = rows::ms(Timestamp::now());
        let insert_sql = format!(
            "insert into question_notes (question_id, author_email, body, created_at) \
             values ($1, $2, $3, $4) returning {}",
            rows::NOTE_COLUMNS
        );
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let updated = sqlx::query("update questions set updated_at = $1 where id = $2")
                .bind(now)
                .bind(question_id)
                .execute(&mut *tx)
                .await?;
            if updated.rows_affected() == 0 {
                tx.rollback().await?;
                return Err(StoreError::NotFound);
            }
            let note = sqlx::query_as::<_, Note>(&insert_sql)
                .bind(question_id)
                .bind(author_email)
                .bind(body)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(note)
        })
    }

    /// Notes of a question, oldest first.
    pub async fn list_notes(&self, question_id: i64) -> Result<Vec<Note>> {
        let sql = format!(
            "select {} from question_notes where question_id = $1 order by id",
            rows::NOTE_COLUMNS
        );
        Ok(with_pool!(self, pool => sqlx::query_as::<_, Note>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?))
    }

    // --- replies ---------------------------------------------------------------------------

    /// Store a reply to the person who asked (non-blank, ≤ [`limits::REPLY`]) with its first
    /// `delivery` state, and move the question to `answered` (recorded in its status history as
    /// done by `author_email`, unless it already was answered), in one transaction. Returns the
    /// reply and the status change, if any. Unknown question → [`StoreError::NotFound`].
    pub async fn add_reply(
        &self,
        question_id: i64,
        author_email: &str,
        body: &str,
        delivery: ReplyDelivery,
    ) -> Result<(Reply, Option<StatusChange>)> {
        let (store, author, body) = (self.clone(), author_email.to_owned(), body.to_owned());
        detached(async move {
            store
                .add_reply_now(question_id, &author, &body, delivery)
                .await
        })
        .await
    }

    async fn add_reply_now(
        &self,
        question_id: i64,
        author_email: &str,
        body: &str,
        delivery: ReplyDelivery,
    ) -> Result<(Reply, Option<StatusChange>)> {
        let _turn = self.write_turn().await;
        check_text("author_email", author_email, limits::EMAIL, true)?;
        check_text("body", body, limits::REPLY, true)?;
        let now = rows::ms(Timestamp::now());
        let reply_sql = format!(
            "insert into replies (question_id, author_email, body, delivery, created_at) \
             values ($1, $2, $3, $4, $5) returning {}",
            rows::REPLY_COLUMNS
        );
        let change_sql = format!(
            "insert into question_status_changes \
             (question_id, from_status, to_status, by_email, created_at) \
             values ($1, $2, 'answered', $3, $4) returning {}",
            rows::STATUS_CHANGE_COLUMNS
        );
        macro_rules! body {
            ($tx:ident, $select:expr) => {{
                let current: Option<String> = sqlx::query_scalar($select)
                    .bind(question_id)
                    .fetch_optional(&mut *$tx)
                    .await?;
                let Some(current) = current else {
                    $tx.rollback().await?;
                    return Err(StoreError::NotFound);
                };
                let from = rows::status(&current)?;
                let reply = sqlx::query_as::<_, Reply>(&reply_sql)
                    .bind(question_id)
                    .bind(author_email)
                    .bind(body)
                    .bind(delivery.as_str())
                    .bind(now)
                    .fetch_one(&mut *$tx)
                    .await?;
                sqlx::query(
                    "update questions set status = 'answered', updated_at = $1 where id = $2",
                )
                .bind(now)
                .bind(question_id)
                .execute(&mut *$tx)
                .await?;
                let change = if from == QuestionStatus::Answered {
                    None
                } else {
                    Some(
                        sqlx::query_as::<_, StatusChange>(&change_sql)
                            .bind(question_id)
                            .bind(from.as_str())
                            .bind(author_email)
                            .bind(now)
                            .fetch_one(&mut *$tx)
                            .await?,
                    )
                };
                $tx.commit().await?;
                Ok((reply, change))
            }};
        }
        match &self.pool {
            Pool::Sqlite(pool) => {
                // The write lock first: the status read and the update see one state.
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                body!(tx, "select status from questions where id = $1")
            }
            Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                body!(tx, "select status from questions where id = $1 for update")
            }
        }
    }

    /// Record what happened to a reply's e-mail (`delivered_at` is set when it is
    /// [`ReplyDelivery::Sent`]); `error` is a short, non-personal reason. Unknown id →
    /// [`StoreError::NotFound`].
    pub async fn set_reply_delivery(
        &self,
        reply_id: i64,
        delivery: ReplyDelivery,
        error: Option<&str>,
    ) -> Result<Reply> {
        let _turn = self.write_turn().await;
        if let Some(e) = error {
            check_text("delivery_error", e, 500, false)?;
        }
        let delivered_at = (delivery == ReplyDelivery::Sent).then(|| rows::ms(Timestamp::now()));
        let sql = format!(
            "update replies set delivery = $1, delivery_error = $2, delivered_at = $3 \
             where id = $4 returning {}",
            rows::REPLY_COLUMNS
        );
        let r = with_pool!(self, pool => sqlx::query_as::<_, Reply>(&sql)
            .bind(delivery.as_str())
            .bind(error)
            .bind(delivered_at)
            .bind(reply_id)
            .fetch_optional(pool)
            .await?);
        r.ok_or(StoreError::NotFound)
    }

    /// Replies to a question, oldest first.
    pub async fn list_replies(&self, question_id: i64) -> Result<Vec<Reply>> {
        let sql = format!(
            "select {} from replies where question_id = $1 order by id",
            rows::REPLY_COLUMNS
        );
        Ok(with_pool!(self, pool => sqlx::query_as::<_, Reply>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?))
    }

    /// Of `question_ids`, those whose latest reply failed to go out by e-mail
    /// ([`ReplyDelivery::Failed`]), for a marker in the inbox list; a later reply that went
    /// out clears it. In ascending id order.
    pub async fn with_failed_last_reply(&self, question_ids: &[i64]) -> Result<Vec<i64>> {
        if question_ids.is_empty() {
            return Ok(Vec::new());
        }
        let params = (1..=question_ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "select r.question_id from replies r \
             where r.question_id in ({params}) and r.delivery = 'failed' \
             and r.id = (select max(l.id) from replies l where l.question_id = r.question_id) \
             order by r.question_id"
        );
        let args: Vec<Arg> = question_ids.iter().map(|id| Arg::Int(*id)).collect();
        Ok(
            with_pool!(self, pool => bind_all!(sqlx::query_scalar::<_, i64>(&sql), &args)
            .fetch_all(pool)
            .await?),
        )
    }

    /// The notes and replies of many questions at once (for the CSV export), each oldest
    /// first, grouped by question id. Ids without any are absent from the maps.
    pub async fn notes_and_replies(
        &self,
        question_ids: &[i64],
    ) -> Result<(
        std::collections::HashMap<i64, Vec<Note>>,
        std::collections::HashMap<i64, Vec<Reply>>,
    )> {
        let mut notes: std::collections::HashMap<i64, Vec<Note>> = Default::default();
        let mut replies: std::collections::HashMap<i64, Vec<Reply>> = Default::default();
        // Chunks well under SQLite's bound-parameter limit.
        for chunk in question_ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let args: Vec<Arg> = chunk.iter().map(|id| Arg::Int(*id)).collect();
            let notes_sql = format!(
                "select {} from question_notes where question_id in ({}) order by id",
                rows::NOTE_COLUMNS,
                marks.join(", ")
            );
            let replies_sql = format!(
                "select {} from replies where question_id in ({}) order by id",
                rows::REPLY_COLUMNS,
                marks.join(", ")
            );
            let ns = with_pool!(self, pool =>
                bind_all!(sqlx::query_as::<_, Note>(&notes_sql), &args)
                    .fetch_all(pool)
                    .await?);
            for n in ns {
                notes.entry(n.question_id).or_default().push(n);
            }
            let rs = with_pool!(self, pool =>
                bind_all!(sqlx::query_as::<_, Reply>(&replies_sql), &args)
                    .fetch_all(pool)
                    .await?);
            for r in rs {
                replies.entry(r.question_id).or_default().push(r);
            }
        }
        Ok((notes, replies))
    }

    /// Delete closed questions whose `updated_at` (last status change, note or submission) is
    /// before `cutoff`, with their notes and status history. Returns how many questions were
    /// deleted. (`landed admin purge --older-than 365d` passes `now - 365 days`.)
    pub async fn purge_closed_older_than(&self, cutoff: Timestamp) -> Result<u64> {
        let store = self.clone();
        detached(async move { store.purge_closed_older_than_now(cutoff).await }).await
    }

    async fn purge_closed_older_than_now(&self, cutoff: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        // Notes and history go by `on delete cascade` (foreign keys are on for SQLite too);
        // deleting them explicitly first keeps the purge complete even if they were not.
        let cutoff = rows::ms(cutoff);
        let doomed = "select id from questions where status = 'closed' and updated_at < $1";
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for table in ["question_notes", "question_status_changes", "replies"] {
                sqlx::query(&format!(
                    "delete from {table} where question_id in ({doomed})"
                ))
                .bind(cutoff)
                .execute(&mut *tx)
                .await?;
            }
            let deleted = sqlx::query(
                "delete from questions where status = 'closed' and updated_at < $1",
            )
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(deleted)
        })
    }

    // --- staff users ------------------------------------------------------------------------

    /// Create a staff account. `email` is trimmed and lowercased; `password_hash` must be a PHC
    /// string from [`hash_password`]. Taken email → [`StoreError::Conflict`] `{ field: "email" }`.
    pub async fn create_staff_user(&self, email: &str, password_hash: &str) -> Result<StaffUser> {
        let _turn = self.write_turn().await;
        let email = normalize_email(email);
        check_text("email", &email, limits::EMAIL, true)?;
        if !password_hash.starts_with('$') {
            return Err(StoreError::Invalid {
                field: "password_hash",
                message: "expected a PHC string",
            });
        }
        let sql = format!(
            "insert into staff_users (email, password_hash, created_at) values ($1, $2, $3) \
             returning {}",
            rows::STAFF_COLUMNS
        );
        let res = with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(&email)
            .bind(password_hash)
            .bind(rows::ms(Timestamp::now()))
            .fetch_one(pool)
            .await);
        match res {
            Ok(u) => Ok(u),
            Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict { field: "email" }),
            Err(e) => Err(e.into()),
        }
    }

    /// The staff user with this email (trimmed, case-insensitive), or `None`.
    pub async fn find_staff_by_email(&self, email: &str) -> Result<Option<StaffUser>> {
        let sql = format!(
            "select {} from staff_users where email = $1",
            rows::STAFF_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(normalize_email(email))
            .fetch_optional(pool)
            .await?),
        )
    }

    /// The staff user with this id, or [`StoreError::NotFound`].
    pub async fn get_staff_user(&self, id: i64) -> Result<StaffUser> {
        let sql = format!(
            "select {} from staff_users where id = $1",
            rows::STAFF_COLUMNS
        );
        let u = with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        u.ok_or(StoreError::NotFound)
    }

    /// All staff users, by email.
    pub async fn list_staff_users(&self) -> Result<Vec<StaffUser>> {
        let sql = format!(
            "select {} from staff_users order by email",
            rows::STAFF_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .fetch_all(pool)
            .await?),
        )
    }

    /// Set (or, with `None`, clear) the time zone a staff user's pages show times in. The
    /// name is stored as given (≤ [`limits::TIME_ZONE`] characters); the web layer checks it is
    /// a known IANA zone. Unknown id → [`StoreError::NotFound`].
    pub async fn set_staff_time_zone(&self, id: i64, time_zone: Option<&str>) -> Result<()> {
        let _turn = self.write_turn().await;
        if let Some(tz) = time_zone {
            check_text("time_zone", tz, limits::TIME_ZONE, true)?;
        }
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_users set time_zone = $1 where id = $2")
                .bind(time_zone)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Replace a staff user's password hash. Unknown id → [`StoreError::NotFound`]. Does not end
    /// existing sessions: call [`Store::delete_sessions_for_staff`] for that.
    pub async fn set_staff_password(&self, id: i64, password_hash: &str) -> Result<()> {
        let _turn = self.write_turn().await;
        if !password_hash.starts_with('$') {
            return Err(StoreError::Invalid {
                field: "password_hash",
                message: "expected a PHC string",
            });
        }
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_users set password_hash = $1 where id = $2")
                .bind(password_hash)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    // --- sessions ---------------------------------------------------------------------------

    /// Start a session for `staff_id` valid until `expires_at`, with fresh random session and
    /// CSRF tokens. Put [`Session::id`] in the cookie. Unknown staff id →
    /// [`StoreError::NotFound`].
    pub async fn create_session(&self, staff_id: i64, expires_at: Timestamp) -> Result<Session> {
        let _turn = self.write_turn().await;
        let token = util::new_token()?;
        let csrf_token = util::new_token()?;
        let created_at = Timestamp::now();
        let res = with_pool!(self, pool => sqlx::query(
            "insert into staff_sessions (token_hash, staff_id, csrf_token, created_at, \
             expires_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(util::hash_key(&token))
        .bind(staff_id)
        .bind(&csrf_token)
        .bind(rows::ms(created_at))
        .bind(rows::ms(expires_at))
        .execute(pool)
        .await
        .map(drop));
        match res {
            Ok(()) => Ok(Session {
                id: token,
                staff_id,
                csrf_token,
                // Round-trip through the stored precision so this equals `get_session`'s value.
                created_at: rows::ts(rows::ms(created_at))?,
                expires_at: rows::ts(rows::ms(expires_at))?,
            }),
            Err(e) if is_foreign_key_violation(&e) => Err(StoreError::NotFound),
            Err(e) => Err(e.into()),
        }
    }

    /// The session for this cookie token if it exists and has not expired, else `None`.
    pub async fn get_session(&self, token: &str) -> Result<Option<Session>> {
        let row: Option<(i64, String, i64, i64)> = with_pool!(self, pool => sqlx::query_as(
            "select staff_id, csrf_token, created_at, expires_at from staff_sessions \
             where token_hash = $1 and expires_at > $2",
        )
        .bind(util::hash_key(token))
        .bind(rows::ms(Timestamp::now()))
        .fetch_optional(pool)
        .await?);
        match row {
            None => Ok(None),
            Some((staff_id, csrf_token, created_at, expires_at)) => Ok(Some(Session {
                id: token.to_owned(),
                staff_id,
                csrf_token,
                created_at: rows::ts(created_at)?,
                expires_at: rows::ts(expires_at)?,
            })),
        }
    }

    /// Push a session's expiry to `expires_at` (sliding expiry). `false` if no such session.
    pub async fn extend_session(&self, token: &str, expires_at: Timestamp) -> Result<bool> {
        let _turn = self.write_turn().await;
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_sessions set expires_at = $1 where token_hash = $2")
                .bind(rows::ms(expires_at))
                .bind(util::hash_key(token))
                .execute(pool)
                .await?
                .rows_affected());
        Ok(n > 0)
    }

    /// Log out: delete this session. `false` if there was none.
    pub async fn delete_session(&self, token: &str) -> Result<bool> {
        let _turn = self.write_turn().await;
        let n = with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where token_hash = $1")
                .bind(util::hash_key(token))
                .execute(pool)
                .await?
                .rows_affected());
        Ok(n > 0)
    }

    /// Delete every session of a staff user (log out everywhere). Returns how many.
    pub async fn delete_sessions_for_staff(&self, staff_id: i64) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where staff_id = $1")
                .bind(staff_id)
                .execute(pool)
                .await?
                .rows_affected()))
    }

    /// Delete sessions that expired before `now` (expiry ≤ `now`). Returns how many.
    pub async fn delete_expired_sessions(&self, now: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where expires_at <= $1")
                .bind(rows::ms(now))
                .execute(pool)
                .await?
                .rows_affected()))
    }

    // --- login rate limiting ----------------------------------------------------------------

    /// Record a failed login for `key` at time `at` (key suggestion: `"email:<lowercased>"`,
    /// `"ip:<ip hash>"`; the store keeps only a hash of it).
    pub async fn record_login_failure(&self, key: &str, at: Timestamp) -> Result<()> {
        let _turn = self.write_turn().await;
        with_pool!(self, pool =>
            sqlx::query("insert into login_failures (key_hash, created_at) values ($1, $2)")
                .bind(util::hash_key(key))
                .bind(rows::ms(at))
                .execute(pool)
                .await
                .map(drop)?);
        Ok(())
    }

    /// Number of failures recorded for `key` at or after `since`.
    pub async fn count_recent_login_failures(&self, key: &str, since: Timestamp) -> Result<u64> {
        let n: i64 = with_pool!(self, pool => sqlx::query_scalar(
            "select count(*) from login_failures where key_hash = $1 and created_at >= $2",
        )
        .bind(util::hash_key(key))
        .bind(rows::ms(since))
        .fetch_one(pool)
        .await?);
        Ok(count(n))
    }

    /// Forget all failures for `key` (after a successful login). Returns how many.
    pub async fn clear_login_failures(&self, key: &str) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from login_failures where key_hash = $1")
                .bind(util::hash_key(key))
                .execute(pool)
                .await?
                .rows_affected()))
    }

    /// Check and count one login attempt atomically, before any password is checked: if
    /// every `(key, limit)` has fewer than `limit` failures in the `window` up to `now`, one
    /// failure is recorded for each key and their row ids are returned (forget them with
    /// [`Store::forget_login_failures`] when the password turns out right); otherwise nothing
    /// is recorded and the first key at its limit is named. Concurrent attempts are serialised
    /// (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-scoped advisory lock per key),
    /// so N parallel attempts never get more than `limit` through.
    pub async fn begin_login_attempt(
        &self,
        keys: &[(&str, u64)],
        window: jiff::SignedDuration,
        now: Timestamp,
    ) -> Result<LoginAttempt> {
        let store = self.clone();
        let keys: Vec<(String, u64)> = keys.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect();
        detached(async move {
            let keys: Vec<(&str, u64)> = keys.iter().map(|(k, n)| (k.as_str(), *n)).collect();
            store.begin_login_attempt_now(&keys, window, now).await
        })
        .await
    }

    async fn begin_login_attempt_now(
        &self,
        keys: &[(&str, u64)],
        window: jiff::SignedDuration,
        now: Timestamp,
    ) -> Result<LoginAttempt> {
        let _turn = self.write_turn().await;
        let since = rows::ms(now.checked_sub(window).unwrap_or(Timestamp::MIN));
        let at = rows::ms(now);
        let window_ms = window.as_millis().clamp(0, i128::from(i64::MAX)) as i64;
        let mut hashed: Vec<(String, u64)> = keys
            .iter()
            .map(|(k, limit)| (util::hash_key(k), *limit))
            .collect();
        // Keys in a fixed order: two attempts lock them in the same order (no deadlock).
        let order: Vec<usize> = {
            let mut idx: Vec<usize> = (0..hashed.len()).collect();
            idx.sort_by(|a, b| hashed[*a].0.cmp(&hashed[*b].0));
            idx
        };
        macro_rules! attempt {
            ($tx:ident) => {{
                let mut refused = None;
                for &i in &order {
                    let (key, limit) = &hashed[i];
                    let (n, oldest): (i64, Option<i64>) = sqlx::query_as(
                        "select count(*), min(created_at) from login_failures \
                         where key_hash = $1 and created_at >= $2",
                    )
                    .bind(key)
                    .bind(since)
                    .fetch_one(&mut *$tx)
                    .await?;
                    if count(n) >= *limit {
                        let retry_ms = oldest.unwrap_or(at).saturating_add(window_ms);
                        refused = Some((i, retry_ms));
                        break;
                    }
                }
                if let Some((key_index, retry_ms)) = refused {
                    $tx.rollback().await?;
                    LoginAttempt::Refused {
                        key_index,
                        retry_at: Timestamp::from_millisecond(retry_ms).unwrap_or(now),
                    }
                } else {
                    let mut ids = Vec::with_capacity(hashed.len());
                    for (key, _) in &hashed {
                        let id: i64 = sqlx::query_scalar(
                            "insert into login_failures (key_hash, created_at) \
                             values ($1, $2) returning id",
                        )
                        .bind(key)
                        .bind(at)
                        .fetch_one(&mut *$tx)
                        .await?;
                        ids.push(id);
                    }
                    $tx.commit().await?;
                    LoginAttempt::Counted(ids)
                }
            }};
        }
        let outcome = match &self.pool {
            Pool::Sqlite(pool) => {
                // Take the write lock before reading: no other attempt can count in between.
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                attempt!(tx)
            }
            Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                for &i in &order {
                    let lock = advisory_key(&hashed[i].0);
                    sqlx::query("select pg_advisory_xact_lock($1)")
                        .bind(lock)
                        .execute(&mut *tx)
                        .await?;
                }
                attempt!(tx)
            }
        };
        hashed.clear();
        Ok(outcome)
    }

    /// Forget failures by row id (the attempt of a login whose password was right).
    pub async fn forget_login_failures(&self, ids: &[i64]) -> Result<u64> {
        let _turn = self.write_turn().await;
        let mut n = 0;
        for id in ids {
            n += with_pool!(self, pool =>
                sqlx::query("delete from login_failures where id = $1")
                    .bind(*id)
                    .execute(pool)
                    .await?
                    .rows_affected());
        }
        Ok(n)
    }

    /// Housekeeping: delete failures recorded before `cutoff`. Returns how many.
    pub async fn delete_login_failures_before(&self, cutoff: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from login_failures where created_at < $1")
                .bind(rows::ms(cutoff))
                .execute(pool)
                .await?
                .rows_affected()))
    }
}
