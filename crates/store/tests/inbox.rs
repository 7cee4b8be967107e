//! Issue 12 §3, the question form and the inbox: the per-browser limit beside a higher
//! per-IP one (an office behind one address), the staff time zone, replies (stored with the
//! question, status → answered) and the export's notes and replies. The same bodies run on
//! SQLite (always) and PostgreSQL (`LANDED_TEST_POSTGRES_URL`; `#[ignore]`d, run by `.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use jiff::{SignedDuration, Timestamp};
use landed_store::{
    NewQuestion, PerIpLimit, QuestionStatus, ReplyDelivery, Store, StoreError, Submission,
};
use support::{with_postgres, with_sqlite};

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

    // The inbox marker: the latest reply failed; a later one that went out clears it.
    let other = store
        .insert_question(&question("Une autre question", "ip"))
        .await
        .unwrap();
    assert_eq!(
        store
            .with_failed_last_reply(&[other.id, q.id, 424_242])
            .await
            .unwrap(),
        [q.id]
    );
    assert!(store.with_failed_last_reply(&[]).await.unwrap().is_empty());
    let (third, _) = store
        .add_reply(q.id, "agent@example.ca", "Renvoyé.", ReplyDelivery::Pending)
        .await
        .unwrap();
    store
        .set_reply_delivery(third.id, ReplyDelivery::Sent, None)
        .await
        .unwrap();
    assert!(
        store
            .with_failed_last_reply(&[q.id])
            .await
            .unwrap()
            .is_empty()
    );

    let (notes, replies) = store.notes_and_replies(&[q.id, 424_242]).await.unwrap();
    assert_eq!(notes[&q.id].len(), 1);
    assert_eq!(replies[&q.id].len(), 3);
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
