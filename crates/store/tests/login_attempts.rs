//! The login attempt limit is checked and counted atomically: many parallel attempts never
//! get more than the limit through, on SQLite (always) and PostgreSQL (`#[ignore]`d: run by
//! `.ci/run` with `LANDED_TEST_POSTGRES_URL`, and it fails if that is not set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::{SignedDuration, Timestamp};
use landed_store::{LoginAttempt, Store};

const WINDOW: SignedDuration = SignedDuration::from_mins(15);

async fn parallel_attempts(store: &Store) {
    let now = Timestamp::now();
    // 60 attempts at once on one account from 60 addresses: 5 counted, 55 refused.
    let mut tasks = Vec::new();
    for i in 0..60 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let ip = format!("ip:{i}");
            s.begin_login_attempt(&[("email:a@x.ca", 5), (&ip, 5)], WINDOW, now)
                .await
                .unwrap()
        }));
    }
    let mut counted = 0;
    for t in tasks {
        match t.await.unwrap() {
            LoginAttempt::Counted(ids) => {
                assert_eq!(ids.len(), 2);
                counted += 1;
            }
            LoginAttempt::Refused {
                key_index,
                retry_at,
            } => {
                assert_eq!(key_index, 0, "the account is the key at its limit");
                assert!(retry_at > now && retry_at <= now + WINDOW);
            }
        }
    }
    assert_eq!(counted, 5);
    // The locked account does not lock another one.
    let other = store
        .begin_login_attempt(&[("email:b@x.ca", 5), ("ip:other", 5)], WINDOW, now)
        .await
        .unwrap();
    let LoginAttempt::Counted(ids) = other else {
        panic!("another account is not locked: {other:?}");
    };
    // A right password forgets its own attempt.
    assert_eq!(store.forget_login_failures(&ids).await.unwrap(), 2);
    assert_eq!(
        store
            .count_recent_login_failures("email:b@x.ca", now - WINDOW)
            .await
            .unwrap(),
        0
    );
    // One address: its limit holds across accounts, so it cannot lock them all.
    let mut refused_by_ip = 0;
    for i in 0..10 {
        let email = format!("email:{i}@y.ca");
        if let LoginAttempt::Refused { key_index: 1, .. } = store
            .begin_login_attempt(&[(&email, 5), ("ip:one", 5)], WINDOW, now)
            .await
            .unwrap()
        {
            refused_by_ip += 1;
        }
    }
    assert_eq!(refused_by_ip, 5);
    // Outside the window the failures no longer count.
    let later = now + WINDOW + SignedDuration::from_secs(1);
    assert!(matches!(
        store
            .begin_login_attempt(&[("email:a@x.ca", 5)], WINDOW, later)
            .await
            .unwrap(),
        LoginAttempt::Counted(_)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_attempts_are_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("landed.db").display());
    let store = Store::connect(&url).await.unwrap();
    parallel_attempts(&store).await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_attempts_are_atomic() {
    let url = std::env::var("LANDED_TEST_POSTGRES_URL")
        .expect("LANDED_TEST_POSTGRES_URL must name a PostgreSQL database for this test");
    let store = Store::connect(&url).await.unwrap();
    // Keys unique to this run: the shared database may hold other runs' rows.
    let mut rnd = [0u8; 6];
    getrandom::getrandom(&mut rnd).unwrap();
    let run: String = rnd.iter().map(|b| format!("{b:02x}")).collect();
    let prefixed = PrefixedStore { store, run };
    prefixed.check().await;
}

/// The same story with every key prefixed by a run id (PostgreSQL's database is shared).
struct PrefixedStore {
    store: Store,
    run: String,
}

impl PrefixedStore {
    async fn check(&self) {
        let now = Timestamp::now();
        let email = format!("email:{}@x.ca", self.run);
        let mut tasks = Vec::new();
        for i in 0..60 {
            let s = self.store.clone();
            let email = email.clone();
            let ip = format!("ip:{}:{i}", self.run);
            tasks.push(tokio::spawn(async move {
                s.begin_login_attempt(&[(&email, 5), (&ip, 5)], WINDOW, now)
                    .await
                    .unwrap()
            }));
        }
        let mut counted = 0;
        for t in tasks {
            if let LoginAttempt::Counted(_) = t.await.unwrap() {
                counted += 1;
            }
        }
        assert_eq!(counted, 5);
        self.store.clear_login_failures(&email).await.unwrap();
        self.store.close().await;
    }
}
