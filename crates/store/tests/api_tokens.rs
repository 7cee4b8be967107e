//! Staff API tokens on both backends: created and shown once, verified only whole and
//! unrevoked, revoked, listed, gone with their staff account. PostgreSQL needs
//! `LANDED_TEST_POSTGRES_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`; `.ci/run` sets
//! it): without it the PostgreSQL test fails, it does not pass silently.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_store::{Store, StoreError, TokenScope};

async fn tokens(store: &Store) {
    let hash = landed_store::hash_password("a long enough password").unwrap();
    let ana = store
        .create_staff_user("ana@example.org", &hash)
        .await
        .unwrap();
    let bo = store
        .create_staff_user("bo@example.org", &hash)
        .await
        .unwrap();

    let (t1, text1) = store.create_api_token(ana.id).await.unwrap();
    let (t2, text2) = store.create_api_token(bo.id).await.unwrap();
    assert_ne!(text1, text2);
    assert!(text1.starts_with(&format!("landed_{}_", t1.id)), "{text1}");
    assert_eq!(
        text1.len(),
        "landed_".len() + t1.id.to_string().len() + 1 + 64
    );
    assert!(t1.last_used_at.is_none() && t1.revoked_at.is_none());

    // Each token acts as its own staff member, and records its use.
    let (seen, user) = store.verify_api_token(&text1).await.unwrap().unwrap();
    assert_eq!((seen.id, user.id), (t1.id, ana.id));
    let (_, user) = store.verify_api_token(&text2).await.unwrap().unwrap();
    assert_eq!(user.id, bo.id);

    // Only the whole token: another secret, another id, a cut or padded token are refused.
    let secret1 = text1.rsplit('_').next().unwrap();
    let secret2 = text2.rsplit('_').next().unwrap();
    for bad in [
        format!("landed_{}_{secret2}", t1.id),
        format!("landed_{}_{secret1}", t2.id),
        format!("landed_999_{secret1}"),
        text1[..text1.len() - 1].to_string(),
        format!("{text1}0"),
        format!(" {text1}"),
        String::new(),
        "landed_".to_string(),
    ] {
        assert!(
            store.verify_api_token(&bad).await.unwrap().is_none(),
            "{bad:?}"
        );
    }

    // Revoked: refused from then on; revoking twice says so.
    assert!(store.revoke_api_token(t1.id).await.unwrap());
    assert!(!store.revoke_api_token(t1.id).await.unwrap());
    assert!(!store.revoke_api_token(12345).await.unwrap());
    assert!(store.verify_api_token(&text1).await.unwrap().is_none());
    assert!(store.verify_api_token(&text2).await.unwrap().is_some());

    // A read-only token: its scope is kept and comes back with it.
    let (t3, text3) = store
        .create_scoped_api_token(bo.id, TokenScope::ReadOnly)
        .await
        .unwrap();
    assert_eq!(t3.scope, TokenScope::ReadOnly);
    let (seen, _) = store.verify_api_token(&text3).await.unwrap().unwrap();
    assert_eq!(seen.scope, TokenScope::ReadOnly);
    assert_eq!(t2.scope, TokenScope::Full);

    let listed = store.list_api_tokens().await.unwrap();
    assert_eq!(listed.len(), 3);
    assert!(listed[0].revoked_at.is_some() && listed[0].last_used_at.is_some());
    assert!(listed[1].revoked_at.is_none());
    assert_eq!(
        listed.iter().map(|t| t.scope).collect::<Vec<_>>(),
        [TokenScope::Full, TokenScope::Full, TokenScope::ReadOnly]
    );

    // No token for a staff member who does not exist.
    assert!(matches!(
        store.create_api_token(999_999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("landed.db").display());
    let store = Store::connect(&url).await.unwrap();
    tokens(&store).await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
async fn postgres_tokens() {
    let admin_url = std::env::var("LANDED_TEST_POSTGRES_URL").expect(
        "LANDED_TEST_POSTGRES_URL must name a PostgreSQL server for this test \
         (e.g. postgres://postgres@127.0.0.1:5432/test)",
    );
    let mut rnd = [0u8; 6];
    getrandom::getrandom(&mut rnd).unwrap();
    let name: String = std::iter::once("landed_tokens_".to_string())
        .chain(rnd.iter().map(|b| format!("{b:02x}")))
        .collect();
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    // `name` is ours (hex), never user input: identifiers cannot be bound parameters.
    sqlx::query(&format!("create database {name}"))
        .execute(&admin)
        .await
        .unwrap();
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url.as_str(), |(b, _)| b);
    let store = Store::connect(&format!("{base}/{name}")).await.unwrap();
    let outcome = tokio::spawn({
        let store = store.clone();
        async move { tokens(&store).await }
    })
    .await;
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
