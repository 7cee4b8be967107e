//! The CRS and assessment benchmarks, shared by `crs.rs` (system allocator,
//! what a library user gets) and `crs_mimalloc.rs` (the allocator the
//! `landed` binary uses).

use criterion::Criterion;
use landed_rules::Date;
use std::hint::black_box;

pub fn bench(c: &mut Criterion) {
    let today: Date = "2026-11-24".parse().unwrap();
    let answers = landed_rules::crs::parse_answers(
        r#"{"age":31,"education":"masters","canadian_education":"one_or_two_year","first_language":{"language":"english","listening":9,"reading":8,"writing":8,"speaking":9},"second_language":{"language":"french","listening":7,"reading":7,"writing":6,"speaking":7},"canadian_experience_years":2,"foreign_experience_years":3,"sibling_in_canada":true,"spouse":{"education":"bachelors","first_language":{"language":"english","listening":7,"reading":7,"writing":7,"speaking":7},"canadian_experience_years":1}}"#,
    )
    .unwrap();
    c.bench_function("crs_points_from_answers", |b| {
        b.iter(|| landed_rules::crs::score_points(black_box(&answers), today).unwrap())
    });
    c.bench_function("crs_explained_from_answers", |b| {
        b.iter(|| landed_rules::crs::score_answers(black_box(&answers), today).unwrap())
    });
    let profile = landed_rules::profile::parse_profile(
        r#"{"as_of":"2026-09-30","date_of_birth":"1998-02-11","marital_status":"single","education":[{"level":"two_year","program_years":2,"in_canada":true,"completed_on":"2025-04-30","eca":true}],"study_periods":[{"start":"2023-09-05","end":"2025-04-30","full_time":true,"in_canada":true}],"language_tests":[{"test":"ielts_general","test_date":"2025-11-20","listening":7.5,"reading":6.5,"writing":6.5,"speaking":7.0}],"work_history":[{"noc":"65201","title":"Barista","country":"CA","province":"BC","start":"2023-10-01","end":"2025-04-30","hours_per_week":20},{"noc":"13110","title":"Administrative assistant","country":"CA","province":"BC","start":"2025-07-14","end":null,"hours_per_week":37.5}],"intended_province":"BC"}"#,
    )
    .unwrap();
    c.bench_function("assess_profile_eligible", |b| {
        b.iter(|| landed_rules::assess::assess(black_box(&profile), today).unwrap())
    });
    let not_yet = landed_rules::profile::parse_profile(
        r#"{"as_of":"2026-06-30","date_of_birth":"1990-07-03","marital_status":"married","spouse":{"accompanying":true},"language_tests":[{"test":"celpip_general","test_date":"2026-03-01","listening":6,"reading":5,"writing":5,"speaking":6}],"work_history":[{"noc":"63200","country":"CA","province":"ON","start":"2025-08-01","end":null,"hours_per_week":25}],"intended_province":"ON"}"#,
    )
    .unwrap();
    c.bench_function("assess_profile_not_yet_with_projection", |b| {
        b.iter(|| landed_rules::assess::assess(black_box(&not_yet), today).unwrap())
    });
}

pub fn parts(c: &mut Criterion) {
    let today: Date = "2026-11-24".parse().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/pgwp-graduate.json"
    ))
    .unwrap();
    let profile = landed_rules::profile::parse_profile(&text).unwrap();
    let as_of = profile.as_of.unwrap();
    c.bench_function("part_validate", |b| {
        b.iter(|| profile.validate(today).unwrap())
    });
    c.bench_function("part_convert", |b| {
        b.iter(|| landed_rules::language::convert(black_box(&profile.language_tests[0])).unwrap())
    });
    let cec = landed_rules::assess::cec_minimums(as_of)
        .unwrap()
        .values
        .criteria();
    c.bench_function("part_tally_cec", |b| {
        b.iter(|| {
            landed_rules::hours::tally(
                &profile.work_history,
                &profile.study_periods,
                &profile.permits,
                as_of,
                &cec,
            )
        })
    });
    c.bench_function("part_education", |b| {
        b.iter(|| landed_rules::assess::education_fact(&profile.education, as_of))
    });
}
