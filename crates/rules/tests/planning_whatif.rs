//! The what-if worked examples of the planning contract (`kind: "whatif"` in
//! `cases/planning.jsonl`, copied from `shared/contracts/examples/`): the same
//! `crs`, number of options, top five gains and plan size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::assess::assess;
use landed_rules::planning::whatif::{Target, whatif};
use landed_rules::profile::parse_profile;

fn today() -> Date {
    "2026-11-24".parse().unwrap()
}

#[test]
fn whatif_examples_match_the_contract() {
    let text = include_str!("cases/planning.jsonl");
    let mut n = 0;
    for line in text.lines().filter(|l| l.contains("\"kind\": \"whatif\"")) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = v["name"].as_str().unwrap();
        let profile = parse_profile(&v["profile"].to_string()).unwrap();
        let a = assess(&profile, today()).unwrap();
        let target = Target::new(v["args"]["target"].as_i64().unwrap()).unwrap();
        let w = whatif(&profile, &a, Some(target), None).unwrap();
        let got = serde_json::to_value(&w).unwrap();
        let e = &v["expect"];
        assert_eq!(got["crs"], e["crs"], "{name}: crs");
        let top: Vec<_> = got["options"].as_array().unwrap().iter().take(5).collect();
        let want: Vec<_> = e["options_top5"].as_array().unwrap().iter().collect();
        for (g, w) in top.iter().zip(&want) {
            assert_eq!(g["gain"], w["gain"], "{name}: top gains {top:#?}");
            assert_eq!(g["crs"], w["crs"], "{name}: top totals");
        }
        assert_eq!(
            got["options"].as_array().unwrap().len(),
            e["options_count"].as_u64().unwrap() as usize,
            "{name}: options {:#?}",
            got["options"]
        );
        let plan = &got["plan"];
        assert_eq!(
            plan["changes"].as_array().unwrap().len(),
            e["plan_size"].as_u64().unwrap() as usize,
            "{name}: plan {plan:#?}"
        );
        assert!(plan["crs"].as_u64().unwrap() >= v["args"]["target"].as_u64().unwrap());
        n += 1;
    }
    assert_eq!(n, 2);
}

/// The first worked example in full, in English and in French.
#[test]
fn whatif_output_snapshot() {
    let text = include_str!("cases/planning.jsonl");
    let line = text
        .lines()
        .find(|l| l.contains("\"kind\": \"whatif\""))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let profile = parse_profile(&v["profile"].to_string()).unwrap();
    let a = assess(&profile, today()).unwrap();
    let w = whatif(&profile, &a, Some(Target::new(470).unwrap()), None).unwrap();
    insta::assert_json_snapshot!("whatif_pgwp_graduate_en", w);
    let fr = landed_rules::text::in_language(landed_rules::text::Lang::Fr, || {
        serde_json::to_value(&w).unwrap()
    });
    insta::assert_json_snapshot!("whatif_pgwp_graduate_fr", fr);
}
