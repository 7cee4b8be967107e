//! Category-based selection: the categories in force by date, the
//! experience rule before and after 2026-02-18, French, Canadian-experience
//! categories, and the unverified / incomplete markings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::assess::Status;
use landed_rules::noc::Noc;
use landed_rules::programs::category_rules_on;
use programs_common::*;
use serde_json::json;

fn slugs(a: &landed_rules::assess::Assessment) -> Vec<&str> {
    a.categories.results.iter().map(|c| c.slug).collect()
}

fn at(as_of: &str) -> serde_json::Value {
    let mut v = fsw_base();
    v["as_of"] = json!(as_of);
    v["language_tests"] = json!([celpip(&format!("{}-01-15", &as_of[..4]), 9, 9, 9, 9)]);
    v
}

#[test]
fn categories_in_force_by_date() {
    let a = run(&at("2023-05-30"));
    assert!(a.categories.results.is_empty());
    assert!(a.categories.notes[0].contains("began on 2023-05-31"));

    let a = run(&at("2023-05-31"));
    assert_eq!(a.categories.rules_from, Some(d("2023-05-31")));
    assert_eq!(
        slugs(&a),
        [
            "french",
            "healthcare",
            "stem",
            "trades",
            "transport",
            "agriculture"
        ]
    );

    let a = run(&at("2024-06-01"));
    assert_eq!(a.categories.rules_from, Some(d("2023-05-31")));
    assert!(
        a.categories
            .notes
            .iter()
            .any(|n| n.contains("unchanged through 2024"))
    );

    let a = run(&at("2025-02-27"));
    assert_eq!(a.categories.rules_from, Some(d("2025-02-27")));
    assert_eq!(
        slugs(&a),
        [
            "french",
            "healthcare",
            "stem",
            "trades",
            "education",
            "agriculture"
        ]
    );

    let a = run(&at("2026-02-17"));
    assert_eq!(a.categories.rules_from, Some(d("2025-02-27")));
    let a = run(&at("2026-02-18"));
    assert_eq!(a.categories.rules_from, Some(d("2026-02-18")));
    assert_eq!(
        slugs(&a),
        [
            "french",
            "healthcare",
            "stem",
            "trades",
            "education",
            "transport",
            "physicians",
            "senior-managers",
            "researchers",
            "skilled-military"
        ]
    );
}

#[test]
fn lists_before_and_after_2026_02_18() {
    let n = |s: &str| Noc::parse(s).unwrap();
    let before = category_rules_on(d("2026-02-17")).unwrap().unwrap();
    let after = category_rules_on(d("2026-02-18")).unwrap().unwrap();
    let list = |v: &landed_rules::dated::Version<landed_rules::programs::CategorySet>,
                slug: &str| {
        v.values
            .categories
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| c.nocs.clone())
    };
    // Education: the same five codes in 2025 and 2026.
    assert_eq!(list(before, "education"), list(after, "education"));
    assert_eq!(list(after, "education").unwrap().len(), 5);
    // Agriculture (butchers) only before; transport only after.
    assert_eq!(list(before, "agriculture"), Some(vec![n("63201")]));
    assert_eq!(list(after, "agriculture"), None);
    assert_eq!(list(before, "transport"), None);
    assert_eq!(
        list(after, "transport").unwrap(),
        [n("22313"), n("72404"), n("72410"), n("72600")]
    );
    // The experience rule.
    assert_eq!(
        (
            before.values.experience_hours,
            before.values.experience_continuous
        ),
        (780, true)
    );
    assert_eq!(
        (
            after.values.experience_hours,
            after.values.experience_continuous
        ),
        (1560, false)
    );
    // 2023-2025 lists that rules.md does not give are empty and marked incomplete.
    for v in [category_rules_on(d("2023-06-01")).unwrap().unwrap(), before] {
        for c in &v.values.categories {
            assert_eq!(
                c.nocs.is_empty() && c.slug != "french",
                !c.list_complete,
                "{} {}",
                v.effective_from,
                c.slug
            );
            assert!(!c.verified);
        }
    }
    // 2026: every list is present but not verified.
    for c in &after.values.categories {
        assert!(c.list_complete && !c.verified, "{}", c.slug);
    }
}

/// A teacher in Canada (CLB 9, so CEC needs TEER 0/1's CLB 7): three 5-month
/// stretches with gaps, 1,962 hours in all, none of them 6 months long.
fn teacher(as_of: &str, stretches: &[(&str, &str)]) -> serde_json::Value {
    let mut v = fsw_base();
    v["as_of"] = json!(as_of);
    v["language_tests"] = json!([celpip("2025-06-01", 9, 9, 9, 9)]);
    v["work_history"] = stretches
        .iter()
        .map(|(s, e)| job("41220", "CA", s, Some(e), 30.0))
        .collect();
    v
}

const SPLIT: [(&str, &str); 3] = [
    ("2023-06-01", "2023-10-31"),
    ("2023-12-01", "2024-04-30"),
    ("2024-06-01", "2024-10-31"),
];

#[test]
fn from_2026_02_18_the_experience_need_not_be_continuous() {
    let a = run(&teacher("2026-02-17", &SPLIT));
    assert_eq!(a.programs.cec.eligible, Some(true));
    let c = category(&a, "education");
    let r = req(&c.result, "categories.education.work_experience");
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert!(r.detail.contains("continuous"), "{}", r.detail);
    assert_eq!(c.result.eligible, Some(false));

    let a = run(&teacher("2026-02-18", &SPLIT));
    let c = category(&a, "education");
    let r = req(&c.result, "categories.education.work_experience");
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    assert!(r.detail.contains("1,962 hours"), "{}", r.detail);
    assert_eq!(
        req(&c.result, "categories.education.program").status,
        Status::Met
    );
    assert_eq!(c.result.eligible, Some(true));
    assert!(!c.list_verified);
    assert!(
        c.result
            .notes
            .iter()
            .any(|n| n.contains("not yet checked against the official page"))
    );
}

#[test]
fn before_2026_02_18_six_continuous_months_were_enough() {
    // 214 days (917 hours) without a gap.
    let one = [("2025-03-01", "2025-09-30")];
    let a = run(&teacher("2026-02-17", &one));
    let r = req(
        &category(&a, "education").result,
        "categories.education.work_experience",
    );
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    let a = run(&teacher("2026-02-18", &one));
    let r = req(
        &category(&a, "education").result,
        "categories.education.work_experience",
    );
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    // 917 hours are not enough for CEC either: the category needs a program.
    let c = category(&a, "education");
    assert_eq!(
        req(&c.result, "categories.education.program").status,
        Status::NotMet
    );
}

#[test]
fn incomplete_lists_leave_the_answer_open_only_when_it_could_be_yes() {
    // 2025 healthcare: no codes in landed. A nurse with enough experience: unknown.
    let mut v = teacher("2025-06-01", &[("2023-01-01", "2025-05-31")]);
    v["work_history"][0]["noc"] = json!("31301");
    let a = run(&v);
    let c = category(&a, "healthcare");
    assert!(!c.list_complete);
    let r = req(&c.result, "categories.healthcare.work_experience");
    assert_eq!(r.status, Status::Unknown, "{}", r.detail);
    assert_eq!(c.result.eligible, None);
    assert!(c.result.notes.iter().any(|n| n.contains("Incomplete")));
    // The same nurse in 2026: on the list.
    v["as_of"] = json!("2026-06-01");
    v["language_tests"] = json!([celpip("2026-01-15", 9, 9, 9, 9)]);
    v["work_history"][0]["end"] = json!(null);
    let a = run(&v);
    let c = category(&a, "healthcare");
    assert_eq!(c.result.eligible, Some(true), "{:#?}", c.result);
    // Too little experience in any occupation: not met even with an incomplete list.
    let mut v = teacher("2025-06-01", &[("2025-03-01", "2025-04-30")]);
    v["work_history"][0]["noc"] = json!("31301");
    let a = run(&v);
    let r = req(
        &category(&a, "healthcare").result,
        "categories.healthcare.work_experience",
    );
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
}

#[test]
fn french_needs_nclc_7_in_all_four_abilities() {
    let mut v = at("2026-06-01");
    v["language_tests"] = json!([
        celpip("2026-01-15", 9, 9, 9, 9),
        tcf("2026-02-01", 7, 7, 7, 7)
    ]);
    v["first_official_language"] = json!("english");
    let a = run(&v);
    assert_eq!(a.programs.fsw.eligible, Some(true));
    let c = category(&a, "french");
    assert_eq!(
        req(&c.result, "categories.french.french").status,
        Status::Met
    );
    assert_eq!(c.result.eligible, Some(true));

    v["language_tests"][1] = tcf("2026-02-01", 7, 7, 6, 7);
    let a = run(&v);
    let r = req(&category(&a, "french").result, "categories.french.french");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("writing 6 (7 needed)"), "{}", r.detail);

    v["language_tests"] = json!([celpip("2026-01-15", 9, 9, 9, 9)]);
    let a = run(&v);
    assert_eq!(
        req(&category(&a, "french").result, "categories.french.french").status,
        Status::NotMet
    );

    v["language_tests"] = json!([]);
    let a = run(&v);
    assert_eq!(
        req(&category(&a, "french").result, "categories.french.french").status,
        Status::Unknown
    );
}

#[test]
fn canadian_experience_categories_need_the_work_in_canada() {
    let mut v = at("2026-06-01");
    v["work_history"] = json!([job("00012", "IN", "2020-01-01", None, 40.0)]);
    let a = run(&v);
    assert_eq!(a.programs.fsw.eligible, Some(true));
    let r = req(
        &category(&a, "senior-managers").result,
        "categories.senior-managers.work_experience",
    );
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert!(r.detail.contains("in Canada"), "{}", r.detail);

    v["work_history"] = json!([job("00012", "CA", "2020-01-01", None, 40.0)]);
    let a = run(&v);
    let c = category(&a, "senior-managers");
    assert_eq!(c.result.eligible, Some(true), "{:#?}", c.result);
}

#[test]
fn physicians_need_licensing_landed_cannot_check() {
    let mut v = at("2026-06-01");
    v["work_history"] = json!([job("31102", "CA", "2020-01-01", None, 40.0)]);
    let a = run(&v);
    let c = category(&a, "physicians");
    assert_eq!(
        req(&c.result, "categories.physicians.work_experience").status,
        Status::Met
    );
    assert_eq!(
        req(&c.result, "categories.physicians.other_condition").status,
        Status::Unknown
    );
    assert_eq!(c.result.eligible, None);
    assert!(c.result.notes.iter().any(|n| n.contains("not settled")));
}

#[test]
fn skilled_military_recruits_need_a_job_offer_in_the_list() {
    let mut v = at("2026-06-01");
    v["work_history"] = json!([job("42102", "IN", "2020-01-01", None, 40.0)]);
    let a = run(&v);
    let c = category(&a, "skilled-military");
    assert_eq!(
        req(&c.result, "categories.skilled-military.job_offer").status,
        Status::NotMet
    );
    v["job_offer"] = json!({"noc": "42102"});
    let a = run(&v);
    let c = category(&a, "skilled-military");
    assert_eq!(
        req(&c.result, "categories.skilled-military.job_offer").status,
        Status::Met
    );
    assert_eq!(c.result.eligible, Some(true), "{:#?}", c.result);
}

#[test]
fn a_category_needs_eligibility_for_a_program() {
    let mut v = at("2026-06-01");
    v["work_history"] = json!([job("31301", "IN", "2025-01-01", None, 40.0)]);
    v["language_tests"] = json!([celpip("2026-01-15", 6, 6, 6, 6)]);
    let a = run(&v);
    assert_eq!(a.programs.fsw.eligible, Some(false));
    let c = category(&a, "healthcare");
    assert_eq!(
        req(&c.result, "categories.healthcare.work_experience").status,
        Status::Met
    );
    let r = req(&c.result, "categories.healthcare.program");
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert_eq!(c.result.eligible, Some(false));
}
