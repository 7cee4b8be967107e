//! Shared application state: the store, settings, the signing key and the in-memory limiter.

use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;
use landed_store::Store;

use crate::config::Settings;
use crate::ratelimit::{RateLimiter, SeenTokens};

/// Cheap to clone; handed to every handler.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    settings: Settings,
    key: [u8; 32],
    limiter: RateLimiter,
    seen: SeenTokens,
    today: Option<Date>,
}

impl AppState {
    /// Build the state. The signing key is derived from `settings.secret`, or random.
    pub fn new(store: Store, settings: Settings) -> Result<AppState, String> {
        let key = match &settings.secret {
            Some(secret) if !secret.is_empty() => crate::security::derive_key(secret.as_bytes()),
            _ => {
                let mut k = [0u8; 32];
                getrandom::getrandom(&mut k)
                    .map_err(|e| format!("no random source for the secret: {e}"))?;
                k
            }
        };
        Ok(AppState {
            inner: Arc::new(Inner {
                store,
                settings,
                key,
                limiter: RateLimiter::new(),
                seen: SeenTokens::default(),
                today: None,
            }),
        })
    }

    /// Same state but "today" fixed to `date` (tests and demonstrations).
    pub fn with_today(self, date: Date) -> AppState {
        let inner = Inner {
            store: self.inner.store.clone(),
            settings: self.inner.settings.clone(),
            key: self.inner.key,
            limiter: RateLimiter::new(),
            seen: SeenTokens::default(),
            today: Some(date),
        };
        AppState {
            inner: Arc::new(inner),
        }
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    pub fn key(&self) -> &[u8; 32] {
        &self.inner.key
    }

    pub fn limiter(&self) -> &RateLimiter {
        &self.inner.limiter
    }

    pub fn seen_tokens(&self) -> &SeenTokens {
        &self.inner.seen
    }

    /// Today's date (UTC) unless fixed by [`AppState::with_today`].
    pub fn today(&self) -> Date {
        self.inner.today.unwrap_or_else(|| {
            jiff::tz::Offset::UTC
                .to_datetime(jiff::Timestamp::now())
                .date()
        })
    }
}

/// Background housekeeping: drop expired sessions, old login failures and old limiter
/// entries once an hour.
pub async fn housekeeping(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let now = jiff::Timestamp::now();
        if let Err(e) = state.store().delete_expired_sessions(now).await {
            tracing::warn!(error = %e, "housekeeping: expired sessions");
        }
        let day_ago = now
            .checked_sub(jiff::SignedDuration::from_hours(24))
            .unwrap_or(now);
        if let Err(e) = state.store().delete_login_failures_before(day_ago).await {
            tracing::warn!(error = %e, "housekeeping: login failures");
        }
        state.limiter().prune();
    }
}
