//! Which program an invitation would be issued under: CEC, then FSW, then FST.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::programs::Program;
use programs_common::*;
use serde_json::json;

#[test]
fn cec_first_then_fsw_then_fst() {
    // FSW only.
    assert_eq!(run(&fsw_base()).programs.invited_under, Some(Program::Fsw));
    // FST only.
    assert_eq!(run(&fst_base()).programs.invited_under, Some(Program::Fst));

    // CEC and FSW: CEC.
    let mut v = fsw_base();
    v["work_history"] = json!([job("21231", "CA", "2019-09-01", None, 40.0)]);
    let a = run(&v);
    assert_eq!(
        (a.programs.cec.eligible, a.programs.fsw.eligible),
        (Some(true), Some(true))
    );
    assert_eq!(a.programs.invited_under, Some(Program::Cec));
    assert!(a.notes.iter().any(|n| n.contains("more than one program")));

    // FSW and FST (a foreign TEER 2 trade with CLB 9 and a certificate): FSW.
    let mut v = fst_base();
    v["language_tests"] = json!([celpip("2026-01-15", 9, 9, 9, 9)]);
    v["education"] = json!([{"level": "masters", "in_canada": false, "eca": true}]);
    v["date_of_birth"] = json!("1995-01-01");
    v["work_history"] = json!([job("72310", "PH", "2019-01-01", None, 40.0)]);
    let a = run(&v);
    assert_eq!(
        (a.programs.fsw.eligible, a.programs.fst.eligible),
        (Some(true), Some(true))
    );
    assert_eq!(a.programs.invited_under, Some(Program::Fsw));

    // None.
    let mut v = fsw_base();
    v["intended_province"] = json!("QC");
    let a = run(&v);
    assert_eq!(a.programs.invited_under, None);
}

#[test]
fn an_undecided_earlier_program_is_named() {
    // A carpenter with CLB 9 and no education recorded: FSW is open (education
    // unknown), FST is met: FST, with a note naming FSW.
    let mut v = fst_base();
    v["language_tests"] = json!([celpip("2026-01-15", 9, 9, 9, 9)]);
    v["work_history"] = json!([job("72310", "PH", "2019-01-01", None, 40.0)]);
    let a = run(&v);
    assert_eq!(
        (a.programs.fsw.eligible, a.programs.fst.eligible),
        (None, Some(true))
    );
    assert_eq!(a.programs.invited_under, Some(Program::Fst));
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("if you turn out to be eligible for FSW")),
        "{:#?}",
        a.notes
    );
    // Nothing decided: no program.
    let mut v = fsw_base();
    v["language_tests"] = json!([]);
    assert_eq!(run(&v).programs.invited_under, None);
}

#[test]
fn a_provincial_nomination_is_noted() {
    let mut v = fsw_base();
    v["provincial_nomination"] = json!(true);
    let a = run(&v);
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("Provincial Nominee Class"))
    );
}
