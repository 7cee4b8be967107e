//! The facts derived once from a profile (age, education, language tests,
//! hours) that the programs and the CRS read.

use jiff::civil::Date;
use serde::Serialize;

use super::text::AssessText;
use crate::clb::{Ability, Language, LanguageLevels};
use crate::crs::{self, CanadianEducation, EducationLevel};
use crate::error::Result;
use crate::hours::{self, Criteria, HoursTally, Occupations};
use crate::language::{self, ConvertedTest, LanguageTest};
use crate::noc::Noc;
use crate::profile::{Credential, CredentialLevel, Job};
use crate::text::Text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageFact {
    /// Index in `language_tests`.
    pub index: usize,
    pub language: Language,
    pub test: language::TestKind,
    pub test_date: Date,
    pub valid_until: Date,
    /// Valid on `as_of` (taken on or before it and less than two years old).
    pub valid: bool,
    /// The result used for this language (best valid one).
    pub used: bool,
    /// The levels, when the scores could be read on a chart (absent for a
    /// result left out before any chart existed, or whose scores could not be
    /// read and no longer matter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clb: Option<LanguageLevels>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<std::borrow::Cow<'static, str>>,
    /// Why the result cannot count on `as_of` (taken later, more than two
    /// years old, or before IRCC accepted the test).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

impl LanguageFact {
    /// The levels of a result that counts (valid on `as_of`).
    pub fn levels(&self) -> Option<LanguageLevels> {
        if self.valid { self.clb } else { None }
    }
}

/// Education as counted for the CRS.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EducationFact {
    pub crs_level: EducationLevel,
    pub canadian_education: CanadianEducation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// Experience for one purpose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExperienceFact {
    pub hours: f64,
    pub years: u32,
    pub tally: HoursTally,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpouseFacts {
    pub education: EducationLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageLevels>,
    pub canadian_experience_years: u32,
}

/// Age in whole years on `on`. A person born on 29 February turns a year
/// older on 1 March in common years: the Interpretation Act (R.S.C. 1985,
/// c. I-21) s.30 counts age from "the commencement of the anniversary".
pub fn age_on(date_of_birth: Date, on: Date) -> u8 {
    let mut years = i32::from(on.year()) - i32::from(date_of_birth.year());
    if (on.month(), on.day()) < (date_of_birth.month(), date_of_birth.day()) {
        years -= 1;
    }
    years.clamp(0, 255) as u8
}

pub(crate) fn credential_level(level: CredentialLevel) -> EducationLevel {
    match level {
        CredentialLevel::LessThanSecondary => EducationLevel::LessThanSecondary,
        CredentialLevel::Secondary => EducationLevel::Secondary,
        CredentialLevel::OneYear => EducationLevel::OneYear,
        CredentialLevel::TwoYear => EducationLevel::TwoYear,
        CredentialLevel::Bachelors => EducationLevel::Bachelors,
        CredentialLevel::Masters => EducationLevel::Masters,
        CredentialLevel::Doctoral => EducationLevel::Doctoral,
    }
}

pub(crate) fn three_years_or_longer(c: &Credential) -> bool {
    c.level >= CredentialLevel::Bachelors || c.program_years.is_some_and(|y| y >= 3.0)
}

/// The CRS level of one credential. Where a one- or two-year credential's
/// `program_years` says otherwise, the length decides: the CRS grid's levels
/// are "a one-year program", "a two-year program", "a bachelor's degree or a
/// program of three or more years" (CRS criteria page; the CRS tool asks the
/// program's length), so a 3-year college diploma counts at the three-year
/// level in core, spouse, transferability and FSW points alike, as it
/// already did for the Canadian-education points.
pub(crate) fn crs_level_of(c: &Credential) -> EducationLevel {
    let stated = credential_level(c.level);
    match (c.level, c.program_years) {
        (CredentialLevel::OneYear | CredentialLevel::TwoYear, Some(y)) if y >= 3.0 => {
            EducationLevel::Bachelors
        }
        (CredentialLevel::OneYear | CredentialLevel::TwoYear, Some(y)) if y >= 2.0 => {
            EducationLevel::TwoYear
        }
        (CredentialLevel::TwoYear, Some(y)) if y >= 1.0 => EducationLevel::OneYear,
        _ => stated,
    }
}

/// The CRS education level from several credentials: the highest one that
/// counts (Canadian, or foreign with an ECA), or "two or more" when two or
/// more post-secondary credentials count and one is of three years or longer.
pub fn education_fact(creds: &[Credential], as_of: Date) -> EducationFact {
    let mut notes: Vec<Text> = Vec::new();
    let mut counted: Vec<&Credential> = Vec::new();
    for (i, c) in creds.iter().enumerate() {
        if c.completed_on.is_some_and(|d| d > as_of) {
            notes.push(AssessText::CompletedLater { index: i, as_of }.into());
            continue;
        }
        if !c.in_canada && !c.eca && c.level > CredentialLevel::LessThanSecondary {
            notes.push(AssessText::ForeignWithoutEca { index: i }.into());
            continue;
        }
        if let Some(note) = crate::planning::dates::expired_eca_note(i, c, as_of) {
            notes.push(note);
            continue;
        }
        let level = crs_level_of(c);
        if level != credential_level(c.level) {
            notes.push(
                AssessText::LevelFromLength {
                    index: i,
                    years: c.program_years.unwrap_or_default(),
                    level,
                }
                .into(),
            );
        }
        counted.push(c);
    }
    let highest = counted
        .iter()
        .map(|c| crs_level_of(c))
        .max()
        .unwrap_or(EducationLevel::LessThanSecondary);
    let post_secondary: Vec<&&Credential> = counted
        .iter()
        .filter(|c| crs_level_of(c).is_post_secondary())
        .collect();
    let crs_level =
        if post_secondary.len() >= 2 && post_secondary.iter().any(|c| three_years_or_longer(c)) {
            highest.max(EducationLevel::TwoOrMore)
        } else {
            highest
        };
    let canadian_education = counted
        .iter()
        .filter(|c| c.in_canada && credential_level(c.level).is_post_secondary())
        .map(|c| {
            if three_years_or_longer(c) {
                CanadianEducation::ThreeYearOrLonger
            } else {
                CanadianEducation::OneOrTwoYear
            }
        })
        .max()
        .unwrap_or(CanadianEducation::None);
    if canadian_education != CanadianEducation::None {
        notes.push(AssessText::CanadianEducationConditions.into());
    }
    EducationFact {
        crs_level,
        canadian_education,
        notes,
    }
}

/// Each test converted, and the best valid result per language (most CRS
/// first-language points; then the higher sum of levels; then the newest).
///
/// A result that cannot count on `as_of` (taken later, expired, before IRCC
/// accepted the test) never fails the profile: it is listed with the reason
/// and a note. Only a result that could count must have valid scores.
pub(crate) fn language_facts(
    tests: &[LanguageTest],
    as_of: Date,
    prefix: &str,
    notes: &mut Vec<Text>,
) -> Result<Vec<LanguageFact>> {
    let mut facts = Vec::with_capacity(tests.len());
    for (i, t) in tests.iter().enumerate() {
        let left_out = language::left_out(t, as_of);
        let converted = match (language::convert(t), left_out) {
            (Ok(c), _) => Some(c),
            // Scores of a result that cannot count are not checked.
            (Err(_), Some(_)) => None,
            (Err(e), None) => return Err(e.within(&format!("{prefix}language_tests[{i}]"))),
        };
        let left_out = left_out.map(|why| {
            let text: Text = AssessText::TestLeftOut {
                prefix: prefix.is_empty(),
                index: i,
                test: t.test,
                taken: t.test_date,
                why,
                as_of,
            }
            .into();
            notes.push(text.clone());
            text
        });
        let (clb, chart, test_notes) = match converted {
            Some(ConvertedTest {
                levels,
                chart,
                notes,
                ..
            }) => (Some(levels), Some(chart), notes),
            None => (None, None, Vec::new()),
        };
        facts.push(LanguageFact {
            index: i,
            language: t.test.language(),
            test: t.test,
            test_date: t.test_date,
            valid_until: language::valid_until(t.test_date),
            valid: left_out.is_none() && clb.is_some(),
            used: false,
            clb,
            chart,
            left_out,
            notes: test_notes,
        });
    }
    // "Best" ranks by the CRS first-language points in force (without spouse).
    let rules = crs::rule_set_on(as_of).ok();
    let points = |l: &LanguageLevels| rules.map_or(0, |rs| rs.first_language_points(l, false));
    for lang in [Language::English, Language::French] {
        let best = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.language == lang)
            .filter_map(|(i, f)| f.levels().map(|l| (i, f, l)))
            .max_by_key(|(_, f, l)| {
                (
                    points(l),
                    Ability::ALL
                        .iter()
                        .map(|a| u16::from(l.get(*a).scored()))
                        .sum::<u16>(),
                    f.test_date,
                )
            })
            .map(|(i, _, _)| i);
        if let Some(i) = best {
            facts[i].used = true;
        }
    }
    Ok(facts)
}

pub(crate) fn used(facts: &[LanguageFact], lang: Language) -> Option<&LanguageFact> {
    facts.iter().find(|f| f.used && f.language == lang)
}

/// For a program's language minimum, which either official language meets
/// (IRPR ss. 75(2)(d), 87.1(2)(d), 87.2(3)(a): "in either English or
/// French"): the valid result used for a language that `meets`, the first
/// official language's first; when none meets, the first official
/// language's result (else the other's), so the detail shows the closest.
pub(crate) fn either_language(
    tests: &[LanguageFact],
    first: Option<Language>,
    meets: impl Fn(&LanguageLevels) -> bool,
) -> Option<(&LanguageFact, LanguageLevels)> {
    let order = match first {
        Some(l) => [l, l.other()],
        None => [Language::English, Language::French],
    };
    let results: Vec<(&LanguageFact, LanguageLevels)> = order
        .iter()
        .filter_map(|l| used(tests, *l))
        .filter_map(|f| f.levels().map(|l| (f, l)))
        .collect();
    results
        .iter()
        .find(|(_, l)| meets(l))
        .or(results.first())
        .copied()
}

pub(crate) fn experience(
    jobs: &[Job],
    study: &[crate::profile::StudyPeriod],
    permits: &[crate::profile::Permit],
    as_of: Date,
    c: &Criteria,
) -> ExperienceFact {
    let tally = hours::tally(jobs, study, permits, as_of, c);
    ExperienceFact {
        hours: tally.hours,
        years: tally.full_years(),
        tally,
    }
}

/// Foreign experience counts "in only one occupation" (CRS tool): the unit
/// group with the most hours.
pub(crate) fn foreign_experience(jobs: &[Job], as_of: Date) -> (ExperienceFact, Option<Noc>) {
    let mut nocs: Vec<Noc> = jobs
        .iter()
        .filter(|j| !j.in_canada())
        .map(|j| j.noc)
        .collect();
    nocs.sort();
    nocs.dedup();
    let mut best = (
        experience(&[], &[], &[], as_of, &Criteria::CRS_FOREIGN),
        None,
    );
    for noc in nocs {
        let c = Criteria {
            occupations: Occupations::Exactly(noc),
            ..Criteria::CRS_FOREIGN
        };
        let e = experience(jobs, &[], &[], as_of, &c);
        if e.tally.units > best.0.tally.units && noc.teer().is_skilled() {
            best = (e, Some(noc));
        }
    }
    if best.1.is_none() {
        // Report the exclusions of all foreign work when none counts.
        best.0 = experience(jobs, &[], &[], as_of, &Criteria::CRS_FOREIGN);
    }
    best
}
