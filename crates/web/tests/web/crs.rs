use axum::http::StatusCode;

use crate::common::spawn;

const WORKED: &str = "/en/crs?calc=1&age=29&has_spouse=no&education=bachelors&canadian_education=none&first_language.language=english&first_language.listening=7&first_language.reading=9&first_language.writing=9&first_language.speaking=9&canadian_experience_years=0&foreign_experience_years=0&certificate_of_qualification=no&provincial_nomination=no&sibling_in_canada=no&job_offer=none";

#[tokio::test]
async fn calculator_form_in_both_languages() {
    let app = spawn().await;
    let en = app.get("/en/crs").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("Quick CRS calculator"));
    assert!(en.body.contains("name=\"first_language.listening\""));
    assert!(!en.body.contains("id=\"crs-total\""));
    let fr = app.get("/fr/crs").await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("Calculateur SCG rapide"));
}

#[tokio::test]
async fn calculator_scores_the_worked_example_with_a_chart() {
    let app = spawn().await;
    let res = app.get(WORKED).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("id=\"crs-total\">353<"), "total");
    assert!(res.body.contains("<svg"), "chart");
    assert!(res.body.contains("<title id=\"crs-chart-title\">"));
    assert!(res.body.contains("value=\"7\" selected"), "values kept");
    // The switcher keeps the answers.
    assert!(res.body.contains("href=\"/fr/crs?age=29"));
    let fr = app.get(&WORKED.replace("/en/", "/fr/")).await;
    assert!(fr.body.contains("id=\"crs-total\">353<"));
    assert!(fr.body.contains("Note SCG estimée"));
    let start = res.body.find("<figure class=\"chart\">").unwrap();
    let end = res.body.find("</figure>").unwrap() + "</figure>".len();
    insta::assert_snapshot!("crs_chart_en", &res.body[start..end]);
}

#[tokio::test]
async fn calculator_shows_errors_next_to_fields() {
    let app = spawn().await;
    let res = app
        .get("/fr/crs?calc=1&age=abc&first_language.listening=7")
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"f-age-error\""));
    assert!(res.body.contains("Entrez un nombre entier de 0 à 120"));
    assert!(res.body.contains("id=\"f-education-error\""));
    assert!(res.body.contains("id=\"f-first_language-reading-error\""));
    assert!(res.body.contains("value=\"abc\""));
}
