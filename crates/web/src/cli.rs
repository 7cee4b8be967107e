//! `landed serve` and `landed admin …`, called by the CLI crate.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use landed_store::{Store, StoreError};
use tracing::{error, info, warn};

use crate::config::Settings;
use crate::state::AppState;

/// Arguments of `landed serve`. Each setting can also come from the environment or from a
/// TOML config file (`--config`, keys named as in [`Settings`]); flags and environment win
/// over the file. A flag left out is skipped when the layers are merged.
#[derive(Debug, Clone, Default, clap::Args, serde::Serialize)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "LANDED_ADDR")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    /// Database URL: sqlite://PATH or postgres://… [default: sqlite://landed.db]
    #[arg(long, env = "DATABASE_URL")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    /// TOML file with settings: any key below, by its name in snake case (e.g.
    /// `max_connections = 5000`)
    #[arg(long, env = "LANDED_CONFIG")]
    #[serde(skip)]
    pub config: Option<PathBuf>,
    /// Mark the session cookie Secure and send HSTS (set this when served over HTTPS) [default: false]
    #[arg(long, env = "LANDED_SECURE_COOKIES", num_args = 0..=1, default_missing_value = "true")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secure_cookies: Option<bool>,
    /// Secret for signing form tokens (set the same one on every instance) [default: random at start]
    #[arg(long, env = "LANDED_SECRET", hide_env_values = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// The public address (https://host[:port]) used in share links and the Origin check,
    /// never the request's Host header [default: none: links are relative to the request]
    #[arg(long, env = "LANDED_PUBLIC_URL", value_name = "URL")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Seconds a question form must be open before it is sent [default: 3]
    #[arg(long, env = "LANDED_MIN_FILL_SECS", value_name = "SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_fill_secs: Option<i64>,
    /// Seconds a form stays valid [default: 86400]
    #[arg(long, env = "LANDED_MAX_FORM_AGE_SECS", value_name = "SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_form_age_secs: Option<i64>,
    /// Questions accepted per IP address per hour (a campus or office shares one) [default: 30]
    #[arg(long, env = "LANDED_QUESTIONS_PER_IP_PER_HOUR", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions_per_ip_per_hour: Option<u32>,
    /// Questions accepted per browser (its random cookie) per hour; cookie-less posts share one count per IP [default: 5]
    #[arg(long, env = "LANDED_QUESTIONS_PER_BROWSER_PER_HOUR", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions_per_browser_per_hour: Option<u32>,
    /// A reverse proxy (address or network, e.g. 127.0.0.1 or 10.0.0.0/8) whose X-Forwarded-For names the client for the per-IP limits; repeat the flag or separate with commas [default: none: the connection's address, the header ignored]
    #[arg(
        long = "trusted-proxy",
        env = "LANDED_TRUSTED_PROXIES",
        value_name = "NETWORK",
        value_delimiter = ','
    )]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trusted_proxies: Vec<String>,
    /// SMTP server for staff replies: smtps://user:pass@host[:465] (TLS), smtp://user:pass@host[:587]?tls=required (STARTTLS), smtp://localhost:25 (plain, local relay) [default: none: staff copy replies into their mail client]
    #[arg(
        long,
        env = "LANDED_SMTP_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_url: Option<String>,
    /// From address of staff replies, e.g. "Landed <answers@example.org>" (needed with --smtp-url)
    #[arg(long, env = "LANDED_MAIL_FROM", value_name = "ADDRESS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_from: Option<String>,
    /// Failed staff logins per account in 15 minutes before it is locked [default: 5]
    #[arg(long, env = "LANDED_LOGIN_FAILURES_LIMIT", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_failures_limit: Option<u32>,
    /// Failed staff logins per IP address in 15 minutes before it is refused [default: 5]
    #[arg(long, env = "LANDED_LOGIN_IP_FAILURES_LIMIT", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_ip_failures_limit: Option<u32>,
    /// Password checks at once (argon2, ~19 MiB each); 0 = one per core [default: 0]
    #[arg(long, env = "LANDED_HASH_WORKERS", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hash_workers: Option<usize>,
    /// Logins that may wait for a password check; more get 429 [default: 16]
    #[arg(long, env = "LANDED_HASH_QUEUE", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hash_queue: Option<usize>,
    /// Staff session lifetime in minutes (sliding) [default: 480]
    #[arg(long, env = "LANDED_SESSION_MINUTES", value_name = "MIN")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_minutes: Option<i64>,
    /// Largest request body in bytes [default: 262144]
    #[arg(long, env = "LANDED_BODY_LIMIT_BYTES", value_name = "BYTES")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_limit_bytes: Option<usize>,
    /// Open connections at most; more are closed at once [default: 10000, lowered to fit the file limit]
    #[arg(long, env = "LANDED_MAX_CONNECTIONS", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_connections: Option<usize>,
    /// Requests handled at once; more get 503 [default: 512]
    #[arg(long, env = "LANDED_MAX_IN_FLIGHT", value_name = "N")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_in_flight: Option<usize>,
    /// Seconds to send a request's headers, and idle seconds allowed between requests [default: 10]
    #[arg(long, env = "LANDED_HEADER_TIMEOUT_SECS", value_name = "SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_timeout_secs: Option<u64>,
    /// Seconds to send a request's body [default: 15]
    #[arg(long, env = "LANDED_BODY_TIMEOUT_SECS", value_name = "SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_timeout_secs: Option<u64>,
    /// Seconds to answer a request [default: 30]
    #[arg(long, env = "LANDED_REQUEST_TIMEOUT_SECS", value_name = "SECS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout_secs: Option<u64>,
    /// Log requests slower than this many milliseconds (errors are always logged) [default: 1000]
    #[arg(long, env = "LANDED_SLOW_REQUEST_MS", value_name = "MS")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slow_request_ms: Option<u64>,
    /// Log as JSON lines [default: false]
    #[arg(long, env = "LANDED_LOG_JSON", num_args = 0..=1, default_missing_value = "true")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_json: Option<bool>,
    /// Local copy of IRCC's rounds of invitations [default: $XDG_DATA_HOME/landed/ee_rounds_123_en.json]
    #[arg(long, env = "LANDED_DRAWS_FILE", value_name = "FILE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draws_file: Option<PathBuf>,
    /// Update the rounds from IRCC this often (e.g. 24h); a failed update keeps the copy in use
    #[arg(long, env = "LANDED_DRAWS_REFRESH", value_name = "PERIOD")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draws_refresh: Option<String>,
    /// Where --draws-refresh fetches from (a URL or a file) [default: IRCC's address]
    #[arg(long, env = "LANDED_DRAWS_URL", value_name = "URL|FILE", hide = true)]
    #[serde(rename = "draws_url", skip_serializing_if = "Option::is_none")]
    pub draws_from: Option<String>,
}

impl ServeArgs {
    /// Resolve the settings: defaults, then the config file, then flags and environment.
    pub fn settings(&self) -> Result<Settings, String> {
        Settings::layered(self.config.as_deref(), self).map_err(|e| e.to_string())
    }
}

fn init_tracing(json: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    let filter: Targets = std::env::var("RUST_LOG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            Targets::new()
                .with_default(LevelFilter::INFO)
                .with_target("sqlx", LevelFilter::WARN)
        });
    let registry = tracing_subscriber::registry().with(filter);
    let result = if json {
        registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_writer(std::io::stderr),
            )
            .try_init()
    } else {
        registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_ansi(std::io::stderr().is_terminal())
                    .with_writer(std::io::stderr),
            )
            .try_init()
    };
    // A second init (tests) is harmless.
    let _ = result;
}

fn runtime() -> Result<tokio::runtime::Runtime, std::io::Error> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

/// `landed serve`: open (create and migrate) the database and serve until Ctrl-C or SIGTERM.
pub fn run_serve(args: ServeArgs) -> ExitCode {
    let settings = match args.settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("landed serve: {e}");
            return ExitCode::from(2);
        }
    };
    let refresh = match settings
        .draws_refresh
        .as_deref()
        .map(crate::draws_store::parse_period)
    {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            eprintln!("landed serve: {e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(settings.log_json);
    let (draws, warning) = crate::draws_store::init(settings.draws_file.as_deref());
    if let Some(w) = warning {
        warn!("{w}");
    }
    info!(data_as_of = %draws.data_as_of, rounds = draws.rounds.len(), "rounds of invitations");
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(e) => {
            error!(error = %e, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let refresher = match (
            refresh,
            crate::draws_store::resolve(settings.draws_file.as_deref()),
        ) {
            (Some(every), Ok(path)) => {
                let origin = settings.draws_url.as_deref().map_or_else(
                    crate::draws_store::Origin::ircc,
                    crate::draws_store::Origin::parse,
                );
                Some(tokio::spawn(crate::draws_store::refresh_task(
                    origin, path, every,
                )))
            }
            (Some(_), Err(e)) => {
                warn!("--draws-refresh: {e}");
                None
            }
            (None, _) => None,
        };
        let code = serve(settings).await;
        if let Some(r) = refresher {
            r.abort();
        }
        code
    })
}

async fn serve(mut settings: Settings) -> ExitCode {
    let db_shown = landed_store::redact_url(&settings.database);
    let store = match Store::connect(&settings.database).await {
        Ok(s) => s,
        Err(e) => {
            error!(database = %db_shown, error = %e, cause = ?std::error::Error::source(&e), "cannot open the database");
            return ExitCode::FAILURE;
        }
    };
    if settings.secret.is_none() {
        warn!(
            "no LANDED_SECRET set: using a random secret; open question forms will need a reload after a restart"
        );
    }
    let listener = match tokio::net::TcpListener::bind(&settings.addr).await {
        Ok(l) => l,
        Err(e) => {
            error!(addr = %settings.addr, error = %e, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| settings.addr.clone());
    // Each connection holds a file descriptor: raise the soft limit to the hard one, and keep
    // the connection cap under it (with room for the database, logs and the listener).
    let files = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let room = usize::try_from(files.saturating_sub(64)).unwrap_or(usize::MAX);
    if settings.max_connections > room {
        warn!(
            requested = settings.max_connections,
            file_limit = files,
            "max_connections lowered to fit the open-file limit"
        );
        settings.max_connections = room.max(1);
    }
    let edge = crate::server::Edge::from_settings(&settings);
    info!(
        max_connections = settings.max_connections,
        max_in_flight = settings.max_in_flight,
        header_timeout_secs = settings.header_timeout_secs,
        idle_timeout_secs = settings.header_timeout_secs,
        body_timeout_secs = settings.body_timeout_secs,
        request_timeout_secs = settings.request_timeout_secs,
        body_limit_bytes = settings.body_limit_bytes,
        max_header_bytes = crate::server::MAX_HEADER_BYTES,
        login_failures_per_account = settings.login_failures_limit,
        login_failures_per_ip = settings.login_ip_failures_limit,
        login_window_mins = crate::routes::staff::FAILURE_WINDOW_MINUTES,
        password_checks_at_once = settings.hash_workers_resolved(),
        password_checks_waiting = settings.hash_queue,
        questions_per_ip_per_hour = settings.questions_per_ip_per_hour,
        questions_per_browser_per_hour = settings.questions_per_browser_per_hour,
        trusted_proxies = %settings.trusted_proxies.join(","),
        replies_by_smtp = settings.smtp_url.is_some(),
        slow_request_ms = settings.slow_request_ms,
        open_file_limit = files,
        "limits in force"
    );
    let state = match AppState::new(store.clone(), settings) {
        Ok(s) => s,
        Err(e) => {
            error!(error = %e, "cannot initialise");
            return ExitCode::FAILURE;
        }
    };
    let housekeeping = tokio::spawn(crate::state::housekeeping(state.clone()));
    let router = crate::app(state);
    info!(addr = %local, database = %db_shown, "landed is listening on http://{local}/");
    crate::server::run(listener, router, edge, shutdown_signal()).await;
    housekeeping.abort();
    store.close().await;
    info!("stopped");
    ExitCode::SUCCESS
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    info!("shutting down: finishing requests in flight");
}

/// `landed admin …`: staff accounts and data retention.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum AdminCommand {
    /// Create a staff account for the inbox. The password is asked on the terminal (not
    /// echoed), or read from the first line of standard input when it is not a terminal.
    CreateUser {
        /// The staff member's email (their login)
        email: String,
        /// Database URL [default: sqlite://landed.db]
        #[arg(long, env = "DATABASE_URL")]
        database: Option<String>,
    },
    /// Delete closed questions (with their notes and history) whose last activity is older
    /// than the retention period.
    Purge {
        /// Retention period, e.g. 365d, 52w or 8760h
        #[arg(long, default_value = "365d")]
        older_than: String,
        /// Database URL [default: sqlite://landed.db]
        #[arg(long, env = "DATABASE_URL")]
        database: Option<String>,
    },
    /// Staff API tokens: `create --email E` (prints the token once), `revoke ID`, `list`.
    Token {
        #[command(subcommand)]
        command: crate::admin_token::TokenCommand,
    },
}

/// Parse a retention period like `365d`, `52w`, `12h` or `30m` into seconds.
pub fn parse_period(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: i64 = num
        .parse()
        .map_err(|_| format!("not a period: {text:?} (use e.g. 365d)"))?;
    let secs = match unit {
        "d" | "" => 86_400,
        "w" => 7 * 86_400,
        "h" => 3600,
        "m" => 60,
        _ => return Err(format!("unknown unit in {text:?} (use d, w, h or m)")),
    };
    n.checked_mul(secs)
        .ok_or_else(|| format!("period too long: {text:?}"))
}

/// Run an admin command; prints what it did. Exit 0 on success, 1 on failure, 2 on bad input.
pub fn run_admin(cmd: AdminCommand) -> ExitCode {
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("landed admin: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cmd {
        AdminCommand::Token { command } => crate::admin_token::run(&rt, command),
        AdminCommand::CreateUser { email, database } => {
            let email = email.trim().to_string();
            if !crate::question::looks_like_email(&email) {
                eprintln!("landed admin create-user: {email:?} is not an email address");
                return ExitCode::from(2);
            }
            let password = match read_password() {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("landed admin create-user: {e}");
                    return ExitCode::from(2);
                }
            };
            if password.chars().count() < 12 {
                eprintln!(
                    "landed admin create-user: the password must have at least 12 characters"
                );
                return ExitCode::from(2);
            }
            let url = database.unwrap_or_else(|| Settings::default().database);
            rt.block_on(async move {
                let store = match Store::connect(&url).await {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!(
                            "landed admin create-user: cannot open {}: {e}",
                            landed_store::redact_url(&url)
                        );
                        return ExitCode::FAILURE;
                    }
                };
                let hash = match tokio::task::spawn_blocking(move || {
                    landed_store::hash_password(&password)
                })
                .await
                {
                    Ok(Ok(h)) => h,
                    _ => {
                        eprintln!("landed admin create-user: password hashing failed");
                        return ExitCode::FAILURE;
                    }
                };
                let code = match store.create_staff_user(&email, &hash).await {
                    Ok(user) => {
                        println!("created staff user {} (id {})", user.email, user.id);
                        ExitCode::SUCCESS
                    }
                    Err(StoreError::Conflict { .. }) => {
                        eprintln!(
                            "landed admin create-user: a staff user with this email already exists"
                        );
                        ExitCode::FAILURE
                    }
                    Err(e) => {
                        eprintln!("landed admin create-user: {e}");
                        ExitCode::FAILURE
                    }
                };
                store.close().await;
                code
            })
        }
        AdminCommand::Purge {
            older_than,
            database,
        } => {
            let secs = match parse_period(&older_than) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("landed admin purge: {e}");
                    return ExitCode::from(2);
                }
            };
            let url = database.unwrap_or_else(|| Settings::default().database);
            rt.block_on(async move {
                let store = match Store::connect(&url).await {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!(
                            "landed admin purge: cannot open {}: {e}",
                            landed_store::redact_url(&url)
                        );
                        return ExitCode::FAILURE;
                    }
                };
                let cutoff = jiff::Timestamp::now()
                    .checked_sub(jiff::SignedDuration::from_secs(secs))
                    .unwrap_or(jiff::Timestamp::MIN);
                let code = match store.purge_closed_older_than(cutoff).await {
                    Ok(n) => {
                        println!(
                            "purged {n} closed question(s) with no activity since {}",
                            cutoff.strftime("%Y-%m-%d %H:%M UTC")
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("landed admin purge: {e}");
                        ExitCode::FAILURE
                    }
                };
                store.close().await;
                code
            })
        }
    }
}

fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password("Password (at least 12 characters): ")
            .map_err(|e| format!("cannot read the password: {e}"))?;
        let second = rpassword::prompt_password("Same password again: ")
            .map_err(|e| format!("cannot read the password: {e}"))?;
        if first != second {
            return Err("the two passwords differ".to_string());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn periods_parse() {
        assert_eq!(parse_period("365d").unwrap(), 365 * 86_400);
        assert_eq!(parse_period("2w").unwrap(), 14 * 86_400);
        assert_eq!(parse_period("12h").unwrap(), 12 * 3600);
        assert!(parse_period("soon").is_err());
        assert!(parse_period("5y").is_err());
    }
}
