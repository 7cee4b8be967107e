//! Bad input: unknown NOC codes, impossible family sizes and negative funds
//! are clear errors that name the field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use programs_common::*;
use serde_json::json;

fn error(v: &serde_json::Value) -> landed_rules::RulesError {
    match try_run(v) {
        Ok(_) => panic!("accepted: {v:#}"),
        Err(e) => e,
    }
}

#[test]
fn unknown_noc_codes_name_the_field_and_suggest_close_codes() {
    for (field, value, path) in [
        (
            "work_history",
            json!([job("21239", "IN", "2020-01-01", None, 40.0)]),
            "work_history[0].noc",
        ),
        ("job_offer", json!({"noc": "99999"}), "job_offer.noc"),
        (
            "certificate_of_qualification",
            json!({"noc": "72319"}),
            "certificate_of_qualification.noc",
        ),
    ] {
        let mut v = fsw_base();
        v[field] = value;
        let e = error(&v);
        assert_eq!(e.field(), path, "{e}");
        assert!(e.message().contains("unknown NOC 2021 unit group"), "{e}");
    }
    let mut v = fsw_base();
    v["work_history"] = json!([job("21239", "IN", "2020-01-01", None, 40.0)]);
    assert!(
        error(&v).message().contains("21231"),
        "a close code is suggested"
    );
    v["spouse"] = json!({"work_history": [job("13119", "CA", "2024-01-01", None, 30.0)]});
    v["work_history"] = json!([]);
    v["marital_status"] = json!("married");
    assert_eq!(error(&v).field(), "spouse.work_history[0].noc");
}

#[test]
fn malformed_noc_codes_name_the_field() {
    let mut v = fsw_base();
    v["job_offer"] = json!({"noc": "2123"});
    let e = error(&v);
    assert_eq!(e.field(), "job_offer.noc", "{e}");
    assert!(e.message().contains("five digits"), "{e}");
}

#[test]
fn impossible_family_sizes_name_the_field() {
    for bad in [json!(0), json!(31), json!(200)] {
        let mut v = fsw_base();
        v["family_size"] = bad.clone();
        let e = error(&v);
        assert_eq!(e.field(), "family_size", "{bad}: {e}");
    }
    for bad in [json!(-1), json!(2.5), json!(300), json!("two")] {
        let mut v = fsw_base();
        v["family_size"] = bad.clone();
        let e = error(&v);
        assert_eq!(e.field(), "family_size", "{bad}: {e}");
    }
    let mut v = fsw_base();
    v["family_size"] = json!(30);
    assert!(try_run(&v).is_ok());
}

#[test]
fn negative_funds_name_the_field() {
    let mut v = fsw_base();
    v["settlement_funds_cad"] = json!(-1);
    let e = error(&v);
    assert_eq!(e.field(), "settlement_funds_cad");
    assert!(e.message().contains("0 or more"), "{e}");
    v["settlement_funds_cad"] = json!("lots");
    assert_eq!(error(&v).field(), "settlement_funds_cad");
    v["settlement_funds_cad"] = json!(0);
    assert!(try_run(&v).is_ok());
}
