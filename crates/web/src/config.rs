//! Server settings, layered with figment: the defaults, then an optional TOML file
//! (`--config`), then the environment and flags (the later source wins). Every key has a flag,
//! an environment variable and a file entry; the flag and variable names are in
//! [`crate::cli::ServeArgs`] and the README.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Everything the server needs to run. Build it with [`Settings::default`] and adjust, or
/// let [`crate::cli::ServeArgs`] resolve it from flags, environment and a config file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on.
    pub addr: String,
    /// `sqlite://PATH`, `sqlite::memory:` or `postgres://…`.
    pub database: String,
    /// Mark the session cookie `Secure` (always do so behind HTTPS); also sends HSTS.
    pub secure_cookies: bool,
    /// Secret for signing form tokens and hashing IP addresses. When absent a random one is
    /// made at start (fine for one instance; set it when several instances share a database).
    pub secret: Option<String>,
    /// The address people use (`https://landed.example.org`): share links and the Origin
    /// check use it, never the request's `Host` header.
    pub public_url: Option<String>,
    /// A question form sent sooner than this after it was shown is refused (bots).
    pub min_fill_secs: i64,
    /// A question form older than this must be reloaded.
    pub max_form_age_secs: i64,
    /// Questions accepted per IP address per hour (high: a campus or office shares one
    /// address; each browser is limited by `questions_per_browser_per_hour`).
    pub questions_per_ip_per_hour: u32,
    /// Questions accepted per browser (its `landed_browser` cookie) per hour; posts without
    /// the cookie (and API calls) share one such count per IP address.
    pub questions_per_browser_per_hour: u32,
    /// Reverse proxies (addresses or networks, `10.0.0.0/8`) whose `X-Forwarded-For` names
    /// the client for the per-IP limits; empty: the connection's address, header ignored.
    pub trusted_proxies: Vec<String>,
    /// The SMTP server replies are sent through, as lettre reads it:
    /// `smtps://user:pass@host[:465]` (TLS), `smtp://user:pass@host[:587]?tls=required`
    /// (STARTTLS), `smtp://host:25` (unencrypted: a relay on the same machine only). When
    /// absent, staff copy each reply into their own mail client.
    pub smtp_url: Option<String>,
    /// The `From:` address of replies (`Name <address>` or `address`); needed with `smtp_url`.
    pub mail_from: Option<String>,
    /// Failed staff logins per account in 15 minutes before that account's logins are refused.
    pub login_failures_limit: u32,
    /// Failed staff logins per IP address in 15 minutes before that address is refused.
    pub login_ip_failures_limit: u32,
    /// Password checks (argon2, ~19 MiB each) run at once; 0 = one per core.
    pub hash_workers: usize,
    /// Logins that may wait for a password check; more get 429 with `Retry-After`.
    pub hash_queue: usize,
    /// Staff session lifetime (sliding), in minutes.
    pub session_minutes: i64,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
    /// Open connections at most; more are closed at once (lowered to fit the file limit).
    pub max_connections: usize,
    /// Requests handled at once at most; more get 503 at once.
    pub max_in_flight: usize,
    /// Seconds to receive a request's headers, and the idle time allowed between requests
    /// on a kept-alive connection.
    pub header_timeout_secs: u64,
    /// Seconds to receive a request's whole body.
    pub body_timeout_secs: u64,
    /// Seconds to answer a request, body included.
    pub request_timeout_secs: u64,
    /// Requests slower than this (milliseconds) are logged at info level.
    pub slow_request_ms: u64,
    /// Log as JSON lines instead of text.
    pub log_json: bool,
    /// Local copy of IRCC's rounds of invitations (default under `$XDG_DATA_HOME`).
    pub draws_file: Option<PathBuf>,
    /// Update the rounds from IRCC this often (`24h`); off when absent.
    pub draws_refresh: Option<String>,
    /// Where the refresh fetches from (a URL or a file); IRCC's address when absent.
    pub draws_url: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: "127.0.0.1:8080".to_string(),
            database: "sqlite://landed.db".to_string(),
            secure_cookies: false,
            secret: None,
            public_url: None,
            min_fill_secs: 3,
            max_form_age_secs: 24 * 3600,
            questions_per_ip_per_hour: 30,
            questions_per_browser_per_hour: 5,
            trusted_proxies: Vec::new(),
            smtp_url: None,
            mail_from: None,
            login_failures_limit: 5,
            login_ip_failures_limit: 5,
            hash_workers: 0,
            hash_queue: 16,
            session_minutes: 8 * 60,
            body_limit_bytes: 256 * 1024,
            max_connections: 10_000,
            max_in_flight: 512,
            header_timeout_secs: 10,
            body_timeout_secs: 15,
            request_timeout_secs: 30,
            slow_request_ms: 1000,
            log_json: false,
            draws_file: None,
            draws_refresh: None,
            draws_url: None,
        }
    }
}

/// A setting that cannot be used, named by its key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Parse(String),
    #[error("{key}: {message}")]
    Invalid { key: &'static str, message: String },
}

impl Settings {
    /// Layer the settings: defaults, then the TOML file at `file` (if any), then `overrides`
    /// (flags and environment, as a serializable value whose absent keys are skipped).
    pub fn layered<T: Serialize>(
        file: Option<&Path>,
        overrides: &T,
    ) -> Result<Settings, ConfigError> {
        let mut fig = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(path) = file {
            // figment ignores a missing file; a config file named on the command line must exist.
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.display().to_string(),
                source,
            })?;
            fig = fig.merge(Toml::string(&text));
        }
        let settings: Settings = fig
            .merge(Serialized::defaults(overrides))
            .extract()
            .map_err(|e| match file {
                Some(p) if e.metadata.as_ref().is_some_and(|m| m.name.contains("TOML")) => {
                    ConfigError::Parse(format!("config file {}: {e}", p.display()))
                }
                _ => ConfigError::Parse(e.to_string()),
            })?;
        settings.validate()
    }

    /// Check values that parse but cannot work, and normalise the public URL.
    pub fn validate(mut self) -> Result<Settings, ConfigError> {
        let bad = |key: &'static str, message: &str| ConfigError::Invalid {
            key,
            message: message.to_string(),
        };
        if let Some(url) = self.public_url.take() {
            let url = url.trim().trim_end_matches('/').to_string();
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"));
            match rest {
                Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => {}
                _ => {
                    return Err(bad(
                        "public_url",
                        "must be http(s)://host[:port] with no path, e.g. https://landed.example.org",
                    ));
                }
            }
            self.public_url = Some(url);
        }
        for (key, value) in [
            ("max_connections", self.max_connections),
            ("max_in_flight", self.max_in_flight),
            ("body_limit_bytes", self.body_limit_bytes),
        ] {
            if value == 0 {
                return Err(bad(key, "must be at least 1"));
            }
        }
        for (key, value) in [
            ("header_timeout_secs", self.header_timeout_secs),
            ("body_timeout_secs", self.body_timeout_secs),
            ("request_timeout_secs", self.request_timeout_secs),
        ] {
            if value == 0 {
                return Err(bad(key, "must be at least 1 second"));
            }
        }
        if self.questions_per_ip_per_hour == 0 || self.questions_per_browser_per_hour == 0 {
            return Err(bad(
                "questions_per_browser_per_hour",
                "the question limits must be at least 1",
            ));
        }
        // Blank entries (an empty variable, a trailing comma) name no proxy.
        self.trusted_proxies = self
            .trusted_proxies
            .iter()
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect();
        if let Err(e) = crate::client_ip::TrustedProxies::parse(&self.trusted_proxies) {
            return Err(bad("trusted_proxies", &e.to_string()));
        }
        self.smtp_url = self.smtp_url.take().filter(|u| !u.trim().is_empty());
        self.mail_from = self.mail_from.take().filter(|u| !u.trim().is_empty());
        if let Some(url) = &self.smtp_url {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                return Err(bad(
                    "smtp_url",
                    "must start with smtp:// or smtps://, e.g. smtps://user:password@mail.example.org",
                ));
            }
            if self.mail_from.is_none() {
                return Err(bad(
                    "mail_from",
                    "is needed with smtp_url: the From address of replies, e.g. answers@example.org",
                ));
            }
        }
        if self.login_failures_limit == 0 || self.login_ip_failures_limit == 0 {
            return Err(bad(
                "login_failures_limit",
                "the login limits must be at least 1",
            ));
        }
        Ok(self)
    }

    /// The public base address for links: `public_url`, else `http://` and the listening
    /// address (right for a local run; set `public_url` behind a proxy).
    pub fn public_base(&self) -> String {
        match &self.public_url {
            Some(url) => url.clone(),
            None => format!("http://{}", self.addr),
        }
    }

    /// Password checks at once: `hash_workers`, or one per core.
    pub fn hash_workers_resolved(&self) -> usize {
        if self.hash_workers > 0 {
            self.hash_workers
        } else {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[derive(Serialize, Default)]
    struct Over {
        #[serde(skip_serializing_if = "Option::is_none")]
        addr: Option<String>,
    }

    #[test]
    fn file_then_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("landed.toml");
        std::fs::write(
            &path,
            "addr = \"0.0.0.0:9\"\nmax_connections = 7\npublic_url = \"https://x.example/\"\n",
        )
        .unwrap();
        let s = Settings::layered(Some(&path), &Over::default()).unwrap();
        assert_eq!(s.addr, "0.0.0.0:9");
        assert_eq!(s.max_connections, 7);
        assert_eq!(s.public_url.as_deref(), Some("https://x.example"));
        let o = Over {
            addr: Some("127.0.0.1:1".into()),
        };
        let s = Settings::layered(Some(&path), &o).unwrap();
        assert_eq!(s.addr, "127.0.0.1:1");
        assert_eq!(s.max_connections, 7, "the file still applies");
    }

    #[test]
    fn bad_files_and_values_name_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("landed.toml");
        std::fs::write(&path, "max_conections = 7\n").unwrap();
        let e = Settings::layered(Some(&path), &Over::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("max_conections"), "{e}");
        std::fs::write(&path, "public_url = \"landed.example\"\n").unwrap();
        let e = Settings::layered(Some(&path), &Over::default())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("public_url:"), "{e}");
        std::fs::write(&path, "trusted_proxies = [\"10.0.0.0/8\", \"proxy.lan\"]\n").unwrap();
        let e = Settings::layered(Some(&path), &Over::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("trusted_proxies:") && e.contains("proxy.lan"),
            "{e}"
        );
        std::fs::write(
            &path,
            "trusted_proxies = [\"10.0.0.0/8\", \" ::1\", \"\"]\n",
        )
        .unwrap();
        let s = Settings::layered(Some(&path), &Over::default()).unwrap();
        assert_eq!(s.trusted_proxies, ["10.0.0.0/8", "::1"]);
        let missing = dir.path().join("nope.toml");
        assert!(Settings::layered(Some(&missing), &Over::default()).is_err());
    }
}
