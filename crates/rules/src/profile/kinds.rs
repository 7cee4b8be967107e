//! The provinces and the kinds of permit (a leaf: the sentences name them).

use serde::{Deserialize, Serialize};

/// Canadian provinces and territories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Province {
    AB,
    BC,
    MB,
    NB,
    NL,
    NS,
    NT,
    NU,
    ON,
    PE,
    QC,
    SK,
    YT,
}

impl Province {
    pub fn as_str(self) -> &'static str {
        match self {
            Province::AB => "AB",
            Province::BC => "BC",
            Province::MB => "MB",
            Province::NB => "NB",
            Province::NL => "NL",
            Province::NS => "NS",
            Province::NT => "NT",
            Province::NU => "NU",
            Province::ON => "ON",
            Province::PE => "PE",
            Province::QC => "QC",
            Province::SK => "SK",
            Province::YT => "YT",
        }
    }
}

/// The kind of a temporary resident document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermitKind {
    /// Post-graduation work permit.
    Pgwp,
    WorkPermit,
    StudyPermit,
    VisitorRecord,
}

impl PermitKind {
    /// Whether the document lets its holder work in Canada (a visitor record
    /// does not). Study permits allow work within their conditions; the
    /// hours engine already leaves out work while a full-time student.
    pub fn allows_work(self) -> bool {
        !matches!(self, PermitKind::VisitorRecord)
    }
}
