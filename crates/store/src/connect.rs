//! Opening a [`Store`]: the database URLs, the pools of both backends and the embedded
//! migrations; the SQLite write turn, the WAL checkpointer and [`Store::checkpoint`]; and
//! `detached`, which every method that opens a transaction goes through.

use std::str::FromStr;

use crate::error::{Result, StoreError};
use crate::models::Backend;
use crate::{Pool, Store, migrations, util};

/// Run a write's transaction to its end on a task of its own, whether or not the caller keeps
/// waiting. sqlx 0.8 can hand a pooled connection back still inside its transaction when the
/// future running it is dropped during `BEGIN` or `COMMIT` (sqlx issues #3932, #4393); on
/// SQLite that connection then holds the write lock for good and every later write fails
/// with "database is locked". A web request's future is dropped whenever its client goes
/// away, so every method that opens a transaction goes through here
/// (`tests/cancelled.rs`). Outside a tokio runtime the work runs in place.
pub(crate) async fn detached<T, F>(work: F) -> Result<T>
where
    T: Send + 'static,
    F: std::future::Future<Output = Result<T>> + Send + 'static,
{
    let Ok(rt) = tokio::runtime::Handle::try_current() else {
        return work.await;
    };
    match rt.spawn(work).await {
        Ok(result) => result,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Only when the runtime shuts down under it: the store is going away.
        Err(_) => Err(StoreError::Database(sqlx::Error::PoolClosed)),
    }
}

/// The size past which the store's WAL checkpointer truncates the SQLite WAL, and the size SQLite cuts
/// it back to after an automatic checkpoint (`journal_size_limit`).
pub const WAL_LIMIT_BYTES: u64 = 16 * 1024 * 1024;

/// How often [`wal_checkpointer`] looks at the WAL's size.
const WAL_CHECK_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// While the store is alive: every [`WAL_CHECK_EVERY`], if the WAL file is larger than
/// [`WAL_LIMIT_BYTES`], `PRAGMA wal_checkpoint(TRUNCATE)` (which waits for readers, up to the
/// busy timeout, then empties the log). A failed checkpoint is tried again at the next look.
async fn wal_checkpointer(
    pool: sqlx::SqlitePool,
    wal_path: std::path::PathBuf,
    alive: std::sync::Weak<()>,
    write_turn: std::sync::Arc<tokio::sync::Mutex<()>>,
) {
    let mut tick = tokio::time::interval(WAL_CHECK_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if alive.strong_count() == 0 || pool.is_closed() {
            break;
        }
        let big = std::fs::metadata(&wal_path).is_ok_and(|m| m.len() > WAL_LIMIT_BYTES);
        if big {
            // Errors (busy past the timeout) only delay the truncation to the next look. The
            // checkpoint needs SQLite's write lock, so it queues with the writers.
            let _turn = write_turn.lock().await;
            let _ = sqlx::query("pragma wal_checkpoint(TRUNCATE)")
                .execute(&pool)
                .await;
        }
    }
    pool.close().await;
}

impl Store {
    /// Open the database at `url` and run the embedded migrations (creating the SQLite file if
    /// missing). Accepted URLs:
    /// - `sqlite://PATH` / `sqlite:PATH` (relative or absolute path), `sqlite::memory:`;
    /// - a bare path without scheme (`./landed.db`) is taken as a SQLite file;
    /// - `postgres://…` / `postgresql://…` (plain TCP or Unix socket; no TLS support is built
    ///   in, so `sslmode=require` fails).
    ///
    /// Unknown schemes → [`StoreError::Invalid`] `{ field: "database_url" }`.
    pub async fn connect(url: &str) -> Result<Store> {
        let store = Store::open(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Like [`Store::connect`] but without running migrations (for `landed migrate`, which
    /// calls [`Store::migrate`] itself and reports).
    pub async fn open(url: &str) -> Result<Store> {
        use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
        use sqlx::sqlite::{
            SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
        };
        use std::time::Duration;

        let url = url.trim();
        let redacted_url = util::redact_url(url);
        let invalid = StoreError::Invalid {
            field: "database_url",
            message: "expected sqlite://PATH, sqlite::memory: or postgres://…",
        };
        let mut wal_task = None;
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|_| invalid)?;
            // 10 connections: plenty for a small office inbox; PG's default limit is 100, so
            // several instances fit.
            let pool = PgPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Pool::Postgres(pool)
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            if url.is_empty() {
                return Err(invalid);
            }
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            let opts = if url.starts_with("sqlite:") {
                SqliteConnectOptions::from_str(url).map_err(|_| invalid)?
            } else {
                SqliteConnectOptions::new().filename(url)
            };
            // FULL: in WAL mode each commit syncs the log, so an acknowledged question
            // survives a power cut, not just a crash of the process (NORMAL would not).
            // The WAL is checkpointed every `wal_autocheckpoint` pages, truncated back to
            // `journal_size_limit` after a checkpoint resets it, and [`wal_checkpointer`]
            // truncates it when it grows anyway (readers holding old snapshots can stop the
            // automatic checkpoints from ever resetting it under load).
            let opts = opts
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .synchronous(SqliteSynchronous::Full)
                .pragma("wal_autocheckpoint", "1000")
                .pragma("journal_size_limit", WAL_LIMIT_BYTES.to_string());
            let wal_path = {
                let mut p = opts.get_filename().as_os_str().to_owned();
                p.push("-wal");
                std::path::PathBuf::from(p)
            };
            let pool = if in_memory {
                // One connection that never closes: an in-memory database lives only as long
                // as its connection.
                SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(opts)
                    .await?
            } else {
                // Writers are serialised by SQLite anyway; WAL lets readers run alongside.
                let pool = SqlitePoolOptions::new()
                    .max_connections(5)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(
                        opts.create_if_missing(true)
                            .journal_mode(SqliteJournalMode::Wal),
                    )
                    .await?;
                wal_task = Some((pool.clone(), wal_path));
                pool
            };
            Pool::Sqlite(pool)
        } else {
            return Err(invalid);
        };
        let alive = std::sync::Arc::new(());
        let write_turn = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        if let Some((pool, wal_path)) = wal_task
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(wal_checkpointer(
                pool,
                wal_path,
                std::sync::Arc::downgrade(&alive),
                write_turn.clone(),
            ));
        }
        Ok(Store {
            pool,
            redacted_url,
            _alive: alive,
            write_turn,
        })
    }

    /// Apply any embedded migrations not yet applied. Idempotent.
    pub async fn migrate(&self) -> Result<()> {
        let _turn = self.write_turn().await;
        match &self.pool {
            Pool::Sqlite(pool) => {
                migrations::migrator(migrations::SQLITE)
                    .await?
                    .run(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                migrations::migrator(migrations::POSTGRES)
                    .await?
                    .run(pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Wait for this process's turn to write (SQLite; `None` at once on PostgreSQL). Hold the
    /// guard for the whole write, transaction included, and take it before a connection so a
    /// waiting writer holds no connection the readers need.
    pub(crate) async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.pool {
            Pool::Sqlite(_) => Some(self.write_turn.lock().await),
            Pool::Postgres(_) => None,
        }
    }

    /// Which backend this store uses.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Check the database answers (for a `/health` endpoint).
    pub async fn ping(&self) -> Result<()> {
        with_pool!(self, pool => sqlx::query("select 1").execute(pool).await.map(drop)?);
        Ok(())
    }

    /// Close the pool, waiting for connections to be returned (graceful shutdown, tests).
    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }

    /// Checkpoint the SQLite write-ahead log into the database and truncate it to zero bytes
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`; waits up to the busy timeout for readers). Done
    /// periodically by the store itself while it serves; a no-op on PostgreSQL or in memory.
    pub async fn checkpoint(&self) -> Result<()> {
        let _turn = self.write_turn().await;
        if let Pool::Sqlite(pool) = &self.pool {
            sqlx::query("pragma wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await?;
        }
        Ok(())
    }
}
