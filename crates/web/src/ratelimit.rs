//! A small in-memory sliding-window limiter keyed by string (an IP hash, an email…).
//! Per instance only; the store's counters make limits hold across instances.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct RateLimiter {
    hits: Mutex<HashMap<String, Vec<Instant>>>,
}

impl RateLimiter {
    pub fn new() -> RateLimiter {
        RateLimiter::default()
    }

    /// Count how many hits `key` has inside `window` (without recording one).
    pub fn count(&self, key: &str, window: Duration) -> usize {
        let now = Instant::now();
        let Ok(map) = self.hits.lock() else {
            return 0;
        };
        map.get(key)
            .map(|v| {
                v.iter()
                    .filter(|t| now.duration_since(**t) < window)
                    .count()
            })
            .unwrap_or(0)
    }

    /// Record a hit for `key`.
    pub fn hit(&self, key: &str) {
        if let Ok(mut map) = self.hits.lock() {
            map.entry(key.to_string()).or_default().push(Instant::now());
        }
    }

    /// Forget hits older than a day.
    pub fn prune(&self) {
        let now = Instant::now();
        let day = Duration::from_secs(86_400);
        if let Ok(mut map) = self.hits.lock() {
            map.retain(|_, v| {
                v.retain(|t| now.duration_since(*t) < day);
                !v.is_empty()
            });
        }
    }
}

/// Form tokens already used, with the reference they produced: a double click or a resend
/// of the same form shows the same confirmation instead of storing the question twice.
#[derive(Default)]
pub struct SeenTokens {
    seen: Mutex<HashMap<String, (String, Instant)>>,
}

impl SeenTokens {
    pub fn get(&self, token: &str) -> Option<String> {
        self.seen
            .lock()
            .ok()
            .and_then(|m| m.get(token).map(|(r, _)| r.clone()))
    }

    pub fn insert(&self, token: &str, reference: &str) {
        if let Ok(mut m) = self.seen.lock() {
            let now = Instant::now();
            m.retain(|_, (_, t)| now.duration_since(*t) < Duration::from_secs(86_400));
            m.insert(token.to_string(), (reference.to_string(), now));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_hits_in_window() {
        let l = RateLimiter::new();
        assert_eq!(l.count("a", Duration::from_secs(60)), 0);
        l.hit("a");
        l.hit("a");
        l.hit("b");
        assert_eq!(l.count("a", Duration::from_secs(60)), 2);
        assert_eq!(l.count("a", Duration::from_nanos(0)), 0);
        l.prune();
        assert_eq!(l.count("b", Duration::from_secs(60)), 1);
    }
}
