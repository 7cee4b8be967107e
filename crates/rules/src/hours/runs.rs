//! Continuous runs of counted work (FSW's continuous year, the 2023–2025
//! category rule's continuous months): where a gap day breaks a run, and where
//! a weekend or holiday between two jobs does not.

use jiff::civil::Date;
use serde::Serialize;

use super::{
    Bounds, Criteria, UNITS_PER_HOUR, days, next_day, prev_day, split, stretches, window_start,
};
use crate::profile::{Job, Permit, StudyPeriod};

/// A stretch of consecutive days on each of which some counted work was
/// held: no gap day inside it (FSW's "continuous" year, the 2023–2025
/// category rule's "6 months of continuous work"), except a gap made only of
/// days no job would have been worked (a weekend or a federal holiday
/// between two jobs: practitioners' reading, see [`crate::holidays`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ContinuousRun {
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
    /// Exact units: hours × 700.
    #[serde(skip)]
    pub units: u64,
    /// Counted hours in the run (after the 30-hour weekly cap).
    pub hours: f64,
    /// Gap days inside the run that no job would have been worked (weekends
    /// and federal holidays between two jobs): they do not break it.
    #[serde(skip_serializing_if = "is_zero")]
    pub bridged_days: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// True when every day from `from` to `to` (inclusive) is a day no job would
/// have been worked (see [`crate::holidays`]); at most a week is looked at.
fn only_non_working_days(from: Date, to: Date) -> bool {
    let gap = days(from, next_day(to));
    (1..=7).contains(&gap) && {
        let mut d = from;
        let mut all = true;
        while d <= to {
            all &= crate::holidays::is_non_working_day(d);
            d = next_day(d);
        }
        all
    }
}

impl ContinuousRun {
    pub fn at_least(&self, hours: u32) -> bool {
        self.units >= u64::from(hours) * UNITS_PER_HOUR
    }
}

/// The continuous runs of counted work under `criteria` in the window of
/// `criteria.window_years` before `as_of`, oldest first. A day with no
/// counted work (no job, or only work that does not count) ends a run. The
/// runs' units add up to [`tally`]'s units for the same criteria.
pub fn continuous_runs(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    as_of: Date,
    c: &Criteria,
) -> Vec<ContinuousRun> {
    let from = window_start(as_of, c.window_years);
    let spans = split(jobs, study, permits, from, as_of, c, |_| {});
    let mut runs: Vec<ContinuousRun> = Vec::new();
    for (a, b, rate) in stretches(&spans, &mut Bounds::new()) {
        let units = rate.min(c.cap()) * days(a, b) as u64;
        match runs.last_mut() {
            Some(last) if next_day(last.to) == a => {
                last.to = prev_day(b);
                last.units += units;
            }
            // A weekend or holiday between two jobs does not break the run.
            Some(last) if only_non_working_days(next_day(last.to), prev_day(a)) => {
                last.bridged_days += days(next_day(last.to), a) as u32;
                last.to = prev_day(b);
                last.units += units;
            }
            _ => runs.push(ContinuousRun {
                from: a,
                to: prev_day(b),
                units,
                hours: 0.0,
                bridged_days: 0,
            }),
        }
    }
    for r in &mut runs {
        r.hours = r.units as f64 / UNITS_PER_HOUR as f64;
    }
    runs
}
