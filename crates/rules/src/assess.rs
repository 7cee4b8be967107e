//! A full assessment from a profile: the facts derived from the records, the
//! CRS, and program eligibility (Canadian Experience Class here; FSW and FST in
//! `programs`).

use jiff::civil::Date;
use serde::Serialize;

use crate::clb::{Ability, Language, LanguageLevels};
use crate::crs::{
    self, CanadianEducation, CrsAnswers, CrsResult, EducationLevel, JobOfferAnswer, SpouseAnswers,
};
use crate::dated::Source;
use crate::error::Result;
use crate::hours::{self, Criteria, HoursTally, Occupations};
use crate::language::{self, ConvertedTest, LanguageTest};
use crate::noc::Noc;
use crate::profile::{Credential, CredentialLevel, Job, Profile, Province};
use crate::programs::fmt_hours;
use crate::text::Text;

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
    pub id: String,
    pub status: Status,
    pub detail: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
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
    pub clb: LanguageLevels,
    pub chart: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
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
}

fn src(title: &'static str, href: &'static str, confidence: &'static str) -> Option<Source> {
    Some(Source::fixed(title, href, confidence))
}

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

/// The CRS education level from several credentials: the highest one that
/// counts (Canadian, or foreign with an ECA), or "two or more" when two or
/// more post-secondary credentials count and one is of three years or longer.
pub fn education_fact(creds: &[Credential], as_of: Date) -> EducationFact {
    let mut notes = Vec::new();
    let mut counted: Vec<&Credential> = Vec::new();
    for (i, c) in creds.iter().enumerate() {
        if c.completed_on.is_some_and(|d| d > as_of) {
            notes.push(format!(
                "education[{i}] is completed after {as_of} and does not count yet"
            ));
            continue;
        }
        if !c.in_canada && !c.eca && c.level > CredentialLevel::LessThanSecondary {
            notes.push(format!(
                "education[{i}] is a foreign credential without an Educational Credential Assessment (ECA): it earns no CRS points until assessed"
            ));
            continue;
        }
        counted.push(c);
    }
    let highest = counted
        .iter()
        .map(|c| credential_level(c.level))
        .max()
        .unwrap_or(EducationLevel::LessThanSecondary);
    let post_secondary: Vec<&&Credential> = counted
        .iter()
        .filter(|c| credential_level(c.level).is_post_secondary())
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
        notes.push(
            "Canadian-education points assume the study met IRCC's conditions: in Canada, full-time for at least 8 months (unless completed between March 2020 and August 2022), not mostly ESL/FSL, and no award that required a return home".into(),
        );
    }
    EducationFact {
        crs_level,
        canadian_education,
        notes: notes.into_iter().map(crate::text::Text::from).collect(),
    }
}

/// Each test converted, and the best valid result per language (most CRS
/// first-language points; then the higher sum of levels; then the newest).
fn language_facts(tests: &[LanguageTest], as_of: Date) -> Result<Vec<LanguageFact>> {
    let mut facts = Vec::with_capacity(tests.len());
    for (i, t) in tests.iter().enumerate() {
        let ConvertedTest {
            levels,
            chart,
            notes,
            ..
        } = language::convert(t).map_err(|e| e.within(&format!("language_tests[{i}]")))?;
        facts.push(LanguageFact {
            index: i,
            language: t.test.language(),
            test: t.test,
            test_date: t.test_date,
            valid_until: language::valid_until(t.test_date),
            valid: language::is_valid_on(t.test_date, as_of),
            used: false,
            clb: levels,
            chart,
            notes: notes.into_iter().map(crate::text::Text::from).collect(),
        });
    }
    // "Best" ranks by the CRS first-language points in force (without spouse).
    let rules = crs::rule_set_on(as_of).ok();
    let points = |l: &LanguageLevels| rules.map_or(0, |rs| rs.first_language_points(l, false));
    for lang in [Language::English, Language::French] {
        let best = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.valid && f.language == lang)
            .max_by_key(|(_, f)| {
                (
                    points(&f.clb),
                    Ability::ALL
                        .iter()
                        .map(|a| u16::from(f.clb.get(*a).scored()))
                        .sum::<u16>(),
                    f.test_date,
                )
            })
            .map(|(i, _)| i);
        if let Some(i) = best {
            facts[i].used = true;
        }
    }
    Ok(facts)
}

fn used(facts: &[LanguageFact], lang: Language) -> Option<&LanguageFact> {
    facts.iter().find(|f| f.used && f.language == lang)
}

fn experience(
    jobs: &[Job],
    study: &[crate::profile::StudyPeriod],
    as_of: Date,
    c: &Criteria,
) -> ExperienceFact {
    let tally = hours::tally(jobs, study, as_of, c);
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
    let mut best = (experience(&[], &[], as_of, &Criteria::CRS_FOREIGN), None);
    for noc in nocs {
        let c = Criteria {
            occupations: Occupations::Exactly(noc),
            ..Criteria::CRS_FOREIGN
        };
        let e = experience(jobs, &[], as_of, &c);
        if e.tally.units > best.0.tally.units && noc.teer().is_skilled() {
            best = (e, Some(noc));
        }
    }
    if best.1.is_none() {
        // Report the exclusions of all foreign work when none counts.
        best.0 = experience(jobs, &[], as_of, &Criteria::CRS_FOREIGN);
    }
    best
}

/// Assess a profile on its `as_of` (or `today`). Validates the profile first.
pub fn assess(profile: &Profile, today: Date) -> Result<Assessment> {
    // Scores are validated by `language_facts`, which converts every test once.
    profile.validate_records(today, false)?;
    let as_of = profile.as_of.unwrap_or(today);
    let mut notes = Vec::new();

    let age = age_on(profile.date_of_birth, as_of);
    let education = education_fact(&profile.education, as_of);
    let tests = language_facts(&profile.language_tests, as_of)?;

    let cec_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        as_of,
        &Criteria::CEC,
    );
    let canadian_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        as_of,
        &Criteria::CRS_CANADIAN,
    );
    let (foreign, foreign_noc) = foreign_experience(&profile.work_history, as_of);

    // Spouse factors (accompanying, not a citizen or PR).
    let spouse = profile.scoring_spouse();
    if profile.marital_status.has_partner() && profile.spouse.is_none() {
        notes.push("Married or common-law with no spouse details: scored with the 'accompanying spouse' columns and no spouse factors. Add the spouse's details, or say they are not accompanying.".into());
    }
    let spouse_facts = match spouse {
        Some(sp) => {
            let sp_tests =
                language_facts(&sp.language_tests, as_of).map_err(|e| e.within("spouse"))?;
            let rules = crs::rule_set_on(as_of).ok();
            let best = sp_tests
                .iter()
                .filter(|f| f.used)
                .max_by_key(|f| rules.map_or(0, |rs| rs.first_language_points(&f.clb, false)))
                .map(|f| f.clb);
            Some(SpouseFacts {
                education: education_fact(&sp.education, as_of).crs_level,
                language: best,
                canadian_experience_years: experience(
                    &sp.work_history,
                    &[],
                    as_of,
                    &Criteria::CRS_CANADIAN,
                )
                .years,
            })
        }
        None => None,
    };

    // First official language: declared, else whichever scores more.
    let english = used(&tests, Language::English);
    let french = used(&tests, Language::French);
    let build_answers = |first: &LanguageFact, second: Option<&LanguageFact>| CrsAnswers {
        as_of: Some(as_of),
        age,
        education: education.crs_level,
        canadian_education: education.canadian_education,
        first_language: first.clb,
        second_language: second.map(|s| s.clb),
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
    let mut candidates: Vec<(Language, CrsAnswers)> = Vec::new();
    match (profile.first_official_language, english, french) {
        (Some(Language::English), Some(e), f) => candidates.push((Language::English, build_answers(e, f))),
        (Some(Language::French), e, Some(f)) => candidates.push((Language::French, build_answers(f, e))),
        (Some(declared), _, _) => notes.push(format!(
            "{declared} is declared as first official language but has no valid test result on {as_of}"
        )),
        (None, e, f) => {
            if let Some(e) = e {
                candidates.push((Language::English, build_answers(e, f)));
            }
            if let Some(f) = f {
                candidates.push((Language::French, build_answers(f, e)));
            }
        }
    }
    // Rank the candidates on numbers only, then explain the winner.
    let mut ranked: Option<(Language, CrsAnswers, u16)> = None;
    for (lang, answers) in candidates {
        let total = crs::score_points(&answers, as_of)?.total();
        if ranked.as_ref().is_none_or(|b| total > b.2) {
            ranked = Some((lang, answers, total));
        }
    }
    let best: Option<(Language, CrsAnswers, CrsResult)> = match ranked {
        Some((lang, answers, _)) => {
            let result = crs::score_explained(&answers, as_of)?;
            Some((lang, answers, result))
        }
        None => None,
    };
    let first_official_language = best
        .as_ref()
        .map(|b| b.0)
        .or(profile.first_official_language);
    if best.is_none() {
        notes.push(
            "No CRS score: it needs a valid language test result (less than two years old on the assessment date)".into(),
        );
    }
    let first_levels = first_official_language
        .and_then(|l| used(&tests, l))
        .map(|f| f.clb);

    let cec = cec_program(
        profile,
        as_of,
        &cec_experience,
        first_official_language,
        first_levels,
        &tests,
    );
    let cec_hours_reached_on = if cec_experience.tally.at_least(hours::HOURS_PER_YEAR) {
        None
    } else {
        hours::projected_date(
            &profile.work_history,
            &profile.study_periods,
            as_of,
            &Criteria::CEC,
            hours::HOURS_PER_YEAR,
            3 * 366,
        )
    };
    let cec = with_projection(cec, cec_hours_reached_on);

    let ctx = crate::programs::Context {
        profile,
        as_of,
        tests: &tests,
        first_language: first_official_language,
        education: &education,
        spouse: spouse_facts.as_ref(),
    };
    let (fsw, fsw_work) = crate::programs::fsw(&ctx)?;
    let (fst, fst_work) = crate::programs::fst(&ctx)?;
    let categories = crate::programs::categories(&ctx, [&cec, &fsw, &fst])?;
    let (invited_under, invite_notes) = crate::programs::invited_under(profile, &cec, &fsw, &fst);
    notes.extend(invite_notes.iter().map(Text::en));
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
    let (crs_answers, crs) = match best {
        Some((_, a, r)) => (Some(a), Some(r)),
        None => (None, None),
    };
    if crs.is_some() {
        notes.push("CRS Canadian experience leaves out work while a full-time student, self-employment and unauthorized work, as for CEC eligibility; whether IRCC counts such work for CRS points is not settled".into());
    }
    Ok(Assessment {
        as_of,
        programs,
        categories,
        crs,
        crs_answers,
        facts,
        notes: notes.into_iter().map(crate::text::Text::from).collect(),
    })
}

fn with_projection(mut cec: ProgramResult, reached: Option<Date>) -> ProgramResult {
    if let Some(day) = reached
        && let Some(r) = cec
            .requirements
            .iter_mut()
            .find(|r| r.id == "cec.work_experience")
    {
        r.detail = Text::from(format!(
            "{}; if your current work continues at the same hours, you reach 1,560 hours on {day}",
            r.detail.en()
        ));
    }
    cec
}

/// The CEC checklist (IRPR s.87.1; the CEC page).
fn cec_program(
    profile: &Profile,
    as_of: Date,
    exp: &ExperienceFact,
    first_language: Option<Language>,
    first_levels: Option<LanguageLevels>,
    tests: &[LanguageFact],
) -> ProgramResult {
    let mut reqs = Vec::new();
    let mut notes = Vec::new();
    let t = &exp.tally;
    let cec_src = || src(CEC_TITLE, CEC_PAGE, "C1");

    // 1. Work experience: 1,560 hours in the 3 years before applying.
    let window = format!("between {} and {}", t.window_from, t.window_to);
    let work_status = if t.at_least(hours::HOURS_PER_YEAR) {
        Status::Met
    } else {
        Status::NotMet
    };
    let mut detail = if profile.work_history.is_empty() {
        format!("No work recorded; CEC needs 1,560 hours of skilled work in Canada {window}")
    } else {
        format!(
            "{} qualifying hours in Canada {window} (1,560 needed)",
            fmt_hours(t.hours)
        )
    };
    let mut reasons: Vec<&str> = t.excluded.iter().map(|e| e.reason.describe()).collect();
    reasons.sort();
    reasons.dedup();
    if !reasons.is_empty() {
        detail.push_str(&format!("; not counted: {}", reasons.join("; ")));
    }
    reqs.push(Requirement {
        id: "cec.work_experience".into(),
        status: work_status,
        detail: detail.into(),
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
        hours::tally(
            &profile.work_history,
            &profile.study_periods,
            as_of,
            &Criteria {
                occupations: Occupations::Only(|n| matches!(n.teer().level(), 2 | 3)),
                ..Criteria::CEC
            },
        )
    });
    let (needed, why): (Option<u8>, &str) = match &teer23 {
        _ if t.jobs.is_empty() => (
            None,
            "no qualifying work yet: CLB 7 is needed for TEER 0 or 1 work, CLB 5 for TEER 2 or 3",
        ),
        None => (Some(5), "the qualifying work is TEER 2 or 3"),
        Some(t23) if t23.at_least(hours::HOURS_PER_YEAR) => {
            notes.push("Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB 5 because the TEER 2/3 work alone reaches 1,560 hours.".into());
            (
                Some(5),
                "the TEER 2 or 3 work alone reaches 1,560 hours (mixed TEER: not settled)",
            )
        }
        Some(t23) if t23.units > 0 => {
            notes.push("Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB 7 because TEER 0/1 work is needed to reach 1,560 hours.".into());
            (
                Some(7),
                "TEER 0 or 1 work is needed to reach 1,560 hours (mixed TEER: not settled)",
            )
        }
        Some(_) => (Some(7), "the qualifying work is TEER 0 or 1"),
    };
    let lang_status;
    let lang_detail;
    match (first_levels, first_language) {
        (Some(levels), Some(lang)) => {
            let b = lang.benchmark();
            let min = levels.min_scored();
            let weakest: Vec<String> = Ability::ALL
                .iter()
                .filter(|a| levels.get(**a).scored() == min)
                .map(|a| a.to_string())
                .collect();
            match needed {
                Some(level) => {
                    lang_status = if min >= level {
                        Status::Met
                    } else {
                        Status::NotMet
                    };
                    lang_detail = format!(
                        "{b} {level} needed in all four abilities because {why}; your {lang} result is {} (lowest: {} at {min})",
                        levels.summary(),
                        weakest.join(" and ")
                    );
                }
                None => {
                    lang_status = if min >= 7 {
                        Status::Met
                    } else if min < 5 {
                        Status::NotMet
                    } else {
                        Status::Unknown
                    };
                    lang_detail = format!("{why}; your {lang} result is {}", levels.summary());
                }
            }
        }
        _ => {
            let has_tests = !tests.is_empty();
            lang_status = if has_tests {
                Status::NotMet
            } else {
                Status::Unknown
            };
            lang_detail = if has_tests {
                "No valid language test result on the assessment date (results count for two years from the test date)".to_string()
            } else {
                "No language test recorded; CEC needs CLB/NCLC 7 in all four abilities for TEER 0 or 1 work, or 5 for TEER 2 or 3".to_string()
            };
        }
    }
    reqs.push(Requirement {
        id: "cec.language".into(),
        status: lang_status,
        detail: lang_detail.into(),
        source: src(CEC_TITLE, CEC_PAGE, "C2"),
    });

    // 3. A valid result: less than two years old (MI s.3(4)).
    let valid: Vec<&LanguageFact> = tests.iter().filter(|f| f.used).collect();
    let expired: Vec<&LanguageFact> = tests.iter().filter(|f| !f.valid).collect();
    let (status, detail) =
        if let Some(f) = first_language.and_then(|l| valid.iter().find(|f| f.language == l)) {
            (
                Status::Met,
                format!(
                    "{} taken {} is valid until {}",
                    f.test.display_name(),
                    f.test_date,
                    f.valid_until
                ),
            )
        } else if !expired.is_empty() {
            let e = expired[0];
            (
                Status::NotMet,
                if e.test_date > as_of {
                    format!(
                        "{} taken {} is after the assessment date {as_of}",
                        e.test.display_name(),
                        e.test_date
                    )
                } else {
                    format!(
                        "{} taken {} expired on {}: results count for two years",
                        e.test.display_name(),
                        e.test_date,
                        e.valid_until
                    )
                },
            )
        } else {
            (
                Status::Unknown,
                "No language test result recorded".to_string(),
            )
        };
    reqs.push(Requirement {
        id: "cec.language_test_valid".into(),
        status,
        detail: detail.into(),
        source: src(
            "Ministerial Instructions respecting the Express Entry system, s.3(4) (2017 amendment)",
            "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html",
            "C1",
        ),
    });

    // 4. Live outside Quebec.
    let (status, detail) = match profile.intended_province {
        Some(Province::QC) => (
            Status::NotMet,
            "You plan to live in Quebec: Quebec selects its own skilled workers; see the Quebec Experience Class (PEQ) instead".to_string(),
        ),
        Some(p) => (Status::Met, format!("You plan to live in {} (outside Quebec)", p.as_str())),
        None => (
            Status::Unknown,
            "Intended province not given: CEC requires you to plan to live outside Quebec".to_string(),
        ),
    };
    reqs.push(Requirement {
        id: "cec.province".into(),
        status,
        detail: detail.into(),
        source: src(CEC_TITLE, CEC_PAGE, "C2"),
    });

    // 5. No education requirement.
    reqs.push(Requirement {
        id: "cec.education".into(),
        status: Status::Met,
        detail: "There is no education requirement for the Canadian Experience Class".into(),
        source: src(CEC_TITLE, CEC_PAGE, "C2"),
    });
    notes.push("Admissibility (medical, security, criminality) is not assessed.".into());
    ProgramResult::from_requirements(reqs, notes)
}

/// What the CEC checklist and the assessment say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CecText {}

impl crate::text::Say for CecText {
    fn say(&self, _lang: crate::text::Lang, _f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl From<CecText> for crate::text::Text {
    fn from(m: CecText) -> Self {
        crate::text::Text::Cec(m)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
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
}
