//! Issue 9: defects found by trying real-life histories. Each test failed
//! before its fix.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::assess::{Assessment, Status, assess};
use landed_rules::crs::EducationLevel;
use landed_rules::profile::parse_profile;
use serde_json::{Value, json};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn run_on(p: &Value, today: &str) -> Assessment {
    let profile = parse_profile(&p.to_string()).unwrap();
    assess(&profile, d(today)).unwrap()
}

fn run(p: &Value) -> Assessment {
    run_on(p, "2026-11-24")
}

fn status(a: &Assessment, program: &str, id: &str) -> Status {
    let p = match program {
        "cec" => &a.programs.cec,
        "fsw" => &a.programs.fsw,
        _ => &a.programs.fst,
    };
    p.requirements.iter().find(|r| r.id == id).unwrap().status
}

fn ielts(date: &str, l: f64, r: f64, w: f64, s: f64) -> Value {
    json!({"test": "ielts_general", "test_date": date, "listening": l, "reading": r, "writing": w, "speaking": s})
}

fn base() -> Value {
    json!({
        "as_of": "2026-11-24",
        "date_of_birth": "1995-03-10",
        "language_tests": [ielts("2026-01-15", 8.0, 7.0, 7.0, 7.0)],
        "work_history": [{"noc": "21232", "country": "CA", "start": "2025-06-02", "hours_per_week": 40}],
        "intended_province": "ON"
    })
}

#[test]
fn an_expired_or_too_early_test_beside_a_current_one_is_left_out_not_an_error() {
    let mut p = base();
    p["language_tests"] = json!([
        ielts("2026-01-15", 8.0, 7.0, 7.0, 7.0),
        // Expired, with a score no chart accepts: it can no longer count.
        ielts("2019-05-01", 8.0, 6.3, 7.0, 7.0),
        {"test": "pte_core", "test_date": "2023-12-01", "listening": 70, "reading": 70, "writing": 70, "speaking": 70},
    ]);
    let a = run(&p);
    assert_eq!(a.programs.cec.eligible, Some(true));
    let facts = &a.facts.language_tests;
    assert!(
        facts[1]
            .left_out
            .as_ref()
            .unwrap()
            .en()
            .contains("expired on 2021-04-30")
    );
    // PTE Core taken before IRCC accepted it (2024-01-30), still under two years old.
    let mut q = p.clone();
    q["as_of"] = json!("2025-06-01");
    q["language_tests"][2]["test_date"] = json!("2024-01-15");
    let b = run(&q);
    let why = b.facts.language_tests[2].left_out.as_ref().unwrap().en();
    assert!(why.contains("on or after 2024-01-30"), "{why}");
    assert!(facts[1].clb.is_none() && !facts[1].valid);
    assert!(
        a.notes
            .iter()
            .any(|n| n.en().starts_with("language_tests[2] (PTE Core"))
    );
    // A result that could count and is malformed is still an error naming the field.
    p["language_tests"] = json!([ielts("2026-01-15", 8.0, 6.3, 7.0, 7.0)]);
    let e = assess(&parse_profile(&p.to_string()).unwrap(), d("2026-11-24")).unwrap_err();
    assert_eq!(e.field(), "language_tests[0].reading");
}

#[test]
fn cec_is_met_in_french_even_when_english_scores_more_crs_points() {
    // TEER 3 work: CLB/NCLC 5 needed. English CLB 10/10/10/4 (speaking too
    // low) scores more CRS points; French NCLC 6/6/6/5 meets CEC.
    let mut p = base();
    p["work_history"] =
        json!([{"noc": "13110", "country": "CA", "start": "2025-06-02", "hours_per_week": 40}]);
    p["language_tests"] = json!([
        ielts("2026-01-15", 8.5, 8.0, 7.5, 4.0),
        {"test": "tef_canada", "test_date": "2026-02-01", "listening": 400, "reading": 400, "writing": 400, "speaking": 400},
    ]);
    let a = run(&p);
    assert_eq!(
        status(&a, "cec", "cec.language"),
        Status::Met,
        "{:#?}",
        a.programs.cec
    );
    assert_eq!(a.programs.cec.eligible, Some(true));
    // English stays the first official language: it gives the higher CRS.
    assert_eq!(
        a.facts.first_official_language,
        Some(landed_rules::clb::Language::English)
    );
    assert_eq!(a.crs.as_ref().unwrap().total, 251);
    assert!(a.notes.iter().any(|n| {
        n.en()
            .contains("with French as first language the CRS would be 190")
    }));
    // Declared English first: the program minimum is still met in French.
    p["first_official_language"] = json!("english");
    assert_eq!(status(&run(&p), "cec", "cec.language"), Status::Met);
}

#[test]
fn the_first_language_is_chosen_for_the_most_programs_then_the_higher_crs_and_says_so() {
    let mut p = base();
    p["language_tests"] = json!([
        ielts("2026-01-15", 8.0, 7.0, 7.0, 7.0),
        {"test": "tef_canada", "test_date": "2026-02-01", "listening": 434, "reading": 406, "writing": 428, "speaking": 428},
    ]);
    let a = run(&p);
    assert!(
        a.notes.iter().any(|n| n
            .en()
            .starts_with("No first official language declared: landed uses")),
        "{:?}",
        a.notes.iter().map(|n| n.en()).collect::<Vec<_>>()
    );
}

#[test]
fn a_three_year_college_diploma_counts_at_the_three_year_level() {
    let mut p = base();
    p["education"] = json!([{"level": "two_year", "program_years": 3, "in_canada": true, "completed_on": "2025-05-01"}]);
    let a = run(&p);
    assert_eq!(
        a.crs_answers.as_ref().unwrap().education,
        EducationLevel::Bachelors
    );
    assert_eq!(a.facts.education.crs_level, EducationLevel::Bachelors);
    assert!(
        a.facts
            .education
            .notes
            .iter()
            .any(|n| n.en().contains("program's length (3 years)"))
    );
    // Core, transferability and FSW all read the same level.
    let crs = a.crs.as_ref().unwrap();
    let core = crs
        .lines
        .iter()
        .find(|l| l.factor == "core.education")
        .unwrap();
    assert_eq!(core.points, 120);
}

#[test]
fn a_weekend_between_two_jobs_does_not_break_the_fsw_year() {
    let mut p = base();
    p["work_history"] = json!([
        {"noc": "21232", "country": "IN", "start": "2021-01-04", "end": "2021-07-02", "hours_per_week": 40},
        {"noc": "21232", "country": "IN", "start": "2021-07-05", "end": "2022-03-31", "hours_per_week": 40},
    ]);
    let a = run(&p);
    assert_eq!(status(&a, "fsw", "fsw.work_experience"), Status::Met);
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.en().contains("practitioners' reading"))
    );
}

#[test]
fn a_self_employed_physicians_publicly_funded_work_counts_and_is_never_a_plain_no() {
    let mut p = base();
    p["work_history"] = json!([{"noc": "31102", "country": "CA", "start": "2024-06-03", "hours_per_week": 40, "kind": "self_employed", "publicly_funded": true}]);
    assert_eq!(run(&p).programs.cec.eligible, Some(true));
    p["work_history"][0]
        .as_object_mut()
        .unwrap()
        .remove("publicly_funded");
    let a = run(&p);
    assert_eq!(status(&a, "cec", "cec.work_experience"), Status::Unknown);
    assert_eq!(a.programs.cec.eligible, None);
    assert!(
        a.programs
            .cec
            .notes
            .iter()
            .any(|n| n.en().contains("publicly funded"))
    );
    p["work_history"][0]["publicly_funded"] = json!(false);
    assert_eq!(run(&p).programs.cec.eligible, Some(false));
}

#[test]
fn records_after_as_of_are_notes_and_the_answer_does_not_depend_on_today() {
    let mut p = base();
    p["work_history"].as_array_mut().unwrap().push(
        json!({"noc": "21232", "country": "CA", "start": "2027-01-04", "hours_per_week": 20}),
    );
    p["language_tests"]
        .as_array_mut()
        .unwrap()
        .push(ielts("2027-02-01", 9.0, 9.0, 9.0, 9.0));
    p["education"] = json!([{"level": "masters", "in_canada": true, "completed_on": "2027-05-01"}]);
    let early = run_on(&p, "2026-06-01");
    let late = run_on(&p, "2031-01-01");
    assert_eq!(
        serde_json::to_value(&early).unwrap(),
        serde_json::to_value(&late).unwrap()
    );
    assert!(
        early
            .notes
            .iter()
            .any(|n| n.en().starts_with("work_history[1] starts on 2027-01-04"))
    );
    assert!(
        early
            .notes
            .iter()
            .any(|n| n.en().contains("taken after the assessment date"))
    );
}

#[test]
fn an_array_line_is_an_error_and_a_missing_field_is_named() {
    let e = parse_profile(r#"["1995-03-10", "single"]"#).unwrap_err();
    assert!(e.message().contains("array"), "{e}");
    let e = parse_profile(r#"{"as_of": "2026-11-24"}"#).unwrap_err();
    assert_eq!(e.field(), "date_of_birth");
    let e = parse_profile(r#"{"date_of_birth": "1995-03-10", "work_history": [{"noc": "21232", "hours_per_week": 40}]}"#).unwrap_err();
    assert_eq!(e.field(), "work_history[0].start");
    let e = landed_rules::crs::parse_answers("[29, \"bachelors\"]").unwrap_err();
    assert!(e.message().contains("array"), "{e}");
}

#[test]
fn relative_in_canada_decides_the_fsw_relatives_item() {
    let line = |a: &Assessment| {
        let grid = a.programs.fsw.grid.as_ref().unwrap();
        let ad = grid
            .lines
            .iter()
            .find(|l| l.id == "fsw.grid.adaptability")
            .unwrap();
        let item = ad
            .items
            .iter()
            .find(|i| i.id == "fsw.grid.adaptability.relatives_in_canada")
            .unwrap();
        (item.points, item.up_to)
    };
    let mut p = base();
    assert_eq!(line(&run(&p)), (0, Some(5)));
    p["relative_in_canada"] = json!(true);
    assert_eq!(line(&run(&p)), (5, None));
    p["relative_in_canada"] = json!(false);
    assert_eq!(line(&run(&p)), (0, None));
    p["sibling_in_canada"] = json!(true);
    assert_eq!(line(&run(&p)).0, 5);
}

#[test]
fn a_partner_without_spouse_details_is_told_which_columns_and_why() {
    let mut p = base();
    p["marital_status"] = json!("married");
    let a = run(&p);
    let n = a
        .notes
        .iter()
        .map(|n| n.en())
        .find(|n| n.starts_with("Married or common-law"))
        .unwrap();
    assert!(
        n.contains("'with an accompanying spouse or partner' columns") && n.contains("because"),
        "{n}"
    );
}

#[test]
fn results_say_when_the_rules_may_have_changed_and_what_is_not_encoded() {
    let mut p = base();
    let a = run(&p);
    // 2026-11-24: within the verified data, after the high-wage factor's reported date.
    let crs_notes: Vec<String> = a
        .crs
        .as_ref()
        .unwrap()
        .notes
        .iter()
        .map(|n| n.en())
        .collect();
    assert!(
        crs_notes
            .iter()
            .any(|n| n.contains("high-wage") && n.contains("C4")),
        "{crs_notes:?}"
    );
    assert!(!crs_notes.iter().any(|n| n.contains("last verified")));
    p["as_of"] = json!("2026-12-05");
    let a = run_on(&p, "2026-12-05");
    assert!(a.notes.iter().any(|n| {
        n.en()
            .contains("last verified against the published pages on 2026-11-24")
    }));
    p["as_of"] = json!("2026-10-01");
    let a = run(&p);
    assert!(
        !a.crs
            .as_ref()
            .unwrap()
            .notes
            .iter()
            .any(|n| n.en().contains("high-wage"))
    );
}
