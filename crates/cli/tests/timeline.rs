//! `landed timeline` as a user runs it: formats, languages, errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn landed(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

const GRADUATE: &str = r#"{"as_of": "2026-11-24", "date_of_birth": "1996-05-20", "marital_status": "single", "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01", "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}], "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-12-15"}], "work_history": [{"noc": "21232", "title": "Software developer", "country": "CA", "province": "ON", "start": "2026-01-05", "hours_per_week": 40}], "intended_province": "ON", "permits": [{"kind": "pgwp", "end": "2027-06-30"}]}"#;

#[test]
fn json_has_the_contract_fields() {
    let out = landed(
        &["timeline", "-", "--format", "json", "--until", "2029-11-24"],
        GRADUATE,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-11-24");
    assert_eq!(v["until"], "2029-11-24");
    assert_eq!(v["jobs_end"], Value::Null);
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "cec_hours_reached",
            "eligibility_starts",
            "crs_change",
            "eligibility_ends",
            "crs_change",
            "language_test_expires",
            "permit_ends"
        ]
    );
    let permit = &v["events"][6];
    assert_eq!(permit["date"], "2027-06-30");
    assert_eq!(permit["warning"], true);
}

#[test]
fn table_in_french() {
    let out = landed(&["timeline", "-", "--lang", "fr"], GRADUATE);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Calendrier du 2026-11-24 au 2031-11-24"),
        "{text}"
    );
    assert!(text.contains("Vous devenez admissible"), "{text}");
}

#[test]
fn jobs_end_before_as_of_names_the_field() {
    let out = landed(&["timeline", "-", "--jobs-end", "2026-01-01"], GRADUATE);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("jobs_end"), "{err}");
    let out = landed(
        &[
            "timeline",
            "-",
            "--format",
            "jsonl",
            "--jobs-end",
            "2026-01-01",
        ],
        GRADUATE,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["field"], "jobs_end");
}

#[test]
fn jsonl_one_line_per_profile_errors_in_place() {
    let input = format!(
        "{GRADUATE}\n{{\"date_of_birth\": \"1990-01-01\", \"permits\": [{{\"kind\": \"pgwp\"}}]}}\n"
    );
    let out = landed(&["timeline", "-", "--format", "jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["events"].is_array());
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]["field"]
            .as_str()
            .unwrap()
            .starts_with("permits[0]")
    );
}
