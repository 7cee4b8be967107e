//! `GET /api/v1/draws` (the contract's draws output, filters, errors naming the
//! field), the `/{lang}/draws` page, and the outlook on the results page.

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::spawn;

const TEACHER: &str = r#"{"as_of": "2026-11-24", "date_of_birth": "1991-11-30", "marital_status": "married",
  "spouse": {"accompanying": true, "education": [{"level": "bachelors", "program_years": 4, "eca": true, "completed_on": "2014-06-01"}],
             "language_tests": [{"test": "celpip_general", "test_date": "2025-06-01", "listening": 6, "reading": 6, "writing": 6, "speaking": 6}]},
  "language_tests": [{"test": "celpip_general", "test_date": "2026-02-10", "listening": 9, "reading": 8, "writing": 8, "speaking": 9}],
  "education": [{"level": "masters", "program_years": 2, "eca": true, "completed_on": "2019-05-01"}],
  "work_history": [{"noc": "41200", "country": "IN", "start": "2019-07-01", "end": "2024-06-30", "hours_per_week": 40},
                   {"noc": "41200", "country": "CA", "province": "BC", "start": "2024-09-01", "hours_per_week": 25}],
  "intended_province": "BC"}"#;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap()
}

#[tokio::test]
async fn all_rounds_newest_first_with_data_as_of() {
    let app = spawn().await;
    let r = app.get("/api/v1/draws").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = json(&r.body);
    assert_eq!(v["data_as_of"], "2026-08-19");
    let rounds = v["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 438);
    assert_eq!(rounds[0]["number"], "437");
    assert_eq!(rounds[0]["type"], "french");
    assert_eq!(rounds[0]["invitations"], 5000);
    assert_eq!(rounds[0]["cutoff"], 382);
    assert_eq!(rounds[0]["tie_break"], "2026-03-01T18:34:05");
    assert_eq!(
        rounds[0]["distribution"][0],
        json(r#"{"from":601,"to":1200,"count":439}"#)
    );
    let doc = crate::openapi::doc();
    crate::openapi::assert_response(&doc, "get", "/api/v1/draws", 200, &v, "all rounds");
}

#[tokio::test]
async fn filters_by_type_and_inclusive_period() {
    let app = spawn().await;
    let r = app
        .get("/api/v1/draws?type=cec&type=pnp&since=2026-08-04&until=2026-08-18")
        .await;
    let v = json(&r.body);
    let got: Vec<(&str, &str)> = v["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["number"].as_str().unwrap(), r["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("436", "cec"),
            ("435", "pnp"),
            ("432", "cec"),
            ("431", "pnp")
        ]
    );
    let r = app
        .get("/api/v1/draws?type=cec,french&since=2026-08-19")
        .await;
    assert_eq!(json(&r.body)["rounds"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn bad_filters_name_the_field() {
    let app = spawn().await;
    for (q, field) in [
        ("type=cecx", "type"),
        ("since=2026-02-30", "since"),
        ("until=yesterday", "until"),
        ("colour=blue", "colour"),
    ] {
        let r = app.get(&format!("/api/v1/draws?{q}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{q}");
        assert_eq!(
            json(&r.body)["errors"][0]["field"],
            field,
            "{q}: {}",
            r.body
        );
    }
}

#[tokio::test]
async fn assess_has_the_outlook() {
    let app = spawn().await;
    let r = app.post_json("/api/v1/assess?lang=fr", TEACHER).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let o = &json(&r.body)["outlook"];
    assert_eq!(o["crs"], 450);
    assert_eq!(o["windows"][0]["eligible_rounds"], 11);
    assert_eq!(o["windows"][1]["by_type"]["cec"]["lowest_cutoff"], 507);
    assert!(o["detail"].as_str().unwrap().starts_with("Avec 450 points"));
}

#[tokio::test]
async fn the_page_in_both_languages() {
    let app = spawn().await;
    for lang in ["en", "fr"] {
        let r = app.get(&format!("/{lang}/draws")).await;
        assert_eq!(r.status, StatusCode::OK);
        let b = &r.body;
        assert!(b.contains("<svg class=\"draws-svg\""), "{lang}: no chart");
        assert!(b.contains("id=\"draws-table\""));
        assert!(b.contains("id=\"pool-table\""));
        assert!(b.contains("data-round=\"437\""));
        // Default: the last 12 months.
        assert!(!b.contains("data-round=\"360\""));
        assert!(
            !b.contains("draws-") || !b.contains(">draws-"),
            "{lang}: a missing message key"
        );
        assert!(b.contains("aria-current=\"page\""));
    }
    let fr = app.get("/fr/draws").await.body;
    assert!(fr.contains("Rondes d’invitations d’Entrée express"));
    assert!(fr.contains("Catégorie de l’expérience canadienne"));
}

#[tokio::test]
async fn the_page_filters_and_explains_bad_input() {
    let app = spawn().await;
    let r = app.get("/en/draws?type=cec&since=2026-08-01&until=").await;
    assert!(r.body.contains("data-round=\"436\""));
    assert!(!r.body.contains("data-round=\"437\""));
    let r = app.get("/en/draws?type=nope&since=2026-13-01").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("error-summary"));
    assert!(r.body.contains("Choose a round type from the list."));
    assert!(r.body.contains("Enter a date as YYYY-MM-DD"));
    let r = app.get("/fr/draws?since=2026-13-01").await;
    assert!(r.body.contains("Entrez une date au format AAAA-MM-JJ"));
    let r = app.get("/en/draws?type=stem&since=2026-01-01").await;
    assert!(r.body.contains("No round matches these filters."));
}

#[tokio::test]
async fn results_page_says_the_outlook_first_in_both_languages() {
    let app = spawn().await;
    for (lang, want) in [
        (
            "en",
            "Your 450 would have cleared 0 of the 11 Canadian Experience Class rounds since February 19, 2026",
        ),
        (
            "fr",
            "Avec 450 points, vous auriez atteint le seuil de 0 des 11 rondes",
        ),
    ] {
        let packed = landed_web::security::pack(TEACHER.as_bytes());
        let r = app
            .get(&format!("/{lang}/assessment/results?p={packed}"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(want), "{lang}");
        let sentence = r.body.find("id=\"outlook-sentence\"").unwrap();
        assert!(
            sentence < r.body.find("id=\"share-h\"").unwrap(),
            "sentence near the top"
        );
        assert!(r.body.contains("data-type=\"cec\""));
    }
}
