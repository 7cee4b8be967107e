use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use landed_store::Store;
use landed_web::{AppState, Settings};
use tempfile::TempDir;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub _dir: TempDir,
}

/// Send `req` to `router` (from 203.0.113.5 unless the request says otherwise); usable from a
/// spawned task, for concurrent requests.
pub async fn send_to(router: Router, mut req: Request<Body>) -> Resp {
    if req.extensions().get::<ConnectInfo<SocketAddr>>().is_none() {
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([203, 0, 113, 5], 40000))));
    }
    let res = router.oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).to_string(),
    }
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn set_cookie(&self) -> Option<String> {
        self.headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// The value of a hidden input `name` in the body.
    pub fn hidden(&self, name: &str) -> String {
        let needle = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&needle)
            .unwrap_or_else(|| panic!("no hidden {name}"))
            + needle.len();
        let end = self.body[start..].find('"').unwrap() + start;
        self.body[start..end]
            .replace("&#43;", "+")
            .replace("&#61;", "=")
    }
}

pub fn settings() -> Settings {
    Settings {
        secret: Some("test secret".to_string()),
        ..Settings::default()
    }
}

pub async fn spawn_with(settings: Settings) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store = Store::connect(&url).await.unwrap();
    let state = AppState::new(store, settings)
        .unwrap()
        .with_today("2026-11-24".parse().unwrap());
    TestApp {
        router: landed_web::app(state.clone()),
        state,
        _dir: dir,
    }
}

pub async fn spawn() -> TestApp {
    spawn_with(settings()).await
}

pub fn encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl TestApp {
    pub async fn send(&self, req: Request<Body>) -> Resp {
        send_to(self.router.clone(), req).await
    }

    pub async fn get(&self, uri: &str) -> Resp {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_h(&self, uri: &str, headers: &[(&str, &str)]) -> Resp {
        let mut b = Request::get(uri);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::empty()).unwrap()).await
    }

    pub async fn post_form(
        &self,
        uri: &str,
        pairs: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut b =
            Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::from(encode(pairs))).unwrap()).await
    }

    pub async fn post_json(&self, uri: &str, body: &str) -> Resp {
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(req).await
    }

    /// A question form token issued `secs_ago` seconds ago.
    pub fn question_token(&self, lang: &str, secs_ago: i64) -> String {
        landed_web::security::issue_form_token(
            self.state.key(),
            "question",
            lang,
            jiff::Timestamp::now().as_second() - secs_ago,
        )
    }

    /// Create a staff user and log in; returns the cookie header value and a CSRF token.
    pub async fn login(&self, email: &str, password: &str) -> (String, String) {
        let hash = landed_store::hash_password(password).unwrap();
        let _ = self.state.store().create_staff_user(email, &hash).await;
        let form = self.get("/staff/login").await;
        let token = form.hidden("form_token");
        let res = self
            .post_form(
                "/staff/login",
                &[
                    ("email", email),
                    ("password", password),
                    ("form_token", &token),
                    ("next", "/staff"),
                ],
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let cookie = res.set_cookie().unwrap();
        let cookie = cookie.split(';').next().unwrap().to_string();
        let inbox = self.get_h("/staff", &[("cookie", &cookie)]).await;
        assert_eq!(inbox.status, StatusCode::OK);
        let csrf = inbox.hidden("csrf");
        (cookie, csrf)
    }

    /// Submit a valid question; returns its reference.
    pub async fn submit_question(&self, lang: &str, name: &str, message: &str) -> String {
        let token = self.question_token(lang, 10);
        let res = self
            .post_form(
                &format!("/{lang}/questions/new"),
                &[
                    ("name", name),
                    ("email", "person@example.com"),
                    ("topic", "cec"),
                    ("message", message),
                    ("preferred_language", lang),
                    ("consent", "yes"),
                    ("website", ""),
                    ("form_token", &token),
                ],
                &[],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        res.location().split("ref=").nth(1).unwrap().to_string()
    }
}
