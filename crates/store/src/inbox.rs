//! The staff inbox's work on a question: status changes and their history, internal notes,
//! replies to the person who asked (and what became of their e-mail), the notes and replies of
//! the export, the inbox list's failed-reply marker, and the purge of old closed questions.

use jiff::Timestamp;

use crate::connect::detached;
use crate::error::{Result, StoreError, check_text};
use crate::models::{Note, QuestionStatus, Reply, ReplyDelivery, StatusChange, limits};
use crate::{Arg, Pool, Store, rows};

impl Store {
    /// Move a question to status `to`, recording who did it and when, and bump its
    /// `updated_at`. Returns the recorded change, or `None` if the question already had status
    /// `to` (nothing recorded). Unknown id → [`StoreError::NotFound`]. Any transition is
    /// allowed (e.g. reopening a closed question).
    pub async fn change_status(
        &self,
        question_id: i64,
        to: QuestionStatus,
        by_email: &str,
    ) -> Result<Option<StatusChange>> {
        let (store, by_email) = (self.clone(), by_email.to_owned());
        detached(async move { store.change_status_now(question_id, to, &by_email).await }).await
    }

    async fn change_status_now(
        &self,
        question_id: i64,
        to: QuestionStatus,
        by_email: &str,
    ) -> Result<Option<StatusChange>> {
        let _turn = self.write_turn().await;
        check_text("by_email", by_email, limits::EMAIL, true)?;
        let insert_sql = format!(
            "insert into question_status_changes \
             (question_id, from_status, to_status, by_email, created_at) \
             values ($1, $2, $3, $4, $5) returning {}",
            rows::STATUS_CHANGE_COLUMNS
        );
        // Optimistic: read the current status, then update only if it is still the same, in a
        // transaction whose first statement is the write (so SQLite takes the write lock at
        // once, and PostgreSQL re-checks the condition after any lock wait). Retry on a race.
        for _ in 0..10 {
            let current: Option<String> = with_pool!(self, pool =>
                sqlx::query_scalar("select status from questions where id = $1")
                    .bind(question_id)
                    .fetch_optional(pool)
                    .await?);
            let from = rows::status(&current.ok_or(StoreError::NotFound)?)?;
            if from == to {
                return Ok(None);
            }
            let now = rows::ms(Timestamp::now());
            let change = with_pool!(self, pool => {
                let mut tx = pool.begin().await?;
                let updated = sqlx::query(
                    "update questions set status = $1, updated_at = $2 \
                     where id = $3 and status = $4",
                )
                .bind(to.as_str())
                .bind(now)
                .bind(question_id)
                .bind(from.as_str())
                .execute(&mut *tx)
                .await?;
                if updated.rows_affected() == 0 {
                    tx.rollback().await?;
                    None
                } else {
                    let change = sqlx::query_as::<_, StatusChange>(&insert_sql)
                        .bind(question_id)
                        .bind(from.as_str())
                        .bind(to.as_str())
                        .bind(by_email)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Some(change)
                }
            });
            if let Some(change) = change {
                return Ok(Some(change));
            }
        }
        Err(StoreError::Conflict { field: "status" })
    }

    /// Status history of a question, oldest first.
    pub async fn list_status_changes(&self, question_id: i64) -> Result<Vec<StatusChange>> {
        let sql = format!(
            "select {} from question_status_changes where question_id = $1 order by id",
            rows::STATUS_CHANGE_COLUMNS
        );
        Ok(
            with_pool!(self, pool => sqlx::query_as::<_, StatusChange>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?),
        )
    }

    /// Add an internal note (non-blank, ≤ [`limits::NOTE`]) and bump the question's
    /// `updated_at`. Unknown question → [`StoreError::NotFound`].
    pub async fn add_note(&self, question_id: i64, author_email: &str, body: &str) -> Result<Note> {
        let (store, author, body) = (self.clone(), author_email.to_owned(), body.to_owned());
        detached(async move { store.add_note_now(question_id, &author, &body).await }).await
    }

    async fn add_note_now(&self, question_id: i64, author_email: &str, body: &str) -> Result<Note> {
        let _turn = self.write_turn().await;
        check_text("author_email", author_email, limits::EMAIL, true)?;
        check_text("body", body, limits::NOTE, true)?;
        let now = rows::ms(Timestamp::now());
        let insert_sql = format!(
            "insert into question_notes (question_id, author_email, body, created_at) \
             values ($1, $2, $3, $4) returning {}",
            rows::NOTE_COLUMNS
        );
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let updated = sqlx::query("update questions set updated_at = $1 where id = $2")
                .bind(now)
                .bind(question_id)
                .execute(&mut *tx)
                .await?;
            if updated.rows_affected() == 0 {
                tx.rollback().await?;
                return Err(StoreError::NotFound);
            }
            let note = sqlx::query_as::<_, Note>(&insert_sql)
                .bind(question_id)
                .bind(author_email)
                .bind(body)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(note)
        })
    }

    /// Notes of a question, oldest first.
    pub async fn list_notes(&self, question_id: i64) -> Result<Vec<Note>> {
        let sql = format!(
            "select {} from question_notes where question_id = $1 order by id",
            rows::NOTE_COLUMNS
        );
        Ok(with_pool!(self, pool => sqlx::query_as::<_, Note>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?))
    }

    // --- replies ---------------------------------------------------------------------------

    /// Store a reply to the person who asked (non-blank, ≤ [`limits::REPLY`]) with its first
    /// `delivery` state, and move the question to `answered` (recorded in its status history as
    /// done by `author_email`, unless it already was answered), in one transaction. Returns the
    /// reply and the status change, if any. Unknown question → [`StoreError::NotFound`].
    pub async fn add_reply(
        &self,
        question_id: i64,
        author_email: &str,
        body: &str,
        delivery: ReplyDelivery,
    ) -> Result<(Reply, Option<StatusChange>)> {
        let (store, author, body) = (self.clone(), author_email.to_owned(), body.to_owned());
        detached(async move {
            store
                .add_reply_now(question_id, &author, &body, delivery)
                .await
        })
        .await
    }

    async fn add_reply_now(
        &self,
        question_id: i64,
        author_email: &str,
        body: &str,
        delivery: ReplyDelivery,
    ) -> Result<(Reply, Option<StatusChange>)> {
        let _turn = self.write_turn().await;
        check_text("author_email", author_email, limits::EMAIL, true)?;
        check_text("body", body, limits::REPLY, true)?;
        let now = rows::ms(Timestamp::now());
        let reply_sql = format!(
            "insert into replies (question_id, author_email, body, delivery, created_at) \
             values ($1, $2, $3, $4, $5) returning {}",
            rows::REPLY_COLUMNS
        );
        let change_sql = format!(
            "insert into question_status_changes \
             (question_id, from_status, to_status, by_email, created_at) \
             values ($1, $2, 'answered', $3, $4) returning {}",
            rows::STATUS_CHANGE_COLUMNS
        );
        macro_rules! body {
            ($tx:ident, $select:expr) => {{
                let current: Option<String> = sqlx::query_scalar($select)
                    .bind(question_id)
                    .fetch_optional(&mut *$tx)
                    .await?;
                let Some(current) = current else {
                    $tx.rollback().await?;
                    return Err(StoreError::NotFound);
                };
                let from = rows::status(&current)?;
                let reply = sqlx::query_as::<_, Reply>(&reply_sql)
                    .bind(question_id)
                    .bind(author_email)
                    .bind(body)
                    .bind(delivery.as_str())
                    .bind(now)
                    .fetch_one(&mut *$tx)
                    .await?;
                sqlx::query(
                    "update questions set status = 'answered', updated_at = $1 where id = $2",
                )
                .bind(now)
                .bind(question_id)
                .execute(&mut *$tx)
                .await?;
                let change = if from == QuestionStatus::Answered {
                    None
                } else {
                    Some(
                        sqlx::query_as::<_, StatusChange>(&change_sql)
                            .bind(question_id)
                            .bind(from.as_str())
                            .bind(author_email)
                            .bind(now)
                            .fetch_one(&mut *$tx)
                            .await?,
                    )
                };
                $tx.commit().await?;
                Ok((reply, change))
            }};
        }
        match &self.pool {
            Pool::Sqlite(pool) => {
                // The write lock first: the status read and the update see one state.
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                body!(tx, "select status from questions where id = $1")
            }
            Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                body!(tx, "select status from questions where id = $1 for update")
            }
        }
    }

    /// Record what happened to a reply's e-mail (`delivered_at` is set when it is
    /// [`ReplyDelivery::Sent`]); `error` is a short, non-personal reason. Unknown id →
    /// [`StoreError::NotFound`].
    pub async fn set_reply_delivery(
        &self,
        reply_id: i64,
        delivery: ReplyDelivery,
        error: Option<&str>,
    ) -> Result<Reply> {
        let _turn = self.write_turn().await;
        if let Some(e) = error {
            check_text("delivery_error", e, 500, false)?;
        }
        let delivered_at = (delivery == ReplyDelivery::Sent).then(|| rows::ms(Timestamp::now()));
        let sql = format!(
            "update replies set delivery = $1, delivery_error = $2, delivered_at = $3 \
             where id = $4 returning {}",
            rows::REPLY_COLUMNS
        );
        let r = with_pool!(self, pool => sqlx::query_as::<_, Reply>(&sql)
            .bind(delivery.as_str())
            .bind(error)
            .bind(delivered_at)
            .bind(reply_id)
            .fetch_optional(pool)
            .await?);
        r.ok_or(StoreError::NotFound)
    }

    /// Replies to a question, oldest first.
    pub async fn list_replies(&self, question_id: i64) -> Result<Vec<Reply>> {
        let sql = format!(
            "select {} from replies where question_id = $1 order by id",
            rows::REPLY_COLUMNS
        );
        Ok(with_pool!(self, pool => sqlx::query_as::<_, Reply>(&sql)
            .bind(question_id)
            .fetch_all(pool)
            .await?))
    }

    /// Of `question_ids`, those whose latest reply failed to go out by e-mail
    /// ([`ReplyDelivery::Failed`]), for a marker in the inbox list; a later reply that went
    /// out clears it. In ascending id order.
    pub async fn with_failed_last_reply(&self, question_ids: &[i64]) -> Result<Vec<i64>> {
        if question_ids.is_empty() {
            return Ok(Vec::new());
        }
        let params = (1..=question_ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "select r.question_id from replies r \
             where r.question_id in ({params}) and r.delivery = 'failed' \
             and r.id = (select max(l.id) from replies l where l.question_id = r.question_id) \
             order by r.question_id"
        );
        let args: Vec<Arg> = question_ids.iter().map(|id| Arg::Int(*id)).collect();
        Ok(
            with_pool!(self, pool => bind_all!(sqlx::query_scalar::<_, i64>(&sql), &args)
            .fetch_all(pool)
            .await?),
        )
    }

    /// The notes and replies of many questions at once (for the CSV export), each oldest
    /// first, grouped by question id. Ids without any are absent from the maps.
    pub async fn notes_and_replies(
        &self,
        question_ids: &[i64],
    ) -> Result<(
        std::collections::HashMap<i64, Vec<Note>>,
        std::collections::HashMap<i64, Vec<Reply>>,
    )> {
        let mut notes: std::collections::HashMap<i64, Vec<Note>> = Default::default();
        let mut replies: std::collections::HashMap<i64, Vec<Reply>> = Default::default();
        // Chunks well under SQLite's bound-parameter limit.
        for chunk in question_ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let args: Vec<Arg> = chunk.iter().map(|id| Arg::Int(*id)).collect();
            let notes_sql = format!(
                "select {} from question_notes where question_id in ({}) order by id",
                rows::NOTE_COLUMNS,
                marks.join(", ")
            );
            let replies_sql = format!(
                "select {} from replies where question_id in ({}) order by id",
                rows::REPLY_COLUMNS,
                marks.join(", ")
            );
            let ns = with_pool!(self, pool =>
                bind_all!(sqlx::query_as::<_, Note>(&notes_sql), &args)
                    .fetch_all(pool)
                    .await?);
            for n in ns {
                notes.entry(n.question_id).or_default().push(n);
            }
            let rs = with_pool!(self, pool =>
                bind_all!(sqlx::query_as::<_, Reply>(&replies_sql), &args)
                    .fetch_all(pool)
                    .await?);
            for r in rs {
                replies.entry(r.question_id).or_default().push(r);
            }
        }
        Ok((notes, replies))
    }

    /// Delete closed questions whose `updated_at` (last status change, note or submission) is
    /// before `cutoff`, with their notes and status history. Returns how many questions were
    /// deleted. (`landed admin purge --older-than 365d` passes `now - 365 days`.)
    pub async fn purge_closed_older_than(&self, cutoff: Timestamp) -> Result<u64> {
        let store = self.clone();
        detached(async move { store.purge_closed_older_than_now(cutoff).await }).await
    }

    async fn purge_closed_older_than_now(&self, cutoff: Timestamp) -> Result<u64> {
        let _turn = self.write_turn().await;
        // Notes and history go by `on delete cascade` (foreign keys are on for SQLite too);
        // deleting them explicitly first keeps the purge complete even if they were not.
        let cutoff = rows::ms(cutoff);
        let doomed = "select id from questions where status = 'closed' and updated_at < $1";
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for table in ["question_notes", "question_status_changes", "replies"] {
                sqlx::query(&format!(
                    "delete from {table} where question_id in ({doomed})"
                ))
                .bind(cutoff)
                .execute(&mut *tx)
                .await?;
            }
            let deleted = sqlx::query(
                "delete from questions where status = 'closed' and updated_at < $1",
            )
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(deleted)
        })
    }
}
