//! A full assessment from a profile: the facts derived from the records, the
//! CRS, and program eligibility (Canadian Experience Class here; FSW and FST in
//! `programs`).

use std::fmt::{self, Write as _};

use jiff::civil::Date;
use serde::Serialize;

use crate::clb::{Ability, Clb, Language, LanguageLevels};
use crate::crs::{
    self, CanadianEducation, CrsAnswers, CrsResult, EducationLevel, JobOfferAnswer, SpouseAnswers,
};
use crate::dated::Source;
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, HoursTally, Occupations};
use crate::language::{self, ConvertedTest, LanguageTest, TefScale, TestKind};
use crate::noc::Noc;
use crate::profile::{Credential, CredentialLevel, Job, Profile, Province};
use crate::text::{
    In, Lang, Levels, NotCounted, Num, Say, Text, ability_name, hours_num, language_name,
};

/// `met`, `not_met` or `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

/// One requirement of a program, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirement {
    /// Stable id, e.g. `cec.work_experience` (borrowed: no allocation per result).
    pub id: std::borrow::Cow<'static, str>,
    pub status: Status,
    pub detail: Text,
    /// Borrowed from the rule tables or a fixed page: no copy per result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
}

/// A program's verdict: `eligible` is `null` when a fact needed to decide is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramResult {
    pub eligible: Option<bool>,
    pub requirements: Vec<Requirement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// FSW: the selection grid, factor by factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<crate::programs::Grid>,
}

impl ProgramResult {
    pub fn from_requirements(requirements: Vec<Requirement>, notes: Vec<Text>) -> Self {
        let eligible = if requirements.iter().any(|r| r.status == Status::NotMet) {
            Some(false)
        } else if requirements.iter().all(|r| r.status == Status::Met) {
            Some(true)
        } else {
            None
        };
        ProgramResult {
            eligible,
            requirements,
            notes,
            grid: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programs {
    pub cec: ProgramResult,
    pub fsw: ProgramResult,
    pub fst: ProgramResult,
    /// The program an invitation would be issued under (CEC, then FSW, then FST).
    pub invited_under: Option<crate::programs::Program>,
}

/// One language test as the engine read it.
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

/// What the engine derived from the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    pub age: u8,
    pub first_official_language: Option<Language>,
    pub language_tests: Vec<LanguageFact>,
    pub education: EducationFact,
    /// CEC: hours in Canada in the 3 years before `as_of`.
    pub cec_experience: ExperienceFact,
    /// If not yet 1,560 CEC hours: the day they are reached if current jobs continue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cec_hours_reached_on: Option<Date>,
    /// CRS: skilled Canadian experience in the last 10 years.
    pub canadian_experience: ExperienceFact,
    /// CRS: skilled foreign experience in the last 10 years, in one occupation.
    pub foreign_experience: ExperienceFact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foreign_experience_noc: Option<Noc>,
    pub with_spouse: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spouse: Option<SpouseFacts>,
    /// Per program: the qualifying hours, the occupations they count in, and each excluded period.
    pub program_work: crate::programs::ProgramWork,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpouseFacts {
    pub education: EducationLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageLevels>,
    pub canadian_experience_years: u32,
}

/// The assessment contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: Date,
    pub programs: Programs,
    /// Category-based selection: each category in force on `as_of`.
    pub categories: crate::programs::CategorySelection,
    pub crs: Option<CrsResult>,
    /// The CRS answers derived from the profile (what the official tool would be told).
    pub crs_answers: Option<CrsAnswers>,
    pub facts: Facts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Today's profile against past rounds of invitations (`crate::draws::outlook`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook: Option<crate::draws::Outlook>,
}

/// CEC's numbers (`data/programs/cec_minimums.toml`): the hours, the window,
/// the weekly cap and the CLB level by TEER, with their source.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CecMinimums {
    pub experience_hours: u32,
    pub window_years: i16,
    pub weekly_cap_hours: u32,
    pub clb_teer_0_1: u8,
    pub clb_teer_2_3: u8,
}

static CEC_MINIMUMS: std::sync::LazyLock<Result<crate::dated::Table<CecMinimums>, String>> =
    std::sync::LazyLock::new(|| {
        crate::dated::Table::from_embedded(include_str!("../data/programs/cec_minimums.toml"))
    });

/// The CEC minimums in force on `as_of`.
pub fn cec_minimums(as_of: Date) -> Result<&'static crate::dated::Version<CecMinimums>> {
    let table = CEC_MINIMUMS.as_ref().map_err(|e| {
        crate::error::RulesError::invalid("rules", format!("cec_minimums.toml is invalid: {e}"))
    })?;
    table
        .in_force(as_of)
        .ok_or(crate::error::RulesError::DateNotCovered {
            table: "programs.cec.minimums",
            date: as_of,
            earliest: table.earliest(),
        })
}

static CEC_SOURCE_C1: Source = Source::fixed(CEC_TITLE, CEC_PAGE, "C1");
static CEC_SOURCE_C2: Source = Source::fixed(CEC_TITLE, CEC_PAGE, "C2");
static VALIDITY_SOURCE: Source = Source::fixed(
    "Ministerial Instructions respecting the Express Entry system, s.3(4) (2017 amendment)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html",
    "C1",
);

const CEC_PAGE: &str = "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html";
const CEC_TITLE: &str = "Eligibility to apply for the Canadian Experience Class (Express Entry)";

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

fn credential_level(level: CredentialLevel) -> EducationLevel {
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

fn three_years_or_longer(c: &Credential) -> bool {
    c.level >= CredentialLevel::Bachelors || c.program_years.is_some_and(|y| y >= 3.0)
}

/// The CRS level of one credential. Where a one- or two-year credential's
/// `program_years` says otherwise, the length decides: the CRS grid's levels
/// are "a one-year program", "a two-year program", "a bachelor's degree or a
/// program of three or more years" (CRS criteria page; the CRS tool asks the
/// program's length), so a 3-year college diploma counts at the three-year
/// level in core, spouse, transferability and FSW points alike, as it
/// already did for the Canadian-education points.
fn crs_level_of(c: &Credential) -> EducationLevel {
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
            notes.push(CecText::CompletedLater { index: i, as_of }.into());
            continue;
        }
        if !c.in_canada && !c.eca && c.level > CredentialLevel::LessThanSecondary {
            notes.push(CecText::ForeignWithoutEca { index: i }.into());
            continue;
        }
        if let Some(note) = crate::planning::dates::expired_eca_note(i, c, as_of) {
            notes.push(note);
            continue;
        }
        let level = crs_level_of(c);
        if level != credential_level(c.level) {
            notes.push(
                CecText::LevelFromLength {
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
        notes.push(CecText::CanadianEducationConditions.into());
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
fn language_facts(
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
            let text: Text = CecText::TestLeftOut {
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

fn used(facts: &[LanguageFact], lang: Language) -> Option<&LanguageFact> {
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

fn experience(
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
fn foreign_experience(jobs: &[Job], as_of: Date) -> (ExperienceFact, Option<Noc>) {
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

/// Assess a profile on its `as_of` (or `today`). Validates the profile first.
pub fn assess(profile: &Profile, today: Date) -> Result<Assessment> {
    // Scores are validated by `language_facts`, which converts every test once.
    profile.validate_records(today, false)?;
    let as_of = profile.as_of.unwrap_or(today);
    let mut notes: Vec<Text> = Vec::new();
    later_records(profile, as_of, &mut notes);

    let age = age_on(profile.date_of_birth, as_of);
    let education = education_fact(&profile.education, as_of);
    let tests = language_facts(&profile.language_tests, as_of, "", &mut notes)?;

    let cec_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        &profile.permits,
        as_of,
        &Criteria::CEC,
    );
    let canadian_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        &profile.permits,
        as_of,
        &Criteria::CRS_CANADIAN,
    );
    let (foreign, foreign_noc) = foreign_experience(&profile.work_history, as_of);

    // Spouse factors (accompanying, not a citizen or PR).
    let spouse = profile.scoring_spouse();
    if profile.marital_status.has_partner() && profile.spouse.is_none() {
        notes.push(CecText::SpouseDetailsMissing.into());
    }
    let spouse_facts = match spouse {
        Some(sp) => {
            let sp_tests = language_facts(&sp.language_tests, as_of, "spouse.", &mut notes)?;
            let rules = crs::rule_set_on(as_of).ok();
            let best = sp_tests
                .iter()
                .filter(|f| f.used)
                .filter_map(LanguageFact::levels)
                .max_by_key(|l| rules.map_or(0, |rs| rs.first_language_points(l, false)));
            Some(SpouseFacts {
                education: education_fact(&sp.education, as_of).crs_level,
                language: best,
                canadian_experience_years: experience(
                    &sp.work_history,
                    &[],
                    &[],
                    as_of,
                    &Criteria::CRS_CANADIAN,
                )
                .years,
            })
        }
        None => None,
    };

    let build_answers = |first: LanguageLevels, second: Option<LanguageLevels>| CrsAnswers {
        as_of: Some(as_of),
        age,
        education: education.crs_level,
        canadian_education: education.canadian_education,
        first_language: first,
        second_language: second,
        canadian_experience_years: canadian_experience.years.min(60) as u8,
        foreign_experience_years: foreign.years.min(60) as u8,
        certificate_of_qualification: profile.certificate_of_qualification.is_some(),
        job_offer: match &profile.job_offer {
            Some(o) if o.is_qualifying() && o.noc.major_group() == "00" => {
                JobOfferAnswer::MajorGroup00
            }
            Some(o) if o.is_qualifying() && o.noc.teer().is_skilled() => JobOfferAnswer::Teer0123,
            _ => JobOfferAnswer::None,
        },
        provincial_nomination: profile.provincial_nomination,
        sibling_in_canada: profile.sibling_in_canada,
        spouse: spouse_facts.as_ref().map(|s| SpouseAnswers {
            education: s.education,
            first_language: s.language,
            canadian_experience_years: s.canadian_experience_years.min(60) as u8,
        }),
    };

    let cec_min = cec_minimums(as_of)?;
    let cec_hours_reached_on = if cec_experience
        .tally
        .at_least(cec_min.values.experience_hours)
    {
        None
    } else {
        hours::projected_date(
            &profile.work_history,
            &profile.study_periods,
            &profile.permits,
            as_of,
            &Criteria::CEC,
            cec_min.values.experience_hours,
            3 * 366,
        )
    };

    // The first official language: declared, else the choice that makes the
    // candidate eligible for the most programs, then scores the higher CRS.
    // The programs' language minimums are met by either official language
    // (IRPR ss. 75(2)(d), 87.1(2)(d), 87.2(3)(a)); only the CRS and the FSW
    // grid's first/second-language points depend on the choice.
    let levels_of = |l: Language| used(&tests, l).and_then(LanguageFact::levels);
    let choices: Vec<Option<Language>> = match profile.first_official_language {
        Some(declared) => {
            if levels_of(declared).is_none() {
                notes.push(
                    CecText::DeclaredLanguageUntested {
                        language: declared,
                        as_of,
                    }
                    .into(),
                );
            }
            vec![Some(declared)]
        }
        None => {
            let tested: Vec<Option<Language>> = [Language::English, Language::French]
                .into_iter()
                .filter(|l| levels_of(*l).is_some())
                .map(Some)
                .collect();
            if tested.is_empty() {
                vec![None]
            } else {
                tested
            }
        }
    };
    let mut evaluated: Vec<Choice> = Vec::with_capacity(choices.len());
    for first in choices {
        let answers = first
            .and_then(levels_of)
            .map(|levels| build_answers(levels, first.and_then(|l| levels_of(l.other()))));
        let total = match &answers {
            Some(a) => Some(crs::score_points(a, as_of)?.total()),
            None => None,
        };
        let cec = cec_program(
            &cec_min.values,
            profile,
            as_of,
            &cec_experience,
            cec_hours_reached_on,
            first,
            &tests,
        );
        let ctx = crate::programs::Context {
            profile,
            as_of,
            tests: &tests,
            first_language: first,
            education: &education,
            spouse: spouse_facts.as_ref(),
        };
        let (fsw, fsw_work) = crate::programs::fsw(&ctx)?;
        let (fst, fst_work) = crate::programs::fst(&ctx)?;
        evaluated.push(Choice {
            first,
            answers,
            total,
            cec,
            fsw,
            fst,
            fsw_work,
            fst_work,
        });
    }
    let best_index = (0..evaluated.len())
        .max_by_key(|i| {
            let c = &evaluated[*i];
            // `Reverse(i)`: on a tie the earlier choice (English) stays.
            (c.eligible_count(), c.total, std::cmp::Reverse(*i))
        })
        .unwrap_or(0);
    if evaluated.len() == 2 {
        let (chosen, other) = (&evaluated[best_index], &evaluated[1 - best_index]);
        let programs_differ = chosen.eligibility() != other.eligibility();
        if (programs_differ || chosen.total != other.total)
            && let (Some(language), Some(other_language)) = (chosen.first, other.first)
        {
            {
                notes.push(
                    CecText::FirstLanguageChosen {
                        language,
                        other: other_language,
                        crs: chosen.total,
                        other_crs: other.total,
                        programs_differ,
                    }
                    .into(),
                );
            }
        }
    }
    let Some(chosen) = evaluated.into_iter().nth(best_index) else {
        return Err(crate::error::RulesError::invalid(
            "first_official_language",
            "no choice of first official language could be assessed",
        ));
    };
    let Choice {
        first: first_official_language,
        answers,
        cec,
        fsw,
        fst,
        fsw_work,
        fst_work,
        ..
    } = chosen;
    let crs_result = match answers {
        Some(a) => Some((crs::score_explained(&a, as_of)?, a)),
        None => None,
    };
    if crs_result.is_none() {
        notes.push(CecText::NoCrsScore.into());
    }

    let ctx = crate::programs::Context {
        profile,
        as_of,
        tests: &tests,
        first_language: first_official_language,
        education: &education,
        spouse: spouse_facts.as_ref(),
    };
    let categories = crate::programs::categories(&ctx, [&cec, &fsw, &fst])?;
    let (invited_under, invite_notes) = crate::programs::invited_under(profile, &cec, &fsw, &fst);
    notes.extend(invite_notes);
    let program_work = crate::programs::ProgramWork {
        cec: crate::programs::cec_work(&cec_experience.tally),
        fsw: fsw_work,
        fst: fst_work,
    };
    let programs = Programs {
        cec,
        fsw,
        fst,
        invited_under,
    };

    let facts = Facts {
        age,
        first_official_language,
        language_tests: tests,
        education,
        cec_experience,
        cec_hours_reached_on,
        canadian_experience,
        foreign_experience: foreign,
        foreign_experience_noc: foreign_noc,
        with_spouse: spouse.is_some(),
        spouse: spouse_facts,
        program_work,
    };
    let (crs_answers, crs) = match crs_result {
        Some((r, a)) => (Some(a), Some(r)),
        None => (None, None),
    };
    if crs.is_some() {
        notes.push(CecText::CrsCanadianExperienceNotSettled.into());
    }
    notes.extend(crate::currency::notes(as_of, false));
    let mut assessment = Assessment {
        as_of,
        programs,
        categories,
        crs,
        crs_answers,
        facts,
        notes,
        outlook: None,
    };
    let draws = crate::draws::Draws::embedded();
    if !draws.rounds.is_empty() {
        let o = crate::draws::outlook::for_assessment(
            &assessment,
            profile.provincial_nomination,
            draws,
        );
        assessment.outlook = Some(o);
    }
    Ok(assessment)
}

/// One choice of first official language, assessed.
struct Choice {
    first: Option<Language>,
    answers: Option<CrsAnswers>,
    total: Option<u16>,
    cec: ProgramResult,
    fsw: ProgramResult,
    fst: ProgramResult,
    fsw_work: crate::programs::WorkFact,
    fst_work: crate::programs::WorkFact,
}

impl Choice {
    fn eligibility(&self) -> [Option<bool>; 3] {
        [self.cec.eligible, self.fsw.eligible, self.fst.eligible]
    }
    fn eligible_count(&self) -> usize {
        self.eligibility()
            .iter()
            .filter(|e| **e == Some(true))
            .count()
    }
}

/// Records dated after `as_of` do not count on it, whatever today is: each
/// is named in a note (tests are noted by `language_facts`, credentials by
/// `education_fact`).
fn later_records(profile: &Profile, as_of: Date, notes: &mut Vec<Text>) {
    let jobs = profile.work_history.iter().map(|j| (true, "", j.start));
    let spouse_jobs = profile
        .spouse
        .iter()
        .flat_map(|s| s.work_history.iter().map(|j| (true, "spouse.", j.start)));
    let study = profile.study_periods.iter().map(|s| (false, "", s.start));
    let mut index = [0usize; 3];
    for (job, prefix, start) in jobs.chain(spouse_jobs).chain(study) {
        let slot = match (job, prefix.is_empty()) {
            (true, true) => 0,
            (true, false) => 1,
            (false, _) => 2,
        };
        let i = index[slot];
        index[slot] += 1;
        if start > as_of {
            notes.push(
                CecText::RecordAfterAsOf {
                    spouse: !prefix.is_empty(),
                    job,
                    index: i,
                    start,
                    as_of,
                }
                .into(),
            );
        }
    }
}

/// The CEC checklist (IRPR s.87.1; the CEC page). `reaches_on`: the day the
/// hours would reach 1,560 if current jobs continue, when not reached yet.
fn cec_program(
    min: &CecMinimums,
    profile: &Profile,
    as_of: Date,
    exp: &ExperienceFact,
    reaches_on: Option<Date>,
    first_language: Option<Language>,
    tests: &[LanguageFact],
) -> ProgramResult {
    let mut reqs = Vec::new();
    let mut notes: Vec<Text> = Vec::new();
    let t = &exp.tally;
    let cec_src = || Some(&CEC_SOURCE_C1);

    // 1. Work experience: 1,560 hours in the 3 years before applying.
    let mut work_status = if t.at_least(min.experience_hours) {
        Status::Met
    } else {
        Status::NotMet
    };
    // A self-employed physician's work counts when it provides publicly funded
    // services (CEC page, temporary public policy). When the profile does not
    // say, and that work would decide, the answer is unknown, never a plain no.
    if work_status == Status::NotMet
        && profile
            .work_history
            .iter()
            .any(|j| j.is_self_employed_physician() && j.publicly_funded.is_none())
    {
        let if_public: Vec<Job> = profile
            .work_history
            .iter()
            .map(|j| Job {
                publicly_funded: if j.is_self_employed_physician() {
                    j.publicly_funded.or(Some(true))
                } else {
                    j.publicly_funded
                },
                ..j.clone()
            })
            .collect();
        if hours::counted(
            &if_public,
            &profile.study_periods,
            &profile.permits,
            as_of,
            &Criteria::CEC,
        )
        .at_least(min.experience_hours)
        {
            work_status = Status::Unknown;
            notes.push(CecText::PhysicianFundingUnknown.into());
        }
    }
    reqs.push(Requirement {
        id: "cec.work_experience".into(),
        status: work_status,
        detail: CecText::WorkExperience {
            recorded: !profile.work_history.is_empty(),
            hours: t.hours,
            from: t.window_from,
            to: t.window_to,
            not_counted: ExclusionReasons::of(&t.excluded),
            reaches_on,
        }
        .into(),
        source: cec_src(),
    });

    // 2. Language level for the kind of work: CLB 7 for TEER 0/1, CLB 5 for TEER 2/3.
    let teer01_hours: f64 = t
        .jobs
        .iter()
        .filter(|j| j.teer.level() <= 1)
        .map(|j| j.hours)
        .sum();
    // Only needed when TEER 0/1 work counts: how much TEER 2/3 work is there on its own?
    let teer23 = (teer01_hours > 0.0).then(|| {
        hours::counted(
            &profile.work_history,
            &profile.study_periods,
            &profile.permits,
            as_of,
            &Criteria {
                occupations: Occupations::Only(|n| matches!(n.teer().level(), 2 | 3)),
                ..Criteria::CEC
            },
        )
    });
    let basis = match &teer23 {
        _ if t.jobs.is_empty() => LanguageBasis::NoQualifyingWork,
        None => LanguageBasis::Teer23,
        Some(t23) if t23.at_least(min.experience_hours) => {
            notes.push(CecText::MixedTeer { teer23_alone: true }.into());
            LanguageBasis::MixedTeer23Alone
        }
        Some(t23) if t23.units > 0 => {
            notes.push(
                CecText::MixedTeer {
                    teer23_alone: false,
                }
                .into(),
            );
            LanguageBasis::MixedTeer01Needed
        }
        Some(_) => LanguageBasis::Teer01,
    };
    // Either official language meets it (IRPR s.87.1(2)(d): "English or French").
    // The levels by TEER come from the table (`clb_teer_0_1`, `clb_teer_2_3`).
    let (teer01_level, teer23_level) = (min.clb_teer_0_1, min.clb_teer_2_3);
    let status_of = |levels: &LanguageLevels| {
        let lowest = levels.min_scored();
        let needed = basis.needed().map(|l| {
            if l == LanguageBasis::TEER01 {
                teer01_level
            } else {
                teer23_level
            }
        });
        match needed {
            Some(level) if lowest >= level => Status::Met,
            Some(_) => Status::NotMet,
            None if lowest >= teer01_level => Status::Met,
            None if lowest < teer23_level => Status::NotMet,
            None => Status::Unknown,
        }
    };
    let chosen = either_language(tests, first_language, |l| status_of(l) == Status::Met);
    let (lang_status, lang_detail) = match chosen {
        Some((_, levels)) => (status_of(&levels), CecText::LanguageLevel { basis, levels }),
        None if !tests.is_empty() => (Status::NotMet, CecText::NoValidLanguageTest),
        None => (Status::Unknown, CecText::NoLanguageTest),
    };
    reqs.push(Requirement {
        id: "cec.language".into(),
        status: lang_status,
        detail: lang_detail.into(),
        source: Some(&CEC_SOURCE_C2),
    });

    // 3. A valid result: less than two years old (MI s.3(4)).
    let valid = chosen.map(|(f, _)| f);
    let expired = tests.iter().find(|f| !f.valid);
    let (status, detail) = if let Some(f) = valid {
        (
            Status::Met,
            CecText::TestValid {
                test: f.test,
                taken: f.test_date,
                until: f.valid_until,
            },
        )
    } else if let Some(e) = expired {
        (
            Status::NotMet,
            if e.test_date > as_of {
                CecText::TestAfterAssessmentDate {
                    test: e.test,
                    taken: e.test_date,
                    as_of,
                }
            } else {
                CecText::TestExpired {
                    test: e.test,
                    taken: e.test_date,
                    until: e.valid_until,
                }
            },
        )
    } else {
        (Status::Unknown, CecText::NoTestResult)
    };
    reqs.push(Requirement {
        id: "cec.language_test_valid".into(),
        status,
        detail: detail.into(),
        source: Some(&VALIDITY_SOURCE),
    });

    // 4. Live outside Quebec.
    let (status, detail) = match profile.intended_province {
        Some(Province::QC) => (Status::NotMet, CecText::Quebec),
        Some(p) => (Status::Met, CecText::OutsideQuebec(p)),
        None => (Status::Unknown, CecText::ProvinceMissing),
    };
    reqs.push(Requirement {
        id: "cec.province".into(),
        status,
        detail: detail.into(),
        source: Some(&CEC_SOURCE_C2),
    });

    // 5. No education requirement.
    reqs.push(Requirement {
        id: "cec.education".into(),
        status: Status::Met,
        detail: CecText::NoEducationRequirement.into(),
        source: Some(&CEC_SOURCE_C2),
    });
    notes.push(crate::programs::ProgramText::AdmissibilityNotAssessed.into());
    ProgramResult::from_requirements(reqs, notes)
}

/// Why the CEC language requirement is the level it is: the TEER of the qualifying work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageBasis {
    /// No qualifying work yet: 7 for TEER 0 or 1, 5 for TEER 2 or 3.
    NoQualifyingWork,
    /// All TEER 2 or 3: CLB 5.
    Teer23,
    /// Mixed, and the TEER 2 or 3 work alone reaches 1,560 hours: CLB 5.
    MixedTeer23Alone,
    /// Mixed, and TEER 0 or 1 work is needed to reach 1,560 hours: CLB 7.
    MixedTeer01Needed,
    /// All TEER 0 or 1: CLB 7.
    Teer01,
}

impl LanguageBasis {
    /// The levels the sentences name; `cec_minimums.toml` holds the same
    /// numbers (a test keeps them equal), and the checks read the table.
    pub const TEER01: u8 = 7;
    pub const TEER23: u8 = 5;

    /// The level needed in all four abilities; `None` before any qualifying work.
    pub fn needed(self) -> Option<u8> {
        match self {
            LanguageBasis::NoQualifyingWork => None,
            LanguageBasis::Teer23 | LanguageBasis::MixedTeer23Alone => Some(Self::TEER23),
            LanguageBasis::MixedTeer01Needed | LanguageBasis::Teer01 => Some(Self::TEER01),
        }
    }
}

/// What the CEC checklist and the assessment say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CecText {
    // --- The CEC checklist -------------------------------------------------
    /// Qualifying hours in the 3-year window (`recorded`: any work entered at
    /// all), what was not counted, and the day 1,560 hours would be reached.
    WorkExperience {
        recorded: bool,
        hours: f64,
        from: Date,
        to: Date,
        not_counted: ExclusionReasons,
        reaches_on: Option<Date>,
    },
    /// The first official language's valid result against the level the work needs.
    LanguageLevel {
        basis: LanguageBasis,
        levels: LanguageLevels,
    },
    NoValidLanguageTest,
    NoLanguageTest,
    TestValid {
        test: TestKind,
        taken: Date,
        until: Date,
    },
    TestAfterAssessmentDate {
        test: TestKind,
        taken: Date,
        as_of: Date,
    },
    TestExpired {
        test: TestKind,
        taken: Date,
        until: Date,
    },
    NoTestResult,
    Quebec,
    OutsideQuebec(Province),
    ProvinceMissing,
    NoEducationRequirement,

    // --- CEC notes ---------------------------------------------------------
    /// Mixed TEER 0/1 and 2/3 work: CLB 5 when the TEER 2/3 work alone reaches 1,560 hours, else 7.
    MixedTeer {
        teer23_alone: bool,
    },

    // --- Facts: education --------------------------------------------------
    /// `education[index]` is completed after the assessment date.
    CompletedLater {
        index: usize,
        as_of: Date,
    },
    /// `education[index]` is foreign and has no ECA.
    ForeignWithoutEca {
        index: usize,
    },
    CanadianEducationConditions,
    /// `education[index]`'s length decides its level.
    LevelFromLength {
        index: usize,
        years: f64,
        level: EducationLevel,
    },

    // --- Facts: language tests (from [`crate::language::convert`]) ---------
    /// TEF Canada without `tef_scale`: the scale assumed from the test date.
    TefScaleAssumed(TefScale),
    /// A score under the lowest level the chart publishes.
    BelowChart {
        ability: Ability,
        score: f64,
        test: TestKind,
        lowest: Clb,
    },
    /// TEF Canada 0–699 scores where the Express Entry profile asks for the ancien score.
    Tef699Entered,

    // --- Assessment notes --------------------------------------------------
    /// `language_tests[index]` (`prefix`: the candidate's, else the spouse's) cannot count on `as_of`.
    TestLeftOut {
        prefix: bool,
        index: usize,
        test: TestKind,
        taken: Date,
        why: language::LeftOut,
        as_of: Date,
    },
    /// Both official languages tested and none declared first: the choice made, and what the other would give.
    FirstLanguageChosen {
        language: Language,
        other: Language,
        crs: Option<u16>,
        other_crs: Option<u16>,
        programs_differ: bool,
    },
    /// A job or study period that starts after the assessment date.
    RecordAfterAsOf {
        spouse: bool,
        job: bool,
        index: usize,
        start: Date,
        as_of: Date,
    },
    SpouseDetailsMissing,
    /// A self-employed physician's job decides CEC and the profile does not say whether it was publicly funded.
    PhysicianFundingUnknown,
    DeclaredLanguageUntested {
        language: Language,
        as_of: Date,
    },
    NoCrsScore,
    CrsCanadianExperienceNotSettled,
}

/// 1,560 hours: the CEC's year of work.
const YEAR_HOURS: Num = Num(hours::HOURS_PER_YEAR as u64);

impl Say for CecText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        let year = In(&YEAR_HOURS, lang);
        match self {
            CecText::WorkExperience {
                recorded,
                hours,
                from,
                to,
                not_counted,
                reaches_on,
            } => {
                match (recorded, fr) {
                    (false, false) => write!(
                        f,
                        "No work recorded; CEC needs {year} hours of skilled work in Canada between {from} and {to}"
                    )?,
                    (false, true) => write!(
                        f,
                        "Aucun emploi enregistré; la CEC exige {year} heures de travail qualifié au Canada entre le {from} et le {to}"
                    )?,
                    (true, false) => write!(
                        f,
                        "{} qualifying hours in Canada between {from} and {to} ({year} needed)",
                        In(&hours_num(*hours), lang)
                    )?,
                    (true, true) => {
                        let h = hours_num(*hours);
                        let (heures, admissibles) = if h.0 < 2 {
                            ("heure", "admissible")
                        } else {
                            ("heures", "admissibles")
                        };
                        write!(
                            f,
                            "{} {heures} de travail qualifié {admissibles} au Canada entre le {from} et le {to} ({year} requises)",
                            In(&h, lang)
                        )?
                    }
                }
                NotCounted(*not_counted).say(lang, f)?;
                match reaches_on {
                    Some(day) if fr => write!(
                        f,
                        "; si vous continuez à travailler le même nombre d’heures, vous atteindrez {year} heures le {day}"
                    ),
                    Some(day) => write!(
                        f,
                        "; if your current work continues at the same hours, you reach {year} hours on {day}"
                    ),
                    None => Ok(()),
                }
            }
            CecText::LanguageLevel { basis, levels } => {
                let name = language_name(levels.language, lang);
                let result = In(&Levels(*levels), lang);
                let Some(level) = basis.needed() else {
                    return if fr {
                        write!(
                            f,
                            "Aucun travail admissible pour l’instant : il faut CLB/NCLC 7 pour un travail de FEER 0 ou 1 et CLB/NCLC 5 pour un travail de FEER 2 ou 3; votre résultat en {name} est {result}"
                        )
                    } else {
                        write!(
                            f,
                            "no qualifying work yet: CLB 7 is needed for TEER 0 or 1 work, CLB 5 for TEER 2 or 3; your {name} result is {result}"
                        )
                    };
                };
                let b = levels.language.benchmark();
                let min = levels.min_scored();
                let weakest = Weakest(*levels);
                if fr {
                    write!(f, "Il faut {b} {level} dans les quatre habiletés, car ")?;
                    f.write_str(match basis {
                        LanguageBasis::Teer23 => "le travail admissible relève de la FEER 2 ou 3",
                        LanguageBasis::MixedTeer23Alone => {
                            "le travail de FEER 2 ou 3 atteint à lui seul 1\u{202f}560 heures (FEER mixtes : règle non établie)"
                        }
                        LanguageBasis::MixedTeer01Needed => {
                            "le travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures (FEER mixtes : règle non établie)"
                        }
                        LanguageBasis::Teer01 | LanguageBasis::NoQualifyingWork => {
                            "le travail admissible relève de la FEER 0 ou 1"
                        }
                    })?;
                    write!(f, "; votre résultat en {name} est {result} ")?;
                    if weakest.count() == Ability::ALL.len() {
                        write!(f, "(les quatre habiletés sont à {min})")
                    } else {
                        write!(
                            f,
                            "(niveau le plus faible : {}, à {min})",
                            In(&weakest, lang)
                        )
                    }
                } else {
                    write!(f, "{b} {level} needed in all four abilities because ")?;
                    f.write_str(match basis {
                        LanguageBasis::Teer23 => "the qualifying work is TEER 2 or 3",
                        LanguageBasis::MixedTeer23Alone => {
                            "the TEER 2 or 3 work alone reaches 1,560 hours (mixed TEER: not settled)"
                        }
                        LanguageBasis::MixedTeer01Needed => {
                            "TEER 0 or 1 work is needed to reach 1,560 hours (mixed TEER: not settled)"
                        }
                        LanguageBasis::Teer01 | LanguageBasis::NoQualifyingWork => {
                            "the qualifying work is TEER 0 or 1"
                        }
                    })?;
                    write!(
                        f,
                        "; your {name} result is {result} (lowest: {} at {min})",
                        In(&weakest, lang)
                    )
                }
            }
            CecText::NoValidLanguageTest => f.write_str(lang.pick(
                "No valid language test result on the assessment date (results count for two years from the test date)",
                "Aucun résultat de test de langue valide à la date de l’évaluation (un résultat compte pendant deux ans à partir de la date du test)",
            )),
            CecText::NoLanguageTest => f.write_str(lang.pick(
                "No language test recorded; CEC needs CLB/NCLC 7 in all four abilities for TEER 0 or 1 work, or 5 for TEER 2 or 3",
                "Aucun test de langue enregistré; la CEC exige CLB/NCLC 7 dans les quatre habiletés pour un travail de FEER 0 ou 1, ou 5 pour un travail de FEER 2 ou 3",
            )),
            CecText::TestValid { test, taken, until } => {
                let t = test.display_name();
                if fr {
                    write!(f, "Le test {t} passé le {taken} est valide jusqu’au {until}")
                } else {
                    write!(f, "{t} taken {taken} is valid until {until}")
                }
            }
            CecText::TestAfterAssessmentDate { test, taken, as_of } => {
                let t = test.display_name();
                if fr {
                    write!(
                        f,
                        "Le test {t} passé le {taken} est postérieur à la date de l’évaluation ({as_of})"
                    )
                } else {
                    write!(f, "{t} taken {taken} is after the assessment date {as_of}")
                }
            }
            CecText::TestExpired {
                test,
                taken,
                until,
            } => {
                let t = test.display_name();
                if fr {
                    write!(
                        f,
                        "Le test {t} passé le {taken} a expiré le {until} : un résultat compte pendant deux ans"
                    )
                } else {
                    write!(
                        f,
                        "{t} taken {taken} expired on {until}: results count for two years"
                    )
                }
            }
            CecText::NoTestResult => f.write_str(lang.pick(
                "No language test result recorded",
                "Aucun résultat de test de langue enregistré",
            )),
            CecText::Quebec => f.write_str(lang.pick(
                "You plan to live in Quebec: Quebec selects its own skilled workers; see the Quebec Experience Class (PEQ) instead",
                "Vous prévoyez vivre au Québec : le Québec sélectionne ses propres travailleurs qualifiés; voyez plutôt le Programme de l’expérience québécoise (PEQ)",
            )),
            CecText::OutsideQuebec(p) => {
                if fr {
                    write!(f, "Vous prévoyez vivre en dehors du Québec ({})", p.as_str())
                } else {
                    write!(f, "You plan to live in {} (outside Quebec)", p.as_str())
                }
            }
            CecText::ProvinceMissing => f.write_str(lang.pick(
                "Intended province not given: CEC requires you to plan to live outside Quebec",
                "Province de destination non indiquée : la CEC exige que vous prévoyiez vivre en dehors du Québec",
            )),
            CecText::NoEducationRequirement => f.write_str(lang.pick(
                "There is no education requirement for the Canadian Experience Class",
                "Il n’y a aucune exigence en matière d’études pour la catégorie de l’expérience canadienne (CEC)",
            )),
            CecText::MixedTeer { teer23_alone: true } => f.write_str(lang.pick(
                "Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB 5 because the TEER 2/3 work alone reaches 1,560 hours.",
                "Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC 5, car le travail de FEER 2 ou 3 atteint à lui seul 1\u{202f}560 heures.",
            )),
            CecText::MixedTeer {
                teer23_alone: false,
            } => f.write_str(lang.pick(
                "Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB 7 because TEER 0/1 work is needed to reach 1,560 hours.",
                "Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC 7, car du travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures.",
            )),
            CecText::CompletedLater { index, as_of } => {
                if fr {
                    write!(
                        f,
                        "education[{index}] est un diplôme obtenu après le {as_of} : il ne compte pas encore"
                    )
                } else {
                    write!(
                        f,
                        "education[{index}] is completed after {as_of} and does not count yet"
                    )
                }
            }
            CecText::ForeignWithoutEca { index } => {
                if fr {
                    write!(
                        f,
                        "education[{index}] est un diplôme étranger sans évaluation des diplômes d’études (EDE) : il ne rapporte aucun point du SCG tant qu’il n’a pas été évalué"
                    )
                } else {
                    write!(
                        f,
                        "education[{index}] is a foreign credential without an Educational Credential Assessment (ECA): it earns no CRS points until assessed"
                    )
                }
            }
            CecText::CanadianEducationConditions => f.write_str(lang.pick(
                "Canadian-education points assume the study met IRCC's conditions: in Canada, full-time for at least 8 months (unless completed between March 2020 and August 2022), not mostly ESL/FSL, and no award that required a return home",
                "Les points pour études au Canada supposent que les études remplissaient les conditions d’IRCC : au Canada, à temps plein pendant au moins 8 mois (sauf si elles ont pris fin entre mars 2020 et août 2022), pas principalement en anglais ou en français langue seconde, et sans bourse exigeant un retour au pays d’origine",
            )),
            CecText::LevelFromLength {
                index,
                years,
                level,
            } => {
                let years = In(&Score(*years), lang);
                if fr {
                    write!(
                        f,
                        "education[{index}] : la durée du programme ({years} ans) détermine le niveau retenu ({}), comme le demande l’outil du SCG",
                        crate::crs::text::education_words(*level, lang)
                    )
                } else {
                    write!(
                        f,
                        "education[{index}]: the program's length ({years} years) decides its level ({}), as the CRS tool asks",
                        level.describe()
                    )
                }
            }
            CecText::TefScaleAssumed(scale) => {
                let from = TefScale::SCORE_699_DEFAULT_FROM;
                match (scale, fr) {
                    (TefScale::Score699, false) => write!(
                        f,
                        "tef_scale not given: the scores are read as TEF Canada 0–699 scores, the default for tests taken from {from}"
                    ),
                    (TefScale::Score699, true) => write!(
                        f,
                        "tef_scale non indiqué : les résultats sont lus comme des résultats du TEF Canada sur 699, l’échelle par défaut pour les tests passés à partir du {from}"
                    ),
                    (TefScale::AncienScore, false) => write!(
                        f,
                        "tef_scale not given: the scores are read on the old TEF Canada scale (reading /300, listening /360, writing and speaking /450), the default for tests taken before {from}"
                    ),
                    (TefScale::AncienScore, true) => write!(
                        f,
                        "tef_scale non indiqué : les résultats sont lus sur l’ancienne échelle du TEF Canada (compréhension de l’écrit sur 300, compréhension de l’oral sur 360, expression écrite et expression orale sur 450), l’échelle par défaut pour les tests passés avant le {from}"
                    ),
                }
            }
            CecText::BelowChart {
                ability,
                score,
                test,
                lowest,
            } => {
                let a = ability_name(*ability, lang);
                let t = test.display_name();
                let b = test.language().benchmark();
                let score = In(&Score(*score), lang);
                if fr {
                    write!(
                        f,
                        "Le résultat en {a} ({score}) est inférieur au niveau le plus bas du tableau d’équivalence pour {t} ({b} {lowest}) : niveau 0, qui ne rapporte aucun point"
                    )
                } else {
                    write!(
                        f,
                        "{a} {score} is below the lowest level of the {t} chart ({b} {lowest}): level 0, which earns no points"
                    )
                }
            }
            CecText::Tef699Entered => f.write_str(lang.pick(
                "Express Entry profiles ask for the \"Équivalence ancien score\" values of a TEF Canada attestation; canada.ca warns that entering the /699 scores may produce an incorrect NCLC equivalency. These levels come from the 0–699 chart for the test date.",
                "Le profil Entrée express demande les valeurs « Équivalence ancien score » de l’attestation du TEF Canada; canada.ca prévient que la saisie des résultats sur 699 peut produire une équivalence NCLC erronée. Ces niveaux proviennent du tableau 0–699 en vigueur à la date du test.",
            )),
            CecText::TestLeftOut {
                prefix,
                index,
                test,
                taken,
                why,
                as_of,
            } => {
                let who = if *prefix { "" } else { "spouse." };
                let t = test.display_name();
                match (why, fr) {
                    (language::LeftOut::TakenLater, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: it was taken after the assessment date {as_of}"
                    ),
                    (language::LeftOut::TakenLater, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : il a été passé après la date de l’évaluation ({as_of})"
                    ),
                    (language::LeftOut::Expired { until }, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: it expired on {until} (results count for two years)"
                    ),
                    (language::LeftOut::Expired { until }, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : il a expiré le {until} (un résultat compte pendant deux ans)"
                    ),
                    (language::LeftOut::NotAcceptedYet { from }, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: {t} results count for Express Entry only for tests taken on or after {from}"
                    ),
                    (language::LeftOut::NotAcceptedYet { from }, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : les résultats du {t} ne comptent pour Entrée express que pour les tests passés à partir du {from}"
                    ),
                }
            }
            CecText::FirstLanguageChosen {
                language,
                other,
                crs,
                other_crs,
                programs_differ,
            } => {
                let (l, o) = (language_name(*language, lang), language_name(*other, lang));
                let score = |c: &Option<u16>| c.map_or_else(|| "—".to_string(), |c| c.to_string());
                if fr {
                    write!(
                        f,
                        "Aucune première langue officielle n’est déclarée : landed retient l’{l}, qui rend admissible au plus grand nombre de programmes, puis donne le score SCG le plus élevé ({}); avec l’{o} comme première langue, le score serait {}",
                        score(crs),
                        score(other_crs)
                    )?;
                    if *programs_differ {
                        f.write_str(" et l’admissibilité à un programme changerait")?;
                    }
                    f.write_str(". Les exigences linguistiques des programmes sont satisfaites par l’une ou l’autre langue officielle.")
                } else {
                    write!(
                        f,
                        "No first official language declared: landed uses {l}, which makes you eligible for the most programs and then gives the higher CRS ({}); with {o} as first language the CRS would be {}",
                        score(crs),
                        score(other_crs)
                    )?;
                    if *programs_differ {
                        f.write_str(" and a program's eligibility would change")?;
                    }
                    f.write_str(". The programs' language minimums are met by either official language.")
                }
            }
            CecText::RecordAfterAsOf {
                spouse,
                job,
                index,
                start,
                as_of,
            } => {
                let who = if *spouse { "spouse." } else { "" };
                let field = if *job { "work_history" } else { "study_periods" };
                if fr {
                    write!(
                        f,
                        "{who}{field}[{index}] commence le {start}, après la date de l’évaluation ({as_of}) : il n’est pas pris en compte à cette date"
                    )
                } else {
                    write!(
                        f,
                        "{who}{field}[{index}] starts on {start}, after the assessment date {as_of}: it does not count on that date"
                    )
                }
            }
            CecText::PhysicianFundingUnknown => f.write_str(lang.pick(
                "Your self-employed work as a physician decides the work requirement. Under a temporary public policy on the CEC page, a physician's self-employed work providing publicly funded services (for example fee-for-service billing to a provincial health plan) counts as Canadian work experience (for invitations from 2023-04-25). Say whether it was publicly funded (publicly_funded) to settle the answer.",
                "Votre travail autonome de médecin décide de l’exigence d’expérience. Selon une politique d’intérêt public temporaire décrite sur la page de la CEC, le travail autonome d’un médecin qui fournit des services financés par l’État (par exemple la rémunération à l’acte par un régime provincial d’assurance maladie) compte comme expérience de travail canadienne (pour les invitations à partir du 2023-04-25). Indiquez s’il était financé par l’État (publicly_funded) pour trancher.",
            )),
            CecText::SpouseDetailsMissing => f.write_str(lang.pick(
                "Married or common-law with no spouse details: scored with the 'with an accompanying spouse or partner' columns (age, education, languages and Canadian experience) and no spouse factors, because a spouse or partner is counted as accompanying unless you say otherwise (the lower score, so the CRS is never overstated). Add the spouse's details, or say they are not accompanying or are a Canadian citizen or PR (then the 'without a spouse' columns apply).",
                "Vous êtes marié ou en union de fait, mais aucun renseignement sur votre époux ou conjoint de fait n’est donné : les points sont calculés selon les colonnes « avec époux ou conjoint de fait qui vous accompagne » (âge, études, langues et expérience canadienne), sans les facteurs liés à l’époux ou conjoint de fait, car il est compté comme vous accompagnant à moins que vous n’indiquiez le contraire (le score le plus bas, pour ne jamais le surestimer). Ajoutez ses renseignements, ou indiquez qu’il ne vous accompagne pas ou qu’il est citoyen canadien ou résident permanent (les colonnes « sans époux ni conjoint de fait » s’appliquent alors).",
            )),
            CecText::DeclaredLanguageUntested { language, as_of } => {
                if fr {
                    let the = match language {
                        Language::English => "L’anglais",
                        Language::French => "Le français",
                    };
                    write!(
                        f,
                        "{the} est déclaré comme première langue officielle, mais aucun résultat de test valide dans cette langue n’existe le {as_of}"
                    )
                } else {
                    write!(
                        f,
                        "{language} is declared as first official language but has no valid test result on {as_of}"
                    )
                }
            }
            CecText::NoCrsScore => f.write_str(lang.pick(
                "No CRS score: it needs a valid language test result (less than two years old on the assessment date)",
                "Aucune note du SCG : il faut un résultat de test de langue valide (datant de moins de deux ans à la date de l’évaluation)",
            )),
            CecText::CrsCanadianExperienceNotSettled => f.write_str(lang.pick(
                "CRS Canadian experience leaves out work while a full-time student, self-employment and unauthorized work, as for CEC eligibility; whether IRCC counts such work for CRS points is not settled",
                "L’expérience canadienne du SCG exclut le travail effectué pendant des études à temps plein, le travail autonome et le travail non autorisé, comme pour l’admissibilité à la CEC; la question de savoir si IRCC compte ce travail pour les points du SCG n’est pas tranchée",
            )),
        }
    }
}

/// The abilities at the lowest level: "reading and writing" (English keeps
/// "a and b and c"), "compréhension de l’écrit et expression écrite".
struct Weakest(LanguageLevels);

impl Weakest {
    fn abilities(&self) -> impl Iterator<Item = Ability> + '_ {
        let min = self.0.min_scored();
        Ability::ALL
            .into_iter()
            .filter(move |a| self.0.get(*a).scored() == min)
    }
    fn count(&self) -> usize {
        self.abilities().count()
    }
}

impl Say for Weakest {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.count();
        for (i, a) in self.abilities().enumerate() {
            if i > 0 {
                f.write_str(match lang {
                    Lang::En => " and ",
                    Lang::Fr if i + 1 == count => " et ",
                    Lang::Fr => ", ",
                })?;
            }
            f.write_str(ability_name(a, lang))?;
        }
        Ok(())
    }
}

/// A test score as reported: `3.5` / `3,5` (French decimal comma).
struct Score(f64);

impl Say for Score {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En => write!(f, "{}", self.0),
            Lang::Fr => write!(DecimalComma(f), "{}", self.0),
        }
    }
}

/// Writes through, with `.` as `,`.
struct DecimalComma<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for DecimalComma<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            self.0.write_char(if c == '.' { ',' } else { c })?;
        }
        Ok(())
    }
}

impl From<CecText> for Text {
    fn from(m: CecText) -> Self {
        Text::Cec(m)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    /// The engine's CEC constants (the hours engine's year and cap, the CEC
    /// window, the sentences' levels) are the numbers of `cec_minimums.toml`.
    #[test]
    fn cec_minimums_table_holds_the_engine_numbers() {
        let m = &super::cec_minimums("2026-11-24".parse().unwrap())
            .unwrap()
            .values;
        assert_eq!(m.experience_hours, crate::hours::HOURS_PER_YEAR);
        assert_eq!(m.window_years, crate::hours::Criteria::CEC.window_years);
        assert_eq!(m.weekly_cap_hours, crate::hours::FULL_TIME_WEEKLY_HOURS);
        assert_eq!(m.clb_teer_0_1, super::LanguageBasis::TEER01);
        assert_eq!(m.clb_teer_2_3, super::LanguageBasis::TEER23);
    }
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn age_counts_whole_years_and_leap_day_birthdays_turn_on_march_1() {
        assert_eq!(age_on(d("1997-11-24"), d("2026-11-24")), 29);
        assert_eq!(age_on(d("1997-11-25"), d("2026-11-24")), 28);
        assert_eq!(age_on(d("2000-02-29"), d("2025-02-28")), 24);
        assert_eq!(age_on(d("2000-02-29"), d("2025-03-01")), 25);
        assert_eq!(age_on(d("2000-02-29"), d("2028-02-29")), 28);
    }

    // --- Messages in English and French -----------------------------------

    use crate::text::{in_language, untranslated_count};
    use serde_json::{Value, json};

    const AS_OF: &str = "2026-11-24";

    fn ielts(l: f64, r: f64, w: f64, s: f64, date: &str) -> Value {
        json!({"test": "ielts_general", "test_date": date, "listening": l, "reading": r, "writing": w, "speaking": s})
    }

    fn job(noc: &str, start: &str, end: Option<&str>, hours: f64) -> Value {
        json!({"noc": noc, "country": "CA", "start": start, "end": end, "hours_per_week": hours})
    }

    fn profile(jobs: Vec<Value>, tests: Vec<Value>) -> Value {
        json!({
            "as_of": AS_OF,
            "date_of_birth": "1996-05-01",
            "language_tests": tests,
            "work_history": jobs,
            "intended_province": "ON"
        })
    }

    fn run(p: &Value) -> Assessment {
        let profile = crate::profile::parse_profile(&p.to_string()).unwrap();
        assess(&profile, d(AS_OF)).unwrap()
    }

    /// The assessment as JSON in French, after checking that the parts
    /// assess.rs writes (CEC checklist and notes, assessment notes, education
    /// and language-test facts) hold no English-only text.
    fn french(a: &Assessment) -> Value {
        let before = untranslated_count();
        let owned = in_language(Lang::Fr, || {
            serde_json::to_string(&(
                &a.programs.cec,
                &a.notes,
                &a.facts.education,
                &a.facts.language_tests,
            ))
        })
        .unwrap();
        assert_eq!(untranslated_count(), before, "English-only text in {owned}");
        let whole = in_language(Lang::Fr, || serde_json::to_string(a)).unwrap();
        serde_json::from_str(&whole).unwrap()
    }

    fn cec_detail(a: &Value, id: &str) -> String {
        let reqs = a["programs"]["cec"]["requirements"].as_array().unwrap();
        let r = reqs.iter().find(|r| r["id"] == id).unwrap();
        r["detail"].as_str().unwrap().to_string()
    }

    fn strings(v: &Value) -> Vec<&str> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    #[test]
    fn capped_hours_and_the_projection_in_french() {
        // 40 h a week from 2026-01-24: capped at 30, not yet 1,560 hours.
        let a = run(&profile(
            vec![job("21232", "2026-01-24", None, 40.0)],
            vec![ielts(8.0, 7.0, 7.0, 7.0, "2026-01-15")],
        ));
        let work = a
            .programs
            .cec
            .requirements
            .iter()
            .find(|r| r.id == "cec.work_experience")
            .unwrap();
        assert_eq!(
            work.detail.en(),
            "1,302 qualifying hours in Canada between 2023-11-24 and 2026-11-23 (1,560 needed); not counted: hours above 30 a week across all jobs do not count; if your current work continues at the same hours, you reach 1,560 hours on 2027-01-23"
        );
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.work_experience"),
            "1\u{202f}302 heures de travail qualifié admissibles au Canada entre le 2023-11-24 et le 2026-11-23 (1\u{202f}560 requises); non comptées : les heures au-delà de 30 par semaine, tous emplois confondus, ne comptent pas; si vous continuez à travailler le même nombre d’heures, vous atteindrez 1\u{202f}560 heures le 2027-01-23"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 7 dans les quatre habiletés, car le travail admissible relève de la FEER 0 ou 1; votre résultat en anglais est CLB compréhension de l’oral 9, compréhension de l’écrit 9, expression écrite 9, expression orale 9 (les quatre habiletés sont à 9)"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language_test_valid"),
            "Le test IELTS General Training passé le 2026-01-15 est valide jusqu’au 2028-01-14"
        );
        assert_eq!(
            strings(&fr["programs"]["cec"]["notes"]),
            [
                "L’interdiction de territoire (motifs sanitaires, sécurité, criminalité) n’est pas évaluée."
            ]
        );
    }

    #[test]
    fn mixed_teer_in_french() {
        // TEER 1 throughout, TEER 3 for five months: TEER 0/1 work is needed.
        let a = run(&profile(
            vec![
                job("21232", "2024-01-01", None, 30.0),
                job("13110", "2026-06-01", None, 30.0),
            ],
            vec![ielts(6.0, 5.0, 5.0, 5.0, "2026-01-15")],
        ));
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 7 dans les quatre habiletés, car le travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures (FEER mixtes : règle non établie); votre résultat en anglais est CLB compréhension de l’oral 7, compréhension de l’écrit 6, expression écrite 5, expression orale 5 (niveau le plus faible : expression écrite et expression orale, à 5)"
        );
        assert!(
            strings(&fr["programs"]["cec"]["notes"])
                .contains(&"Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC 7, car du travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures."),
            "{fr}"
        );
        // English unchanged.
        let lang = &a.programs.cec.requirements[1];
        assert_eq!(
            lang.detail.en(),
            "CLB 7 needed in all four abilities because TEER 0 or 1 work is needed to reach 1,560 hours (mixed TEER: not settled); your English result is CLB listening 7, reading 6, writing 5, speaking 5 (lowest: writing and speaking at 5)"
        );
    }

    #[test]
    fn nothing_recorded_in_french() {
        let mut p = profile(vec![], vec![]);
        p["intended_province"] = Value::Null;
        let a = run(&p);
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.work_experience"),
            "Aucun emploi enregistré; la CEC exige 1\u{202f}560 heures de travail qualifié au Canada entre le 2023-11-24 et le 2026-11-23"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Aucun test de langue enregistré; la CEC exige CLB/NCLC 7 dans les quatre habiletés pour un travail de FEER 0 ou 1, ou 5 pour un travail de FEER 2 ou 3"
        );
        assert_eq!(
            cec_detail(&fr, "cec.province"),
            "Province de destination non indiquée : la CEC exige que vous prévoyiez vivre en dehors du Québec"
        );
        assert_eq!(
            cec_detail(&fr, "cec.education"),
            "Il n’y a aucune exigence en matière d’études pour la catégorie de l’expérience canadienne (CEC)"
        );
        assert_eq!(
            strings(&fr["notes"]),
            [
                "Aucune note du SCG : il faut un résultat de test de langue valide (datant de moins de deux ans à la date de l’évaluation)"
            ]
        );
    }

    #[test]
    fn notes_and_facts_in_french() {
        // Married without spouse details, French declared but only English
        // tested (one expired, one with bands under the chart), in Quebec,
        // a foreign degree without ECA and a Canadian diploma.
        let mut p = profile(
            vec![job("13110", "2024-01-01", None, 30.0)],
            vec![
                ielts(3.5, 6.0, 6.0, 6.0, "2026-01-15"),
                ielts(8.0, 7.0, 7.0, 7.0, "2023-01-15"),
            ],
        );
        p["marital_status"] = json!("married");
        p["first_official_language"] = json!("french");
        p["intended_province"] = json!("QC");
        p["education"] = json!([
            {"level": "masters", "in_canada": false, "eca": false},
            {"level": "two_year", "in_canada": true, "program_years": 2, "completed_on": "2020-05-01"}
        ]);
        let a = run(&p);
        let fr = french(&a);
        // French is declared first but untested: CEC's minimum is met by
        // either official language, so the English result is the one read.
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 5 dans les quatre habiletés, car le travail admissible relève de la FEER 2 ou 3; votre résultat en anglais est CLB compréhension de l’oral 0, compréhension de l’écrit 7, expression écrite 7, expression orale 7 (niveau le plus faible : compréhension de l’oral, à 0)"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language_test_valid"),
            "Le test IELTS General Training passé le 2026-01-15 est valide jusqu’au 2028-01-14"
        );
        assert_eq!(
            cec_detail(&fr, "cec.province"),
            "Vous prévoyez vivre au Québec : le Québec sélectionne ses propres travailleurs qualifiés; voyez plutôt le Programme de l’expérience québécoise (PEQ)"
        );
        let notes = strings(&fr["notes"]);
        assert!(
            notes.contains(&"Le français est déclaré comme première langue officielle, mais aucun résultat de test valide dans cette langue n’existe le 2026-11-24"),
            "{notes:?}"
        );
        assert!(
            notes[0].starts_with("language_tests[1] (IELTS General Training, 2023-01-15) n’est pas pris en compte : il a expiré le 2025-01-14"),
            "{notes:?}"
        );
        assert!(
            notes[1].starts_with("Vous êtes marié ou en union de fait"),
            "{notes:?}"
        );
        assert_eq!(
            strings(&fr["facts"]["language_tests"][0]["notes"]),
            [
                "Le résultat en compréhension de l’oral (3,5) est inférieur au niveau le plus bas du tableau d’équivalence pour IELTS General Training (CLB 4) : niveau 0, qui ne rapporte aucun point"
            ]
        );
        let edu = strings(&fr["facts"]["education"]["notes"]);
        assert_eq!(
            edu[0],
            "education[0] est un diplôme étranger sans évaluation des diplômes d’études (EDE) : il ne rapporte aucun point du SCG tant qu’il n’a pas été évalué"
        );
        assert!(edu[1].starts_with("Les points pour études au Canada supposent"));
        // The same in English, as it always read.
        assert_eq!(
            a.facts.language_tests[0].notes[0].en(),
            "listening 3.5 is below the lowest level of the IELTS General Training chart (CLB 4): level 0, which earns no points"
        );
        assert_eq!(
            a.notes[2].en(),
            "French is declared as first official language but has no valid test result on 2026-11-24"
        );
    }

    #[test]
    fn tef_scale_notes_in_french() {
        let tef = json!({"test": "tef_canada", "test_date": "2025-06-01", "listening": 400, "reading": 400, "writing": 400, "speaking": 400});
        let a = run(&profile(
            vec![job("13110", "2024-01-01", None, 30.0)],
            vec![tef],
        ));
        let fr = french(&a);
        let notes = strings(&fr["facts"]["language_tests"][0]["notes"]);
        assert_eq!(
            notes[0],
            "tef_scale non indiqué : les résultats sont lus comme des résultats du TEF Canada sur 699, l’échelle par défaut pour les tests passés à partir du 2019-10-01"
        );
        assert!(notes[1].starts_with(
            "Le profil Entrée express demande les valeurs « Équivalence ancien score »"
        ));
    }

    #[test]
    fn an_hour_or_none_is_singular_in_french() {
        let m = CecText::WorkExperience {
            recorded: true,
            hours: 1.5,
            from: d("2023-11-24"),
            to: d("2026-11-23"),
            not_counted: ExclusionReasons::default(),
            reaches_on: None,
        };
        assert_eq!(
            m.text_in(Lang::Fr),
            "1 heure de travail qualifié admissible au Canada entre le 2023-11-24 et le 2026-11-23 (1\u{202f}560 requises)"
        );
        assert_eq!(
            m.text_in(Lang::En),
            "1 qualifying hours in Canada between 2023-11-24 and 2026-11-23 (1,560 needed)"
        );
    }
}
