//! The Canadian Experience Class checklist (IRPR s.87.1; the CEC page). Its
//! numbers are in `data/programs/cec_minimums.toml`, its sentences in `text.rs`.

pub(crate) mod minimums;
pub(crate) mod text;

pub use minimums::CecMinimums;
pub use text::{CecText, LanguageBasis};

use std::sync::LazyLock;

use jiff::civil::Date;

use crate::assess::facts::{ExperienceFact, LanguageFact, either_language};
use crate::clb::{Language, LanguageLevels};
use crate::dated::{Source, Table, Version};
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, Occupations, Place};
use crate::profile::{Job, Profile, Province};
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::programs::table_error;
use crate::text::Text;

static TABLE: LazyLock<std::result::Result<Table<CecMinimums>, String>> =
    LazyLock::new(|| load_table!("cec_minimums.toml"));

/// The CEC minimums in force on `as_of`.
pub fn cec_minimums(as_of: Date) -> Result<&'static Version<CecMinimums>> {
    let table = TABLE.as_ref().map_err(|e| table_error(e))?;
    table.require("programs.cec.minimums", as_of)
}

/// The window of every version of the table, in years (the timeline's
/// breakpoints shift every job boundary by each).
pub(crate) fn window_years() -> impl Iterator<Item = i16> {
    TABLE
        .as_ref()
        .into_iter()
        .flat_map(|t| t.versions.iter().map(|v| v.values.window_years))
}

impl CecMinimums {
    /// What counts for CEC (IRPR s.87.1; the CEC page): the table's window and
    /// weekly cap, in Canada, TEER 0–3, paid, authorized, not self-employed,
    /// not while a full-time student.
    pub fn criteria(&self) -> Criteria {
        Criteria {
            window_years: self.window_years,
            weekly_cap_hours: self.weekly_cap_hours,
            place: Place::Canada,
            occupations: Occupations::Skilled,
            exclude_full_time_study: true,
            require_authorization: true,
            exclude_self_employed: true,
        }
    }
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
/// hours would reach the table's `experience_hours` if current jobs continue,
/// when not reached yet.
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
    let criteria = min.criteria();

    // 1. Work experience: the table's hours (1,560) in its window (3 years) before applying.
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
            &criteria,
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
            needed: min.experience_hours,
        }
        .into(),
        source: cec_src(),
    });

    // 2. Language level for the kind of work: the table's CLB for TEER 0/1 (7), for TEER 2/3 (5).
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
                ..criteria
            },
        )
    });
    let basis = match &teer23 {
        _ if t.jobs.is_empty() => LanguageBasis::NoQualifyingWork,
        None => LanguageBasis::Teer23,
        Some(t23) if t23.at_least(min.experience_hours) => {
            notes.push(
                CecText::MixedTeer {
                    teer23_alone: true,
                    min: *min,
                }
                .into(),
            );
            LanguageBasis::MixedTeer23Alone
        }
        Some(t23) if t23.units > 0 => {
            notes.push(
                CecText::MixedTeer {
                    teer23_alone: false,
                    min: *min,
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
        match basis.needed(min) {
            Some(level) if lowest >= level => Status::Met,
            Some(_) => Status::NotMet,
            None if lowest >= teer01_level => Status::Met,
            None if lowest < teer23_level => Status::NotMet,
            None => Status::Unknown,
        }
    };
    let chosen = either_language(tests, first_language, |l| status_of(l) == Status::Met);
    let (lang_status, lang_detail) = match chosen {
        Some((_, levels)) => (
            status_of(&levels),
            CecText::LanguageLevel {
                basis,
                levels,
                min: *min,
            },
        ),
        None if !tests.is_empty() => (Status::NotMet, CecText::NoValidLanguageTest),
        None => (Status::Unknown, CecText::NoLanguageTest { min: *min }),
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::assess::facts::{experience, language_facts};
    use crate::text::say::{Lang, Say};

    /// The exclusion sentence "hours above 30 a week across all jobs do not count"
    /// (`hours::basis`, shared by every program) names the full-time week, so it is true of
    /// CEC only while the table's cap is that week. A version with another cap fails here:
    /// give the sentence the cap before shipping it.
    #[test]
    fn the_shipped_weekly_cap_is_the_one_the_sentence_names() {
        let table = TABLE.as_ref().unwrap();
        for v in &table.versions {
            assert_eq!(
                v.values.weekly_cap_hours,
                hours::FULL_TIME_WEEKLY_HOURS,
                "cec_minimums.toml from {}",
                v.effective_from
            );
        }
    }

    /// Another version of `cec_minimums.toml` (test-only): other hours, window,
    /// cap and levels, as IRCC might publish one day.
    const OTHER: &str = r#"
id = "programs.cec.minimums"
description = "test-only"

[[version]]
effective_from = 2008-09-17
source = { title = "test-only", href = "https://example.invalid/cec" }
experience_hours = 780
window_years = 1
weekly_cap_hours = 40
clb_teer_0_1 = 9
clb_teer_2_3 = 6
"#;

    /// The CEC checklist of one record (40 h/week of TEER 1 work in Canada
    /// since 2026-03-01, CELPIP 8 in every ability) under `min`.
    fn checklist(min: &CecMinimums) -> Vec<(String, Status, String)> {
        let profile = crate::profile::parse_profile(
            r#"{"as_of": "2026-11-24", "date_of_birth": "1995-01-01", "marital_status": "single",
                "intended_province": "ON",
                "work_history": [{"noc": "21232", "country": "CA", "province": "ON",
                                  "start": "2026-03-01", "end": null, "hours_per_week": 40}],
                "language_tests": [{"test": "celpip_general", "test_date": "2026-01-10",
                                    "listening": 8, "reading": 8, "writing": 8, "speaking": 8}]}"#,
        )
        .unwrap();
        let as_of = profile.as_of.unwrap();
        let exp = experience(
            &profile.work_history,
            &profile.study_periods,
            &profile.permits,
            as_of,
            &min.criteria(),
        );
        let tests = language_facts(&profile.language_tests, as_of, "", &mut Vec::new()).unwrap();
        cec_program(min, &profile, as_of, &exp, None, None, &tests)
            .requirements
            .into_iter()
            .map(|r| (r.id.to_string(), r.status, r.detail.text_in(Lang::En)))
            .collect()
    }

    #[test]
    fn another_version_of_the_table_changes_the_result() {
        let today = checklist(&cec_minimums("2026-11-24".parse().unwrap()).unwrap().values);
        let other = Table::<CecMinimums>::from_toml(OTHER).unwrap();
        let other = checklist(&other.versions[0].values);
        // 268 days at 30 h/week (the cap) fall short of 1,560 hours; at 40 h/week
        // (the other cap) they reach 780, in a window of one year.
        assert_eq!(today[0].1, Status::NotMet);
        assert_eq!(
            today[0].2,
            "1,148 qualifying hours in Canada between 2023-11-24 and 2026-11-23 (1,560 needed); not counted: hours above 30 a week across all jobs do not count"
        );
        assert_eq!(other[0].1, Status::Met);
        assert_eq!(
            other[0].2,
            "1,531 qualifying hours in Canada between 2025-11-24 and 2026-11-23 (780 needed)"
        );
        // CLB 8 meets 7 for TEER 1 work, not 9.
        assert_eq!((today[1].1, other[1].1), (Status::Met, Status::NotMet));
        assert!(other[1].2.starts_with("CLB 9 needed in all four abilities"));
    }
}
