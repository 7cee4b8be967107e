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
    assert!(
        res.body.contains("name=\"first_language.listening\" type=\"text\" inputmode=\"decimal\" class=\"short\" value=\"")
            && res.body.contains("value=\"7\""),
        "values kept"
    );
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

/// Issue 12: the quick calculator takes a test's scores as well as CLB levels, converted
/// with today's chart, and says what a score must be when one is off the scale.
#[tokio::test]
async fn calculator_takes_test_scores() {
    let app = spawn().await;
    let clb = WORKED.replace("listening=7", "listening=9");
    let by_clb = app.get(&clb).await;
    assert_eq!(by_clb.status, StatusCode::OK, "{}", by_clb.body);
    // IELTS General Training 8 / 7 / 7 / 7 is CLB 9 in each ability.
    let ielts = WORKED
        .replace(
            "first_language.language=english",
            "first_language.language=english&first_language.test=ielts_general",
        )
        .replace("listening=7", "listening=8")
        .replace("reading=9", "reading=7")
        .replace("writing=9", "writing=7")
        .replace("speaking=9", "speaking=7");
    let by_test = app.get(&ielts).await;
    assert_eq!(by_test.status, StatusCode::OK, "{}", by_test.body);
    let total = |body: &str| {
        let at = body.find("id=\"crs-total\">").expect("a total") + "id=\"crs-total\">".len();
        body[at..].split('<').next().unwrap_or("").to_string()
    };
    assert_eq!(total(&by_test.body), total(&by_clb.body));
    assert!(
        by_test.body.contains("value=\"ielts_general\" selected"),
        "the test kept"
    );

    let off = ielts.replace("reading=7", "reading=6.3");
    let res = app.get(&off).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("IELTS General Training bands go from 0 to 9 in steps of 0.5, e.g. 6.5"),
        "{}",
        res.body
    );
    let fr = app.get(&off.replace("/en/crs", "/fr/crs")).await;
    assert!(fr.body.contains("de 0 à 9 par pas de 0,5"), "{}", fr.body);
}

/// Issue 12: no question that cannot change the answer: job offers earn no CRS points
/// since 2025-03-25, so the calculator does not ask for one.
#[tokio::test]
async fn calculator_does_not_ask_for_a_job_offer_that_earns_nothing() {
    let app = spawn().await;
    let page = app.get("/en/crs").await;
    assert!(!page.body.contains("name=\"job_offer\""));
    let without = WORKED.replace("&job_offer=none", "");
    let res = app.get(&without).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("id=\"crs-total\">353<"));
}
