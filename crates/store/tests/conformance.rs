//! Backend conformance: the same story runs on SQLite (always, in a temp dir) and on PostgreSQL
//! (when `LANDED_TEST_POSTGRES_URL` is set, e.g. `postgres://postgres@127.0.0.1:5432/test`;
//! each run creates and drops its own `landed_test_<random>` database, kept if
//! `LANDED_TEST_KEEP_DB=1`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use jiff::{SignedDuration, Timestamp};
use landed_store::{
    NewQuestion, Question, QuestionFilter, QuestionStatus, Store, StoreError, dummy_verify,
    hash_password, verify_password,
};
use support::{with_database, with_postgres, with_sqlite};

// ------------------------------------------------------------------------------------------------
// Fixtures
// ------------------------------------------------------------------------------------------------

fn new_question(name: &str, email: &str, topic: &str, message: &str, lang: &str) -> NewQuestion {
    NewQuestion {
        name: name.into(),
        email: email.into(),
        topic: topic.into(),
        message: message.into(),
        preferred_language: lang.into(),
        assessment_json: None,
        consent: true,
        ip_hash: None,
    }
}

fn refs(items: &[Question]) -> Vec<&str> {
    items.iter().map(|q| q.reference.as_str()).collect()
}

fn search(text: &str) -> QuestionFilter {
    QuestionFilter {
        text: Some(text.into()),
        ..QuestionFilter::default()
    }
}

async fn found(store: &Store, filter: QuestionFilter) -> Vec<String> {
    let page = store.list_questions(&filter).await.unwrap();
    let exported = store.export_questions(&filter).await.unwrap();
    assert_eq!(refs(&page.items), refs(&exported), "list and export agree");
    page.items.into_iter().map(|q| q.reference).collect()
}

fn assert_invalid(r: Result<impl std::fmt::Debug, StoreError>, field: &str) {
    match r {
        Err(StoreError::Invalid { field: f, .. }) if f == field => {}
        other => panic!("expected Invalid {{ field: {field} }}, got {other:?}"),
    }
}

fn assert_not_found(r: Result<impl std::fmt::Debug, StoreError>) {
    assert!(
        matches!(r, Err(StoreError::NotFound)),
        "expected NotFound, got {r:?}"
    );
}

// ------------------------------------------------------------------------------------------------
// The story (one body, both backends)
// ------------------------------------------------------------------------------------------------

async fn story(store: &Store) {
    store.ping().await.unwrap();
    store.migrate().await.unwrap(); // idempotent
    let t0 = Timestamp::now() - SignedDuration::from_secs(1);

    // --- submit questions ---
    let mut na = new_question(
        "Alice Tremblay",
        "alice@example.ca",
        "cec",
        "How many hours of Canadian work experience do I need?",
        "en",
    );
    na.assessment_json = Some(r#"{"crs":{"total":471},"programs":["cec"]}"#.into());
    na.ip_hash = Some("ip-a".into());
    let a = store.insert_question(&na).await.unwrap();
    let mut nb = new_question(
        "Benoît Gagnon",
        "benoit@example.fr",
        "crs",
        "Mon score CRS est-il suffisant pour l’Entrée express ?",
        "fr",
    );
    nb.ip_hash = Some("ip-a".into());
    let b = store.insert_question(&nb).await.unwrap();
    let mut nc = new_question(
        "Chen Wei",
        "chen@example.com",
        "fsw",
        "Proof of funds for a family of three",
        "en",
    );
    nc.ip_hash = Some("ip-b".into());
    let c = store.insert_question(&nc).await.unwrap();

    for (q, n) in [(&a, &na), (&b, &nb), (&c, &nc)] {
        assert_eq!(q.status, QuestionStatus::New);
        assert_eq!(q.name, n.name);
        assert_eq!(q.email, n.email);
        assert_eq!(q.topic, n.topic);
        assert_eq!(q.message, n.message);
        assert_eq!(q.preferred_language, n.preferred_language);
        assert_eq!(q.assessment_json, n.assessment_json);
        assert_eq!(q.ip_hash, n.ip_hash);
        assert!(q.consent);
        assert_eq!(q.created_at, q.updated_at);
        assert!(q.created_at >= t0);
        let r = &q.reference;
        assert_eq!(r.len(), "Q-2026-7F3K9A".len(), "{r}");
        assert!(r.starts_with("Q-") && r.as_bytes()[6] == b'-', "{r}");
        assert_eq!(&store.get_question(q.id).await.unwrap(), q);
        // References are found case-insensitively and with stray spaces.
        let typed = format!("  {} ", r.to_lowercase());
        assert_eq!(&store.get_question_by_reference(&typed).await.unwrap(), q);
    }
    assert!(a.reference != b.reference && b.reference != c.reference && a.reference != c.reference);
    assert_not_found(store.get_question(i64::MAX).await);
    assert_not_found(store.get_question_by_reference("Q-2026-XXXXXX").await);

    // --- rejected input ---
    let mut bad = na.clone();
    bad.preferred_language = "de".into();
    assert_invalid(store.insert_question(&bad).await, "preferred_language");
    let mut bad = na.clone();
    bad.consent = false;
    assert_invalid(store.insert_question(&bad).await, "consent");
    let mut bad = na.clone();
    bad.message = " \n ".into();
    assert_invalid(store.insert_question(&bad).await, "message");
    let mut bad = na.clone();
    bad.message = "x".repeat(landed_store::limits::MESSAGE + 1);
    assert_invalid(store.insert_question(&bad).await, "message");
    let mut bad = na.clone();
    bad.name = "nul\0byte".into();
    assert_invalid(store.insert_question(&bad).await, "name");

    // --- per-IP rate-limit counts ---
    assert_eq!(store.count_recent_questions("ip-a", t0).await.unwrap(), 2);
    assert_eq!(store.count_recent_questions("ip-b", t0).await.unwrap(), 1);
    assert_eq!(store.count_recent_questions("ip-z", t0).await.unwrap(), 0);
    let later = Timestamp::now() + SignedDuration::from_secs(60);
    assert_eq!(
        store.count_recent_questions("ip-a", later).await.unwrap(),
        0
    );

    // --- list, paging (newest first) ---
    let all = store
        .list_questions(&QuestionFilter::default())
        .await
        .unwrap();
    assert_eq!(all.total, 3);
    assert_eq!((all.page, all.per_page, all.total_pages()), (1, 20, 1));
    assert_eq!(refs(&all.items), [&c.reference, &b.reference, &a.reference]);
    let p1 = store
        .list_questions(&QuestionFilter {
            per_page: 2,
            ..QuestionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!((p1.total, p1.total_pages()), (3, 2));
    assert_eq!(refs(&p1.items), [&c.reference, &b.reference]);
    let p2 = store
        .list_questions(&QuestionFilter {
            per_page: 2,
            page: 2,
            ..QuestionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(refs(&p2.items), [&a.reference]);
    let p9 = store
        .list_questions(&QuestionFilter {
            per_page: 2,
            page: 9,
            ..QuestionFilter::default()
        })
        .await
        .unwrap();
    assert!(p9.items.is_empty());
    assert_eq!(p9.total, 3);
    // page 0 → 1, per_page clamped.
    let p0 = store
        .list_questions(&QuestionFilter {
            page: 0,
            per_page: 100_000,
            ..QuestionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!((p0.page, p0.per_page), (1, landed_store::limits::PER_PAGE));
    assert_eq!(p0.items.len(), 3);

    // --- filters ---
    let lang_fr = QuestionFilter {
        language: Some("fr".into()),
        ..QuestionFilter::default()
    };
    assert_eq!(found(store, lang_fr).await, vec![b.reference.clone()]);
    let topic_cec = QuestionFilter {
        topic: Some("cec".into()),
        ..QuestionFilter::default()
    };
    assert_eq!(found(store, topic_cec).await, vec![a.reference.clone()]);
    let new_en = QuestionFilter {
        status: Some(QuestionStatus::New),
        language: Some("en".into()),
        ..QuestionFilter::default()
    };
    assert_eq!(
        found(store, new_en).await,
        [c.reference.clone(), a.reference.clone()]
    );

    // --- full-text search: same results on both backends ---
    let only = |q: &Question| vec![q.reference.clone()];
    assert_eq!(found(store, search("benoit")).await, only(&b)); // accent-insensitive
    assert_eq!(
        found(store, search(&c.reference.to_lowercase())).await,
        only(&c)
    ); // reference
    assert_eq!(found(store, search("ENTRÉE express")).await, only(&b));
    assert_eq!(found(store, search("l'entree")).await, only(&b)); // ’ folds to '
    assert_eq!(found(store, search("hours canadian")).await, only(&a)); // all terms
    assert_eq!(
        found(store, search("hours funds")).await,
        Vec::<String>::new()
    );
    assert_eq!(found(store, search("example.ca")).await, only(&a)); // email
    assert_eq!(found(store, search("fsw")).await, only(&c)); // topic
    assert_eq!(found(store, search("WEI")).await, only(&c)); // name
    assert_eq!(found(store, search("%")).await, Vec::<String>::new()); // literal
    assert_eq!(found(store, search("_")).await, Vec::<String>::new());
    assert_eq!(found(store, search("   ")).await.len(), 3); // blank = no filter
    let search_lang = QuestionFilter {
        text: Some("example".into()),
        language: Some("en".into()),
        ..QuestionFilter::default()
    };
    assert_eq!(
        found(store, search_lang).await,
        [c.reference.clone(), a.reference.clone()]
    );

    // --- status changes with history ---
    let staff_email = "agent@example.ca";
    let ch1 = store
        .change_status(a.id, QuestionStatus::InProgress, staff_email)
        .await
        .unwrap()
        .expect("a change");
    assert_eq!(
        (ch1.question_id, ch1.from, ch1.to, ch1.by_email.as_str()),
        (
            a.id,
            QuestionStatus::New,
            QuestionStatus::InProgress,
            staff_email
        )
    );
    assert!(
        store
            .change_status(a.id, QuestionStatus::InProgress, staff_email)
            .await
            .unwrap()
            .is_none(),
        "unchanged status records nothing"
    );
    let ch2 = store
        .change_status(a.id, QuestionStatus::Answered, "other@example.ca")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (ch2.from, ch2.to),
        (QuestionStatus::InProgress, QuestionStatus::Answered)
    );
    assert!(ch2.at >= ch1.at);
    let history = store.list_status_changes(a.id).await.unwrap();
    assert_eq!(history, [ch1.clone(), ch2.clone()]);
    assert!(store.list_status_changes(b.id).await.unwrap().is_empty());
    let a_now = store.get_question(a.id).await.unwrap();
    assert_eq!(a_now.status, QuestionStatus::Answered);
    assert_eq!(a_now.updated_at, ch2.at);
    assert_eq!(a_now.created_at, a.created_at);
    assert_not_found(
        store
            .change_status(i64::MAX, QuestionStatus::Closed, staff_email)
            .await,
    );
    let counts = store.count_by_status().await.unwrap();
    assert_eq!(
        counts,
        [
            (QuestionStatus::New, 2),
            (QuestionStatus::InProgress, 0),
            (QuestionStatus::Answered, 1),
            (QuestionStatus::Closed, 0),
        ]
    );
    let answered = QuestionFilter {
        status: Some(QuestionStatus::Answered),
        ..QuestionFilter::default()
    };
    assert_eq!(found(store, answered).await, only(&a));

    // --- notes ---
    let n1 = store
        .add_note(
            a.id,
            staff_email,
            "Called back; waiting for the employer letter.",
        )
        .await
        .unwrap();
    let n2 = store
        .add_note(a.id, "other@example.ca", "Letter received.\nSecond line.")
        .await
        .unwrap();
    assert_eq!(
        (n1.question_id, n1.author_email.as_str()),
        (a.id, staff_email)
    );
    assert_eq!(
        store.list_notes(a.id).await.unwrap(),
        [n1.clone(), n2.clone()]
    );
    assert!(store.list_notes(b.id).await.unwrap().is_empty());
    assert_not_found(store.add_note(i64::MAX, staff_email, "x").await);
    assert_invalid(store.add_note(a.id, staff_email, "  ").await, "body");
    assert_eq!(
        store.get_question(a.id).await.unwrap().updated_at,
        n2.created_at
    );

    // --- staff users ---
    let hash = hash_password("correct horse battery staple").unwrap();
    let staff = store
        .create_staff_user("  Agent@Example.CA ", &hash)
        .await
        .unwrap();
    assert_eq!(staff.email, "agent@example.ca");
    assert_eq!(staff.password_hash, hash);
    match store.create_staff_user("AGENT@example.ca", &hash).await {
        Err(StoreError::Conflict { field: "email" }) => {}
        other => panic!("expected Conflict {{ email }}, got {other:?}"),
    }
    let found_staff = store
        .find_staff_by_email("agent@EXAMPLE.ca")
        .await
        .unwrap()
        .expect("staff user");
    assert_eq!(found_staff, staff);
    assert!(verify_password(
        "correct horse battery staple",
        &found_staff.password_hash
    ));
    assert!(!verify_password("wrong", &found_staff.password_hash));
    assert!(!dummy_verify("whatever"));
    assert!(
        store
            .find_staff_by_email("nobody@example.ca")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.get_staff_user(staff.id).await.unwrap(), staff);
    assert_not_found(store.get_staff_user(i64::MAX).await);
    let second = store
        .create_staff_user("b@example.ca", &hash)
        .await
        .unwrap();
    let listed = store.list_staff_users().await.unwrap();
    assert_eq!(listed, [staff.clone(), second.clone()]);
    let new_hash = hash_password("new password").unwrap();
    store
        .set_staff_password(second.id, &new_hash)
        .await
        .unwrap();
    assert_eq!(
        store.get_staff_user(second.id).await.unwrap().password_hash,
        new_hash
    );
    assert_not_found(store.set_staff_password(i64::MAX, &new_hash).await);

    // --- sessions ---
    let now = Timestamp::now();
    let hour = SignedDuration::from_hours(1);
    let s = store.create_session(staff.id, now + hour).await.unwrap();
    assert_eq!(s.id.len(), 64);
    assert_eq!(s.csrf_token.len(), 64);
    assert_ne!(s.id, s.csrf_token);
    assert_eq!(s.staff_id, staff.id);
    assert_eq!(store.get_session(&s.id).await.unwrap(), Some(s.clone()));
    assert_eq!(store.get_session("not-a-token").await.unwrap(), None);
    assert_eq!(store.get_session("").await.unwrap(), None);
    let expired = store
        .create_session(staff.id, now - SignedDuration::from_secs(1))
        .await
        .unwrap();
    assert_eq!(
        store.get_session(&expired.id).await.unwrap(),
        None,
        "expired"
    );
    let s2 = store.create_session(second.id, now + hour).await.unwrap();
    assert_ne!(s2.id, s.id);
    assert_eq!(
        store
            .delete_expired_sessions(Timestamp::now())
            .await
            .unwrap(),
        1
    );
    assert!(store.extend_session(&s.id, now + hour * 2).await.unwrap());
    assert_eq!(
        store.get_session(&s.id).await.unwrap().unwrap().expires_at,
        s.expires_at + hour
    );
    assert!(!store.extend_session("nope", now + hour).await.unwrap());
    assert!(store.delete_session(&s.id).await.unwrap());
    assert!(!store.delete_session(&s.id).await.unwrap());
    assert_eq!(store.get_session(&s.id).await.unwrap(), None);
    assert_not_found(store.create_session(i64::MAX, now + hour).await);
    assert_eq!(store.delete_sessions_for_staff(second.id).await.unwrap(), 1);
    assert_eq!(store.get_session(&s2.id).await.unwrap(), None);

    // --- login failures ---
    let key = "email:agent@example.ca";
    for _ in 0..3 {
        store.record_login_failure(key, now).await.unwrap();
    }
    store
        .record_login_failure(key, now - hour * 2)
        .await
        .unwrap();
    store.record_login_failure("ip:abc", now).await.unwrap();
    assert_eq!(
        store
            .count_recent_login_failures(key, now - hour)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        store
            .count_recent_login_failures(key, now - hour * 3)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        store
            .count_recent_login_failures("ip:abc", now - hour)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .count_recent_login_failures("ip:zzz", now - hour)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .delete_login_failures_before(now - hour)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .count_recent_login_failures(key, now - hour * 3)
            .await
            .unwrap(),
        3
    );
    assert_eq!(store.clear_login_failures(key).await.unwrap(), 3);
    assert_eq!(
        store
            .count_recent_login_failures(key, now - hour)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .count_recent_login_failures("ip:abc", now - hour)
            .await
            .unwrap(),
        1
    );

    // --- purge closed questions past retention ---
    store
        .change_status(c.id, QuestionStatus::Closed, staff_email)
        .await
        .unwrap();
    store.add_note(c.id, staff_email, "Closing.").await.unwrap();
    let year = SignedDuration::from_hours(24 * 365);
    assert_eq!(
        store
            .purge_closed_older_than(Timestamp::now() - year)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store.get_question(c.id).await.unwrap().status,
        QuestionStatus::Closed
    );
    // Only closed ones go, even when everything is "old".
    let future = Timestamp::now() + SignedDuration::from_secs(5);
    assert_eq!(store.purge_closed_older_than(future).await.unwrap(), 1);
    assert_not_found(store.get_question(c.id).await);
    assert!(store.list_notes(c.id).await.unwrap().is_empty());
    assert!(store.list_status_changes(c.id).await.unwrap().is_empty());
    assert_eq!(store.list_notes(a.id).await.unwrap().len(), 2);
    assert_eq!(store.list_status_changes(a.id).await.unwrap().len(), 2);
    let remaining = store
        .export_questions(&QuestionFilter {
            per_page: 1, // ignored by export
            ..QuestionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(refs(&remaining), [&b.reference, &a.reference]);
    assert_eq!(store.purge_closed_older_than(future).await.unwrap(), 0);
}

/// Input that looks like SQL or LIKE patterns is stored and searched literally.
async fn literal_input(store: &Store) {
    let plain = store
        .insert_question(&new_question(
            "Plain Person",
            "plain@example.ca",
            "cec",
            "An ordinary question about my work permit.",
            "en",
        ))
        .await
        .unwrap();
    let nasty = NewQuestion {
        name: "Robert'); DROP TABLE questions;--".into(),
        email: "x' OR '1'='1@example.ca".into(),
        topic: "cec' OR '1'='1".into(),
        message: "100% sure_about it \\ 'single' \"double\" `tick` ; -- comment /* c */ $1 ?\n\
                  Ünïcödé 漢字 עברית 🇨🇦 \u{202e}rtl"
            .into(),
        preferred_language: "fr".into(),
        assessment_json: Some(r#"{"note":"'); DELETE FROM staff_users; --","pct":"50%"}"#.into()),
        consent: true,
        ip_hash: Some("'; DROP TABLE staff_sessions; --".into()),
    };
    let q = store.insert_question(&nasty).await.unwrap();
    let back = store.get_question(q.id).await.unwrap();
    assert_eq!(back.name, nasty.name);
    assert_eq!(back.email, nasty.email);
    assert_eq!(back.topic, nasty.topic);
    assert_eq!(back.message, nasty.message);
    assert_eq!(back.assessment_json, nasty.assessment_json);
    assert_eq!(back.ip_hash, nasty.ip_hash);
    assert_eq!(
        store
            .count_recent_questions("'; DROP TABLE staff_sessions; --", q.created_at)
            .await
            .unwrap(),
        1
    );

    let only = vec![q.reference.clone()];
    for text in [
        "100%",
        "%",
        "_",
        "sure_about",
        "\\",
        "'single'",
        "\"double\"",
        "drop table",
        "' or '1'='1",
        "--",
        "$1",
        "?",
        "漢字",
        "ünïcödé",
        "unicode",
        "🇨🇦",
    ] {
        assert_eq!(found(store, search(text)).await, only, "search {text:?}");
    }
    assert!(
        found(store, search("sure%about")).await.is_empty(),
        "% is not a wildcard"
    );
    assert!(
        found(store, search("s_re")).await.is_empty(),
        "_ is not a wildcard"
    );
    assert_eq!(
        found(store, search("ordinary")).await,
        vec![plain.reference.clone()]
    );
    let exact_topic = QuestionFilter {
        topic: Some("cec' OR '1'='1".into()),
        ..QuestionFilter::default()
    };
    assert_eq!(found(store, exact_topic).await, only);
    let injected_topic = QuestionFilter {
        topic: Some("' OR 1=1 --".into()),
        ..QuestionFilter::default()
    };
    assert!(found(store, injected_topic).await.is_empty());

    // Notes, staff emails and rate-limit keys are literal too.
    let note = store
        .add_note(q.id, "a@example.ca", "'); DROP TABLE question_notes; --")
        .await
        .unwrap();
    assert_eq!(store.list_notes(q.id).await.unwrap(), [note]);
    let hash = hash_password("pw").unwrap();
    let evil = store
        .create_staff_user("evil'--@example.ca", &hash)
        .await
        .unwrap();
    assert_eq!(
        store.find_staff_by_email("' OR '1'='1").await.unwrap(),
        None
    );
    assert_eq!(
        store
            .find_staff_by_email("EVIL'--@example.ca")
            .await
            .unwrap(),
        Some(evil)
    );
    store
        .record_login_failure("email:' OR 1=1 --", Timestamp::now())
        .await
        .unwrap();
    assert_eq!(store.get_session("' OR '1'='1").await.unwrap(), None);

    // Every table is still there and intact.
    assert_eq!(
        store
            .list_questions(&QuestionFilter::default())
            .await
            .unwrap()
            .total,
        2
    );
    assert_eq!(store.list_staff_users().await.unwrap().len(), 1);
}

/// Concurrent submissions all land, with distinct references (SQLite: WAL + busy timeout).
async fn concurrent_writes(store: &Store) {
    let mut tasks = Vec::new();
    for i in 0..16 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let n = new_question(
                &format!("Person {i}"),
                "p@example.ca",
                "concurrency",
                "Is this stored?",
                "en",
            );
            let q = store.insert_question(&n).await.unwrap();
            store
                .change_status(q.id, QuestionStatus::InProgress, "agent@example.ca")
                .await
                .unwrap();
            q.reference
        }));
    }
    let mut seen = std::collections::BTreeSet::new();
    for t in tasks {
        assert!(seen.insert(t.await.unwrap()));
    }
    let filter = QuestionFilter {
        topic: Some("concurrency".into()),
        status: Some(QuestionStatus::InProgress),
        ..QuestionFilter::default()
    };
    assert_eq!(store.list_questions(&filter).await.unwrap().total, 16);
}

// ------------------------------------------------------------------------------------------------
// SQLite (always)
// ------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_story() {
    with_sqlite(|s| async move { story(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_literal_input() {
    with_sqlite(|s| async move { literal_input(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_concurrent_writes() {
    with_sqlite(|s| async move { concurrent_writes(&s).await }).await;
}

#[tokio::test]
async fn sqlite_file_is_created_and_data_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    assert!(!path.exists());
    // A bare path works too (no scheme).
    let store = Store::connect(path.to_str().unwrap()).await.unwrap();
    assert!(path.exists());
    let q = store
        .insert_question(&new_question("A", "a@example.ca", "cec", "Kept?", "en"))
        .await
        .unwrap();
    store.close().await;
    let url = format!("sqlite://{}", path.display());
    let again = Store::connect(&url).await.unwrap();
    assert_eq!(
        again.get_question_by_reference(&q.reference).await.unwrap(),
        q
    );
    let journal: String = match again.backend() {
        landed_store::Backend::Sqlite => {
            let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
            let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
            let mode = sqlx::query_scalar("pragma journal_mode")
                .fetch_one(&pool)
                .await
                .unwrap();
            pool.close().await;
            mode
        }
        landed_store::Backend::Postgres => unreachable!(),
    };
    assert_eq!(journal, "wal");
    again.close().await;
}

#[tokio::test]
async fn sqlite_in_memory_and_bad_urls() {
    let store = Store::connect("sqlite::memory:").await.unwrap();
    story(&store).await;
    for bad in ["mysql://u@h/db", "", "http://example.com"] {
        match Store::connect(bad).await {
            Err(StoreError::Invalid {
                field: "database_url",
                ..
            }) => {}
            other => panic!("{bad:?}: expected Invalid database_url, got {other:?}"),
        }
    }
    let dbg = format!("{store:?}");
    assert!(dbg.contains("Sqlite"), "{dbg}");
    assert_eq!(
        landed_store::redact_url("postgres://landed:hunter2@db:5432/landed"),
        "postgres://landed:***@db:5432/landed"
    );
    assert_eq!(landed_store::default_database_url(), "sqlite://landed.db");
}

// ------------------------------------------------------------------------------------------------
// PostgreSQL (when LANDED_TEST_POSTGRES_URL is set)
// ------------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_story() {
    with_postgres("postgres_story", |s| async move { story(&s).await }).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_literal_input() {
    with_postgres("postgres_literal_input", |s| async move {
        literal_input(&s).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_concurrent_writes() {
    with_postgres("postgres_concurrent_writes", |s| async move {
        concurrent_writes(&s).await
    })
    .await;
}

#[test]
fn database_url_rewrite() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u:p@h/test?sslmode=disable", "x"),
        "postgres://u:p@h/x?sslmode=disable"
    );
    assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
}
