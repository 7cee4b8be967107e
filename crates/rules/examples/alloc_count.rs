//! Runs the benchmark's eligible assessment N times, for counting heap
//! allocations with valgrind (the workspace forbids the `unsafe` a counting
//! allocator needs):
//!
//! ```text
//! cargo build --release -p landed-rules --example alloc_count
//! valgrind --tool=dhat target/release/examples/alloc_count 1    # "Total: … in B1 blocks"
//! valgrind --tool=dhat target/release/examples/alloc_count 101  # (B101 − B1) / 100 per assessment
//! ```
#![allow(clippy::unwrap_used)]
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let today: landed_rules::Date = "2026-11-24".parse().unwrap();
    let profile = landed_rules::profile::parse_profile(
        r#"{"as_of":"2026-09-30","date_of_birth":"1998-02-11","marital_status":"single","education":[{"level":"two_year","program_years":2,"in_canada":true,"completed_on":"2025-04-30","eca":true}],"study_periods":[{"start":"2023-09-05","end":"2025-04-30","full_time":true,"in_canada":true}],"language_tests":[{"test":"ielts_general","test_date":"2025-11-20","listening":7.5,"reading":6.5,"writing":6.5,"speaking":7.0}],"work_history":[{"noc":"65201","title":"Barista","country":"CA","province":"BC","start":"2023-10-01","end":"2025-04-30","hours_per_week":20},{"noc":"13110","title":"Administrative assistant","country":"CA","province":"BC","start":"2025-07-14","end":null,"hours_per_week":37.5}],"intended_province":"BC"}"#,
    )
    .unwrap();
    for _ in 0..n {
        std::hint::black_box(landed_rules::assess::assess(&profile, today).unwrap());
    }
}
