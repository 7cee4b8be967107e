//! Proof of funds: the amount for family sizes 1, 7 and 9 under each table,
//! the tables' start dates, and the family size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::RulesError;
use landed_rules::profile::parse_profile;
use landed_rules::programs::{family_size, funds_required};
use programs_common::*;
use serde_json::json;

#[test]
fn family_sizes_1_7_and_9_in_each_table() {
    for (date, one, seven, nine) in [
        ("2023-04-25", 13_757, 36_407, 36_407 + 2 * 3_706),
        ("2024-05-28", 14_690, 38_875, 38_875 + 2 * 3_958),
        ("2025-07-07", 15_263, 40_392, 40_392 + 2 * 4_112),
        ("2026-11-24", 15_263, 40_392, 48_616),
    ] {
        let on = d(date);
        assert_eq!(funds_required(1, on).unwrap().amount, one, "{date}");
        assert_eq!(funds_required(7, on).unwrap().amount, seven, "{date}");
        assert_eq!(funds_required(9, on).unwrap().amount, nine, "{date}");
    }
    // Each member beyond 7 adds the same amount, up to the largest family the profile allows.
    assert_eq!(
        funds_required(30, d("2026-01-01")).unwrap().amount,
        40_392 + 23 * 4_112
    );
}

#[test]
fn every_row_of_the_current_table() {
    let amounts = [
        15_263, 19_001, 23_360, 28_362, 32_168, 36_280, 40_392, 44_504,
    ];
    for (i, a) in amounts.iter().enumerate() {
        let r = funds_required(u8::try_from(i + 1).unwrap(), d("2026-01-01")).unwrap();
        assert_eq!(r.amount, *a, "family of {}", i + 1);
        assert_eq!(r.table_from, d("2025-07-07"));
        assert_eq!(r.source.confidence.as_deref(), Some("C3"));
    }
}

#[test]
fn tables_change_on_their_start_dates() {
    assert_eq!(funds_required(1, d("2025-07-06")).unwrap().amount, 14_690);
    assert_eq!(funds_required(1, d("2025-07-07")).unwrap().amount, 15_263);
    assert_eq!(funds_required(1, d("2024-05-27")).unwrap().amount, 13_757);
    assert_eq!(funds_required(1, d("2024-05-28")).unwrap().amount, 14_690);
    let e = funds_required(1, d("2023-04-24")).unwrap_err();
    assert!(matches!(e, RulesError::DateNotCovered { .. }), "{e}");
    assert!(e.to_string().contains("2023-04-25"), "{e}");
}

#[test]
fn a_family_of_zero_is_an_error_naming_the_field() {
    let e = funds_required(0, d("2026-01-01")).unwrap_err();
    assert_eq!(e.field(), "family_size");
}

#[test]
fn before_the_first_table_the_requirement_is_unknown_not_an_error() {
    let mut v = fsw_base();
    v["as_of"] = json!("2022-06-01");
    v["language_tests"] = json!([celpip("2022-01-15", 9, 9, 9, 9)]);
    let a = run(&v);
    let r = req(&a.programs.fsw, "fsw.proof_of_funds");
    assert_eq!(r.status, landed_rules::assess::Status::Unknown);
    assert!(r.detail.contains("2023-04-25"), "{}", r.detail);
}

#[test]
fn family_size_is_given_or_derived() {
    let p = |v: serde_json::Value| parse_profile(&v.to_string()).unwrap();
    let mut v = fsw_base();
    let f = family_size(&p(v.clone()));
    assert_eq!((f.members, f.derived), (1, true));
    for status in ["married", "common_law"] {
        v["marital_status"] = json!(status);
        let f = family_size(&p(v.clone()));
        assert_eq!((f.members, f.derived), (2, true), "{status}");
    }
    // A spouse who is a citizen or not coming still counts.
    v["spouse"] = json!({"accompanying": false, "canadian_citizen_or_pr": true});
    assert_eq!(family_size(&p(v.clone())).members, 2);
    v["marital_status"] = json!("divorced");
    assert_eq!(family_size(&p(v.clone())).members, 1);
    v["family_size"] = json!(7);
    let f = family_size(&p(v.clone()));
    assert_eq!((f.members, f.derived), (7, false));
}

#[test]
fn an_old_table_is_flagged() {
    let a = run(&fsw_base());
    assert!(
        a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("newest table landed knows is from 2025-07-07"))
    );
    let mut v = fsw_base();
    v["as_of"] = json!("2026-01-15");
    let a = run(&v);
    assert!(
        !a.programs
            .fsw
            .notes
            .iter()
            .any(|n| n.contains("newest table"))
    );
}
