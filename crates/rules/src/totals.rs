//! Totals: the numbers of a CRS result or an assessment without their
//! explanations (issue 14). Batch users (consultancies, researchers) want the
//! totals in a spreadsheet; the explained lines are for the person.
//!
//! The field names are the contract's (`../shared/contracts/README.md`): a
//! totals object is the full object with the explanations left out, so a
//! reader of the full output reads a totals object the same way. Nothing in
//! a totals object depends on the output language.

use serde::Serialize;

use crate::Date;
use crate::assess::{Assessment, ProgramResult};
use crate::crs::{CrsAnswers, CrsResult, rule_set_on};
use crate::programs::Program;

/// A CRS result's total, rule set, date and the four section subtotals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CrsTotals<'a> {
    pub total: u16,
    pub rule_set: &'a str,
    pub as_of: Date,
    pub core: u16,
    pub spouse: u16,
    pub skill_transferability: u16,
    pub additional: u16,
}

impl<'a> From<&'a CrsResult> for CrsTotals<'a> {
    fn from(r: &'a CrsResult) -> Self {
        CrsTotals {
            total: r.total,
            rule_set: &r.rule_set,
            as_of: r.as_of,
            core: r.core,
            spouse: r.spouse,
            skill_transferability: r.skill_transferability,
            additional: r.additional,
        }
    }
}

/// Score answers on `answers.as_of`, or `today`, without building the
/// explained lines: the same numbers as [`crate::crs::score_answers`]
/// (a property test holds the two together), validated the same way.
pub fn score_totals(answers: &CrsAnswers, today: Date) -> crate::Result<CrsTotals<'static>> {
    answers.validate()?;
    let as_of = answers.as_of.unwrap_or(today);
    let rs = rule_set_on(as_of)?;
    let p = crate::crs::score_points(answers, as_of)?;
    Ok(CrsTotals {
        total: p.total(),
        rule_set: &rs.id,
        as_of,
        core: p.core,
        spouse: p.spouse,
        skill_transferability: p.skill_transferability,
        additional: p.additional,
    })
}

/// One program's answer without its requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProgramTotals {
    /// `true`, `false`, or `null` when a fact needed to decide is missing.
    pub eligible: Option<bool>,
}

impl From<&ProgramResult> for ProgramTotals {
    fn from(p: &ProgramResult) -> Self {
        ProgramTotals {
            eligible: p.eligible,
        }
    }
}

/// Each program's `eligible`, and the program an invitation would be issued under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProgramsTotals {
    pub cec: ProgramTotals,
    pub fsw: ProgramTotals,
    pub fst: ProgramTotals,
    pub invited_under: Option<Program>,
}

/// An assessment's totals: the date, each program's `eligible` and
/// `invited_under`, and the CRS totals (`null` when the CRS cannot be computed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AssessmentTotals<'a> {
    pub as_of: Date,
    pub programs: ProgramsTotals,
    pub crs: Option<CrsTotals<'a>>,
}

impl<'a> From<&'a Assessment> for AssessmentTotals<'a> {
    fn from(a: &'a Assessment) -> Self {
        AssessmentTotals {
            as_of: a.as_of,
            programs: ProgramsTotals {
                cec: (&a.programs.cec).into(),
                fsw: (&a.programs.fsw).into(),
                fst: (&a.programs.fst).into(),
                invited_under: a.programs.invited_under,
            },
            crs: a.crs.as_ref().map(CrsTotals::from),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::clb::{Clb, Language, LanguageLevels};
    use crate::crs::{CanadianEducation, EducationLevel, JobOfferAnswer, SpouseAnswers};
    use proptest::prelude::*;

    fn clb(n: u8) -> Clb {
        Clb::new(n).unwrap()
    }

    fn worked_example() -> CrsAnswers {
        CrsAnswers {
            as_of: Some(Date::constant(2026, 11, 24)),
            age: 29,
            education: EducationLevel::Bachelors,
            canadian_education: CanadianEducation::None,
            first_language: LanguageLevels {
                language: Language::English,
                listening: clb(7),
                reading: clb(9),
                writing: clb(9),
                speaking: clb(9),
            },
            second_language: None,
            canadian_experience_years: 0,
            foreign_experience_years: 0,
            certificate_of_qualification: false,
            job_offer: JobOfferAnswer::None,
            provincial_nomination: false,
            sibling_in_canada: false,
            spouse: None,
        }
    }

    #[test]
    fn the_worked_example_totals_353_and_serialises_as_the_full_result_without_lines() {
        let a = worked_example();
        let t = score_totals(&a, Date::constant(2026, 1, 1)).unwrap();
        assert_eq!(t.total, 353);
        let full = crate::crs::score_answers(&a, Date::constant(2026, 1, 1)).unwrap();
        assert_eq!(t, CrsTotals::from(&full));
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"total":353,"rule_set":"{}","as_of":"2026-11-24","core":{},"spouse":0,"skill_transferability":{},"additional":0}}"#,
                full.rule_set, full.core, full.skill_transferability
            )
        );
    }

    #[test]
    fn invalid_answers_fail_as_the_full_score_does() {
        let mut a = worked_example();
        a.age = 200;
        let e = score_totals(&a, Date::constant(2026, 1, 1)).unwrap_err();
        let full = crate::crs::score_answers(&a, Date::constant(2026, 1, 1)).unwrap_err();
        assert_eq!(e.field(), full.field());
        assert_eq!(e.message(), full.message());
    }

    proptest! {
        /// The totals path and the explained path agree on every number.
        #[test]
        fn totals_match_the_explained_score(
            age in 17u8..60,
            edu in 0usize..8,
            l in 4u8..=12, r in 4u8..=12, w in 4u8..=12, s in 4u8..=12,
            second in proptest::option::of(4u8..=10),
            cdn in 0u8..7, foreign in 0u8..5,
            spouse in proptest::option::of((0usize..8, 0u8..6)),
            pnp: bool, sibling: bool, coq: bool,
            day in 0i64..1200,
        ) {
            let mut a = worked_example();
            a.as_of = Some(Date::constant(2024, 1, 1).checked_add(jiff::Span::new().days(day)).unwrap());
            a.age = age;
            a.education = EducationLevel::ALL[edu];
            a.first_language = LanguageLevels {
                language: Language::English,
                listening: clb(l), reading: clb(r), writing: clb(w), speaking: clb(s),
            };
            a.second_language = second.map(|n| LanguageLevels {
                language: Language::French,
                listening: clb(n), reading: clb(n), writing: clb(n), speaking: clb(n),
            });
            a.canadian_experience_years = cdn;
            a.foreign_experience_years = foreign;
            a.provincial_nomination = pnp;
            a.sibling_in_canada = sibling;
            a.certificate_of_qualification = coq;
            a.spouse = spouse.map(|(e, y)| SpouseAnswers {
                education: EducationLevel::ALL[e],
                first_language: None,
                canadian_experience_years: y,
            });
            let today = Date::constant(2026, 1, 1);
            match (score_totals(&a, today), crate::crs::score_answers(&a, today)) {
                (Ok(t), Ok(full)) => prop_assert_eq!(t, CrsTotals::from(&full)),
                (Err(e), Err(f)) => prop_assert_eq!(e.message(), f.message()),
                (t, f) => prop_assert!(false, "{t:?} vs {f:?}"),
            }
        }
    }
}
