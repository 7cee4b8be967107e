//! The contract's outlook examples (`shared/contracts/examples/planning.jsonl`,
//! copied into `tests/cases/`): `outlook.windows[].{months, rounds,
//! eligible_rounds, cleared, by_type}`, `data_as_of` and `crs` as given.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::assess::assess;
use landed_rules::profile::parse_profile;
use landed_rules::text::{Lang, in_language, untranslated_count};

#[test]
fn outlook_examples_match() {
    let today: Date = "2026-11-24".parse().unwrap();
    let mut n = 0;
    for line in include_str!("cases/planning.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] != "outlook" {
            continue;
        }
        let profile = parse_profile(&v["profile"].to_string()).unwrap();
        let a = assess(&profile, today).unwrap();
        let got = serde_json::to_value(a.outlook.as_ref().unwrap()).unwrap();
        let want = &v["expect_outlook"];
        assert_eq!(got["data_as_of"], want["data_as_of"], "{}", v["name"]);
        assert_eq!(got["crs"], want["crs"], "{}", v["name"]);
        let (gw, ww) = (
            got["windows"].as_array().unwrap(),
            want["windows"].as_array().unwrap(),
        );
        assert_eq!(gw.len(), ww.len());
        for (g, w) in gw.iter().zip(ww) {
            for key in ["months", "rounds", "eligible_rounds", "cleared", "by_type"] {
                assert_eq!(g[key], w[key], "{} window {} {key}", v["name"], w["months"]);
            }
        }
        // The sentence exists in both languages, with no English left in the French.
        let before = untranslated_count();
        let fr = in_language(Lang::Fr, || serde_json::to_string(&a.outlook).unwrap());
        assert_eq!(untranslated_count(), before);
        assert!(fr.contains("rondes"), "{fr}");
        n += 1;
    }
    assert_eq!(n, 2);
}
