//! The days where a rate or a rule can change (see the module documentation
//! of `timeline`): between two of them every hour total moves one way.

use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;

use super::{next, prev};
use crate::hours::Criteria;
use crate::planning::dates;
use crate::profile::Profile;

/// The windows (in years) over which the engine counts work: each program's from its
/// table (CEC 3, FSW 10, FST 5 today; FSW adaptability's "any time" 50), the CRS's from
/// its criteria (10). The tables are loaded once, so the list is too.
static WINDOWS: LazyLock<Vec<i16>> = LazyLock::new(|| {
    let mut w: Vec<i16> = crate::programs::cec::window_years()
        .chain(crate::programs::fsw::window_years())
        .chain(crate::programs::fst::window_years())
        .chain([
            Criteria::CRS_CANADIAN.window_years,
            Criteria::CRS_FOREIGN.window_years,
        ])
        .collect();
    w.sort_unstable();
    w.dedup();
    w
});

/// The days in `(from, until]` where a rate or a rule can change.
pub(super) fn breakpoints(p: &Profile, from: Date, until: Date) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::with_capacity(64);
    let mut push = |d: Date| {
        if from < d && d <= until {
            out.push(d);
        }
    };
    // Birthdays (29 February: 28 February and 1 March of common years).
    for y in from.year()..=until.year() {
        let (m, d) = (p.date_of_birth.month(), p.date_of_birth.day());
        if let Ok(b) = Date::new(y, m, d) {
            push(b);
        } else {
            push(Date::new(y, 2, 28).unwrap_or(from));
            push(Date::new(y, 3, 1).unwrap_or(from));
        }
        // A window's start stalls on 29 February of a leap year.
        if let Ok(leap) = Date::new(y, 2, 29) {
            push(leap);
            push(next(leap));
        }
    }
    // Test and ECA expiries, the candidate's and the spouse's.
    let spouse = p.spouse.as_ref();
    let tests = p
        .language_tests
        .iter()
        .chain(spouse.iter().flat_map(|s| s.language_tests.iter()));
    for t in tests {
        let until_day = crate::language::valid_until(t.test_date);
        push(until_day);
        push(next(until_day));
    }
    let creds = p
        .education
        .iter()
        .chain(spouse.iter().flat_map(|s| s.education.iter()));
    for c in creds {
        if let Some(x) = c.eca_issued_on.and_then(dates::eca_expires_on) {
            push(prev(x));
            push(x);
        }
        if let Some(done) = c.completed_on {
            push(done);
            push(next(done));
        }
    }
    // Work, study and permit boundaries, and each shifted by every window.
    let mut bounds: Vec<Date> = Vec::with_capacity(16);
    let jobs = p
        .work_history
        .iter()
        .chain(spouse.iter().flat_map(|s| s.work_history.iter()));
    for j in jobs {
        bounds.push(j.start);
        if let Some(e) = j.end {
            bounds.push(next(e));
        }
    }
    for s in &p.study_periods {
        bounds.push(s.start);
        bounds.push(next(s.end));
    }
    for pm in &p.permits {
        if let Some(s) = pm.start {
            bounds.push(s);
        }
        bounds.push(next(pm.end));
    }
    for b in bounds {
        push(b);
        for &w in WINDOWS.iter() {
            if let Ok(s) = b.checked_add(i64::from(w).years()) {
                push(prev(s));
                push(s);
                push(next(s));
            }
        }
    }
    // Rule sets taking effect.
    if let Ok(sets) = crate::crs::rule_sets() {
        for s in sets {
            push(s.effective_from);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    /// The windows come from the tables: CEC 3, FST 5, FSW and the CRS 10, "any time" 50.
    #[test]
    fn windows_are_the_tables() {
        assert_eq!(*super::WINDOWS, [3, 5, 10, 50]);
    }
}
