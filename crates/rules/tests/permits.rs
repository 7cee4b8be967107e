//! `permits` (issue 11): when the profile lists permits, work in Canada on
//! days no listed permit covers does not count (CEC hours, CRS Canadian
//! experience, FSW/FST/category hours), and each such period is in
//! `excluded` with its own reason. No `permits`: nothing changes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::assess::Assessment;
use landed_rules::hours::{ExcludedPeriod, ExclusionReason};
use programs_common::*;
use serde_json::{Value, json};

/// A software developer in Canada since 2023-01-01, 30 h/week, assessed on 2026-01-01.
fn in_canada(permits: Option<Value>) -> Value {
    let mut v = json!({
        "as_of": "2026-01-01",
        "date_of_birth": "1995-01-01",
        "marital_status": "single",
        "education": [{"level": "masters", "in_canada": true, "completed_on": "2022-12-15"}],
        "language_tests": [celpip("2025-01-15", 9, 9, 9, 9)],
        "work_history": [job("21231", "CA", "2023-01-01", None, 30.0)],
        "intended_province": "ON"
    });
    if let Some(p) = permits {
        v["permits"] = p;
    }
    v
}

fn uncovered(excluded: &[ExcludedPeriod]) -> Vec<(String, String)> {
    excluded
        .iter()
        .filter(|e| e.reason == ExclusionReason::NotCoveredByPermit)
        .map(|e| (e.from.to_string(), e.to.to_string()))
        .collect()
}

/// Hours of `days` calendar days at 30 h/week.
fn hours(days: u32) -> f64 {
    f64::from(days) * 30.0 / 7.0
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn a_job_past_the_permit_end_loses_exactly_the_uncovered_days() {
    let before = run(&in_canada(None));
    let after = run(&in_canada(Some(json!([
        {"kind": "pgwp", "start": "2022-12-20", "end": "2025-06-30"}
    ]))));
    // 2025-07-01 to 2025-12-31: 184 days.
    for (b, a) in [
        (&before.facts.cec_experience, &after.facts.cec_experience),
        (
            &before.facts.canadian_experience,
            &after.facts.canadian_experience,
        ),
    ] {
        assert!(
            close(b.hours - a.hours, hours(184)),
            "{} - {}",
            b.hours,
            a.hours
        );
        assert_eq!(
            uncovered(&a.tally.excluded),
            [("2025-07-01".to_string(), "2025-12-31".to_string())]
        );
        let e = a
            .tally
            .excluded
            .iter()
            .find(|e| e.reason == ExclusionReason::NotCoveredByPermit)
            .unwrap();
        assert!(close(e.hours, hours(184)));
        assert_eq!(e.job, 0);
        assert!(uncovered(&b.tally.excluded).is_empty());
    }
    let w = &after.facts.program_work;
    for work in [&w.cec, &w.fsw] {
        assert_eq!(
            uncovered(&work.excluded),
            [("2025-07-01".to_string(), "2025-12-31".to_string())]
        );
    }
    // The CEC requirement names the reason, in both languages, with the source.
    let r = req(&after.programs.cec, "cec.work_experience");
    assert!(
        r.detail.en().contains("no listed permit covers") && r.detail.en().contains("87.1(3)"),
        "{}",
        r.detail.en()
    );
    assert!(
        r.detail.fr().contains("aucun permis indiqué ne couvre"),
        "{}",
        r.detail.fr()
    );
    // The JSON names it.
    let json = serde_json::to_string(&after).unwrap();
    assert!(json.contains(r#""reason":"not_covered_by_permit""#));
}

#[test]
fn two_permits_with_a_gap_lose_the_gap_only() {
    let a = run(&in_canada(Some(json!([
        {"kind": "study_permit", "end": "2024-03-31"},
        {"kind": "pgwp", "start": "2024-05-01", "end": "2027-12-31"}
    ]))));
    let b = run(&in_canada(None));
    let (cec, cec0) = (&a.facts.cec_experience, &b.facts.cec_experience);
    assert_eq!(
        uncovered(&cec.tally.excluded),
        [("2024-04-01".to_string(), "2024-04-30".to_string())]
    );
    assert!(close(cec0.hours - cec.hours, hours(30)));
}

#[test]
fn overlapping_and_adjacent_permits_cover_their_union() {
    let a = run(&in_canada(Some(json!([
        {"kind": "work_permit", "start": "2024-01-01", "end": "2026-06-30"},
        {"kind": "study_permit", "start": "2022-01-01", "end": "2023-06-30"},
        {"kind": "work_permit", "start": "2023-07-01", "end": "2024-02-01"}
    ]))));
    assert!(uncovered(&a.facts.cec_experience.tally.excluded).is_empty());
    let b = run(&in_canada(None));
    assert_eq!(a.facts.cec_experience.tally, b.facts.cec_experience.tally);
}

#[test]
fn a_visitor_record_covers_no_work() {
    let a = run(&in_canada(Some(json!([
        {"kind": "visitor_record", "start": "2020-01-01", "end": "2030-01-01"}
    ]))));
    assert_eq!(a.facts.cec_experience.hours, 0.0);
    assert_eq!(
        uncovered(&a.facts.cec_experience.tally.excluded),
        [("2023-01-01".to_string(), "2025-12-31".to_string())]
    );
}

#[test]
fn work_abroad_is_not_touched_by_permits() {
    let mut v = in_canada(Some(json!([
        {"kind": "pgwp", "start": "2025-01-01", "end": "2025-06-30"}
    ])));
    v["work_history"] = json!([job("21231", "IN", "2018-01-01", Some("2022-12-31"), 40.0)]);
    let with = run(&v);
    v.as_object_mut().unwrap().remove("permits");
    let without = run(&v);
    assert_eq!(
        with.facts.foreign_experience.tally,
        without.facts.foreign_experience.tally
    );
    assert_eq!(
        with.facts.program_work.fsw.excluded,
        without.facts.program_work.fsw.excluded
    );
}

/// No `permits` (or an empty list): the assessment is the one it always was.
#[test]
fn absent_or_empty_permits_change_nothing() {
    let absent: Assessment = run(&in_canada(None));
    let empty: Assessment = run(&in_canada(Some(json!([]))));
    assert_eq!(
        serde_json::to_string(&absent).unwrap(),
        serde_json::to_string(&empty).unwrap()
    );
    assert!(uncovered(&absent.facts.cec_experience.tally.excluded).is_empty());
}

/// A permit ending mid-way moves the day the 1,560 hours are reached later by
/// exactly the days lost (the projection uses the same permits).
#[test]
fn the_projection_counts_only_covered_days() {
    let mut v = in_canada(Some(json!([
        {"kind": "pgwp", "start": "2025-08-01", "end": "2027-12-31"}
    ])));
    v["work_history"] = json!([job("21231", "CA", "2025-06-01", None, 30.0)]);
    let with = run(&v);
    v.as_object_mut().unwrap().remove("permits");
    let without = run(&v);
    let (a, b) = (
        with.facts.cec_hours_reached_on.unwrap(),
        without.facts.cec_hours_reached_on.unwrap(),
    );
    // June and July 2025 (61 days) are not covered.
    assert_eq!(b.until(a).unwrap().get_days(), 61, "{b} → {a}");
}
