//! Federal Skilled Worker and Federal Skilled Trades eligibility.
//!
//! Not assessed yet (issue 3): each returns `eligible: null` with a line that
//! says so, never a guess.

use jiff::civil::Date;

use crate::assess::{EducationFact, LanguageFact, ProgramResult, Requirement, Status};
use crate::clb::LanguageLevels;
use crate::profile::Profile;

fn not_assessed(id: &str, name: &str) -> ProgramResult {
    ProgramResult::from_requirements(
        vec![Requirement {
            id: format!("{id}.not_assessed"),
            status: Status::Unknown,
            detail: format!("landed does not assess the {name} program yet"),
            source: None,
        }],
        Vec::new(),
    )
}

pub fn fsw(
    _profile: &Profile,
    _as_of: Date,
    _tests: &[LanguageFact],
    _first_levels: Option<LanguageLevels>,
    _education: &EducationFact,
) -> ProgramResult {
    not_assessed("fsw", "Federal Skilled Worker")
}

pub fn fst(
    _profile: &Profile,
    _as_of: Date,
    _tests: &[LanguageFact],
    _first_levels: Option<LanguageLevels>,
) -> ProgramResult {
    not_assessed("fst", "Federal Skilled Trades")
}
