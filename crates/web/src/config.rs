//! Server settings: defaults, then an optional TOML file, then the environment and flags
//! (the later source wins).

use std::path::Path;

use serde::Deserialize;

/// Everything the server needs to run. Build it with [`Settings::default`] and adjust, or
/// let [`crate::cli::ServeArgs`] resolve it from flags, environment and a config file.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Address to listen on.
    pub addr: String,
    /// `sqlite://PATH`, `sqlite::memory:` or `postgres://…`.
    pub database: String,
    /// Mark the session cookie `Secure` (always do so behind HTTPS).
    pub secure_cookies: bool,
    /// Secret for signing form tokens and hashing IP addresses. When absent a random one is
    /// made at start (fine for one instance; set it when several instances share a database).
    pub secret: Option<String>,
    /// A question form sent sooner than this after it was shown is refused (bots).
    pub min_fill_secs: i64,
    /// A question form older than this must be reloaded.
    pub max_form_age_secs: i64,
    /// Questions accepted per IP address per hour.
    pub questions_per_ip_per_hour: u32,
    /// Failed staff logins per email (and per IP) in 15 minutes before logins are refused.
    pub login_failures_limit: u32,
    /// Staff session lifetime (sliding), in minutes.
    pub session_minutes: i64,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
    /// Log as JSON lines instead of text.
    pub log_json: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: "127.0.0.1:8080".to_string(),
            database: "sqlite://landed.db".to_string(),
            secure_cookies: false,
            secret: None,
            min_fill_secs: 3,
            max_form_age_secs: 24 * 3600,
            questions_per_ip_per_hour: 5,
            login_failures_limit: 5,
            session_minutes: 8 * 60,
            body_limit_bytes: 256 * 1024,
            log_json: false,
        }
    }
}

/// The config file's shape: every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub addr: Option<String>,
    pub database: Option<String>,
    pub secure_cookies: Option<bool>,
    pub secret: Option<String>,
    pub min_fill_secs: Option<i64>,
    pub max_form_age_secs: Option<i64>,
    pub questions_per_ip_per_hour: Option<u32>,
    pub login_failures_limit: Option<u32>,
    pub session_minutes: Option<i64>,
    pub body_limit_bytes: Option<usize>,
    pub log_json: Option<bool>,
}

impl FileSettings {
    /// Read and parse a TOML config file; the error says which file and what was wrong.
    pub fn load(path: &Path) -> Result<FileSettings, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config file {}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("config file {}: {e}", path.display()))
    }

    /// Apply the file's values over `s`.
    pub fn apply(self, s: &mut Settings) {
        if let Some(v) = self.addr {
            s.addr = v;
        }
        if let Some(v) = self.database {
            s.database = v;
        }
        if let Some(v) = self.secure_cookies {
            s.secure_cookies = v;
        }
        if let Some(v) = self.secret {
            s.secret = Some(v);
        }
        if let Some(v) = self.min_fill_secs {
            s.min_fill_secs = v;
        }
        if let Some(v) = self.max_form_age_secs {
            s.max_form_age_secs = v;
        }
        if let Some(v) = self.questions_per_ip_per_hour {
            s.questions_per_ip_per_hour = v;
        }
        if let Some(v) = self.login_failures_limit {
            s.login_failures_limit = v;
        }
        if let Some(v) = self.session_minutes {
            s.session_minutes = v;
        }
        if let Some(v) = self.body_limit_bytes {
            s.body_limit_bytes = v;
        }
        if let Some(v) = self.log_json {
            s.log_json = v;
        }
    }
}
