//! What the rules data knows, and up to when: every embedded rule table with
//! its effective periods, sources, grades and `verified_on` (the last day
//! its content was checked against the published page or its copies), the
//! date the data as a whole is verified through, and the reported changes
//! that are not encoded (`data/pending.toml`). An assessment or a CRS result
//! dated after the verified date, or on or after a pending change's reported
//! date, says so in a note: a gap in the rules is stated, never silent.

pub(crate) mod text;
pub use text::{CurrencyText, Pending};

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dated::{Source, Table};
use crate::text::Text;

/// Every embedded rule table: (path under `crates/rules/data/`, its text).
/// A test checks that this list names every `.toml` file of that folder.
pub const FILES: &[(&str, &str)] = &[
    (
        "crs/additional_arranged_employment.toml",
        include_str!("../../data/crs/additional_arranged_employment.toml"),
    ),
    (
        "crs/additional_canadian_education.toml",
        include_str!("../../data/crs/additional_canadian_education.toml"),
    ),
    (
        "crs/additional_french.toml",
        include_str!("../../data/crs/additional_french.toml"),
    ),
    (
        "crs/additional_provincial_nomination.toml",
        include_str!("../../data/crs/additional_provincial_nomination.toml"),
    ),
    (
        "crs/additional_sibling.toml",
        include_str!("../../data/crs/additional_sibling.toml"),
    ),
    ("crs/caps.toml", include_str!("../../data/crs/caps.toml")),
    (
        "crs/core_age.toml",
        include_str!("../../data/crs/core_age.toml"),
    ),
    (
        "crs/core_canadian_experience.toml",
        include_str!("../../data/crs/core_canadian_experience.toml"),
    ),
    (
        "crs/core_education.toml",
        include_str!("../../data/crs/core_education.toml"),
    ),
    (
        "crs/core_first_language.toml",
        include_str!("../../data/crs/core_first_language.toml"),
    ),
    (
        "crs/core_second_language.toml",
        include_str!("../../data/crs/core_second_language.toml"),
    ),
    (
        "crs/spouse_canadian_experience.toml",
        include_str!("../../data/crs/spouse_canadian_experience.toml"),
    ),
    (
        "crs/spouse_education.toml",
        include_str!("../../data/crs/spouse_education.toml"),
    ),
    (
        "crs/spouse_first_language.toml",
        include_str!("../../data/crs/spouse_first_language.toml"),
    ),
    (
        "crs/transferability_certificate.toml",
        include_str!("../../data/crs/transferability_certificate.toml"),
    ),
    (
        "crs/transferability_education.toml",
        include_str!("../../data/crs/transferability_education.toml"),
    ),
    (
        "crs/transferability_foreign_experience.toml",
        include_str!("../../data/crs/transferability_foreign_experience.toml"),
    ),
    (
        "language/celpip_general.toml",
        include_str!("../../data/language/celpip_general.toml"),
    ),
    (
        "language/ielts_general.toml",
        include_str!("../../data/language/ielts_general.toml"),
    ),
    (
        "language/pte_core.toml",
        include_str!("../../data/language/pte_core.toml"),
    ),
    (
        "language/tcf_canada.toml",
        include_str!("../../data/language/tcf_canada.toml"),
    ),
    (
        "language/tef_canada_ancien_score.toml",
        include_str!("../../data/language/tef_canada_ancien_score.toml"),
    ),
    (
        "language/tef_canada_score_699.toml",
        include_str!("../../data/language/tef_canada_score_699.toml"),
    ),
    (
        "language/validity.toml",
        include_str!("../../data/language/validity.toml"),
    ),
    (
        "planning/application_deadline.toml",
        include_str!("../../data/planning/application_deadline.toml"),
    ),
    (
        "planning/eca_validity.toml",
        include_str!("../../data/planning/eca_validity.toml"),
    ),
    (
        "planning/profile_validity.toml",
        include_str!("../../data/planning/profile_validity.toml"),
    ),
    (
        "programs/categories_2023.toml",
        include_str!("../../data/programs/categories_2023.toml"),
    ),
    (
        "programs/categories_2025.toml",
        include_str!("../../data/programs/categories_2025.toml"),
    ),
    (
        "programs/categories_2026.toml",
        include_str!("../../data/programs/categories_2026.toml"),
    ),
    (
        "programs/cec_minimums.toml",
        include_str!("../../data/programs/cec_minimums.toml"),
    ),
    (
        "programs/fst_eligible_groups.toml",
        include_str!("../../data/programs/fst_eligible_groups.toml"),
    ),
    (
        "programs/fst_minimums.toml",
        include_str!("../../data/programs/fst_minimums.toml"),
    ),
    (
        "programs/fsw_grid_adaptability.toml",
        include_str!("../../data/programs/fsw_grid_adaptability.toml"),
    ),
    (
        "programs/fsw_grid_age.toml",
        include_str!("../../data/programs/fsw_grid_age.toml"),
    ),
    (
        "programs/fsw_grid_arranged_employment.toml",
        include_str!("../../data/programs/fsw_grid_arranged_employment.toml"),
    ),
    (
        "programs/fsw_grid_education.toml",
        include_str!("../../data/programs/fsw_grid_education.toml"),
    ),
    (
        "programs/fsw_grid_experience.toml",
        include_str!("../../data/programs/fsw_grid_experience.toml"),
    ),
    (
        "programs/fsw_grid_first_language.toml",
        include_str!("../../data/programs/fsw_grid_first_language.toml"),
    ),
    (
        "programs/fsw_grid_second_language.toml",
        include_str!("../../data/programs/fsw_grid_second_language.toml"),
    ),
    (
        "programs/fsw_minimums.toml",
        include_str!("../../data/programs/fsw_minimums.toml"),
    ),
    (
        "programs/proof_of_funds.toml",
        include_str!("../../data/programs/proof_of_funds.toml"),
    ),
];

const PENDING_TOML: &str = include_str!("../../data/pending.toml");

/// One version of a table, as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    pub effective_from: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    pub source: Source,
    pub verified_on: Option<Date>,
}

/// One rule table, as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableInfo {
    pub id: String,
    /// Path under `crates/rules/data/`.
    pub file: &'static str,
    pub description: String,
    pub versions: Vec<VersionInfo>,
}

#[derive(Deserialize)]
struct PendingFile {
    #[allow(dead_code)]
    id: String,
    #[allow(dead_code)]
    description: String,
    #[serde(default)]
    pending: Vec<Pending>,
}

/// The whole listing: `landed rules`, `/{lang}/rules`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalogue {
    /// The earliest `verified_on` among the versions in force on that day.
    pub rules_verified_through: Option<Date>,
    pub tables: Vec<TableInfo>,
    pub pending: Vec<Pending>,
}

static CATALOGUE: LazyLock<Result<Catalogue, String>> = LazyLock::new(load);

fn load() -> Result<Catalogue, String> {
    let mut tables = Vec::with_capacity(FILES.len());
    for (file, text) in FILES {
        let t: Table<toml::Table> = Table::from_toml(text).map_err(|e| format!("{file}: {e}"))?;
        tables.push(TableInfo {
            id: t.id,
            file,
            description: t.description,
            versions: t
                .versions
                .into_iter()
                .map(|v| VersionInfo {
                    effective_from: v.effective_from,
                    effective_to: v.effective_to,
                    source: v.source,
                    verified_on: v.verified_on,
                })
                .collect(),
        });
    }
    let pending: PendingFile =
        toml::from_str(PENDING_TOML).map_err(|e| format!("pending.toml: {e}"))?;
    let rules_verified_through = tables
        .iter()
        .filter_map(|t| t.versions.last())
        .map(|v| v.verified_on)
        .min()
        .flatten();
    Ok(Catalogue {
        rules_verified_through,
        tables,
        pending: pending.pending,
    })
}

/// Every table and pending change (an error only if an embedded file is
/// malformed, which the tests rule out).
pub fn catalogue() -> Result<&'static Catalogue, &'static str> {
    CATALOGUE.as_ref().map_err(String::as_str)
}

/// The latest date the data as a whole has been verified to: the earliest
/// `verified_on` of the tables' newest versions.
pub fn rules_verified_through() -> Option<Date> {
    catalogue().ok().and_then(|c| c.rules_verified_through)
}

/// The notes a result dated `as_of` carries: the rules may have changed
/// since they were last verified; a reported change not encoded.
/// `crs_result`: for a CRS result (the pending changes that affect the CRS),
/// else for an assessment (those that affect something else: the CRS result
/// inside it carries its own).
pub fn notes(as_of: Date, crs_result: bool) -> Vec<Text> {
    let Ok(c) = catalogue() else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    if let Some(through) = c.rules_verified_through
        && as_of > through
    {
        notes.push(Text::Currency(CurrencyText::NotVerifiedSince { through }));
    }
    for p in &c.pending {
        let affects_crs = p.affects.iter().any(|a| a == "crs");
        let affects_more = p.affects.iter().any(|a| a != "crs");
        if p.reported_effective <= as_of
            && (if crs_result {
                affects_crs
            } else {
                affects_more
            })
        {
            notes.push(Text::Currency(CurrencyText::Pending(p)));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::Lang;

    #[test]
    fn every_data_file_is_listed_and_every_version_says_when_it_was_verified() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut on_disk = Vec::new();
        for sub in std::fs::read_dir(dir).unwrap() {
            let sub = sub.unwrap().path();
            if sub.is_dir() {
                for f in std::fs::read_dir(&sub).unwrap() {
                    let f = f.unwrap().path();
                    if f.extension().is_some_and(|e| e == "toml") {
                        let rel = f
                            .strip_prefix(dir)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/");
                        on_disk.push(rel);
                    }
                }
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(f, _)| f.to_string()).collect();
        listed.sort();
        assert_eq!(listed, on_disk, "FILES must name every table");
        let c = catalogue().unwrap();
        for t in &c.tables {
            for v in &t.versions {
                assert!(
                    v.verified_on.is_some(),
                    "{} ({}) version from {} has no verified_on",
                    t.id,
                    t.file,
                    v.effective_from
                );
                assert!(v.source.confidence.is_some(), "{}: no grade", t.id);
            }
        }
        assert!(c.rules_verified_through.is_some());
    }

    #[test]
    fn a_result_after_the_verified_date_or_a_pending_change_says_so() {
        let through = rules_verified_through().unwrap();
        assert!(
            notes(through, true)
                .iter()
                .all(|n| !matches!(n, Text::Currency(CurrencyText::NotVerifiedSince { .. })))
        );
        let later = through.tomorrow().unwrap();
        let n = notes(later, true);
        assert!(n.iter().any(|n| n.en().contains(&format!(
            "last verified against the published pages on {through}"
        ))));
        // The high-wage factor, reported in force from 2026-11-03.
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert!(
            notes(d("2026-11-02"), true)
                .iter()
                .all(|n| !n.en().contains("high-wage"))
        );
        let n = notes(d("2026-11-03"), true);
        let hw: Vec<_> = n.iter().filter(|n| n.en().contains("high-wage")).collect();
        assert_eq!(hw.len(), 1, "{n:?}");
        assert!(hw[0].en().contains("2026-11-03") && hw[0].en().contains("C4"));
        assert!(crate::text::in_language(Lang::Fr, || hw[0].to_string()).contains("salaire élevé"));
    }
}
