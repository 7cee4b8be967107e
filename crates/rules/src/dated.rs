//! Effective-dated rule tables (OpenFisca's parameters, Catala's date guards).
//!
//! Every table is one TOML file under `crates/rules/data/`, embedded at compile
//! time. A file holds one or more `[[version]]` entries, each with an
//! `effective_from` date, an optional `effective_to` (last day in force), a
//! `source` (title and address of the page that publishes it) and the table's
//! values. A lookup takes the version in force on a date; a date before the
//! first version is an error, never a silent zero.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Result, RulesError};

/// Where a rule is published.
///
/// The text is `Cow<'static, str>`: sources of the embedded tables and of
/// fixed pages are borrowed, so the dozens of sources an assessment cites
/// cost no allocation when copied into its output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: Cow<'static, str>,
    pub href: Cow<'static, str>,
    /// Confidence grade from `rules.md` (C1 official … C5 unverified).
    #[serde(default)]
    pub confidence: Option<Cow<'static, str>>,
    /// A note when the rule is contested or not checked on the official page.
    #[serde(default)]
    pub note: Option<Cow<'static, str>>,
}

impl Source {
    /// A source whose text is fixed in the program.
    pub const fn fixed(
        title: &'static str,
        href: &'static str,
        confidence: &'static str,
    ) -> Source {
        Source {
            title: Cow::Borrowed(title),
            href: Cow::Borrowed(href),
            confidence: Some(Cow::Borrowed(confidence)),
            note: None,
        }
    }

    /// Make the text `'static` so that copies borrow it. Used only for the
    /// embedded tables, which are loaded once per process and kept for its
    /// whole life: the few kilobytes "leaked" are never meant to be freed.
    ///
    /// Equal texts are leaked once and shared (most CRS tables cite the same
    /// page), so a writer can tell a text it has already checked by its address.
    fn into_static(self) -> Source {
        fn leak(c: Cow<'static, str>) -> Cow<'static, str> {
            static INTERNED: std::sync::Mutex<Vec<&'static str>> =
                std::sync::Mutex::new(Vec::new());
            match c {
                Cow::Owned(s) => {
                    let Ok(mut interned) = INTERNED.lock() else {
                        return Cow::Borrowed(Box::leak(s.into_boxed_str()));
                    };
                    if let Some(same) = interned.iter().find(|t| **t == s) {
                        return Cow::Borrowed(same);
                    }
                    let text: &'static str = Box::leak(s.into_boxed_str());
                    interned.push(text);
                    Cow::Borrowed(text)
                }
                borrowed => borrowed,
            }
        }
        Source {
            title: leak(self.title),
            href: leak(self.href),
            confidence: self.confidence.map(leak),
            note: self.note.map(leak),
        }
    }
}

/// One version of a table.
#[derive(Debug, Clone, Deserialize)]
pub struct Version<T> {
    #[serde(deserialize_with = "de_date")]
    pub effective_from: Date,
    #[serde(default, deserialize_with = "de_opt_date")]
    pub effective_to: Option<Date>,
    pub source: Source,
    #[serde(default, deserialize_with = "de_opt_date")]
    pub verified_on: Option<Date>,
    #[serde(flatten)]
    pub values: T,
}

/// A table: its id and its versions, oldest first.
#[derive(Debug, Clone, Deserialize)]
pub struct Table<T> {
    pub id: String,
    #[serde(default)]
    pub description: String,
    #[serde(rename = "version")]
    pub versions: Vec<Version<T>>,
}

/// What a table check found wrong (used by the temporal-coverage tests and at load).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("table {table}: {problem}")]
pub struct TableProblem {
    pub table: String,
    pub problem: String,
}

impl<T> Table<T> {
    /// Parse a table from TOML text (the embedded data files). Panics are not
    /// used: a malformed embedded file is reported by `load_embedded` callers'
    /// tests, which parse every file.
    pub fn from_toml(text: &str) -> std::result::Result<Self, String>
    where
        T: for<'de> Deserialize<'de>,
    {
        let table: Table<T> = toml::from_str(text).map_err(|e| e.to_string())?;
        table.check().map_err(|p| p.to_string())?;
        Ok(table)
    }

    /// Parse one of the tables embedded in the binary (`include_str!`), loaded
    /// once per process: its sources become `'static` (see [`Source`]).
    pub fn from_embedded(text: &'static str) -> std::result::Result<Self, String>
    where
        T: for<'de> Deserialize<'de>,
    {
        let mut table = Self::from_toml(text)?;
        for v in &mut table.versions {
            v.source = std::mem::replace(&mut v.source, Source::fixed("", "", "")).into_static();
        }
        Ok(table)
    }

    /// Versions must be in increasing `effective_from` order, must not overlap
    /// and each must cite a source.
    pub fn check(&self) -> std::result::Result<(), TableProblem> {
        let problem = |p: String| TableProblem {
            table: self.id.clone(),
            problem: p,
        };
        if self.versions.is_empty() {
            return Err(problem("no versions".into()));
        }
        for (i, v) in self.versions.iter().enumerate() {
            if v.source.title.trim().is_empty() || v.source.href.trim().is_empty() {
                return Err(problem(format!(
                    "version from {} has no source",
                    v.effective_from
                )));
            }
            if let Some(to) = v.effective_to
                && to < v.effective_from
            {
                return Err(problem(format!(
                    "version from {} ends before it starts ({to})",
                    v.effective_from
                )));
            }
            if i > 0 {
                let prev = &self.versions[i - 1];
                if v.effective_from <= prev.effective_from {
                    return Err(problem(format!(
                        "versions out of order: {} after {}",
                        v.effective_from, prev.effective_from
                    )));
                }
                if let Some(prev_to) = prev.effective_to
                    && prev_to >= v.effective_from
                {
                    return Err(problem(format!(
                        "version from {} overlaps the one ending {prev_to}",
                        v.effective_from
                    )));
                }
            }
        }
        Ok(())
    }

    /// The version in force on `date`: the newest whose `effective_from` ≤ date,
    /// unless it ended (`effective_to`) before the date.
    pub fn in_force(&self, date: Date) -> Option<&Version<T>> {
        let idx = self.versions.partition_point(|v| v.effective_from <= date);
        if idx == 0 {
            return None;
        }
        let v = &self.versions[idx - 1];
        match v.effective_to {
            Some(to) if to < date => None,
            _ => Some(v),
        }
    }

    /// Like `in_force`, but an error naming the table when nothing is in force.
    pub fn require(&self, table: &'static str, date: Date) -> Result<&Version<T>> {
        self.in_force(date).ok_or(RulesError::DateNotCovered {
            table,
            date,
            earliest: self.earliest(),
        })
    }

    pub fn earliest(&self) -> Date {
        self.versions
            .first()
            .map(|v| v.effective_from)
            .unwrap_or(Date::MAX)
    }
}

/// TOML has native dates; accept those and ISO strings alike.
pub fn de_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Date, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Raw::deserialize(d)? {
        Raw::Toml(dt) => dt.to_string(),
        Raw::Text(s) => s,
    };
    text.parse::<Date>().map_err(serde::de::Error::custom)
}

pub fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Date>, D::Error> {
    de_date(d).map(Some)
}
