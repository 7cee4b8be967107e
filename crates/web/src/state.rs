//! Shared application state: the store, settings, the signing key and the password-check pool.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use jiff::civil::Date;
use landed_store::Store;
use tokio::sync::Semaphore;

use crate::client_ip::TrustedProxies;
use crate::config::Settings;

/// Cheap to clone; handed to every handler.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    settings: Settings,
    key: [u8; 32],
    hash_pool: HashPool,
    today: Option<Date>,
    /// Staff replies by e-mail, when `smtp_url` is set.
    mailer: Option<crate::mail::Mailer>,
    /// `trusted_proxies`, parsed once.
    trusted_proxies: TrustedProxies,
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
        let hash_pool = HashPool::new(settings.hash_workers_resolved(), settings.hash_queue);
        let mailer = crate::mail::Mailer::from_settings(&settings).map_err(|e| e.to_string())?;
        let trusted_proxies = TrustedProxies::parse(&settings.trusted_proxies)
            .map_err(|e| format!("trusted_proxies: {e}"))?;
        Ok(AppState {
            inner: Arc::new(Inner {
                store,
                settings,
                key,
                hash_pool,
                today: None,
                mailer,
                trusted_proxies,
            }),
        })
    }

    /// The SMTP mailer for staff replies, when `smtp_url` is configured.
    pub fn mailer(&self) -> Option<&crate::mail::Mailer> {
        self.inner.mailer.as_ref()
    }

    /// Same state but "today" fixed to `date` (tests and demonstrations).
    pub fn with_today(self, date: Date) -> AppState {
        let settings = self.inner.settings.clone();
        let inner = Inner {
            store: self.inner.store.clone(),
            hash_pool: HashPool::new(settings.hash_workers_resolved(), settings.hash_queue),
            settings,
            key: self.inner.key,
            today: Some(date),
            mailer: self.inner.mailer.clone(),
            trusted_proxies: self.inner.trusted_proxies.clone(),
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

    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub fn trusted_proxies(&self) -> &TrustedProxies {
        &self.inner.trusted_proxies
    }

    pub fn key(&self) -> &[u8; 32] {
        &self.inner.key
    }

    /// The bounded pool password checks run on.
    pub fn hash_pool(&self) -> &HashPool {
        &self.inner.hash_pool
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

/// Password checks (argon2id, ~19 MiB and tens of milliseconds each) run at most `workers`
/// at a time, with at most `queue` more waiting; a login beyond that is refused at once
/// (429) instead of growing memory. Admission is in memory and cheap, so it comes before
/// the database count.
pub struct HashPool {
    permits: Semaphore,
    admitted: AtomicUsize,
    capacity: usize,
    workers: usize,
}

/// A place in the [`HashPool`]: running or waiting. Dropping it frees the place.
pub struct HashTicket<'a> {
    pool: &'a HashPool,
}

impl HashPool {
    pub fn new(workers: usize, queue: usize) -> HashPool {
        let workers = workers.max(1);
        HashPool {
            permits: Semaphore::new(workers),
            admitted: AtomicUsize::new(0),
            capacity: workers.saturating_add(queue),
            workers,
        }
    }

    /// Checks run at once.
    pub fn workers(&self) -> usize {
        self.workers
    }

    /// Checks running or waiting at most.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// A place in the pool, or `None` when it is full.
    pub fn enter(&self) -> Option<HashTicket<'_>> {
        let mut current = self.admitted.load(Ordering::Relaxed);
        loop {
            if current >= self.capacity {
                return None;
            }
            match self.admitted.compare_exchange_weak(
                current,
                current + 1,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Some(HashTicket { pool: self }),
                Err(now) => current = now,
            }
        }
    }
}

impl HashTicket<'_> {
    /// Run `work` (blocking) once a worker is free. `None` if the work panicked or the
    /// pool is closed.
    pub async fn run<T, F>(self, work: F) -> Option<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self.pool.permits.acquire().await.ok()?;
        tokio::task::spawn_blocking(work).await.ok()
    }
}

impl Drop for HashTicket<'_> {
    fn drop(&mut self) {
        self.pool.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Background housekeeping: drop expired sessions and old login failures once an hour.
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
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_pool_admits_workers_plus_queue() {
        let pool = HashPool::new(2, 3);
        let tickets: Vec<_> = (0..5).map(|_| pool.enter().unwrap()).collect();
        assert!(pool.enter().is_none(), "full");
        drop(tickets);
        assert!(pool.enter().is_some(), "places come back");
    }

    #[tokio::test]
    async fn work_runs_at_most_workers_at_once() {
        let pool = Arc::new(HashPool::new(2, 100));
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..12 {
            let (pool, running, peak) = (pool.clone(), running.clone(), peak.clone());
            tasks.push(tokio::spawn(async move {
                let ticket = pool.enter().unwrap();
                ticket
                    .run(move || {
                        let n = running.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(n, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
                    .unwrap();
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert!(peak.load(Ordering::SeqCst) <= 2);
    }
}
