//! The API's edges (issue 13 §3): problems for every refusal, the schema and the code
//! agreeing, impossible dates, health and readiness, the NOC by code, questions as JSON,
//! and the staff endpoints behind bearer tokens. Every body is checked against the
//! generated OpenAPI document.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::api::problem;
use crate::common::{TestApp, spawn, spawn_with};
use crate::openapi::{assert_response, doc};

const WORKED: &str = r#"{"as_of": "2026-11-24", "age": 29, "education": "bachelors", "first_language": {"language": "english", "listening": 7, "reading": 9, "writing": 9, "speaking": 9}, "canadian_experience_years": 0}"#;

fn profile() -> Value {
    json!({
        "as_of": "2026-11-24",
        "date_of_birth": "1996-05-20",
        "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01", "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}],
        "work_history": [{"noc": "21232", "country": "CA", "province": "ON", "start": "2025-01-06", "hours_per_week": 40}],
        "intended_province": "ON"
    })
}

async fn send(
    app: &TestApp,
    method: &str,
    uri: &str,
    ct: Option<&str>,
    body: &str,
) -> crate::common::Resp {
    let mut b = Request::builder().method(method).uri(uri);
    if let Some(ct) = ct {
        b = b.header("content-type", ct);
    }
    app.send(b.body(Body::from(body.to_string())).unwrap())
        .await
}

#[tokio::test]
async fn framework_refusals_are_problems() {
    let app = spawn().await;
    // Unknown route under /api.
    let r = app.get("/api/v1/nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    problem(&r);
    // Wrong method: 405 with Allow.
    let r = app.get("/api/v1/crs").await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.headers.get("allow").is_some(), "{:?}", r.headers);
    problem(&r);
    // Wrong or missing content type: 415.
    for ct in [
        Some("text/plain"),
        None,
        Some("application/x-www-form-urlencoded"),
    ] {
        let r = send(&app, "POST", "/api/v1/crs", ct, WORKED).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ct:?}");
        problem(&r);
    }
    // application/json with a charset, and +json, are JSON.
    let r = send(
        &app,
        "POST",
        "/api/v1/crs",
        Some("application/json; charset=utf-8"),
        WORKED,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // JSON syntax and UTF-8: 400.
    for body in ["{\"age\": ", "[1,", "\u{0}"] {
        let r = app.post_json("/api/v1/crs", body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body:?}");
        problem(&r);
    }
    let req = Request::post("/api/v1/crs")
        .header("content-type", "application/json")
        .body(Body::from(vec![b'{', 0xff, b'}']))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    problem(&r);
    // A request target that is too long: 414.
    let r = app
        .get(&format!("/api/v1/noc/search?q={}", "a".repeat(9000)))
        .await;
    assert_eq!(r.status, StatusCode::URI_TOO_LONG);
    problem(&r);
    // Pages keep their HTML 404.
    let r = app.get("/en/nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test]
async fn problems_speak_the_callers_language() {
    let app = spawn().await;
    let req = Request::get("/api/v1/nope")
        .header("accept-language", "fr-CA")
        .body(Body::empty())
        .unwrap();
    let r = app.send(req).await;
    let v = problem(&r);
    assert_eq!(v["title"], "Introuvable");
    let r = app.post_json("/api/v1/assess?lang=fr", "{}").await;
    let v = problem(&r);
    assert_eq!(v["errors"][0]["field"], "date_of_birth");
    assert_eq!(v["errors"][0]["detail"], "ce champ est obligatoire");
}

#[tokio::test]
async fn null_where_the_schema_forbids_it_is_refused() {
    let app = spawn().await;
    let mut p = profile();
    p["as_of"] = Value::Null;
    let r = app.post_json("/api/v1/assess", &p.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let v = problem(&r);
    assert_eq!(v["errors"][0]["field"], "as_of", "{v}");
    let mut a: Value = serde_json::from_str(WORKED).unwrap();
    a["age"] = Value::Null;
    let r = app.post_json("/api/v1/crs", &a.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "age");
    // Where the schema allows null, null is accepted.
    let mut a: Value = serde_json::from_str(WORKED).unwrap();
    a["second_language"] = Value::Null;
    let r = app.post_json("/api/v1/crs", &a.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn a_float_with_no_fraction_is_an_integer_as_the_schema_says() {
    let app = spawn().await;
    let mut a: Value = serde_json::from_str(WORKED).unwrap();
    a["age"] = json!(29.0);
    a["first_language"]["reading"] = json!(9.0);
    let r = app.post_json("/api/v1/crs", &a.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["total"], 353);
    // 29.5 is not an integer: refused naming the field.
    a["age"] = json!(29.5);
    let r = app.post_json("/api/v1/crs", &a.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "age");
}

#[tokio::test]
async fn impossible_dates_are_clear_errors_naming_the_field() {
    let app = spawn().await;
    for (born, words) in [
        ("0000-01-01", "before 1900"),
        ("1899-12-31", "before 1900"),
        ("2027-01-01", "after the assessment date"),
    ] {
        let mut p = profile();
        p["date_of_birth"] = json!(born);
        for path in ["/api/v1/assess", "/api/v1/timeline", "/api/v1/whatif"] {
            let r = app.post_json(path, &p.to_string()).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {born}: {}",
                r.body
            );
            let v = problem(&r);
            assert_eq!(v["errors"][0]["field"], "date_of_birth", "{v}");
            assert!(
                v["errors"][0]["detail"].as_str().unwrap().contains(words),
                "{v}"
            );
        }
    }
    // Not a real date: the schema's format says so.
    let mut p = profile();
    p["date_of_birth"] = json!("1990-02-30");
    let r = app.post_json("/api/v1/assess", &p.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "date_of_birth");
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn().await;
    let d = doc();
    let r = app.get("/api/v1/health").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_response(&d, "get", "/api/v1/health", 200, &v, "health");
    let r = app.get("/api/v1/ready").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ready");
    assert_response(&d, "get", "/api/v1/ready", 200, &v, "ready");
    // Database gone: not ready, 503 with Retry-After.
    app.state.store().close().await;
    let r = app.get("/api/v1/ready").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers.get("retry-after").is_some());
    let v = problem(&r);
    assert_response(&d, "get", "/api/v1/ready", 503, &v, "not ready");
    assert_eq!(app.get("/api/v1/health").await.status, StatusCode::OK);
}

#[tokio::test]
async fn noc_by_code() {
    let app = spawn().await;
    let d = doc();
    let r = app.get("/api/v1/noc/21232").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["code"], "21232");
    assert_eq!(v["teer"], 1);
    assert_eq!(v["hierarchy"].as_array().unwrap().len(), 5);
    assert_response(&d, "get", "/api/v1/noc/{code}", 200, &v, "21232");
    let r = app.get("/api/v1/noc/99999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_response(&d, "get", "/api/v1/noc/{code}", 404, &problem(&r), "99999");
    for bad in ["2123", "abcde", "212321"] {
        let r = app.get(&format!("/api/v1/noc/{bad}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(problem(&r)["errors"][0]["parameter"], "code");
    }
    let r = app.get("/api/v1/noc/search?q=cook").await;
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "get", "/api/v1/noc/search", 200, &v, "cook");
    for q in ["until=", "since=2026-02-30"] {
        let r = app.get(&format!("/api/v1/draws?{q}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{q}");
        problem(&r);
    }
    let r = app.get("/api/v1/draws?type=cec").await;
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "get", "/api/v1/draws", 200, &v, "draws");
}

fn question(message: &str) -> Value {
    json!({
        "name": "Ana Example",
        "email": "ana@example.org",
        "topic": "cec",
        "message": message,
        "preferred_language": "fr",
        "consent": true
    })
}

#[tokio::test]
async fn questions_as_json_store_and_return_the_reference() {
    let app = spawn().await;
    let d = doc();
    let mut q = question("When do I reach 1,560 hours of work?");
    q["assessment"] = profile();
    let r = app.post_json("/api/v1/questions", &q.to_string()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "post", "/api/v1/questions", 201, &v, "created");
    let reference = v["reference"].as_str().unwrap();
    let stored = app
        .state
        .store()
        .get_question_by_reference(reference)
        .await
        .unwrap();
    assert_eq!(stored.message, "When do I reach 1,560 hours of work?");
    assert!(stored.assessment_json.is_some());

    // The form's rules, fields named.
    let mut bad = question("short");
    bad["email"] = json!("not-an-email");
    bad["consent"] = json!(false);
    let r = app.post_json("/api/v1/questions", &bad.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = problem(&r);
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"message") && fields.contains(&"email"),
        "{v}"
    );
    assert_eq!(v["errors"][0]["detail"], "is not an email address", "{v}");
    // Past the schema, the form's own checks: consent must be given.
    let mut bad = question("A real question about CEC?");
    bad["consent"] = json!(false);
    let r = app.post_json("/api/v1/questions", &bad.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "consent");
    // The honeypot, unknown fields, a bad attached profile.
    let mut honey = question("A real question about CEC?");
    honey["website"] = json!("http://spam.example");
    let r = app.post_json("/api/v1/questions", &honey.to_string()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut extra = question("A real question about CEC?");
    extra["colour"] = json!("blue");
    let r = app.post_json("/api/v1/questions", &extra.to_string()).await;
    assert_eq!(problem(&r)["errors"][0]["field"], "colour");
    let mut attached = question("A real question about CEC?");
    attached["assessment"] = json!({"date_of_birth": 12});
    let r = app
        .post_json("/api/v1/questions", &attached.to_string())
        .await;
    assert_eq!(
        problem(&r)["errors"][0]["field"],
        "assessment.date_of_birth"
    );
}

/// A question with an `Idempotency-Key`.
fn question_with_key(key: &str, q: &Value) -> Request<Body> {
    Request::post("/api/v1/questions")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(q.to_string()))
        .unwrap()
}

async fn post_question_with_key(app: &TestApp, key: &str, q: &Value) -> crate::common::Resp {
    app.send(question_with_key(key, q)).await
}

#[tokio::test]
async fn an_idempotency_key_stores_one_question_however_often_it_is_sent() {
    let app = spawn().await;
    let d = doc();
    let q = question("Can I count my co-op hours for CEC?");
    let key = "\"7d3e5c1a-0b7e-4c39-9f6c-2f6f3c1d2e4a\"";
    // Concurrent posts with one key: one question, every answer names it.
    let mut sends = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let (router, req) = (app.router.clone(), question_with_key(key, &q));
        sends.spawn(crate::common::send_to(router, req));
    }
    let answers = sends.join_all().await;
    let mut references = std::collections::BTreeSet::new();
    let mut created = 0;
    for r in &answers {
        assert!(
            r.status == StatusCode::CREATED || r.status == StatusCode::OK,
            "{} {}",
            r.status,
            r.body
        );
        created += usize::from(r.status == StatusCode::CREATED);
        let v: Value = serde_json::from_str(&r.body).unwrap();
        let code = r.status.as_u16();
        assert_response(
            &d,
            "post",
            "/api/v1/questions",
            code,
            &v,
            "created or replayed",
        );
        references.insert(v["reference"].as_str().unwrap().to_string());
    }
    assert_eq!(created, 1, "exactly one post stores the question");
    assert_eq!(references.len(), 1, "{references:?}");
    let page = app
        .state
        .store()
        .list_questions(&Default::default())
        .await
        .unwrap();
    assert_eq!(page.total, 1);

    // The same key with other text: refused, the header named, never dropped silently.
    let changed = question("Can I count my co-op hours for CEC? (and my internship)");
    let r = post_question_with_key(&app, key, &changed).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let v = problem(&r);
    assert_eq!(v["errors"][0]["field"], "idempotency-key", "{v}");
    assert!(
        v["detail"]
            .as_str()
            .unwrap()
            .contains(references.iter().next().unwrap()),
        "{v}"
    );

    // A new key is a new question; a malformed key is a 400 naming the header.
    let r = post_question_with_key(&app, "another-key-0001", &changed).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = post_question_with_key(&app, "short", &changed).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert_eq!(problem(&r)["errors"][0]["field"], "idempotency-key");
}

#[tokio::test]
async fn questions_as_json_share_the_per_ip_limit() {
    let app = spawn_with(landed_web::Settings {
        questions_per_ip_per_hour: 2,
        ..crate::common::settings()
    })
    .await;
    for i in 0..2 {
        let r = app
            .post_json(
                "/api/v1/questions",
                &question(&format!("Question number {i} about CEC")).to_string(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let r = app
        .post_json(
            "/api/v1/questions",
            &question("One question too many about CEC").to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["retry-after"], "3600");
    let v = problem(&r);
    assert_response(&doc(), "post", "/api/v1/questions", 429, &v, "limited");
}

/// A post from the test peer (203.0.113.5) saying it forwards for `client`.
async fn post_question_forwarded_for(app: &TestApp, client: &str, n: usize) -> StatusCode {
    let req = Request::post("/api/v1/questions")
        .header("content-type", "application/json")
        .header("x-forwarded-for", format!("192.0.2.66, {client}"))
        .body(Body::from(
            question(&format!("Forwarded question {n} about CEC")).to_string(),
        ))
        .unwrap();
    app.send(req).await.status
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let app = spawn_with(landed_web::Settings {
        questions_per_ip_per_hour: 1,
        trusted_proxies: vec!["203.0.113.0/24".into()],
        ..crate::common::settings()
    })
    .await;
    // The rightmost entry is the client (the forged one to its left is ignored).
    assert_eq!(
        post_question_forwarded_for(&app, "198.51.100.1", 0).await,
        StatusCode::CREATED
    );
    assert_eq!(
        post_question_forwarded_for(&app, "198.51.100.1", 1).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        post_question_forwarded_for(&app, "198.51.100.2", 2).await,
        StatusCode::CREATED
    );
    // The proxy's own address (no header) is one more client.
    let r = app
        .post_json(
            "/api/v1/questions",
            &question("From the proxy itself").to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
}

#[tokio::test]
async fn without_trusted_proxies_x_forwarded_for_is_ignored() {
    let app = spawn_with(landed_web::Settings {
        questions_per_ip_per_hour: 1,
        ..crate::common::settings()
    })
    .await;
    assert_eq!(
        post_question_forwarded_for(&app, "198.51.100.1", 0).await,
        StatusCode::CREATED
    );
    // Another claimed client, the same connection address: the same count.
    assert_eq!(
        post_question_forwarded_for(&app, "198.51.100.2", 1).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn staff_token(app: &TestApp, email: &str) -> (i64, String) {
    let hash = landed_store::hash_password("a long enough password").unwrap();
    let user = app
        .state
        .store()
        .create_staff_user(email, &hash)
        .await
        .unwrap();
    let (t, text) = app.state.store().create_api_token(user.id).await.unwrap();
    (t.id, text)
}

async fn with_token(
    app: &TestApp,
    method: &str,
    uri: &str,
    token: &str,
    body: Option<Value>,
) -> crate::common::Resp {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            b = b.header("content-type", "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    app.send(b.body(body).unwrap()).await
}

#[tokio::test]
async fn staff_endpoints_need_a_valid_token() {
    let app = spawn().await;
    let d = doc();
    for (method, path) in [
        ("GET", "/api/v1/staff/questions"),
        ("GET", "/api/v1/staff/questions/1"),
        ("POST", "/api/v1/staff/questions/1/status"),
        ("POST", "/api/v1/staff/questions/1/notes"),
        ("POST", "/api/v1/staff/questions/1/replies"),
        ("GET", "/api/v1/staff/export"),
    ] {
        let r = send(&app, method, path, Some("application/json"), "{}").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert!(
            r.headers["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer")
        );
        problem(&r);
        for bad in [
            "landed_1_0000000000000000000000000000000000000000000000000000000000000000",
            "nonsense",
            "",
        ] {
            let r = with_token(&app, method, path, bad, Some(json!({}))).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{method} {path} {bad}");
        }
    }
    let r = send(&app, "GET", "/api/v1/staff/questions", None, "").await;
    assert_response(
        &d,
        "get",
        "/api/v1/staff/questions",
        401,
        &problem(&r),
        "anonymous",
    );
}

#[tokio::test]
async fn a_read_only_token_reads_and_is_refused_changes() {
    let app = spawn().await;
    let d = doc();
    app.submit_question("en", "Ana", "When can I apply under CEC?")
        .await;
    let hash = landed_store::hash_password("a long enough password").unwrap();
    let user = app
        .state
        .store()
        .create_staff_user("report@example.org", &hash)
        .await
        .unwrap();
    let (_, token) = app
        .state
        .store()
        .create_scoped_api_token(user.id, landed_store::TokenScope::ReadOnly)
        .await
        .unwrap();
    let r = with_token(&app, "GET", "/api/v1/staff/questions", &token, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    let qid = v["items"][0]["id"].as_i64().unwrap();
    for uri in [
        format!("/api/v1/staff/questions/{qid}"),
        "/api/v1/staff/export".into(),
    ] {
        let r = with_token(&app, "GET", &uri, &token, None).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    }
    for (path, body) in [
        ("status", json!({"status": "closed"})),
        ("notes", json!({"body": "A note"})),
        ("replies", json!({"body": "A reply"})),
    ] {
        let uri = format!("/api/v1/staff/questions/{qid}/{path}");
        let r = with_token(&app, "POST", &uri, &token, Some(body)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}: {}", r.body);
        let v = problem(&r);
        assert!(v["detail"].as_str().unwrap().contains("read-only"), "{v}");
        let template = format!("/api/v1/staff/questions/{{id}}/{path}");
        assert_response(&d, "post", &template, 403, &v, "read-only");
    }
    // Nothing changed.
    let q = app.state.store().get_question(qid).await.unwrap();
    assert_eq!(q.status, landed_store::QuestionStatus::New);
    assert!(app.state.store().list_notes(qid).await.unwrap().is_empty());
    assert!(
        app.state
            .store()
            .list_replies(qid)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn staff_list_read_status_note_export_and_revoke() {
    let app = spawn().await;
    let d = doc();
    let reference = app
        .submit_question("en", "Ana", "When can I apply under CEC?")
        .await;
    let (id, token) = staff_token(&app, "staff@example.org").await;
    assert!(token.starts_with("landed_"));

    let r = with_token(
        &app,
        "GET",
        "/api/v1/staff/questions?status=new",
        &token,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "get", "/api/v1/staff/questions", 200, &v, "list");
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["reference"], reference.as_str());
    let qid = v["items"][0]["id"].as_i64().unwrap();

    let r = with_token(
        &app,
        "GET",
        "/api/v1/staff/questions?status=lost",
        &token,
        None,
    )
    .await;
    assert_eq!(problem(&r)["errors"][0]["parameter"], "status");

    let r = with_token(
        &app,
        "GET",
        &format!("/api/v1/staff/questions/{qid}"),
        &token,
        None,
    )
    .await;
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "get", "/api/v1/staff/questions/{id}", 200, &v, "read");
    assert_eq!(v["question"]["message"], "When can I apply under CEC?");
    let r = with_token(&app, "GET", "/api/v1/staff/questions/999", &token, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    problem(&r);

    let uri = format!("/api/v1/staff/questions/{qid}/status");
    let r = with_token(
        &app,
        "POST",
        &uri,
        &token,
        Some(json!({"status": "answered"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(
        &d,
        "post",
        "/api/v1/staff/questions/{id}/status",
        200,
        &v,
        "status",
    );
    assert_eq!(v["question"]["status"], "answered");
    assert_eq!(v["status_changes"][0]["by_email"], "staff@example.org");
    let r = with_token(&app, "POST", &uri, &token, Some(json!({"status": "lost"}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "status");

    let uri = format!("/api/v1/staff/questions/{qid}/notes");
    let r = with_token(
        &app,
        "POST",
        &uri,
        &token,
        Some(json!({"body": "Called back."})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(
        &d,
        "post",
        "/api/v1/staff/questions/{id}/notes",
        201,
        &v,
        "note",
    );
    let r = with_token(&app, "POST", &uri, &token, Some(json!({"body": "   "}))).await;
    assert_eq!(problem(&r)["errors"][0]["field"], "body");

    // A reply: no SMTP server in the tests, so it is stored for the staff member to send.
    let uri = format!("/api/v1/staff/questions/{qid}/replies");
    let r = with_token(
        &app,
        "POST",
        &uri,
        &token,
        Some(json!({"body": "Yes: your co-op hours count."})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(
        &d,
        "post",
        "/api/v1/staff/questions/{id}/replies",
        201,
        &v,
        "reply",
    );
    assert_eq!(v["delivery"], "manual");
    let r = with_token(&app, "POST", &uri, &token, Some(json!({"body": ""}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&r)["errors"][0]["field"], "body");

    let r = with_token(&app, "GET", "/api/v1/staff/export", &token, None).await;
    let v: Value = serde_json::from_str(&r.body).unwrap();
    assert_response(&d, "get", "/api/v1/staff/export", 200, &v, "export");
    assert_eq!(v["questions"].as_array().unwrap().len(), 1);

    // Revoked: refused from then on; the list shows it revoked and used.
    assert!(app.state.store().revoke_api_token(id).await.unwrap());
    assert!(!app.state.store().revoke_api_token(id).await.unwrap());
    let r = with_token(&app, "GET", "/api/v1/staff/questions", &token, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let listed = app.state.store().list_api_tokens().await.unwrap();
    assert!(listed[0].revoked_at.is_some() && listed[0].last_used_at.is_some());
}

/// `landed admin token create|revoke|list` against a database file.
#[test]
fn admin_token_commands() {
    use landed_web::admin_token::{TokenCommand, run};
    use std::process::ExitCode;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let store = rt.block_on(landed_store::Store::connect(&url)).unwrap();
    let hash = landed_store::hash_password("a long enough password").unwrap();
    rt.block_on(store.create_staff_user("ana@example.org", &hash))
        .unwrap();
    let database = Some(url.clone());
    let create = |email: &str, read_only: bool| TokenCommand::Create {
        email: email.to_string(),
        read_only,
        database: database.clone(),
    };
    assert_eq!(
        run(&rt, create("nobody@example.org", false)),
        ExitCode::from(2)
    );
    assert_eq!(
        run(&rt, create("ana@example.org", false)),
        ExitCode::SUCCESS
    );
    assert_eq!(run(&rt, create("ana@example.org", true)), ExitCode::SUCCESS);
    let tokens = rt.block_on(store.list_api_tokens()).unwrap();
    assert_eq!(tokens.len(), 2);
    assert!(tokens[0].revoked_at.is_none());
    assert_eq!(
        (tokens[0].scope, tokens[1].scope),
        (
            landed_store::TokenScope::Full,
            landed_store::TokenScope::ReadOnly
        )
    );
    assert_eq!(
        run(
            &rt,
            TokenCommand::List {
                database: database.clone()
            }
        ),
        ExitCode::SUCCESS
    );
    let revoke = || TokenCommand::Revoke {
        id: tokens[0].id,
        database: database.clone(),
    };
    assert_eq!(run(&rt, revoke()), ExitCode::SUCCESS);
    assert_eq!(run(&rt, revoke()), ExitCode::from(2));
    let tokens = rt.block_on(store.list_api_tokens()).unwrap();
    assert!(tokens[0].revoked_at.is_some());
}
