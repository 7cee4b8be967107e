//! What-if: which single changes raise the CRS and by how much, and the
//! smallest set of changes that reaches a target score.
//!
//! Contract: `shared/contracts/planning.md`, section "What-if" (not yet copied into
//! `docs/contracts/`). Everything works on the assessment's `crs_answers`, so
//! every figure can be re-scored with `landed crs`.
//!
//! - **Options.** For each field a person can change (below), every higher
//!   value that changes the total when only that field changes, with the new
//!   total and the gain. Sorted by gain (largest first); ties by field, in the
//!   contract's order ([`Field`]'s order), then by value, lowest first.
//! - **Plan.** The fewest changed fields, among those a person *makes*
//!   ([`Field::in_plans`]: not the nomination, the certificate of qualification
//!   or the experience years), that bring the total to the target or above;
//!   each field at the lowest value with which the plan still reaches it.
//!   Exact: subsets of 1, 2, … fields, each subset pruned unless all its fields
//!   at their highest values reach the target; inside a subset a depth-first
//!   search assigns values lowest first, pruned again (the fields not yet
//!   assigned at their highest). The CRS never goes down when one answer goes
//!   up (checked by a property test), so both prunings lose nothing. Among
//!   the smallest plans, the one with the lowest total wins (it asks for the
//!   least); ties go to the first in field order, then value order. A
//!   property test checks the search against trying every combination.
//!
//! The fields and their values: `whatif/fields.rs`; the plan search: `whatif/search.rs`.

mod fields;
mod search;
mod text;

use std::borrow::Cow;

use jiff::civil::Date;
use serde::Serialize;

use crate::assess::Assessment;
use crate::clb::LanguageLevels;
use crate::crs::{self, CanadianEducation, CrsAnswers, EducationLevel};
use crate::error::{Result, RulesError};
use crate::hours::{self, Criteria, HOURS_PER_YEAR, Occupations};
use crate::profile::Profile;

pub use fields::Field;
use fields::field_language;
use search::search_with;
pub use search::{Search, search_plan};
pub use text::WhatIfText;

/// The highest target: the CRS's maximum (1,200).
pub const MAX_TARGET: u16 = 1200;

/// How far ahead the day experience years are reached is looked for (days).
const PROJECTION_DAYS: i64 = 11 * 366;

/// A target score, 1 to 1,200: parsed at the edge, so it is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Target(u16);

impl Target {
    /// A target from a number; out of range is an error naming `target`.
    pub fn new(n: i64) -> Result<Target> {
        match u16::try_from(n) {
            Ok(t) if (1..=MAX_TARGET).contains(&t) => Ok(Target(t)),
            _ => Err(RulesError::invalid(
                "target",
                format!("{n} is not a CRS score: the target must be from 1 to 1,200"),
            )),
        }
    }

    /// A target from text (a command-line flag, a query string).
    pub fn parse(s: &str) -> Result<Target> {
        match s.trim().parse::<i64>() {
            Ok(n) => Target::new(n),
            Err(_) => Err(RulesError::invalid(
                "target",
                format!("{s:?} is not a whole number from 1 to 1,200"),
            )),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

/// The target when none is given: the lowest cutoff of the last 6 months'
/// rounds the candidate is eligible for, and the types of those rounds
/// (`cec`, `fsw`, `french`, …) — from the draws data, supplied by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultTarget {
    pub cutoff: u16,
    pub types: Vec<Cow<'static, str>>,
}

impl DefaultTarget {
    /// From the assessment's `outlook`: the 6-month window's lowest cutoff
    /// among the round types the candidate is eligible for, and those types
    /// with that cutoff. `None` without draws data or an eligible round.
    pub fn from_assessment(a: &Assessment) -> Option<DefaultTarget> {
        let window = a.outlook.as_ref()?.windows.iter().find(|w| w.months == 6)?;
        let cutoff = window.lowest_cutoff()?;
        let types = window
            .by_type
            .iter()
            .filter(|(_, t)| t.lowest_cutoff == cutoff)
            .map(|(k, _)| Cow::Borrowed(k.slug()))
            .collect();
        Some(DefaultTarget { cutoff, types })
    }
}

/// A field's value as crs-answers writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A CLB/NCLC level.
    Level(u8),
    Years(u8),
    Flag(bool),
    Education(EducationLevel),
    CanadianEducation(CanadianEducation),
    /// A whole language result, or none (`null`).
    Language(Option<LanguageLevels>),
}

/// One change on its own and what it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIfOption {
    pub field: Field,
    pub from: Value,
    pub to: Value,
    /// The total with only this change.
    pub crs: u16,
    pub gain: u16,
    /// Experience years: the day they are reached if current work goes on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
    pub detail: WhatIfText,
    /// Where the factor's points are published.
    pub source: Cow<'static, str>,
}

/// One field of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: Field,
    pub to: Value,
    /// The value today (an addition to the contract).
    pub from: Value,
    /// The change as a sentence (an addition to the contract).
    pub detail: WhatIfText,
}

/// The fewest changes that reach the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub crs: u16,
    pub detail: WhatIfText,
}

/// The what-if result (contract "What-if").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    pub as_of: Date,
    pub crs: u16,
    pub options: Vec<WhatIfOption>,
    pub target: Option<u16>,
    pub target_basis: Option<WhatIfText>,
    pub plan: Option<Plan>,
    /// Why there is no plan (target met, or out of reach), when there is none
    /// and there is a target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_note: Option<WhatIfText>,
}

/// The CRS total of answers on a day, for a rule set already looked up.
struct Scorer {
    as_of: Date,
}

impl Scorer {
    fn new(as_of: Date) -> Result<Scorer> {
        crs::rule_set_on(as_of)?;
        Ok(Scorer { as_of })
    }
    #[inline]
    fn total(&self, a: &CrsAnswers) -> u16 {
        crs::score_points(a, self.as_of).map_or(0, |p| p.total())
    }
}

/// Every higher value of every field that changes the total on its own.
/// `on` is left empty (it needs the profile: see [`whatif`]).
pub fn options(a: &CrsAnswers, as_of: Date) -> Result<Vec<WhatIfOption>> {
    let scorer = Scorer::new(as_of)?;
    let rs = crs::rule_set_on(as_of)?;
    let base = scorer.total(a);
    let mut out = Vec::new();
    let mut changed = a.clone();
    for field in Field::all_for(a) {
        let from = field.value(a);
        let source = field.source(rs);
        for code in field.code(a) + 1..=field.max_code() {
            field.set(&mut changed, code);
            let total = scorer.total(&changed);
            if total != base {
                let to = field.value(&changed);
                let gain = total.saturating_sub(base);
                out.push(WhatIfOption {
                    field,
                    from,
                    to,
                    crs: total,
                    gain,
                    on: None,
                    detail: WhatIfText::Option {
                        field,
                        language: field_language(a, field),
                        from,
                        to,
                        before: base,
                        after: total,
                        on: None,
                        projected: false,
                    },
                    source: source.clone(),
                });
            }
        }
        changed.clone_from(a);
    }
    // Stable: equal gains keep field order, then value order.
    out.sort_by_key(|o| std::cmp::Reverse(o.gain));
    Ok(out)
}

/// What-if from answers alone (no experience projections): options, target
/// and plan. `target`: the given one, else `default`.
pub fn whatif_answers(
    a: &CrsAnswers,
    as_of: Date,
    target: Option<Target>,
    default: Option<&DefaultTarget>,
) -> Result<WhatIf> {
    a.validate()?;
    let scorer = Scorer::new(as_of)?;
    let crs_now = scorer.total(a);
    let options = options(a, as_of)?;
    let (target, target_basis) = match (target, default) {
        (Some(t), _) => (Some(t.get()), Some(WhatIfText::TargetGiven)),
        (None, Some(d)) => (
            Some(d.cutoff.clamp(1, MAX_TARGET)),
            Some(WhatIfText::TargetFromDraws {
                types: d.types.clone(),
            }),
        ),
        (None, None) => (None, None),
    };
    let (plan, plan_note) = match target {
        None => (None, None),
        Some(t) => match search_with(a, t, &|x| scorer.total(x)) {
            Search::AlreadyMet => (
                None,
                Some(WhatIfText::TargetMet {
                    crs: crs_now,
                    target: t,
                }),
            ),
            Search::OutOfReach => (
                None,
                Some(WhatIfText::OutOfReach {
                    crs: crs_now,
                    target: t,
                }),
            ),
            Search::Plan(changes, reached) => (
                Some(Plan {
                    changes: changes
                        .iter()
                        .map(|&(f, code)| {
                            let (from, to) = (f.value(a), f.value_of(a, code));
                            Change {
                                field: f,
                                to,
                                from,
                                detail: WhatIfText::Change {
                                    field: f,
                                    language: field_language(a, f),
                                    from,
                                    to,
                                },
                            }
                        })
                        .collect(),
                    crs: reached,
                    detail: WhatIfText::Plan {
                        fields: changes.len(),
                        crs: reached,
                        target: t,
                    },
                }),
                None,
            ),
        },
    };
    Ok(WhatIf {
        as_of,
        crs: crs_now,
        options,
        target,
        target_basis,
        plan,
        plan_note,
    })
}

/// What-if for an assessed profile: [`whatif_answers`] on its `crs_answers`,
/// with the day each experience option is reached if current work goes on.
/// Without `crs_answers` (no valid language test) it is an error naming
/// `language_tests`.
pub fn whatif(
    profile: &Profile,
    assessment: &Assessment,
    target: Option<Target>,
    default: Option<&DefaultTarget>,
) -> Result<WhatIf> {
    let Some(a) = assessment.crs_answers.as_ref() else {
        return Err(RulesError::invalid(
            "language_tests",
            "no CRS score can be computed without a valid language test result, so there is nothing to raise yet",
        ));
    };
    let as_of = assessment.as_of;
    let mut w = whatif_answers(a, as_of, target, default)?;
    let foreign = Criteria {
        occupations: assessment
            .facts
            .foreign_experience_noc
            .map_or(Occupations::Skilled, Occupations::Exactly),
        ..Criteria::CRS_FOREIGN
    };
    let spouse_jobs = profile
        .scoring_spouse()
        .map_or(&[][..], |s| &s.work_history[..]);
    for o in &mut w.options {
        let Value::Years(years) = o.to else { continue };
        let hours = u32::from(years) * HOURS_PER_YEAR;
        let on = match o.field {
            Field::CanadianExperienceYears => hours::projected_date(
                &profile.work_history,
                &profile.study_periods,
                &profile.permits,
                as_of,
                &Criteria::CRS_CANADIAN,
                hours,
                PROJECTION_DAYS,
            ),
            Field::ForeignExperienceYears => hours::projected_date(
                &profile.work_history,
                &[],
                &[],
                as_of,
                &foreign,
                hours,
                PROJECTION_DAYS,
            ),
            Field::SpouseCanadianExperienceYears => hours::projected_date(
                spouse_jobs,
                &[],
                &[],
                as_of,
                &Criteria::CRS_CANADIAN,
                hours,
                PROJECTION_DAYS,
            ),
            _ => None,
        };
        // A day after as_of: the years are not held today.
        let on = on.filter(|d| *d > as_of);
        o.on = on;
        if let WhatIfText::Option {
            on: ref mut t_on,
            ref mut projected,
            ..
        } = o.detail
        {
            *t_on = on;
            *projected = true;
        }
    }
    Ok(w)
}

#[cfg(test)]
mod tests;
