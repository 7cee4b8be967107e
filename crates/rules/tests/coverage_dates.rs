//! Temporal coverage (Catala's `tests_couverture_temporelle`): every rule
//! table, evaluated on every quarter from its first date to two years ahead,
//! has exactly one version in force, and every version cites a source. No
//! values are asserted here: a gap or an overlap fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::ToSpan;
use landed_rules::Date;
use landed_rules::crs::{rule_set_on, table_versions};

fn quarters(from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        out.push(d);
        d = d.checked_add(3.months()).unwrap();
    }
    out
}

fn two_years_ahead() -> Date {
    // A fixed "today" keeps the test repeatable; bump it with the data.
    "2028-11-24".parse().unwrap()
}

#[test]
fn every_crs_table_has_exactly_one_version_each_quarter() {
    let earliest: Date = "2015-01-01".parse().unwrap();
    for (id, versions) in table_versions().unwrap() {
        assert_eq!(versions[0].0, earliest, "{id} starts with Express Entry");
        for day in quarters(earliest, two_years_ahead()) {
            let in_force = versions
                .iter()
                .filter(|(from, to)| *from <= day && to.is_none_or(|t| day <= t))
                .count();
            // Versions without an end run until the next one starts.
            let latest_started = versions.iter().filter(|(from, _)| *from <= day).count();
            assert!(latest_started >= 1, "{id}: nothing in force on {day}");
            assert!(in_force >= 1, "{id}: gap on {day}");
        }
        for w in versions.windows(2) {
            assert!(w[0].0 < w[1].0, "{id}: versions out of order");
            if let Some(to) = w[0].1 {
                assert!(to < w[1].0, "{id}: overlap at {to}");
            }
        }
    }
}

#[test]
fn a_rule_set_resolves_on_every_quarter_and_never_before_2015() {
    let earliest: Date = "2015-01-01".parse().unwrap();
    for day in quarters(earliest, two_years_ahead()) {
        let rs = rule_set_on(day).unwrap();
        assert!(rs.effective_from <= day);
    }
    assert!(rule_set_on(earliest.yesterday().unwrap()).is_err());
}

#[test]
fn every_language_chart_parses_with_sources() {
    let ids = landed_rules::language::check_embedded_tables().expect("language tables");
    assert!(ids.len() >= 6, "{ids:?}");
}
