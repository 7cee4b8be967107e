//! Real responses of the JSON API checked against the schemas of the generated OpenAPI
//! document with the `jsonschema` crate (JSON Schema 2020-12, formats checked), and the
//! document itself: snapshotted, its request schemas the public contracts field for field.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::common::spawn;

/// The generated document.
pub fn doc() -> Value {
    landed_web::routes::api::doc::document()
}

/// A validator for `schema` with the document's components beside it (so `$ref`s resolve).
pub fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    if let Value::Object(m) = &mut root {
        m.insert("components".into(), doc["components"].clone());
    } else {
        root = json!({"allOf": [schema], "components": doc["components"]});
    }
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

/// The schema of the `status` response of `method path`.
pub fn response_schema(doc: &Value, method: &str, path: &str, status: &str) -> Value {
    let content = &doc["paths"][path][method]["responses"][status]["content"];
    let schema = content["application/json"]["schema"].clone();
    let schema = if schema.is_null() {
        content["application/problem+json"]["schema"].clone()
    } else {
        schema
    };
    assert!(
        schema.is_object(),
        "{method} {path} documents no {status} response schema"
    );
    schema
}

/// `v` is a valid `status` response of `method path`.
pub fn assert_response(doc: &Value, method: &str, path: &str, status: u16, v: &Value, case: &str) {
    let schema = response_schema(doc, method, path, &status.to_string());
    let errors: Vec<String> = validator(doc, &schema)
        .iter_errors(v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status} response for {case} does not match the document:\n{}",
        errors.join("\n")
    );
}

fn assert_valid(doc: &Value, path: &str, v: &Value, case: &str) {
    assert_response(doc, "post", path, 200, v, case);
}

/// Profiles that together reach the optional parts of an assessment: the
/// FSW grid, categories, a spouse, foreign experience, CEC hours still short,
/// no language test (`crs: null`).
fn profiles() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = include_str!("../../tests/data/profiles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let case: Value = serde_json::from_str(l).unwrap();
            (
                case["name"].as_str().unwrap().to_string(),
                case["profile"].clone(),
            )
        })
        .collect();
    out.push((
        "docs/examples/pgwp-graduate.json".to_string(),
        serde_json::from_str(include_str!("../../../../docs/examples/pgwp-graduate.json")).unwrap(),
    ));
    out.push((
        "spouse with records, foreign work, French".to_string(),
        json!({
            "as_of": "2026-09-30",
            "date_of_birth": "1992-05-01",
            "marital_status": "married",
            "education": [{"level": "masters", "in_canada": false, "completed_on": "2017-06-30", "eca": true}],
            "language_tests": [
                {"test": "ielts_general", "test_date": "2026-01-10", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
                {"test": "tef_canada", "test_date": "2026-02-10", "listening": 250, "reading": 210, "writing": 310, "speaking": 310}
            ],
            "work_history": [
                {"noc": "21232", "country": "IN", "start": "2018-01-01", "end": "2025-12-31", "hours_per_week": 40},
                {"noc": "21232", "country": "CA", "province": "ON", "start": "2026-03-01", "end": null, "hours_per_week": 40}
            ],
            "spouse": {
                "accompanying": true,
                "canadian_citizen_or_pr": false,
                "education": [{"level": "bachelors", "in_canada": false, "completed_on": "2015-06-30", "eca": true}],
                "language_tests": [{"test": "celpip_general", "test_date": "2026-01-15", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}]
            },
            "intended_province": "ON"
        }),
    ));
    out.push((
        "tests left out: expired, and taken after as_of".to_string(),
        json!({
            "as_of": "2026-09-30",
            "date_of_birth": "1990-01-01",
            "language_tests": [
                {"test": "pte_core", "test_date": "2020-09-15", "listening": 60, "reading": 60, "writing": 60, "speaking": 60},
                {"test": "tef_canada", "test_date": "2027-08-24", "listening": 250, "reading": 210, "writing": 310, "speaking": 310}
            ]
        }),
    ));
    out.push((
        "no language test".to_string(),
        json!({
            "as_of": "2026-09-30",
            "date_of_birth": "1995-01-01",
            "work_history": [{"noc": "72310", "country": "CA", "province": "AB", "start": "2025-01-06", "end": null, "hours_per_week": 40}]
        }),
    ));
    out
}

#[tokio::test]
async fn assess_responses_match_the_documented_schema() {
    let app = spawn().await;
    let doc = doc();
    let mut seen_grid = false;
    let mut seen_null_crs = false;
    for (name, profile) in profiles() {
        let res = app.post_json("/api/v1/assess", &profile.to_string()).await;
        assert_eq!(res.status, StatusCode::OK, "{name}: {}", res.body);
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_valid(&doc, "/api/v1/assess", &v, &name);
        seen_grid |= v["programs"]["fsw"]["grid"].is_object();
        seen_null_crs |= v["crs"].is_null();
    }
    assert!(
        seen_grid && seen_null_crs,
        "the cases no longer reach the optional parts"
    );
}

#[tokio::test]
async fn crs_responses_match_the_documented_schema() {
    let app = spawn().await;
    let doc = doc();
    let text = include_str!("../../tests/data/crs-answers.jsonl");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let res = app
            .post_json("/api/v1/crs", &case["answers"].to_string())
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_valid(&doc, "/api/v1/crs", &v, line);
    }
}

#[test]
fn the_validator_rejects_what_is_not_documented() {
    let doc = doc();
    let schema = json!({"$ref": "#/components/schemas/CrsResult"});
    let v = validator(&doc, &schema);
    let good = json!({"total": 1, "rule_set": "crs-2025-03-25", "as_of": "2026-01-01", "core": 1,
        "spouse": 0, "skill_transferability": 0, "additional": 0, "with_spouse": false, "lines": []});
    assert!(v.is_valid(&good));
    for bad in [
        json!({"colour": "blue"}),
        json!({"total": "1"}),
        json!({"as_of": "2026-02-30"}),
        json!({"lines": [{"factor": "core.age"}]}),
    ] {
        let mut x = good.clone();
        for (k, y) in bad.as_object().unwrap() {
            x[k] = y.clone();
        }
        assert!(!v.is_valid(&x), "{bad} passed");
    }
    let mut x = good;
    x.as_object_mut().unwrap().remove("rule_set");
    assert!(!v.is_valid(&x));
}

#[test]
fn every_ref_resolves_and_every_schema_compiles() {
    let doc = doc();
    fn walk(doc: &Value, v: &Value) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    let name = r
                        .strip_prefix("#/components/schemas/")
                        .unwrap_or_else(|| panic!("unexpected $ref {r}"));
                    assert!(
                        doc["components"]["schemas"][name].is_object(),
                        "dangling $ref {r}"
                    );
                }
                m.values().for_each(|x| walk(doc, x));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(doc, x)),
            _ => {}
        }
    }
    walk(&doc, &doc);
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        let _ = validator(&doc, schema);
        assert!(schema.is_object(), "{name}");
    }
}

/// `?detail=totals` (issue 14): the numbers of the full result, without the
/// explanations, as documented, and the same bytes in English and French.
#[tokio::test]
async fn totals_responses_match_the_documented_schema_and_the_full_numbers() {
    let app = spawn().await;
    let doc = doc();
    let text = include_str!("../../tests/data/crs-answers.jsonl");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let body = case["answers"].to_string();
        let full = app.post_json("/api/v1/crs", &body).await;
        let en = app
            .post_json("/api/v1/crs?detail=totals&lang=en", &body)
            .await;
        let fr = app
            .post_json("/api/v1/crs?detail=totals&lang=fr", &body)
            .await;
        assert_eq!(en.status, StatusCode::OK, "{}", en.body);
        assert_eq!(en.body, fr.body);
        let (full, v): (Value, Value) = (
            serde_json::from_str(&full.body).unwrap(),
            serde_json::from_str(&en.body).unwrap(),
        );
        assert_valid(&doc, "/api/v1/crs", &v, line);
        for k in [
            "total",
            "rule_set",
            "as_of",
            "core",
            "spouse",
            "skill_transferability",
            "additional",
        ] {
            assert_eq!(v[k], full[k], "{k}");
        }
        assert_eq!(v.as_object().unwrap().len(), 7);
    }
    let mut seen_null_crs = false;
    for (name, profile) in profiles() {
        let full = app.post_json("/api/v1/assess", &profile.to_string()).await;
        let en = app
            .post_json("/api/v1/assess?detail=totals", &profile.to_string())
            .await;
        let fr = app
            .post_json("/api/v1/assess?detail=totals&lang=fr", &profile.to_string())
            .await;
        assert_eq!(en.status, StatusCode::OK, "{name}: {}", en.body);
        assert_eq!(en.body, fr.body, "{name}");
        let (full, v): (Value, Value) = (
            serde_json::from_str(&full.body).unwrap(),
            serde_json::from_str(&en.body).unwrap(),
        );
        assert_valid(&doc, "/api/v1/assess", &v, &name);
        for p in ["cec", "fsw", "fst"] {
            assert_eq!(
                v["programs"][p]["eligible"],
                full["programs"][p]["eligible"]
            );
        }
        assert_eq!(
            v["programs"]["invited_under"],
            full["programs"]["invited_under"]
        );
        assert_eq!(v["crs"]["total"], full["crs"]["total"]);
        seen_null_crs |= v["crs"].is_null();
    }
    assert!(seen_null_crs);
}

#[tokio::test]
async fn an_unknown_detail_is_a_422_naming_the_parameter() {
    let app = spawn().await;
    for path in [
        "/api/v1/crs?detail=summary",
        "/api/v1/assess?detail=summary",
    ] {
        let res = app.post_json(path, "{}").await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(v["errors"][0]["parameter"], "detail", "{v}");
        assert_response(
            &doc(),
            "post",
            &path[..path.find('?').unwrap()],
            422,
            &v,
            path,
        );
    }
}

#[tokio::test]
async fn whatif_responses_match_the_documented_schema() {
    let app = spawn().await;
    let doc = doc();
    let mut seen_plan = false;
    for (name, profile) in profiles() {
        // No valid test: no CRS, nothing to raise (a 422 naming language_tests).
        if name == "no language test" || name.starts_with("tests left out") {
            continue;
        }
        for target in ["", "?target=470", "?target=1200", "?target=300"] {
            let res = app
                .post_json(&format!("/api/v1/whatif{target}"), &profile.to_string())
                .await;
            assert_eq!(res.status, StatusCode::OK, "{name}: {}", res.body);
            let v: Value = serde_json::from_str(&res.body).unwrap();
            assert_valid(&doc, "/api/v1/whatif", &v, &name);
            seen_plan |= v["plan"].is_object();
        }
    }
    assert!(seen_plan, "no case reaches a plan");
}

const GRADUATE: &str = r#"{"as_of": "2026-11-24", "date_of_birth": "1996-05-20", "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01", "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}], "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-12-15"}], "work_history": [{"noc": "21232", "country": "CA", "province": "ON", "start": "2026-01-05", "hours_per_week": 40}], "intended_province": "ON", "permits": [{"kind": "pgwp", "end": "2027-06-30"}], "express_entry": {"profile_submitted_on": "2026-06-01"}}"#;

#[tokio::test]
async fn timeline_responses_match_the_documented_schema() {
    let app = spawn().await;
    let doc = doc();
    for q in ["", "?until=2029-11-24", "?jobs_end=2026-12-31&lang=fr"] {
        let res = app
            .post_json(&format!("/api/v1/timeline{q}"), GRADUATE)
            .await;
        assert_eq!(res.status, StatusCode::OK, "{q}: {}", res.body);
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_valid(&doc, "/api/v1/timeline", &v, q);
        assert!(!v["events"].as_array().unwrap().is_empty(), "{q}");
    }
    let res = app
        .post_json("/api/v1/timeline?jobs_end=2026-01-01", GRADUATE)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["errors"][0]["parameter"], "jobs_end", "{v}");
    let res = app
        .post_json("/api/v1/timeline?until=tomorrow", GRADUATE)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["errors"][0]["parameter"], "until", "{v}");
}
