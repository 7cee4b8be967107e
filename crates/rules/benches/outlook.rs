//! What the outlook (issue 11 §4: today's profile against the last 6 and 12 months of
//! rounds) adds to each assessment, so a batch knows its cost:
//! `cargo bench -p landed-rules --bench outlook`.
//! `assess` computes the outlook inside; `outlook_only` is that part alone, against the
//! embedded rounds (437 rounds to 2026-08-19).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use landed_rules::Date;
use landed_rules::assess::assess;
use landed_rules::draws::Draws;
use landed_rules::draws::outlook::for_assessment;
use landed_rules::profile::Profile;

const CASES: &str = include_str!("../tests/cases/planning.jsonl");

fn bench(c: &mut Criterion) {
    let today: Date = "2026-11-24".parse().unwrap();
    let draws = Draws::embedded();
    let mut g = c.benchmark_group("outlook");
    for (i, line) in CASES
        .lines()
        .filter(|l| l.contains("\"kind\": \"timeline\""))
        .enumerate()
        .take(2)
    {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let profile: Profile = serde_json::from_value(case["profile"].clone()).unwrap();
        let a = assess(&profile, today).unwrap();
        g.bench_function(format!("assess_with_outlook_example_{}", i + 1), |b| {
            b.iter(|| assess(std::hint::black_box(&profile), today).unwrap())
        });
        g.bench_function(format!("outlook_only_example_{}", i + 1), |b| {
            b.iter(|| for_assessment(std::hint::black_box(&a), false, draws))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
