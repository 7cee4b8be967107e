//! The projection: the first day the window before it holds a number of
//! hours, if the ongoing jobs continue (exact, in segments; checked against
//! the day-by-day walk by a property test).

use jiff::ToSpan;
use jiff::civil::Date;
use smallvec::SmallVec;

#[cfg(test)]
use super::next_day;
use super::{Bounds, Criteria, UNITS_PER_HOUR, days, split, stretches, window_start};
use crate::profile::{Job, Permit, StudyPeriod};

/// The first date on or after `as_of` on which the window before it holds
/// `hours` qualifying hours, if the ongoing jobs continue at their hours and
/// nothing else changes; `None` if that never happens within `max_days`.
pub fn projected_date(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    as_of: Date,
    c: &Criteria,
    hours: u32,
    max_days: i64,
) -> Option<Date> {
    let o = Outlook::new(jobs, study, permits, as_of, c, hours, max_days)?;
    // Capped units of one day, and the first stretch bound after a day.
    let units_on = |x: Date| -> u64 {
        o.stretches
            .iter()
            .find(|&&(a, b, _)| a <= x && x < b)
            .map_or(0, |&(_, _, rate)| rate.min(o.cap))
    };
    let next_bound = |x: Date| -> Option<Date> {
        o.stretches
            .iter()
            .flat_map(|&(a, b, _)| [a, b])
            .filter(|&d| d > x)
            .min()
    };
    // Walk from as_of in segments over which the window total grows by the
    // same amount each day: no stretch bound crossed by the day or by the
    // window's start, and no 28 or 29 February (where the window's start
    // stalls or skips a day). Each segment starts from an exact total, so
    // the jump to the day the hours are reached is exact. Checked against
    // the day-by-day walk by a property test.
    let mut day = as_of;
    while day <= o.horizon {
        let start = window_start(day, c.window_years);
        let total = o.window_total(day, start);
        if total >= o.need {
            return Some(day);
        }
        let mut len = days(day, o.horizon) + 1;
        if let Some(b) = next_bound(day) {
            len = len.min(days(day, b));
        }
        if let Some(b) = next_bound(start) {
            len = len.min(days(start, b));
        }
        len = len.min(days(day, next_february_28(day)));
        let len = len.max(1);
        let gain = units_on(day);
        let loss = units_on(start);
        if gain > loss {
            let k = (o.need - total).div_ceil(gain - loss);
            if k < len as u64 {
                return day.checked_add((k as i64).days()).ok();
            }
        }
        day = day.checked_add(len.days()).ok()?;
    }
    None
}

/// What a projection looks at: the stretches of counted work from the
/// earliest window start to the horizon, and the units needed.
struct Outlook {
    stretches: SmallVec<[(Date, Date, u64); 16]>,
    horizon: Date,
    need: u64,
    /// The weekly cap (hundredths of an hour a week).
    cap: u64,
}

impl Outlook {
    /// `None` when no job goes on after `as_of` (nothing to project).
    fn new(
        jobs: &[Job],
        study: &[StudyPeriod],
        permits: &[Permit],
        as_of: Date,
        c: &Criteria,
        hours: u32,
        max_days: i64,
    ) -> Option<Outlook> {
        if !jobs.iter().any(|j| j.end.is_none_or(|e| e >= as_of)) {
            return None;
        }
        let horizon = as_of.checked_add(max_days.days()).ok()?;
        let earliest = window_start(as_of, c.window_years);
        let spans = split(jobs, study, permits, earliest, horizon, c, |_| {});
        Some(Outlook {
            stretches: stretches(&spans, &mut Bounds::new()).collect(),
            horizon,
            need: u64::from(hours) * UNITS_PER_HOUR,
            cap: c.cap(),
        })
    }

    /// F(x): capped units before day x. The window total on day D is
    /// F(D) − F(start of D's window).
    fn cum(&self, x: Date) -> u64 {
        let mut acc = 0u64;
        for &(a, b, rate) in &self.stretches {
            if a >= x {
                break;
            }
            acc += rate.min(self.cap) * days(a, b.min(x)) as u64;
        }
        acc
    }

    fn window_total(&self, day: Date, start: Date) -> u64 {
        self.cum(day).saturating_sub(self.cum(start))
    }
}

/// 28 February of `d`'s year if `d` is before it, else of the next year;
/// `d` itself if it is 28 or 29 February.
fn next_february_28(d: Date) -> Date {
    let this_year = Date::new(d.year(), 2, 28).unwrap_or(d);
    if d.month() == 2 && d.day() >= 28 {
        d
    } else if d < this_year {
        this_year
    } else {
        Date::new(d.year() + 1, 2, 28).unwrap_or(d)
    }
}

/// [`projected_date`] one day at a time: the reference its segments are
/// checked against.
#[cfg(test)]
pub(super) fn projected_date_day_by_day(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    as_of: Date,
    c: &Criteria,
    hours: u32,
    max_days: i64,
) -> Option<Date> {
    let o = Outlook::new(jobs, study, permits, as_of, c, hours, max_days)?;
    let mut day = as_of;
    for _ in 0..=max_days {
        if o.window_total(day, window_start(day, c.window_years)) >= o.need {
            return Some(day);
        }
        day = next_day(day);
    }
    None
}
