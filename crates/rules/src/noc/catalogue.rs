//! The NOC 2021 V1.0 catalogue: all 516 unit groups with their TEER,
//! hierarchy, English and French titles, definitions and ~58,000 example
//! job titles, embedded at compile time from `data/noc/` (see
//! `data/noc/SOURCES.md` for provenance and licence) and parsed once, on
//! first use.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use super::UnitGroup;
use super::csv;
use super::search::{SearchHit, SearchIndex, SearchLang};
use super::{Noc, Teer};
use crate::error::{Result, RulesError};

const UNIT_GROUPS_CSV: &str = include_str!("../../../../data/noc/noc2021_unit_groups.csv");
const STRUCTURE_CSV: &str = include_str!("../../../../data/noc/noc2021_structure.csv");
const EXAMPLES_JSON: &str = include_str!("../../../../data/noc/noc2021_example_titles.json");

static CATALOGUE: LazyLock<Result<Catalogue>> =
    LazyLock::new(|| Catalogue::from_sources(UNIT_GROUPS_CSV, STRUCTURE_CSV, EXAMPLES_JSON));

/// The embedded NOC 2021 V1.0 catalogue, parsed on first use. An error
/// means the embedded data is inconsistent (a build defect), never a panic.
pub fn catalogue() -> Result<&'static Catalogue> {
    CATALOGUE.as_ref().map_err(Clone::clone)
}

/// How many close codes [`lookup`] names in its error.
const SUGGESTIONS_IN_ERROR: usize = 5;

/// Validates that `code` names a real NOC 2021 unit group. The error says
/// e.g. "unknown NOC 2021 unit group 21239; close codes: 21231 Software
/// engineers and designers, …" with an empty field: the caller prefixes the
/// field path with [`RulesError::within`].
pub fn lookup(code: Noc) -> Result<&'static UnitGroup> {
    let cat = catalogue()?;
    if let Some(group) = cat.get(code) {
        return Ok(group);
    }
    let close = cat.suggest_codes(code.as_str(), SUGGESTIONS_IN_ERROR);
    let message = if close.is_empty() {
        format!("unknown NOC 2021 unit group {code}; no close codes")
    } else {
        let list: Vec<String> = close
            .iter()
            .map(|g| format!("{} {}", g.code, g.title_en))
            .collect();
        format!(
            "unknown NOC 2021 unit group {code}; close codes: {}",
            list.join(", ")
        )
    };
    Err(RulesError::invalid("", message))
}

/// A level of the NOC hierarchy; the code of a class at each level has
/// 1, 2, 3, 4 or 5 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NocLevel {
    BroadCategory,
    MajorGroup,
    SubMajorGroup,
    MinorGroup,
    UnitGroup,
}

impl NocLevel {
    /// The level of a code with `digits` digits.
    pub fn from_digits(digits: usize) -> Option<NocLevel> {
        Some(match digits {
            1 => NocLevel::BroadCategory,
            2 => NocLevel::MajorGroup,
            3 => NocLevel::SubMajorGroup,
            4 => NocLevel::MinorGroup,
            5 => NocLevel::UnitGroup,
            _ => return None,
        })
    }
    pub fn digits(self) -> usize {
        match self {
            NocLevel::BroadCategory => 1,
            NocLevel::MajorGroup => 2,
            NocLevel::SubMajorGroup => 3,
            NocLevel::MinorGroup => 4,
            NocLevel::UnitGroup => 5,
        }
    }
    /// The name Statistics Canada uses, e.g. "Sub-major group".
    pub fn name(self) -> &'static str {
        match self {
            NocLevel::BroadCategory => "Broad category",
            NocLevel::MajorGroup => "Major group",
            NocLevel::SubMajorGroup => "Sub-major group",
            NocLevel::MinorGroup => "Minor group",
            NocLevel::UnitGroup => "Unit group",
        }
    }
}

impl fmt::Display for NocLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One class of the NOC 2021 structure at any level (a row of Statistics
/// Canada's classification-structure file).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NocClass {
    pub level: NocLevel,
    /// 1 to 5 digits, as text.
    pub code: String,
    pub title_en: String,
    pub definition_en: Option<String>,
}

/// A unit group's ancestry, from the broad category down to the unit group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Hierarchy<'a> {
    pub broad_category: &'a NocClass,
    pub major_group: &'a NocClass,
    pub sub_major_group: &'a NocClass,
    pub minor_group: &'a NocClass,
    pub unit_group: &'a NocClass,
}

impl<'a> Hierarchy<'a> {
    /// The five levels, broadest first.
    pub fn levels(&self) -> [&'a NocClass; 5] {
        [
            self.broad_category,
            self.major_group,
            self.sub_major_group,
            self.minor_group,
            self.unit_group,
        ]
    }
}

/// All NOC 2021 V1.0 unit groups and classes, and a search index over
/// their titles. Get the embedded one with [`catalogue`].
pub struct Catalogue {
    /// Sorted by code.
    groups: Vec<UnitGroup>,
    /// `groups`' codes, in the same order: a look-up searches 2.5 KB of codes
    /// instead of touching a large record at every step (every job of every
    /// assessment is looked up).
    codes: Vec<Noc>,
    /// Every class of every level, sorted by code text.
    classes: Vec<NocClass>,
    /// Built on the first search, so that code look-ups do not pay for it.
    index: OnceLock<SearchIndex>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("unit_groups", &self.groups.len())
            .field("classes", &self.classes.len())
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    /// The unit group with this code, if it exists.
    pub fn get(&self, code: Noc) -> Option<&UnitGroup> {
        self.codes
            .binary_search(&code)
            .ok()
            .and_then(|i| self.groups.get(i))
    }

    /// The number of unit groups (516).
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The unit groups in code order.
    pub fn iter(&self) -> impl Iterator<Item = &UnitGroup> {
        self.groups.iter()
    }

    /// The class (any level) with this 1- to 5-digit code.
    pub fn class(&self, code: &str) -> Option<&NocClass> {
        self.classes
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .and_then(|i| self.classes.get(i))
    }

    /// Every class of every level (822), in code-text order, which lists each
    /// class right before its children.
    pub fn classes(&self) -> impl Iterator<Item = &NocClass> {
        self.classes.iter()
    }

    /// The broad category, major, sub-major and minor group, and the unit
    /// group itself, with titles and definitions; `None` for an unknown code.
    pub fn hierarchy(&self, code: Noc) -> Option<Hierarchy<'_>> {
        let c = code.as_str();
        Some(Hierarchy {
            broad_category: self.class(&c[..1])?,
            major_group: self.class(&c[..2])?,
            sub_major_group: self.class(&c[..3])?,
            minor_group: self.class(&c[..4])?,
            unit_group: self.class(c)?,
        })
    }

    /// Ranked, typo-tolerant, accent-insensitive search of unit-group titles
    /// and example job titles, in English, French or both; one hit per unit
    /// group, at most `limit`. A query made of 1 to 5 digits (optionally
    /// after "NOC"/"CNP") lists the unit groups whose code starts with them.
    /// An empty query gives no hits.
    pub fn search(&self, query: &str, lang: SearchLang, limit: usize) -> Vec<SearchHit> {
        if limit == 0 {
            return Vec::new();
        }
        self.index
            .get_or_init(|| SearchIndex::build(&self.groups))
            .search(&self.groups, query, lang, limit)
    }

    /// Unit groups whose codes are close to `code_text` (which may be
    /// malformed), closest first: one digit wrong, missing, extra or two
    /// digits swapped, then two edits within the same major group, then the
    /// same sub-major group; ties go to the longer shared prefix (same minor
    /// group first), then code order.
    pub fn suggest_codes(&self, code_text: &str, limit: usize) -> Vec<&UnitGroup> {
        let digits: String = code_text
            .chars()
            .filter(char::is_ascii_digit)
            .take(8)
            .collect();
        if digits.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut close: Vec<(usize, std::cmp::Reverse<usize>, &UnitGroup)> = self
            .groups
            .iter()
            .filter_map(|g| {
                let code = g.code.as_str();
                let prefix = digits
                    .bytes()
                    .zip(code.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let distance = super::text::distance_within(digits.as_bytes(), code.as_bytes(), 2)
                    .unwrap_or(3);
                let keep = distance <= 1 || (distance == 2 && prefix >= 2) || prefix >= 3;
                keep.then_some((distance, std::cmp::Reverse(prefix), g))
            })
            .collect();
        close.sort_by_key(|a| (a.0, a.1, a.2.code));
        close.into_iter().take(limit).map(|(_, _, g)| g).collect()
    }

    /// Parses and cross-checks the three NOC files.
    pub(crate) fn from_sources(
        unit_groups_csv: &str,
        structure_csv: &str,
        examples_json: &str,
    ) -> Result<Catalogue> {
        let classes = parse_structure(structure_csv).map_err(|e| data_error(STRUCTURE_FILE, &e))?;
        let mut groups =
            parse_unit_groups(unit_groups_csv).map_err(|e| data_error(UNIT_GROUPS_FILE, &e))?;
        attach_examples(&mut groups, examples_json).map_err(|e| data_error(EXAMPLES_FILE, &e))?;
        check_against_structure(&mut groups, &classes)
            .map_err(|e| data_error(UNIT_GROUPS_FILE, &e))?;
        let codes = groups.iter().map(|g| g.code).collect();
        Ok(Catalogue {
            groups,
            codes,
            classes,
            index: OnceLock::new(),
        })
    }
}

const UNIT_GROUPS_FILE: &str = "data/noc/noc2021_unit_groups.csv";
const STRUCTURE_FILE: &str = "data/noc/noc2021_structure.csv";
const EXAMPLES_FILE: &str = "data/noc/noc2021_example_titles.json";

fn data_error(file: &str, message: &str) -> RulesError {
    RulesError::invalid(
        "",
        format!("the embedded NOC 2021 data is invalid: {file}: {message}"),
    )
}

/// Trims a title and turns every run of whitespace (including no-break
/// spaces) into one space.
fn clean(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds the position of each named column in a header record.
fn columns<const N: usize>(
    header: Option<&csv::Record<'_>>,
    names: [&str; N],
) -> std::result::Result<[usize; N], String> {
    let header = header.ok_or("the file is empty")?;
    let mut at = [0; N];
    for (slot, name) in at.iter_mut().zip(names) {
        *slot = header
            .fields
            .iter()
            .position(|f| f.trim() == name)
            .ok_or_else(|| format!("no column {name:?} in the header"))?;
    }
    Ok(at)
}

fn field<'r>(record: &'r csv::Record<'_>, at: usize) -> std::result::Result<&'r str, String> {
    record
        .fields
        .get(at)
        .map(|f| f.as_ref())
        .ok_or_else(|| format!("line {}: too few fields", record.line))
}

fn parse_structure(text: &str) -> std::result::Result<Vec<NocClass>, String> {
    let records = csv::parse(text)?;
    let [level_at, code_at, title_at, definition_at] = columns(
        records.first(),
        [
            "Level",
            "Code - NOC 2021 V1.0",
            "Class title",
            "Class definition",
        ],
    )?;
    let mut classes = Vec::with_capacity(records.len());
    for record in records.iter().skip(1) {
        let line = record.line;
        let code = field(record, code_at)?.trim();
        let level = NocLevel::from_digits(code.len())
            .filter(|_| code.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| format!("line {line}: {code:?} is not a 1- to 5-digit code"))?;
        let level_text = field(record, level_at)?.trim();
        if level_text != level.digits().to_string() {
            return Err(format!(
                "line {line}: level {level_text:?} does not match code {code}"
            ));
        }
        let definition = clean(field(record, definition_at)?);
        classes.push(NocClass {
            level,
            code: code.to_string(),
            title_en: clean(field(record, title_at)?),
            definition_en: (!definition.is_empty()).then_some(definition),
        });
    }
    classes.sort_by(|a, b| a.code.cmp(&b.code));
    if let Some(pair) = classes.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(format!("code {} appears twice", pair[0].code));
    }
    Ok(classes)
}

fn parse_unit_groups(text: &str) -> std::result::Result<Vec<UnitGroup>, String> {
    let records = csv::parse(text)?;
    let [
        code_at,
        title_en_at,
        title_fr_at,
        teer_at,
        broad_code_at,
        broad_title_at,
        major_code_at,
        major_title_at,
        sub_code_at,
        sub_title_at,
        minor_code_at,
        minor_title_at,
    ] = columns(
        records.first(),
        [
            "noc_code",
            "title_en",
            "title_fr",
            "teer",
            "broad_category_code",
            "broad_category_title",
            "major_group_code",
            "major_group_title",
            "sub_major_group_code",
            "sub_major_group_title",
            "minor_group_code",
            "minor_group_title",
        ],
    )?;
    let mut groups = Vec::with_capacity(records.len());
    for record in records.iter().skip(1) {
        let line = record.line;
        let code_text = field(record, code_at)?.trim();
        let code = Noc::parse(code_text).map_err(|e| format!("line {line}: {}", e.message()))?;
        let teer_text = field(record, teer_at)?.trim();
        let teer = teer_text
            .parse::<u8>()
            .ok()
            .and_then(Teer::new)
            .ok_or_else(|| format!("line {line}: TEER {teer_text:?} is not 0 to 5"))?;
        if teer != code.teer() {
            return Err(format!(
                "line {line}: TEER {teer_text} is not the second digit of {code}"
            ));
        }
        let parent = |code_at: usize, title_at: usize, digits: usize| {
            let parent_code = field(record, code_at)?.trim();
            if parent_code != &code.as_str()[..digits] {
                return Err(format!(
                    "line {line}: parent code {parent_code:?} is not the first {digits} digits of {code}"
                ));
            }
            Ok((parent_code.to_string(), clean(field(record, title_at)?)))
        };
        groups.push(UnitGroup {
            code,
            teer,
            title_en: clean(field(record, title_en_at)?),
            title_fr: clean(field(record, title_fr_at)?),
            broad_category: parent(broad_code_at, broad_title_at, 1)?,
            major_group: parent(major_code_at, major_title_at, 2)?,
            sub_major_group: parent(sub_code_at, sub_title_at, 3)?,
            minor_group: parent(minor_code_at, minor_title_at, 4)?,
            examples_en: Vec::new(),
            examples_fr: Vec::new(),
            definition_en: None,
        });
    }
    groups.sort_by_key(|g| g.code);
    if let Some(pair) = groups.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(format!("unit group {} appears twice", pair[0].code));
    }
    if groups
        .iter()
        .any(|g| g.title_en.is_empty() || g.title_fr.is_empty())
    {
        return Err("a unit group has an empty title".to_string());
    }
    Ok(groups)
}

/// One element of the example-titles JSON array.
#[derive(Deserialize)]
struct ExampleEntry {
    category_code: String,
    #[serde(rename = "category_EN")]
    category_en: String,
    #[serde(rename = "category_FR")]
    category_fr: String,
    #[serde(rename = "occupations_EN")]
    occupations_en: Vec<String>,
    #[serde(rename = "occupations_FR")]
    occupations_fr: Vec<String>,
}

fn attach_examples(groups: &mut [UnitGroup], json: &str) -> std::result::Result<(), String> {
    let entries: Vec<ExampleEntry> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut seen = vec![false; groups.len()];
    for entry in entries {
        let code = entry.category_code.trim();
        let at = groups
            .binary_search_by(|g| g.code.as_str().cmp(code))
            .map_err(|_| format!("unit group {code:?} is not in {UNIT_GROUPS_FILE}"))?;
        let (Some(group), Some(seen)) = (groups.get_mut(at), seen.get_mut(at)) else {
            continue;
        };
        if std::mem::replace(seen, true) {
            return Err(format!("unit group {code} appears twice"));
        }
        if clean(&entry.category_en) != group.title_en
            || clean(&entry.category_fr) != group.title_fr
        {
            return Err(format!(
                "the titles of unit group {code} differ from {UNIT_GROUPS_FILE}"
            ));
        }
        group.examples_en = clean_list(entry.occupations_en);
        group.examples_fr = clean_list(entry.occupations_fr);
    }
    if let Some(missing) = groups.iter().zip(&seen).find(|(_, s)| !**s) {
        return Err(format!("unit group {} has no entry", missing.0.code));
    }
    Ok(())
}

/// Cleans titles and drops empty ones and repeats (keeping the order).
fn clean_list(titles: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::with_capacity(titles.len());
    titles
        .iter()
        .map(|t| clean(t))
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect()
}

/// Checks every unit group and its parents against the structure file, and
/// takes each unit group's definition from it.
fn check_against_structure(
    groups: &mut [UnitGroup],
    classes: &[NocClass],
) -> std::result::Result<(), String> {
    let find = |code: &str| {
        classes
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .and_then(|i| classes.get(i))
            .ok_or_else(|| format!("class {code} is not in {STRUCTURE_FILE}"))
    };
    for group in groups.iter_mut() {
        let unit = find(group.code.as_str())?;
        if unit.title_en != group.title_en {
            return Err(format!(
                "the title of {} differs from {STRUCTURE_FILE}",
                group.code
            ));
        }
        for (code, title) in [
            &group.broad_category,
            &group.major_group,
            &group.sub_major_group,
            &group.minor_group,
        ] {
            if find(code)?.title_en != *title {
                return Err(format!(
                    "the title of class {code} differs from {STRUCTURE_FILE}"
                ));
            }
        }
        group.definition_en = unit.definition_en.clone();
    }
    let units = classes
        .iter()
        .filter(|c| c.level == NocLevel::UnitGroup)
        .count();
    if units != groups.len() {
        return Err(format!(
            "{STRUCTURE_FILE} has {units} unit groups but {UNIT_GROUPS_FILE} has {}",
            groups.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const HEADER: &str = "noc_code,title_en,title_fr,teer,broad_category_code,broad_category_title,major_group_code,major_group_title,sub_major_group_code,sub_major_group_title,minor_group_code,minor_group_title\n";
    const STRUCTURE: &str = "\u{FEFF}Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition\r\n1,Broad Category,2,B,d1\r\n2,Major Group,21,M,d2\r\n3,Sub-major Group,212,S,d3\r\n4,Minor Group,2123,N,d4\r\n5,Unit Group,21231,Software engineers and designers,\"Software engineers, designers\"\r\n";
    const ROW: &str = "21231,Software engineers and designers,Ingénieurs,1,2,B,21,M,212,S,2123,N\n";
    const JSON: &str = r#"[{"category_code":"21231","category_EN":"Software engineers and designers","occupations_EN":["Software engineer ","Cloud  architect"],"category_FR":"Ingénieurs","occupations_FR":["Ingénieur/ingénieure\u00a0logiciel"]}]"#;

    #[test]
    fn parses_a_minimal_catalogue_and_cleans_titles() {
        let cat = Catalogue::from_sources(&format!("{HEADER}{ROW}"), STRUCTURE, JSON).unwrap();
        assert_eq!(cat.len(), 1);
        let g = cat.get(Noc::parse("21231").unwrap()).unwrap();
        assert_eq!(g.examples_en, ["Software engineer", "Cloud architect"]);
        assert_eq!(g.examples_fr, ["Ingénieur/ingénieure logiciel"]);
        assert_eq!(
            g.definition_en.as_deref(),
            Some("Software engineers, designers")
        );
        let h = cat.hierarchy(g.code).unwrap();
        assert_eq!(
            h.levels().map(|c| c.code.as_str()),
            ["2", "21", "212", "2123", "21231"]
        );
        assert_eq!(cat.suggest_codes("21239", 3)[0].code, g.code);
    }

    #[test]
    fn inconsistent_data_is_an_error_not_a_panic() {
        let bad_teer = ROW.replace(",1,2,", ",2,2,");
        let bad_parent = ROW.replace(",2123,N", ",2124,N");
        let cases = [
            (
                format!("{HEADER}{bad_teer}"),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "TEER",
            ),
            (
                format!("{HEADER}{bad_parent}"),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "parent",
            ),
            (
                format!("{HEADER}{ROW}{ROW}"),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "twice",
            ),
            (
                HEADER.to_string(),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "not in",
            ),
            (
                format!("{HEADER}{ROW}"),
                STRUCTURE.to_string(),
                "[".to_string(),
                "EOF",
            ),
            (
                format!("{HEADER}{ROW}"),
                STRUCTURE.to_string(),
                "[]".to_string(),
                "no entry",
            ),
            (
                format!("{HEADER}{ROW}"),
                STRUCTURE.replace("5,Unit", "4,Unit"),
                JSON.to_string(),
                "level",
            ),
            (
                format!("{HEADER}{ROW}"),
                STRUCTURE.replace(",N,", ",X,"),
                JSON.to_string(),
                "differs",
            ),
            (
                "x\n".to_string(),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "no column",
            ),
            (
                format!("{HEADER}\"{ROW}"),
                STRUCTURE.to_string(),
                JSON.to_string(),
                "unterminated",
            ),
        ];
        for (groups, structure, json, expected) in cases {
            let err = Catalogue::from_sources(&groups, &structure, &json).unwrap_err();
            let message = err.to_string();
            assert!(message.contains("embedded NOC 2021 data"), "{message}");
            assert!(message.contains(expected), "{expected}: {message}");
        }
    }

    #[test]
    fn embedded_catalogue_parses() {
        let cat = catalogue().unwrap();
        assert_eq!(cat.len(), 516);
        assert_eq!(cat.classes().count(), 822);
        let examples: usize = cat
            .iter()
            .map(|g| g.examples_en.len() + g.examples_fr.len())
            .sum();
        assert_eq!(examples, 27_935 + 29_767);
    }
}
