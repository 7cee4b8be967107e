//! One work-history engine for all programs: `facts.program_work` reports,
//! per program, the window, the qualifying hours, the occupations they count
//! in, and each excluded period with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::hours::ExclusionReason;
use landed_rules::noc::Noc;
use programs_common::*;
use serde_json::json;

fn reasons(f: &landed_rules::programs::WorkFact) -> Vec<ExclusionReason> {
    let mut r: Vec<ExclusionReason> = f.excluded.iter().map(|e| e.reason).collect();
    r.dedup();
    r
}

#[test]
fn windows_are_3_10_and_5_years() {
    let a = run(&fsw_base());
    let w = &a.facts.program_work;
    assert_eq!(
        (w.cec.window_from, w.cec.window_to),
        (d("2023-11-01"), d("2026-10-31"))
    );
    assert_eq!(
        (w.fsw.window_from, w.fsw.window_to),
        (d("2016-11-01"), d("2026-10-31"))
    );
    assert_eq!(
        (w.fst.window_from, w.fst.window_to),
        (d("2021-11-01"), d("2026-10-31"))
    );
    assert_eq!(
        (w.cec.needed_hours, w.fsw.needed_hours, w.fst.needed_hours),
        (1560, 1560, 3120)
    );
}

#[test]
fn each_program_says_what_it_left_out_and_why() {
    let mut v = fsw_base();
    v["as_of"] = json!("2026-11-01");
    v["work_history"] = json!([
        // 0: a cook in Canada while a full-time student.
        job("63200", "CA", "2024-01-01", Some("2024-12-31"), 20.0),
        // 1: a software engineer in Canada after studies.
        job("21231", "CA", "2025-01-01", None, 40.0),
        // 2: volunteering abroad.
        {"noc": "21231", "country": "IN", "start": "2023-01-01", "end": "2023-12-31", "hours_per_week": 10, "kind": "volunteer"},
        // 3: a retail salesperson abroad (TEER 4).
        job("64100", "IN", "2024-01-01", Some("2024-06-30"), 10.0),
    ]);
    v["study_periods"] = json!([{"start": "2023-09-01", "end": "2024-12-31", "full_time": true}]);
    let a = run(&v);
    let w = &a.facts.program_work;

    // CEC: the cook's work was during full-time study; volunteering and the foreign job are out.
    let cec = reasons(&w.cec);
    assert!(cec.contains(&ExclusionReason::FullTimeStudy), "{cec:?}");
    assert!(cec.contains(&ExclusionReason::Volunteer), "{cec:?}");
    assert!(cec.contains(&ExclusionReason::OutsideCanada), "{cec:?}");
    assert_eq!(w.cec.counted_in, [Noc::parse("21231").unwrap()]);

    // FSW: student work counts (the cook's hours are there); TEER 4 and volunteering are out.
    let fsw = reasons(&w.fsw);
    assert!(!fsw.contains(&ExclusionReason::FullTimeStudy), "{fsw:?}");
    assert!(fsw.contains(&ExclusionReason::NotSkilled), "{fsw:?}");
    assert!(fsw.contains(&ExclusionReason::Volunteer), "{fsw:?}");
    let nocs: Vec<&str> = w.fsw.occupations.iter().map(|o| o.noc.as_str()).collect();
    assert_eq!(nocs, ["21231", "63200"]);
    assert_eq!(w.fsw.counted_in, [Noc::parse("21231").unwrap()]);
    assert!(w.fsw.continuous.is_some());

    // FST: the cook is a trade (6320) but was a student; software is not a trade.
    let fst = reasons(&w.fst);
    assert!(fst.contains(&ExclusionReason::FullTimeStudy), "{fst:?}");
    assert!(
        fst.contains(&ExclusionReason::NotEligibleOccupation),
        "{fst:?}"
    );
    assert!(w.fst.counted_in.is_empty());
    assert_eq!(w.fst.qualifying_hours, 0.0);

    // Every excluded period names its job, its dates and its hours.
    for e in w
        .cec
        .excluded
        .iter()
        .chain(&w.fsw.excluded)
        .chain(&w.fst.excluded)
    {
        assert!(e.job < 4 && e.from <= e.to && e.hours >= 0.0, "{e:?}");
    }
}

#[test]
fn cec_facts_match_the_cec_tally() {
    let v = json!({
        "as_of": "2026-09-30", "date_of_birth": "1998-02-11",
        "language_tests": [celpip("2025-11-20", 8, 8, 8, 8)],
        "work_history": [job("13110", "CA", "2025-07-14", None, 37.5)],
        "intended_province": "BC"
    });
    let a = run(&v);
    let w = &a.facts.program_work.cec;
    assert_eq!(w.qualifying_hours, a.facts.cec_experience.hours);
    assert_eq!(w.qualifying_hours, 443.0 * 30.0 / 7.0);
    assert_eq!(w.occupations.len(), 1);
    assert!(
        w.excluded
            .iter()
            .any(|e| e.reason == ExclusionReason::AboveWeeklyCap)
    );
}

#[test]
fn the_facts_serialize_per_program() {
    let a = run(&fsw_base());
    let j = serde_json::to_value(&a).unwrap();
    for p in ["cec", "fsw", "fst"] {
        let f = &j["facts"]["program_work"][p];
        for key in [
            "window_from",
            "window_to",
            "needed_hours",
            "qualifying_hours",
            "counted_in",
            "occupations",
            "excluded",
        ] {
            assert!(f.get(key).is_some(), "{p}.{key}");
        }
    }
    assert_eq!(j["programs"]["invited_under"], "fsw");
    assert!(
        j["programs"]["fsw"]["grid"]["lines"]
            .as_array()
            .unwrap()
            .len()
            == 7
    );
    assert!(j["categories"]["results"].as_array().unwrap().len() == 10);
    assert_eq!(j["categories"]["results"][1]["list_verified"], false);
}
