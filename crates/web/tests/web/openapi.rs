//! Real responses of the JSON API checked against the response schemas of the
//! OpenAPI document (a small structural validator: `$ref`, `oneOf`, `type`,
//! `enum`, `required`, `properties`, `additionalProperties`, `items`,
//! `minimum`/`maximum`). An object key the schema does not name fails unless
//! the schema says `"additionalProperties": true`.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::common::spawn;

pub fn doc() -> Value {
    serde_json::from_str(landed_web::routes::api::OPENAPI).unwrap()
}

/// The 200 response schema of `POST path`.
fn response_schema<'a>(doc: &'a Value, path: &str) -> &'a Value {
    &doc["paths"][path]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("unexpected $ref {r}"));
            let target = &doc["components"]["schemas"][name];
            assert!(target.is_object(), "dangling $ref {r}");
            resolve(doc, target)
        }
        None => schema,
    }
}

fn type_matches(ty: &str, v: &Value) -> bool {
    match ty {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        other => panic!("unknown type {other}"),
    }
}

/// Errors of `v` against `schema`, each prefixed with its path.
pub fn check(doc: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let passing = options
            .iter()
            .filter(|o| {
                let mut e = Vec::new();
                check(doc, o, v, at, &mut e);
                e.is_empty()
            })
            .count();
        if passing != 1 {
            errors.push(format!("{at}: matches {passing} of the oneOf options"));
        }
    }
    match schema.get("type") {
        Some(Value::String(t)) if !type_matches(t, v) => {
            errors.push(format!("{at}: {v} is not {t}"));
            return;
        }
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_matches(t.as_str().unwrap(), v)) => {
            errors.push(format!("{at}: {v} is none of {ts:?}"));
            return;
        }
        _ => {}
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(v)
    {
        errors.push(format!("{at}: {v} is not one of {allowed:?}"));
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errors.push(format!("{at}: {n} < minimum {min}"));
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64())
        && n > max
    {
        errors.push(format!("{at}: {n} > maximum {max}"));
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap();
            assert!(
                props.is_some_and(|p| p.contains_key(req)),
                "{at}: required {req} is not among the schema's properties"
            );
            if !obj.contains_key(req) {
                errors.push(format!("{at}: required {req} is missing"));
            }
        }
        if let Some(props) = props {
            let open = schema.get("additionalProperties") == Some(&Value::Bool(true));
            for (k, x) in obj {
                match props.get(k) {
                    Some(s) => check(doc, s, x, &format!("{at}.{k}"), errors),
                    None if open => {}
                    None => errors.push(format!("{at}.{k}: not documented")),
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(doc, items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

fn assert_valid(doc: &Value, path: &str, v: &Value, case: &str) {
    let mut errors = Vec::new();
    check(doc, response_schema(doc, path), v, "$", &mut errors);
    assert!(
        errors.is_empty(),
        "{path} response for {case} does not match the document:\n{}",
        errors.join("\n")
    );
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
    // The full result (the first of the two shapes: full, or detail=totals).
    let schema = &response_schema(&doc, "/api/v1/crs")["oneOf"][0];
    let good = json!({"total": 1, "rule_set": "crs-2025-03-25", "as_of": "2026-01-01", "core": 1,
        "spouse": 0, "skill_transferability": 0, "additional": 0, "with_spouse": false, "lines": []});
    let mut errors = Vec::new();
    check(&doc, schema, &good, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    for bad in [
        json!({"colour": "blue"}),
        json!({"total": "1"}),
        json!({"lines": [{"factor": "core.age"}]}),
    ] {
        let mut v = good.clone();
        for (k, x) in bad.as_object().unwrap() {
            v[k] = x.clone();
        }
        let mut errors = Vec::new();
        check(&doc, schema, &v, "$", &mut errors);
        assert!(!errors.is_empty(), "{bad} passed");
    }
    let mut v = good;
    v.as_object_mut().unwrap().remove("rule_set");
    let mut errors = Vec::new();
    check(&doc, schema, &v, "$", &mut errors);
    assert_eq!(errors, ["$: required rule_set is missing"]);
}

#[test]
fn every_response_schema_ref_resolves() {
    let doc = doc();
    fn walk(doc: &Value, v: &Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("$ref") {
                    resolve(doc, v);
                }
                m.values().for_each(|x| walk(doc, x));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(doc, x)),
            _ => {}
        }
    }
    walk(&doc, &doc);
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
        assert_eq!(v["error"]["field"], "detail");
    }
}

#[tokio::test]
async fn whatif_responses_match_the_documented_schema() {
    let app = spawn().await;
    let doc = doc();
    let mut seen_plan = false;
    for (name, profile) in profiles() {
        if name == "no language test" {
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
    assert_eq!(v["error"]["field"], "jobs_end");
    let res = app
        .post_json("/api/v1/timeline?until=tomorrow", GRADUATE)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["error"]["field"], "until");
}
