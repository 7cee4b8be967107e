//! Work-history hours: one engine for every program and the CRS.
//!
//! How days become hours (stated once, here): a job of *h* hours a week
//! counts *h* × *days* / 7 hours over *days* calendar days. A job runs from its
//! `start` to its `end` (the last day worked, inclusive); an ongoing job runs
//! up to the assessment date (exclusive: the window is the *N* years *before*
//! `as_of`, `[as_of − N years, as_of)`). Across all jobs together at most the
//! criteria's weekly cap counts (30 hours: IRPR s.73(1), full-time is 30 hours
//! a week; the CEC page: "hours above 30/week do not count", CEC's cap read
//! from its table): on each day the weekly rates of the jobs held that day are
//! added and capped. One year of experience is 1,560 hours (30 × 52).
//!
//! Arithmetic is exact: rates are kept in hundredths of an hour a week and
//! totals in hundredths-of-an-hour-week-days, so 1,560 hours is exactly
//! `1560 × 100 × 7` units and boundary cases never depend on rounding.

pub(crate) mod basis;
mod projection;
mod runs;
pub use basis::{
    ExcludedPeriod, ExclusionReason, ExclusionReasons, FULL_TIME_WEEKLY_HOURS, HOURS_PER_YEAR,
    NotCounted,
};
pub use projection::projected_date;
#[cfg(test)]
use projection::projected_date_day_by_day;
pub use runs::{ContinuousRun, continuous_runs};

use jiff::civil::Date;
use serde::Serialize;
use smallvec::SmallVec;

use crate::noc::{Noc, Teer};
use crate::profile::{Job, JobKind, Permit, StudyPeriod};

/// Hundredths of an hour a week.
pub type CentiRate = u32;
/// Hundredths of an hour × days / 7 per unit of rate: hours × 700.
pub const UNITS_PER_HOUR: u64 = 700;

/// Where the work must have been done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Canada,
    Abroad,
    Anywhere,
}

/// Which occupations count.
#[derive(Debug, Clone, Copy)]
pub enum Occupations {
    /// TEER 0, 1, 2 or 3.
    Skilled,
    /// A predicate on the NOC code (e.g. FST's skilled trades, one category's list).
    Only(fn(Noc) -> bool),
    /// Exactly this unit group.
    Exactly(Noc),
}

/// What counts, for one program or factor.
#[derive(Debug, Clone, Copy)]
pub struct Criteria {
    pub window_years: i16,
    /// Hours a week that count across all jobs together (30: full-time).
    pub weekly_cap_hours: u32,
    pub place: Place,
    pub occupations: Occupations,
    /// Work while a full-time student does not count (CEC page, C1).
    pub exclude_full_time_study: bool,
    /// Work in Canada must have been authorized (IRPR s.87.1(3)).
    pub require_authorization: bool,
    pub exclude_self_employed: bool,
}

impl Criteria {
    // CEC's criteria are built from its table: `CecMinimums::criteria`.
    /// CRS Canadian experience: 10 years, TEER 0–3. Whether student,
    /// self-employed or unauthorized work counts for CRS points is not settled
    /// (rules.md §1.9, C5); landed applies the CEC exclusions and says so.
    pub const CRS_CANADIAN: Criteria = Criteria {
        window_years: 10,
        weekly_cap_hours: FULL_TIME_WEEKLY_HOURS,
        place: Place::Canada,
        occupations: Occupations::Skilled,
        exclude_full_time_study: true,
        require_authorization: true,
        exclude_self_employed: true,
    };
    /// CRS foreign experience: 10 years, abroad, TEER 0–3, paid.
    pub const CRS_FOREIGN: Criteria = Criteria {
        window_years: 10,
        weekly_cap_hours: FULL_TIME_WEEKLY_HOURS,
        place: Place::Abroad,
        occupations: Occupations::Skilled,
        exclude_full_time_study: false,
        require_authorization: false,
        exclude_self_employed: false,
    };

    /// The weekly cap in the engine's unit (hundredths of an hour a week).
    fn cap(&self) -> u64 {
        u64::from(self.weekly_cap_hours) * 100
    }
}

/// How much of one job counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobCount {
    pub job: usize,
    pub noc: Noc,
    pub teer: Teer,
    /// Hours counted after the 30-hour cap (shared pro rata between jobs held together).
    pub hours: f64,
}

/// The result of counting hours under one set of criteria.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursTally {
    pub window_from: Date,
    /// Last day of the window (the day before `as_of`).
    pub window_to: Date,
    /// Exact units: hours × 700.
    #[serde(skip)]
    pub units: u64,
    pub hours: f64,
    pub jobs: Vec<JobCount>,
    pub excluded: Vec<ExcludedPeriod>,
}

impl HoursTally {
    pub fn at_least(&self, hours: u32) -> bool {
        self.units >= u64::from(hours) * UNITS_PER_HOUR
    }
    /// Whole years of full-time-equivalent experience (1,560 hours each).
    pub fn full_years(&self) -> u32 {
        (self.units / (u64::from(HOURS_PER_YEAR) * UNITS_PER_HOUR)) as u32
    }
    /// Whole hours counted (rounded down; decisions use the exact units).
    pub fn whole_hours(&self) -> u64 {
        self.units / UNITS_PER_HOUR
    }
}

/// The spans of a count: on the stack for up to 8 (most histories), as
/// the hours engine runs several times per assessment.
type Spans = SmallVec<[Span; 8]>;

/// A job's piece that may count: [start, end) in days, with its weekly rate.
#[derive(Debug, Clone, Copy)]
struct Span {
    job: usize,
    start: Date,
    end: Date,
    rate: CentiRate,
}

fn rate_of(job: &Job) -> CentiRate {
    // Validated to (0, 168] at the edge; hundredths of an hour.
    (job.hours_per_week * 100.0).round().clamp(1.0, 16_800.0) as CentiRate
}

fn days(from: Date, to: Date) -> i64 {
    if to <= from {
        return 0;
    }
    day_number(to) - day_number(from)
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`): integer arithmetic, several times faster than a
/// calendar span, and this runs for every job piece of every tally. A test
/// checks it against jiff day by day.
fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month()), i64::from(d.day()));
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

fn prev_day(d: Date) -> Date {
    d.yesterday().unwrap_or(d)
}

fn hours_of(rate: CentiRate, from: Date, to_excl: Date) -> f64 {
    (u64::from(rate) * days(from, to_excl) as u64) as f64 / UNITS_PER_HOUR as f64
}

/// Start of the window of `years` before `as_of` (a 29 February start rolls
/// back to 28 February, as jiff's calendar arithmetic does).
pub fn window_start(as_of: Date, years: i16) -> Date {
    // The same day `years` earlier; 29 February becomes 28 February when that
    // year has none (what calendar arithmetic does), without a span's cost.
    let year = as_of.year().saturating_sub(years);
    Date::new(year, as_of.month(), as_of.day())
        .or_else(|_| Date::new(year, as_of.month(), 28))
        .unwrap_or(Date::MIN)
}

/// The first excluding reason for a whole job under `criteria`, if any.
fn job_exclusion(job: &Job, c: &Criteria) -> Option<ExclusionReason> {
    match job.kind {
        JobKind::Volunteer => return Some(ExclusionReason::Volunteer),
        JobKind::UnpaidInternship => return Some(ExclusionReason::UnpaidInternship),
        JobKind::Coop if c.exclude_full_time_study => return Some(ExclusionReason::Coop),
        // The CEC page's temporary public policy: a physician's self-employed
        // work providing publicly funded services counts (rules.md §2, C1).
        JobKind::SelfEmployed
            if c.exclude_self_employed
                && !(job.is_self_employed_physician() && job.publicly_funded == Some(true)) =>
        {
            return Some(ExclusionReason::SelfEmployed);
        }
        _ => {}
    }
    match (c.place, job.in_canada()) {
        (Place::Canada, false) => return Some(ExclusionReason::OutsideCanada),
        (Place::Abroad, true) => return Some(ExclusionReason::InCanada),
        _ => {}
    }
    match c.occupations {
        Occupations::Skilled if !job.noc.teer().is_skilled() => {
            return Some(ExclusionReason::NotSkilled);
        }
        Occupations::Only(pred) if !pred(job.noc) => {
            return Some(ExclusionReason::NotEligibleOccupation);
        }
        Occupations::Exactly(n) if n != job.noc => {
            return Some(ExclusionReason::NotEligibleOccupation);
        }
        _ => {}
    }
    if c.require_authorization && job.in_canada() && !job.authorized {
        return Some(ExclusionReason::NotAuthorized);
    }
    None
}

/// Count qualifying hours of `jobs` in the window of `criteria.window_years`
/// years before `as_of`, jobs ongoing after `as_of` counting up to it.
///
/// When `permits` lists any, work in Canada (where the criteria require it
/// authorized) counts only on the days a permit allowing work covers; the
/// other days are excluded as [`ExclusionReason::NotCoveredByPermit`]. An
/// empty list changes nothing.
pub fn tally(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    as_of: Date,
    c: &Criteria,
) -> HoursTally {
    let from = window_start(as_of, c.window_years);
    let mut excluded = Vec::new();
    let spans = split(jobs, study, permits, from, as_of, c, |e| excluded.push(e));
    let (units, per_job, over_cap) = sweep(&spans, jobs.len(), c.cap());
    let jobs_counted = per_job
        .iter()
        .enumerate()
        .filter(|(_, u)| **u > 0.0)
        .map(|(i, u)| JobCount {
            job: i,
            noc: jobs[i].noc,
            teer: jobs[i].noc.teer(),
            hours: u / UNITS_PER_HOUR as f64,
        })
        .collect();
    for (job, a, b, lost) in over_cap {
        excluded.push(ExcludedPeriod {
            job,
            noc: jobs[job].noc,
            from: a,
            to: prev_day(b),
            hours: lost / UNITS_PER_HOUR as f64,
            reason: ExclusionReason::AboveWeeklyCap,
        });
    }
    HoursTally {
        window_from: from,
        window_to: prev_day(as_of),
        units,
        hours: units as f64 / UNITS_PER_HOUR as f64,
        jobs: jobs_counted,
        excluded,
    }
}

/// The counted total of [`tally`] alone (same rules, same exact units), for
/// the questions that need no breakdown ("a year of work in Canada?"):
/// no per-job shares, no list of what did not count, nothing allocated for
/// up to eight pieces of work.
pub fn counted(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    as_of: Date,
    c: &Criteria,
) -> Counted {
    let from = window_start(as_of, c.window_years);
    let spans = split(jobs, study, permits, from, as_of, c, |_| {});
    let units = stretches(&spans, &mut Bounds::new())
        .map(|(a, b, sum)| sum.min(c.cap()) * days(a, b) as u64)
        .sum();
    Counted { units }
}

/// What [`counted`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// Exact units: hours × 700.
    pub units: u64,
}

impl Counted {
    pub fn hours(self) -> f64 {
        self.units as f64 / UNITS_PER_HOUR as f64
    }

    pub fn at_least(self, hours: u32) -> bool {
        self.units >= u64::from(hours) * UNITS_PER_HOUR
    }
}

/// Cut each job to `[from, until)` (ongoing jobs run to `until`), drop the
/// jobs that do not count, the days in Canada no listed permit covers and
/// the days of full-time study, and say why
/// (to `excluded`, for the callers that report it).
fn split(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[Permit],
    from: Date,
    until: Date,
    c: &Criteria,
    mut excluded: impl FnMut(ExcludedPeriod),
) -> Spans {
    let mut spans = Spans::new();
    // The pieces of one job left after cutting out full-time study, reused across jobs.
    let mut pieces: SmallVec<[(Date, Date); 8]> = SmallVec::new();
    let mut next: SmallVec<[(Date, Date); 8]> = SmallVec::new();
    let study_ft = || {
        study
            .iter()
            .filter(|s| c.exclude_full_time_study && s.full_time)
            .map(|s| (s.start, next_day(s.end)))
    };
    for (i, job) in jobs.iter().enumerate() {
        let start = job.start.max(from);
        let end = job.end.map_or(until, |e| next_day(e).min(until));
        if end <= start {
            continue; // nothing of this job falls in the window
        }
        let rate = rate_of(job);
        let mut excluded_period = |a: Date, b: Date, reason| {
            excluded(ExcludedPeriod {
                job: i,
                noc: job.noc,
                from: a,
                to: prev_day(b),
                hours: hours_of(rate, a, b),
                reason,
            })
        };
        if let Some(reason) = job_exclusion(job, c) {
            excluded_period(start, end, reason);
            continue;
        }
        pieces.clear();
        if c.require_authorization && job.in_canada() && !permits.is_empty() {
            covered_by_permits(permits, start, end, &mut pieces, |a, b| {
                excluded_period(a, b, ExclusionReason::NotCoveredByPermit)
            });
        } else {
            pieces.push((start, end));
        }
        // Most jobs overlap no full-time study: nothing more to cut.
        if !study_ft().any(|(s_from, s_to)| s_from < end && start < s_to) {
            spans.extend(pieces.iter().map(|&(a, b)| Span {
                job: i,
                start: a,
                end: b,
                rate,
            }));
            continue;
        }
        for (s_from, s_to) in study_ft() {
            next.clear();
            for &(a, b) in &pieces {
                let (o_from, o_to) = (a.max(s_from), b.min(s_to));
                if o_from < o_to {
                    excluded_period(o_from, o_to, ExclusionReason::FullTimeStudy);
                    if a < o_from {
                        next.push((a, o_from));
                    }
                    if o_to < b {
                        next.push((o_to, b));
                    }
                } else {
                    next.push((a, b));
                }
            }
            std::mem::swap(&mut pieces, &mut next);
        }
        spans.extend(pieces.iter().map(|&(a, b)| Span {
            job: i,
            start: a,
            end: b,
            rate,
        }));
    }
    spans
}

/// The parts of `[start, end)` that a permit allowing work covers, in date
/// order, pushed to `pieces`; each part no such permit covers goes to
/// `uncovered` (as `[a, b)`), also in date order.
fn covered_by_permits(
    permits: &[Permit],
    start: Date,
    end: Date,
    pieces: &mut SmallVec<[(Date, Date); 8]>,
    mut uncovered: impl FnMut(Date, Date),
) {
    // The permits' days as [from, to) intervals, sorted and merged.
    let mut cover: SmallVec<[(Date, Date); 4]> = permits
        .iter()
        .filter(|p| p.kind.allows_work())
        .map(|p| (p.start.unwrap_or(Date::MIN), next_day(p.end)))
        .collect();
    cover.sort_unstable();
    let mut cursor = start;
    for (a, b) in cover {
        if b <= cursor {
            continue;
        }
        if a >= end {
            break;
        }
        if a > cursor {
            uncovered(cursor, a);
        }
        let to = b.min(end);
        match pieces.last_mut() {
            // Overlapping or adjacent permits make one covered piece.
            Some(last) if last.1 >= a.max(cursor) => last.1 = last.1.max(to),
            _ => pieces.push((a.max(cursor), to)),
        }
        cursor = to;
        if cursor >= end {
            break;
        }
    }
    if cursor < end {
        uncovered(cursor, end);
    }
}

/// Sweep the spans in time order: in each stretch where the same jobs are
/// held, add their rates, cap at `cap` (hundredths of an hour a week), and share the counted hours
/// between the jobs pro rata. Returns (exact units, units per job, over-cap
/// stretches as (job, from, to, units lost)).
#[allow(clippy::type_complexity)]
fn sweep(
    spans: &[Span],
    n_jobs: usize,
    cap: u64,
) -> (u64, SmallVec<[f64; 8]>, Vec<(usize, Date, Date, f64)>) {
    let mut total: u64 = 0;
    let mut per_job: SmallVec<[f64; 8]> = smallvec::smallvec![0.0f64; n_jobs];
    let mut over: Vec<(usize, Date, Date, f64)> = Vec::new();
    for (a, b, sum) in stretches(spans, &mut Bounds::new()) {
        let d = days(a, b) as u64;
        let counted = sum.min(cap);
        total += counted * d;
        let share = counted as f64 / sum as f64;
        for s in spans.iter().filter(|s| s.start <= a && s.end >= b) {
            per_job[s.job] += f64::from(s.rate) * share * d as f64;
            if sum > cap {
                let lost = f64::from(s.rate) * (1.0 - share) * d as f64;
                // Merge with the previous stretch of the same job when contiguous.
                match over.last_mut() {
                    Some(last) if last.0 == s.job && last.2 == a => {
                        last.2 = b;
                        last.3 += lost;
                    }
                    _ => over.push((s.job, a, b, lost)),
                }
            }
        }
    }
    (total, per_job, over)
}

/// The stretches where the same jobs are held, in time order, with the sum
/// of their weekly rates (before the cap); stretches with no work are left out.
/// `bounds` is the caller's scratch space (on its stack for most histories).
fn stretches<'a>(
    spans: &'a [Span],
    bounds: &'a mut Bounds,
) -> impl Iterator<Item = (Date, Date, u64)> + 'a {
    bounds.clear();
    bounds.extend(spans.iter().flat_map(|s| [s.start, s.end]));
    bounds.sort_unstable();
    bounds.dedup();
    // Walked lazily: callers fold the stretches as they come.
    bounds.windows(2).filter_map(move |w| {
        let (a, b) = (w[0], w[1]);
        let sum: u64 = spans
            .iter()
            .filter(|s| s.start <= a && s.end >= b)
            .map(|s| u64::from(s.rate))
            .sum();
        (sum > 0).then_some((a, b, sum))
    })
}

/// The start and end days of a count's spans.
type Bounds = SmallVec<[Date; 16]>;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::basis::BY_ENGLISH_WORDING;
    use super::*;
    use jiff::ToSpan;

    #[test]
    fn reasons_are_listed_in_the_order_of_their_english_wording() {
        let mut sorted = ExclusionReason::ALL;
        sorted.sort_unstable_by_key(|r| r.describe());
        assert_eq!(BY_ENGLISH_WORDING, sorted);
    }

    #[test]
    fn day_numbers_and_windows_agree_with_jiff() {
        let mut d: Date = "1896-01-01".parse().unwrap();
        let epoch: Date = "1970-01-01".parse().unwrap();
        let end: Date = "2104-12-31".parse().unwrap();
        while d <= end {
            let expected = i64::from(epoch.until(d).unwrap().get_days());
            assert_eq!(day_number(d), expected, "{d}");
            for years in [1i16, 3, 5, 10] {
                assert_eq!(
                    window_start(d, years),
                    d.checked_sub(years.years()).unwrap(),
                    "{d} - {years} years"
                );
            }
            d = d.tomorrow().unwrap();
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// CEC's criteria, from its table.
    fn cec() -> Criteria {
        crate::programs::cec::cec_minimums(d("2026-01-01"))
            .unwrap()
            .values
            .criteria()
    }

    fn job(noc: &str, start: &str, end: Option<&str>, h: f64) -> Job {
        Job {
            noc: Noc::parse(noc).unwrap(),
            title: None,
            country: "CA".into(),
            province: None,
            start: d(start),
            end: end.map(d),
            hours_per_week: h,
            kind: JobKind::Employee,
            authorized: true,
            publicly_funded: None,
        }
    }

    #[test]
    fn one_full_year_at_30_hours_is_1560_hours_over_364_days() {
        // 52 weeks = 364 days at 30 h/week = 1,560 h exactly.
        let j = job("13110", "2025-01-01", Some("2025-12-30"), 30.0);
        let t = tally(&[j], &[], &[], d("2026-06-01"), &cec());
        assert_eq!(t.units, 1560 * 700);
        assert!(t.at_least(1560));
        let j = job("13110", "2025-01-01", Some("2025-12-29"), 30.0);
        let t = tally(&[j], &[], &[], d("2026-06-01"), &cec());
        assert!(!t.at_least(1560), "one day short");
    }

    #[test]
    fn an_ongoing_job_counts_up_to_the_day_before_as_of() {
        let j = job("13110", "2025-07-14", None, 37.5);
        let t = tally(&[j], &[], &[], d("2026-09-30"), &cec());
        // 443 days × 30 h / 7.
        assert_eq!(t.units, 443 * 3000);
        assert_eq!(t.window_to, d("2026-09-29"));
    }

    #[test]
    fn windows_start_on_the_same_calendar_day_and_29_february_rolls_back() {
        assert_eq!(window_start(d("2026-11-24"), 3), d("2023-11-24"));
        assert_eq!(window_start(d("2028-02-29"), 3), d("2025-02-28"));
        assert_eq!(window_start(d("2028-02-29"), 4), d("2024-02-29"));
        // A job that ended the day before the window starts counts nothing.
        let j = job("13110", "2020-01-01", Some("2023-11-23"), 30.0);
        let t = tally(&[j], &[], &[], d("2026-11-24"), &cec());
        assert_eq!(t.units, 0);
        // Ending on the window's first day counts that one day: 30 h / 7.
        let j = job("13110", "2020-01-01", Some("2023-11-24"), 30.0);
        let t = tally(&[j], &[], &[], d("2026-11-24"), &cec());
        assert_eq!(t.units, 3000);
    }

    #[test]
    fn overlapping_jobs_are_capped_at_30_hours_together() {
        let a = job("13110", "2025-01-01", None, 20.0);
        let b = job("13111", "2025-01-01", None, 20.0);
        let t = tally(&[a, b], &[], &[], d("2025-01-08"), &cec());
        assert_eq!(t.whole_hours(), 30);
        assert!(
            t.excluded
                .iter()
                .any(|e| e.reason == ExclusionReason::AboveWeeklyCap)
        );
    }

    #[test]
    fn work_during_full_time_study_is_excluded() {
        let a = job("13110", "2025-01-01", None, 30.0);
        let study = StudyPeriod {
            start: d("2025-01-01"),
            end: d("2025-01-07"),
            full_time: true,
            in_canada: true,
        };
        let t = tally(&[a], &[study], &[], d("2025-01-15"), &cec());
        assert_eq!(t.units, 7 * 3000);
        let part_time = StudyPeriod {
            full_time: false,
            ..t_study()
        };
        let t = tally(
            &[job("13110", "2025-01-01", None, 30.0)],
            &[part_time],
            &[],
            d("2025-01-15"),
            &cec(),
        );
        assert_eq!(t.units, 14 * 3000);
    }

    fn t_study() -> StudyPeriod {
        StudyPeriod {
            start: d("2025-01-01"),
            end: d("2025-01-07"),
            full_time: true,
            in_canada: true,
        }
    }

    #[test]
    fn a_gap_of_only_a_weekend_and_a_holiday_does_not_break_a_run() {
        // Friday 2023-06-30, then Tuesday 2023-07-04: Saturday 1 July (Canada
        // Day), Sunday, and Monday 3 July (Canada Day observed) in between.
        let jobs = [
            job("21231", "2023-01-02", Some("2023-06-30"), 30.0),
            job("21231", "2023-07-04", Some("2023-12-29"), 30.0),
        ];
        let crit = Criteria {
            occupations: Occupations::Exactly(Noc::parse("21231").unwrap()),
            ..Criteria::CRS_CANADIAN
        };
        let runs = continuous_runs(&jobs, &[], &[], d("2024-06-01"), &crit);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(runs[0].bridged_days, 3);
        // A working day in the gap breaks it.
        let jobs = [jobs[0].clone(), job("21231", "2023-07-05", None, 30.0)];
        assert_eq!(
            continuous_runs(&jobs, &[], &[], d("2024-06-01"), &crit).len(),
            2
        );
    }

    #[test]
    fn continuous_runs_split_at_a_gap_day_and_add_up_to_the_tally() {
        let a = job("21231", "2024-01-01", Some("2024-06-30"), 40.0);
        let b = job("21231", "2024-07-01", Some("2024-12-31"), 20.0);
        // 1 January is a holiday, 2 January a working day: the gap breaks.
        let c = job("21231", "2025-01-03", Some("2025-03-31"), 30.0);
        let jobs = [a, b, c];
        let crit = Criteria {
            occupations: Occupations::Exactly(Noc::parse("21231").unwrap()),
            ..Criteria::CRS_CANADIAN
        };
        let runs = continuous_runs(&jobs, &[], &[], d("2026-01-01"), &crit);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(
            (runs[0].from, runs[0].to),
            (d("2024-01-01"), d("2024-12-31"))
        );
        assert_eq!(
            (runs[1].from, runs[1].to),
            (d("2025-01-03"), d("2025-03-31"))
        );
        let t = tally(&jobs, &[], &[], d("2026-01-01"), &crit);
        assert_eq!(runs.iter().map(|r| r.units).sum::<u64>(), t.units);
        // 182 days at 30 h (40 capped) + 184 days at 20 h.
        assert_eq!(runs[0].units, 182 * 3000 + 184 * 2000);
        assert!(!runs[0].at_least(1560));
    }

    #[test]
    fn projection_finds_the_day_1560_hours_are_reached() {
        let j = job("63200", "2025-08-01", None, 25.0);
        let day = projected_date(
            std::slice::from_ref(&j),
            &[],
            &[],
            d("2026-06-30"),
            &cec(),
            1560,
            1200,
        )
        .unwrap();
        // 1,560 h at 25 h/week = 436.8 days → on day 437 after the start.
        assert_eq!(day, d("2025-08-01").checked_add(437.days()).unwrap());
        let t = tally(&[j], &[], &[], day, &cec());
        assert!(t.at_least(1560));
    }

    mod properties {
        use super::*;
        use crate::profile::PermitKind;
        use proptest::prelude::*;

        const NOCS: [&str; 4] = ["21231", "13110", "65201", "72410"];
        const KINDS: [JobKind; 3] = [JobKind::Employee, JobKind::SelfEmployed, JobKind::Coop];

        fn day(n: i64) -> Date {
            d("2019-01-01").checked_add(n.days()).unwrap()
        }

        prop_compose! {
            fn a_job()(
                noc in 0..NOCS.len(),
                start in 0i64..2600,
                len in proptest::option::of(0i64..1500),
                hours in 1u32..=80,
                abroad in proptest::bool::weighted(0.2),
                kind in 0..KINDS.len(),
                authorized in proptest::bool::weighted(0.9),
            ) -> Job {
                Job {
                    noc: Noc::parse(NOCS[noc]).unwrap(),
                    title: None,
                    country: if abroad { "IN".into() } else { "CA".into() },
                    province: None,
                    start: day(start),
                    end: len.map(|l| day(start + l)),
                    hours_per_week: f64::from(hours) / 2.0,
                    kind: KINDS[kind],
                    authorized,
                    publicly_funded: None,
                }
            }
        }

        prop_compose! {
            fn a_study()(start in 0i64..2600, len in 0i64..900, full_time: bool) -> StudyPeriod {
                StudyPeriod { start: day(start), end: day(start + len), full_time, in_canada: true }
            }
        }

        const PERMIT_KINDS: [PermitKind; 3] = [
            PermitKind::Pgwp,
            PermitKind::StudyPermit,
            PermitKind::VisitorRecord,
        ];

        prop_compose! {
            fn a_permit()(
                start in proptest::option::of(0i64..2600),
                len in 0i64..1500,
                kind in 0..PERMIT_KINDS.len(),
            ) -> Permit {
                let from = start.unwrap_or(0);
                Permit { kind: PERMIT_KINDS[kind], start: start.map(day), end: day(from + len) }
            }
        }

        proptest! {
            /// The three ways of counting agree on the total, and the 30-hour
            /// weekly cap holds over the window, whatever the history; listed
            /// permits only ever take hours away, and an uncovered day is never
            /// counted.
            #[test]
            fn counted_tally_and_runs_agree_and_the_cap_holds(
                jobs in proptest::collection::vec(a_job(), 0..12),
                study in proptest::collection::vec(a_study(), 0..3),
                permits in proptest::collection::vec(a_permit(), 0..3),
                as_of in 300i64..3000,
                which in 0usize..3,
            ) {
                let as_of = day(as_of);
                let c = [cec(), Criteria::CRS_CANADIAN, Criteria::CRS_FOREIGN][which];
                let t = tally(&jobs, &study, &permits, as_of, &c);
                prop_assert_eq!(counted(&jobs, &study, &permits, as_of, &c).units, t.units);
                let runs: u64 = continuous_runs(&jobs, &study, &permits, as_of, &c).iter().map(|r| r.units).sum();
                prop_assert_eq!(runs, t.units);
                prop_assert!(t.units <= tally(&jobs, &study, &[], as_of, &c).units);
                for e in t.excluded.iter().filter(|e| e.reason == ExclusionReason::NotCoveredByPermit) {
                    prop_assert!(!permits.is_empty() && jobs[e.job].in_canada());
                    let mut x = e.from;
                    while x <= e.to {
                        prop_assert!(!permits.iter().any(|p| p.covers_work_on(x)), "{} is covered", x);
                        x = next_day(x);
                    }
                }
                if !permits.is_empty() && c.require_authorization {
                    // Every counted day of an in-Canada job is covered.
                    for r in continuous_runs(&jobs, &study, &permits, as_of, &Criteria { place: Place::Canada, ..c }) {
                        let mut x = r.from;
                        while x <= r.to {
                            prop_assert!(permits.iter().any(|p| p.covers_work_on(x)) || r.bridged_days > 0, "{} is not covered", x);
                            x = next_day(x);
                        }
                    }
                }
                let window_days = days(window_start(as_of, c.window_years), as_of) as u64;
                prop_assert!(t.units <= c.cap() * window_days);
            }

            /// The projection's jumps land on the day the day-by-day walk finds.
            #[test]
            fn the_projection_matches_the_day_by_day_walk(
                jobs in proptest::collection::vec(a_job(), 0..6),
                study in proptest::collection::vec(a_study(), 0..2),
                permits in proptest::collection::vec(a_permit(), 0..3),
                as_of in 300i64..3000,
                which in 0usize..3,
                hours in prop_oneof![Just(1560u32), Just(3120), Just(1), 1u32..6000],
                max_days in prop_oneof![Just(0i64), 1i64..5, 300i64..2000],
            ) {
                let as_of = day(as_of);
                let c = [cec(), Criteria::CRS_CANADIAN, Criteria::CRS_FOREIGN][which];
                prop_assert_eq!(
                    projected_date(&jobs, &study, &permits, as_of, &c, hours, max_days),
                    projected_date_day_by_day(&jobs, &study, &permits, as_of, &c, hours, max_days)
                );
            }
        }
    }
}
