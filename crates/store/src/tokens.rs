//! Staff API tokens: bearer tokens for the staff endpoints of the JSON API, created and
//! revoked from the CLI (`landed admin token create --email E`, `landed admin token revoke ID`).
//!
//! A token reads `landed_<id>_<secret>`: the row's id, then 256 random bits as 64 hex
//! characters. Only the SHA-256 of the secret is stored; a presented token's row is found by
//! its id and the hashes compared in constant time (`subtle`). The token is shown once.

use jiff::Timestamp;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::{Pool, Result, StaffUser, Store, StoreError, rows, util};

/// The prefix of every token (to recognise one in a secret scanner or a log).
pub const TOKEN_PREFIX: &str = "landed_";

/// A staff API token as stored (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// The id, shown by `landed admin token list` and used to revoke.
    pub id: i64,
    /// The staff user it acts as.
    pub staff_id: i64,
    /// When it was created (UTC).
    pub created_at: Timestamp,
    /// When it was last accepted (UTC), if ever.
    pub last_used_at: Option<Timestamp>,
    /// When it was revoked (UTC); a revoked token is refused.
    pub revoked_at: Option<Timestamp>,
    /// What it may do.
    pub scope: TokenScope,
}

/// What a staff API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenScope {
    /// Everything the staff API offers (the default).
    #[default]
    Full,
    /// List, read and export only: a change (status, note, reply) is refused. For a report
    /// or a dashboard that must not be able to alter the inbox.
    ReadOnly,
}

fn secret_hash(secret: &str) -> String {
    util::hex(&Sha256::digest(secret.as_bytes()))
}

/// `landed_<id>_<64 hex>` → (id, secret); anything else → `None`.
fn split_token(token: &str) -> Option<(i64, &str)> {
    let rest = token.strip_prefix(TOKEN_PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    if id.is_empty() || id.len() > 18 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((id.parse().ok()?, secret))
}

type TokenRow = (i64, i64, String, i64, Option<i64>, Option<i64>, bool);

fn from_row(r: &TokenRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id: r.0,
        staff_id: r.1,
        created_at: rows::ts(r.3)?,
        last_used_at: r.4.map(rows::ts).transpose()?,
        revoked_at: r.5.map(rows::ts).transpose()?,
        scope: if r.6 {
            TokenScope::ReadOnly
        } else {
            TokenScope::Full
        },
    })
}

const COLUMNS: &str = "id, staff_id, secret_hash, created_at, last_used_at, revoked_at, read_only";

impl Store {
    /// Create a token for the staff user `staff_id`. Returns the row and the token text:
    /// show the text once, it cannot be read back. Unknown staff id →
    /// [`StoreError::NotFound`].
    pub async fn create_api_token(&self, staff_id: i64) -> Result<(ApiToken, String)> {
        self.create_scoped_api_token(staff_id, TokenScope::Full)
            .await
    }

    /// [`Store::create_api_token`] with a [`TokenScope`].
    pub async fn create_scoped_api_token(
        &self,
        staff_id: i64,
        scope: TokenScope,
    ) -> Result<(ApiToken, String)> {
        let secret = util::new_token()?;
        let created_at = Timestamp::now();
        let read_only = scope == TokenScope::ReadOnly;
        let sql = format!(
            "insert into staff_api_tokens (staff_id, secret_hash, created_at, read_only) \
             values ($1, $2, $3, $4) returning {COLUMNS}"
        );
        let _turn = self.write_turn().await;
        let res: std::result::Result<TokenRow, sqlx::Error> = match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query_as(&sql)
                    .bind(staff_id)
                    .bind(secret_hash(&secret))
                    .bind(rows::ms(created_at))
                    .bind(read_only)
                    .fetch_one(pool)
                    .await
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(&sql)
                    .bind(staff_id)
                    .bind(secret_hash(&secret))
                    .bind(rows::ms(created_at))
                    .bind(read_only)
                    .fetch_one(pool)
                    .await
            }
        };
        match res {
            Ok(row) => {
                let token = format!("{TOKEN_PREFIX}{}_{secret}", row.0);
                Ok((from_row(&row)?, token))
            }
            Err(e) if crate::error::is_foreign_key_violation(&e) => Err(StoreError::NotFound),
            Err(e) => Err(e.into()),
        }
    }

    /// The staff user a presented token acts as, if the token is well formed, exists, is not
    /// revoked and its secret matches (compared in constant time); else `None`. Records the
    /// use.
    pub async fn verify_api_token(&self, token: &str) -> Result<Option<(ApiToken, StaffUser)>> {
        let Some((id, secret)) = split_token(token) else {
            return Ok(None);
        };
        let sql = format!("select {COLUMNS} from staff_api_tokens where id = $1");
        let row: Option<TokenRow> = match &self.pool {
            Pool::Sqlite(pool) => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?,
            Pool::Postgres(pool) => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?,
        };
        let Some(row) = row else {
            return Ok(None);
        };
        let presented = secret_hash(&secret.to_ascii_lowercase());
        let matches: bool = presented.as_bytes().ct_eq(row.2.as_bytes()).into();
        if !matches || row.5.is_some() {
            return Ok(None);
        }
        let token = from_row(&row)?;
        let user = match self.get_staff_user(token.staff_id).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        let now = rows::ms(Timestamp::now());
        let update = "update staff_api_tokens set last_used_at = $1 where id = $2";
        let _turn = self.write_turn().await;
        match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query(update).bind(now).bind(id).execute(pool).await?;
            }
            Pool::Postgres(pool) => {
                sqlx::query(update).bind(now).bind(id).execute(pool).await?;
            }
        }
        Ok(Some((token, user)))
    }

    /// Revoke the token `id`: it is refused from now on. `false` if there is no such token
    /// or it was already revoked.
    pub async fn revoke_api_token(&self, id: i64) -> Result<bool> {
        let sql =
            "update staff_api_tokens set revoked_at = $1 where id = $2 and revoked_at is null";
        let now = rows::ms(Timestamp::now());
        let _turn = self.write_turn().await;
        let n = match &self.pool {
            Pool::Sqlite(pool) => sqlx::query(sql)
                .bind(now)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected(),
            Pool::Postgres(pool) => sqlx::query(sql)
                .bind(now)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected(),
        };
        Ok(n > 0)
    }

    /// Every token (revoked ones too), by id.
    pub async fn list_api_tokens(&self) -> Result<Vec<ApiToken>> {
        let sql = format!("select {COLUMNS} from staff_api_tokens order by id");
        let rows: Vec<TokenRow> = match &self.pool {
            Pool::Sqlite(pool) => sqlx::query_as(&sql).fetch_all(pool).await?,
            Pool::Postgres(pool) => sqlx::query_as(&sql).fetch_all(pool).await?,
        };
        rows.iter().map(from_row).collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn tokens_are_split_only_when_well_formed() {
        let secret = "a".repeat(64);
        assert_eq!(
            split_token(&format!("landed_12_{secret}")),
            Some((12, secret.as_str()))
        );
        assert_eq!(split_token(&format!("landed__{secret}")), None);
        assert_eq!(split_token(&format!("landed_x_{secret}")), None);
        assert_eq!(split_token("landed_12_abc"), None);
        assert_eq!(split_token(&format!("other_12_{secret}")), None);
        assert_eq!(split_token(&format!("landed_12_{}", "g".repeat(64))), None);
    }

    #[test]
    fn the_hash_is_sha256_hex() {
        assert_eq!(
            secret_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
