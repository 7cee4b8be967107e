//! Questions from the public form: stored exactly once ([`Store::submit_question`]), read,
//! listed and searched, exported, and counted (the inbox tabs, the per-IP limit).

use jiff::Timestamp;

use crate::connect::detached;
use crate::error::{Result, StoreError, check_text, is_unique_violation};
use crate::models::{
    NewQuestion, Page, Question, QuestionFilter, QuestionStatus, Submission, Submitted, limits,
};
use crate::rows::{self, count};
use crate::{Arg, Pool, Store, util};

/// The checks of [`Store::insert_question`].
fn validate_question(new: &NewQuestion) -> Result<()> {
    check_text("name", &new.name, limits::NAME, true)?;
    check_text("email", &new.email, limits::EMAIL, true)?;
    check_text("topic", &new.topic, limits::TOPIC, true)?;
    check_text("message", &new.message, limits::MESSAGE, true)?;
    check_language("preferred_language", &new.preferred_language)?;
    if let Some(json) = &new.assessment_json {
        check_text("assessment_json", json, limits::ASSESSMENT_JSON, false)?;
    }
    if let Some(ip) = &new.ip_hash {
        check_text("ip_hash", ip, 200, false)?;
    }
    if !new.consent {
        return Err(StoreError::Invalid {
            field: "consent",
            message: "consent to the privacy notice is required",
        });
    }
    Ok(())
}

/// Whether a stored question has the content of `new` (a resend of the same form).
fn same_content(q: &Question, new: &NewQuestion) -> bool {
    q.name == new.name
        && q.email == new.email
        && q.topic == new.topic
        && q.message == new.message
        && q.preferred_language == new.preferred_language
        && q.assessment_json == new.assessment_json
}

fn check_language(field: &'static str, value: &str) -> Result<()> {
    if matches!(value, "en" | "fr") {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            field,
            message: "must be \"en\" or \"fr\"",
        })
    }
}

/// `WHERE …` (possibly empty) and its parameters for a filter; placeholders start at `$1`.
fn filter_sql(filter: &QuestionFilter) -> (String, Vec<Arg>) {
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Arg> = Vec::new();
    let mut push = |sql: &str, arg: Arg, conds: &mut Vec<String>| {
        args.push(arg);
        conds.push(sql.replace('?', &format!("${}", args.len())));
    };
    if let Some(st) = filter.status {
        push("status = ?", Arg::Text(st.as_str().to_owned()), &mut conds);
    }
    if let Some(topic) = &filter.topic {
        push("topic = ?", Arg::Text(topic.clone()), &mut conds);
    }
    if let Some(lang) = &filter.language {
        push(
            "preferred_language = ?",
            Arg::Text(lang.clone()),
            &mut conds,
        );
    }
    if let Some(text) = &filter.text {
        for term in util::search_terms(text) {
            push(
                r"search_text like ? escape '\'",
                Arg::Text(util::like_contains(&term)),
                &mut conds,
            );
        }
    }
    if conds.is_empty() {
        (String::new(), args)
    } else {
        (format!(" where {}", conds.join(" and ")), args)
    }
}

impl Store {
    /// Validate and store a new question with status `new`, generating its unique reference.
    /// When this returns `Ok`, the question is committed (durable); show the reference. No form
    /// token or rate limit: see [`Store::submit_question`] for the public form.
    pub async fn insert_question(&self, new: &NewQuestion) -> Result<Question> {
        Ok(self
            .submit_question(new, &Submission::default())
            .await?
            .into_question())
    }

    /// Store a question from the public form exactly once, in one transaction that
    /// 1. looks up the form token ([`Submission::form_token`]): already used with the same
    ///    content → [`Submitted::AlreadyStored`] with the first question; with other content →
    ///    [`StoreError::TokenReused`] (nothing stored);
    /// 2. counts the IP's recent questions ([`Submission::per_ip`]) and the browser's
    ///    ([`Submission::per_browser`]) → [`StoreError::RateLimited`];
    /// 3. inserts (validated as [`Store::insert_question`]) and commits.
    ///
    /// The steps cannot race: SQLite takes the write lock first (`BEGIN IMMEDIATE`), PostgreSQL
    /// takes transaction advisory locks on the token and on the IP hash; a unique index on the
    /// token hash backs the once-only rule whatever happens.
    pub async fn submit_question(
        &self,
        new: &NewQuestion,
        opts: &Submission<'_>,
    ) -> Result<Submitted> {
        let (store, new) = (self.clone(), new.clone());
        let form_token = opts.form_token.map(str::to_owned);
        let browser_hash = opts.browser_hash.map(str::to_owned);
        let (per_ip, per_browser) = (opts.per_ip, opts.per_browser);
        detached(async move {
            let opts = Submission {
                form_token: form_token.as_deref(),
                per_ip,
                browser_hash: browser_hash.as_deref(),
                per_browser,
            };
            store.submit_question_now(&new, &opts).await
        })
        .await
    }

    async fn submit_question_now(
        &self,
        new: &NewQuestion,
        opts: &Submission<'_>,
    ) -> Result<Submitted> {
        let _turn = self.write_turn().await;
        validate_question(new)?;
        let now = Timestamp::now();
        let year = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).year();
        let token_hash = opts
            .form_token
            .map(|t| util::hash_key(&format!("form:{t}")));
        let per_ip = match (&new.ip_hash, opts.per_ip) {
            (Some(ip), Some(limit)) => Some((ip.as_str(), limit)),
            _ => None,
        };
        if let Some(b) = opts.browser_hash {
            check_text("browser_hash", b, 200, false)?;
        }
        let per_browser = match (opts.browser_hash, opts.per_browser) {
            (Some(b), Some(limit)) => Some((b, limit)),
            _ => None,
        };
        let insert_sql = format!(
            "insert into questions (reference, status, name, email, topic, message, \
             preferred_language, assessment_json, consent, ip_hash, search_text, created_at, \
             updated_at, form_token_hash, browser_hash) \
             values ($1, 'new', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) \
             returning {}",
            rows::QUESTION_COLUMNS
        );
        let by_token_sql = format!(
            "select {} from questions where form_token_hash = $1",
            rows::QUESTION_COLUMNS
        );
        // The limit checks count at most `max` rows (the subquery's LIMIT): whether the limit
        // is reached needs no more, so a flood from one address costs the same per post
        // however many it has already sent (issue 13: bounded under attack).
        let count_sql = "select count(*) from (select 1 from questions \
             where ip_hash = $1 and created_at >= $2 limit $3) as recent";
        let browser_count_sql = "select count(*) from (select 1 from questions \
             where browser_hash = $1 and created_at >= $2 limit $3) as recent";

        // The transaction's body, the same for both backends once it is open and locked.
        macro_rules! body {
            ($tx:ident) => {{
                if let Some(th) = &token_hash {
                    let existing = sqlx::query_as::<_, Question>(&by_token_sql)
                        .bind(th)
                        .fetch_optional(&mut *$tx)
                        .await?;
                    if let Some(q) = existing {
                        $tx.rollback().await?;
                        return if same_content(&q, new) {
                            Ok(Submitted::AlreadyStored(q))
                        } else {
                            Err(StoreError::TokenReused {
                                reference: q.reference,
                            })
                        };
                    }
                }
                if let Some((ip, limit)) = per_ip {
                    let n: i64 = sqlx::query_scalar(count_sql)
                        .bind(ip)
                        .bind(rows::ms(limit.since))
                        .bind(i64::try_from(limit.max).unwrap_or(i64::MAX))
                        .fetch_one(&mut *$tx)
                        .await?;
                    if count(n) >= limit.max {
                        $tx.rollback().await?;
                        return Err(StoreError::RateLimited);
                    }
                }
                if let Some((browser, limit)) = per_browser {
                    let n: i64 = sqlx::query_scalar(browser_count_sql)
                        .bind(browser)
                        .bind(rows::ms(limit.since))
                        .bind(i64::try_from(limit.max).unwrap_or(i64::MAX))
                        .fetch_one(&mut *$tx)
                        .await?;
                    if count(n) >= limit.max {
                        $tx.rollback().await?;
                        return Err(StoreError::RateLimited);
                    }
                }
                let reference = util::new_reference(year)?;
                let search =
                    util::search_text(&reference, &new.name, &new.email, &new.topic, &new.message);
                let inserted = sqlx::query_as::<_, Question>(&insert_sql)
                    .bind(&reference)
                    .bind(&new.name)
                    .bind(&new.email)
                    .bind(&new.topic)
                    .bind(&new.message)
                    .bind(&new.preferred_language)
                    .bind(new.assessment_json.as_deref())
                    .bind(new.consent)
                    .bind(new.ip_hash.as_deref())
                    .bind(&search)
                    .bind(rows::ms(now))
                    .bind(token_hash.as_deref())
                    .bind(opts.browser_hash)
                    .fetch_one(&mut *$tx)
                    .await;
                match inserted {
                    Ok(q) => {
                        $tx.commit().await?;
                        return Ok(Submitted::Stored(q));
                    }
                    // A reference collision (31^6 a year: rare), or a token stored by a racing
                    // transaction despite the locks: roll back and run again (the token
                    // look-up then finds it).
                    Err(e) if is_unique_violation(&e) => {
                        $tx.rollback().await?;
                    }
                    Err(e) => return Err(e.into()),
                }
            }};
        }

        for _ in 0..8 {
            match &self.pool {
                Pool::Sqlite(pool) => {
                    // IMMEDIATE: the write lock before the first read, so the look-ups and the
                    // insert see one state and no other writer runs between them.
                    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                    body!(tx)
                }
                Pool::Postgres(pool) => {
                    let mut tx = pool.begin().await?;
                    // Always the token first, then the IP, then the browser: one order, no
                    // deadlock.
                    if let Some(th) = &token_hash {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(th))
                            .execute(&mut *tx)
                            .await?;
                    }
                    if let Some((ip, _)) = per_ip {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(&format!("question-ip:{ip}")))
                            .execute(&mut *tx)
                            .await?;
                    }
                    if let Some((browser, _)) = per_browser {
                        sqlx::query("select pg_advisory_xact_lock($1)")
                            .bind(util::lock_key(&format!("question-browser:{browser}")))
                            .execute(&mut *tx)
                            .await?;
                    }
                    body!(tx)
                }
            }
        }
        Err(StoreError::Conflict { field: "reference" })
    }

    /// The question with this id, or [`StoreError::NotFound`].
    pub async fn get_question(&self, id: i64) -> Result<Question> {
        let sql = format!(
            "select {} from questions where id = $1",
            rows::QUESTION_COLUMNS
        );
        let q = with_pool!(self, pool => sqlx::query_as::<_, Question>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        q.ok_or(StoreError::NotFound)
    }

    /// The question with this reference (trimmed, case-insensitive), or
    /// [`StoreError::NotFound`].
    pub async fn get_question_by_reference(&self, reference: &str) -> Result<Question> {
        let reference = reference.trim().to_uppercase();
        let sql = format!(
            "select {} from questions where reference = $1",
            rows::QUESTION_COLUMNS
        );
        let q = with_pool!(self, pool => sqlx::query_as::<_, Question>(&sql)
            .bind(&reference)
            .fetch_optional(pool)
            .await?);
        q.ok_or(StoreError::NotFound)
    }

    /// One page of questions matching `filter`, newest first (`created_at`, then id).
    pub async fn list_questions(&self, filter: &QuestionFilter) -> Result<Page<Question>> {
        let page = filter.page.max(1);
        let per_page = filter.per_page.clamp(1, limits::PER_PAGE);
        let (where_sql, mut args) = filter_sql(filter);
        let count_sql = format!("select count(*) from questions{where_sql}");
        let total: i64 = with_pool!(self, pool =>
            bind_all!(sqlx::query_scalar::<_, i64>(&count_sql), &args)
                .fetch_one(pool)
                .await?);
        let n = args.len();
        args.push(Arg::Int(i64::from(per_page)));
        args.push(Arg::Int(i64::from(page - 1) * i64::from(per_page)));
        let sql = format!(
            "select {} from questions{where_sql} order by created_at desc, id desc \
             limit ${} offset ${}",
            rows::QUESTION_COLUMNS,
            n + 1,
            n + 2
        );
        let items = with_pool!(self, pool =>
            bind_all!(sqlx::query_as::<_, Question>(&sql), &args)
                .fetch_all(pool)
                .await?);
        Ok(Page {
            items,
            total: count(total),
            page,
            per_page,
        })
    }

    /// Every question matching `filter` (paging ignored), newest first: for CSV export.
    pub async fn export_questions(&self, filter: &QuestionFilter) -> Result<Vec<Question>> {
        let (where_sql, args) = filter_sql(filter);
        let sql = format!(
            "select {} from questions{where_sql} order by created_at desc, id desc",
            rows::QUESTION_COLUMNS
        );
        Ok(with_pool!(self, pool =>
            bind_all!(sqlx::query_as::<_, Question>(&sql), &args)
                .fetch_all(pool)
                .await?))
    }

    /// Number of questions per status (all four statuses, zeros included), for inbox tabs.
    pub async fn count_by_status(&self) -> Result<Vec<(QuestionStatus, u64)>> {
        let sql = "select status, count(*) from questions group by status";
        let rows: Vec<(String, i64)> = with_pool!(self, pool =>
            sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(QuestionStatus::ALL
            .into_iter()
            .map(|st| {
                let n = rows
                    .iter()
                    .find(|(s, _)| s == st.as_str())
                    .map_or(0, |(_, n)| count(*n));
                (st, n)
            })
            .collect())
    }

    /// Number of questions submitted with this IP hash at or after `since` (the multi-instance
    /// per-IP rate limit of the public form).
    pub async fn count_recent_questions(&self, ip_hash: &str, since: Timestamp) -> Result<u64> {
        let sql = "select count(*) from questions where ip_hash = $1 and created_at >= $2";
        let n: i64 = with_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(ip_hash)
            .bind(rows::ms(since))
            .fetch_one(pool)
            .await?);
        Ok(count(n))
    }
}
