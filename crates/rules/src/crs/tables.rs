//! The CRS tables, loaded from `crates/rules/data/crs/*.toml` (one file per
//! table) and compiled into one flat [`RuleSet`] per date on which any table
//! changed. A rule set's id is `crs-YYYY-MM-DD`, the newest change date.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use crate::dated::{Source, Table};
use crate::error::{Result, RulesError};

use super::EducationLevel;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRow {
    age: u8,
    with_spouse: u16,
    without_spouse: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rows<R> {
    rows: Vec<R>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelRow2 {
    level: EducationLevel,
    with_spouse: u16,
    without_spouse: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClbRow2 {
    clb: u8,
    with_spouse: u16,
    without_spouse: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecondLanguage {
    cap_with_spouse: u16,
    cap_without_spouse: u16,
    rows: Vec<ClbRow2>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsRow2 {
    years: u8,
    with_spouse: u16,
    without_spouse: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelRow {
    level: EducationLevel,
    points: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClbRow {
    clb: u8,
    points: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsRow {
    years: u8,
    points: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferEducation {
    group_cap: u16,
    rows: Vec<TransferEducationRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferEducationRow {
    level: EducationLevel,
    clb7: u16,
    clb9: u16,
    one_year: u16,
    two_years: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferForeign {
    group_cap: u16,
    rows: Vec<TransferForeignRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferForeignRow {
    years: u8,
    clb7: u16,
    clb9: u16,
    one_year: u16,
    two_years: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferCertificate {
    group_cap: u16,
    clb5: u16,
    clb7: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Caps {
    core_without_spouse: u16,
    core_with_spouse: u16,
    spouse: u16,
    skill_transferability: u16,
    additional: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Points {
    points: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobOfferPoints {
    major_group_00: u16,
    teer_0_1_2_3: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CanadianEducationPoints {
    one_or_two_year: u16,
    three_year_or_longer: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrenchPoints {
    french_only: u16,
    bilingual: u16,
}

/// A table id with its versions' `(effective_from, effective_to)`.
pub type TableVersions = (String, Vec<(Date, Option<Date>)>);

/// Every CRS table, parsed.
pub(crate) struct CrsTables {
    age: Table<Rows<AgeRow>>,
    education: Table<Rows<LevelRow2>>,
    first_language: Table<Rows<ClbRow2>>,
    second_language: Table<SecondLanguage>,
    canadian_experience: Table<Rows<YearsRow2>>,
    spouse_education: Table<Rows<LevelRow>>,
    spouse_language: Table<Rows<ClbRow>>,
    spouse_experience: Table<Rows<YearsRow>>,
    transfer_education: Table<TransferEducation>,
    transfer_foreign: Table<TransferForeign>,
    transfer_certificate: Table<TransferCertificate>,
    caps: Table<Caps>,
    provincial_nomination: Table<Points>,
    arranged_employment: Table<JobOfferPoints>,
    canadian_education: Table<CanadianEducationPoints>,
    sibling: Table<Points>,
    french: Table<FrenchPoints>,
}

macro_rules! load {
    ($file:literal) => {
        Table::from_embedded(include_str!(concat!("../../data/crs/", $file)))
            .map_err(|e| format!("{}: {e}", $file))?
    };
}

impl CrsTables {
    fn load() -> std::result::Result<CrsTables, String> {
        Ok(CrsTables {
            age: load!("core_age.toml"),
            education: load!("core_education.toml"),
            first_language: load!("core_first_language.toml"),
            second_language: load!("core_second_language.toml"),
            canadian_experience: load!("core_canadian_experience.toml"),
            spouse_education: load!("spouse_education.toml"),
            spouse_language: load!("spouse_first_language.toml"),
            spouse_experience: load!("spouse_canadian_experience.toml"),
            transfer_education: load!("transferability_education.toml"),
            transfer_foreign: load!("transferability_foreign_experience.toml"),
            transfer_certificate: load!("transferability_certificate.toml"),
            caps: load!("caps.toml"),
            provincial_nomination: load!("additional_provincial_nomination.toml"),
            arranged_employment: load!("additional_arranged_employment.toml"),
            canadian_education: load!("additional_canadian_education.toml"),
            sibling: load!("additional_sibling.toml"),
            french: load!("additional_french.toml"),
        })
    }

    /// Every version date of every table, with the table id (for coverage tests).
    fn version_dates(&self) -> Vec<TableVersions> {
        fn dates<T>(t: &Table<T>) -> TableVersions {
            (
                t.id.clone(),
                t.versions
                    .iter()
                    .map(|v| (v.effective_from, v.effective_to))
                    .collect(),
            )
        }
        vec![
            dates(&self.age),
            dates(&self.education),
            dates(&self.first_language),
            dates(&self.second_language),
            dates(&self.canadian_experience),
            dates(&self.spouse_education),
            dates(&self.spouse_language),
            dates(&self.spouse_experience),
            dates(&self.transfer_education),
            dates(&self.transfer_foreign),
            dates(&self.transfer_certificate),
            dates(&self.caps),
            dates(&self.provincial_nomination),
            dates(&self.arranged_employment),
            dates(&self.canadian_education),
            dates(&self.sibling),
            dates(&self.french),
        ]
    }
}

/// All CRS numbers in force on one date, flattened for fast scoring.
/// `[without spouse, with spouse]` pairs are indexed by `usize::from(with_spouse)`.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub id: String,
    pub effective_from: Date,
    pub age: [[u16; 2]; 46],
    pub education: [[u16; 2]; 8],
    pub first_language: [[u16; 2]; 11],
    pub second_language: [[u16; 2]; 11],
    pub second_language_cap: [u16; 2],
    pub canadian_experience: [[u16; 2]; 6],
    pub spouse_education: [u16; 8],
    pub spouse_language: [u16; 11],
    pub spouse_experience: [u16; 6],
    /// Per education level: CLB 7 column, CLB 9 column, 1 year Canadian, 2+ years Canadian.
    pub transfer_education: [[u16; 4]; 8],
    pub transfer_education_cap: u16,
    /// Per foreign-experience bracket 0, 1 (1–2 years), 2 (3+ years).
    pub transfer_foreign: [[u16; 4]; 3],
    pub transfer_foreign_cap: u16,
    pub transfer_certificate: [u16; 2],
    pub transfer_certificate_cap: u16,
    pub core_cap: [u16; 2],
    pub spouse_cap: u16,
    pub transferability_cap: u16,
    pub additional_cap: u16,
    pub provincial_nomination: u16,
    /// Major group 00, other TEER 0–3 offer.
    pub arranged_employment: [u16; 2],
    pub canadian_education: [u16; 2],
    pub sibling: u16,
    /// French only, bilingual.
    pub french: [u16; 2],
    pub src: RuleSources,
}

impl RuleSet {
    /// First-official-language points for four levels (core A, without or
    /// with an accompanying spouse).
    pub fn first_language_points(
        &self,
        levels: &crate::clb::LanguageLevels,
        with_spouse: bool,
    ) -> u16 {
        crate::clb::Ability::ALL
            .iter()
            .map(|a| {
                self.first_language[usize::from(levels.get(*a).scored())][usize::from(with_spouse)]
            })
            .sum()
    }
}

/// The source of every table in a rule set.
#[derive(Debug, Clone)]
pub struct RuleSources {
    pub age: &'static Source,
    pub education: &'static Source,
    pub first_language: &'static Source,
    pub second_language: &'static Source,
    pub canadian_experience: &'static Source,
    pub spouse_education: &'static Source,
    pub spouse_language: &'static Source,
    pub spouse_experience: &'static Source,
    pub transfer_education: &'static Source,
    pub transfer_foreign: &'static Source,
    pub transfer_certificate: &'static Source,
    pub provincial_nomination: &'static Source,
    pub arranged_employment: &'static Source,
    pub canadian_education: &'static Source,
    pub sibling: &'static Source,
    pub french: &'static Source,
}

/// Fill a per-level table from threshold rows: each row applies from its
/// key up to the next row's key.
fn thresholds<const N: usize, R, T: Copy + Default>(
    rows: &[R],
    key: impl Fn(&R) -> u8,
    value: impl Fn(&R) -> T,
    table: &str,
) -> std::result::Result<[T; N], String> {
    let mut out = [T::default(); N];
    let mut sorted: Vec<&R> = rows.iter().collect();
    sorted.sort_by_key(|r| key(r));
    if sorted.first().map(|r| key(r)) != Some(0) {
        return Err(format!("{table}: the first row must start at 0"));
    }
    for (i, r) in sorted.iter().enumerate() {
        let from = usize::from(key(r));
        let to = sorted.get(i + 1).map_or(N, |n| usize::from(key(n)));
        if from >= N || to > N || to <= from {
            return Err(format!("{table}: row {from} out of range"));
        }
        for slot in &mut out[from..to] {
            *slot = value(r);
        }
    }
    Ok(out)
}

fn by_level<T: Copy + Default, R>(
    rows: &[R],
    level: impl Fn(&R) -> EducationLevel,
    value: impl Fn(&R) -> T,
    table: &str,
) -> std::result::Result<[T; 8], String> {
    let mut out = [T::default(); 8];
    let mut seen = [false; 8];
    for r in rows {
        let i = level(r) as usize;
        if seen[i] {
            return Err(format!("{table}: level {:?} twice", level(r)));
        }
        seen[i] = true;
        out[i] = value(r);
    }
    if seen.iter().any(|s| !s) {
        return Err(format!("{table}: a level is missing"));
    }
    Ok(out)
}

fn compile(t: &'static CrsTables, date: Date) -> std::result::Result<RuleSet, String> {
    macro_rules! at {
        ($table:ident) => {
            t.$table
                .in_force(date)
                .ok_or_else(|| format!("{} has no version in force on {date}", t.$table.id))?
        };
    }
    let age = at!(age);
    let education = at!(education);
    let first_language = at!(first_language);
    let second_language = at!(second_language);
    let canadian_experience = at!(canadian_experience);
    let spouse_education = at!(spouse_education);
    let spouse_language = at!(spouse_language);
    let spouse_experience = at!(spouse_experience);
    let transfer_education = at!(transfer_education);
    let transfer_foreign = at!(transfer_foreign);
    let transfer_certificate = at!(transfer_certificate);
    let caps = at!(caps);
    let provincial_nomination = at!(provincial_nomination);
    let arranged_employment = at!(arranged_employment);
    let canadian_education = at!(canadian_education);
    let sibling = at!(sibling);
    let french = at!(french);

    // Age: rows are exact ages 17..=45; 17 covers "17 or less", 45 "45 or more".
    let mut age_points = [[0u16; 2]; 46];
    for r in &age.values.rows {
        let i = usize::from(r.age);
        if i > 45 {
            return Err(format!("{}: age {} out of range", t.age.id, r.age));
        }
        age_points[i] = [r.without_spouse, r.with_spouse];
    }
    if let Some(r17) = age.values.rows.iter().find(|r| r.age == 17) {
        for slot in &mut age_points[..17] {
            *slot = [r17.without_spouse, r17.with_spouse];
        }
    }

    let ff = transfer_foreign.values.rows.iter();
    let mut foreign = [[0u16; 4]; 3];
    for r in ff {
        let bracket = match r.years {
            0 => 0,
            1 | 2 => 1,
            _ => 2,
        };
        foreign[bracket] = [r.clb7, r.clb9, r.one_year, r.two_years];
    }

    Ok(RuleSet {
        id: format!("crs-{date}"),
        effective_from: date,
        age: age_points,
        education: by_level(
            &education.values.rows,
            |r| r.level,
            |r| [r.without_spouse, r.with_spouse],
            &t.education.id,
        )?,
        first_language: thresholds(
            &first_language.values.rows,
            |r| r.clb,
            |r| [r.without_spouse, r.with_spouse],
            &t.first_language.id,
        )?,
        second_language: thresholds(
            &second_language.values.rows,
            |r| r.clb,
            |r| [r.without_spouse, r.with_spouse],
            &t.second_language.id,
        )?,
        second_language_cap: [
            second_language.values.cap_without_spouse,
            second_language.values.cap_with_spouse,
        ],
        canadian_experience: thresholds(
            &canadian_experience.values.rows,
            |r| r.years,
            |r| [r.without_spouse, r.with_spouse],
            &t.canadian_experience.id,
        )?,
        spouse_education: by_level(
            &spouse_education.values.rows,
            |r| r.level,
            |r| r.points,
            &t.spouse_education.id,
        )?,
        spouse_language: thresholds(
            &spouse_language.values.rows,
            |r| r.clb,
            |r| r.points,
            &t.spouse_language.id,
        )?,
        spouse_experience: thresholds(
            &spouse_experience.values.rows,
            |r| r.years,
            |r| r.points,
            &t.spouse_experience.id,
        )?,
        transfer_education: by_level(
            &transfer_education.values.rows,
            |r| r.level,
            |r| [r.clb7, r.clb9, r.one_year, r.two_years],
            &t.transfer_education.id,
        )?,
        transfer_education_cap: transfer_education.values.group_cap,
        transfer_foreign: foreign,
        transfer_foreign_cap: transfer_foreign.values.group_cap,
        transfer_certificate: [
            transfer_certificate.values.clb5,
            transfer_certificate.values.clb7,
        ],
        transfer_certificate_cap: transfer_certificate.values.group_cap,
        core_cap: [
            caps.values.core_without_spouse,
            caps.values.core_with_spouse,
        ],
        spouse_cap: caps.values.spouse,
        transferability_cap: caps.values.skill_transferability,
        additional_cap: caps.values.additional,
        provincial_nomination: provincial_nomination.values.points,
        arranged_employment: [
            arranged_employment.values.major_group_00,
            arranged_employment.values.teer_0_1_2_3,
        ],
        canadian_education: [
            canadian_education.values.one_or_two_year,
            canadian_education.values.three_year_or_longer,
        ],
        sibling: sibling.values.points,
        french: [french.values.french_only, french.values.bilingual],
        src: RuleSources {
            age: &age.source,
            education: &education.source,
            first_language: &first_language.source,
            second_language: &second_language.source,
            canadian_experience: &canadian_experience.source,
            spouse_education: &spouse_education.source,
            spouse_language: &spouse_language.source,
            spouse_experience: &spouse_experience.source,
            transfer_education: &transfer_education.source,
            transfer_foreign: &transfer_foreign.source,
            transfer_certificate: &transfer_certificate.source,
            provincial_nomination: &provincial_nomination.source,
            arranged_employment: &arranged_employment.source,
            canadian_education: &canadian_education.source,
            sibling: &sibling.source,
            french: &french.source,
        },
    })
}

static TABLES: LazyLock<std::result::Result<CrsTables, String>> = LazyLock::new(CrsTables::load);

static RULE_SETS: LazyLock<std::result::Result<Vec<RuleSet>, String>> = LazyLock::new(|| {
    let tables = TABLES.as_ref().map_err(Clone::clone)?;
    let mut dates: Vec<Date> = tables
        .version_dates()
        .into_iter()
        .flat_map(|(_, v)| v.into_iter().map(|(from, _)| from))
        .collect();
    dates.sort();
    dates.dedup();
    dates.into_iter().map(|d| compile(tables, d)).collect()
});

/// Every CRS table with its versions' `(effective_from, effective_to)`, for
/// the temporal-coverage tests.
pub fn table_versions() -> Result<Vec<TableVersions>> {
    TABLES
        .as_ref()
        .map(CrsTables::version_dates)
        .map_err(|e| RulesError::invalid("rules", format!("embedded CRS tables are invalid: {e}")))
}

/// Every CRS rule set, oldest first.
pub fn rule_sets() -> Result<&'static [RuleSet]> {
    RULE_SETS
        .as_ref()
        .map(Vec::as_slice)
        .map_err(|e| RulesError::invalid("rules", format!("embedded CRS tables are invalid: {e}")))
}

/// The rule set in force on `date`.
pub fn rule_set_on(date: Date) -> Result<&'static RuleSet> {
    let sets = rule_sets()?;
    let idx = sets.partition_point(|s| s.effective_from <= date);
    if idx == 0 {
        return Err(RulesError::DateNotCovered {
            table: "crs",
            date,
            earliest: sets.first().map_or(Date::MAX, |s| s.effective_from),
        });
    }
    Ok(&sets[idx - 1])
}
