//! Express Entry category-based selection: for each category in force on the
//! assessment date, whether the candidate qualifies, and why or why not.
//!
//! One TOML file per set of categories (`data/programs/categories_YYYY.toml`,
//! in force from 2023-05-31, 2025-02-27 and 2026-02-18). Lists that are
//! transcribed but not checked against the official page carry
//! `verified = false`; lists that landed does not have in full carry
//! `list_complete = false`. Both show in the output.
//!
//! Every sentence the files hold (`title`, `experience_rule`, `note`,
//! `extra_condition`, `experience_note`) has its French counterpart (`title_fr`,
//! …), present exactly when the English one is: loading fails otherwise.
//!
//! Which work counts toward a category's experience is not stated in the
//! sources landed has: it counts paid, authorized work as for FSW (in Canada
//! or abroad), and for the "with Canadian work experience" categories work
//! in Canada as for CEC (not while a full-time student, not self-employed).

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// The requirements a category can have; `CategoryDef::requirement_ids` holds
/// `categories.{slug}.{name}` for each, in this order.
#[derive(Debug, Clone, Copy)]
enum Req {
    Program,
    French,
    WorkExperience,
    JobOffer,
    OtherCondition,
}

impl Req {
    const NAMES: [&str; 5] = [
        "program",
        "french",
        "work_experience",
        "job_offer",
        "other_condition",
    ];
}

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Context, OccupationWork, Program, per_occupation, table_error};
use crate::assess::{ProgramResult, Requirement, Status};
use crate::clb::Language;
use crate::dated::{Source, Table, Version};
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::noc::Noc;
use crate::text::{In, Lang, Levels, NocLabel, Num, Say, Shortfalls, Text, hours_num};

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

/// A sentence of the data files, in English and French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    en: &'static str,
    fr: &'static str,
}

impl Wording {
    fn new(en: &'static str, fr: &'static str) -> Wording {
        Wording { en, fr }
    }
    /// An optional sentence and its French (checked on loading to come in pairs).
    fn pair(en: &'static Option<String>, fr: &'static Option<String>) -> Option<Wording> {
        let en = en.as_deref()?;
        Some(Wording {
            en,
            fr: fr.as_deref().unwrap_or(en),
        })
    }
}

impl Say for Wording {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(lang.pick(self.en, self.fr))
    }
}

/// Every sentence of a set in both languages: `Err` names what is missing.
fn check_french(v: &Version<CategorySet>) -> std::result::Result<(), String> {
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

fn table() -> Result<&'static Table<CategorySet>> {
    TABLE.as_ref().map_err(|e| table_error(e))
}

/// The categories in force on `date` (`None` before category-based selection began).
pub fn category_rules_on(date: Date) -> Result<Option<&'static Version<CategorySet>>> {
    Ok(table()?.in_force(date))
}

/// One category, assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryResult {
    pub slug: &'static str,
    pub title: Text,
    /// The occupation list (or rule) was checked against the official page.
    pub list_verified: bool,
    /// landed has the whole occupation list.
    pub list_complete: bool,
    /// Confidence grade of the list (C1 official … C5 unverified).
    pub confidence: &'static str,
    /// What is known about the list's provenance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_note: Option<Text>,
    #[serde(flatten)]
    pub result: ProgramResult,
}

/// Every category in force on the assessment date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategorySelection {
    /// The first day the categories used here are in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience_rule: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
    pub results: Vec<CategoryResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// Assess every category in force on `ctx.as_of`; `programs` are the CEC,
/// FSW and FST results (a category needs eligibility for one of them).
pub fn categories(ctx: &Context<'_>, programs: [&ProgramResult; 3]) -> Result<CategorySelection> {
    let t = table()?;
    let as_of = ctx.as_of;
    let Some(v) = t.in_force(as_of) else {
        return Ok(CategorySelection {
            rules_from: None,
            experience_rule: None,
            source: None,
            results: Vec::new(),
            notes: vec![
                CategoryText::NoCategories {
                    began: t.earliest(),
                    as_of,
                }
                .into(),
            ],
        });
    };
    let set = &v.values;
    let p = ctx.profile;
    let program = program_requirement(programs);

    let abroad = Criteria {
        window_years: set.experience_window_years,
        place: Place::Anywhere,
        occupations: Occupations::Skilled,
        exclude_full_time_study: false,
        require_authorization: true,
        exclude_self_employed: false,
    };
    let canada = Criteria {
        place: Place::Canada,
        exclude_full_time_study: true,
        exclude_self_employed: true,
        ..abroad
    };
    let occupational = |canadian: bool| {
        set.categories
            .iter()
            .any(|c| c.kind == CategoryKind::Occupations && c.canadian_experience_only == canadian)
    };
    let work_set = |needed: bool, c: &Criteria| {
        if needed {
            WorkSet::new(per_occupation(
                &p.work_history,
                &p.study_periods,
                &p.permits,
                as_of,
                c,
                |_| true,
            ))
        } else {
            WorkSet::new(Vec::new())
        }
    };
    let work_any = work_set(occupational(false), &abroad);
    let work_canada = work_set(occupational(true), &canada);
    let rule = Experience {
        hours: set.experience_hours,
        continuous: set.experience_continuous,
        from: hours::window_start(as_of, set.experience_window_years),
        to: as_of.yesterday().unwrap_or(as_of),
        in_canada: false,
    };

    let mut results = Vec::with_capacity(set.categories.len());
    for c in &set.categories {
        // Made at load for every category of the table (the only source of `c`).
        let id = |req: Req| -> Cow<'static, str> {
            match c.requirement_ids.get(req as usize) {
                Some(id) => Cow::Borrowed(id.as_str()),
                None => Cow::Owned(format!(
                    "categories.{}.{}",
                    c.slug,
                    Req::NAMES[req as usize]
                )),
            }
        };
        let mut reqs = Vec::with_capacity(4);
        let mut notes: Vec<Text> = Vec::new();
        reqs.push(Requirement {
            id: id(Req::Program),
            ..program.clone()
        });
        match c.kind {
            CategoryKind::French => reqs.push(french(ctx, id(Req::French), set.french_min_nclc)),
            CategoryKind::Occupations => {
                let work = if c.canadian_experience_only {
                    &work_canada
                } else {
                    &work_any
                };
                let rule = Experience {
                    in_canada: c.canadian_experience_only,
                    continuous: c.experience_continuous.unwrap_or(rule.continuous),
                    ..rule
                };
                reqs.push(experience(c, work, rule, id(Req::WorkExperience)));
            }
        }
        if c.needs_job_offer_in_list {
            reqs.push(job_offer(ctx, c, id(Req::JobOffer)));
        }
        for x in &c.extra_requirements {
            let wording = Wording::new(&x.text, &x.text_fr);
            let (status, detail) = match x.check {
                ExtraCheck::Unknown => (Status::Unknown, CategoryText::ExtraCondition(wording)),
                ExtraCheck::PostSecondaryTwoYears => {
                    let level = ctx.education.crs_level;
                    let met = level >= crate::crs::EducationLevel::TwoYear;
                    // A credential not counted (foreign without an ECA) may still meet it.
                    let uncounted = !ctx.education.notes.is_empty();
                    (
                        match (met, uncounted) {
                            (true, _) => Status::Met,
                            (false, true) => Status::Unknown,
                            (false, false) => Status::NotMet,
                        },
                        CategoryText::ExtraChecked {
                            condition: wording,
                            met,
                        },
                    )
                }
            };
            reqs.push(Requirement {
                id: Cow::Owned(format!("categories.{}.{}", c.slug, x.key)),
                status,
                detail: detail.into(),
                source: Some(&x.source),
            });
        }
        if let Some(x) = Wording::pair(&c.extra_condition, &c.extra_condition_fr) {
            reqs.push(Requirement {
                id: id(Req::OtherCondition),
                status: Status::Unknown,
                detail: CategoryText::ExtraCondition(x).into(),
                source: None,
            });
        }
        match (c.kind, c.verified) {
            (CategoryKind::Occupations, false) => notes.push(CategoryText::ListUnverified.into()),
            (CategoryKind::French, false) => notes.push(CategoryText::RuleFromReports.into()),
            _ => {}
        }
        if c.kind == CategoryKind::Occupations && !c.list_complete {
            notes.push(
                CategoryText::ListIncomplete {
                    codes: c.nocs.len(),
                    from: v.effective_from,
                }
                .into(),
            );
        }
        notes.extend(
            Wording::pair(&c.experience_note, &c.experience_note_fr)
                .map(|n| CategoryText::Data(n).into()),
        );
        results.push(CategoryResult {
            slug: &c.slug,
            title: CategoryText::Data(Wording::new(&c.title, &c.title_fr)).into(),
            list_verified: c.verified,
            list_complete: c.list_complete,
            confidence: &c.confidence,
            list_note: Wording::pair(&c.note, &c.note_fr).map(|n| CategoryText::Data(n).into()),
            result: ProgramResult::from_requirements(reqs, notes),
        });
    }

    let mut notes: Vec<Text> = vec![
        CategoryText::HowRoundsWork.into(),
        CategoryText::WhichWorkCounts.into(),
    ];
    if as_of.year() == 2024 {
        notes.push(CategoryText::Unchanged2024.into());
    }
    Ok(CategorySelection {
        rules_from: Some(v.effective_from),
        experience_rule: Some(
            CategoryText::Data(Wording::new(&set.experience_rule, &set.experience_rule_fr)).into(),
        ),
        source: Some(&v.source),
        results,
        notes,
    })
}

/// Eligible for CEC, FSW or FST.
fn program_requirement(programs: [&ProgramResult; 3]) -> Requirement {
    let which = |want: Option<bool>| Programs(programs.map(|r| r.eligible == want));
    let (eligible, undecided) = (which(Some(true)), which(None));
    let (status, detail) = if !eligible.is_empty() {
        (Status::Met, CategoryText::EligibleFor(eligible))
    } else if undecided.is_empty() {
        (Status::NotMet, CategoryText::EligibleForNone)
    } else {
        (Status::Unknown, CategoryText::ProgramsUndecided(undecided))
    };
    // The selection's source covers it; each category does not repeat it.
    Requirement {
        id: Cow::Borrowed(""),
        status,
        detail: detail.into(),
        source: None,
    }
}

fn french(ctx: &Context<'_>, id: Cow<'static, str>, min: u8) -> Requirement {
    let (status, detail) = match ctx.test_for(Language::French) {
        Some((_, levels)) => {
            let short = Shortfalls {
                levels,
                min: [min; 4],
            };
            let status = if short.is_empty() {
                Status::Met
            } else {
                Status::NotMet
            };
            (status, CategoryText::FrenchResult { min, short })
        }
        None if ctx.tests.is_empty() => (Status::Unknown, CategoryText::NoLanguageTest { min }),
        None => (
            Status::NotMet,
            CategoryText::NoValidFrenchTest {
                min,
                as_of: ctx.as_of,
            },
        ),
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

/// The candidate's occupations under one set of criteria.
struct WorkSet {
    occs: Vec<OccupationWork>,
    /// Their codes, shared by every category's "not on this list" sentence.
    all: Arc<[Noc]>,
}

impl WorkSet {
    fn new(occs: Vec<OccupationWork>) -> WorkSet {
        let all = occs.iter().map(|o| o.noc).collect();
        WorkSet { occs, all }
    }
}

fn experience(
    c: &CategoryDef,
    work: &WorkSet,
    rule: Experience,
    id: Cow<'static, str>,
) -> Requirement {
    let h = rule.hours;
    let meets = |o: &OccupationWork| {
        if rule.continuous {
            o.longest().is_some_and(|r| r.at_least(h))
        } else {
            o.at_least(h)
        }
    };
    let amount = |o: &OccupationWork| {
        if rule.continuous {
            o.longest().map_or(0.0, |r| r.hours)
        } else {
            o.hours()
        }
    };
    let listed = |o: &OccupationWork| c.lists(o.noc);
    let best = |pred: &dyn Fn(&OccupationWork) -> bool| {
        work.occs.iter().filter(|o| pred(o)).max_by_key(|o| o.units)
    };
    let listed_work = |o: &OccupationWork| CategoryText::ListedWork {
        hours: hours_num(amount(o)),
        noc: o.noc,
        rule,
    };
    let (status, detail) = if let Some(o) = best(&|o| listed(o) && meets(o)) {
        (Status::Met, listed_work(o))
    } else if !c.list_complete && work.occs.iter().any(|o| !listed(o) && meets(o)) {
        let maybe = work
            .occs
            .iter()
            .filter(|o| !listed(o) && meets(o))
            .map(|o| o.noc)
            .collect();
        (
            Status::Unknown,
            CategoryText::MaybeListed { nocs: maybe, rule },
        )
    } else if let Some(o) = best(&listed) {
        (Status::NotMet, listed_work(o))
    } else if work.occs.is_empty() {
        (Status::NotMet, CategoryText::NoWork { rule })
    } else if c.list_complete {
        (
            Status::NotMet,
            CategoryText::NotOnList {
                nocs: Arc::clone(&work.all),
                rule,
            },
        )
    } else {
        (Status::NotMet, CategoryText::NoneReaches { rule })
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

fn job_offer(ctx: &Context<'_>, c: &CategoryDef, id: Cow<'static, str>) -> Requirement {
    let (status, detail) = match &ctx.profile.job_offer {
        Some(o) if c.lists(o.noc) => (Status::Met, CategoryText::JobOfferListed(o.noc)),
        Some(o) => (Status::NotMet, CategoryText::JobOfferNotListed(o.noc)),
        None => (Status::NotMet, CategoryText::NoJobOffer),
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

/// The experience a category asks for, and where and when it is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Experience {
    hours: u32,
    /// Without a gap day.
    continuous: bool,
    /// The window's first and last days.
    from: Date,
    to: Date,
    /// Only work in Canada counts.
    in_canada: bool,
}

impl Experience {
    /// " in Canada" or nothing.
    fn place(self, lang: Lang) -> &'static str {
        match (self.in_canada, lang) {
            (false, _) => "",
            (true, Lang::En) => " in Canada",
            (true, Lang::Fr) => " au Canada",
        }
    }
    /// "between 2023-06-01 and 2026-05-31".
    fn window(self) -> Window {
        Window(self)
    }
    /// "780 hours without a gap (6 months full-time) in one listed occupation".
    fn needed(self) -> Needed {
        Needed(self)
    }
}

/// See [`Experience::window`].
struct Window(Experience);

impl Say for Window {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.0.from, self.0.to);
        match lang {
            Lang::En => write!(f, "between {from} and {to}"),
            Lang::Fr => write!(f, "entre le {from} et le {to}"),
        }
    }
}

/// See [`Experience::needed`].
struct Needed(Experience);

impl Say for Needed {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        let hours = In(&Num(u64::from(e.hours)), lang);
        let months = e.hours / 130;
        match (lang, e.continuous) {
            (Lang::En, true) => write!(
                f,
                "{hours} hours without a gap ({months} months full-time) in one listed occupation"
            ),
            (Lang::En, false) => write!(
                f,
                "{hours} hours ({months} months full-time) in one listed occupation, not necessarily continuous"
            ),
            (Lang::Fr, true) => write!(
                f,
                "{hours} heures sans interruption ({months} mois à temps plein) dans une profession de la liste"
            ),
            (Lang::Fr, false) => write!(
                f,
                "{hours} heures ({months} mois à temps plein) dans une profession de la liste, pas nécessairement continues"
            ),
        }
    }
}

/// Which of CEC, FSW and FST (in [`Program::ORDER`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Programs([bool; 3]);

impl Programs {
    fn is_empty(self) -> bool {
        !self.0.contains(&true)
    }
    fn iter(self) -> impl Iterator<Item = Program> {
        Program::ORDER
            .into_iter()
            .zip(self.0)
            .filter_map(|(p, yes)| yes.then_some(p))
    }
    /// "CEC and FSW" / "la CEC et le PTQF"; with `to`, French contracts the
    /// article with "à": "à la CEC et au PTQF".
    fn say(self, lang: Lang, to: bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<Program> = self.iter().collect();
        match lang {
            Lang::En => {
                for (i, p) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" and ")?;
                    }
                    f.write_str(p.abbreviation())?;
                }
                Ok(())
            }
            Lang::Fr => crate::text::and_list(&list, lang, f, |p, f| {
                f.write_str(match (p, to) {
                    (Program::Cec, false) => "la CEC",
                    (Program::Fsw, false) => "le PTQF",
                    (Program::Fst, false) => "le PTMSF",
                    (Program::Cec, true) => "à la CEC",
                    (Program::Fsw, true) => "au PTQF",
                    (Program::Fst, true) => "au PTMSF",
                })
            }),
        }
    }
}

/// "21231 Software engineers and designers; 13110 Administrative assistants"
/// (`sep` "; "), or joined with " or ".
fn labels(nocs: &[Noc], or: bool, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let sep = match (or, lang) {
        (false, _) => "; ",
        (true, Lang::En) => " or ",
        (true, Lang::Fr) => " ou ",
    };
    for (i, noc) in nocs.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        NocLabel(*noc).say(lang, f)?;
    }
    Ok(())
}

/// What category-based selection says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CategoryText {
    /// A sentence of the data files: a category's title, list note or
    /// experience note, or a set's experience rule.
    Data(Wording),
    /// Before the first categories.
    NoCategories {
        began: Date,
        as_of: Date,
    },
    EligibleFor(Programs),
    EligibleForNone,
    ProgramsUndecided(Programs),
    /// A French result against NCLC `min` in all four abilities.
    FrenchResult {
        min: u8,
        short: Shortfalls,
    },
    NoLanguageTest {
        min: u8,
    },
    NoValidFrenchTest {
        min: u8,
        as_of: Date,
    },
    /// Hours in a listed occupation (enough or not).
    ListedWork {
        hours: Num,
        noc: Noc,
        rule: Experience,
    },
    /// Enough hours in occupations that may be on the part of the list landed lacks.
    MaybeListed {
        nocs: Arc<[Noc]>,
        rule: Experience,
    },
    NoWork {
        rule: Experience,
    },
    NotOnList {
        nocs: Arc<[Noc]>,
        rule: Experience,
    },
    /// Not enough hours in any occupation (the list being incomplete).
    NoneReaches {
        rule: Experience,
    },
    JobOfferListed(Noc),
    JobOfferNotListed(Noc),
    NoJobOffer,
    /// A condition landed cannot check.
    ExtraCondition(Wording),
    /// A reported condition landed checks from the profile.
    ExtraChecked {
        condition: Wording,
        met: bool,
    },
    ListUnverified,
    RuleFromReports,
    /// landed has `codes` codes (maybe none) of the list in force from `from`.
    ListIncomplete {
        codes: usize,
        from: Date,
    },
    HowRoundsWork,
    WhichWorkCounts,
    Unchanged2024,
}

impl Say for CategoryText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            CategoryText::Data(w) => w.say(lang, f),
            CategoryText::NoCategories { began, as_of } => {
                if fr {
                    write!(
                        f,
                        "La sélection par catégorie a commencé le {began} : aucune catégorie le {as_of}"
                    )
                } else {
                    write!(
                        f,
                        "Category-based selection began on {began}: no categories on {as_of}"
                    )
                }
            }
            CategoryText::EligibleFor(programs) => {
                f.write_str(lang.pick("You are eligible for ", "Vous êtes admissible "))?;
                programs.say(lang, true, f)
            }
            CategoryText::EligibleForNone => f.write_str(lang.pick(
                "Category-based rounds invite only candidates eligible for CEC, FSW or FST; you are eligible for none of them",
                "Les rondes d’invitations ciblées par catégorie n’invitent que des candidats admissibles à la CEC, au PTQF ou au PTMSF; vous n’êtes admissible à aucun de ces programmes",
            )),
            CategoryText::ProgramsUndecided(programs) => {
                f.write_str(lang.pick(
                    "Category-based rounds need eligibility for CEC, FSW or FST; not yet known for ",
                    "Les rondes d’invitations ciblées par catégorie exigent l’admissibilité à la CEC, au PTQF ou au PTMSF; elle n’est pas encore établie pour ",
                ))?;
                programs.say(lang, false, f)
            }
            CategoryText::FrenchResult { min, short } => {
                let levels = In(&Levels(short.levels), lang);
                if fr {
                    write!(
                        f,
                        "Il faut NCLC {min} dans les quatre habiletés; votre résultat en français est {levels}"
                    )?;
                    if !short.is_empty() {
                        write!(f, " (trop bas : {})", In(short, lang))?;
                    }
                } else {
                    write!(
                        f,
                        "NCLC {min} needed in all four abilities; your French result is {levels}"
                    )?;
                    if !short.is_empty() {
                        write!(f, " (too low: {})", In(short, lang))?;
                    }
                }
                Ok(())
            }
            CategoryText::NoLanguageTest { min } => {
                if fr {
                    write!(
                        f,
                        "Aucun test de langue enregistré; cette catégorie exige NCLC {min} dans les quatre habiletés en français (TEF Canada ou TCF Canada)"
                    )
                } else {
                    write!(
                        f,
                        "No language test recorded; this category needs NCLC {min} in all four abilities of French (TEF Canada or TCF Canada)"
                    )
                }
            }
            CategoryText::NoValidFrenchTest { min, as_of } => {
                if fr {
                    write!(
                        f,
                        "Aucun résultat valide de test de français le {as_of}; cette catégorie exige NCLC {min} dans les quatre habiletés (TEF Canada ou TCF Canada)"
                    )
                } else {
                    write!(
                        f,
                        "No valid French test result on {as_of}; this category needs NCLC {min} in all four abilities (TEF Canada or TCF Canada)"
                    )
                }
            }
            CategoryText::ListedWork { hours, noc, rule } => {
                let hours = In(hours, lang);
                let label = In(&NocLabel(*noc), lang);
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    let kind = if rule.continuous {
                        " de travail continu"
                    } else {
                        ""
                    };
                    write!(
                        f,
                        "{hours} heures{kind}{place} dans la profession {label}, qui figure sur la liste, {window}; exigence : {needed}"
                    )
                } else {
                    let kind = if rule.continuous {
                        " of continuous work"
                    } else {
                        ""
                    };
                    write!(
                        f,
                        "{hours} hours{kind}{place} as {label}, a listed occupation, {window}; needed: {needed}"
                    )
                }
            }
            CategoryText::MaybeListed { nocs, rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(
                        f,
                        "landed n’a pas la liste complète des professions de cette catégorie; vous avez assez d’expérience{place} {window} dans la profession "
                    )?;
                    labels(nocs, true, lang, f)?;
                    write!(
                        f,
                        ", qui pourrait figurer sur la liste officielle; exigence : {needed}"
                    )
                } else {
                    write!(
                        f,
                        "landed does not have this category's whole occupation list; you have enough experience{place} {window} as "
                    )?;
                    labels(nocs, true, lang, f)?;
                    write!(f, ", which may be on the official list; needed: {needed}")
                }
            }
            CategoryText::NoWork { rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(f, "Aucun travail compté{place} {window}; exigence : {needed}")
                } else {
                    write!(f, "No counted work{place} {window}; needed: {needed}")
                }
            }
            CategoryText::NotOnList { nocs, rule } => {
                let (place, window) = (rule.place(lang), In(&rule.window(), lang));
                if fr {
                    write!(f, "Vos professions{place} {window} (")?;
                    labels(nocs, false, lang, f)?;
                    f.write_str(") ne figurent pas sur la liste de cette catégorie")
                } else {
                    write!(f, "Your occupations{place} {window} (")?;
                    labels(nocs, false, lang, f)?;
                    f.write_str(") are not on this category's list")
                }
            }
            CategoryText::NoneReaches { rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(
                        f,
                        "Aucune de vos professions{place} {window} n’atteint l’exigence ({needed}), quel que soit le contenu de la liste complète"
                    )
                } else {
                    write!(
                        f,
                        "No occupation of yours{place} {window} reaches {needed}, whatever the full list holds"
                    )
                }
            }
            CategoryText::JobOfferListed(noc) => {
                let label = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "Une offre d’emploi dans la profession {label}")
                } else {
                    write!(f, "A job offer as {label}")
                }
            }
            CategoryText::JobOfferNotListed(noc) => {
                let label = In(&NocLabel(*noc), lang);
                if fr {
                    write!(
                        f,
                        "Cette catégorie exige une offre d’emploi dans l’une de ses professions; votre offre est dans la profession {label}"
                    )
                } else {
                    write!(
                        f,
                        "This category needs a job offer in one of its occupations; your offer is as {label}"
                    )
                }
            }
            CategoryText::NoJobOffer => f.write_str(lang.pick(
                "This category needs a job offer in one of its occupations (a Canadian Armed Forces offer)",
                "Cette catégorie exige une offre d’emploi dans l’une de ses professions (une offre des Forces armées canadiennes)",
            )),
            CategoryText::ExtraCondition(x) => {
                let x = In(x, lang);
                if fr {
                    write!(
                        f,
                        "Cette catégorie exige aussi {x} : landed ne peut pas le vérifier"
                    )
                } else {
                    write!(f, "This category also needs {x}: landed cannot check it")
                }
            }
            CategoryText::ExtraChecked { condition, met } => {
                let x = In(condition, lang);
                match (fr, met) {
                    (false, true) => write!(f, "This category also needs {x}: your education meets it"),
                    (false, false) => write!(f, "This category also needs {x}: no counted credential in the profile meets it"),
                    (true, true) => write!(f, "Cette catégorie exige aussi {x} : vos études y répondent"),
                    (true, false) => write!(f, "Cette catégorie exige aussi {x} : aucun diplôme pris en compte dans le profil n’y répond"),
                }
            }
            CategoryText::ListUnverified => f.write_str(lang.pick(
                "This occupation list is transcribed but not yet checked against the official page",
                "Cette liste de professions a été transcrite, mais pas encore vérifiée par rapport à la page officielle",
            )),
            CategoryText::RuleFromReports => f.write_str(lang.pick(
                "This rule comes from reports of the official page, not the page itself",
                "Cette règle provient de comptes rendus de la page officielle, et non de la page elle-même",
            )),
            CategoryText::ListIncomplete { codes: 0, from } => {
                if fr {
                    write!(
                        f,
                        "Incomplet : landed n’a pas la liste des professions de cette catégorie pour les catégories en vigueur à partir du {from}"
                    )
                } else {
                    write!(
                        f,
                        "Incomplete: landed does not have this category's occupation list for the categories in force from {from}"
                    )
                }
            }
            CategoryText::ListIncomplete { codes, from } => {
                if fr {
                    let codes_fr = if *codes == 1 { "code" } else { "codes" };
                    write!(
                        f,
                        "Incomplet : landed n’a que {codes} {codes_fr} de la liste des professions de cette catégorie pour les catégories en vigueur à partir du {from}"
                    )
                } else {
                    write!(
                        f,
                        "Incomplete: landed has only {codes} code(s) of this category's occupation list for the categories in force from {from}"
                    )
                }
            }
            CategoryText::HowRoundsWork => f.write_str(lang.pick(
                "A category-based round invites candidates who are eligible for CEC, FSW or FST and meet the round's own instructions, ranked by CRS within the category (C3)",
                "Une ronde d’invitations ciblée par catégorie invite les candidats admissibles à la CEC, au PTQF ou au PTMSF qui satisfont aux instructions propres à cette ronde, classés selon leur note au SCG au sein de la catégorie (C3)",
            )),
            CategoryText::WhichWorkCounts => f.write_str(lang.pick(
                "Which work counts toward a category's experience (self-employment, work while studying) is not stated in landed's sources: landed counts paid, authorized work in Canada or abroad as for FSW and, for the categories \"with Canadian work experience\", work in Canada as for CEC. Not settled",
                "Les sources de landed ne précisent pas quel travail compte pour l’expérience exigée par une catégorie (travail autonome, travail pendant les études) : landed compte le travail rémunéré et autorisé, au Canada ou à l’étranger, comme pour le PTQF et, pour les catégories « ayant une expérience de travail au Canada », le travail au Canada comme pour la CEC. Question non tranchée",
            )),
            CategoryText::Unchanged2024 => f.write_str(lang.pick(
                "The 2023 categories were reported unchanged through 2024 (C3)",
                "Selon les comptes rendus, les catégories de 2023 sont restées inchangées tout au long de 2024 (C3)",
            )),
        }
    }
}

impl From<CategoryText> for Text {
    fn from(m: CategoryText) -> Self {
        Text::Category(m)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_category_set_has_its_french() {
        let t = table().unwrap();
        assert_eq!(t.versions.len(), 3);
        for v in &t.versions {
            check_french(v).unwrap();
            let s = &v.values;
            assert_ne!(s.experience_rule_fr, s.experience_rule);
            for c in &s.categories {
                let at = (v.effective_from, &c.slug);
                assert_ne!(c.title_fr, c.title, "{at:?}");
                assert!(c.note.is_some(), "{at:?}");
                for (en, fr) in [
                    (&c.note, &c.note_fr),
                    (&c.extra_condition, &c.extra_condition_fr),
                    (&c.experience_note, &c.experience_note_fr),
                ] {
                    assert_eq!(en.is_some(), fr.is_some(), "{at:?}");
                    assert!(en.is_none() || en != fr, "{at:?}: {fr:?}");
                }
            }
        }
    }

    #[test]
    fn a_sentence_without_its_french_is_refused() {
        let table = |extra: &str| {
            let text = format!(
                r#"id = "t"
[[version]]
effective_from = 2030-01-01
source = {{ title = "t", href = "https://example.org", confidence = "C5" }}
experience_hours = 780
experience_continuous = true
experience_window_years = 3
experience_rule = "six months"
experience_rule_fr = "six mois"
french_min_nclc = 7
[[version.categories]]
slug = "french"
title = "French-language proficiency"
title_fr = "Compétence en français"
kind = "french"
list_complete = true
verified = false
confidence = "C2"
{extra}
"#
            );
            Table::<CategorySet>::from_embedded(Box::leak(text.into_boxed_str())).unwrap()
        };
        let ok = table("note = \"NCLC 7\"\nnote_fr = \"NCLC 7 dans les quatre habiletés\"");
        assert_eq!(check_french(&ok.versions[0]), Ok(()));
        for extra in [
            "note = \"NCLC 7\"",
            "note_fr = \"NCLC 7\"",
            "extra_condition = \"a licence\"",
            "experience_note = \"x\"\nexperience_note_fr = \" \"",
        ] {
            let t = table(extra);
            let e = check_french(&t.versions[0]).unwrap_err();
            assert!(e.contains("french needs both"), "{extra}: {e}");
        }
    }

    #[test]
    fn data_sentences_follow_the_language() {
        let v = category_rules_on("2026-06-01".parse().unwrap())
            .unwrap()
            .unwrap();
        let c = &v.values.categories[0];
        let t = Text::from(CategoryText::Data(Wording::new(&c.title, &c.title_fr)));
        assert_eq!(t.en(), "French-language proficiency");
        assert_eq!(t.fr(), "Compétence en français");
    }
}
