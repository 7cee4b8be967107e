//! The category sets as the data files define them
//! (`data/programs/categories_YYYY.toml`): their shape and the checks a set
//! passes when it loads (every sentence in both languages, lists sorted).

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Req;
use crate::dated::{Source, Table, Version};
use crate::error::Result;
use crate::noc::Noc;
use crate::programs::table_error;

/// What a category asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryKind {
    /// French-language proficiency.
    French,
    /// Work experience in a listed occupation.
    Occupations,
}

/// One category as the data file defines it. Every sentence has its French
/// counterpart (`…_fr`), present exactly when the English one is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub slug: String,
    /// `categories.{slug}.{requirement}` for each requirement, made once at load.
    #[serde(skip)]
    pub requirement_ids: Vec<String>,
    pub title: String,
    pub title_fr: String,
    pub kind: CategoryKind,
    /// The experience must be in Canada ("with Canadian work experience").
    #[serde(default)]
    pub canadian_experience_only: bool,
    /// landed has the whole list (else only part of it, or none).
    pub list_complete: bool,
    /// The list was checked against the official page.
    pub verified: bool,
    pub confidence: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_fr: Option<String>,
    /// A job offer in one of the listed occupations is needed (skilled military recruits).
    #[serde(default)]
    pub needs_job_offer_in_list: bool,
    /// A further condition landed cannot check (e.g. licensing), as the
    /// object of "This category also needs …".
    #[serde(default)]
    pub extra_condition: Option<String>,
    #[serde(default)]
    pub extra_condition_fr: Option<String>,
    #[serde(default)]
    pub experience_note: Option<String>,
    #[serde(default)]
    pub experience_note_fr: Option<String>,
    /// This category's own continuity rule, where it differs from the set's
    /// (2026 physicians: 12 months of *continuous* work in Canada).
    #[serde(default)]
    pub experience_continuous: Option<bool>,
    /// Further conditions reported for this category, each a requirement of
    /// its own with its source and grade.
    #[serde(default, rename = "requirement")]
    pub extra_requirements: Vec<ExtraRequirement>,
    #[serde(default)]
    pub nocs: Vec<Noc>,
}

/// A reported condition of one category (e.g. skilled military recruits'
/// years of service), checked where the profile can say, else `unknown`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraRequirement {
    /// `categories.{slug}.{key}`.
    pub key: String,
    /// The condition, as the object of "This category also needs …".
    pub text: String,
    pub text_fr: String,
    pub check: ExtraCheck,
    pub source: Source,
}

/// How landed checks an [`ExtraRequirement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtraCheck {
    /// The profile cannot say: always `unknown`.
    Unknown,
    /// A post-secondary credential of two years or more that counts.
    PostSecondaryTwoYears,
}

impl CategoryDef {
    /// Whether `noc` is on this category's list (kept sorted at load).
    pub fn lists(&self, noc: Noc) -> bool {
        self.nocs.binary_search(&noc).is_ok()
    }
}

/// The categories in force from one date, and their common rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySet {
    /// Hours of work in one listed occupation (780 = 6 months, 1,560 = 12 months).
    pub experience_hours: u32,
    /// The hours must form one period without a gap day.
    pub experience_continuous: bool,
    pub experience_window_years: i16,
    pub experience_rule: String,
    pub experience_rule_fr: String,
    pub french_min_nclc: u8,
    pub categories: Vec<CategoryDef>,
}

/// Every sentence of a set in both languages: `Err` names what is missing.
pub(super) fn check_french(v: &Version<CategorySet>) -> std::result::Result<(), String> {
    let at = v.effective_from;
    let blank = |s: &str| s.trim().is_empty();
    if blank(&v.values.experience_rule) || blank(&v.values.experience_rule_fr) {
        return Err(format!(
            "categories from {at}: experience_rule and experience_rule_fr are both needed"
        ));
    }
    for c in &v.values.categories {
        if blank(&c.title) || blank(&c.title_fr) {
            return Err(format!(
                "categories from {at}: {} needs title and title_fr",
                c.slug
            ));
        }
        for (name, en, fr) in [
            ("note", &c.note, &c.note_fr),
            ("extra_condition", &c.extra_condition, &c.extra_condition_fr),
            ("experience_note", &c.experience_note, &c.experience_note_fr),
        ] {
            match (en.as_deref(), fr.as_deref()) {
                (None, None) => {}
                (Some(en), Some(fr)) if !blank(en) && !blank(fr) => {}
                _ => {
                    return Err(format!(
                        "categories from {at}: {} needs both {name} and {name}_fr, or neither",
                        c.slug
                    ));
                }
            }
        }
    }
    Ok(())
}

static TABLE: LazyLock<std::result::Result<Table<CategorySet>, String>> = LazyLock::new(|| {
    let a: Table<CategorySet> = load_table!("categories_2023.toml")?;
    let b: Table<CategorySet> = load_table!("categories_2025.toml")?;
    let c: Table<CategorySet> = load_table!("categories_2026.toml")?;
    let mut versions: Vec<Version<CategorySet>> = a
        .versions
        .into_iter()
        .chain(b.versions)
        .chain(c.versions)
        .collect();
    versions.sort_by_key(|v| v.effective_from);
    let mut t = Table {
        id: "programs.categories".to_string(),
        description: String::new(),
        versions,
    };
    t.check().map_err(|p| p.to_string())?;
    for v in &mut t.versions {
        for c in &mut v.values.categories {
            // Sorted once, so that membership is a binary search (checked for
            // every occupation of every candidate against every list).
            c.nocs.sort_unstable();
            c.requirement_ids = Req::NAMES
                .iter()
                .map(|what| format!("categories.{}.{what}", c.slug))
                .collect();
        }
    }
    for v in &t.versions {
        let mut slugs: Vec<&str> = v
            .values
            .categories
            .iter()
            .map(|c| c.slug.as_str())
            .collect();
        slugs.sort_unstable();
        let n = slugs.len();
        slugs.dedup();
        if slugs.len() != n {
            return Err(format!(
                "categories from {}: a slug appears twice",
                v.effective_from
            ));
        }
        for c in &v.values.categories {
            if c.nocs.windows(2).any(|w| w[0] == w[1]) {
                return Err(format!(
                    "categories from {}: {} lists a code twice",
                    v.effective_from, c.slug
                ));
            }
            if c.kind == CategoryKind::French && !c.nocs.is_empty() {
                return Err(format!(
                    "categories from {}: {} is a language category with codes",
                    v.effective_from, c.slug
                ));
            }
        }
        check_french(v)?;
    }
    Ok(t)
});

pub(super) fn table() -> Result<&'static Table<CategorySet>> {
    TABLE.as_ref().map_err(|e| table_error(e))
}

/// The categories in force on `date` (`None` before category-based selection began).
pub fn category_rules_on(date: Date) -> Result<Option<&'static Version<CategorySet>>> {
    Ok(table()?.in_force(date))
}
