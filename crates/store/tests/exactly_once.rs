//! Issue 13, "exactly once": a form token stores one question whatever the number of concurrent
//! posts, a changed resubmission is refused, and the per-IP limit holds under concurrency. The
//! same bodies run on SQLite (always) and PostgreSQL (`LANDED_TEST_POSTGRES_URL`; set but
//! unreachable → the test fails).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeSet;

use jiff::{SignedDuration, Timestamp};
use landed_store::{
    NewQuestion, PerIpLimit, QuestionFilter, Store, StoreError, Submission, Submitted,
};
use support::{with_postgres, with_sqlite};

fn question(topic: &str, message: &str, ip: &str) -> NewQuestion {
    NewQuestion {
        name: "Ana Silva".into(),
        email: "ana@example.ca".into(),
        topic: topic.into(),
        message: message.into(),
        preferred_language: "fr".into(),
        assessment_json: None,
        consent: true,
        ip_hash: Some(ip.into()),
    }
}

async fn stored_with_topic(store: &Store, topic: &str) -> u64 {
    let filter = QuestionFilter {
        topic: Some(topic.into()),
        ..QuestionFilter::default()
    };
    store.list_questions(&filter).await.unwrap().total
}

fn hour_ago() -> Timestamp {
    Timestamp::now() - SignedDuration::from_hours(1)
}

/// Ten simultaneous posts of one form: one question, and every post gets its reference.
async fn one_token_one_question(store: &Store) {
    let new = question("double", "Can I count my co-op hours?", "ip-double");
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (store, new) = (store.clone(), new.clone());
        tasks.push(tokio::spawn(async move {
            let opts = Submission {
                form_token: Some("token-A"),
                per_ip: Some(PerIpLimit {
                    max: 5,
                    since: hour_ago(),
                }),
                ..Default::default()
            };
            store.submit_question(&new, &opts).await.unwrap()
        }));
    }
    let mut stored = 0;
    let mut refs = BTreeSet::new();
    for t in tasks {
        let s = t.await.unwrap();
        if matches!(s, Submitted::Stored(_)) {
            stored += 1;
        }
        refs.insert(s.question().reference.clone());
    }
    assert_eq!(stored, 1, "exactly one post stores");
    assert_eq!(
        refs.len(),
        1,
        "every post sees the same reference: {refs:?}"
    );
    assert_eq!(stored_with_topic(store, "double").await, 1);
    let reference = refs.into_iter().next().unwrap();

    // The same form again, text changed: refused, naming the first reference; nothing stored.
    let mut changed = new.clone();
    changed.message = "Can I count my co-op hours? And my volunteer work?".into();
    let opts = Submission {
        form_token: Some("token-A"),
        per_ip: None,
        ..Default::default()
    };
    match store.submit_question(&changed, &opts).await {
        Err(StoreError::TokenReused { reference: r }) => assert_eq!(r, reference),
        other => panic!("expected TokenReused, got {other:?}"),
    }
    assert_eq!(stored_with_topic(store, "double").await, 1);
    let q = store.get_question_by_reference(&reference).await.unwrap();
    assert_eq!(q.message, new.message, "the first text is kept");

    // The same content again (a reload of the POST): the same question.
    let again = store.submit_question(&new, &opts).await.unwrap();
    assert_eq!(again, Submitted::AlreadyStored(q));

    // Another token stores another question; no token at all is never a duplicate.
    let other = Submission {
        form_token: Some("token-B"),
        per_ip: None,
        ..Default::default()
    };
    let b = store.submit_question(&new, &other).await.unwrap();
    assert!(matches!(b, Submitted::Stored(_)));
    assert_ne!(b.question().reference, reference);
    store.insert_question(&new).await.unwrap();
    store.insert_question(&new).await.unwrap();
    assert_eq!(stored_with_topic(store, "double").await, 4);
}

/// Thirty simultaneous posts from one IP against a limit of 5: five stored, 25 refused.
async fn per_ip_limit_holds(store: &Store) {
    let mut tasks = Vec::new();
    for i in 0..30 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let new = question(
                "flood",
                &format!("Question number {i} from one place"),
                "ip-1",
            );
            let token = format!("flood-{i}");
            let opts = Submission {
                form_token: Some(&token),
                per_ip: Some(PerIpLimit {
                    max: 5,
                    since: hour_ago(),
                }),
                ..Default::default()
            };
            store.submit_question(&new, &opts).await
        }));
    }
    let (mut stored, mut limited) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(Submitted::Stored(_)) => stored += 1,
            Err(StoreError::RateLimited) => limited += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((stored, limited), (5, 25));
    assert_eq!(stored_with_topic(store, "flood").await, 5);
    assert_eq!(
        store
            .count_recent_questions("ip-1", hour_ago())
            .await
            .unwrap(),
        5
    );

    // Another IP is not limited by this one; a resend of a stored form at the limit still gets
    // its reference (it stores nothing).
    let other = question("flood", "Another place, another question", "ip-2");
    let opts = Submission {
        form_token: Some("other-ip"),
        per_ip: Some(PerIpLimit {
            max: 5,
            since: hour_ago(),
        }),
        ..Default::default()
    };
    let first = store.submit_question(&other, &opts).await.unwrap();
    assert!(matches!(first, Submitted::Stored(_)));
    let (mut stored_again, mut same) = (0, 0);
    for i in 0..30 {
        let new = question(
            "flood",
            &format!("Question number {i} from one place"),
            "ip-1",
        );
        let token = format!("flood-{i}");
        let opts = Submission {
            form_token: Some(&token),
            per_ip: Some(PerIpLimit {
                max: 5,
                since: hour_ago(),
            }),
            ..Default::default()
        };
        match store.submit_question(&new, &opts).await {
            Ok(Submitted::AlreadyStored(_)) => same += 1,
            Ok(Submitted::Stored(_)) => stored_again += 1,
            Err(StoreError::RateLimited) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((stored_again, same), (0, 5));
    // The window: questions before `since` do not count.
    let later = Submission {
        form_token: Some("later"),
        per_ip: Some(PerIpLimit {
            max: 5,
            since: Timestamp::now() + SignedDuration::from_secs(1),
        }),
        ..Default::default()
    };
    let new = question("flood", "After the window moved on", "ip-1");
    assert!(matches!(
        store.submit_question(&new, &later).await.unwrap(),
        Submitted::Stored(_)
    ));
}

// ------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_one_token_one_question() {
    with_sqlite(|s| async move { one_token_one_question(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_per_ip_limit_holds() {
    with_sqlite(|s| async move { per_ip_limit_holds(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_one_token_one_question() {
    with_postgres("postgres_one_token_one_question", |s| async move {
        one_token_one_question(&s).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_per_ip_limit_holds() {
    with_postgres("postgres_per_ip_limit_holds", |s| async move {
        per_ip_limit_holds(&s).await
    })
    .await;
}
