//! End-to-end batch throughput: the built `landed` binary reading JSONL
//! answers and writing JSONL results (process start included).
//! Run: cargo bench -p landed --bench batch -- --warm-up-time 1 --measurement-time 8
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::io::Write;
use std::process::{Command, Stdio};

const LINES: usize = 100_000;

fn input() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..LINES {
        let age = 18 + (i % 30);
        let clb = 4 + (i % 7);
        writeln!(
            out,
            r#"{{"as_of":"2026-11-24","age":{age},"education":"bachelors","first_language":{{"language":"english","listening":{clb},"reading":9,"writing":8,"speaking":{clb}}},"canadian_experience_years":{},"foreign_experience_years":{}}}"#,
            i % 6,
            i % 4
        )
        .unwrap();
    }
    out
}

fn bench(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_landed");
    let data = input();
    let path = std::env::temp_dir().join("landed-bench-answers.jsonl");
    std::fs::write(&path, &data).unwrap();
    let mut g = c.benchmark_group("cli_batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(LINES as u64));
    // One worker thread (the issue's "one core") and every core.
    for (name, jobs) in [
        ("crs_jsonl_100k_answers_one_worker", "1"),
        ("crs_jsonl_100k_answers_all_cores", "0"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let out = Command::new(bin)
                    .args(["crs", path.to_str().unwrap(), "--format", "jsonl"])
                    .env("LANDED_JOBS", jobs)
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(out.success());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
