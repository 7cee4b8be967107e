//! `landed draws` and `landed draws update`, and the outlook in `landed assess --format jsonl`
//! (the contract's two outlook examples). The local copy lives in a fresh temporary directory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn landed(args: &[&str], draws_file: &PathBuf, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(args)
        .env("LANDED_DRAWS_FILE", draws_file)
        .env_remove("LANDED_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("landed-draws-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn outlook_examples_through_the_cli() {
    let local = scratch("examples").join("none.json");
    let cases = include_str!("../../rules/tests/cases/planning.jsonl");
    let mut input = String::new();
    let mut want = Vec::new();
    for line in cases.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] == "outlook" {
            input.push_str(&v["profile"].to_string());
            input.push('\n');
            want.push(v["expect_outlook"].clone());
        }
    }
    let o = landed(&["assess", "-", "--format", "jsonl"], &local, &input);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        let g = &g["outlook"];
        assert_eq!(g["data_as_of"], w["data_as_of"]);
        assert_eq!(g["crs"], w["crs"]);
        for (gw, ww) in g["windows"]
            .as_array()
            .unwrap()
            .iter()
            .zip(w["windows"].as_array().unwrap())
        {
            for k in ["months", "rounds", "eligible_rounds", "cleared", "by_type"] {
                assert_eq!(gw[k], ww[k], "{k}");
            }
        }
    }
}

#[test]
fn list_in_every_format_and_errors_name_the_field() {
    let local = scratch("list").join("none.json");
    let o = landed(
        &["draws", "--type", "cec", "--since", "2026-08-05"],
        &local,
        "",
    );
    assert!(o.status.success());
    let t = out(&o);
    assert!(t.contains("data as of 2026-08-19"), "{t}");
    assert!(
        t.contains("436") && t.contains("432") && !t.contains("437"),
        "{t}"
    );

    let o = landed(
        &["draws", "--since", "2026-08-07", "--format", "csv"],
        &local,
        "",
    );
    let csv = out(&o);
    assert!(csv.starts_with(
        "number,date,type,name,invitations,cutoff,tie_break,distribution_as_of,data_as_of\n"
    ));
    assert!(
        csv.contains("434,2026-08-07,transport,\"Transport Occupations, 2026-Version 2\",300,470,")
    );

    let o = landed(
        &[
            "draws",
            "--type",
            "french,pnp",
            "--until",
            "2026-08-17",
            "--since",
            "2026-08-17",
            "--format",
            "json",
        ],
        &local,
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["data_as_of"], "2026-08-19");
    assert_eq!(v["rounds"][0]["number"], "435");

    let o = landed(
        &["draws", "--since", "2026-08-18", "--format", "jsonl"],
        &local,
        "",
    );
    assert_eq!(out(&o).lines().count(), 2);
    assert!(
        out(&o)
            .lines()
            .all(|l| l.contains("\"data_as_of\":\"2026-08-19\""))
    );

    let o = landed(&["draws", "--type", "cecx"], &local, "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("type: unknown round type `cecx`"));
    let o = landed(&["draws", "--until", "2026-02-30"], &local, "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("until: `2026-02-30` is not a date"));
}

#[test]
fn update_from_a_file_then_everything_uses_it() {
    let dir = scratch("update");
    let local = dir.join("landed").join("ee_rounds_123_en.json");
    // The embedded file with one more round.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../../data/draws/ee_rounds_123_en.json")).unwrap();
    let rounds = v["rounds"].as_array_mut().unwrap();
    let mut r = rounds[0].clone();
    r["drawNumber"] = "438".into();
    r["drawDate"] = "2026-08-26".into();
    rounds.insert(0, r);
    let newer = dir.join("newer.json");
    std::fs::write(&newer, serde_json::to_vec(&v).unwrap()).unwrap();

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"rounds\": []}").unwrap();
    let o = landed(
        &["draws", "update", "--from", bad.to_str().unwrap()],
        &local,
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the copy in use is kept"));
    assert!(!local.exists());

    let o = landed(
        &["draws", "update", "--from", newer.to_str().unwrap()],
        &local,
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out(&o).contains("data as of 2026-08-26 (was 2026-08-19; 1 new)"),
        "{}",
        out(&o)
    );
    assert!(local.exists());

    let o = landed(
        &["draws", "--format", "json", "--since", "2026-08-26"],
        &local,
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["data_as_of"], "2026-08-26");
    assert_eq!(v["rounds"][0]["number"], "438");

    let profile = r#"{"as_of": "2026-11-24", "date_of_birth": "1996-05-20"}"#;
    let o = landed(&["assess", "-", "--format", "json"], &local, profile);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["outlook"]["data_as_of"], "2026-08-26");
    let _ = std::fs::remove_dir_all(&dir);
}
