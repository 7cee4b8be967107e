//! `landed serve` and `landed admin …`, called by the CLI crate.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use landed_store::{Store, StoreError};
use tracing::{error, info, warn};

use crate::config::{FileSettings, Settings};
use crate::state::AppState;

/// Arguments of `landed serve`. Each setting can also come from the environment or from a
/// TOML config file (`--config`); flags and environment win over the file.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "LANDED_ADDR")]
    pub addr: Option<String>,
    /// Database URL: sqlite://PATH or postgres://… [default: sqlite://landed.db]
    #[arg(long, env = "DATABASE_URL")]
    pub database: Option<String>,
    /// TOML file with settings (keys: addr, database, secure_cookies, secret, min_fill_secs,
    /// max_form_age_secs, questions_per_ip_per_hour, login_failures_limit, session_minutes,
    /// body_limit_bytes, log_json)
    #[arg(long, env = "LANDED_CONFIG")]
    pub config: Option<PathBuf>,
    /// Mark the session cookie Secure (set this when served over HTTPS) [default: false]
    #[arg(long, env = "LANDED_SECURE_COOKIES", num_args = 0..=1, default_missing_value = "true")]
    pub secure_cookies: Option<bool>,
    /// Secret for signing form tokens (set the same one on every instance) [default: random at start]
    #[arg(long, env = "LANDED_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
    /// Log as JSON lines [default: false]
    #[arg(long, env = "LANDED_LOG_JSON", num_args = 0..=1, default_missing_value = "true")]
    pub log_json: Option<bool>,
    /// Local copy of IRCC's rounds of invitations [default: $XDG_DATA_HOME/landed/ee_rounds_123_en.json]
    #[arg(long, env = "LANDED_DRAWS_FILE", value_name = "FILE")]
    pub draws_file: Option<PathBuf>,
    /// Update the rounds from IRCC this often (e.g. 24h); a failed update keeps the copy in use
    #[arg(long, env = "LANDED_DRAWS_REFRESH", value_name = "PERIOD")]
    pub draws_refresh: Option<String>,
    /// Where --draws-refresh fetches from (a URL or a file) [default: IRCC's address]
    #[arg(long, env = "LANDED_DRAWS_URL", value_name = "URL|FILE", hide = true)]
    pub draws_from: Option<String>,
}

impl ServeArgs {
    /// Resolve the settings: defaults, then the config file, then flags and environment.
    pub fn settings(&self) -> Result<Settings, String> {
        let mut s = Settings::default();
        if let Some(path) = &self.config {
            FileSettings::load(path)?.apply(&mut s);
        }
        if let Some(v) = &self.addr {
            s.addr = v.clone();
        }
        if let Some(v) = &self.database {
            s.database = v.clone();
        }
        if let Some(v) = self.secure_cookies {
            s.secure_cookies = v;
        }
        if let Some(v) = &self.secret {
            s.secret = Some(v.clone());
        }
        if let Some(v) = self.log_json {
            s.log_json = v;
        }
        Ok(s)
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
    let refresh = match args
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
    let (draws, warning) = crate::draws_store::init(args.draws_file.as_deref());
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
            crate::draws_store::resolve(args.draws_file.as_deref()),
        ) {
            (Some(every), Ok(path)) => {
                let origin = args.draws_from.as_deref().map_or_else(
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

async fn serve(settings: Settings) -> ExitCode {
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
    let served = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    housekeeping.abort();
    store.close().await;
    match served {
        Ok(()) => {
            info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            error!(error = %e, "server error");
            ExitCode::FAILURE
        }
    }
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
            if !crate::routes::questions::looks_like_email(&email) {
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
