//! Form tokens already used on this instance (double-click protection for the question form).
//! The per-IP question limit is the database count in `routes/questions.rs`; the in-memory
//! limiter that used to sit here never refused anything the database did not, and is gone.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
