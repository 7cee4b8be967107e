//! The `landed` binary as a user runs it: batch mode, exit codes, errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn landed(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading standard input: a broken pipe here is expected.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

const WORKED: &str = r#"{"as_of":"2026-11-24","age":29,"education":"bachelors","first_language":{"language":"english","listening":7,"reading":9,"writing":9,"speaking":9},"canadian_experience_years":0}"#;

#[test]
fn crs_from_flags_prints_the_breakdown() {
    let out = landed(
        &[
            "crs",
            "--age",
            "29",
            "--education",
            "bachelors",
            "--clb",
            "7,9,9,9",
            "--as-of",
            "2026-11-24",
        ],
        "",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("CRS score 353"), "{text}");
    assert!(text.contains("core.first_language.listening"));
}

#[test]
fn lang_fr_explains_in_french_in_tables_and_every_batch_line() {
    let out = landed(
        &[
            "crs",
            "--age",
            "29",
            "--education",
            "bachelors",
            "--clb",
            "7,9,9,9",
            "--as-of",
            "2026-11-24",
            "--lang",
            "fr",
        ],
        "",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Score SCG 353"), "{text}");
    assert!(
        text.contains("Compréhension de l’oral en anglais : CLB 7"),
        "{text}"
    );

    // Batch lines are spread over worker threads: every one of them is French.
    let input = format!("{WORKED}\n").repeat(50);
    let out = landed(&["crs", "-", "--format", "jsonl", "--lang", "fr"], &input);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 50);
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            v["lines"][0]["basis"],
            "29 ans, sans époux ni conjoint de fait qui vous accompagne"
        );
        assert_eq!(v["lines"][0]["factor"], "core.age", "ids never change");
    }
    let out = landed(&["crs", "-", "--format", "jsonl", "--lang", "de"], WORKED);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_jsonl_keeps_order_and_reports_bad_lines_in_place() {
    let input = format!("{WORKED}\n{{\"age\":\"x\"}}\n\nnot json\n{WORKED}\n");
    let out = landed(&["crs", "-", "--format", "jsonl"], &input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed line makes the exit status 1"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one output per non-empty input line");
    assert_eq!(lines[0]["total"], 353);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["field"], "age");
    assert_eq!(lines[2]["line"], 4);
    assert!(lines[2]["error"]["message"].as_str().unwrap().len() > 3);
    assert_eq!(lines[3]["total"], 353);
}

#[test]
fn a_single_pretty_printed_object_is_one_input() {
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(WORKED).unwrap())
            .unwrap();
    let out = landed(&["crs", "-", "--format", "json"], &pretty);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 353);
}

#[test]
fn assess_reads_a_profile_and_as_of_overrides_it() {
    let profile = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/pgwp-graduate.json"
    ))
    .unwrap();
    let out = landed(&["assess", "-", "--format", "json"], &profile);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["programs"]["cec"]["eligible"], true);
    let out = landed(
        &["assess", "-", "--format", "json", "--as-of", "2026-01-31"],
        &profile,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-01-31");
    assert_eq!(
        v["programs"]["cec"]["eligible"], false,
        "not yet 1,560 hours on 2026-01-31"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(landed(&["crs", "--age", "29"], "").status.code(), Some(2));
    assert_eq!(
        landed(&["crs", "/no/such/file.jsonl"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        landed(&["crs", "-"], "").status.code(),
        Some(2),
        "empty input"
    );
    assert_eq!(landed(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn noc_search_and_show() {
    let out = landed(
        &["noc", "search", "sofware developr", "--format", "json"],
        "",
    );
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        hits.iter().take(3).any(|h| h["code"] == "21232"),
        "{hits:?}"
    );
    let out = landed(&["noc", "show", "21239"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("21231"));
}

#[test]
fn every_command_has_examples_in_help() {
    for args in [
        vec!["--help"],
        vec!["crs", "--help"],
        vec!["assess", "--help"],
        vec!["noc", "search", "--help"],
        vec!["serve", "--help"],
        vec!["admin", "--help"],
    ] {
        let out = landed(&args, "");
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Example"),
            "{args:?}"
        );
    }
}
