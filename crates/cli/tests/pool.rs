//! `landed pool simulate` as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn landed(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(args)
        .output()
        .unwrap()
}

fn pool_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("landed-pool-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn invitations_go_by_score_then_submission_and_bad_lines_are_reported_in_place() {
    let mut text = String::new();
    // 2,000 candidates: scores 400..=499 each twice a day over ten days.
    for i in 0..2000u32 {
        text.push_str(&format!(
            "{{\"id\":\"c{i}\",\"crs\":{},\"submitted\":\"2026-03-{:02}T10:00:00Z\"}}\n",
            400 + i % 100,
            1 + (i / 100) % 20
        ));
        if i == 5 {
            text.push_str("{\"id\":\"bad\",\"crs\":512}\n");
        }
    }
    let file = pool_file("a", &text);
    let out = landed(&[
        "pool",
        "simulate",
        "--candidates",
        &file,
        "--invitations",
        "50",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1), "one bad line");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 20 candidates per score: 499, 498 (40), then 10 of the 20 at 497, earliest first.
    assert_eq!(
        v,
        serde_json::json!({"pool": 2000, "invitations": 50, "invited": 50, "cutoff": 497,
            "tie_break": "2026-03-10T10:00:00Z"})
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        r#"{"line":7,"error":{"field":"submitted","message":"missing field `submitted`"}}"#
    );

    let out = landed(&[
        "pool",
        "simulate",
        "--candidates",
        &file,
        "--invitations",
        "50",
        "--lang",
        "fr",
    ]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Note limite"), "{table}");
    assert!(table.contains("497"));
}

#[test]
fn a_round_draws_its_pool_from_the_published_distribution_and_one_source_is_required() {
    // Round 437 published its pool's distribution (226,859 candidates).
    let out = landed(&[
        "pool",
        "simulate",
        "--round",
        "437",
        "--invitations",
        "5000",
        "--seed",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pool"], 226_859);
    assert_eq!(v["invited"], 5000);
    // The same seed, the same pool.
    let again = landed(&[
        "pool",
        "simulate",
        "--round",
        "437",
        "--invitations",
        "5000",
        "--seed",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(again.stdout, out.stdout);
    // Round 12 (2015) published no distribution; round 9999 does not exist.
    for round in ["12", "9999"] {
        let out = landed(&["pool", "simulate", "--round", round, "--invitations", "5"]);
        assert_eq!(out.status.code(), Some(2), "{round}");
    }
    let out = landed(&["pool", "simulate", "--invitations", "5"]);
    assert_eq!(out.status.code(), Some(2));
}
