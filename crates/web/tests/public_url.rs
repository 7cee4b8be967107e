//! Share links use the configured public URL, never the request's `Host`; HSTS follows
//! `secure_cookies`; the cross-site check trusts the public URL's origin.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use landed_store::Store;
use landed_web::{AppState, Settings};
use tower::ServiceExt;

async fn app(settings: Settings) -> (axum::Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store = Store::connect(&url).await.unwrap();
    let state = AppState::new(store, settings).unwrap();
    (landed_web::app(state), dir)
}

async fn send(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).to_string())
}

#[tokio::test]
async fn share_links_use_the_public_url_not_host() {
    let settings = Settings {
        secret: Some("s".into()),
        public_url: Some("https://landed.example.org".into()),
        secure_cookies: true,
        ..Settings::default()
    };
    let (app, _dir) = app(settings).await;
    let profile = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/pgwp-graduate.json"
    ))
    .unwrap();
    let packed = landed_web::security::pack(&profile);
    let req = Request::get(format!("/en/assessment/results?p={packed}"))
        .header("host", "evil.example")
        .header("x-forwarded-proto", "http")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("https://landed.example.org/en/assessment/results?p="));
    assert!(!body.contains("evil.example"));
    assert_eq!(
        headers.get("strict-transport-security").unwrap(),
        "max-age=63072000"
    );
    // The public origin is trusted by the cross-site check even when Host differs (proxy).
    let req = Request::post("/en/questions/new")
        .header("host", "10.0.0.5:8080")
        .header("origin", "https://landed.example.org")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("name=x"))
        .unwrap();
    let (status, _, _) = send(&app, req).await;
    assert_ne!(status, StatusCode::FORBIDDEN);
    let req = Request::post("/en/questions/new")
        .header("host", "10.0.0.5:8080")
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("name=x"))
        .unwrap();
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn no_hsts_without_secure_cookies() {
    let (app, _dir) = app(Settings::default()).await;
    let (status, headers, _) =
        send(&app, Request::get("/health").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get("strict-transport-security").is_none());
    assert!(headers.get("content-security-policy").is_some());
}
