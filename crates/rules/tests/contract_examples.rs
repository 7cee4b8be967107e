//! The examples shipped with the public contracts (copied from
//! `shared/contracts/examples/` into `tests/cases/` so the project stands alone).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::crs::{parse_answers, score_answers};

fn today() -> Date {
    "2026-11-24".parse().unwrap()
}

#[test]
fn crs_answer_examples_match_their_expected_totals() {
    let text = include_str!("cases/crs-answers.jsonl");
    let mut n = 0;
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let answers = parse_answers(&v["answers"].to_string()).unwrap();
        let r = score_answers(&answers, today()).unwrap();
        let e = &v["expect"];
        for key in [
            "total",
            "core",
            "spouse",
            "skill_transferability",
            "additional",
        ] {
            let got = match key {
                "total" => r.total,
                "core" => r.core,
                "spouse" => r.spouse,
                "skill_transferability" => r.skill_transferability,
                _ => r.additional,
            };
            assert_eq!(
                u64::from(got),
                e[key].as_u64().unwrap(),
                "example {} {key}: {r:#?}",
                i + 1
            );
        }
        let sum: u16 = r.lines.iter().map(|l| l.points).sum();
        assert_eq!(sum, r.total, "example {}: lines add up", i + 1);
        n += 1;
    }
    assert_eq!(n, 13);
}
