//! Helpers shared by the `programs_*` golden tests: profiles as JSON, run
//! through the public entry points exactly as the CLI does.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use landed_rules::assess::{Assessment, ProgramResult, Requirement, Status, assess};
use landed_rules::profile::parse_profile;
use landed_rules::programs::{CategoryResult, GridLine};
use landed_rules::{Date, RulesError};
use serde_json::{Value, json};

pub fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The "today" every golden case uses.
pub fn today() -> Date {
    d("2026-11-24")
}

pub fn try_run(v: &Value) -> Result<Assessment, RulesError> {
    let p = parse_profile(&v.to_string())?;
    assess(&p, today())
}

pub fn run(v: &Value) -> Assessment {
    try_run(v).unwrap_or_else(|e| panic!("{e}\n{v:#}"))
}

pub fn req<'a>(p: &'a ProgramResult, id: &str) -> &'a Requirement {
    p.requirements
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no requirement {id} in {:#?}", p.requirements))
}

pub fn status(p: &ProgramResult, id: &str) -> Status {
    req(p, id).status
}

pub fn grid_line<'a>(a: &'a Assessment, id: &str) -> &'a GridLine {
    let g = a.programs.fsw.grid.as_ref().expect("an FSW grid");
    g.lines
        .iter()
        .flat_map(|l| std::iter::once(l).chain(l.items.iter()))
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no grid line {id}"))
}

pub fn category<'a>(a: &'a Assessment, slug: &str) -> &'a CategoryResult {
    a.categories
        .results
        .iter()
        .find(|c| c.slug == slug)
        .unwrap_or_else(|| panic!("no category {slug} on {}", a.as_of))
}

/// A CELPIP-General result: CELPIP 4-10 are CLB 4-10, 0-3 are below CLB 4.
pub fn celpip(date: &str, l: u8, r: u8, w: u8, s: u8) -> Value {
    json!({"test": "celpip_general", "test_date": date, "listening": l, "reading": r, "writing": w, "speaking": s})
}

/// A TCF Canada result at the lowest score of each NCLC level (4 to 10).
pub fn tcf(date: &str, l: u8, r: u8, w: u8, s: u8) -> Value {
    fn score(level: u8, table: [u32; 7]) -> u32 {
        table[usize::from(level.clamp(4, 10) - 4)]
    }
    const LISTENING: [u32; 7] = [331, 369, 398, 458, 503, 523, 549];
    const READING: [u32; 7] = [342, 375, 406, 453, 499, 524, 549];
    const WRITTEN: [u32; 7] = [4, 6, 7, 10, 12, 14, 16];
    json!({"test": "tcf_canada", "test_date": date,
        "listening": score(l, LISTENING), "reading": score(r, READING),
        "writing": score(w, WRITTEN), "speaking": score(s, WRITTEN)})
}

pub fn job(noc: &str, country: &str, start: &str, end: Option<&str>, hours: f64) -> Value {
    json!({"noc": noc, "country": country, "start": start, "end": end, "hours_per_week": hours})
}

/// A job of `hours` a week over exactly `days` calendar days from `start`.
pub fn job_days(noc: &str, country: &str, start: &str, days: i64, hours: f64) -> Value {
    let s = d(start);
    let end = s.checked_add(jiff::Span::new().days(days - 1)).unwrap();
    job(noc, country, start, Some(&end.to_string()), hours)
}

/// A foreign software engineer who meets every FSW requirement on 2026-11-01:
/// CLB 9 (24) + master's with ECA (23) + 7 years (15) + age 31 (12) = 74.
pub fn fsw_base() -> Value {
    json!({
        "as_of": "2026-11-01",
        "date_of_birth": "1995-01-01",
        "marital_status": "single",
        "education": [{"level": "masters", "in_canada": false, "eca": true, "completed_on": "2019-06-30"}],
        "language_tests": [celpip("2026-01-15", 9, 9, 9, 9)],
        "work_history": [job("21231", "IN", "2019-09-01", None, 40.0)],
        "settlement_funds_cad": 20000,
        "intended_province": "ON"
    })
}

/// A foreign carpenter who meets every FST requirement on 2026-11-01.
pub fn fst_base() -> Value {
    json!({
        "as_of": "2026-11-01",
        "date_of_birth": "1990-05-05",
        "marital_status": "single",
        "language_tests": [celpip("2026-01-15", 5, 4, 4, 5)],
        "work_history": [job("72310", "PH", "2022-01-01", None, 40.0)],
        "certificate_of_qualification": {"noc": "72310", "province": "AB"},
        "settlement_funds_cad": 20000,
        "intended_province": "AB"
    })
}
