use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::common::spawn;

const WORKED: &str = r#"{"as_of": "2026-11-24", "age": 29, "education": "bachelors", "canadian_education": "none", "first_language": {"language": "english", "listening": 7, "reading": 9, "writing": 9, "speaking": 9}, "second_language": null, "canadian_experience_years": 0, "foreign_experience_years": 0, "certificate_of_qualification": false, "job_offer": "none", "provincial_nomination": false, "sibling_in_canada": false, "spouse": null}"#;

#[tokio::test]
async fn crs_scores_the_worked_example() {
    let app = spawn().await;
    let res = app.post_json("/api/v1/crs", WORKED).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["total"], 353);
    assert_eq!(v["core"], 340);
    assert_eq!(v["skill_transferability"], 13);
    let lines = v["lines"].as_array().unwrap();
    let sum: i64 = lines.iter().map(|l| l["points"].as_i64().unwrap()).sum();
    assert_eq!(sum, 353);
    insta::assert_json_snapshot!("crs_worked_example", v);
}

#[tokio::test]
async fn crs_explains_in_french_on_request() {
    let app = spawn().await;
    let res = app.post_json("/api/v1/crs?lang=fr", WORKED).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(
        res.headers
            .get("content-language")
            .and_then(|h| h.to_str().ok()),
        Some("fr")
    );
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["total"], 353);
    assert_eq!(v["lines"][0]["factor"], "core.age");
    assert_eq!(
        v["lines"][0]["basis"],
        "29 ans, sans époux ni conjoint de fait qui vous accompagne"
    );

    // Accept-Language picks French when there is no ?lang=.
    let req = axum::http::Request::post("/api/v1/crs")
        .header("content-type", "application/json")
        .header("accept-language", "fr-CA,fr;q=0.9,en;q=0.5")
        .body(axum::body::Body::from(WORKED))
        .unwrap();
    let res = app.send(req).await;
    assert_eq!(
        res.headers
            .get("content-language")
            .and_then(|h| h.to_str().ok()),
        Some("fr")
    );

    // English by default, and an unknown language is an error naming `lang`.
    let res = app.post_json("/api/v1/crs", WORKED).await;
    assert_eq!(
        res.headers
            .get("content-language")
            .and_then(|h| h.to_str().ok()),
        Some("en")
    );
    let res = app.post_json("/api/v1/crs?lang=de", WORKED).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["error"]["field"], "lang");
}

#[tokio::test]
async fn crs_matches_every_contract_example() {
    let app = spawn().await;
    let text = include_str!("../../tests/data/crs-answers.jsonl");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let res = app
            .post_json("/api/v1/crs", &case["answers"].to_string())
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let v: Value = serde_json::from_str(&res.body).unwrap();
        for k in [
            "total",
            "core",
            "spouse",
            "skill_transferability",
            "additional",
        ] {
            assert_eq!(v[k], case["expect"][k], "{k} for {line}");
        }
    }
}

#[tokio::test]
async fn crs_errors_name_the_field() {
    let app = spawn().await;
    let mut bad: Value = serde_json::from_str(WORKED).unwrap();
    bad["first_language"]["reading"] = json!(13);
    let res = app.post_json("/api/v1/crs", &bad.to_string()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["error"]["field"], "first_language.reading", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().len() > 3);

    let res = app
        .post_json("/api/v1/crs", r#"{"age": 30, "colour": "blue"}"#)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.post_json("/api/v1/crs", "not json").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert!(v["error"]["message"].is_string());
}

#[tokio::test]
async fn assess_returns_the_contract_shape() {
    let app = spawn().await;
    let text = include_str!("../../tests/data/profiles.jsonl");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let res = app
            .post_json("/api/v1/assess", &case["profile"].to_string())
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(
            v["programs"]["cec"]["eligible"], case["expect"]["cec_eligible"],
            "{}",
            case["name"]
        );
        assert!(v["programs"]["fsw"].is_object());
        assert!(v.get("facts").is_some());
    }
}

#[tokio::test]
async fn assess_errors_name_the_field() {
    let app = spawn().await;
    let body = json!({
        "date_of_birth": "1990-01-01",
        "work_history": [
            {"noc": "21232", "start": "2024-01-01", "hours_per_week": 40},
            {"noc": "21232", "start": "2024-01-01", "hours_per_week": -3}
        ]
    });
    let res = app.post_json("/api/v1/assess", &body.to_string()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["error"]["field"], "work_history[1].hours_per_week", "{v}");
    let res = app.post_json("/api/v1/assess", r#"{"nope": 1}"#).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn noc_search_finds_by_title() {
    let app = spawn().await;
    let res = app
        .get("/api/v1/noc/search?q=software%20developer&limit=3")
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    assert_eq!(hits[0]["code"], "21232");
    let res = app.get("/api/v1/noc/search?q=cuisinier&lang=fr").await;
    assert_eq!(res.status, StatusCode::OK);
    let res = app.get("/api/v1/noc/search?q=").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["error"]["field"], "q");
    let res = app.get("/api/v1/noc/search?q=cook&limit=500").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn oversized_json_is_refused() {
    let app = spawn().await;
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(300 * 1024));
    let res = app.post_json("/api/v1/assess", &big).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn openapi_document_is_served_and_stable() {
    let app = spawn().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    let doc: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    // Every API route is documented.
    for path in [
        "/api/v1/crs",
        "/api/v1/assess",
        "/api/v1/whatif",
        "/api/v1/noc/search",
        "/api/openapi.json",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    insta::assert_json_snapshot!("openapi", doc);
}

#[test]
fn openapi_embeds_the_contracts() {
    // The request schemas are the public contracts (when shared/ is beside the repository).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/contracts");
    let Ok(crs) = std::fs::read_to_string(format!("{dir}/crs-answers.schema.json")) else {
        return;
    };
    let doc: Value = serde_json::from_str(landed_web::routes::api::OPENAPI).unwrap();
    let crs: Value = serde_json::from_str(&crs).unwrap();
    assert_eq!(
        doc["components"]["schemas"]["CrsAnswers"]["required"],
        crs["required"]
    );
    let ours = doc["components"]["schemas"]["CrsAnswers"]["properties"]
        .as_object()
        .unwrap();
    let theirs = crs["properties"].as_object().unwrap();
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
    let profile: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/profile.schema.json")).unwrap(),
    )
    .unwrap();
    let ours = doc["components"]["schemas"]["Profile"]["properties"]
        .as_object()
        .unwrap();
    let theirs = profile["properties"].as_object().unwrap();
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
}
