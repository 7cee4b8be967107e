//! What-if: options, experience projections and the exact plan search, for the
//! planning contract's two worked examples (a typical profile each) and one
//! hard target (a plan needing many fields).
//! Run: cargo bench -p landed-rules --bench whatif -- --warm-up-time 1 --measurement-time 3
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use landed_rules::Date;
use landed_rules::assess::assess;
use landed_rules::planning::whatif::{Target, search_plan, whatif};
use landed_rules::profile::parse_profile;

fn cases() -> Vec<(String, String, u16)> {
    include_str!("../tests/cases/planning.jsonl")
        .lines()
        .filter(|l| l.contains("\"kind\": \"whatif\""))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["name"].as_str().unwrap().to_string(),
                v["profile"].to_string(),
                v["args"]["target"].as_u64().unwrap() as u16,
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let today: Date = "2026-11-24".parse().unwrap();
    let mut g = c.benchmark_group("whatif");
    for (name, json, target) in cases() {
        let profile = parse_profile(&json).unwrap();
        let a = assess(&profile, today).unwrap();
        let t = Target::new(i64::from(target)).unwrap();
        g.bench_function(format!("{name}/whatif"), |b| {
            b.iter(|| whatif(black_box(&profile), black_box(&a), Some(t), None).unwrap())
        });
        g.bench_function(format!("{name}/assess+whatif"), |b| {
            b.iter(|| {
                let a = assess(black_box(&profile), today).unwrap();
                whatif(&profile, &a, Some(t), None).unwrap()
            })
        });
        let answers = a.crs_answers.clone().unwrap();
        g.bench_function(format!("{name}/plan search"), |b| {
            b.iter(|| search_plan(black_box(&answers), today, target).unwrap())
        });
        // A hard target: the highest total the plan fields can reach, minus one.
        let hard = (target..=1200)
            .take_while(|&t| {
                !matches!(
                    search_plan(&answers, today, t).unwrap(),
                    landed_rules::planning::whatif::Search::OutOfReach
                )
            })
            .last()
            .unwrap_or(target);
        g.bench_function(format!("{name}/plan search, target {hard}"), |b| {
            b.iter(|| search_plan(black_box(&answers), today, hard).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
