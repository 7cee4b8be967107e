//! Golden cases for every Federal Skilled Worker minimum requirement: met,
//! not met and unknown where a missing fact can leave it open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::assess::Status;
use landed_rules::programs::Program;
use programs_common::*;
use serde_json::json;

#[test]
fn the_base_candidate_meets_every_requirement() {
    let a = run(&fsw_base());
    let p = &a.programs.fsw;
    for r in &p.requirements {
        assert_eq!(r.status, Status::Met, "{r:#?}");
        assert!(r.source.is_some(), "{} cites a source", r.id);
    }
    assert_eq!(p.eligible, Some(true));
    let ids: Vec<&str> = p.requirements.iter().map(|r| r.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "fsw.work_experience",
            "fsw.language",
            "fsw.education",
            "fsw.selection_grid",
            "fsw.proof_of_funds",
            "fsw.province"
        ]
    );
    let g = p.grid.as_ref().unwrap();
    assert_eq!((g.total, g.pass_mark, g.max), (74, 67, 100));
    assert_eq!(a.programs.cec.eligible, Some(false));
    assert_eq!(a.programs.invited_under, Some(Program::Fsw));
}

// ---- work experience -------------------------------------------------------

fn with_work(jobs: serde_json::Value) -> serde_json::Value {
    let mut v = fsw_base();
    v["work_history"] = jobs;
    v
}

#[test]
fn work_exactly_1560_hours_in_364_days_is_met_and_one_day_less_is_not() {
    // 364 days at 30 h/week = 1,560 h exactly.
    let a = run(&with_work(json!([job_days(
        "21231",
        "IN",
        "2024-01-01",
        364,
        30.0
    )])));
    assert_eq!(status(&a.programs.fsw, "fsw.work_experience"), Status::Met);
    assert_eq!(a.facts.program_work.fsw.qualifying_hours, 1560.0);
    let a = run(&with_work(json!([job_days(
        "21231",
        "IN",
        "2024-01-01",
        363,
        30.0
    )])));
    let r = req(&a.programs.fsw, "fsw.work_experience");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("1,555 hours"), "{}", r.detail);
    assert!(r.detail.contains("1,560"), "{}", r.detail);
}

#[test]
fn hours_above_30_a_week_do_not_count() {
    // 300 days at 60 h/week would be 2,571 h uncapped; capped it is 1,285 h.
    let a = run(&with_work(json!([job_days(
        "21231",
        "IN",
        "2024-01-01",
        300,
        60.0
    )])));
    assert_eq!(
        status(&a.programs.fsw, "fsw.work_experience"),
        Status::NotMet
    );
}

#[test]
fn a_gap_day_breaks_the_continuous_year_in_one_occupation() {
    let gap = json!([
        job("21231", "IN", "2023-01-01", Some("2023-06-30"), 30.0),
        // Wednesday 5 July: Tuesday 4 July is a working day with no job.
        job("21231", "IN", "2023-07-05", Some("2024-01-05"), 30.0),
    ]);
    let a = run(&with_work(gap));
    let r = req(&a.programs.fsw, "fsw.work_experience");
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("not without a gap"))
    );
    let runs = a.facts.program_work.fsw.occupations[0]
        .longest_continuous
        .unwrap();
    assert_eq!((runs.from, runs.to), (d("2023-07-05"), d("2024-01-05")));

    let no_gap = json!([
        job("21231", "IN", "2023-01-01", Some("2023-06-30"), 30.0),
        job("21231", "CA", "2023-07-01", Some("2023-12-31"), 30.0),
    ]);
    let a = run(&with_work(no_gap));
    assert_eq!(status(&a.programs.fsw, "fsw.work_experience"), Status::Met);
    let f = &a.facts.program_work.fsw;
    let run = f.continuous.unwrap();
    assert_eq!((run.from, run.to), (d("2023-01-01"), d("2023-12-31")));
    assert_eq!(
        f.counted_in,
        vec![landed_rules::noc::Noc::parse("21231").unwrap()]
    );
}

#[test]
fn hours_in_two_occupations_do_not_add_up() {
    let a = run(&with_work(json!([
        job("21231", "IN", "2023-01-01", Some("2023-08-31"), 30.0),
        job("21232", "IN", "2023-09-01", Some("2024-04-30"), 30.0),
    ])));
    assert_eq!(
        status(&a.programs.fsw, "fsw.work_experience"),
        Status::NotMet
    );
    assert_eq!(a.facts.program_work.fsw.occupations.len(), 2);
}

#[test]
fn teer_4_and_5_work_volunteering_and_old_work_do_not_count() {
    for (jobs, reason) in [
        (
            json!([job("64100", "IN", "2020-01-01", None, 40.0)]),
            "not TEER 0, 1, 2 or 3",
        ),
        (
            json!([{"noc": "21231", "country": "IN", "start": "2020-01-01", "hours_per_week": 40, "kind": "volunteer"}]),
            "volunteer",
        ),
        (
            json!([{"noc": "21231", "country": "IN", "start": "2020-01-01", "hours_per_week": 40, "kind": "unpaid_internship"}]),
            "unpaid internship",
        ),
        (
            json!([{"noc": "21231", "country": "CA", "start": "2020-01-01", "hours_per_week": 40, "authorized": false}]),
            "without authorization",
        ),
    ] {
        let a = run(&with_work(jobs));
        let r = req(&a.programs.fsw, "fsw.work_experience");
        assert_eq!(r.status, Status::NotMet, "{}", r.detail);
        assert!(r.detail.contains(reason), "{reason}: {}", r.detail);
    }
    // Ten years and more before 2026-11-01.
    let a = run(&with_work(json!([job(
        "21231",
        "IN",
        "2010-01-01",
        Some("2016-10-31"),
        40.0
    )])));
    let r = req(&a.programs.fsw, "fsw.work_experience");
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert!(r.detail.contains("No paid TEER"), "{}", r.detail);
}

#[test]
fn self_employment_and_work_while_studying_count_for_fsw() {
    let a = run(&with_work(json!([
        {"noc": "21231", "country": "IN", "start": "2020-01-01", "hours_per_week": 40, "kind": "self_employed"}
    ])));
    assert_eq!(status(&a.programs.fsw, "fsw.work_experience"), Status::Met);
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("self-employment") && n.contains("Not settled"))
    );

    let mut v = with_work(json!([job(
        "21231",
        "CA",
        "2023-01-01",
        Some("2024-06-30"),
        30.0
    )]));
    v["study_periods"] = json!([{"start": "2022-09-01", "end": "2024-06-30", "full_time": true}]);
    let a = run(&v);
    assert_eq!(status(&a.programs.fsw, "fsw.work_experience"), Status::Met);
    // ... where CEC leaves it out.
    assert!(
        a.facts
            .program_work
            .cec
            .excluded
            .iter()
            .any(|e| e.reason == landed_rules::hours::ExclusionReason::FullTimeStudy)
    );
    assert!(a.facts.program_work.fsw.excluded.is_empty());
}

// ---- language ----------------------------------------------------------------

#[test]
fn language_clb_7_in_all_four_met_one_ability_at_6_not_met_none_unknown() {
    let mut v = fsw_base();
    v["language_tests"] = json!([celpip("2026-01-15", 7, 7, 7, 7)]);
    assert_eq!(status(&run(&v).programs.fsw, "fsw.language"), Status::Met);

    v["language_tests"] = json!([celpip("2026-01-15", 9, 9, 6, 9)]);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.language");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("writing 6 (7 needed)"), "{}", r.detail);

    v["language_tests"] = json!([]);
    let a = run(&v);
    assert_eq!(status(&a.programs.fsw, "fsw.language"), Status::Unknown);
    assert_eq!(a.programs.fsw.eligible, None);

    // A result more than two years old is not valid.
    v["language_tests"] = json!([celpip("2024-10-01", 9, 9, 9, 9)]);
    let r = run(&v);
    let r = req(&r.programs.fsw, "fsw.language");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("No valid language test"), "{}", r.detail);
}

#[test]
fn french_as_first_language_counts() {
    let mut v = fsw_base();
    v["language_tests"] = json!([tcf("2026-01-15", 7, 7, 7, 7)]);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.language");
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    assert!(r.detail.contains("French"));
}

// ---- education ---------------------------------------------------------------

#[test]
fn education_met_not_met_and_unknown() {
    let mut v = fsw_base();
    v["education"] = json!([{"level": "secondary", "in_canada": true}]);
    assert_eq!(status(&run(&v).programs.fsw, "fsw.education"), Status::Met);

    v["education"] = json!([{"level": "bachelors", "in_canada": false, "eca": false}]);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.education");
    assert_eq!(r.status, Status::NotMet);
    assert!(
        r.detail.contains("Educational Credential Assessment"),
        "{}",
        r.detail
    );

    v["education"] = json!([{"level": "less_than_secondary", "in_canada": true}]);
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.education"),
        Status::NotMet
    );

    v["education"] = json!([]);
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.education"),
        Status::Unknown
    );
}

#[test]
fn an_eca_must_be_under_five_years_old_and_landed_says_it_cannot_check() {
    let a = run(&fsw_base());
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("less than 5 years old"))
    );
}

// ---- the grid against the pass mark --------------------------------------------

#[test]
fn grid_met_not_met_and_unknown() {
    // 74: met.
    assert_eq!(
        status(&run(&fsw_base()).programs.fsw, "fsw.selection_grid"),
        Status::Met
    );

    // Age 40 (7) instead of 31 (12): 69, still met; a bachelor's (21) instead: 67, met.
    let mut v = fsw_base();
    v["date_of_birth"] = json!("1986-06-01");
    v["education"] = json!([{"level": "bachelors", "in_canada": false, "eca": true}]);
    let a = run(&v);
    assert_eq!(a.programs.fsw.grid.as_ref().unwrap().total, 67);
    assert_eq!(status(&a.programs.fsw, "fsw.selection_grid"), Status::Met);

    // Age 41 (6): 66 points, 71 if a relative in Canada counted: unknown.
    v["date_of_birth"] = json!("1985-06-01");
    let a = run(&v);
    let g = a.programs.fsw.grid.as_ref().unwrap();
    assert_eq!((g.total, g.possible), (66, 71));
    let r = req(&a.programs.fsw, "fsw.selection_grid");
    assert_eq!(r.status, Status::Unknown, "{}", r.detail);
    assert!(r.detail.contains("relatives in canada"), "{}", r.detail);

    // With a sibling in Canada the unknown becomes 5 points: 71, met.
    v["sibling_in_canada"] = json!(true);
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.selection_grid"),
        Status::Met
    );

    // Age 47 (0), CLB 7 (16): 16 + 21 + 15 = 52, at most 57: not met.
    v["sibling_in_canada"] = json!(false);
    v["date_of_birth"] = json!("1979-01-01");
    v["language_tests"] = json!([celpip("2026-01-15", 7, 7, 7, 7)]);
    let a = run(&v);
    let g = a.programs.fsw.grid.as_ref().unwrap();
    assert_eq!((g.total, g.possible), (52, 57));
    assert_eq!(
        status(&a.programs.fsw, "fsw.selection_grid"),
        Status::NotMet
    );
}

// ---- proof of funds ------------------------------------------------------------

#[test]
fn funds_met_not_met_unknown_and_exempt() {
    let mut v = fsw_base();
    v["settlement_funds_cad"] = json!(15263);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.proof_of_funds");
    assert_eq!(r.status, Status::Met);
    assert!(
        r.detail.contains("CAD 15,263 needed for a family of 1"),
        "{}",
        r.detail
    );
    assert!(r.detail.contains("2025-07-07"), "{}", r.detail);

    v["settlement_funds_cad"] = json!(15262.99);
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.proof_of_funds"),
        Status::NotMet
    );

    v.as_object_mut().unwrap().remove("settlement_funds_cad");
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.proof_of_funds"),
        Status::Unknown
    );

    // Authorized to work in Canada (an ongoing job) and a valid job offer: exempt.
    v["work_history"] = json!([
        job("21231", "IN", "2019-09-01", Some("2025-12-31"), 40.0),
        job("21231", "CA", "2026-01-05", None, 40.0),
    ]);
    v["job_offer"] = json!({"noc": "21231"});
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.proof_of_funds");
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    assert!(r.detail.starts_with("Not needed"), "{}", r.detail);

    // A job offer without a current job in Canada and too little money: open.
    v["work_history"] = json!([job("21231", "IN", "2019-09-01", None, 40.0)]);
    v["settlement_funds_cad"] = json!(100);
    assert_eq!(
        status(&run(&v).programs.fsw, "fsw.proof_of_funds"),
        Status::Unknown
    );
}

#[test]
fn funds_use_the_family_size_and_say_when_it_was_derived() {
    let mut v = fsw_base();
    v["marital_status"] = json!("married");
    v["spouse"] = json!({"accompanying": true});
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.proof_of_funds");
    assert!(
        r.detail.contains("CAD 19,001 needed for a family of 2"),
        "{}",
        r.detail
    );
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("dependent children are not in the profile"))
    );

    v["family_size"] = json!(9);
    v["settlement_funds_cad"] = json!(48616);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.proof_of_funds");
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    assert!(
        r.detail.contains("CAD 48,616 needed for a family of 9"),
        "{}",
        r.detail
    );
    assert!(
        !a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("dependent children are not in the profile"))
    );
}

// ---- Quebec ----------------------------------------------------------------------

#[test]
fn province_met_not_met_unknown() {
    let mut v = fsw_base();
    v["intended_province"] = json!("QC");
    let a = run(&v);
    assert_eq!(status(&a.programs.fsw, "fsw.province"), Status::NotMet);
    assert_eq!(a.programs.fsw.eligible, Some(false));
    v.as_object_mut().unwrap().remove("intended_province");
    let a = run(&v);
    assert_eq!(status(&a.programs.fsw, "fsw.province"), Status::Unknown);
    assert_eq!(a.programs.fsw.eligible, None);
}

// ---- ECA validity -------------------------------------------------------------

/// An ECA 5 or more years old on `as_of` counts as missing for FSW: the
/// education requirement says the credential has no ECA that counts, the
/// grid gives no education points, and a note (English and French) gives the
/// issue date and the rule (MI s.3(4)). One day younger, it counts.
#[test]
fn an_eca_five_years_old_is_missing_for_fsw_education() {
    let mut v = fsw_base();
    v["education"][0]["eca_issued_on"] = json!("2021-11-01"); // 5 years on 2026-11-01
    let a = run(&v);
    let fsw = &a.programs.fsw;
    let r = req(fsw, "fsw.education");
    assert_eq!(r.status, Status::NotMet);
    assert!(
        r.detail.contains("Educational Credential Assessment"),
        "{}",
        r.detail
    );
    assert_eq!(grid_line(&a, "fsw.grid.education").points, 0);
    assert!(
        grid_line(&a, "fsw.grid.education")
            .detail
            .contains("without an Educational Credential Assessment"),
        "{}",
        grid_line(&a, "fsw.grid.education").detail
    );
    let note = fsw
        .notes
        .iter()
        .find(|n| n.contains("2021-11-01"))
        .unwrap_or_else(|| panic!("a note on the expired ECA in {:#?}", fsw.notes));
    assert!(note.en().contains("MI s.3(4)"), "{}", note.en());
    assert!(note.fr().contains("IM, par. 3(4)"), "{}", note.fr());
    assert!(note.fr().contains("traite comme absente"), "{}", note.fr());
    assert_eq!(fsw.eligible, Some(false));

    v["education"][0]["eca_issued_on"] = json!("2021-11-02");
    let a = run(&v);
    assert_eq!(status(&a.programs.fsw, "fsw.education"), Status::Met);
    assert!(grid_line(&a, "fsw.grid.education").points > 0);
    assert!(
        !a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("2021-11-02"))
    );
    assert_eq!(a.programs.fsw.eligible, Some(true));
}
