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
    pub grid: Option<Grid>,
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

/// One factor of the selection grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridLine {
    pub id: &'static str,
    pub points: u8,
    pub max: u8,
    /// The most this line could give with facts the profile does not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to: Option<u8>,
    pub detail: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
    /// Sub-items (adaptability).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<GridLine>,
}

impl GridLine {
    pub(crate) fn possible(&self) -> u8 {
        self.up_to.unwrap_or(self.points).max(self.points)
    }
}

/// The FSW selection grid: six factors out of 100, against the pass mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub total: u8,
    pub max: u8,
    pub pass_mark: u8,
    /// The most the total could be with facts the profile does not hold.
    pub possible: u8,
    pub lines: Vec<GridLine>,
}
