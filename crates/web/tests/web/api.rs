use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::common::{Resp, spawn};

/// The body of a problem response, checked: the media type and the RFC 9457 members.
pub fn problem(res: &Resp) -> Value {
    assert_eq!(
        res.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json"),
        "{} {}",
        res.status,
        res.body
    );
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["status"], res.status.as_u16(), "{v}");
    assert_eq!(v["type"], "about:blank", "{v}");
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
    let doc = crate::openapi::doc();
    let schema = json!({"$ref": "#/components/schemas/Problem"});
    assert!(crate::openapi::validator(&doc, &schema).is_valid(&v), "{v}");
    v
}

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
    let v = problem(&res);
    assert_eq!(v["errors"][0]["parameter"], "lang");
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
    let v = problem(&res);
    assert_eq!(v["errors"][0]["field"], "first_language.reading", "{v}");
    assert_eq!(v["errors"][0]["pointer"], "/first_language/reading", "{v}");
    assert!(v["errors"][0]["detail"].as_str().unwrap().len() > 3);

    let res = app
        .post_json("/api/v1/crs", r#"{"age": 30, "colour": "blue"}"#)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = problem(&res);
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"colour"), "{v}");
    assert!(fields.contains(&"education"), "{v}");
    let res = app.post_json("/api/v1/crs", "not json").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let v = problem(&res);
    assert!(v["detail"].as_str().unwrap().contains("line 1"), "{v}");
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
    let v = problem(&res);
    assert_eq!(
        v["errors"][0]["field"], "work_history[1].hours_per_week",
        "{v}"
    );
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
    let v = problem(&res);
    assert_eq!(v["errors"][0]["parameter"], "q");
    let res = app.get("/api/v1/noc/search?q=cook&limit=500").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn oversized_json_is_refused() {
    let app = spawn().await;
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(300 * 1024));
    let res = app.post_json("/api/v1/assess", &big).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    problem(&res);
}

#[tokio::test]
async fn openapi_document_is_served_and_stable() {
    let app = spawn().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    let doc: Value = serde_json::from_str(&res.body).unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    // Every API operation is documented.
    for (method, path) in [
        ("post", "/api/v1/crs"),
        ("post", "/api/v1/assess"),
        ("post", "/api/v1/whatif"),
        ("post", "/api/v1/timeline"),
        ("get", "/api/v1/draws"),
        ("get", "/api/v1/noc/search"),
        ("get", "/api/v1/noc/{code}"),
        ("post", "/api/v1/questions"),
        ("get", "/api/v1/health"),
        ("get", "/api/v1/ready"),
        ("get", "/api/v1/staff/questions"),
        ("get", "/api/v1/staff/questions/{id}"),
        ("post", "/api/v1/staff/questions/{id}/status"),
        ("post", "/api/v1/staff/questions/{id}/notes"),
        ("post", "/api/v1/staff/questions/{id}/replies"),
        ("get", "/api/v1/staff/export"),
    ] {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} missing"
        );
    }
    // The old address serves the same document.
    assert_eq!(app.get("/api/openapi.json").await.body, res.body);
    insta::assert_json_snapshot!("openapi", doc);
}

/// The request schemas are the public contracts (`docs/contracts/`), field for field.
#[test]
fn openapi_request_schemas_are_the_contracts() {
    let doc = crate::openapi::doc();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/contracts");
    for (file, name, prefix) in [
        ("crs-answers.schema.json", "CrsAnswers", "Crs"),
        ("profile.schema.json", "Profile", "Profile"),
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let contract: Value = serde_json::from_str(&text).unwrap();
        let ours = &doc["components"]["schemas"][name];
        for key in ["required", "additionalProperties", "type"] {
            assert_eq!(ours[key], contract[key], "{name}.{key}");
        }
        let (a, b) = (
            ours["properties"].as_object().unwrap(),
            contract["properties"].as_object().unwrap(),
        );
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (def, schema) in contract["$defs"].as_object().unwrap() {
            let component = landed_web::routes::api::doc::component_name(prefix, def);
            let ours = &doc["components"]["schemas"][&component];
            assert!(ours.is_object(), "{component} missing");
            assert_eq!(
                ours.get("properties")
                    .map(|p| p.as_object().unwrap().keys().collect::<Vec<_>>()),
                schema
                    .get("properties")
                    .map(|p| p.as_object().unwrap().keys().collect::<Vec<_>>()),
                "{component}"
            );
            assert_eq!(ours.get("required"), schema.get("required"), "{component}");
            assert_eq!(ours.get("enum"), schema.get("enum"), "{component}");
        }
        // And the operations take them.
    }
    assert_eq!(
        doc["paths"]["/api/v1/crs"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/CrsAnswers"
    );
    for path in ["/api/v1/assess", "/api/v1/timeline", "/api/v1/whatif"] {
        assert_eq!(
            doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Profile",
            "{path}"
        );
    }
}
