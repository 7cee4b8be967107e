//! What the timeline compares from one day to the next, and the events a
//! change between two days makes.

use std::borrow::Cow;

use jiff::civil::Date;

use super::{Event, EventKind, TimelineText};
use crate::assess::{Assessment, Status};
use crate::error::Result;
use crate::hours::HOURS_PER_YEAR;
use crate::programs::Program;

/// What the timeline compares from one day to the next. The first fields
/// are the checked outputs; `inputs` are the monotone quantities behind them
/// (years of each kind of experience, each requirement's status), compared
/// too so that a bisection never skips a change undone within its stretch.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct State {
    cec_hours: bool,
    /// CEC's hours and window on the day (`cec_minimums.toml`), for the event's sentence.
    cec_needed: (u32, i16),
    eligible: [bool; 3],
    crs: Option<u16>,
    lines: Vec<(Cow<'static, str>, u16)>,
    pub(super) tests_valid: Vec<bool>,
    inputs: Vec<u32>,
}

fn status_code(s: Status) -> u32 {
    match s {
        Status::Met => 1,
        Status::NotMet => 2,
        Status::Unknown => 3,
    }
}

impl State {
    pub(super) fn of(a: &Assessment) -> Result<State> {
        let cec = &crate::programs::cec::cec_minimums(a.as_of)?.values;
        let pw = &a.facts.program_work;
        let years = |h: f64| (h / f64::from(HOURS_PER_YEAR)).floor() as u32;
        let mut inputs = vec![
            a.facts.canadian_experience.years,
            a.facts.foreign_experience.years,
            a.facts
                .spouse
                .as_ref()
                .map_or(0, |s| s.canadian_experience_years),
            years(pw.cec.qualifying_hours),
            years(pw.fsw.qualifying_hours),
            years(pw.fst.qualifying_hours),
            u32::from(a.facts.age),
        ];
        for p in [&a.programs.cec, &a.programs.fsw, &a.programs.fst] {
            inputs.extend(p.requirements.iter().map(|r| status_code(r.status)));
            if let Some(g) = &p.grid {
                inputs.extend(g.lines.iter().map(|l| u32::from(l.points)));
            }
        }
        Ok(State {
            cec_hours: a
                .facts
                .program_work
                .cec
                .qualifying_hours
                .ge(&f64::from(cec.experience_hours)),
            cec_needed: (cec.experience_hours, cec.window_years),
            eligible: [
                a.programs.cec.eligible == Some(true),
                a.programs.fsw.eligible == Some(true),
                a.programs.fst.eligible == Some(true),
            ],
            crs: a.crs.as_ref().map(|c| c.total),
            lines: a.crs.as_ref().map_or_else(Vec::new, |c| {
                c.lines
                    .iter()
                    .map(|l| (l.factor.clone(), l.points))
                    .collect()
            }),
            tests_valid: a.facts.language_tests.iter().map(|t| t.valid).collect(),
            inputs,
        })
    }
}

/// The events of the change from `a` (on `date` − 1) to `b` (on `date`).
pub(super) fn changes(date: Date, a: &State, b: &State, out: &mut Vec<Event>) {
    if !a.cec_hours && b.cec_hours {
        out.push(Event::new(
            date,
            EventKind::CecHoursReached,
            TimelineText::CecHoursReached {
                hours: b.cec_needed.0,
                years: b.cec_needed.1,
            },
        ));
    }
    for (i, p) in Program::ORDER.into_iter().enumerate() {
        let kind = match (a.eligible[i], b.eligible[i]) {
            (false, true) => EventKind::EligibilityStarts,
            (true, false) => EventKind::EligibilityEnds,
            _ => continue,
        };
        let detail = if kind == EventKind::EligibilityStarts {
            TimelineText::EligibilityStarts(p)
        } else {
            TimelineText::EligibilityEnds(p)
        };
        let mut e = Event::new(date, kind, detail);
        e.program = Some(p);
        out.push(e);
    }
    if a.crs != b.crs {
        let factors = if a.crs.is_some() && b.crs.is_some() {
            let points = |s: &State, f: &str| {
                s.lines
                    .iter()
                    .find(|(id, _)| id == f)
                    .map_or(0, |(_, p)| *p)
            };
            let mut ids: Vec<Cow<'static, str>> = Vec::new();
            for (id, _) in a.lines.iter().chain(b.lines.iter()) {
                if points(a, id) != points(b, id) && !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            ids
        } else {
            Vec::new()
        };
        let mut e = Event::new(
            date,
            EventKind::CrsChange,
            TimelineText::CrsChange {
                before: a.crs,
                after: b.crs,
            },
        );
        e.crs_before = Some(a.crs);
        e.crs_after = Some(b.crs);
        e.factors = Some(factors);
        out.push(e);
    }
}
