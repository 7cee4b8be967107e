//! Every sentence the engine writes has its French: assessments of many
//! different profiles, serialized in French, contain no English-only text
//! (`text::untranslated_count` counts each one), and the ids, codes and
//! numbers are the same in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::assess::assess;
use landed_rules::text::{Lang, in_language, untranslated_count};
use serde_json::{Value, json};

/// A small deterministic generator, so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const NOCS: &[&str] = &[
    "21231", "13110", "65201", "72310", "63200", "31301", "00012", "41220", "73300", "85100",
    "44100", "62200", "72200", "32101", "11100", "75110", "92100", "22310", "14100",
];
const COUNTRIES: &[&str] = &["CA", "CA", "CA", "IN", "PH", "FR"];
const KINDS: &[&str] = &[
    "employee",
    "employee",
    "employee",
    "self_employed",
    "volunteer",
    "unpaid_internship",
    "coop",
];
const DAYS: &[&str] = &[
    "2016-06-01",
    "2018-03-15",
    "2020-11-01",
    "2023-07-01",
    "2024-06-01",
    "2025-04-01",
    "2026-03-01",
    "2026-11-24",
];
const LEVELS: &[&str] = &[
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "bachelors",
    "masters",
    "doctoral",
];
const PROVINCES: &[Option<&str>] = &[Some("ON"), Some("BC"), Some("QC"), None, Some("AB")];

fn shift(day: &str, years: i16) -> String {
    let d: jiff::civil::Date = day.parse().unwrap();
    d.saturating_add(jiff::Span::new().years(years)).to_string()
}

fn language_test(rng: &mut Rng, as_of: &str) -> Value {
    let date = shift(as_of, -(*rng.pick(&[0i16, 1, 1, 3])));
    match rng.next() % 4 {
        0 => {
            let s = *rng.pick(&[4.0, 5.5, 6.0, 6.5, 7.0, 8.0, 9.0]);
            json!({"test": "ielts_general", "test_date": date, "listening": s, "reading": s, "writing": 6.0, "speaking": s})
        }
        1 => {
            let s = *rng.pick(&[3u8, 5, 7, 9, 10]);
            json!({"test": "celpip_general", "test_date": date, "listening": s, "reading": s, "writing": s.min(9), "speaking": s})
        }
        2 => {
            json!({"test": "tcf_canada", "test_date": date, "listening": rng.pick(&[331, 458, 549]), "reading": rng.pick(&[342, 453, 549]), "writing": rng.pick(&[4, 10, 16]), "speaking": rng.pick(&[4, 10, 16])})
        }
        _ => {
            json!({"test": "tef_canada", "test_date": date, "listening": rng.pick(&[249, 298, 316]), "reading": rng.pick(&[207, 248, 263]), "writing": rng.pick(&[310, 371, 393]), "speaking": rng.pick(&[310, 371, 393])})
        }
    }
}

fn job(rng: &mut Rng, as_of: &str) -> Value {
    let start = shift(as_of, -(*rng.pick(&[1i16, 2, 3, 5, 8])));
    let end = if rng.chance(50) {
        Value::Null
    } else {
        Value::String(shift(as_of, -(*rng.pick(&[0i16, 1, 2]))))
    };
    let end = match &end {
        Value::String(e) if *e <= start => Value::Null,
        _ => end,
    };
    json!({
        "noc": rng.pick(NOCS),
        "country": rng.pick(COUNTRIES),
        "start": start,
        "end": end,
        "hours_per_week": rng.pick(&[15.0, 20.0, 30.0, 37.5, 40.0, 45.0]),
        "kind": rng.pick(KINDS),
        "authorized": rng.chance(90),
    })
}

fn profile(rng: &mut Rng) -> Value {
    let as_of = *rng.pick(DAYS);
    let mut p = json!({
        "as_of": as_of,
        "date_of_birth": shift(as_of, -(*rng.pick(&[17i16, 22, 29, 31, 38, 46]))),
        "marital_status": rng.pick(&["single", "single", "married", "common_law"]),
        "intended_province": rng.pick(PROVINCES),
        "provincial_nomination": rng.chance(10),
        "sibling_in_canada": rng.chance(15),
    });
    let tests: Vec<Value> = (0..rng.next() % 3)
        .map(|_| language_test(rng, as_of))
        .collect();
    p["language_tests"] = Value::Array(tests);
    let jobs: Vec<Value> = (0..rng.next() % 4).map(|_| job(rng, as_of)).collect();
    p["work_history"] = Value::Array(jobs);
    let creds: Vec<Value> = (0..rng.next() % 3)
        .map(|_| {
            json!({"level": rng.pick(LEVELS), "in_canada": rng.chance(40), "eca": rng.chance(50),
                   "program_years": rng.pick(&[1, 2, 3, 4]), "completed_on": shift(as_of, -2)})
        })
        .collect();
    p["education"] = Value::Array(creds);
    if rng.chance(30) {
        p["study_periods"] = json!([{"start": shift(as_of, -4), "end": shift(as_of, -2),
            "full_time": rng.chance(70), "in_canada": true}]);
    }
    if rng.chance(25) {
        p["job_offer"] = json!({"noc": rng.pick(NOCS), "full_time": rng.chance(80)});
    }
    if rng.chance(15) {
        p["certificate_of_qualification"] = json!({"noc": rng.pick(&["72310", "72200", "63200"])});
    }
    if rng.chance(50) {
        p["settlement_funds_cad"] = json!(rng.pick(&[5000, 15000, 40000]));
    }
    if p["marital_status"] != "single" && rng.chance(70) {
        let test = language_test(rng, as_of);
        let work = job(rng, as_of);
        p["spouse"] = json!({
            "accompanying": rng.chance(80),
            "canadian_citizen_or_pr": rng.chance(15),
            "education": [{"level": rng.pick(LEVELS), "in_canada": rng.chance(50), "eca": true}],
            "language_tests": [test],
            "work_history": [work],
        });
    }
    if rng.chance(20) {
        p["first_official_language"] = json!(rng.pick(&["english", "french"]));
    }
    p
}

/// Ids, codes and numbers of two renderings agree: only strings that are
/// sentences may differ.
fn same_shape(en: &Value, fr: &Value, path: &str) {
    match (en, fr) {
        (Value::Object(a), Value::Object(b)) => {
            assert_eq!(
                a.keys().collect::<Vec<_>>(),
                b.keys().collect::<Vec<_>>(),
                "{path}"
            );
            for (k, v) in a {
                same_shape(v, &b[k], &format!("{path}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same_shape(x, y, &format!("{path}[{i}]"));
            }
        }
        (Value::String(_), Value::String(_)) => {}
        _ => assert_eq!(en, fr, "{path}"),
    }
}

#[test]
fn every_sentence_of_many_assessments_has_its_french() {
    let today: jiff::civil::Date = "2026-11-24".parse().unwrap();
    let mut rng = Rng(0x5eed_1a2b_3c4d_5e6f);
    let mut profiles: Vec<Value> = include_str!("cases/profiles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["profile"].clone())
        .collect();
    profiles.push(
        serde_json::from_str(include_str!("../../../docs/examples/pgwp-graduate.json")).unwrap(),
    );
    profiles.extend((0..600).map(|_| profile(&mut rng)));

    let mut assessed = 0;
    for p in &profiles {
        let Ok(profile) = landed_rules::profile::parse_profile(&p.to_string()) else {
            continue; // the generator may build an inconsistent profile; the parser says why
        };
        let Ok(a) = assess(&profile, today) else {
            continue;
        };
        assessed += 1;
        let before = untranslated_count();
        let fr = in_language(Lang::Fr, || serde_json::to_value(&a).unwrap());
        assert_eq!(
            untranslated_count(),
            before,
            "English-only text in the French assessment of {p}:\n{fr:#}"
        );
        let en = serde_json::to_value(&a).unwrap();
        same_shape(&en, &fr, "");
    }
    assert!(
        assessed > 400,
        "only {assessed} generated profiles assessed"
    );
}
