//! CEC eligibility from full profiles: the cases named in the issue, each a
//! profile as a candidate would enter it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::assess::{Assessment, Status, assess};
use landed_rules::profile::parse_profile;
use serde_json::{Value, json};

const AS_OF: &str = "2026-11-24";

fn today() -> Date {
    AS_OF.parse().unwrap()
}

/// IELTS General Training bands for a uniform CLB level (rules.md §4.1).
fn ielts(clb: u8, date: &str) -> Value {
    let (l, r, w, s) = match clb {
        9 => (8.0, 7.0, 7.0, 7.0),
        7 => (6.0, 6.0, 6.0, 6.0),
        5 => (5.0, 4.0, 5.0, 5.0),
        _ => panic!("add the bands for CLB {clb}"),
    };
    json!({"test": "ielts_general", "test_date": date, "listening": l, "reading": r, "writing": w, "speaking": s})
}

fn job(noc: &str, start: &str, end: Option<&str>, hours: f64) -> Value {
    json!({"noc": noc, "country": "CA", "start": start, "end": end, "hours_per_week": hours})
}

fn profile(jobs: Vec<Value>) -> Value {
    json!({
        "as_of": AS_OF,
        "date_of_birth": "1996-05-01",
        "language_tests": [ielts(9, "2026-01-15")],
        "work_history": jobs,
        "intended_province": "ON"
    })
}

fn run(p: &Value) -> Assessment {
    let profile = parse_profile(&p.to_string()).unwrap();
    assess(&profile, today()).unwrap()
}

fn status(a: &Assessment, id: &str) -> Status {
    a.programs
        .cec
        .requirements
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no requirement {id}"))
        .status
}

fn detail(a: &Assessment, id: &str) -> String {
    a.programs
        .cec
        .requirements
        .iter()
        .find(|r| r.id == id)
        .unwrap()
        .detail
        .en()
}

#[test]
fn part_time_15_hours_for_25_months_is_enough() {
    // 2024-10-24 .. 2026-11-23: 760 days × 15 / 7 = 1,628 h.
    let a = run(&profile(vec![job("21232", "2024-10-24", None, 15.0)]));
    assert_eq!(
        status(&a, "cec.work_experience"),
        Status::Met,
        "{}",
        detail(&a, "cec.work_experience")
    );
    assert_eq!(a.programs.cec.eligible, Some(true));
}

#[test]
fn forty_hours_for_10_months_is_capped_at_30() {
    // ~304 days × 30 / 7 = 1,302 h < 1,560 (40 × 304 / 7 = 1,737 uncapped).
    let a = run(&profile(vec![job("21232", "2026-01-24", None, 40.0)]));
    assert_eq!(status(&a, "cec.work_experience"), Status::NotMet);
    assert!(detail(&a, "cec.work_experience").contains("above 30 a week"));
    assert_eq!(a.programs.cec.eligible, Some(false));
}

#[test]
fn two_overlapping_20_hour_jobs_for_10_months_do_not_add_past_30() {
    let a = run(&profile(vec![
        job("21232", "2026-01-24", None, 20.0),
        job("21231", "2026-01-24", None, 20.0),
    ]));
    assert_eq!(status(&a, "cec.work_experience"), Status::NotMet);
    let hours = a.facts.cec_experience.hours;
    assert!((1300.0..1310.0).contains(&hours), "{hours}");
}

#[test]
fn work_during_full_time_study_is_excluded_but_part_time_study_is_not() {
    let mut p = profile(vec![job("21232", "2024-11-24", None, 20.0)]);
    p["study_periods"] = json!([{"start": "2024-09-01", "end": "2025-12-31", "full_time": true}]);
    let a = run(&p);
    assert_eq!(status(&a, "cec.work_experience"), Status::NotMet);
    assert!(detail(&a, "cec.work_experience").contains("full-time student"));
    p["study_periods"][0]["full_time"] = json!(false);
    let a = run(&p);
    assert_eq!(status(&a, "cec.work_experience"), Status::Met);
}

#[test]
fn excluded_kinds_of_work_do_not_count() {
    for (field, value, words) in [
        ("kind", json!("self_employed"), "self-employment"),
        ("kind", json!("volunteer"), "volunteer"),
        ("kind", json!("coop"), "co-op"),
        ("kind", json!("unpaid_internship"), "unpaid internship"),
        ("authorized", json!(false), "without authorization"),
        ("country", json!("IN"), "outside Canada"),
        ("noc", json!("64100"), "TEER"),
    ] {
        let mut j = job("21232", "2023-11-24", None, 30.0);
        j[field] = value;
        let a = run(&profile(vec![j]));
        assert_eq!(status(&a, "cec.work_experience"), Status::NotMet, "{field}");
        assert!(
            detail(&a, "cec.work_experience").contains(words),
            "{field}: {}",
            detail(&a, "cec.work_experience")
        );
    }
}

#[test]
fn teer_1_needs_clb_7_in_every_ability() {
    let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
    // Speaking 5.5 is CLB 6.
    p["language_tests"] = json!([{"test": "ielts_general", "test_date": "2026-01-15",
        "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 5.5}]);
    let a = run(&p);
    assert_eq!(status(&a, "cec.language"), Status::NotMet);
    assert!(detail(&a, "cec.language").contains("CLB 7"));
    assert_eq!(a.programs.cec.eligible, Some(false));
}

#[test]
fn teer_2_with_clb_5_is_enough() {
    let mut p = profile(vec![job("72410", "2024-11-24", None, 30.0)]);
    p["language_tests"] = json!([ielts(5, "2026-01-15")]);
    let a = run(&p);
    assert_eq!(
        status(&a, "cec.language"),
        Status::Met,
        "{}",
        detail(&a, "cec.language")
    );
    assert_eq!(a.programs.cec.eligible, Some(true));
}

#[test]
fn mixed_teer_applies_clb_7_when_teer_1_work_is_needed_and_says_it_is_not_settled() {
    let mut p = profile(vec![
        job("72410", "2025-06-01", Some("2025-12-31"), 30.0),
        job("21232", "2026-01-01", None, 30.0),
    ]);
    p["language_tests"] = json!([ielts(5, "2026-01-15")]);
    let a = run(&p);
    assert_eq!(status(&a, "cec.work_experience"), Status::Met);
    assert_eq!(status(&a, "cec.language"), Status::NotMet);
    assert!(
        a.programs
            .cec
            .notes
            .iter()
            .any(|n| n.contains("not settled"))
    );
}

#[test]
fn an_expired_test_does_not_count() {
    let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
    p["language_tests"] = json!([ielts(9, "2024-11-23")]);
    let a = run(&p);
    assert_eq!(status(&a, "cec.language_test_valid"), Status::NotMet);
    assert!(detail(&a, "cec.language_test_valid").contains("expired"));
    assert_eq!(a.programs.cec.eligible, Some(false));
    assert!(a.crs.is_none(), "no CRS without a valid test");
}

#[test]
fn quebec_is_not_met_and_points_to_the_quebec_program() {
    let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
    p["intended_province"] = json!("QC");
    let a = run(&p);
    assert_eq!(status(&a, "cec.province"), Status::NotMet);
    assert!(detail(&a, "cec.province").contains("Quebec Experience Class"));
}

#[test]
fn a_missing_province_is_unknown_never_met() {
    let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
    p.as_object_mut().unwrap().remove("intended_province");
    let a = run(&p);
    assert_eq!(status(&a, "cec.province"), Status::Unknown);
    assert_eq!(a.programs.cec.eligible, None);
}

#[test]
fn experience_leaves_the_three_year_window() {
    // Full time 2022-06-01 .. 2024-05-31: on 2026-11-24 only 2023-11-24 .. 2024-05-31 is in the window.
    let a = run(&profile(vec![job(
        "21232",
        "2022-06-01",
        Some("2024-05-31"),
        30.0,
    )]));
    assert_eq!(status(&a, "cec.work_experience"), Status::NotMet);
    assert_eq!(
        a.facts.cec_experience.tally.window_from.to_string(),
        "2023-11-24"
    );
    // 190 days × 30 / 7 = 814 h.
    assert_eq!(a.facts.cec_experience.tally.whole_hours(), 814);
    // The same job assessed on 2025-05-31 is still in the window.
    let mut p = profile(vec![job("21232", "2022-06-01", Some("2024-05-31"), 30.0)]);
    p["as_of"] = json!("2025-05-31");
    p["language_tests"] = json!([ielts(9, "2025-01-15")]);
    assert_eq!(run(&p).programs.cec.eligible, Some(true));
}

#[test]
fn a_job_dated_after_as_of_does_not_count_on_as_of() {
    let mut p = profile(vec![job("21232", "2026-11-01", None, 30.0)]);
    p["as_of"] = json!("2026-10-01");
    p["language_tests"] = json!([ielts(9, "2026-01-15")]);
    let a = run(&p);
    assert_eq!(a.facts.cec_experience.tally.units, 0);
}

#[test]
fn a_not_yet_eligible_candidate_is_told_when() {
    let a = run(&profile(vec![job("21232", "2026-05-01", None, 30.0)]));
    assert_eq!(status(&a, "cec.work_experience"), Status::NotMet);
    // 364 days at 30 h = 1,560 h: from 2026-05-01 the threshold is met on 2027-04-30.
    assert_eq!(
        a.facts.cec_hours_reached_on.unwrap().to_string(),
        "2027-04-30"
    );
    assert!(detail(&a, "cec.work_experience").contains("2027-04-30"));
}

#[test]
fn a_spouse_not_accompanying_or_canadian_scores_as_single() {
    let single = run(&profile(vec![job("21232", "2024-11-24", None, 30.0)]));
    for spouse in [
        json!({"accompanying": false}),
        json!({"accompanying": true, "canadian_citizen_or_pr": true}),
    ] {
        let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
        p["marital_status"] = json!("married");
        p["spouse"] = spouse;
        let a = run(&p);
        assert_eq!(
            a.crs.as_ref().unwrap().total,
            single.crs.as_ref().unwrap().total
        );
        assert!(!a.facts.with_spouse);
    }
    let mut p = profile(vec![job("21232", "2024-11-24", None, 30.0)]);
    p["marital_status"] = json!("married");
    p["spouse"] = json!({"accompanying": true});
    assert!(run(&p).crs.unwrap().total < single.crs.unwrap().total);
}

#[test]
fn the_crs_from_a_profile_uses_derived_facts() {
    // Age 30 on as_of, bachelor's with ECA, CLB 9, 2 full years in Canada.
    let mut p = profile(vec![job("21232", "2024-11-01", None, 37.5)]);
    p["education"] = json!([{"level": "bachelors", "eca": true}]);
    let a = run(&p);
    let answers = a.crs_answers.as_ref().unwrap();
    assert_eq!(answers.age, 30);
    assert_eq!(answers.canadian_experience_years, 2);
    let crs = a.crs.unwrap();
    // 105 age + 120 education + 4×31 language + 53 experience = 402 core;
    // transferability: education×CLB9 25 + education×2 yrs 25 = 50.
    assert_eq!(crs.core, 402);
    assert_eq!(crs.skill_transferability, 50);
    assert_eq!(crs.total, 452);
}

#[test]
fn bad_input_names_the_field() {
    let cases = [
        (
            json!({"date_of_birth": "1990-01-01", "work_history": [{"noc": "21232", "start": "2024-01-01", "hours_per_week": 200}]}),
            "work_history[0].hours_per_week",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "work_history": [{"noc": "21232", "start": "2024-01-01", "end": "2023-01-01", "hours_per_week": 20}]}),
            "work_history[0].end",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "language_tests": [{"test": "ielts_general", "test_date": "2026-01-01", "listening": 7, "reading": 6.3, "writing": 7, "speaking": 7}]}),
            "language_tests[0].reading",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "work_history": [{"noc": "21239", "start": "2024-01-01", "hours_per_week": 20}]}),
            "work_history[0].noc",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "family_size": 0}),
            "family_size",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "settlement_funds_cad": -5}),
            "settlement_funds_cad",
        ),
        (
            json!({"date_of_birth": "1990-01-01", "hobby": "chess"}),
            "hobby",
        ),
    ];
    for (p, field) in cases {
        let err = parse_profile(&p.to_string()).and_then(|prof| assess(&prof, today()).map(|_| ()));
        let err = err.expect_err(&format!("{p} should fail"));
        assert_eq!(err.field(), field, "{p}: {err}");
        assert!(!err.message().is_empty());
    }
}
