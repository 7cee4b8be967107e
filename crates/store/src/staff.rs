//! Staff accounts, their sessions, and login rate limiting: failures counted per key, and
//! [`Store::begin_login_attempt`], which checks and counts an attempt in one transaction.

use jiff::Timestamp;

use crate::connect::detached;
use crate::error::{Result, StoreError, check_text, is_foreign_key_violation, is_unique_violation};
#[cfg(doc)]
use crate::hash_password;
use crate::models::{LoginAttempt, Session, StaffUser, limits};
use crate::rows::{self, count};
use crate::{Pool, Store, util};

/// A PostgreSQL advisory-lock number for a hashed key (its first 16 hex digits).
fn advisory_key(hashed: &str) -> i64 {
    let head = hashed.get(..16).unwrap_or(hashed);
    u64::from_str_radix(head, 16).map_or(0, |v| v as i64)
}

fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    // --- staff users ------------------------------------------------------------------------

    /// Create a staff account. `email` is trimmed and lowercased; `password_hash` must be a PHC
    /// string from [`hash_password`]. Taken email → [`StoreError::Conflict`] `{ field: "email" }`.
    pub async fn create_staff_user(&self, email: &str, password_hash: &str) -> Result<StaffUser> {
        let _turn = self.write_turn().await;
        let email = normalize_email(email);
        check_text("email", &email, limits::EMAIL, true)?;
        if !password_hash.starts_with('$') {
            return Err(StoreError::Invalid {
                field: "password_hash",
                message: "expected a PHC string",
            });
        }
        let sql = format!(
            "insert into staff_users (email, password_hash, created_at) values ($1, $2, $3) \
             returning {}",
            rows::STAFF_COLUMNS
        );
        let res = with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(&email)
            .bind(password_hash)
            .bind(rows::ms(Timestamp::now()))
            .fetch_one(pool)
            .await);
        match res {
            Ok(u) => Ok(u),
            Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict { field: "email" }),
            Err(e) => Err(e.into()),
        }
    }

    /// The staff user with this email (trimmed, case-insensitive), or `None`.
    pub async fn find_staff_by_email(&self, email: &str) -> Result<Option<StaffUser>> {
        let sql = format!(
            "select {} from staff_users where email = $1",
            rows::STAFF_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(normalize_email(email))
            .fetch_optional(pool)
            .await?),
        )
    }

    /// The staff user with this id, or [`StoreError::NotFound`].
    pub async fn get_staff_user(&self, id: i64) -> Result<StaffUser> {
        let sql = format!(
            "select {} from staff_users where id = $1",
            rows::STAFF_COLUMNS
        );
        let u = with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        u.ok_or(StoreError::NotFound)
    }

    /// All staff users, by email.
    pub async fn list_staff_users(&self) -> Result<Vec<StaffUser>> {
        let sql = format!(
            "select {} from staff_users order by email",
            rows::STAFF_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StaffUser>(&sql)
            .fetch_all(pool)
            .await?),
        )
    }

    /// Set (or, with `None`, clear) the time zone a staff user's pages show times in. The
    /// name is stored as given (≤ [`limits::TIME_ZONE`] characters); the web layer checks it is
    /// a known IANA zone. Unknown id → [`StoreError::NotFound`].
    pub async fn set_staff_time_zone(&self, id: i64, time_zone: Option<&str>) -> Result<()> {
        let _turn = self.write_turn().await;
        if let Some(tz) = time_zone {
            check_text("time_zone", tz, limits::TIME_ZONE, true)?;
        }
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_users set time_zone = $1 where id = $2")
                .bind(time_zone)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Replace a staff user's password hash. Unknown id → [`StoreError::NotFound`]. Does not end
    /// existing sessions: call [`Store::delete_sessions_for_staff`] for that.
    pub async fn set_staff_password(&self, id: i64, password_hash: &str) -> Result<()> {
        let _turn = self.write_turn().await;
        if !password_hash.starts_with('$') {
            return Err(StoreError::Invalid {
                field: "password_hash",
                message: "expected a PHC string",
            });
        }
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_users set password_hash = $1 where id = $2")
                .bind(password_hash)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    // --- sessions ---------------------------------------------------------------------------

    /// Start a session for `staff_id` valid until `expires_at`, with fresh random session and
    /// CSRF tokens. Put [`Session::id`] in the cookie. Unknown staff id →
    /// [`StoreError::NotFound`].
    pub async fn create_session(&self, staff_id: i64, expires_at: Timestamp) -> Result<Session> {
        let _turn = self.write_turn().await;
        let token = util::new_token()?;
        let csrf_token = util::new_token()?;
        let created_at = Timestamp::now();
        let res = with_pool!(self, pool => sqlx::query(
            "insert into staff_sessions (token_hash, staff_id, csrf_token, created_at, \
             expires_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(util::hash_key(&token))
        .bind(staff_id)
        .bind(&csrf_token)
        .bind(rows::ms(created_at))
        .bind(rows::ms(expires_at))
        .execute(pool)
        .await
        .map(drop));
        match res {
            Ok(()) => Ok(Session {
                id: token,
                staff_id,
                csrf_token,
                // Round-trip through the stored precision so this equals `get_session`'s value.
                created_at: rows::ts(rows::ms(created_at))?,
                expires_at: rows::ts(rows::ms(expires_at))?,
            }),
            Err(e) if is_foreign_key_violation(&e) => Err(StoreError::NotFound),
            Err(e) => Err(e.into()),
        }
    }

    /// The session for this cookie token if it exists and has not expired, else `None`.
    pub async fn get_session(&self, token: &str) -> Result<Option<Session>> {
        let row: Option<(i64, String, i64, i64)> = with_pool!(self, pool => sqlx::query_as(
            "select staff_id, csrf_token, created_at, expires_at from staff_sessions \
             where token_hash = $1 and expires_at > $2",
        )
        .bind(util::hash_key(token))
        .bind(rows::ms(Timestamp::now()))
        .fetch_optional(pool)
        .await?);
        match row {
            None => Ok(None),
            Some((staff_id, csrf_token, created_at, expires_at)) => Ok(Some(Session {
                id: token.to_owned(),
                staff_id,
                csrf_token,
                created_at: rows::ts(created_at)?,
                expires_at: rows::ts(expires_at)?,
            })),
        }
    }

    /// Push a session's expiry to `expires_at` (sliding expiry). `false` if no such session.
    pub async fn extend_session(&self, token: &str, expires_at: Timestamp) -> Result<bool> {
        let _turn = self.write_turn().await;
        let n = with_pool!(self, pool =>
            sqlx::query("update staff_sessions set expires_at = $1 where token_hash = $2")
                .bind(rows::ms(expires_at))
                .bind(util::hash_key(token))
                .execute(pool)
                .await?
                .rows_affected());
        Ok(n > 0)
    }

    /// Log out: delete this session. `false` if there was none.
    pub async fn delete_session(&self, token: &str) -> Result<bool> {
        let _turn = self.write_turn().await;
        let n = with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where token_hash = $1")
                .bind(util::hash_key(token))
                .execute(pool)
                .await?
                .rows_affected());
        Ok(n > 0)
    }

    /// Delete every session of a staff user (log out everywhere). Returns how many.
    pub async fn delete_sessions_for_staff(&self, staff_id: i64) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where staff_id = $1")
                .bind(staff_id)
                .execute(pool)
                .await?
                .rows_affected()))
    }

    /// Delete sessions that expired before `now` (expiry ≤ `now`). Returns how many.
    pub async fn delete_expired_sessions(&self, now: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from staff_sessions where expires_at <= $1")
                .bind(rows::ms(now))
                .execute(pool)
                .await?
                .rows_affected()))
    }

    // --- login rate limiting ----------------------------------------------------------------

    /// Record a failed login for `key` at time `at` (key suggestion: `"email:<lowercased>"`,
    /// `"ip:<ip hash>"`; the store keeps only a hash of it).
    pub async fn record_login_failure(&self, key: &str, at: Timestamp) -> Result<()> {
        let _turn = self.write_turn().await;
        with_pool!(self, pool =>
            sqlx::query("insert into login_failures (key_hash, created_at) values ($1, $2)")
                .bind(util::hash_key(key))
                .bind(rows::ms(at))
                .execute(pool)
                .await
                .map(drop)?);
        Ok(())
    }

    /// Number of failures recorded for `key` at or after `since`.
    pub async fn count_recent_login_failures(&self, key: &str, since: Timestamp) -> Result<u64> {
        let n: i64 = with_pool!(self, pool => sqlx::query_scalar(
            "select count(*) from login_failures where key_hash = $1 and created_at >= $2",
        )
        .bind(util::hash_key(key))
        .bind(rows::ms(since))
        .fetch_one(pool)
        .await?);
        Ok(count(n))
    }

    /// Forget all failures for `key` (after a successful login). Returns how many.
    pub async fn clear_login_failures(&self, key: &str) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from login_failures where key_hash = $1")
                .bind(util::hash_key(key))
                .execute(pool)
                .await?
                .rows_affected()))
    }

    /// Check and count one login attempt atomically, before any password is checked: if
    /// every `(key, limit)` has fewer than `limit` failures in the `window` up to `now`, one
    /// failure is recorded for each key and their row ids are returned (forget them with
    /// [`Store::forget_login_failures`] when the password turns out right); otherwise nothing
    /// is recorded and the first key at its limit is named. Concurrent attempts are serialised
    /// (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-scoped advisory lock per key),
    /// so N parallel attempts never get more than `limit` through.
    pub async fn begin_login_attempt(
        &self,
        keys: &[(&str, u64)],
        window: jiff::SignedDuration,
        now: Timestamp,
    ) -> Result<LoginAttempt> {
        let store = self.clone();
        let keys: Vec<(String, u64)> = keys.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect();
        detached(async move {
            let keys: Vec<(&str, u64)> = keys.iter().map(|(k, n)| (k.as_str(), *n)).collect();
            store.begin_login_attempt_now(&keys, window, now).await
        })
        .await
    }

    async fn begin_login_attempt_now(
        &self,
        keys: &[(&str, u64)],
        window: jiff::SignedDuration,
        now: Timestamp,
    ) -> Result<LoginAttempt> {
        let _turn = self.write_turn().await;
        let since = rows::ms(now.checked_sub(window).unwrap_or(Timestamp::MIN));
        let at = rows::ms(now);
        let window_ms = window.as_millis().clamp(0, i128::from(i64::MAX)) as i64;
        let mut hashed: Vec<(String, u64)> = keys
            .iter()
            .map(|(k, limit)| (util::hash_key(k), *limit))
            .collect();
        // Keys in a fixed order: two attempts lock them in the same order (no deadlock).
        let order: Vec<usize> = {
            let mut idx: Vec<usize> = (0..hashed.len()).collect();
            idx.sort_by(|a, b| hashed[*a].0.cmp(&hashed[*b].0));
            idx
        };
        macro_rules! attempt {
            ($tx:ident) => {{
                let mut refused = None;
                for &i in &order {
                    let (key, limit) = &hashed[i];
                    let (n, oldest): (i64, Option<i64>) = sqlx::query_as(
                        "select count(*), min(created_at) from login_failures \
                         where key_hash = $1 and created_at >= $2",
                    )
                    .bind(key)
                    .bind(since)
                    .fetch_one(&mut *$tx)
                    .await?;
                    if count(n) >= *limit {
                        let retry_ms = oldest.unwrap_or(at).saturating_add(window_ms);
                        refused = Some((i, retry_ms));
                        break;
                    }
                }
                if let Some((key_index, retry_ms)) = refused {
                    $tx.rollback().await?;
                    LoginAttempt::Refused {
                        key_index,
                        retry_at: Timestamp::from_millisecond(retry_ms).unwrap_or(now),
                    }
                } else {
                    let mut ids = Vec::with_capacity(hashed.len());
                    for (key, _) in &hashed {
                        let id: i64 = sqlx::query_scalar(
                            "insert into login_failures (key_hash, created_at) \
                             values ($1, $2) returning id",
                        )
                        .bind(key)
                        .bind(at)
                        .fetch_one(&mut *$tx)
                        .await?;
                        ids.push(id);
                    }
                    $tx.commit().await?;
                    LoginAttempt::Counted(ids)
                }
            }};
        }
        let outcome = match &self.pool {
            Pool::Sqlite(pool) => {
                // Take the write lock before reading: no other attempt can count in between.
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                attempt!(tx)
            }
            Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                for &i in &order {
                    let lock = advisory_key(&hashed[i].0);
                    sqlx::query("select pg_advisory_xact_lock($1)")
                        .bind(lock)
                        .execute(&mut *tx)
                        .await?;
                }
                attempt!(tx)
            }
        };
        hashed.clear();
        Ok(outcome)
    }

    /// Forget failures by row id (the attempt of a login whose password was right).
    pub async fn forget_login_failures(&self, ids: &[i64]) -> Result<u64> {
        let _turn = self.write_turn().await;
        let mut n = 0;
        for id in ids {
            n += with_pool!(self, pool =>
                sqlx::query("delete from login_failures where id = $1")
                    .bind(*id)
                    .execute(pool)
                    .await?
                    .rows_affected());
        }
        Ok(n)
    }

    /// Housekeeping: delete failures recorded before `cutoff`. Returns how many.
    pub async fn delete_login_failures_before(&self, cutoff: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        Ok(with_pool!(self, pool =>
            sqlx::query("delete from login_failures where created_at < $1")
                .bind(rows::ms(cutoff))
                .execute(pool)
                .await?
                .rows_affected()))
    }
}
