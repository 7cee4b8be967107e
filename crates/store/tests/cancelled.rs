//! A caller that stops waiting (a visitor closes the tab, a client times out: the web server
//! drops the request's future) never leaves the database wedged. sqlx 0.8 can return a pooled
//! connection still inside its transaction when a future is dropped during `BEGIN` or
//! `COMMIT` (sqlx issues #3932, #4393); on SQLite that connection keeps the write lock and
//! every later write fails after the busy timeout with "database is locked" — seen here under
//! load when wrk closed its connections mid-request. The store runs each transaction to its
//! end on a task of its own, so: every write after the cancellations succeeds at once, and
//! each cancelled insert either happened completely or not at all.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::{Duration, Instant};

use landed_store::{NewQuestion, QuestionFilter, Store, Submission};

fn question(i: usize) -> NewQuestion {
    NewQuestion {
        name: format!("Visitor {i}"),
        email: format!("visitor{i}@example.ca"),
        topic: "cec".into(),
        message: format!("Question {i} about my CEC hours"),
        preferred_language: "en".into(),
        assessment_json: None,
        consent: true,
        ip_hash: Some(format!("ip-{i}")),
    }
}

async fn cancel_many_then_write(store: Store) {
    const ROUNDS: usize = 400;
    for i in 0..ROUNDS {
        // Cut each insert off after a different slice of time, from before BEGIN to after
        // COMMIT (a few hundred microseconds on SQLite).
        let cut = Duration::from_micros(((i * 37) % 900) as u64);
        let token = format!("form-token-{i}");
        let sub = Submission {
            form_token: Some(&token),
            ..Submission::default()
        };
        let _ = tokio::time::timeout(cut, store.submit_question(&question(i), &sub)).await;
    }
    // A write after the cancellations gets through well within the 5 s busy timeout.
    let started = Instant::now();
    store.insert_question(&question(ROUNDS)).await.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "a write waited {:?} after cancelled ones",
        started.elapsed()
    );
    // Every cancelled insert ran to its end: each token sent again finds its question.
    for i in 0..ROUNDS {
        let token = format!("form-token-{i}");
        let sub = Submission {
            form_token: Some(&token),
            ..Submission::default()
        };
        store.submit_question(&question(i), &sub).await.unwrap();
    }
    let total = store
        .list_questions(&QuestionFilter::default())
        .await
        .unwrap()
        .total;
    assert_eq!(total, ROUNDS as u64 + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_cancelled_writes_leave_no_transaction_open() {
    support::with_sqlite(cancel_many_then_write).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: LANDED_TEST_POSTGRES_URL (run by .ci/run)"]
async fn postgres_cancelled_writes_leave_no_transaction_open() {
    support::with_postgres("cancelled", cancel_many_then_write).await;
}
