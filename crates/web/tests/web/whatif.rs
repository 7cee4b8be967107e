//! `POST /api/v1/whatif`: the contract's worked example, languages, errors.

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::spawn;

/// The first what-if worked example of the planning contract.
const PROFILE: &str = r#"{"as_of": "2026-11-24", "date_of_birth": "1996-05-20", "marital_status": "single", "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01", "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}], "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-12-15"}], "work_history": [{"noc": "21232", "title": "Software developer", "country": "CA", "province": "ON", "start": "2026-01-05", "hours_per_week": 40}], "intended_province": "ON"}"#;

#[tokio::test]
async fn whatif_gives_the_contract_figures() {
    let app = spawn().await;
    let res = app.post_json("/api/v1/whatif?target=470", PROFILE).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["crs"], 370);
    assert_eq!(v["target"], 470);
    assert_eq!(v["options"].as_array().unwrap().len(), 24);
    assert_eq!(v["options"][0]["field"], "provincial_nomination");
    assert_eq!(v["options"][1]["on"], "2030-12-30");
    assert_eq!(v["plan"]["changes"].as_array().unwrap().len(), 2);
    assert_eq!(v["plan"]["crs"], 487);

    // Without a target: no plan.
    let res = app.post_json("/api/v1/whatif", PROFILE).await;
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert!(v["target"].is_null() && v["plan"].is_null());
}

#[tokio::test]
async fn whatif_speaks_french_on_request() {
    let app = spawn().await;
    let res = app
        .post_json("/api/v1/whatif?target=470&lang=fr", PROFILE)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["options"][0]["field"], "provincial_nomination");
    assert!(
        v["options"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("Une nomination"),
        "{}",
        v["options"][0]["detail"]
    );
    assert_eq!(v["target_basis"], "la cible que vous avez donnée");
}

#[tokio::test]
async fn whatif_errors_name_the_field() {
    let app = spawn().await;
    for bad in ["1201", "0", "abc", "-3"] {
        let res = app
            .post_json(&format!("/api/v1/whatif?target={bad}"), PROFILE)
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let v: Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(v["errors"][0]["field"], "target", "{bad}");
    }
    let res = app
        .post_json(
            "/api/v1/whatif",
            r#"{"date_of_birth": "1990-01-01", "as_of": "2026-11-24"}"#,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["errors"][0]["field"], "language_tests");
    let res = app.post_json("/api/v1/whatif?lang=de", PROFILE).await;
    let v: Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["errors"][0]["field"], "lang");
}

/// "How to raise your score" on the results page, without JavaScript: the
/// options, then the plan once a target is sent; a bad target is refused next
/// to its field and the rest still shows.
#[tokio::test]
async fn results_page_shows_how_to_raise_the_score() {
    let app = spawn().await;
    let p = landed_web::security::pack(PROFILE.as_bytes());
    let res = app.get(&format!("/en/assessment/results?p={p}")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("How to raise your score"), "{}", res.body);
    assert!(res.body.contains("All 24 options"));
    assert!(!res.body.contains("id=\"whatif-plan\""));
    let res = app
        .get(&format!("/fr/assessment/results?p={p}&target=470"))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Comment augmenter votre score"));
    assert!(res.body.contains("id=\"whatif-plan\""));
    assert!(res.body.contains("Pour atteindre 470"));
    assert!(res.body.contains("portent votre score à 487"));
    // The language switch keeps the target.
    assert!(res.body.contains("/en/assessment/results?p="));
    assert!(
        res.body.contains("&#38;target=470"),
        "the language switch drops the target"
    );
    let res = app
        .get(&format!("/en/assessment/results?p={p}&target=1300"))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("id=\"whatif-target-error\""));
    assert!(res.body.contains("Enter a whole number from 1 to 1,200."));
    assert!(!res.body.contains("id=\"whatif-plan\""));
}
