//! The timeline against the contract's worked examples
//! (`cases/planning.jsonl`, the `kind: "timeline"` lines, computed by
//! assessing every day), and its errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::planning::timeline::{TimelineOptions, timeline};
use landed_rules::profile::Profile;
use serde_json::{Value, json};

const CASES: &str = include_str!("cases/planning.jsonl");
const CHECKED: [&str; 5] = [
    "cec_hours_reached",
    "eligibility_starts",
    "eligibility_ends",
    "crs_change",
    "language_test_expires",
];

fn date(v: &Value) -> Option<Date> {
    v.as_str().map(|s| s.parse().unwrap())
}

/// An event reduced to the fields the examples list.
fn reduced(e: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for k in [
        "date",
        "kind",
        "program",
        "test_index",
        "crs_before",
        "crs_after",
        "factors",
    ] {
        if let Some(v) = e.get(k) {
            out.insert(k.to_string(), v.clone());
        }
    }
    Value::Object(out)
}

#[test]
fn the_worked_examples() {
    let mut n = 0;
    for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        if case["kind"] != "timeline" {
            continue;
        }
        n += 1;
        let profile: Profile = serde_json::from_value(case["profile"].clone()).unwrap();
        let opts = TimelineOptions {
            until: date(&case["args"]["until"]),
            jobs_end: date(&case["args"]["jobs_end"]),
        };
        let t = timeline(&profile, profile.as_of.unwrap(), &opts).unwrap();
        let got: Vec<Value> = serde_json::to_value(&t.events)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| CHECKED.contains(&e["kind"].as_str().unwrap()))
            .map(reduced)
            .collect();
        let want: Vec<Value> = case["expect_events_checked_kinds"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(
            Value::Array(got),
            Value::Array(want),
            "{}",
            case["name"].as_str().unwrap()
        );
    }
    assert_eq!(n, 3);
}

fn graduate() -> Profile {
    serde_json::from_value(json!({
        "as_of": "2026-11-24", "date_of_birth": "1996-05-20", "marital_status": "single",
        "language_tests": [{"test": "ielts_general", "test_date": "2025-03-01",
            "listening": 8, "reading": 7, "writing": 7, "speaking": 7.5}],
        "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-12-15"}],
        "work_history": [{"noc": "21232", "country": "CA", "province": "ON",
            "start": "2026-01-05", "hours_per_week": 40}],
        "intended_province": "ON",
        "permits": [{"kind": "pgwp", "start": "2026-01-02", "end": "2028-12-31"}],
        "express_entry": {"profile_submitted_on": "2026-06-01", "ita_received_on": "2026-11-10"}
    }))
    .unwrap()
}

#[test]
fn deadlines_are_dated_on_their_own_day_with_sources() {
    let t = timeline(
        &graduate(),
        "2026-11-24".parse().unwrap(),
        &TimelineOptions::default(),
    )
    .unwrap();
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["until"], "2031-11-24");
    assert_eq!(v["jobs_end"], Value::Null);
    let find = |k: &str| {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == k)
            .cloned()
            .unwrap_or_else(|| panic!("no {k}"))
    };
    let due = find("application_due");
    assert_eq!(due["date"], "2027-01-09");
    assert!(
        due["source"]["href"]
            .as_str()
            .unwrap()
            .starts_with("https://www.canada.ca/")
    );
    let expires = find("profile_expires");
    assert_eq!(expires["date"], "2027-06-01");
    let permit = find("permit_ends");
    assert_eq!(permit["date"], "2028-12-31");
    assert_eq!(permit["permit_index"], 0);
    // The test expired on 2027-03-01: no program on the permit's last day.
    assert_eq!(permit["warning"], true);
    assert_eq!(t.most_urgent().unwrap().date.to_string(), "2027-01-09");
}

#[test]
fn an_eca_expiry_is_an_event() {
    let mut p = graduate();
    p.education[0].in_canada = false;
    p.education[0].eca = true;
    p.education[0].eca_issued_on = Some("2023-02-01".parse().unwrap());
    let t = timeline(
        &p,
        "2026-11-24".parse().unwrap(),
        &TimelineOptions::default(),
    )
    .unwrap();
    let e = t
        .events
        .iter()
        .find(|e| e.kind.as_str() == "eca_expires")
        .unwrap();
    assert_eq!(e.date.to_string(), "2028-02-01");
    assert_eq!(e.credential_index, Some(0));
    assert!(e.source.is_some());
}

#[test]
fn bad_options_name_their_field() {
    let p = graduate();
    let today: Date = "2026-11-24".parse().unwrap();
    let err = timeline(
        &p,
        today,
        &TimelineOptions {
            jobs_end: Some("2026-01-01".parse().unwrap()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("jobs_end"), "{err}");
    for until in ["2026-11-24", "2050-01-01"] {
        let err = timeline(
            &p,
            today,
            &TimelineOptions {
                until: Some(until.parse().unwrap()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("until"), "{err}");
    }
}

#[test]
fn french_details_are_french() {
    let t = timeline(
        &graduate(),
        "2026-11-24".parse().unwrap(),
        &TimelineOptions::default(),
    )
    .unwrap();
    let fr = landed_rules::text::in_language(landed_rules::text::Lang::Fr, || {
        serde_json::to_value(&t).unwrap()
    });
    let details: Vec<&str> = fr["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("Vous devenez admissible")),
        "{details:?}"
    );
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("Dernier jour pour présenter")),
        "{details:?}"
    );
}

mod against_every_day {
    use super::*;
    use landed_rules::planning::timeline::timeline_day_by_day;
    use proptest::prelude::*;

    const NOCS: [&str; 6] = ["21232", "41200", "72010", "63200", "13110", "00012"];

    fn day(base: &str, offset: i64) -> String {
        let d: Date = base.parse().unwrap();
        d.checked_add(jiff::Span::new().days(offset))
            .unwrap()
            .to_string()
    }

    prop_compose! {
        fn job()(noc in 0..NOCS.len(), abroad in proptest::bool::weighted(0.3),
                 start in -4000i64..-1, len in prop::option::of(30i64..3000),
                 hours in 8u32..45) -> Value {
            let mut j = json!({"noc": NOCS[noc], "country": if abroad { "IN" } else { "CA" },
                "start": day("2026-11-24", start), "hours_per_week": hours});
            if let Some(l) = len {
                let end = (start + l).min(-1);
                j["end"] = json!(day("2026-11-24", end));
            }
            j
        }
    }

    prop_compose! {
        fn test()(days_ago in 1i64..760, l in 4u32..10, r in 4u32..10, w in 4u32..10, s in 4u32..10) -> Value {
            json!({"test": "celpip_general", "test_date": day("2026-11-24", -days_ago),
                "listening": l, "reading": r, "writing": w, "speaking": s})
        }
    }

    prop_compose! {
        fn profile()(age_days in 6000i64..16000, jobs in prop::collection::vec(job(), 0..4),
                     tests in prop::collection::vec(test(), 0..3),
                     married in proptest::bool::weighted(0.3),
                     spouse_test in prop::option::of(test()),
                     level in 0usize..4, in_canada in any::<bool>(),
                     study in prop::option::of((-1500i64..-400, 100i64..600)),
                     eca_ago in prop::option::of(1i64..1800)) -> Value {
            let levels = ["secondary", "two_year", "bachelors", "masters"];
            let mut p = json!({"as_of": "2026-11-24",
                "date_of_birth": day("2026-11-24", -age_days),
                "marital_status": if married { "married" } else { "single" },
                "language_tests": tests, "work_history": jobs,
                "education": [{"level": levels[level], "in_canada": in_canada, "eca": !in_canada,
                    "completed_on": "2018-06-01"}],
                "intended_province": "ON", "settlement_funds_cad": 30000});
            if let (false, Some(ago)) = (in_canada, eca_ago) {
                p["education"][0]["eca_issued_on"] = json!(day("2026-11-24", -ago));
            }
            if married {
                p["spouse"] = json!({"language_tests": spouse_test.into_iter().collect::<Vec<_>>()});
            }
            if let Some((from, len)) = study {
                p["study_periods"] = json!([{"start": day("2026-11-24", from),
                    "end": day("2026-11-24", (from + len).min(-1))}]);
            }
            p
        }
    }

    fn checked(events: &[landed_rules::planning::timeline::Event]) -> Vec<Value> {
        let v = serde_json::to_value(events).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|e| CHECKED.contains(&e["kind"].as_str().unwrap()))
            .map(reduced)
            .collect()
    }

    proptest! {
        // 24 cases by default (each walks every day); PROPTEST_CASES=N for more.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
            ..ProptestConfig::default()
        })]
        #[test]
        fn timeline_is_the_day_by_day_walk(p in profile(), years in 1i64..4,
                                           stop in prop::option::of(0i64..400)) {
            let profile: Profile = serde_json::from_value(p.clone()).unwrap();
            let today: Date = "2026-11-24".parse().unwrap();
            let opts = TimelineOptions {
                until: Some(today.checked_add(jiff::Span::new().years(years)).unwrap()),
                jobs_end: stop.map(|s| day("2026-11-24", s).parse().unwrap()),
            };
            let fast = timeline(&profile, today, &opts).unwrap().events;
            let slow = timeline_day_by_day(&profile, today, &opts).unwrap();
            prop_assert_eq!(checked(&fast), checked(&slow), "profile {}", p);
        }
    }
}
