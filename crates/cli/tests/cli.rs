//! The `landed` binary as a user runs it: batch mode, exit codes, errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary with its three standard streams piped.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn landed(args: &[&str], stdin: &str) -> Output {
    landed_bytes(args, stdin.as_bytes())
}

fn landed_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    // Written from another thread: a batch streams, so its results come out
    // while its input goes in (both pipes must move). A usage error exits
    // before reading standard input: a broken pipe here is expected.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

const WORKED: &str = r#"{"as_of":"2026-11-24","age":29,"education":"bachelors","first_language":{"language":"english","listening":7,"reading":9,"writing":9,"speaking":9},"canadian_experience_years":0}"#;

/// The worked example asked with flags.
const WORKED_FLAGS: [&str; 9] = [
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

#[test]
fn crs_from_flags_prints_the_breakdown() {
    let out = landed(&WORKED_FLAGS, "");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("CRS score 353"), "{text}");
    assert!(text.contains("core.first_language.listening"));
}

#[test]
fn lang_fr_explains_in_french_in_tables_and_every_batch_line() {
    let out = landed(&[&WORKED_FLAGS[..], &["--lang", "fr"]].concat(), "");
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

/// Many lines with their ages, a blank line and a bad line among them.
fn long_batch(n: usize) -> (String, Vec<Option<u64>>) {
    let mut input = String::new();
    let mut ages = Vec::new();
    for i in 0..n {
        if i % 1000 == 500 {
            input.push_str("{\"age\":\"x\"}\n\n");
            ages.push(None);
            continue;
        }
        let age = 18 + (i % 40) as u64;
        input.push_str(&WORKED.replace("\"age\":29", &format!("\"age\":{age}")));
        input.push('\n');
        ages.push(Some(age));
    }
    (input, ages)
}

fn check_long_batch(out: &Output, ages: &[Option<u64>]) {
    assert_eq!(out.status.code(), Some(1), "the bad lines fail");
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let results: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), ages.len(), "one result per non-blank line");
    for (r, age) in results.iter().zip(ages) {
        match age {
            Some(age) => {
                let basis = r["lines"][0]["basis"].as_str().unwrap();
                assert!(basis.starts_with(&format!("age {age}")), "{basis}");
            }
            None => assert_eq!(r["error"]["field"], "age"),
        }
    }
}

#[test]
fn a_long_batch_streams_through_in_order_from_a_file_and_from_stdin() {
    // ~2.4 MB: more than the 1 MiB read buffer and several rounds of lines.
    let (input, ages) = long_batch(12_000);
    assert!(input.len() > 2 << 20);
    check_long_batch(&landed(&["crs", "-", "--format", "jsonl"], &input), &ages);
    let path = std::env::temp_dir().join(format!("landed-long-{}.jsonl", std::process::id()));
    std::fs::write(&path, &input).unwrap();
    let out = landed(&["crs", path.to_str().unwrap(), "--format", "jsonl"], "");
    let _ = std::fs::remove_file(&path);
    check_long_batch(&out, &ages);
}

#[test]
fn results_come_out_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    let mut child = spawn(&["crs", "-", "--format", "jsonl"]);
    let mut input = child.stdin.take().unwrap();
    writeln!(input, "{WORKED}\n{WORKED}").unwrap();
    input.flush().unwrap();
    // Standard input stays open: both results must arrive anyway.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().take(2) {
            let _ = tx.send(line.unwrap());
        }
    });
    for _ in 0..2 {
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("a result while the input is still open");
        assert!(line.starts_with("{\"total\":353"), "{line}");
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_line_that_is_not_utf8_is_an_error_in_its_place() {
    let mut input = format!("{WORKED}\n").into_bytes();
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice(format!("{WORKED}\n").as_bytes());
    let out = landed_bytes(&["crs", "-", "--format", "jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("{\"total\":353"));
    assert_eq!(
        lines[1],
        r#"{"line":2,"error":{"field":"","message":"the line is not UTF-8 text"}}"#
    );
    assert!(lines[2].starts_with("{\"total\":353"));
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

/// The first what-if worked example of the planning contract.
const WHATIF_PROFILE: &str = r#"{"as_of": "2026-11-24", "date_of_birth": "1996-05-20", "marital_status": "single", "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01", "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}], "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-12-15"}], "work_history": [{"noc": "21232", "title": "Software developer", "country": "CA", "province": "ON", "start": "2026-01-05", "hours_per_week": 40}], "intended_province": "ON"}"#;

#[test]
fn whatif_json_gives_the_contract_figures() {
    let out = landed(
        &["whatif", "-", "--target", "470", "--format", "json"],
        WHATIF_PROFILE,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["crs"], 370);
    assert_eq!(v["target"], 470);
    assert_eq!(v["options"].as_array().unwrap().len(), 24);
    let gains: Vec<_> = v["options"].as_array().unwrap()[..5]
        .iter()
        .map(|o| o["gain"].as_u64().unwrap())
        .collect();
    assert_eq!(gains, [585, 105, 97, 89, 78]);
    assert_eq!(v["plan"]["changes"].as_array().unwrap().len(), 2);
    assert_eq!(v["plan"]["crs"], 487);
}

#[test]
fn whatif_table_in_french_and_jsonl_errors_in_place() {
    let out = landed(
        &["whatif", "-", "--target", "470", "--lang", "fr"],
        WHATIF_PROFILE,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Score SCG 370"), "{text}");
    assert!(text.contains("Plan :"), "{text}");
    let batch = format!("{WHATIF_PROFILE}\n{{\"date_of_birth\": \"x\"}}\n{WHATIF_PROFILE}\n");
    let out = landed(
        &["whatif", "-", "--target", "470", "--format", "jsonl"],
        &batch,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["crs"], 370);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["field"], "date_of_birth");
    assert_eq!(lines[2]["plan"]["crs"], 487);
}

#[test]
fn whatif_target_above_1200_is_an_error_naming_target() {
    let out = landed(&["whatif", "-", "--target", "1201"], WHATIF_PROFILE);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("target:"), "{err}");
    assert!(out.stdout.is_empty());
}
