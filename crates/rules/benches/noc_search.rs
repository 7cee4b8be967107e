//! NOC title search latency on the full catalogue (516 unit groups, ~58,000
//! titles). Target: a typical query under 1 ms.
//!
//! cargo bench -p landed-rules --bench noc_search -- --warm-up-time 1 --measurement-time 3
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group};
use landed_rules::noc::{Noc, SearchLang, catalogue, lookup};
use std::hint::black_box;
use std::time::Instant;

const QUERIES: &[(&str, &str, SearchLang)] = &[
    ("two_words_en", "software developer", SearchLang::Any),
    ("two_typos", "sofware developr", SearchLang::Any),
    ("french_accents", "développeur logiciel", SearchLang::Fr),
    ("one_word", "nurse", SearchLang::Any),
    ("example_title", "barista", SearchLang::En),
    ("three_words", "heavy truck driver", SearchLang::Any),
    ("short_prefix", "ma", SearchLang::Any),
    ("code_prefix", "2123", SearchLang::Any),
];

fn search(c: &mut Criterion) {
    let cat = catalogue().expect("the embedded NOC data parses");
    let mut group = c.benchmark_group("noc_search");
    for &(name, query, lang) in QUERIES {
        group.bench_with_input(BenchmarkId::from_parameter(name), &query, |b, &q| {
            b.iter(|| cat.search(black_box(q), lang, 10));
        });
    }
    group.finish();
}

fn validate(c: &mut Criterion) {
    let known = Noc::parse("21232").unwrap();
    let unknown = Noc::parse("21239").unwrap();
    c.bench_function("noc_lookup/known", |b| b.iter(|| lookup(black_box(known))));
    c.bench_function("noc_lookup/unknown_with_suggestions", |b| {
        b.iter(|| lookup(black_box(unknown)))
    });
}

criterion_group!(benches, search, validate);

fn main() {
    // One-off costs, paid once per process: parsing the embedded data, then
    // building the search index on the first search.
    let start = Instant::now();
    let cat = catalogue().expect("the embedded NOC data parses");
    let parsed = start.elapsed();
    let start = Instant::now();
    let _ = cat.search("warm up", SearchLang::Any, 1);
    let indexed = start.elapsed();
    eprintln!("noc: parse embedded data {parsed:?}; build search index {indexed:?}");

    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
