//! What a program check returns: the shared result types the programs build
//! and `assess` assembles (issue 10: one leaf module, so programs need not
//! import the orchestrator).

use serde::Serialize;

use crate::dated::Source;
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
