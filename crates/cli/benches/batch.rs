//! End-to-end batch throughput: the built `landed` binary reading JSONL
//! answers and writing JSONL results (process start included).
//! Run: cargo bench -p landed --bench batch -- --warm-up-time 1 --measurement-time 8
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::io::Write;
use std::process::{Command, Stdio};

const LINES: usize = 100_000;

/// The same few shapes of answers, varied in age, CLB and years.
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

/// Answers drawn at random (fixed seed) over every question: each ability's
/// CLB on its own, a second language, a spouse with their own levels, every
/// education level, the additional points. ~60 % longer results than `input`,
/// and far more distinct explained lines.
fn varied_input() -> Vec<u8> {
    // The contract's names of the education levels, from the engine's own list.
    let levels: Vec<String> = landed_rules::crs::EducationLevel::ALL
        .iter()
        .map(|l| {
            serde_json::to_value(l)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let level = |i: u64| levels[i as usize % levels.len()].as_str();
    const CANADIAN: [&str; 3] = ["none", "one_or_two_year", "three_year_or_longer"];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut next = |n: u64| rng.below(n);
    let mut out = Vec::new();
    for _ in 0..LINES {
        let french_first = next(5) == 0;
        let (first, other) = if french_first {
            ("french", "english")
        } else {
            ("english", "french")
        };
        let levels = |next: &mut dyn FnMut(u64) -> u64, lo: u64, hi: u64| {
            let [l, r, w, s] = [(); 4].map(|()| lo + next(hi - lo + 1));
            format!(r#""listening":{l},"reading":{r},"writing":{w},"speaking":{s}"#)
        };
        let first_levels = levels(&mut next, 4, 12);
        let second = if next(10) < 3 {
            format!(
                r#","second_language":{{"language":"{other}",{}}}"#,
                levels(&mut next, 4, 10)
            )
        } else {
            String::new()
        };
        let spouse = if next(10) < 4 {
            let spouse_levels = levels(&mut next, 4, 10);
            format!(
                r#","spouse":{{"education":"{}","canadian_experience_years":{},"first_language":{{"language":"english",{spouse_levels}}}}}"#,
                level(next(8)),
                next(6)
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            r#"{{"as_of":"2026-11-24","age":{},"education":"{}","first_language":{{"language":"{first}",{first_levels}}},"canadian_experience_years":{},"foreign_experience_years":{},"certificate_of_qualification":{},"provincial_nomination":{},"sibling_in_canada":{},"canadian_education":"{}"{second}{spouse}}}"#,
            17 + next(34),
            level(next(8)),
            next(7),
            next(5),
            next(10) == 0,
            next(20) == 0,
            next(10) == 0,
            CANADIAN[next(3) as usize],
        )
        .unwrap();
    }
    out
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
    }
}

fn bench(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_landed");
    let dir = std::env::temp_dir();
    let simple = dir.join("landed-bench-answers.jsonl");
    std::fs::write(&simple, input()).unwrap();
    let varied = dir.join("landed-bench-answers-varied.jsonl");
    std::fs::write(&varied, varied_input()).unwrap();
    let mut g = c.benchmark_group("cli_batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(LINES as u64));
    // One core: one worker thread, and the whole process (with its input
    // reading thread) pinned to CPU 0 with `taskset` where there is one.
    let pin = Command::new("taskset")
        .args(["-c", "0", "true"])
        .status()
        .is_ok_and(|s| s.success());
    for (name, path, jobs) in [
        ("crs_jsonl_100k_answers_one_worker", &simple, "1"),
        ("crs_jsonl_100k_answers_all_cores", &simple, "0"),
        ("crs_jsonl_100k_varied_answers_one_worker", &varied, "1"),
        ("crs_jsonl_100k_varied_answers_all_cores", &varied, "0"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut command = if pin && jobs == "1" {
                    let mut c = Command::new("taskset");
                    c.args(["-c", "0", bin]);
                    c
                } else {
                    Command::new(bin)
                };
                let out = command
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

    // Into a pipe read by a separate process (`wc -c`, which reads 128 KB at
    // a time), as a real pipeline does, instead of /dev/null: full results
    // and totals, landed on one pinned core (the reader is not pinned) and
    // on all cores.
    let mut g = c.benchmark_group("cli_batch_pipe");
    g.sample_size(10);
    g.throughput(Throughput::Elements(LINES as u64));
    for (name, detail, jobs) in [
        ("crs_full_100k_one_core_into_a_pipe", "full", "1"),
        ("crs_totals_100k_one_core_into_a_pipe", "totals", "1"),
        ("crs_full_100k_all_cores_into_a_pipe", "full", "0"),
        ("crs_totals_100k_all_cores_into_a_pipe", "totals", "0"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut command = if pin && jobs == "1" {
                    let mut c = Command::new("taskset");
                    c.args(["-c", "0", bin]);
                    c
                } else {
                    Command::new(bin)
                };
                let mut landed = command
                    .args(["crs", simple.to_str().unwrap(), "--format", "jsonl"])
                    .args(["--detail", detail])
                    .env("LANDED_JOBS", jobs)
                    .stdout(Stdio::piped())
                    .spawn()
                    .unwrap();
                let reader = Command::new("wc")
                    .arg("-c")
                    .stdin(Stdio::from(landed.stdout.take().unwrap()))
                    .stdout(Stdio::piped())
                    .spawn()
                    .unwrap();
                assert!(landed.wait().unwrap().success());
                let counted = reader.wait_with_output().unwrap();
                assert!(counted.status.success());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
