//! HTTP for landed: server-rendered bilingual pages, the JSON API and the staff inbox.
//!
//! # Reading order
//! 1. [`cli`]: `landed serve` and `landed admin …` (the CLI crate calls [`run_serve`] and
//!    [`run_admin`]); settings come from flags, the environment and an optional TOML file.
//! 2. [`app`]: the router and its layers (request cap, security headers, log of errors and
//!    slow requests, timeouts, body limit, form-text check, cross-site check); [`server`]: the
//!    accept loop with the connection cap and the header-read / idle timeout.
//! 3. `routes/*`: one module per area — public pages, the question form, the assessment
//!    wizard and results, the CRS calculator, the staff inbox and the JSON API.
//! 4. [`i18n`]: languages, Fluent messages (`locales/{en-CA,fr-CA}/*.ftl`) and number and
//!    date formatting per language.
//!
//! # Privacy decisions
//! - An assessment is never stored on the server unless the person attaches it to a question.
//!   Its bookmarkable results URL carries the profile itself, deflated and base64url-encoded
//!   (`/en/assessment/results?p=…`). Nothing is kept server-side, so there is nothing to leak
//!   or to purge; the cost is that the URL holds the data, so pages send
//!   `Referrer-Policy: same-origin` (no address leaves for other sites) and the request log records only the route template
//!   (`/{lang}/assessment/results`), never the query string.
//! - Logs never contain names, emails, messages, IP addresses or profile data.
//! - IP addresses are only used as a keyed hash (HMAC with the server secret) for rate limits.

#![forbid(unsafe_code)]

pub mod admin_token;
pub mod app;
pub mod cli;
pub mod client_ip;
pub mod config;
pub mod draws_store;
pub mod error;
pub mod form;
pub mod i18n;
pub mod mail;
pub mod page;
pub mod question;
pub mod replies;
pub mod routes;
pub mod security;
pub mod server;
pub mod state;
pub mod statics;
pub mod views;
pub mod wizard;

pub use app::app;
pub use cli::{AdminCommand, ServeArgs, run_admin, run_serve};
pub use config::Settings;
pub use state::AppState;
