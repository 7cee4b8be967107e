//! The accepted tests and the TEF scales (a leaf: the sentences name them).

use std::fmt;

use serde::{Deserialize, Serialize};

use jiff::civil::{Date, date};

use crate::clb::Language;

/// A language test accepted for Express Entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestKind {
    IeltsGeneral,
    CelpipGeneral,
    PteCore,
    TefCanada,
    TcfCanada,
}

impl TestKind {
    pub const ALL: [TestKind; 5] = [
        TestKind::IeltsGeneral,
        TestKind::CelpipGeneral,
        TestKind::PteCore,
        TestKind::TefCanada,
        TestKind::TcfCanada,
    ];

    /// English for IELTS, CELPIP and PTE; French for TEF and TCF.
    pub fn language(self) -> Language {
        match self {
            TestKind::IeltsGeneral | TestKind::CelpipGeneral | TestKind::PteCore => {
                Language::English
            }
            TestKind::TefCanada | TestKind::TcfCanada => Language::French,
        }
    }

    /// The test's name as its publisher and IRCC write it.
    pub fn display_name(self) -> &'static str {
        match self {
            TestKind::IeltsGeneral => "IELTS General Training",
            TestKind::CelpipGeneral => "CELPIP-General",
            TestKind::PteCore => "PTE Core",
            TestKind::TefCanada => "TEF Canada",
            TestKind::TcfCanada => "TCF Canada",
        }
    }

    /// The contract's name: `ielts_general`, `celpip_general`, …
    pub fn as_str(self) -> &'static str {
        match self {
            TestKind::IeltsGeneral => "ielts_general",
            TestKind::CelpipGeneral => "celpip_general",
            TestKind::PteCore => "pte_core",
            TestKind::TefCanada => "tef_canada",
            TestKind::TcfCanada => "tcf_canada",
        }
    }

    pub(crate) fn article(self) -> &'static str {
        match self {
            TestKind::IeltsGeneral => "an",
            _ => "a",
        }
    }
}

impl fmt::Display for TestKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// Which numbers a TEF Canada result carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TefScale {
    /// The 0–699 scores, converted with the chart for the test date.
    #[serde(rename = "score_699")]
    Score699,
    /// The attestation's "Équivalence ancien score" column (reading /300,
    /// listening /360, writing and speaking /450), converted with the old
    /// chart whatever the test date.
    AncienScore,
}

impl TefScale {
    /// From this test date the contract's default is [`TefScale::Score699`].
    pub const SCORE_699_DEFAULT_FROM: Date = date(2019, 10, 1);

    /// The contract's default: 0–699 for tests from 2019-10-01, ancien score before.
    pub fn default_for(test_date: Date) -> TefScale {
        if test_date >= Self::SCORE_699_DEFAULT_FROM {
            TefScale::Score699
        } else {
            TefScale::AncienScore
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TefScale::Score699 => "score_699",
            TefScale::AncienScore => "ancien_score",
        }
    }
}

impl fmt::Display for TefScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a result cannot count on an assessment date, whatever its scores:
/// the assessment lists it with this reason instead of failing the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Taken after the assessment date.
    TakenLater,
    /// More than two years old: valid until `until` (MI s.3(4)).
    Expired { until: Date },
    /// Taken before IRCC accepted the test for Express Entry (PTE Core before
    /// 2024-01-30; any test before its first chart): `from` is the first day.
    NotAcceptedYet { from: Date },
}
