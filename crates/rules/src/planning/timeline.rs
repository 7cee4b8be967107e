//! The timeline (`planning.md`, "Timeline"): every change of CEC hours past
//! its minimum (1,560, `cec_minimums.toml`), of each program's eligibility, of the CRS total and of each language
//! test's validity between `as_of` and `until`, each dated on the first day it
//! holds; and the deadlines (permit ends, profile expiry, the application due
//! date, ECA expiries).
//!
//! How it stays exact without assessing every day: the days where a rate or
//! a rule can change are listed first (birthdays, test and ECA expiries, job,
//! study and permit boundaries, each also shifted by every window length — 3
//! (CEC's, from its table), 5, 10 and 50 years —, 29 February and 1 March of leap years, where a
//! window's start stalls, and rule-set dates). Between two such days every
//! hour total moves in one direction, so every threshold on it (hours reached,
//! years of experience, a requirement met) changes at most once: the state is
//! assessed at both ends of each stretch and, when it differs, the first day it
//! differs is found by bisection. A property test checks the result against
//! assessing every day.
//!
//! The days: `timeline/breakpoints.rs`; the state compared and the events a
//! change makes: `timeline/state.rs`.

mod breakpoints;
mod state;

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use breakpoints::breakpoints;
use state::{State, changes};

use super::dates;
use super::timeline_text::TimelineText;
use crate::assess::{Assessment, assess};
use crate::dated::Source;
use crate::error::{Result, RulesError};
use crate::profile::Profile;
use crate::programs::Program;

/// The longest horizon a timeline looks at.
pub const MAX_YEARS: i16 = 20;
/// The default horizon.
pub const DEFAULT_YEARS: i16 = 5;

/// What the timeline is asked: the horizon and the "if I stop working" scenario.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimelineOptions {
    /// Last day looked at; `as_of` + 5 years when absent.
    pub until: Option<Date>,
    /// Every job without an end, or ending after it, ends on this day.
    pub jobs_end: Option<Date>,
}

/// The kind of an event, in the order events of one day are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    CecHoursReached,
    EligibilityStarts,
    EligibilityEnds,
    CrsChange,
    LanguageTestExpires,
    EcaExpires,
    PermitEnds,
    ProfileExpires,
    ApplicationDue,
}

impl EventKind {
    /// A deadline (dated on its own day) rather than a change of state.
    pub fn is_deadline(self) -> bool {
        matches!(
            self,
            EventKind::PermitEnds | EventKind::ProfileExpires | EventKind::ApplicationDue
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::CecHoursReached => "cec_hours_reached",
            EventKind::EligibilityStarts => "eligibility_starts",
            EventKind::EligibilityEnds => "eligibility_ends",
            EventKind::CrsChange => "crs_change",
            EventKind::LanguageTestExpires => "language_test_expires",
            EventKind::EcaExpires => "eca_expires",
            EventKind::PermitEnds => "permit_ends",
            EventKind::ProfileExpires => "profile_expires",
            EventKind::ApplicationDue => "application_due",
        }
    }
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub date: Date,
    pub kind: EventKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<Program>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_index: Option<usize>,
    /// `eca_expires`: the index in `education`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_index: Option<usize>,
    /// `eca_expires` of the spouse's credential: `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spouse: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permit_index: Option<usize>,
    /// `crs_change` only (then present, `null` when not computable that day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crs_before: Option<Option<u16>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crs_after: Option<Option<u16>>,
    /// `crs_change` only: the CRS lines whose points changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<Vec<Cow<'static, str>>>,
    /// `permit_ends` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<bool>,
    pub detail: TimelineText,
    /// Where the rule that dates the event is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
}

impl Event {
    fn new(date: Date, kind: EventKind, detail: TimelineText) -> Event {
        Event {
            date,
            kind,
            program: None,
            test_index: None,
            credential_index: None,
            spouse: None,
            permit_index: None,
            crs_before: None,
            crs_after: None,
            factors: None,
            warning: None,
            detail,
            source: None,
        }
    }

    /// The index that orders events of one day and kind.
    fn index(&self) -> usize {
        self.program
            .map(|p| p as usize)
            .or(self.test_index)
            .or(self
                .credential_index
                .map(|i| i + usize::from(self.spouse == Some(true)) * 1000))
            .or(self.permit_index)
            .unwrap_or(0)
    }
}

/// The timeline contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub as_of: Date,
    pub until: Date,
    pub jobs_end: Option<Date>,
    pub events: Vec<Event>,
}

impl Timeline {
    /// The first deadline (permit end, profile expiry, application due) on or
    /// after `as_of`: what to act on first.
    pub fn most_urgent(&self) -> Option<&Event> {
        self.events.iter().find(|e| e.kind.is_deadline())
    }
}

/// The profile under the scenario, assessed on any day.
struct Scenario {
    profile: Profile,
    assessed: usize,
}

impl Scenario {
    fn assess_on(&mut self, day: Date) -> Result<Assessment> {
        self.assessed += 1;
        self.profile.as_of = Some(day);
        assess(&self.profile, day)
    }

    fn state_on(&mut self, day: Date) -> Result<State> {
        self.assess_on(day).and_then(|a| State::of(&a))
    }
}

fn next(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}
fn prev(d: Date) -> Date {
    d.yesterday().unwrap_or(d)
}

/// Parse the request at the edge: `until` after `as_of` and at most
/// [`MAX_YEARS`] ahead, `jobs_end` not before `as_of`.
pub fn horizon(as_of: Date, opts: &TimelineOptions) -> Result<Date> {
    let max = as_of
        .checked_add(i64::from(MAX_YEARS).years())
        .map_err(|e| RulesError::invalid("until", e.to_string()))?;
    let until = match opts.until {
        Some(u) => u,
        None => as_of
            .checked_add(i64::from(DEFAULT_YEARS).years())
            .map_err(|e| RulesError::invalid("until", e.to_string()))?,
    };
    if until <= as_of {
        return Err(RulesError::invalid(
            "until",
            format!("{until} is not after the assessment date ({as_of})"),
        ));
    }
    if until > max {
        return Err(RulesError::invalid(
            "until",
            format!("{until} is more than {MAX_YEARS} years after the assessment date ({as_of})"),
        ));
    }
    if let Some(j) = opts.jobs_end
        && j < as_of
    {
        return Err(RulesError::invalid(
            "jobs_end",
            format!("{j} is before the assessment date ({as_of}): the scenario starts on it"),
        ));
    }
    Ok(until)
}

/// The profile with the scenario applied: jobs without an end, or ending
/// after `jobs_end`, end on `jobs_end`.
pub fn scenario_profile(profile: &Profile, jobs_end: Option<Date>) -> Profile {
    let mut p = profile.clone();
    if let Some(j) = jobs_end {
        for job in &mut p.work_history {
            if job.end.is_none_or(|e| e > j) && job.start <= j {
                job.end = Some(j);
            }
        }
    }
    p
}

/// The timeline of `profile` (assessed on its `as_of`, else `today`).
pub fn timeline(profile: &Profile, today: Date, opts: &TimelineOptions) -> Result<Timeline> {
    let as_of = profile.as_of.unwrap_or(today);
    let until = horizon(as_of, opts)?;
    // Validate once, as the assessment would, with the profile as given.
    let first = assess(profile, today)?;
    let mut sc = Scenario {
        profile: scenario_profile(profile, opts.jobs_end),
        assessed: 0,
    };
    let bps = breakpoints(&sc.profile, as_of, until);
    let mut events: Vec<Event> = Vec::new();

    // Walk the stretches between breakpoints.
    let mut s = as_of;
    let mut st = sc.state_on(as_of)?;
    let mut stops = bps.into_iter().chain(std::iter::once(next(until)));
    let mut stop = stops.next().unwrap_or(next(until));
    // The state at the end of the current stretch, once known (a bisection
    // continues in the same stretch: no need to assess its end again).
    let mut end_known: Option<(Date, State)> = None;
    loop {
        // The stretch [s, e]: no breakpoint inside (s, e].
        let e = prev(stop).min(until);
        if e > s {
            let end_state = match end_known.take() {
                Some((d, st_e)) if d == e => st_e,
                _ => sc.state_on(e)?,
            };
            if end_state != st {
                // Bisect: the first day in (s, e] whose state differs from `st`.
                let (mut lo, mut hi) = (s, e);
                end_known = Some((e, end_state.clone()));
                let mut hi_state = end_state;
                while next(lo) < hi {
                    let mid = midpoint(lo, hi);
                    let m = sc.state_on(mid)?;
                    if m == st {
                        lo = mid;
                    } else {
                        hi = mid;
                        hi_state = m;
                    }
                }
                changes(hi, &st, &hi_state, &mut events);
                s = hi;
                st = hi_state;
                continue;
            }
        }
        if stop > until {
            break;
        }
        let st2 = sc.state_on(stop)?;
        changes(stop, &st, &st2, &mut events);
        s = stop;
        st = st2;
        stop = stops.next().unwrap_or(next(until));
    }

    // Test validity: its own dates (the day after the last valid day).
    for t in &first.facts.language_tests {
        let x = next(t.valid_until);
        if t.test_date <= as_of && as_of < x && x <= until {
            let mut e = Event::new(
                x,
                EventKind::LanguageTestExpires,
                TimelineText::LanguageTestExpires {
                    test: t.test,
                    test_date: t.test_date,
                    years: crate::language::validity_rule().map_or(2, |v| v.values.years),
                },
            );
            e.test_index = Some(t.index);
            e.source = crate::language::validity_rule().ok().map(|v| &v.source);
            events.push(e);
        }
    }
    // ECA expiries.
    let eca_years = dates::eca_rule(as_of).map_or(5, |v| v.values.years);
    let spouse_creds = profile.spouse.iter().flat_map(|s| s.education.iter());
    let creds = profile
        .education
        .iter()
        .enumerate()
        .map(|c| (false, c))
        .chain(spouse_creds.enumerate().map(|c| (true, c)));
    for (is_spouse, (i, c)) in creds {
        let Some(issued) = c.eca_issued_on else {
            continue;
        };
        if let Some(x) = dates::eca_expires_on(issued)
            && as_of < x
            && x <= until
        {
            let mut e = Event::new(
                x,
                EventKind::EcaExpires,
                TimelineText::EcaExpires {
                    index: i,
                    issued_on: issued,
                    years: eca_years,
                },
            );
            e.credential_index = Some(i);
            e.spouse = is_spouse.then_some(true);
            e.source = dates::eca_source();
            events.push(e);
        }
    }
    // Deadlines.
    for (i, pm) in profile.permits.iter().enumerate() {
        if as_of < pm.end && pm.end <= until {
            let a = sc.assess_on(pm.end)?;
            let eligible = [&a.programs.cec, &a.programs.fsw, &a.programs.fst]
                .iter()
                .any(|p| p.eligible == Some(true));
            let mut e = Event::new(
                pm.end,
                EventKind::PermitEnds,
                TimelineText::PermitEnds {
                    kind: pm.kind,
                    warning: !eligible,
                },
            );
            e.permit_index = Some(i);
            e.warning = Some(!eligible);
            events.push(e);
        }
    }
    if let Some(ee) = &profile.express_entry {
        if let Some(sub) = ee.profile_submitted_on {
            let (x, source) = dates::profile_expires_on(sub)?;
            if as_of < x && x <= until {
                let months = dates::profile_rule(sub).map_or(12, |v| v.values.months);
                let mut e = Event::new(
                    x,
                    EventKind::ProfileExpires,
                    TimelineText::ProfileExpires {
                        submitted_on: sub,
                        months,
                    },
                );
                e.source = Some(source);
                events.push(e);
            }
        }
        if let Some(ita) = ee.ita_received_on {
            let (x, source) = dates::application_due_on(ita)?;
            if as_of < x && x <= until {
                let days = dates::application_rule(ita).map_or(60, |v| v.values.days);
                let mut e = Event::new(
                    x,
                    EventKind::ApplicationDue,
                    TimelineText::ApplicationDue {
                        ita_received_on: ita,
                        days,
                    },
                );
                e.source = Some(source);
                events.push(e);
            }
        }
    }
    events.sort_by_key(|e| (e.date, e.kind, e.index()));
    Ok(Timeline {
        as_of,
        until,
        jobs_end: opts.jobs_end,
        events,
    })
}

fn midpoint(lo: Date, hi: Date) -> Date {
    let span = lo.until(hi).map_or(1, |s| i64::from(s.get_days()));
    lo.checked_add((span / 2).max(1).days()).unwrap_or(hi)
}

/// The checked kinds of a timeline, assessing every day: the reference the
/// property test compares [`timeline`] with.
pub fn timeline_day_by_day(
    profile: &Profile,
    today: Date,
    opts: &TimelineOptions,
) -> Result<Vec<Event>> {
    let as_of = profile.as_of.unwrap_or(today);
    let until = horizon(as_of, opts)?;
    let mut sc = Scenario {
        profile: scenario_profile(profile, opts.jobs_end),
        assessed: 0,
    };
    let mut events = Vec::new();
    let mut prev_state = sc.state_on(as_of)?;
    let mut prev_tests: Vec<bool> = prev_state.tests_valid.clone();
    let mut d = next(as_of);
    while d <= until {
        let s = sc.state_on(d)?;
        changes(d, &prev_state, &s, &mut events);
        for (i, (was, is)) in prev_tests.iter().zip(&s.tests_valid).enumerate() {
            if *was && !*is {
                let mut e = Event::new(
                    d,
                    EventKind::LanguageTestExpires,
                    TimelineText::CrsChange {
                        before: None,
                        after: None,
                    },
                );
                e.test_index = Some(i);
                events.push(e);
            }
        }
        prev_tests = s.tests_valid.clone();
        prev_state = s;
        d = next(d);
    }
    events.sort_by_key(|e| (e.date, e.kind, e.index()));
    Ok(events)
}
