//! The Comprehensive Ranking System (CRS): points for the Express Entry pool.
//!
//! Input: [`CrsAnswers`] (the contract `crs-answers.schema.json`, the questions of
//! IRCC's own CRS tool). Output: [`CrsResult`] — the total, the four section
//! subtotals and one line per factor saying why, with the source of the rule.
//!
//! Published at <https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html>;
//! totals and caps in the Ministerial Instructions s.8(2). The numbers live in
//! `crates/rules/data/crs/`.

mod explain;
mod tables;
pub(crate) mod text;

pub(crate) mod levels;
pub use levels::{CanadianEducation, EducationLevel};

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::clb::{Ability, Language, LanguageLevels};
use crate::error::{Result, RulesError};

pub use explain::score_explained;
pub use tables::{RuleSet, TableVersions, rule_set_on, rule_sets, table_versions};
pub use text::{CrsText, LanguageColumn, TransferFactor, education_words};

use crate::text::Text;

/// Arranged employment, as the CRS tool asks it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JobOfferAnswer {
    #[default]
    #[serde(rename = "none")]
    None,
    #[serde(rename = "major_group_00")]
    MajorGroup00,
    #[serde(rename = "teer_0_1_2_3")]
    Teer0123,
}

/// The spouse's answers (present only for an accompanying spouse who is not a
/// Canadian citizen or permanent resident).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpouseAnswers {
    pub education: EducationLevel,
    #[serde(default)]
    pub first_language: Option<LanguageLevels>,
    #[serde(default)]
    pub canadian_experience_years: u8,
}

/// Factor-level CRS answers: the contract `crs-answers.schema.json`, exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrsAnswers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub age: u8,
    pub education: EducationLevel,
    #[serde(default)]
    pub canadian_education: CanadianEducation,
    pub first_language: LanguageLevels,
    #[serde(default)]
    pub second_language: Option<LanguageLevels>,
    pub canadian_experience_years: u8,
    #[serde(default)]
    pub foreign_experience_years: u8,
    #[serde(default)]
    pub certificate_of_qualification: bool,
    #[serde(default)]
    pub job_offer: JobOfferAnswer,
    #[serde(default)]
    pub provincial_nomination: bool,
    #[serde(default)]
    pub sibling_in_canada: bool,
    #[serde(default)]
    pub spouse: Option<SpouseAnswers>,
}

impl CrsAnswers {
    /// Range checks the schema states and serde cannot.
    pub fn validate(&self) -> Result<()> {
        if self.age > 120 {
            return Err(RulesError::invalid(
                "age",
                format!("{} is not an age in years (0 to 120)", self.age),
            ));
        }
        for (field, v) in [
            ("canadian_experience_years", self.canadian_experience_years),
            ("foreign_experience_years", self.foreign_experience_years),
        ] {
            if v > 60 {
                return Err(RulesError::invalid(
                    field,
                    format!("{v} is not a number of years of experience (0 to 60)"),
                ));
            }
        }
        if let Some(second) = &self.second_language
            && second.language == self.first_language.language
        {
            return Err(RulesError::invalid(
                "second_language.language",
                format!(
                    "the second official language must differ from the first ({})",
                    self.first_language.language.as_str()
                ),
            ));
        }
        if let Some(sp) = &self.spouse
            && sp.canadian_experience_years > 60
        {
            return Err(RulesError::invalid(
                "spouse.canadian_experience_years",
                format!(
                    "{} is not a number of years of experience (0 to 60)",
                    sp.canadian_experience_years
                ),
            ));
        }
        Ok(())
    }
}

/// Parse `crs-answers` JSON; errors name the field path.
pub fn parse_answers(json: &str) -> Result<CrsAnswers> {
    let answers: CrsAnswers = crate::json::from_str(json)?;
    answers.validate()?;
    Ok(answers)
}

/// One explained line of a CRS result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrsLine {
    /// Rule id, e.g. `core.age`; doubles as a translation key.
    pub factor: Cow<'static, str>,
    pub points: u16,
    pub max: u16,
    /// Why, in words a candidate understands (English, or the output language).
    pub basis: Text,
    /// Where the rule is published (address).
    pub source: Cow<'static, str>,
}

/// The CRS result contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrsResult {
    pub total: u16,
    pub rule_set: String,
    pub as_of: Date,
    pub core: u16,
    pub spouse: u16,
    pub skill_transferability: u16,
    pub additional: u16,
    /// Whether the "with spouse" columns applied.
    pub with_spouse: bool,
    pub lines: Vec<CrsLine>,
    /// Rules applied that are contested or not checked on the official page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// The numbers of a score, without explanations: what ranking needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CrsPoints {
    pub core: u16,
    pub spouse: u16,
    pub skill_transferability: u16,
    pub additional: u16,
}

impl CrsPoints {
    pub fn total(&self) -> u16 {
        self.core + self.spouse + self.skill_transferability + self.additional
    }
}

/// Which transferability language column a set of first-language levels reaches.
fn transfer_column(first: &LanguageLevels) -> Option<usize> {
    let min = first.min_scored();
    if min >= 9 {
        Some(1)
    } else if min >= 7 {
        Some(0)
    } else {
        None
    }
}

/// Experience years → index into a 0..=5 table.
fn years_index(years: u8) -> usize {
    usize::from(years.min(5))
}

fn foreign_bracket(years: u8) -> usize {
    match years {
        0 => 0,
        1 | 2 => 1,
        _ => 2,
    }
}

/// The detailed computation, shared by the fast path and the explanation.
struct Computed {
    with_spouse: bool,
    ws: usize,
    age: u16,
    education: u16,
    first: [u16; 4],
    second_raw: u16,
    second: u16,
    experience: u16,
    spouse_education: u16,
    spouse_language: [u16; 4],
    spouse_experience: u16,
    /// education: (language part, experience part, after the group cap)
    tr_education: (u16, u16, u16),
    tr_foreign: (u16, u16, u16),
    tr_certificate: u16,
    tr_total_raw: u16,
    provincial_nomination: u16,
    arranged_employment: u16,
    canadian_education: u16,
    sibling: u16,
    french: u16,
    /// 0 none, 1 French only, 2 bilingual.
    french_case: u8,
    additional_raw: u16,
}

fn compute(a: &CrsAnswers, rs: &RuleSet) -> Computed {
    let with_spouse = a.spouse.is_some();
    let ws = usize::from(with_spouse);
    let age = rs.age[usize::from(a.age.min(45))][ws];
    let education = rs.education[a.education as usize][ws];
    let mut first = [0u16; 4];
    for (i, ab) in Ability::ALL.iter().enumerate() {
        first[i] = rs.first_language[usize::from(a.first_language.get(*ab).scored())][ws];
    }
    let second_raw: u16 = a.second_language.as_ref().map_or(0, |l| {
        Ability::ALL
            .iter()
            .map(|ab| rs.second_language[usize::from(l.get(*ab).scored())][ws])
            .sum()
    });
    let second = second_raw.min(rs.second_language_cap[ws]);
    let experience = rs.canadian_experience[years_index(a.canadian_experience_years)][ws];

    let (mut spouse_education, mut spouse_language, mut spouse_experience) = (0, [0u16; 4], 0);
    if let Some(sp) = &a.spouse {
        spouse_education = rs.spouse_education[sp.education as usize];
        if let Some(l) = &sp.first_language {
            for (i, ab) in Ability::ALL.iter().enumerate() {
                spouse_language[i] = rs.spouse_language[usize::from(l.get(*ab).scored())];
            }
        }
        spouse_experience = rs.spouse_experience[years_index(sp.canadian_experience_years)];
    }

    // C. Skill transferability: always the first official language.
    let column = transfer_column(&a.first_language);
    let canadian_col = match a.canadian_experience_years {
        0 => None,
        1 => Some(2),
        _ => Some(3),
    };
    let edu_row = rs.transfer_education[a.education as usize];
    let edu_lang = column.map_or(0, |c| edu_row[c]);
    let edu_exp = canadian_col.map_or(0, |c| edu_row[c]);
    let edu_capped = (edu_lang + edu_exp).min(rs.transfer_education_cap);
    let foreign_row = rs.transfer_foreign[foreign_bracket(a.foreign_experience_years)];
    let for_lang = column.map_or(0, |c| foreign_row[c]);
    let for_exp = canadian_col.map_or(0, |c| foreign_row[c]);
    let for_capped = (for_lang + for_exp).min(rs.transfer_foreign_cap);
    let tr_certificate = if a.certificate_of_qualification {
        let min = a.first_language.min_scored();
        let p = if min >= 7 {
            rs.transfer_certificate[1]
        } else if min >= 5 {
            rs.transfer_certificate[0]
        } else {
            0
        };
        p.min(rs.transfer_certificate_cap)
    } else {
        0
    };

    // D. Additional points.
    let provincial_nomination = if a.provincial_nomination {
        rs.provincial_nomination
    } else {
        0
    };
    let arranged_employment = match a.job_offer {
        JobOfferAnswer::None => 0,
        JobOfferAnswer::MajorGroup00 => rs.arranged_employment[0],
        JobOfferAnswer::Teer0123 => rs.arranged_employment[1],
    };
    let canadian_education = match a.canadian_education {
        CanadianEducation::None => 0,
        CanadianEducation::OneOrTwoYear => rs.canadian_education[0],
        CanadianEducation::ThreeYearOrLonger => rs.canadian_education[1],
    };
    let sibling = if a.sibling_in_canada { rs.sibling } else { 0 };
    let (french, french_case) = french_points(a, rs);

    Computed {
        with_spouse,
        ws,
        age,
        education,
        first,
        second_raw,
        second,
        experience,
        spouse_education,
        spouse_language,
        spouse_experience,
        tr_education: (edu_lang, edu_exp, edu_capped),
        tr_foreign: (for_lang, for_exp, for_capped),
        tr_certificate,
        tr_total_raw: edu_capped + for_capped + tr_certificate,
        provincial_nomination,
        arranged_employment,
        canadian_education,
        sibling,
        french,
        french_case,
        additional_raw: provincial_nomination
            + arranged_employment
            + canadian_education
            + sibling
            + french,
    }
}

/// French points and the case that applied: (points, 0 none / 1 French only / 2 bilingual).
fn french_points(a: &CrsAnswers, rs: &RuleSet) -> (u16, u8) {
    let (french, english) = match (a.first_language.language, a.second_language.as_ref()) {
        (Language::French, second) => (Some(&a.first_language), second),
        (Language::English, Some(s)) if s.language == Language::French => {
            (Some(s), Some(&a.first_language))
        }
        _ => (None, None),
    };
    let Some(french) = french else {
        return (0, 0);
    };
    if !french.all_at_least(7) {
        return (0, 0);
    }
    // Bilingual needs CLB 5 in all four English abilities; otherwise (CLB 4 or
    // lower in any, or no English test) the French-only points apply.
    if english.is_some_and(|e| e.all_at_least(5)) {
        (rs.french[1], 2)
    } else {
        (rs.french[0], 1)
    }
}

impl Computed {
    fn points(&self, rs: &RuleSet) -> CrsPoints {
        let core_raw = self.age
            + self.education
            + self.first.iter().sum::<u16>()
            + self.second
            + self.experience;
        let spouse_raw = self.spouse_education
            + self.spouse_language.iter().sum::<u16>()
            + self.spouse_experience;
        CrsPoints {
            core: core_raw.min(rs.core_cap[self.ws]),
            spouse: spouse_raw.min(rs.spouse_cap),
            skill_transferability: self.tr_total_raw.min(rs.transferability_cap),
            additional: self.additional_raw.min(rs.additional_cap),
        }
    }
}

/// Numbers only (no explanation): the fast path for ranking and batch what-ifs.
pub fn score_points(answers: &CrsAnswers, as_of: Date) -> Result<CrsPoints> {
    let rs = rule_set_on(as_of)?;
    Ok(compute(answers, rs).points(rs))
}

/// Score answers on `answers.as_of`, or `today` when it is absent. Validates first.
pub fn score_answers(answers: &CrsAnswers, today: Date) -> Result<CrsResult> {
    answers.validate()?;
    let as_of = answers.as_of.unwrap_or(today);
    score_explained(answers, as_of)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn worked_example_is_353() {
        let a = parse_answers(
            r#"{"age":29,"education":"bachelors","first_language":{"language":"english","listening":7,"reading":9,"writing":9,"speaking":9},"canadian_experience_years":0}"#,
        )
        .unwrap();
        let r = score_explained(&a, d("2026-11-24")).unwrap();
        assert_eq!(r.total, 353);
        assert_eq!(r.core, 340);
        assert_eq!(r.skill_transferability, 13);
        assert_eq!(r.rule_set, "crs-2025-03-25");
        let sum: u16 = r.lines.iter().map(|l| l.points).sum();
        assert_eq!(sum, r.total);
    }

    #[test]
    fn rule_sets_follow_the_data() {
        let ids: Vec<_> = rule_sets().unwrap().iter().map(|r| r.id.clone()).collect();
        assert_eq!(
            ids,
            [
                "crs-2015-01-01",
                "crs-2016-11-19",
                "crs-2017-06-06",
                "crs-2020-10-27",
                "crs-2025-03-25"
            ]
        );
        assert!(rule_set_on(d("2014-12-31")).is_err());
    }
}
