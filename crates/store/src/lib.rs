//! Persistence for landed: public questions, staff users, sessions, rate-limit counters.
//! SQLite by default (`sqlite://landed.db`), PostgreSQL by URL (`postgres://…`); the same
//! binary runs on both.
//!
//! # Reading order
//! 1. [`Store`] (`lib.rs`, with the `with_pool!` / `bind_all!` macros): the one handle the web
//!    and CLI crates hold (cheap to `clone`, it wraps a connection pool). Open it with
//!    [`Store::connect`] (`connect.rs`: URLs, pools, migrations, the SQLite write turn and WAL
//!    checkpointer); every operation is an `async fn` on it.
//! 2. The models (`models.rs`): [`NewQuestion`] → [`Question`] (+ [`QuestionStatus`]), [`Note`],
//!    [`StatusChange`], [`StaffUser`], [`Session`], and the list types [`QuestionFilter`] /
//!    [`Page`].
//! 3. [`StoreError`] (`error.rs`: one error type for the crate, and the input checks) and the
//!    password helpers [`hash_password`], [`verify_password`], [`dummy_verify`] (`password.rs`).
//! 4. The operations, one file per domain: `questions.rs` (submit, read, list, search, export,
//!    count), `inbox.rs` (status changes, notes, replies, purge), `staff.rs` (staff users,
//!    sessions, login rate limiting), `tokens.rs` (staff API tokens). Below them: `rows.rs`
//!    (row → model mapping), `util.rs` (random tokens, key hashing, search folding),
//!    `migrations.rs` (the embedded migrations).
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

mod error;
mod migrations;
mod models;
mod password;
mod rows;
mod util;

use std::fmt;

pub use error::{Result, StoreError};
pub use models::{
    Backend, LoginAttempt, NewQuestion, Note, Page, PerIpLimit, Question, QuestionFilter,
    QuestionStatus, Reply, ReplyDelivery, Session, StaffUser, StatusChange, Submission, Submitted,
    limits,
};
pub use password::{dummy_verify, hash_password, verify_password};

/// The database URL used when neither `--database` nor `DATABASE_URL` is given: a SQLite file
/// `landed.db` in the current directory, created and migrated on first start.
pub fn default_database_url() -> &'static str {
    "sqlite://landed.db"
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

// The operations, one module per domain (after `with_pool!` and `bind_all!`, which they use).
mod connect;
mod inbox;
mod questions;
mod staff;
pub use connect::WAL_LIMIT_BYTES;
