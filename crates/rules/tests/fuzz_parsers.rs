//! Arbitrary JSON fed to both parsers (and on to scoring and assessment):
//! errors are fine, panics are not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use proptest::prelude::*;
use serde_json::Value;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_0-9 .-]{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "2026-11-24",
            "2024-02-29",
            "0000-01-01",
            "9999-12-31",
            "english",
            "french",
            "ielts_general",
            "tef_canada",
            "tcf_canada",
            "pte_core",
            "celpip_general",
            "21232",
            "00012",
            "72600",
            "bachelors",
            "masters",
            "QC",
            "ON",
            "CA",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let keys = prop::sample::select(vec![
            "as_of",
            "age",
            "education",
            "first_language",
            "second_language",
            "language",
            "listening",
            "reading",
            "writing",
            "speaking",
            "canadian_experience_years",
            "foreign_experience_years",
            "spouse",
            "date_of_birth",
            "language_tests",
            "test",
            "test_date",
            "work_history",
            "noc",
            "start",
            "end",
            "hours_per_week",
            "kind",
            "country",
            "study_periods",
            "full_time",
            "intended_province",
            "level",
            "tef_scale",
            "marital_status",
            "family_size",
            "settlement_funds_cad",
            "job_offer",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.prop_map(String::from), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn today() -> Date {
    "2026-11-24".parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        let text = v.to_string();
        if let Ok(a) = landed_rules::crs::parse_answers(&text) {
            let _ = landed_rules::crs::score_answers(&a, today());
        }
        if let Ok(p) = landed_rules::profile::parse_profile(&text) {
            let _ = landed_rules::assess::assess(&p, today());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = landed_rules::crs::parse_answers(&s);
        let _ = landed_rules::profile::parse_profile(&s);
    }

    #[test]
    fn mutated_valid_profiles_never_panic(
        hours in any::<f64>(), y in 1900i16..2100, m in 1i8..=12, d in 1i8..=28,
        score in any::<f64>(), test in prop::sample::select(vec!["ielts_general","celpip_general","pte_core","tef_canada","tcf_canada"]),
    ) {
        let date = format!("{y:04}-{m:02}-{d:02}");
        let p = serde_json::json!({
            "date_of_birth": "1990-01-01",
            "language_tests": [{"test": test, "test_date": date, "listening": score, "reading": 7, "writing": 7, "speaking": 7}],
            "work_history": [{"noc": "21232", "start": date, "hours_per_week": hours}],
            "study_periods": [{"start": date, "end": "2026-01-01"}]
        });
        if let Ok(p) = landed_rules::profile::parse_profile(&p.to_string()) {
            let _ = landed_rules::assess::assess(&p, today());
        }
    }
}
