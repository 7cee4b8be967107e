//! Golden cases for every row of every FSW selection factor, and the
//! adaptability sub-items and cap.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use programs_common::*;
use serde_json::json;

fn points(v: &serde_json::Value, id: &str) -> u8 {
    grid_line(&run(v), id).points
}

#[test]
fn first_language_rows_per_ability() {
    // CLB 4, 5, 6: 0; CLB 7: 4; CLB 8: 5; CLB 9: 6; CLB 10 (and 11, 12 on CELPIP): 6.
    for (level, per_ability) in [
        (4u8, 0u8),
        (5, 0),
        (6, 0),
        (7, 4),
        (8, 5),
        (9, 6),
        (10, 6),
        (12, 6),
    ] {
        let mut v = fsw_base();
        v["language_tests"] = json!([celpip("2026-01-15", level, level, level, level)]);
        assert_eq!(
            points(&v, "fsw.grid.first_language"),
            4 * per_ability,
            "CLB {level}"
        );
    }
    let mut v = fsw_base();
    v["language_tests"] = json!([celpip("2026-01-15", 10, 9, 8, 7)]);
    let a = run(&v);
    let l = grid_line(&a, "fsw.grid.first_language");
    assert_eq!((l.points, l.max), (21, 24));
    assert!(
        l.detail
            .contains("listening 10 → 6, reading 9 → 6, writing 8 → 5, speaking 7 → 4"),
        "{}",
        l.detail
    );
}

#[test]
fn second_language_rows() {
    for ((l, r, w, s), expected) in [
        ((5, 5, 5, 5), 4u8),
        ((10, 9, 8, 7), 4),
        ((5, 5, 4, 5), 0),
        ((4, 4, 4, 4), 0),
    ] {
        let mut v = fsw_base();
        v["language_tests"] = json!([
            celpip("2026-01-15", 9, 9, 9, 9),
            tcf("2026-02-01", l, r, w, s)
        ]);
        v["first_official_language"] = json!("english");
        assert_eq!(
            points(&v, "fsw.grid.second_language"),
            expected,
            "NCLC {l}/{r}/{w}/{s}"
        );
    }
    assert_eq!(points(&fsw_base(), "fsw.grid.second_language"), 0);
}

#[test]
fn education_rows() {
    for (creds, expected) in [
        (
            json!([{"level": "less_than_secondary", "in_canada": true}]),
            0u8,
        ),
        (json!([{"level": "secondary", "in_canada": true}]), 5),
        (json!([{"level": "one_year", "in_canada": true}]), 15),
        (json!([{"level": "two_year", "in_canada": true}]), 19),
        (json!([{"level": "bachelors", "in_canada": true}]), 21),
        (
            json!([{"level": "bachelors", "in_canada": true}, {"level": "one_year", "in_canada": true}]),
            22,
        ),
        (
            json!([{"level": "masters", "in_canada": false, "eca": true}]),
            23,
        ),
        (
            json!([{"level": "doctoral", "in_canada": false, "eca": true}]),
            25,
        ),
        (
            json!([{"level": "doctoral", "in_canada": false, "eca": false}]),
            0,
        ),
    ] {
        let mut v = fsw_base();
        v["education"] = creds.clone();
        assert_eq!(points(&v, "fsw.grid.education"), expected, "{creds}");
    }
    let mut v = fsw_base();
    v["education"] = json!([]);
    let a = run(&v);
    let l = grid_line(&a, "fsw.grid.education");
    assert_eq!((l.points, l.up_to), (0, Some(25)));
}

#[test]
fn experience_rows() {
    // N years = N × 364 days at 30 h/week, ending the day before as_of.
    for (years, expected) in [
        (1i64, 9u8),
        (2, 11),
        (3, 11),
        (4, 13),
        (5, 13),
        (6, 15),
        (9, 15),
    ] {
        let days = years * 364;
        let as_of = d("2026-11-01");
        let start = as_of.checked_sub(jiff::Span::new().days(days)).unwrap();
        let mut v = fsw_base();
        v["work_history"] = json!([job(
            "21231",
            "IN",
            &start.to_string(),
            Some("2026-10-31"),
            30.0
        )]);
        assert_eq!(points(&v, "fsw.grid.experience"), expected, "{years} years");
        // One day less is one year less (from 2 years on).
        if years >= 2 {
            let start = as_of.checked_sub(jiff::Span::new().days(days - 1)).unwrap();
            v["work_history"] = json!([job(
                "21231",
                "IN",
                &start.to_string(),
                Some("2026-10-31"),
                30.0
            )]);
            let fewer = points(&v, "fsw.grid.experience");
            let expected_fewer = match years - 1 {
                1 => 9,
                2 | 3 => 11,
                4 | 5 => 13,
                _ => 15,
            };
            assert_eq!(fewer, expected_fewer, "{years} years less a day");
        }
    }
    // TEER 0-3 work in several occupations adds up for points.
    let mut v = fsw_base();
    v["work_history"] = json!([
        job("21231", "IN", "2022-11-01", Some("2024-10-31"), 30.0),
        job("21211", "IN", "2024-11-01", Some("2026-10-31"), 30.0),
    ]);
    assert_eq!(points(&v, "fsw.grid.experience"), 13);
}

#[test]
fn age_rows() {
    // On 2026-11-01; born 2 November of the year so the age is 2026 - year - 1.
    for (age, expected) in [
        (17u8, 0u8),
        (18, 12),
        (25, 12),
        (35, 12),
        (36, 11),
        (37, 10),
        (38, 9),
        (39, 8),
        (40, 7),
        (41, 6),
        (42, 5),
        (43, 4),
        (44, 3),
        (45, 2),
        (46, 1),
        (47, 0),
        (60, 0),
    ] {
        let mut v = fsw_base();
        v["date_of_birth"] = json!(format!("{}-11-02", 2026 - i32::from(age) - 1));
        let a = run(&v);
        assert_eq!(a.facts.age, age);
        assert_eq!(grid_line(&a, "fsw.grid.age").points, expected, "age {age}");
    }
}

#[test]
fn arranged_employment_rows() {
    let mut v = fsw_base();
    assert_eq!(points(&v, "fsw.grid.arranged_employment"), 0);
    v["job_offer"] = json!({"noc": "21231"});
    let a = run(&v);
    assert_eq!(grid_line(&a, "fsw.grid.arranged_employment").points, 10);
    assert_eq!(
        grid_line(&a, "fsw.grid.adaptability.arranged_employment").points,
        5
    );
    v["job_offer"] = json!({"noc": "21231", "non_seasonal": false});
    assert_eq!(points(&v, "fsw.grid.arranged_employment"), 0);
    v["job_offer"] = json!({"noc": "21231", "lmia_or_exempt": false});
    assert_eq!(points(&v, "fsw.grid.arranged_employment"), 0);
    v["job_offer"] = json!({"noc": "65201"});
    let a = run(&v);
    let l = grid_line(&a, "fsw.grid.arranged_employment");
    assert_eq!(l.points, 0);
    assert!(l.detail.contains("not TEER 0, 1, 2 or 3"), "{}", l.detail);
}

#[test]
fn adaptability_items_and_cap() {
    let item = |v: &serde_json::Value, id: &str| {
        let a = run(v);
        let l = grid_line(&a, id);
        (l.points, l.up_to)
    };
    // Single, nothing: the spouse items are 0; relatives are open (up to 5).
    let v = fsw_base();
    assert_eq!(item(&v, "fsw.grid.adaptability.spouse_language"), (0, None));
    assert_eq!(
        item(&v, "fsw.grid.adaptability.relatives_in_canada"),
        (0, Some(5))
    );
    let a = run(&v);
    let l = grid_line(&a, "fsw.grid.adaptability");
    assert_eq!((l.points, l.up_to, l.max), (0, Some(5), 10));

    // Spouse's language: CLB 4 in all four abilities gives 5; a 3 gives 0.
    let mut v = fsw_base();
    v["marital_status"] = json!("married");
    v["spouse"] = json!({"language_tests": [celpip("2026-03-01", 4, 4, 4, 4)]});
    assert_eq!(item(&v, "fsw.grid.adaptability.spouse_language"), (5, None));
    v["spouse"] = json!({"language_tests": [celpip("2026-03-01", 4, 3, 4, 4)]});
    assert_eq!(item(&v, "fsw.grid.adaptability.spouse_language"), (0, None));
    // Spouse not declared: open.
    v.as_object_mut().unwrap().remove("spouse");
    assert_eq!(
        item(&v, "fsw.grid.adaptability.spouse_language"),
        (0, Some(5))
    );
    assert_eq!(
        item(&v, "fsw.grid.adaptability.spouse_work_in_canada"),
        (0, Some(5))
    );
    // Spouse's study and work in Canada.
    v["spouse"] = json!({
        "education": [{"level": "two_year", "program_years": 2, "in_canada": true}],
        "work_history": [job("65201", "CA", "2024-01-01", Some("2024-12-31"), 30.0)]
    });
    assert_eq!(
        item(&v, "fsw.grid.adaptability.spouse_study_in_canada"),
        (5, None)
    );
    assert_eq!(
        item(&v, "fsw.grid.adaptability.spouse_work_in_canada"),
        (5, None)
    );
    // A spouse who is not coming earns nothing.
    v["spouse"]["accompanying"] = json!(false);
    assert_eq!(
        item(&v, "fsw.grid.adaptability.spouse_study_in_canada"),
        (0, None)
    );

    // Own study in Canada: a program of two years or more.
    let mut v = fsw_base();
    v["education"] = json!([{"level": "one_year", "program_years": 1, "in_canada": true}]);
    assert_eq!(item(&v, "fsw.grid.adaptability.study_in_canada"), (0, None));
    v["education"] = json!([{"level": "one_year", "program_years": 2, "in_canada": true}]);
    assert_eq!(item(&v, "fsw.grid.adaptability.study_in_canada"), (5, None));

    // Own work in Canada: 1,560 hours of authorized TEER 0-3 work gives 10; TEER 5 gives 0.
    let mut v = fsw_base();
    v["work_history"] = json!([
        job("21231", "IN", "2019-09-01", Some("2025-10-31"), 40.0),
        job_days("21231", "CA", "2025-11-01", 364, 30.0),
    ]);
    assert_eq!(item(&v, "fsw.grid.adaptability.work_in_canada"), (10, None));
    v["work_history"][1] = job_days("21231", "CA", "2025-11-01", 363, 30.0);
    assert_eq!(item(&v, "fsw.grid.adaptability.work_in_canada"), (0, None));
    v["work_history"][1] = job_days("65201", "CA", "2025-11-01", 364, 30.0);
    assert_eq!(item(&v, "fsw.grid.adaptability.work_in_canada"), (0, None));

    // Relatives: a sibling in Canada gives 5.
    let mut v = fsw_base();
    v["sibling_in_canada"] = json!(true);
    assert_eq!(
        item(&v, "fsw.grid.adaptability.relatives_in_canada"),
        (5, None)
    );

    // Work in Canada (10) + sibling (5) + study (5) = 20, capped at 10.
    v["education"] = json!([{"level": "masters", "program_years": 2, "in_canada": true}]);
    v["work_history"] = json!([job("21231", "CA", "2019-09-01", None, 40.0)]);
    let a = run(&v);
    let l = grid_line(&a, "fsw.grid.adaptability");
    assert_eq!((l.points, l.max, l.up_to), (10, 10, None));
    assert!(l.detail.contains("capped at 10"), "{}", l.detail);
}

#[test]
fn the_total_is_the_sum_of_the_factors() {
    let mut v = fsw_base();
    v["job_offer"] = json!({"noc": "21231"});
    v["sibling_in_canada"] = json!(true);
    let a = run(&v);
    let g = a.programs.fsw.grid.as_ref().unwrap();
    assert_eq!(g.lines.len(), 7);
    assert_eq!(g.total, g.lines.iter().map(|l| l.points).sum::<u8>());
    // 24 + 0 + 23 + 15 + 12 + 10 + min(5 + 5, 10)
    assert_eq!(g.total, 94);
    assert_eq!(g.possible, 94);
    for l in &g.lines {
        assert!(l.points <= l.max, "{}", l.id);
        assert!(l.source.is_some(), "{}", l.id);
    }
}
