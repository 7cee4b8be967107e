//! The Canadian Experience Class checklist (IRPR s.87.1; the CEC page). Its
//! numbers are in `data/programs/cec_minimums.toml`, its sentences in `text.rs`.

pub(crate) mod text;

pub use text::{CecText, LanguageBasis};

use jiff::civil::Date;

use crate::assess::facts::{ExperienceFact, LanguageFact, either_language};
use crate::clb::{Language, LanguageLevels};
use crate::dated::Source;
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, Occupations};
use crate::profile::{Job, Profile, Province};
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::text::Text;

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
        crate::dated::Table::from_embedded(include_str!("../../../data/programs/cec_minimums.toml"))
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

/// The CEC checklist (IRPR s.87.1; the CEC page). `reaches_on`: the day the
/// hours would reach 1,560 if current jobs continue, when not reached yet.
pub(crate) fn cec_program(
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
