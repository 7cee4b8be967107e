//! National Occupational Classification (NOC) 2021 V1.0.
//!
//! A unit group code has five digits, kept as text (leading zeros matter:
//! `00012`). The second digit is the TEER category (Training, Education,
//! Experience and Responsibilities), 0 to 5 — Statistics Canada, "NOC 2021
//! V1.0: the TEER system" (<https://noc.esdc.gc.ca/Training/TeerCategory>).

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{Result, RulesError};

mod catalogue;
mod csv;
mod search;
mod text;

pub use catalogue::{Catalogue, Hierarchy, NocClass, NocLevel, catalogue, lookup};
pub use search::{SearchHit, SearchLang};

/// A NOC 2021 five-digit unit-group code. Its shape is checked when parsed;
/// whether it names a real unit group is checked against the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Noc([u8; 5]);

/// Code order (the order of the digits' text). Compared as one integer: the
/// derived order on `[u8; 5]` calls `memcmp`, and codes are compared in
/// every look-up and every category list search.
impl Ord for Noc {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Noc {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Noc {
    /// The five bytes as a big-endian integer: the same order as the text.
    fn key(&self) -> u64 {
        let [a, b, c, d, e] = self.0;
        u64::from_be_bytes([0, 0, 0, a, b, c, d, e])
    }

    pub fn parse(text: &str) -> Result<Noc> {
        let bytes = text.as_bytes();
        if bytes.len() != 5 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(RulesError::invalid(
                "",
                format!("{text:?} is not a NOC 2021 code: five digits, e.g. \"21231\""),
            ));
        }
        let mut code = [0u8; 5];
        code.copy_from_slice(bytes);
        Ok(Noc(code))
    }

    pub fn as_str(&self) -> &str {
        // The bytes are ASCII digits by construction.
        std::str::from_utf8(&self.0).unwrap_or("00000")
    }

    /// The TEER category: the code's second digit.
    pub fn teer(&self) -> Teer {
        Teer(self.0[1] - b'0')
    }

    /// Broad category (1 digit), major group (2), sub-major group (3), minor group (4).
    pub fn broad_category(&self) -> &str {
        &self.as_str()[..1]
    }
    pub fn major_group(&self) -> &str {
        &self.as_str()[..2]
    }
    pub fn sub_major_group(&self) -> &str {
        &self.as_str()[..3]
    }
    pub fn minor_group(&self) -> &str {
        &self.as_str()[..4]
    }
}

impl TryFrom<String> for Noc {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, String> {
        Noc::parse(&s).map_err(|e| e.message())
    }
}

impl From<Noc> for String {
    fn from(n: Noc) -> String {
        n.as_str().to_string()
    }
}

impl fmt::Display for Noc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// TEER category 0–5. Express Entry's skilled work is TEER 0, 1, 2 or 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Teer(u8);

impl Teer {
    pub fn new(level: u8) -> Option<Teer> {
        (level <= 5).then_some(Teer(level))
    }
    pub fn level(self) -> u8 {
        self.0
    }
    /// TEER 0, 1, 2 or 3: skilled work for Express Entry.
    pub fn is_skilled(self) -> bool {
        self.0 <= 3
    }
}

impl fmt::Display for Teer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TEER {}", self.0)
    }
}

/// A NOC 2021 unit group (five-digit code). Here, not in `catalogue`, so the
/// search index and the catalogue both use it without importing each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitGroup {
    pub code: Noc,
    pub teer: Teer,
    pub title_en: String,
    pub title_fr: String,
    /// (code, English title) of each ancestor level.
    pub broad_category: (String, String),
    pub major_group: (String, String),
    pub sub_major_group: (String, String),
    pub minor_group: (String, String),
    /// Example job titles ("Illustrative examples" and "All examples"), sorted.
    /// The English and French lists are not parallel.
    pub examples_en: Vec<String>,
    pub examples_fr: Vec<String>,
    /// Statistics Canada's definition of the unit group (English).
    pub definition_en: Option<String>,
}

impl UnitGroup {
    /// The unit-group title in `lang` (English for [`SearchLang::Any`]).
    pub fn title(&self, lang: SearchLang) -> &str {
        match lang {
            SearchLang::Fr => &self.title_fr,
            SearchLang::En | SearchLang::Any => &self.title_en,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn codes_keep_leading_zeros_and_give_teer() {
        let n = Noc::parse("00012").unwrap();
        assert_eq!(n.as_str(), "00012");
        assert_eq!(n.teer().level(), 0);
        assert_eq!(Noc::parse("21231").unwrap().teer().level(), 1);
        assert_eq!(Noc::parse("65201").unwrap().teer().level(), 5);
        assert_eq!(Noc::parse("72600").unwrap().sub_major_group(), "726");
    }

    #[test]
    fn codes_order_as_their_text() {
        let codes = [
            "00010", "00012", "09999", "10000", "21231", "21232", "65201", "99999",
        ];
        for a in codes {
            for b in codes {
                let (x, y) = (Noc::parse(a).unwrap(), Noc::parse(b).unwrap());
                assert_eq!(x.cmp(&y), a.cmp(b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn malformed_codes_are_errors() {
        for bad in ["2123", "212311", "2123a", "", " 2123"] {
            assert!(Noc::parse(bad).is_err(), "{bad}");
        }
    }
}
