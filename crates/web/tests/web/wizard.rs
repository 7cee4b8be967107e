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
            ("education[0].studied_from", "2023-09-05"),
            ("education[0].completed_on", "2025-04-30"),
            ("education[0].studied_full_time", "yes"),
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
    // The study step lists the credential's program as already counted.
    assert!(r.body.contains("id=\"counted-study\""), "{}", r.body);
    let r = step(
        app,
        lang,
        &r,
        "study",
        "next",
        // The college program is the credential's period of study (issue 12: asked once).
        &[("_n.study_periods", "0")],
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
    // The message names its field (issue 12), French style: a no-break space before the colon.
    assert!(
        r.body
            .contains("Date de naissance\u{a0}: entrez une date comme 2024-03-31"),
        "{}",
        r.body
    );
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
    let r = step(
        &app,
        "en",
        &r,
        "plans",
        "next",
        &[("intended_province", "ON")],
    )
    .await;
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
    // Without JavaScript, "Add another" comes back at the new entry, "Find" at the results.
    assert!(
        r.body
            .contains("formaction=\"/en/assessment#list-work_history-1\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("id=\"list-work_history-0\""));
    assert!(
        r.body
            .contains("formaction=\"/en/assessment#noc-results-0\"")
    );
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

/// Walk the wizard from the start, one `(step, fields)` pair per step, stopping early on a
/// response that is not 200 (the last response is returned).
async fn walk(app: &TestApp, lang: &str, steps: &[(&str, Vec<(&str, &str)>)]) -> Resp {
    let mut r = app.get(&format!("/{lang}/assessment")).await;
    for (name, fields) in steps {
        r = step(app, lang, &r, name, "next", fields).await;
        if r.status != StatusCode::OK {
            break;
        }
    }
    r
}

fn trades_steps(marital: &'static str) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "about",
            vec![("date_of_birth", "1992-03-01"), ("marital_status", marital)],
        ),
        (
            "language",
            vec![
                ("_n.language_tests", "1"),
                ("language_tests[0].test", "ielts_general"),
                ("language_tests[0].test_date", "2025-11-20"),
                ("language_tests[0].listening", "7"),
                ("language_tests[0].reading", "6.5"),
                ("language_tests[0].writing", "6.5"),
                ("language_tests[0].speaking", "7"),
            ],
        ),
        (
            "education",
            vec![
                ("_n.education", "1"),
                ("education[0].level", "bachelors"),
                ("education[0].program_years", "4"),
                ("education[0].in_canada", "no"),
                ("education[0].eca", "yes"),
            ],
        ),
        (
            "work",
            vec![
                ("_n.work_history", "1"),
                ("work_history[0].title", "Carpenter"),
                ("work_history[0].noc", "72310"),
                ("work_history[0].country", "IN"),
                ("work_history[0].start", "2019-01-01"),
                ("work_history[0].end", "2025-06-30"),
                ("work_history[0].hours_per_week", "40"),
                ("work_history[0].kind", "employee"),
            ],
        ),
        ("study", vec![("_n.study_periods", "0")]),
    ]
}

fn results_status<'a>(body: &'a str, marker: &str) -> &'a str {
    let at = body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in results"));
    let rest = &body[at..];
    let s = rest.find("data-status=\"").unwrap() + "data-status=\"".len();
    let e = rest[s..].find('"').unwrap() + s;
    &rest[s..e]
}

#[tokio::test]
async fn a_spouse_job_gives_spouse_canadian_experience() {
    let app = spawn().await;
    let mut steps = trades_steps("married");
    steps.push((
        "family",
        vec![
            ("spouse.accompanying", "yes"),
            ("spouse.canadian_citizen_or_pr", "no"),
            ("_n.spouse.education", "0"),
            ("_n.spouse.language_tests", "0"),
            ("_n.spouse.work_history", "1"),
            ("spouse.work_history[0].title", "Software engineer"),
            ("spouse.work_history[0].noc", "21231"),
            ("spouse.work_history[0].country", "CA"),
            ("spouse.work_history[0].province", "ON"),
            ("spouse.work_history[0].start", "2022-01-01"),
            ("spouse.work_history[0].end", "2025-06-30"),
            ("spouse.work_history[0].hours_per_week", "40"),
            ("spouse.work_history[0].kind", "employee"),
            ("spouse.work_history[0].authorized", "yes"),
            ("sibling_in_canada", "no"),
        ],
    ));
    steps.push(("plans", vec![("intended_province", "ON")]));
    let r = walk(&app, "en", &steps).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let p = r.location().to_string();
    let res = app.get(&p).await;
    assert_eq!(res.status, StatusCode::OK);
    let at = res
        .body
        .find("data-factor=\"spouse.canadian_experience\"")
        .expect("spouse experience line");
    let row = &res.body[at..at + res.body[at..].find("</tr>").unwrap()];
    assert!(row.contains("<td class=\"num\">8</td>"), "{row}");
    assert!(
        row.contains("3 years of skilled Canadian work experience"),
        "{row}"
    );

    // "Change your answers" brings the spouse's job back into the family step.
    let edit = app
        .get(&p.replace("/assessment/results?", "/assessment?"))
        .await;
    assert_eq!(edit.status, StatusCode::OK);
    // "Back" from the plans step shows the family step of the decoded draft.
    let d = step(&app, "en", &edit, "plans", "back", &[]).await;
    assert!(d.body.contains("Partner&#39;s job 1"), "{}", d.body);
    assert!(
        d.body
            .contains("name=\"spouse.work_history[0].noc\" value=\"21231\"")
    );
}

#[tokio::test]
async fn a_job_offer_and_certificate_meet_fst_and_funds_meet_fsw() {
    let app = spawn().await;
    let mut steps = trades_steps("single");
    steps.push(("family", vec![("sibling_in_canada", "no")]));
    steps.push((
        "plans",
        vec![
            ("intended_province", "ON"),
            ("job_offer.title", "Carpenter"),
            ("job_offer.noc", "72310"),
            ("job_offer.full_time", "yes"),
            ("job_offer.non_seasonal", "yes"),
            ("job_offer.at_least_one_year", "yes"),
            ("job_offer.lmia_or_exempt", "yes"),
            ("certificate_of_qualification.noc", "72310"),
            ("certificate_of_qualification.province", "ON"),
            ("settlement_funds_cad", "30000"),
            ("family_size", "1"),
        ],
    ));
    let r = walk(&app, "en", &steps).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let res = app.get(r.location()).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        results_status(&res.body, "data-req=\"fst.offer_or_certificate\""),
        "met"
    );
    assert_eq!(
        results_status(&res.body, "data-req=\"fsw.proof_of_funds\""),
        "met"
    );

    // Without funds, FSW's proof of funds is not met.
    let mut steps = trades_steps("single");
    steps.push(("family", vec![("sibling_in_canada", "no")]));
    steps.push((
        "plans",
        vec![
            ("intended_province", "ON"),
            ("settlement_funds_cad", "1000"),
            ("family_size", "3"),
        ],
    ));
    let r = walk(&app, "en", &steps).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let res = app.get(r.location()).await;
    assert_eq!(
        results_status(&res.body, "data-req=\"fsw.proof_of_funds\""),
        "not_met"
    );
}

#[tokio::test]
async fn plans_step_errors_stay_next_to_the_field() {
    let app = spawn().await;
    let mut steps = trades_steps("single");
    steps.push(("family", vec![("sibling_in_canada", "no")]));
    steps.push((
        "plans",
        vec![
            ("job_offer.full_time", "yes"),
            ("family_size", "0"),
            ("settlement_funds_cad", "25000"),
        ],
    ));
    let r = walk(&app, "fr", &steps).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("id=\"f-job_offer-noc-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("id=\"f-family_size-error\""));
    assert!(r.body.contains("entrez un nombre de 1 à 30"));
    // Once an offer is entered, its yes/no questions must be answered: the
    // contract's default ("yes") must not make an offer qualify unasked.
    for q in ["non_seasonal", "at_least_one_year", "lmia_or_exempt"] {
        assert!(
            r.body.contains(&format!("id=\"f-job_offer-{q}-error\"")),
            "{q}"
        );
    }
    assert!(!r.body.contains("id=\"f-job_offer-full_time-error\""));
    assert!(r.body.contains("value=\"25000\""), "kept");
    assert!(r.body.contains("<label for=\"f-job_offer-noc\">"));
}

#[tokio::test]
async fn a_bad_spouse_job_shows_the_error_next_to_it() {
    let app = spawn().await;
    let mut steps = trades_steps("common_law");
    steps.push((
        "family",
        vec![
            ("spouse.accompanying", "yes"),
            ("_n.spouse.work_history", "1"),
            ("spouse.work_history[0].noc", "21231"),
            ("spouse.work_history[0].start", "2024-01-01"),
            ("spouse.work_history[0].end", "2023-01-01"),
            ("spouse.work_history[0].hours_per_week", "40"),
        ],
    ));
    let r = walk(&app, "fr", &steps).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let at = r
        .body
        .find("id=\"f-spouse-work_history-0-end-error\"")
        .expect("error next to the end date");
    assert!(
        r.body[at..at + 300].contains("La date de fin doit suivre"),
        "{}",
        &r.body[at..at + 300]
    );
    assert!(r.body.contains("value=\"2023-01-01\""), "kept");
}

#[tokio::test]
async fn spouse_and_offer_noc_found_by_title_without_javascript() {
    let app = spawn().await;
    let mut steps = trades_steps("married");
    steps.push((
        "family",
        vec![
            ("_n.spouse.work_history", "1"),
            ("spouse.work_history[0].title", "software engineer"),
        ],
    ));
    let mut r = app.get("/en/assessment").await;
    for (name, fields) in &steps[..5] {
        r = step(&app, "en", &r, name, "next", fields).await;
    }
    let r = step(
        &app,
        "en",
        &r,
        "family",
        "find_noc:spouse.work_history:0",
        &steps[5].1,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("id=\"noc-results-spouse-0\""), "{}", r.body);
    assert!(
        r.body
            .contains("value=\"pick_noc:spouse.work_history:0:21231\""),
        "{}",
        r.body
    );
    let r = step(
        &app,
        "en",
        &r,
        "family",
        "pick_noc:spouse.work_history:0:21231",
        &steps[5].1,
    )
    .await;
    assert!(
        r.body
            .contains("name=\"spouse.work_history[0].noc\" value=\"21231\"")
    );
    let r = step(
        &app,
        "en",
        &r,
        "family",
        "next",
        &[
            ("_n.spouse.work_history", "1"),
            ("spouse.work_history[0].title", "software engineer"),
            ("spouse.work_history[0].noc", "21231"),
            ("spouse.work_history[0].start", "2022-01-01"),
            ("spouse.work_history[0].hours_per_week", "40"),
            ("spouse.work_history[0].authorized", "yes"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Job offer in Canada"));
    let r = step(
        &app,
        "en",
        &r,
        "plans",
        "find_noc:job_offer",
        &[("job_offer.title", "carpenter")],
    )
    .await;
    assert!(
        r.body.contains("value=\"pick_noc:job_offer:72310\""),
        "{}",
        r.body
    );
    let frag = app
        .get("/en/noc/suggest?i=certificate_of_qualification&certificate_of_qualification.title=carpenter")
        .await;
    assert!(
        frag.body
            .contains("data-target=\"f-certificate_of_qualification-noc\""),
        "{}",
        frag.body
    );
}

/// Issue 12 §1: switching language keeps every answer, including the ones typed on the
/// current page: the switch posts the wizard form to the other language's address.
#[tokio::test]
async fn switching_language_keeps_every_answer() {
    let app = spawn().await;
    let start = app.get("/en/assessment").await;
    assert!(
        start.body.contains(
            "form=\"wizard\" formaction=\"/fr/assessment\" name=\"action\" value=\"stay\""
        ),
        "the switch is a button of the wizard form"
    );
    // Typed on the first page, not yet sent with "Continue": switch to French.
    let state = start.hidden("state");
    let fr = app
        .post_form(
            "/fr/assessment",
            &[
                ("state", state.as_str()),
                ("step", "about"),
                ("action", "stay"),
                ("date_of_birth", "1998-02-11"),
                ("marital_status", "single"),
            ],
            &[],
        )
        .await;
    assert_eq!(fr.status, StatusCode::OK, "{}", fr.body);
    assert!(fr.body.contains("<html lang=\"fr-CA\">"));
    assert!(fr.body.contains("value=\"1998-02-11\""), "date kept");
    assert!(
        fr.body.contains("value=\"single\" selected")
            || fr.body.contains("value=\"single\" checked"),
        "marital status kept"
    );
    assert!(
        fr.body.contains("formaction=\"/en/assessment\""),
        "and back the other way"
    );
    // Continue in French, then back to English: still there.
    let r = step(
        &app,
        "fr",
        &fr,
        "about",
        "next",
        &[
            ("date_of_birth", "1998-02-11"),
            ("marital_status", "single"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let en = step(&app, "en", &r, "language", "stay", &[]).await;
    assert!(en.body.contains("<html lang=\"en-CA\">"));
    let back = step(&app, "en", &en, "language", "back", &[]).await;
    assert!(back.body.contains("value=\"1998-02-11\""), "{}", back.body);
}

/// Step names are buttons that go to their step, keeping the page's answers.
#[tokio::test]
async fn step_links_go_to_their_step_and_keep_answers() {
    let app = spawn().await;
    let start = app.get("/en/assessment").await;
    assert!(start.body.contains("value=\"goto:work\""));
    let work = step(
        &app,
        "en",
        &start,
        "about",
        "goto:work",
        &[("date_of_birth", "1990-03-04")],
    )
    .await;
    assert_eq!(work.status, StatusCode::OK);
    assert!(work.body.contains("name=\"step\" value=\"work\""));
    let about = step(&app, "en", &work, "work", "goto:about", &[]).await;
    assert!(about.body.contains("value=\"1990-03-04\""));
    // An unknown step is not a step: the page stays where it was.
    let odd = step(&app, "en", &about, "about", "goto:nowhere", &[]).await;
    assert!(
        odd.body.contains("name=\"step\" value=\"about\"")
            || odd.status == StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// "Change your answers" links can open the step that holds the answer.
#[tokio::test]
async fn change_link_opens_the_named_step() {
    let app = spawn().await;
    let profile = include_str!("../../../../docs/examples/pgwp-graduate.json");
    let packed = landed_web::security::pack(profile.as_bytes());
    let r = app
        .get(&format!("/fr/assessment?p={packed}&step=work"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"step\" value=\"work\""));
    let r = app
        .get(&format!("/en/assessment?p={packed}&step=bogus"))
        .await;
    assert!(r.body.contains("name=\"step\" value=\"about\""));
}
