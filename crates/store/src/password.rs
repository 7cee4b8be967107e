//! Password hashing with argon2id (PHC strings). Synchronous and deliberately slow: call these
//! from `tokio::task::spawn_blocking`.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::{StoreError, util};

/// argon2id v19 with the crate's default parameters (m = 19 MiB, t = 2, p = 1), which match the
/// OWASP recommendation. Named explicitly so a dependency upgrade cannot change them silently.
fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// Hash a password into an argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a
/// fresh 16-byte random salt.
pub fn hash_password(plain: &str) -> Result<String, StoreError> {
    let salt_bytes = util::random_bytes::<16>()?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|_| StoreError::PasswordHash)?;
    argon2()
        .hash_password(plain.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| StoreError::PasswordHash)
}

/// `true` if `plain` matches the PHC string `phc`. A malformed `phc` gives `false`. The hash's
/// own parameters are used, so older hashes keep working if the defaults change.
pub fn verify_password(plain: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2().verify_password(plain.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A fixed hash of a random password, computed once, used by [`dummy_verify`].
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    // A fixed salt is fine here: this hash protects nothing, it only costs the same time.
    let salt = SaltString::encode_b64(b"landed-dummy-salt").ok();
    salt.and_then(|salt| {
        argon2()
            .hash_password(b"landed: no such user", &salt)
            .ok()
            .map(|h| h.to_string())
    })
    .unwrap_or_default()
});

/// Do the same work as [`verify_password`] for a login whose email matches no staff user, so
/// response time does not reveal which emails have accounts. Always returns `false`.
pub fn dummy_verify(plain: &str) -> bool {
    let _ = verify_password(plain, &DUMMY_HASH);
    false
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn hash_and_verify() {
        let h = hash_password("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("correct horse battery staple", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a phc string"));
        // Two hashes of the same password differ (random salt).
        assert_ne!(h, hash_password("correct horse battery staple").unwrap());
    }

    #[test]
    fn dummy_is_false_and_real_work() {
        assert!(DUMMY_HASH.starts_with("$argon2id$"));
        assert!(!dummy_verify("anything"));
    }
}
