//! `outlook` in the assessment: today's profile against past rounds.
//!
//! Contract (`planning.md`, "Outlook"): a round counts for a window when its
//! date is on or after `data_as_of` minus `months` calendar months and on or
//! before `data_as_of`. The candidate is eligible for a round when: `general`
//! — some program is eligible; `cec`/`fsw`/`fst` — that program is; `pnp` —
//! a provincial nomination and some program; a category slug — that
//! category's `eligible` is `true`. `cleared` counts eligible rounds whose
//! `cutoff` ≤ `crs`; `by_type` lists the types the candidate is eligible for.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::{Draws, IRCC_PAGE, RoundType};
pub use super::{TypeOutlook, Window};
use crate::text::Text;

/// The windows every outlook has, in months.
pub const WINDOWS: [u8; 2] = [6, 12];

/// What the candidate is eligible for today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Eligibility {
    pub cec: bool,
    pub fsw: bool,
    pub fst: bool,
    /// Holds a provincial nomination.
    pub nominated: bool,
    /// The slugs of the categories whose `eligible` is `true`.
    pub categories: Vec<&'static str>,
}

impl Eligibility {
    /// From an assessment; `nominated` is the profile's `provincial_nomination`.
    pub fn of(a: &impl Assessed, nominated: bool) -> Eligibility {
        a.eligibility(nominated)
    }

    fn some_program(&self) -> bool {
        self.cec || self.fsw || self.fst
    }

    /// Whether a round of type `t` would have considered the candidate.
    pub fn eligible_for(&self, t: RoundType) -> bool {
        match t {
            RoundType::General => self.some_program(),
            RoundType::Cec => self.cec,
            RoundType::Fsw => self.fsw,
            RoundType::Fst => self.fst,
            RoundType::Pnp => self.nominated && self.some_program(),
            RoundType::Other => false,
            c => self.categories.contains(&c.slug()),
        }
    }
}

/// The contract's `outlook`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outlook {
    pub data_as_of: Date,
    /// `crs.total` of the assessment; `null` when it cannot be computed.
    pub crs: Option<u16>,
    pub windows: Vec<Window>,
    /// One plain sentence: the 6-month window at a glance.
    pub detail: Text,
    /// Where the rounds are published.
    pub source: &'static str,
}

/// Today's profile (`eligibility`, `crs`) against the rounds of `draws`.
pub fn outlook(eligibility: &Eligibility, crs: Option<u16>, draws: &Draws) -> Outlook {
    let to = draws.data_as_of;
    let windows: Vec<Window> = WINDOWS
        .iter()
        .map(|&months| {
            let since = to
                .checked_sub(jiff::Span::new().months(i64::from(months)))
                .unwrap_or(Date::MIN);
            let mut w = Window {
                months,
                since,
                rounds: 0,
                eligible_rounds: 0,
                cleared: 0,
                by_type: BTreeMap::new(),
            };
            // Newest first (`Draws::parse` sorts them): the first round seen of a type is its
            // latest, and the scan stops at the window's start instead of reading all 437
            // rounds for each window (BENCHMARKS.md, "Outlook").
            for r in draws
                .rounds
                .iter()
                .skip_while(|r| r.date > to)
                .take_while(|r| r.date >= since)
            {
                w.rounds += 1;
                if !eligibility.eligible_for(r.kind) {
                    continue;
                }
                let cleared = crs.is_some_and(|c| r.cutoff <= c);
                w.eligible_rounds += 1;
                w.cleared += u32::from(cleared);
                let t = w.by_type.entry(r.kind).or_insert(TypeOutlook {
                    rounds: 0,
                    cleared: 0,
                    lowest_cutoff: r.cutoff,
                    latest_cutoff: r.cutoff,
                });
                t.rounds += 1;
                t.cleared += u32::from(cleared);
                t.lowest_cutoff = t.lowest_cutoff.min(r.cutoff);
            }
            w
        })
        .collect();
    let detail = windows
        .first()
        .map(|w| super::DrawsText::summary(crs, w))
        .unwrap_or(super::DrawsText::NoRounds)
        .into();
    Outlook {
        data_as_of: to,
        crs,
        windows,
        detail,
        source: IRCC_PAGE,
    }
}

/// The outlook of an assessment against `draws` (`nominated`: the profile's
/// `provincial_nomination`), e.g. to recompute it with a newer local copy.
pub fn for_assessment(a: &impl Assessed, nominated: bool, draws: &Draws) -> Outlook {
    outlook(&Eligibility::of(a, nominated), a.crs_total(), draws)
}

/// What the outlook reads of an assessment. A trait, implemented by
/// `assess::Assessment`, so that `draws` does not import `assess` (issue 10:
/// no import cycle; `assess` calls the outlook).
pub trait Assessed {
    /// Which programs and categories the candidate is eligible for.
    fn eligibility(&self, nominated: bool) -> Eligibility;
    /// The CRS total, when it can be computed.
    fn crs_total(&self) -> Option<u16>;
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn cec_only() -> Eligibility {
        Eligibility {
            cec: true,
            ..Eligibility::default()
        }
    }

    #[test]
    fn window_counts_by_calendar_months() {
        let d = Draws::embedded();
        let o = outlook(&cec_only(), Some(450), d);
        assert_eq!(o.windows[0].since, Date::constant(2026, 2, 19));
        assert_eq!(o.windows[0].rounds, 41);
        assert_eq!(o.windows[1].rounds, 76);
        let cec = o.windows[0].by_type[&RoundType::Cec];
        assert_eq!(
            (cec.rounds, cec.lowest_cutoff, cec.latest_cutoff),
            (11, 507, 523)
        );
    }

    #[test]
    fn eligibility_per_type() {
        let e = Eligibility {
            fsw: true,
            categories: vec!["french"],
            ..Eligibility::default()
        };
        assert!(e.eligible_for(RoundType::General));
        assert!(e.eligible_for(RoundType::Fsw));
        assert!(!e.eligible_for(RoundType::Cec));
        assert!(!e.eligible_for(RoundType::Pnp));
        assert!(e.eligible_for(RoundType::French));
        assert!(!e.eligible_for(RoundType::Stem));
        assert!(!e.eligible_for(RoundType::Other));
        let pnp = Eligibility {
            nominated: true,
            ..e
        };
        assert!(pnp.eligible_for(RoundType::Pnp));
        let none = Eligibility {
            nominated: true,
            ..Eligibility::default()
        };
        assert!(!none.eligible_for(RoundType::Pnp));
    }

    #[test]
    fn no_crs_clears_nothing() {
        let o = outlook(&cec_only(), None, Draws::embedded());
        assert!(
            o.windows
                .iter()
                .all(|w| w.cleared == 0 && w.eligible_rounds > 0)
        );
    }
}
