//! The education levels the CRS and the programs name (a leaf: the sentences use them).

use serde::{Deserialize, Serialize};

/// Level of education, in the CRS tool's order (each ranks above the previous).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    LessThanSecondary = 0,
    Secondary = 1,
    OneYear = 2,
    TwoYear = 3,
    Bachelors = 4,
    TwoOrMore = 5,
    Masters = 6,
    Doctoral = 7,
}

impl EducationLevel {
    pub const ALL: [EducationLevel; 8] = [
        EducationLevel::LessThanSecondary,
        EducationLevel::Secondary,
        EducationLevel::OneYear,
        EducationLevel::TwoYear,
        EducationLevel::Bachelors,
        EducationLevel::TwoOrMore,
        EducationLevel::Masters,
        EducationLevel::Doctoral,
    ];

    /// Words a candidate understands.
    pub fn describe(self) -> &'static str {
        match self {
            EducationLevel::LessThanSecondary => "less than secondary school",
            EducationLevel::Secondary => "secondary diploma",
            EducationLevel::OneYear => "one-year post-secondary credential",
            EducationLevel::TwoYear => "two-year post-secondary program",
            EducationLevel::Bachelors => "bachelor's degree or program of three or more years",
            EducationLevel::TwoOrMore => {
                "two or more post-secondary credentials, one of three or more years"
            }
            EducationLevel::Masters => "master's or entry-to-practice professional degree",
            EducationLevel::Doctoral => "doctoral degree",
        }
    }

    pub fn is_post_secondary(self) -> bool {
        self >= EducationLevel::OneYear
    }
}

/// Highest post-secondary credential earned in Canada (additional points).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CanadianEducation {
    #[default]
    None,
    OneOrTwoYear,
    ThreeYearOrLonger,
}
