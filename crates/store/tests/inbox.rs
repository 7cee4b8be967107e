//! Issue 12 §3, the question form and the inbox: the per-browser limit beside a higher
//! per-IP one (an office behind one address), the staff time zone, replies (stored with the
//! question, status → answered) and the export's notes and replies. The same bodies run on
//! SQLite (always) and PostgreSQL (`LANDED_TEST_POSTGRES_URL`; `#[ignore]`d, run by `.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;

use jiff::{SignedDuration, Timestamp};
use landed_store::{
    NewQuestion, PerIpLimit, QuestionStatus, ReplyDelivery, Store, StoreError, Submission,
};

fn question(message: &str, ip: &str) -> NewQuestion {
    NewQuestion {
        name: "Zoé Tremblay".into(),
        email: "zoe@example.ca".into(),
        topic: "cec".into(),
        message: message.into(),
        preferred_language: "fr".into(),
        assessment_json: None,
        consent: true,
        ip_hash: Some(ip.into()),
    }
}

fn hour_ago() -> Timestamp {
    Timestamp::now() - SignedDuration::from_hours(1)
}

fn limits<'a>(browser: &'a str, per_ip: u64, per_browser: u64) -> Submission<'a> {
    Submission {
        form_token: None,
        per_ip: Some(PerIpLimit {
            max: per_ip,
            since: hour_ago(),
        }),
        browser_hash: Some(browser),
        per_browser: Some(PerIpLimit {
            max: per_browser,
            since: hour_ago(),
        }),
    }
}

/// One browser stops at its own limit; other browsers behind the same address go on until
/// the address's (higher) limit.
async fn per_browser_and_per_ip(store: &Store) {
    for i in 0..2 {
        let q = question(&format!("Question {i} from the first desk"), "office");
        store
            .submit_question(&q, &limits("desk-1", 5, 2))
            .await
            .unwrap();
    }
    let q = question("A third one from the first desk", "office");
    assert!(matches!(
        store.submit_question(&q, &limits("desk-1", 5, 2)).await,
        Err(StoreError::RateLimited)
    ));
    // Same address, other browsers: accepted up to the per-IP limit (5 in all).
    for (i, desk) in ["desk-2", "desk-3", "desk-4"].iter().enumerate() {
        let q = question(&format!("Question {i} from another desk"), "office");
        store
            .submit_question(&q, &limits(desk, 5, 2))
            .await
            .unwrap();
    }
    let q = question("One too many for the office", "office");
    assert!(matches!(
        store.submit_question(&q, &limits("desk-5", 5, 2)).await,
        Err(StoreError::RateLimited)
    ));
    // A browser is limited whatever address it comes from.
    let q = question("From home, the first desk again", "home");
    assert!(matches!(
        store.submit_question(&q, &limits("desk-1", 5, 2)).await,
        Err(StoreError::RateLimited)
    ));
}

async fn time_zone_and_replies(store: &Store) {
    let hash = landed_store::hash_password("correct horse battery").unwrap();
    let staff = store
        .create_staff_user("Agent@Example.ca", &hash)
        .await
        .unwrap();
    assert_eq!(staff.time_zone, None);
    store
        .set_staff_time_zone(staff.id, Some("America/Toronto"))
        .await
        .unwrap();
    let again = store.get_staff_user(staff.id).await.unwrap();
    assert_eq!(again.time_zone.as_deref(), Some("America/Toronto"));
    store.set_staff_time_zone(staff.id, None).await.unwrap();
    assert_eq!(
        store.get_staff_user(staff.id).await.unwrap().time_zone,
        None
    );
    assert!(matches!(
        store.set_staff_time_zone(999_999, Some("UTC")).await,
        Err(StoreError::NotFound)
    ));

    let q = store
        .insert_question(&question("Mes heures de co-op comptent-elles ?", "ip"))
        .await
        .unwrap();
    store
        .add_note(q.id, "agent@example.ca", "Vérifier le permis")
        .await
        .unwrap();
    let (reply, change) = store
        .add_reply(
            q.id,
            "agent@example.ca",
            "Bonjour, oui : à 30 h/semaine.",
            ReplyDelivery::Pending,
        )
        .await
        .unwrap();
    assert_eq!(reply.delivery, ReplyDelivery::Pending);
    let change = change.expect("new → answered is recorded");
    assert_eq!(
        (change.from, change.to),
        (QuestionStatus::New, QuestionStatus::Answered)
    );
    assert_eq!(
        store.get_question(q.id).await.unwrap().status,
        QuestionStatus::Answered
    );

    let sent = store
        .set_reply_delivery(reply.id, ReplyDelivery::Sent, None)
        .await
        .unwrap();
    assert_eq!(sent.delivery, ReplyDelivery::Sent);
    assert!(sent.delivered_at.is_some());
    // A second reply: already answered, no new status change.
    let (second, change) = store
        .add_reply(
            q.id,
            "agent@example.ca",
            "Précision : les stages non rémunérés non.",
            ReplyDelivery::Manual,
        )
        .await
        .unwrap();
    assert!(change.is_none());
    let failed = store
        .set_reply_delivery(second.id, ReplyDelivery::Failed, Some("connection refused"))
        .await
        .unwrap();
    assert_eq!(failed.delivery_error.as_deref(), Some("connection refused"));
    assert!(failed.delivered_at.is_none());

    let replies = store.list_replies(q.id).await.unwrap();
    assert_eq!(replies.len(), 2);
    assert_eq!(replies[0].body, "Bonjour, oui : à 30 h/semaine.");
    assert_eq!(store.list_status_changes(q.id).await.unwrap().len(), 1);

    let (notes, replies) = store.notes_and_replies(&[q.id, 424_242]).await.unwrap();
    assert_eq!(notes[&q.id].len(), 1);
    assert_eq!(replies[&q.id].len(), 2);
    assert!(!notes.contains_key(&424_242));

    assert!(matches!(
        store
            .add_reply(999_999, "agent@example.ca", "x", ReplyDelivery::Pending)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .add_reply(q.id, "agent@example.ca", "  ", ReplyDelivery::Pending)
            .await,
        Err(StoreError::Invalid { field: "body", .. })
    ));

    // Purging a closed question takes its replies along.
    store
        .change_status(q.id, QuestionStatus::Closed, "agent@example.ca")
        .await
        .unwrap();
    let n = store
        .purge_closed_older_than(Timestamp::now() + SignedDuration::from_hours(1))
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert!(store.list_replies(q.id).await.unwrap().is_empty());
}

// ------------------------------------------------------------------------------------------------

async fn with_sqlite<F, Fut>(f: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("landed.db").display());
    let store = Store::connect(&url).await.unwrap();
    f(store.clone()).await;
    store.close().await;
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let start = base.find("://").map_or(0, |i| i + 3);
    let path = base[start..].find('/').map_or(base.len(), |i| start + i);
    match query {
        Some(q) => format!("{}/{db}?{q}", &base[..path]),
        None => format!("{}/{db}", &base[..path]),
    }
}

/// Run `f` on a fresh PostgreSQL database, dropped afterwards. Fails when
/// `LANDED_TEST_POSTGRES_URL` is unset or the server does not answer (the tests are
/// `#[ignore]`d; `.ci/run` runs them).
async fn with_postgres<F, Fut>(test: &str, f: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let admin_url = std::env::var("LANDED_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("{test}: LANDED_TEST_POSTGRES_URL must name a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test)")
    });
    let mut rnd = [0u8; 6];
    getrandom::getrandom(&mut rnd).unwrap();
    let name: String = format!(
        "landed_test_{}",
        rnd.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    let admin = sqlx::PgPool::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("LANDED_TEST_POSTGRES_URL is set but unreachable: {e}"));
    sqlx::query(&format!("create database {name}"))
        .execute(&admin)
        .await
        .unwrap();
    let store = Store::connect(&with_database(&admin_url, &name))
        .await
        .unwrap();
    let outcome = tokio::spawn(f(store.clone())).await;
    store.close().await;
    sqlx::query(&format!("drop database if exists {name} with (force)"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_per_browser_and_per_ip() {
    with_sqlite(|s| async move { per_browser_and_per_ip(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_time_zone_and_replies() {
    with_sqlite(|s| async move { time_zone_and_replies(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_per_browser_and_per_ip() {
    with_postgres("postgres_per_browser_and_per_ip", |s| async move {
        per_browser_and_per_ip(&s).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_time_zone_and_replies() {
    with_postgres("postgres_time_zone_and_replies", |s| async move {
        time_zone_and_replies(&s).await
    })
    .await;
}
