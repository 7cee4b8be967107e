//! Canadian Language Benchmarks (English) and Niveaux de compétence
//! linguistique canadiens (French): one level per ability.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{Result, RulesError};

/// English or French.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    English,
    French,
}

impl Language {
    /// "CLB" for English, "NCLC" for French.
    pub fn benchmark(self) -> &'static str {
        match self {
            Language::English => "CLB",
            Language::French => "NCLC",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Language::English => "english",
            Language::French => "french",
        }
    }
    pub fn other(self) -> Language {
        match self {
            Language::English => Language::French,
            Language::French => Language::English,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::English => "English",
            Language::French => "French",
        })
    }
}

/// One of the four language abilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ability {
    Listening,
    Reading,
    Writing,
    Speaking,
}

impl Ability {
    /// In the order the contracts and IRCC's forms list them.
    pub const ALL: [Ability; 4] = [
        Ability::Listening,
        Ability::Reading,
        Ability::Writing,
        Ability::Speaking,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Ability::Listening => "listening",
            Ability::Reading => "reading",
            Ability::Writing => "writing",
            Ability::Speaking => "speaking",
        }
    }
}

impl fmt::Display for Ability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CLB / NCLC level, 0 (below the first benchmark a test reports) to 12.
/// Levels above 10 score as 10 everywhere in Express Entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Clb(u8);

impl Clb {
    pub const MAX: u8 = 12;
    pub const ZERO: Clb = Clb(0);

    pub fn new(level: u8) -> Result<Clb> {
        if level > Self::MAX {
            return Err(RulesError::invalid(
                "",
                format!("{level} is not a CLB/NCLC level (0 to {})", Self::MAX),
            ));
        }
        Ok(Clb(level))
    }

    /// The level as published (0–12).
    pub fn level(self) -> u8 {
        self.0
    }

    /// The level as scored: 10 and above count as 10.
    pub fn scored(self) -> u8 {
        self.0.min(10)
    }

    /// Internal constructor for table values known to be in range.
    pub(crate) const fn from_table(level: u8) -> Clb {
        Clb(if level > Self::MAX { Self::MAX } else { level })
    }
}

impl TryFrom<i64> for Clb {
    type Error = String;
    fn try_from(v: i64) -> std::result::Result<Self, String> {
        if (0..=i64::from(Clb::MAX)).contains(&v) {
            Ok(Clb(v as u8))
        } else {
            Err(format!("{v} is not a CLB/NCLC level (0 to {})", Clb::MAX))
        }
    }
}

impl From<Clb> for u8 {
    fn from(c: Clb) -> u8 {
        c.0
    }
}

impl fmt::Display for Clb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A level for each of the four abilities, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageLevels {
    pub language: Language,
    pub listening: Clb,
    pub reading: Clb,
    pub writing: Clb,
    pub speaking: Clb,
}

impl LanguageLevels {
    pub fn get(&self, ability: Ability) -> Clb {
        match ability {
            Ability::Listening => self.listening,
            Ability::Reading => self.reading,
            Ability::Writing => self.writing,
            Ability::Speaking => self.speaking,
        }
    }

    /// The lowest of the four levels (as scored).
    pub fn min_scored(&self) -> u8 {
        Ability::ALL
            .iter()
            .map(|a| self.get(*a).scored())
            .min()
            .unwrap_or(0)
    }

    /// True when every ability is at least `level`.
    pub fn all_at_least(&self, level: u8) -> bool {
        self.min_scored() >= level
    }

    /// "L 7, R 9, W 9, S 9" style summary.
    pub fn summary(&self) -> String {
        format!(
            "{b} listening {}, reading {}, writing {}, speaking {}",
            self.listening,
            self.reading,
            self.writing,
            self.speaking,
            b = self.language.benchmark()
        )
    }
}
