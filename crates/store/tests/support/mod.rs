//! Test support shared by the store's test targets: a fresh store on SQLite (a temporary
//! file) or on a fresh PostgreSQL database, dropped afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::future::Future;

use landed_store::Store;

pub async fn with_sqlite<F, Fut>(f: F)
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
pub fn with_database(url: &str, db: &str) -> String {
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

/// Run `f` on a fresh PostgreSQL database, dropped afterwards (kept when
/// `LANDED_TEST_KEEP_DB=1`, to look at), even if `f` panics. Fails when
/// `LANDED_TEST_POSTGRES_URL` is unset or the server does not answer (the tests are
/// `#[ignore]`d; `.ci/run` runs them).
pub async fn with_postgres<F, Fut>(test: &str, f: F)
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
    assert_eq!(store.backend(), landed_store::Backend::Postgres);
    let outcome = tokio::spawn(f(store.clone())).await;
    store.close().await;
    if std::env::var("LANDED_TEST_KEEP_DB").is_ok_and(|v| v == "1") {
        eprintln!("{test}: kept database {name}");
    } else {
        // `name` is ours (hex), never user input: identifiers cannot be bound parameters.
        sqlx::query(&format!("drop database if exists {name} with (force)"))
            .execute(&admin)
            .await
            .unwrap();
    }
    admin.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
