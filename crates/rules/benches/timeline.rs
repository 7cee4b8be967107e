//! A typical profile's five-year timeline (planning.md, "Timeline"):
//! `cargo bench -p landed-rules --bench timeline`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use landed_rules::Date;
use landed_rules::planning::timeline::{TimelineOptions, timeline};
use landed_rules::profile::Profile;

const CASES: &str = include_str!("../tests/cases/planning.jsonl");

fn bench(c: &mut Criterion) {
    let today: Date = "2026-11-24".parse().unwrap();
    let mut g = c.benchmark_group("timeline");
    for (i, line) in CASES
        .lines()
        .filter(|l| l.contains("\"kind\": \"timeline\""))
        .enumerate()
    {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let profile: Profile = serde_json::from_value(case["profile"].clone()).unwrap();
        let opts = TimelineOptions::default(); // five years
        g.bench_function(format!("five_years_example_{}", i + 1), |b| {
            b.iter(|| timeline(std::hint::black_box(&profile), today, &opts).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
