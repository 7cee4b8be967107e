//! IRCC's Express Entry rounds of invitations, as data: parsing and validating
//! the feed behind canada.ca's "Express Entry rounds of invitations" page
//! (`ee_rounds_123_en.json`; its fields, one round at a time, in `feed.rs`),
//! the round types, and filters. No I/O: the embedded copy is
//! `data/draws/ee_rounds_123_en.json` (provenance in `data/draws/SOURCES.md`);
//! a newer copy is read by the caller and handed to [`Draws::parse`].
//!
//! Contract: `shared/contracts/planning.md`, sections "Draws" and "Outlook".

mod feed;
pub mod outlook;
pub mod text;

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use feed::parse_tie_break;
use feed::{RawFile, parse_round};
pub use outlook::{Assessed, Eligibility, Outlook, outlook};
pub use text::DrawsText;

/// Where IRCC publishes the feed (what `landed draws update` fetches by default).
pub const IRCC_URL: &str =
    "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json";

/// The page that shows the same rounds to people (cited as `source`).
pub const IRCC_PAGE: &str = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-rounds.html";

const EMBEDDED_JSON: &str = include_str!("../../../../data/draws/ee_rounds_123_en.json");

/// A round's type: a program, all programs (`general`), a category-based
/// selection (the slugs of `categories.results[].slug`), or `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundType {
    General,
    Cec,
    Fsw,
    Fst,
    Pnp,
    French,
    Healthcare,
    Stem,
    Trades,
    Transport,
    Agriculture,
    Education,
    Physicians,
    SeniorManagers,
    Researchers,
    SkilledMilitary,
    Other,
}

impl RoundType {
    pub const ALL: [RoundType; 17] = [
        RoundType::General,
        RoundType::Cec,
        RoundType::Fsw,
        RoundType::Fst,
        RoundType::Pnp,
        RoundType::French,
        RoundType::Healthcare,
        RoundType::Stem,
        RoundType::Trades,
        RoundType::Transport,
        RoundType::Agriculture,
        RoundType::Education,
        RoundType::Physicians,
        RoundType::SeniorManagers,
        RoundType::Researchers,
        RoundType::SkilledMilitary,
        RoundType::Other,
    ];

    /// The contract's slug.
    pub fn slug(self) -> &'static str {
        match self {
            RoundType::General => "general",
            RoundType::Cec => "cec",
            RoundType::Fsw => "fsw",
            RoundType::Fst => "fst",
            RoundType::Pnp => "pnp",
            RoundType::French => "french",
            RoundType::Healthcare => "healthcare",
            RoundType::Stem => "stem",
            RoundType::Trades => "trades",
            RoundType::Transport => "transport",
            RoundType::Agriculture => "agriculture",
            RoundType::Education => "education",
            RoundType::Physicians => "physicians",
            RoundType::SeniorManagers => "senior-managers",
            RoundType::Researchers => "researchers",
            RoundType::SkilledMilitary => "skilled-military",
            RoundType::Other => "other",
        }
    }

    /// A category-based selection (its slug is a category's).
    pub fn is_category(self) -> bool {
        !matches!(
            self,
            RoundType::General
                | RoundType::Cec
                | RoundType::Fsw
                | RoundType::Fst
                | RoundType::Pnp
                | RoundType::Other
        )
    }

    /// The type of a round from IRCC's `drawName`. Names change over time
    /// ("No Program Specified" then "General"; "(Version 1)" then
    /// ", 2026-Version 2"), so this matches on the stable words.
    pub fn classify(draw_name: &str) -> RoundType {
        let n = draw_name.trim().to_lowercase();
        let n = n.as_str();
        let starts = |p: &str| n.starts_with(p);
        if starts("no program specified") || starts("general") {
            RoundType::General
        } else if starts("canadian experience class") {
            RoundType::Cec
        } else if starts("federal skilled worker") {
            RoundType::Fsw
        } else if starts("federal skilled trades") {
            RoundType::Fst
        } else if starts("provincial nominee program") {
            RoundType::Pnp
        } else if starts("french") {
            RoundType::French
        } else if starts("healthcare") {
            RoundType::Healthcare
        } else if starts("stem") {
            RoundType::Stem
        } else if starts("trade") {
            RoundType::Trades
        } else if starts("transport") {
            RoundType::Transport
        } else if starts("agriculture") {
            RoundType::Agriculture
        } else if starts("education") {
            RoundType::Education
        } else if starts("physicians") {
            RoundType::Physicians
        } else if starts("senior managers") {
            RoundType::SeniorManagers
        } else if starts("researchers") {
            RoundType::Researchers
        } else if starts("skilled military") {
            RoundType::SkilledMilitary
        } else {
            RoundType::Other
        }
    }
}

impl fmt::Display for RoundType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for RoundType {
    type Err = DrawsError;
    fn from_str(s: &str) -> Result<Self, DrawsError> {
        RoundType::ALL
            .into_iter()
            .find(|t| t.slug() == s)
            .ok_or_else(|| DrawsError::UnknownType(s.to_string()))
    }
}

/// One range of the pool's score distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub from: u16,
    pub to: u16,
    pub count: u32,
}

/// One round of invitations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// A string: round 91 is two rounds, `91a` and `91b`.
    pub number: String,
    pub date: Date,
    #[serde(rename = "type")]
    pub kind: RoundType,
    /// IRCC's own name of the round, as published.
    pub name: String,
    pub invitations: u32,
    /// CRS score of the lowest-ranked candidate invited.
    pub cutoff: u16,
    /// The tie-breaking rule: the profile submission time (UTC) of the last
    /// candidate invited, `YYYY-MM-DDTHH:MM:SS`; as published when it cannot be read.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tie_break: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub distribution_as_of: Option<Date>,
    /// The pool's score ranges (no subtotal rows), highest first; absent when not published.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub distribution: Option<Vec<ScoreRange>>,
}

impl Round {
    /// The round number's numeric part and suffix (`91b` → (91, "b")).
    pub fn number_parts(&self) -> (u32, &str) {
        split_number(&self.number).unwrap_or((0, ""))
    }
}

fn split_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let n: u32 = s.get(..digits)?.parse().ok()?;
    let rest = s.get(digits..)?;
    if rest.len() > 1 || !rest.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    Some((n, rest))
}

/// Every round, newest first, and the date of the newest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draws {
    pub data_as_of: Date,
    pub rounds: Vec<Round>,
}

/// What is wrong with a rounds file or a filter: names the round and field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawsError {
    #[error("not the rounds JSON: {0}")]
    Json(String),
    #[error("the file holds no rounds")]
    Empty,
    #[error("round {round}: {field}: {message}")]
    Field {
        /// The round's `drawNumber`, or its position (`#12`) when that is missing.
        round: String,
        field: &'static str,
        message: String,
    },
    /// A filter's date (`since`, `until`) that is not a date.
    #[error("{field}: `{value}` is not a date (YYYY-MM-DD)")]
    BadDate { field: &'static str, value: String },
    #[error("round numbers have a gap: {missing} is missing")]
    Gap { missing: u32 },
    #[error("round {0} appears twice")]
    Duplicate(String),
    #[error("round {0} is in the copy in use but not in the new file")]
    Disappeared(String),
    #[error("the new file's rounds end on {new}, before the copy in use ({old})")]
    Older { old: Date, new: Date },
    #[error(
        "type: unknown round type `{0}` (one of general, cec, fsw, fst, pnp, french, healthcare, stem, trades, transport, agriculture, education, physicians, senior-managers, researchers, skilled-military, other)"
    )]
    UnknownType(String),
}

impl Draws {
    /// The copy embedded in the binary (rounds #1–#437, to 2026-08-19).
    pub fn embedded() -> &'static Arc<Draws> {
        static EMBEDDED: LazyLock<Arc<Draws>> = LazyLock::new(|| {
            // Checked by the tests; an empty set if ever broken rather than a panic.
            Arc::new(Draws::parse(EMBEDDED_JSON).unwrap_or(Draws {
                data_as_of: Date::constant(2015, 1, 31),
                rounds: Vec::new(),
            }))
        });
        &EMBEDDED
    }

    /// The embedded file's bytes (what `draws update` compares against).
    pub fn embedded_json() -> &'static str {
        EMBEDDED_JSON
    }

    /// Parse and validate IRCC's rounds JSON: every round parses, numbers
    /// run from 1 to the highest with none missing and none repeated.
    pub fn parse(json: &str) -> Result<Draws, DrawsError> {
        let raw: RawFile =
            serde_json::from_str(json).map_err(|e| DrawsError::Json(e.to_string()))?;
        if raw.rounds.is_empty() {
            return Err(DrawsError::Empty);
        }
        let mut rounds = Vec::with_capacity(raw.rounds.len());
        for (i, r) in raw.rounds.into_iter().enumerate() {
            rounds.push(parse_round(i, r)?);
        }
        let mut seen = BTreeSet::new();
        let mut numbers = BTreeSet::new();
        for r in &rounds {
            if !seen.insert(r.number.clone()) {
                return Err(DrawsError::Duplicate(r.number.clone()));
            }
            numbers.insert(r.number_parts().0);
        }
        let max = numbers.last().copied().unwrap_or(0);
        if let Some(missing) = (1..=max).find(|n| !numbers.contains(n)) {
            return Err(DrawsError::Gap { missing });
        }
        rounds.sort_by(|a, b| {
            b.date.cmp(&a.date).then_with(|| {
                let (an, asuf) = a.number_parts();
                let (bn, bsuf) = b.number_parts();
                bn.cmp(&an).then_with(|| bsuf.cmp(asuf))
            })
        });
        let data_as_of = rounds.first().map(|r| r.date).ok_or(DrawsError::Empty)?;
        Ok(Draws { data_as_of, rounds })
    }

    /// Whether `new` may replace `self`: no round of `self` disappears and
    /// `new` is not older.
    pub fn check_successor(&self, new: &Draws) -> Result<(), DrawsError> {
        if new.data_as_of < self.data_as_of {
            return Err(DrawsError::Older {
                old: self.data_as_of,
                new: new.data_as_of,
            });
        }
        let have: BTreeSet<&str> = new.rounds.iter().map(|r| r.number.as_str()).collect();
        for r in self.rounds.iter().rev() {
            if !have.contains(r.number.as_str()) {
                return Err(DrawsError::Disappeared(r.number.clone()));
            }
        }
        Ok(())
    }

    /// The rounds that pass `filter`, newest first.
    pub fn select<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Round> + 'a {
        self.rounds.iter().filter(move |r| filter.matches(r))
    }

    /// The newest round with a published distribution.
    pub fn latest_distribution(&self) -> Option<&Round> {
        self.rounds.iter().find(|r| r.distribution.is_some())
    }
}

/// Which rounds to list: types (any of; all when empty), and an inclusive period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub types: Vec<RoundType>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Filter {
    pub fn matches(&self, r: &Round) -> bool {
        (self.types.is_empty() || self.types.contains(&r.kind))
            && self.since.is_none_or(|d| r.date >= d)
            && self.until.is_none_or(|d| r.date <= d)
    }

    /// A filter from text inputs (query strings, flags): errors name the field.
    pub fn parse(
        types: &[&str],
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Filter, DrawsError> {
        let types = types
            .iter()
            .flat_map(|t| t.split(','))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(RoundType::from_str)
            .collect::<Result<Vec<_>, _>>()?;
        let date = |field: &'static str, v: Option<&str>| -> Result<Option<Date>, DrawsError> {
            match v.map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => s.parse().map(Some).map_err(|_| DrawsError::BadDate {
                    field,
                    value: s.to_string(),
                }),
            }
        };
        Ok(Filter {
            types,
            since: date("since", since)?,
            until: date("until", until)?,
        })
    }
}

/// The contract's draws output: `{data_as_of, source, rounds}`.
#[derive(Debug, Clone, Serialize)]
pub struct DrawsOutput<'a> {
    pub data_as_of: Date,
    pub source: &'static str,
    pub rounds: Vec<&'a Round>,
}

impl Draws {
    pub fn output<'a>(&'a self, filter: &'a Filter) -> DrawsOutput<'a> {
        DrawsOutput {
            data_as_of: self.data_as_of,
            source: IRCC_PAGE,
            rounds: self.select(filter).collect(),
        }
    }
}

// The outlook's windows are here, not in `outlook`, so the sentences
// (`text`) name them without importing the outlook (which imports `assess`).

/// One type's rounds within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TypeOutlook {
    pub rounds: u32,
    pub cleared: u32,
    pub lowest_cutoff: u16,
    /// The cutoff of the type's newest round in the window.
    pub latest_cutoff: u16,
}

/// The rounds of the last `months` months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    pub months: u8,
    /// The first day of the window (`data_as_of` minus `months` months).
    pub since: Date,
    pub rounds: u32,
    pub eligible_rounds: u32,
    pub cleared: u32,
    pub by_type: BTreeMap<RoundType, TypeOutlook>,
}

impl Window {
    /// The lowest cutoff among the rounds the candidate was eligible for.
    pub fn lowest_cutoff(&self) -> Option<u16> {
        self.by_type.values().map(|t| t.lowest_cutoff).min()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn embedded_parses_with_every_round() {
        let d = Draws::parse(EMBEDDED_JSON).unwrap();
        assert_eq!(d.rounds.len(), 438);
        assert_eq!(d.data_as_of, Date::constant(2026, 8, 19));
        assert_eq!(d.rounds[0].number, "437");
        assert_eq!(d.rounds.last().unwrap().number, "1");
        let r91: Vec<_> = d
            .rounds
            .iter()
            .filter(|r| r.number.starts_with("91"))
            .collect();
        assert_eq!(r91[0].number, "91b");
        assert_eq!(r91[1].number, "91a");
        assert_eq!(
            d.rounds.iter().filter(|r| r.distribution.is_some()).count(),
            220
        );
    }

    #[test]
    fn every_name_in_the_feed_is_classified() {
        let d = Draws::embedded();
        let other: Vec<_> = d
            .rounds
            .iter()
            .filter(|r| r.kind == RoundType::Other)
            .map(|r| &r.name)
            .collect();
        assert!(other.is_empty(), "{other:?}");
        assert_eq!(RoundType::classify("Something new"), RoundType::Other);
        assert_eq!(
            RoundType::classify("No Program Specified"),
            RoundType::General
        );
        assert_eq!(
            RoundType::classify("Trades Occupations, 2026-Version 3"),
            RoundType::Trades
        );
        assert_eq!(
            RoundType::classify("Federal Skilled Trades"),
            RoundType::Fst
        );
        assert_eq!(
            RoundType::classify("Senior managers with Canadian Work Experience, 2026-Version 1"),
            RoundType::SeniorManagers
        );
    }

    #[test]
    fn round_437_reads_as_the_contract_shows() {
        let d = Draws::embedded();
        let r = &d.rounds[0];
        assert_eq!(r.kind, RoundType::French);
        assert_eq!(r.invitations, 5000);
        assert_eq!(r.cutoff, 382);
        assert_eq!(r.tie_break.as_deref(), Some("2026-03-01T18:34:05"));
        assert_eq!(r.distribution_as_of, Some(Date::constant(2026, 8, 16)));
        let dist = r.distribution.as_ref().unwrap();
        assert_eq!(dist.len(), 15);
        assert_eq!(
            dist[0],
            ScoreRange {
                from: 601,
                to: 1200,
                count: 439
            }
        );
    }

    #[test]
    fn distribution_sums_to_the_published_total_except_round_247() {
        let raw: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        let d = Draws::embedded();
        for (r, raw) in d.rounds.iter().zip(raw["rounds"].as_array().unwrap()) {
            assert_eq!(raw["drawNumber"].as_str().unwrap(), r.number);
            if let Some(dist) = &r.distribution {
                let sum: u64 = dist.iter().map(|s| u64::from(s.count)).sum();
                let total = feed::count(raw["dd18"].as_str().unwrap()).unwrap();
                if r.number == "247" {
                    assert_eq!(sum + 180, total);
                } else {
                    assert_eq!(sum, total, "round {}", r.number);
                }
            }
        }
    }

    #[test]
    fn tie_break_spellings() {
        for (s, want) in [
            ("July 3rd 2026 at 21:35:13 UTC", Some("2026-07-03T21:35:13")),
            ("May 21, 2026 at  12:14:09 UTC", Some("2026-05-21T12:14:09")),
            (
                "March 02. 2024 at 01:58:34 UTC",
                Some("2024-03-02T01:58:34"),
            ),
            (
                "September 30, 2023 at 04:22:17 AM UTC",
                Some("2023-09-30T04:22:17"),
            ),
            (
                "June 22, 2021 at 20:19:59 PM UTC",
                Some("2021-06-22T20:19:59"),
            ),
            ("May 19,2022 06:48:41 UTC", Some("2022-05-19T06:48:41")),
            (
                "December 12, 2022, at 10:48:12 UTC",
                Some("2022-12-12T10:48:12"),
            ),
            (
                " January 17, 2018 at 12:33:00 UTC",
                Some("2018-01-17T12:33:00"),
            ),
            ("March 05, 2025 at 05:10:48", Some("2025-03-05T05:10:48")),
            ("October 7 at 16:38:21 UTC", None),
        ] {
            assert_eq!(parse_tie_break(s).as_deref(), want, "{s}");
        }
        // Unreadable ones are kept as published, never a rejected round.
        let d = Draws::embedded();
        assert!(
            d.rounds
                .iter()
                .any(|r| r.tie_break.as_deref() == Some("October 7 at 16:38:21 UTC"))
        );
    }

    #[test]
    fn validation_names_round_and_field() {
        let bad = r#"{"rounds":[{"drawNumber":"2","drawDate":"2020-01-02","drawName":"General","drawSize":"1,000","drawCRS":"abc"},
                      {"drawNumber":"1","drawDate":"2020-01-01","drawName":"General","drawSize":"1","drawCRS":"400"}]}"#;
        let e = Draws::parse(bad).unwrap_err();
        assert_eq!(
            e.to_string(),
            "round 2: drawCRS: `abc` is not a CRS score (0 to 1,200)"
        );
        let gap = r#"{"rounds":[{"drawNumber":"3","drawDate":"2020-01-02","drawName":"General","drawSize":"1","drawCRS":"400"},
                      {"drawNumber":"1","drawDate":"2020-01-01","drawName":"General","drawSize":"1","drawCRS":"400"}]}"#;
        assert_eq!(
            Draws::parse(gap).unwrap_err(),
            DrawsError::Gap { missing: 2 }
        );
        assert_eq!(
            Draws::parse(r#"{"rounds":[]}"#).unwrap_err(),
            DrawsError::Empty
        );
        assert!(matches!(
            Draws::parse("{\"rounds\":[{").unwrap_err(),
            DrawsError::Json(_)
        ));
        let date = r#"{"rounds":[{"drawNumber":"1","drawDate":"2020-13-01","drawName":"General","drawSize":"1","drawCRS":"400"}]}"#;
        assert!(
            Draws::parse(date)
                .unwrap_err()
                .to_string()
                .starts_with("round 1: drawDate:")
        );
    }

    #[test]
    fn successor_keeps_every_round() {
        let d = Draws::embedded();
        assert!(d.check_successor(d).is_ok());
        let mut fewer = (**d).clone();
        fewer.rounds.remove(5);
        assert!(matches!(
            d.check_successor(&fewer),
            Err(DrawsError::Disappeared(_))
        ));
    }

    #[test]
    fn filters() {
        let d = Draws::embedded();
        let f = Filter::parse(&["cec"], Some("2026-01-01"), Some("2026-08-19")).unwrap();
        let got: Vec<_> = d.select(&f).collect();
        assert!(!got.is_empty());
        assert!(
            got.iter()
                .all(|r| r.kind == RoundType::Cec && r.date.year() == 2026)
        );
        assert_eq!(
            Filter::parse(&["cecx"], None, None).unwrap_err(),
            DrawsError::UnknownType("cecx".into())
        );
        assert_eq!(
            Filter::parse(&[], Some("2026-02-30"), None)
                .unwrap_err()
                .to_string(),
            "since: `2026-02-30` is not a date (YYYY-MM-DD)"
        );
    }
}
