use axum::http::StatusCode;

use crate::common::{Resp, TestApp, spawn};

async fn step(
    app: &TestApp,
    lang: &str,
    prev: &Resp,
    step: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Resp {
    let state = prev.hidden("state");
    let mut form: Vec<(&str, &str)> = vec![("state", &state), ("step", step), ("action", action)];
    form.extend_from_slice(fields);
    app.post_form(&format!("/{lang}/assessment"), &form, &[])
        .await
}

/// The contract's first example profile (graduate on a PGWP), entered step by step.
async fn complete_eligible_profile(app: &TestApp, lang: &str) -> Resp {
    let start = app.get(&format!("/{lang}/assessment")).await;
    assert_eq!(start.status, StatusCode::OK);
    let r = step(
        app,
        lang,
        &start,
        "about",
        "next",
        &[
            ("date_of_birth", "1998-02-11"),
            ("marital_status", "single"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "language",
        "next",
        &[
            ("_n.language_tests", "1"),
            ("language_tests[0].test", "ielts_general"),
            ("language_tests[0].test_date", "2025-11-20"),
            ("language_tests[0].listening", "7.5"),
            ("language_tests[0].reading", "6.5"),
            ("language_tests[0].writing", "6.5"),
            ("language_tests[0].speaking", "7"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "education",
        "next",
        &[
            ("_n.education", "1"),
            ("education[0].level", "two_year"),
            ("education[0].program_years", "2"),
            ("education[0].in_canada", "yes"),
            ("education[0].completed_on", "2025-04-30"),
            ("education[0].eca", "yes"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "work",
        "next",
        &[
            ("_n.work_history", "2"),
            ("work_history[0].title", "Barista"),
            ("work_history[0].noc", "65201"),
            ("work_history[0].country", "CA"),
            ("work_history[0].province", "BC"),
            ("work_history[0].start", "2023-10-01"),
            ("work_history[0].end", "2025-04-30"),
            ("work_history[0].hours_per_week", "20"),
            ("work_history[0].kind", "employee"),
            ("work_history[0].authorized", "yes"),
            ("work_history[1].title", "Administrative assistant"),
            ("work_history[1].noc", "13110"),
            ("work_history[1].country", "CA"),
            ("work_history[1].province", "BC"),
            ("work_history[1].start", "2025-07-14"),
            ("work_history[1].hours_per_week", "37.5"),
            ("work_history[1].kind", "employee"),
            ("work_history[1].authorized", "yes"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "study",
        "next",
        &[
            ("_n.study_periods", "1"),
            ("study_periods[0].start", "2023-09-05"),
            ("study_periods[0].end", "2025-04-30"),
            ("study_periods[0].full_time", "yes"),
            ("study_periods[0].in_canada", "yes"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "family",
        "next",
        &[("sibling_in_canada", "no")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "plans",
        "next",
        &[("intended_province", "BC"), ("provincial_nomination", "no")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with(&format!("/{lang}/assessment/results?p="))
    );
    app.get(r.location()).await
}

#[tokio::test]
async fn wizard_steps_render_in_both_languages() {
    let app = spawn().await;
    let en = app.get("/en/assessment").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("About you"));
    assert!(
        en.body
            .contains("<label for=\"f-date_of_birth\">Date of birth</label>")
    );
    let fr = app.get("/fr/assessment").await;
    assert!(fr.body.contains("À propos de vous"));
    assert!(fr.body.contains("Date de naissance"));
}

#[tokio::test]
async fn an_eligible_profile_is_eligible_in_english() {
    let app = spawn().await;
    let res = complete_eligible_profile(&app, "en").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("data-verdict=\"eligible\""));
    assert!(res.body.contains("You appear to meet the requirements"));
    assert!(res.body.contains("id=\"crs-total\""));
    assert!(res.body.contains("<svg"));
    assert!(res.body.contains("id=\"facts-hours\""));
    assert!(res.body.contains("id=\"facts-clb\""));
    assert!(res.body.contains("/en/questions/new?assessment="));
}

#[tokio::test]
async fn an_eligible_profile_is_eligible_in_french() {
    let app = spawn().await;
    let res = complete_eligible_profile(&app, "fr").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("data-verdict=\"eligible\""));
    assert!(res.body.contains("Vous semblez remplir les exigences"));
    assert!(res.body.contains("Note SCG estimée"));
}

#[tokio::test]
async fn errors_stay_on_the_step_with_values_kept() {
    let app = spawn().await;
    let start = app.get("/fr/assessment").await;
    let r = step(
        &app,
        "fr",
        &start,
        "about",
        "next",
        &[("date_of_birth", "31/02/1990"), ("marital_status", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"f-date_of_birth-error\""));
    assert!(r.body.contains("Entrez une date comme 2024-03-31"));
    assert!(r.body.contains("id=\"f-marital_status-error\""));
    assert!(r.body.contains("value=\"31/02/1990\""));
    let r = step(
        &app,
        "fr",
        &r,
        "about",
        "next",
        &[
            ("date_of_birth", "1990-01-01"),
            ("marital_status", "single"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = step(
        &app,
        "fr",
        &r,
        "language",
        "next",
        &[
            ("_n.language_tests", "1"),
            ("language_tests[0].test", "ielts_general"),
            ("language_tests[0].listening", "abc"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"f-language_tests-0-listening-error\""));
    assert!(r.body.contains("id=\"f-language_tests-0-test_date-error\""));
}

#[tokio::test]
async fn rules_errors_land_next_to_the_field() {
    let app = spawn().await;
    let start = app.get("/en/assessment").await;
    let r = step(
        &app,
        "en",
        &start,
        "about",
        "next",
        &[
            ("date_of_birth", "1990-01-01"),
            ("marital_status", "single"),
        ],
    )
    .await;
    // An IELTS band of 11 is out of range: the engine says so at the end.
    let r = step(
        &app,
        "en",
        &r,
        "language",
        "next",
        &[
            ("_n.language_tests", "1"),
            ("language_tests[0].test", "ielts_general"),
            ("language_tests[0].test_date", "2026-01-10"),
            ("language_tests[0].listening", "11"),
            ("language_tests[0].reading", "7"),
            ("language_tests[0].writing", "7"),
            ("language_tests[0].speaking", "7"),
        ],
    )
    .await;
    let mut r = r;
    for s in ["education", "work", "study", "family"] {
        r = step(&app, "en", &r, s, "next", &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{s}: {}", r.body);
    }
    let r = step(&app, "en", &r, "plans", "next", &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Language tests"));
    assert!(
        r.body.contains("id=\"f-language_tests-0-listening-error\""),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn jobs_can_be_added_and_removed_without_javascript() {
    let app = spawn().await;
    let start = app.get("/en/assessment").await;
    let r = step(
        &app,
        "en",
        &start,
        "about",
        "next",
        &[
            ("date_of_birth", "1990-01-01"),
            ("marital_status", "married"),
        ],
    )
    .await;
    let r = step(
        &app,
        "en",
        &r,
        "language",
        "next",
        &[("_n.language_tests", "1")],
    )
    .await;
    let r = step(
        &app,
        "en",
        &r,
        "education",
        "next",
        &[("_n.education", "0")],
    )
    .await;
    assert!(r.body.contains("Job 1"));
    let r = step(
        &app,
        "en",
        &r,
        "work",
        "add:work_history",
        &[("_n.work_history", "1"), ("work_history[0].noc", "21232")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Job 2"));
    assert!(r.body.contains("value=\"21232\""), "kept");
    let r = step(
        &app,
        "en",
        &r,
        "work",
        "remove:work_history:0",
        &[
            ("_n.work_history", "2"),
            ("work_history[0].noc", "21232"),
            ("work_history[1].noc", "13110"),
        ],
    )
    .await;
    assert!(!r.body.contains("Job 2"));
    assert!(r.body.contains("value=\"13110\""));
    // The family step asks about the spouse of a married person.
    let r = step(
        &app,
        "en",
        &r,
        "work",
        "back",
        &[("_n.work_history", "1"), ("work_history[0].noc", "13110")],
    )
    .await;
    assert!(r.body.contains("Your credentials"), "back to education");
}

#[tokio::test]
async fn noc_is_found_by_job_title_without_javascript() {
    let app = spawn().await;
    let start = app.get("/en/assessment").await;
    let r = step(
        &app,
        "en",
        &start,
        "about",
        "next",
        &[
            ("date_of_birth", "1990-01-01"),
            ("marital_status", "single"),
        ],
    )
    .await;
    let r = step(
        &app,
        "en",
        &r,
        "language",
        "next",
        &[("_n.language_tests", "0")],
    )
    .await;
    let r = step(
        &app,
        "en",
        &r,
        "education",
        "next",
        &[("_n.education", "0")],
    )
    .await;
    let r = step(
        &app,
        "en",
        &r,
        "work",
        "find_noc:0",
        &[
            ("_n.work_history", "1"),
            ("work_history[0].title", "software developer"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("value=\"pick_noc:0:21232\""), "{}", r.body);
    let r = step(
        &app,
        "en",
        &r,
        "work",
        "pick_noc:0:21232",
        &[
            ("_n.work_history", "1"),
            ("work_history[0].title", "software developer"),
        ],
    )
    .await;
    assert!(
        r.body
            .contains("name=\"work_history[0].noc\" value=\"21232\"")
    );
}

#[tokio::test]
async fn noc_type_ahead_fragment() {
    let app = spawn().await;
    let r = app
        .get("/fr/noc/suggest?i=2&work_history%5B2%5D.title=cuisinier")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("data-target=\"f-work_history-2-noc\""));
    assert!(!r.body.contains("<html"));
}

#[tokio::test]
async fn results_link_is_validated() {
    let app = spawn().await;
    let r = app.get("/en/assessment/results?p=garbage").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("incomplete or damaged"));
}

#[tokio::test]
async fn results_attach_to_a_question_and_staff_see_them() {
    let app = spawn().await;
    let res = complete_eligible_profile(&app, "en").await;
    let start = res.body.find("/en/questions/new?assessment=").unwrap();
    let end = res.body[start..].find('"').unwrap() + start;
    let href = res.body[start..end].replace("&amp;", "&");
    let form = app.get(&href).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Attached assessment"));
    let attached = form.hidden("assessment");
    let token = app.question_token("en", 10);
    let r = app
        .post_form(
            "/en/questions/new",
            &[
                ("name", "Ana"),
                ("email", "ana@example.com"),
                ("topic", "cec"),
                ("message", "Is my barista job excluded correctly?"),
                ("preferred_language", "en"),
                ("consent", "yes"),
                ("assessment", &attached),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let reference = r.location().split("ref=").nth(1).unwrap().to_string();
    let q = app
        .state
        .store()
        .get_question_by_reference(&reference)
        .await
        .unwrap();
    assert!(
        q.assessment_json
            .as_deref()
            .unwrap()
            .contains("\"as_of\":\"2026-11-24\"")
    );
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let detail = app
        .get_h(
            &format!("/staff/questions/{}", q.id),
            &[("cookie", &cookie)],
        )
        .await;
    assert!(detail.body.contains("data-verdict=\"eligible\""));
    assert!(detail.body.contains("id=\"crs-total\""));
    // What the engine adds: invitation program, FSW grid, categories, work per program.
    assert!(
        detail
            .body
            .contains("id=\"invited-under\" data-program=\"cec\"")
    );
    assert!(detail.body.contains("id=\"fsw-grid\""));
    assert!(detail.body.contains("id=\"grid-total\" data-total=\"71\""));
    assert!(detail.body.contains("id=\"cat-h\""));
    assert!(detail.body.contains("id=\"facts-program-work\""));
}
