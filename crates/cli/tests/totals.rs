//! `--detail totals` and `--format csv` (issue 14) as a user runs them.
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
    // A usage error exits before reading: a broken pipe is expected then.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).unwrap()
}

/// Answers of several shapes (with and without a spouse, two rule sets), and
/// two bad lines: one that is not JSON, one out of range.
fn answers() -> String {
    let mut s = String::new();
    for i in 0..300u32 {
        let spouse = if i % 3 == 0 {
            r#","spouse":{"education":"masters","canadian_experience_years":1,"first_language":{"language":"english","listening":7,"reading":7,"writing":7,"speaking":7}}"#
        } else {
            ""
        };
        let as_of = if i % 2 == 0 {
            "2026-11-24"
        } else {
            "2024-06-01"
        };
        s.push_str(&format!(
            r#"{{"as_of":"{as_of}","age":{},"education":"bachelors","first_language":{{"language":"english","listening":{},"reading":9,"writing":8,"speaking":9}},"canadian_experience_years":{},"job_offer":"teer0123"{spouse}}}"#,
            18 + i % 30,
            4 + i % 9,
            i % 6
        ));
        s.push('\n');
        if i == 10 {
            s.push_str("not json, \"at all\"\n");
        }
        if i == 20 {
            s.push_str(r#"{"age":200,"education":"bachelors","first_language":{"language":"english","listening":7,"reading":9,"writing":9,"speaking":9},"canadian_experience_years":0}"#);
            s.push('\n');
        }
    }
    s
}

const CRS_TOTALS: [&str; 7] = [
    "total",
    "rule_set",
    "as_of",
    "core",
    "spouse",
    "skill_transferability",
    "additional",
];

#[test]
fn crs_totals_are_the_full_results_numbers_in_order_and_the_same_in_french() {
    let input = answers();
    let full = landed(&["crs", "-", "--format", "jsonl"], &input);
    let totals = landed(
        &["crs", "-", "--format", "jsonl", "--detail", "totals"],
        &input,
    );
    let totals_fr = landed(
        &[
            "crs", "-", "--format", "jsonl", "--detail", "totals", "--lang", "fr",
        ],
        &input,
    );
    // The same exit code: two lines failed.
    assert_eq!(full.status.code(), Some(1));
    assert_eq!(totals.status.code(), Some(1));
    assert_eq!(totals.stdout, totals_fr.stdout, "--lang changes nothing");
    let (full, totals) = (stdout(&full), stdout(&totals));
    assert_eq!(full.lines().count(), 302);
    assert_eq!(totals.lines().count(), 302);
    for (f, t) in full.lines().zip(totals.lines()) {
        let f: Value = serde_json::from_str(f).unwrap();
        let t: Value = serde_json::from_str(t).unwrap();
        if f.get("error").is_some() {
            assert_eq!(f, t, "errors are as in the full output");
            continue;
        }
        let keys: Vec<&String> = t.as_object().unwrap().keys().collect();
        assert_eq!(keys, CRS_TOTALS, "the contract's names, in its order");
        for k in CRS_TOTALS {
            assert_eq!(f[k], t[k], "{k}");
        }
    }
    assert!(
        totals
            .lines()
            .nth(11)
            .unwrap()
            .starts_with(r#"{"line":12,"error""#)
    );
}

#[test]
fn crs_csv_has_a_header_a_row_per_input_and_errors_with_their_line() {
    let input = answers();
    let totals = landed(
        &["crs", "-", "--format", "jsonl", "--detail", "totals"],
        &input,
    );
    let out = landed(&["crs", "-", "--format", "csv"], &input);
    assert_eq!(out.status.code(), Some(1));
    let fr = landed(&["crs", "-", "--format", "csv", "--lang", "fr"], &input);
    assert_eq!(out.stdout, fr.stdout);
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "line",
            "total",
            "rule_set",
            "as_of",
            "core",
            "spouse",
            "skill_transferability",
            "additional",
            "error_field",
            "error_message"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 302);
    for (i, (row, t)) in rows.iter().zip(stdout(&totals).lines()).enumerate() {
        let t: Value = serde_json::from_str(t).unwrap();
        assert_eq!(row[0], (i + 1).to_string());
        if let Some(e) = t.get("error") {
            assert_eq!(&row[8], e["field"].as_str().unwrap());
            assert_eq!(&row[9], e["message"].as_str().unwrap());
            assert!((1..8).all(|c| row[c].is_empty()));
            continue;
        }
        for (c, k) in CRS_TOTALS.iter().enumerate() {
            let cell = &row[c + 1];
            match &t[k] {
                Value::String(s) => assert_eq!(cell, s),
                v => assert_eq!(cell, v.to_string()),
            }
        }
        assert_eq!((&row[8], &row[9]), ("", ""));
    }
    // The line that is not JSON: its message is quoted and still reads back whole.
    assert_eq!(rows[11][0].parse::<usize>().unwrap(), 12);
    assert!(!rows[11][9].is_empty());
}

#[test]
fn assess_totals_and_csv_agree_with_the_full_assessment() {
    let examples = include_str!("../../../docs/contracts/examples/profiles.jsonl");
    let mut input = String::new();
    for line in examples.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        input.push_str(&v["profile"].to_string());
        input.push('\n');
    }
    input.push_str("{\"as_of\":\"2026-13-01\"}\n");
    let n = input.lines().count();
    let full = landed(&["assess", "-", "--format", "jsonl"], &input);
    let totals = landed(
        &["assess", "-", "--format", "jsonl", "--detail", "totals"],
        &input,
    );
    let fr = landed(
        &[
            "assess", "-", "--format", "jsonl", "--detail", "totals", "--lang", "fr",
        ],
        &input,
    );
    let csv_out = landed(&["assess", "-", "--format", "csv"], &input);
    assert_eq!(full.status.code(), Some(1));
    assert_eq!(totals.status.code(), Some(1));
    assert_eq!(csv_out.status.code(), Some(1));
    assert_eq!(totals.stdout, fr.stdout);
    let mut reader = csv::Reader::from_reader(&csv_out.stdout[..]);
    assert_eq!(reader.headers().unwrap().len(), 14);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    let lines = stdout(&full).lines().zip(stdout(&totals).lines());
    for ((f, t), row) in lines.zip(&rows) {
        let f: Value = serde_json::from_str(f).unwrap();
        let t: Value = serde_json::from_str(t).unwrap();
        if f.get("error").is_some() {
            assert_eq!(f, t);
            assert_eq!(&row[13], f["error"]["message"].as_str().unwrap());
            continue;
        }
        assert_eq!(t["as_of"], f["as_of"]);
        assert_eq!(&row[1], f["as_of"].as_str().unwrap());
        for (c, p) in ["cec", "fsw", "fst"].into_iter().enumerate() {
            assert_eq!(t["programs"][p]["eligible"], f["programs"][p]["eligible"]);
            let cell = match &f["programs"][p]["eligible"] {
                Value::Null => String::new(),
                v => v.to_string(),
            };
            assert_eq!(row[2 + c], cell);
        }
        assert_eq!(
            t["programs"]["invited_under"],
            f["programs"]["invited_under"]
        );
        assert_eq!(t["programs"].as_object().unwrap().len(), 4);
        match &f["crs"] {
            Value::Null => assert_eq!(t["crs"], Value::Null),
            crs => {
                for k in CRS_TOTALS {
                    assert_eq!(t["crs"][k], crs[k], "{k}");
                }
                assert_eq!(row[6], crs["total"].to_string());
                assert!(t["crs"].get("lines").is_none());
            }
        }
    }
}

#[test]
fn csv_with_full_detail_and_totals_as_a_table_are_usage_errors() {
    let out = landed(&["crs", "-", "--format", "csv", "--detail", "full"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format csv"));
    let out = landed(&["assess", "-", "--detail", "totals"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--detail totals"));
}

#[test]
fn one_answer_from_flags_as_csv_and_totals() {
    let flags = [
        "crs",
        "--age",
        "29",
        "--education",
        "bachelors",
        "--clb",
        "7,9,9,9",
        "--as-of",
        "2026-11-24",
    ];
    let out = landed(&[&flags[..], &["--format", "csv"]].concat(), "");
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2);
    assert!(
        text.lines().nth(1).unwrap().starts_with("1,353,crs-"),
        "{text}"
    );
    let out = landed(
        &[&flags[..], &["--format", "jsonl", "--detail", "totals"]].concat(),
        "",
    );
    let v: Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(v["total"], 353);
    assert!(v.get("lines").is_none());
}
