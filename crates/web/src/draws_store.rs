//! The rounds of invitations in use: the copy embedded in the binary, or a
//! newer local copy that `landed draws update` (or `landed serve
//! --draws-refresh`) fetched from IRCC and validated.
//!
//! - Location: `--draws-file` / `LANDED_DRAWS_FILE`, else
//!   `$XDG_DATA_HOME/landed/ee_rounds_123_en.json`, else
//!   `~/.local/share/landed/ee_rounds_123_en.json`.
//! - "The newest valid copy": the one with the later `data_as_of` between the
//!   embedded copy and a local copy that parses (an invalid local copy is
//!   ignored, with a warning).
//! - An update validates the whole file first (every round parses, numbering
//!   has no gaps, no round of the copy in use disappears, not older), then
//!   writes a temporary file in the same directory, syncs it and renames it
//!   over the old one: a bad or partial download never replaces the copy in use.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, RwLock};
use std::time::Duration;

use jiff::civil::Date;
use landed_rules::draws::{Draws, DrawsError, IRCC_URL};

/// The local copy's file name.
pub const FILE_NAME: &str = "ee_rounds_123_en.json";

/// The largest file accepted (the feed is about 0.5 MiB).
pub const MAX_BYTES: u64 = 16 << 20;

/// What went wrong reading or updating the local copy.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no place for the local copy: give --draws-file or LANDED_DRAWS_FILE (neither XDG_DATA_HOME nor HOME is set)"
    )]
    NoLocation,
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot download {url}: {message}")]
    Fetch { url: String, message: String },
    #[error("the file is larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("the file is not UTF-8 text")]
    NotText,
    /// The new file failed validation: the copy in use is kept.
    #[error("rejected, the copy in use is kept: {0}")]
    Invalid(#[from] DrawsError),
}

/// Where the local copy lives: `explicit` (flag or environment), else the
/// XDG data directory.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(d) = non_empty("XDG_DATA_HOME") {
        return Ok(PathBuf::from(d).join("landed").join(FILE_NAME));
    }
    if let Some(h) = non_empty("HOME") {
        return Ok(PathBuf::from(h).join(".local/share/landed").join(FILE_NAME));
    }
    Err(StoreError::NoLocation)
}

/// The local copy, parsed and validated; `None` when there is none.
pub fn load_local(path: &Path) -> Result<Option<Draws>, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotText)?;
    Ok(Some(Draws::parse(text)?))
}

/// The newer of the embedded copy and `local`.
pub fn newest(local: Option<Draws>) -> Arc<Draws> {
    let embedded = Draws::embedded();
    match local {
        Some(l)
            if l.data_as_of > embedded.data_as_of
                || (l.data_as_of == embedded.data_as_of
                    && l.rounds.len() > embedded.rounds.len()) =>
        {
            Arc::new(l)
        }
        _ => Arc::clone(embedded),
    }
}

static CURRENT: LazyLock<RwLock<Arc<Draws>>> =
    LazyLock::new(|| RwLock::new(Arc::clone(Draws::embedded())));

/// The rounds in use in this process.
pub fn current() -> Arc<Draws> {
    match CURRENT.read() {
        Ok(g) => Arc::clone(&g),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// Put `draws` in use in this process.
pub fn install(draws: Arc<Draws>) {
    match CURRENT.write() {
        Ok(mut g) => *g = draws,
        Err(poisoned) => *poisoned.into_inner() = draws,
    }
}

/// Recompute `a.outlook` with the rounds in use when they are not the
/// embedded ones (`assess` used those); `nominated`: the profile's
/// `provincial_nomination`.
pub fn apply(a: &mut landed_rules::assess::Assessment, nominated: bool) {
    let d = current();
    if !Arc::ptr_eq(&d, Draws::embedded()) && !d.rounds.is_empty() {
        a.outlook = Some(landed_rules::draws::outlook::for_assessment(
            a, nominated, &d,
        ));
    }
}

/// Load the newest valid copy (embedded or the local one at `explicit` or
/// the default place) and put it in use. Returns it, and a warning when a
/// local copy exists but cannot be used.
pub fn init(explicit: Option<&Path>) -> (Arc<Draws>, Option<String>) {
    let (local, warning) = match resolve(explicit) {
        Ok(path) => match load_local(&path) {
            Ok(l) => (l, None),
            Err(e) => (
                None,
                Some(format!(
                    "the local rounds copy {} is not used: {e}",
                    path.display()
                )),
            ),
        },
        Err(_) => (None, None),
    };
    let d = newest(local);
    install(Arc::clone(&d));
    (d, warning)
}

/// Where an update comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Url(String),
    File(PathBuf),
}

impl Origin {
    /// `http://…` or `https://…` is a URL; anything else a file.
    pub fn parse(s: &str) -> Origin {
        if s.starts_with("https://") || s.starts_with("http://") {
            Origin::Url(s.to_string())
        } else {
            Origin::File(PathBuf::from(s))
        }
    }

    /// IRCC's address.
    pub fn ircc() -> Origin {
        Origin::Url(IRCC_URL.to_string())
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Url(u) => f.write_str(u),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// The bytes at `origin` (at most [`MAX_BYTES`]).
pub fn fetch(origin: &Origin) -> Result<Vec<u8>, StoreError> {
    match origin {
        Origin::File(path) => {
            let read_err = |source| StoreError::Read {
                path: path.clone(),
                source,
            };
            let len = std::fs::metadata(path).map_err(read_err)?.len();
            if len > MAX_BYTES {
                return Err(StoreError::TooLarge);
            }
            std::fs::read(path).map_err(read_err)
        }
        Origin::Url(url) => {
            let fetch_err = |e: ureq::Error| match e {
                ureq::Error::BodyExceedsLimit(_) => StoreError::TooLarge,
                other => StoreError::Fetch {
                    url: url.clone(),
                    message: other.to_string(),
                },
            };
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(60)))
                .user_agent(concat!("landed/", env!("CARGO_PKG_VERSION")))
                .build()
                .into();
            let mut resp = agent.get(url).call().map_err(fetch_err)?;
            resp.body_mut()
                .with_config()
                .limit(MAX_BYTES)
                .read_to_vec()
                .map_err(fetch_err)
        }
    }
}

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Updated {
    pub path: PathBuf,
    /// `data_as_of` of the copy in use before.
    pub previous: Date,
    pub data_as_of: Date,
    pub rounds: usize,
    /// Rounds not in the copy in use before.
    pub added: usize,
    /// Whether the local file was written (false: nothing new).
    pub written: bool,
}

/// Fetch, validate, and atomically replace the local copy at `path`; put the
/// new rounds in use in this process.
pub fn update(origin: &Origin, path: &Path) -> Result<Updated, StoreError> {
    let bytes = fetch(origin)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotText)?;
    let new = Draws::parse(text)?;
    // The copy in use: the newest valid one (an unreadable local copy does not count).
    let in_use = newest(load_local(path).ok().flatten());
    in_use.check_successor(&new)?;
    let added = new.rounds.len().saturating_sub(in_use.rounds.len());
    let previous = in_use.data_as_of;
    let written = new.rounds != in_use.rounds || !path.exists();
    if written {
        write_atomic(path, &bytes)?;
    }
    let updated = Updated {
        path: path.to_path_buf(),
        previous,
        data_as_of: new.data_as_of,
        rounds: new.rounds.len(),
        added,
        written,
    };
    install(newest(Some(new)));
    Ok(updated)
}

/// Write `bytes` to `path` through a synced temporary file in the same
/// directory and a rename: readers see the old file or the new one, never part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let werr = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(werr)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".ee_rounds.")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(werr)?;
    tmp.write_all(bytes).map_err(werr)?;
    tmp.as_file().sync_all().map_err(werr)?;
    tmp.persist(path).map_err(|e| werr(e.error))?;
    // Make the rename itself durable (best effort: not every platform can open a directory).
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `24h`, `30m`, `3600s`, `1d` … → a period (at least one minute).
pub fn parse_period(s: &str) -> Result<Duration, String> {
    let d: jiff::SignedDuration = s
        .trim()
        .parse()
        .or_else(|_| {
            s.trim()
                .parse::<jiff::Span>()
                .map_err(|e| e.to_string())
                .and_then(|span| {
                    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
                        .map_err(|e| e.to_string())
                })
        })
        .map_err(|e| format!("--draws-refresh: `{s}` is not a period such as 24h or 30m ({e})"))?;
    let d =
        Duration::try_from(d).map_err(|_| format!("--draws-refresh: `{s}` must be positive"))?;
    if d < Duration::from_secs(60) {
        return Err(format!("--draws-refresh: `{s}` is under a minute"));
    }
    Ok(d)
}

/// `landed serve --draws-refresh`: update from `origin` every `every`; a
/// failure is logged and the copy in use stays.
pub async fn refresh_task(origin: Origin, path: PathBuf, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await; // the first tick is immediate: the copy loaded at start is in use
    loop {
        tick.tick().await;
        let (o, p) = (origin.clone(), path.clone());
        match tokio::task::spawn_blocking(move || update(&o, &p)).await {
            Ok(Ok(u)) => tracing::info!(
                data_as_of = %u.data_as_of,
                rounds = u.rounds,
                added = u.added,
                written = u.written,
                "draws refreshed"
            ),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "draws refresh failed; the copy in use is kept")
            }
            Err(e) => tracing::warn!(error = %e, "draws refresh task failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(parse_period("24h").unwrap(), Duration::from_secs(86_400));
        assert_eq!(parse_period("30m").unwrap(), Duration::from_secs(1_800));
        assert_eq!(parse_period("1d").unwrap(), Duration::from_secs(86_400));
        assert!(parse_period("5s").is_err());
        assert!(
            parse_period("soon")
                .unwrap_err()
                .contains("--draws-refresh")
        );
    }

    #[test]
    fn origins() {
        assert_eq!(
            Origin::parse("https://x.test/a.json"),
            Origin::Url("https://x.test/a.json".into())
        );
        assert_eq!(Origin::parse("a.json"), Origin::File("a.json".into()));
    }
}
