//! Express Entry category-based selection: for each category in force on the
//! assessment date, whether the candidate qualifies, and why or why not.
//!
//! One TOML file per set of categories (`data/programs/categories_YYYY.toml`,
//! in force from 2023-05-31, 2025-02-27 and 2026-02-18). Lists that are
//! transcribed but not checked against the official page carry
//! `verified = false`; lists that landed does not have in full carry
//! `list_complete = false`. Both show in the output.
//!
//! Which work counts toward a category's experience is not stated in the
//! sources landed has: it counts paid, authorized work as for FSW (in Canada
//! or abroad), and for the "with Canadian work experience" categories work
//! in Canada as for CEC (not while a full-time student, not self-employed).

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Context, OccupationWork, Program, fmt_hours, noc_label, per_occupation, table_error};
use crate::assess::{ProgramResult, Requirement, Status};
use crate::clb::Language;
use crate::dated::{Source, Table, Version};
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::noc::Noc;
use crate::text::Say as _;

/// What a category asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryKind {
    /// French-language proficiency.
    French,
    /// Work experience in a listed occupation.
    Occupations,
}

/// One category as the data file defines it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub slug: String,
    pub title: String,
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
    /// A job offer in one of the listed occupations is needed (skilled military recruits).
    #[serde(default)]
    pub needs_job_offer_in_list: bool,
    /// A further condition landed cannot check (e.g. licensing).
    #[serde(default)]
    pub extra_condition: Option<String>,
    #[serde(default)]
    pub experience_note: Option<String>,
    #[serde(default)]
    pub nocs: Vec<Noc>,
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
    pub french_min_nclc: u8,
    pub categories: Vec<CategoryDef>,
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
    let t = Table {
        id: "programs.categories".to_string(),
        description: String::new(),
        versions,
    };
    t.check().map_err(|p| p.to_string())?;
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
            let mut codes = c.nocs.clone();
            codes.sort_unstable();
            codes.dedup();
            if codes.len() != c.nocs.len() {
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
    pub title: &'static str,
    /// The occupation list (or rule) was checked against the official page.
    pub list_verified: bool,
    /// landed has the whole occupation list.
    pub list_complete: bool,
    /// Confidence grade of the list (C1 official … C5 unverified).
    pub confidence: &'static str,
    /// What is known about the list's provenance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_note: Option<&'static str>,
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
    pub experience_rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
    pub results: Vec<CategoryResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<crate::text::Text>,
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
            notes: vec![ptext!(
                "Category-based selection began on {}: no categories on {as_of}",
                t.earliest()
            )],
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
    let needed = if set.experience_continuous {
        text!(
            "{} hours without a gap ({} months full-time) in one listed occupation",
            fmt_hours(f64::from(set.experience_hours)),
            set.experience_hours / 130
        )
    } else {
        text!(
            "{} hours ({} months full-time) in one listed occupation, not necessarily continuous",
            fmt_hours(f64::from(set.experience_hours)),
            set.experience_hours / 130
        )
    };
    let window = text!(
        "between {} and {}",
        hours::window_start(as_of, set.experience_window_years),
        as_of.yesterday().unwrap_or(as_of)
    );

    let mut results = Vec::with_capacity(set.categories.len());
    for c in &set.categories {
        let id = |what: &str| {
            let mut s = String::with_capacity(12 + c.slug.len() + what.len());
            s.push_str("categories.");
            s.push_str(&c.slug);
            s.push('.');
            s.push_str(what);
            s
        };
        let mut reqs = Vec::with_capacity(4);
        let mut notes = Vec::new();
        reqs.push(Requirement {
            id: id("program"),
            ..program.clone()
        });
        match c.kind {
            CategoryKind::French => reqs.push(french(ctx, id("french"), set.french_min_nclc)),
            CategoryKind::Occupations => {
                let work = if c.canadian_experience_only {
                    &work_canada
                } else {
                    &work_any
                };
                reqs.push(experience(
                    c,
                    set,
                    work,
                    &window,
                    &needed,
                    id("work_experience"),
                ));
            }
        }
        if c.needs_job_offer_in_list {
            reqs.push(job_offer(ctx, c, id("job_offer")));
        }
        if let Some(x) = &c.extra_condition {
            reqs.push(Requirement {
                id: id("other_condition"),
                status: Status::Unknown,
                detail: ptext!("This category also needs {x}: landed cannot check it"),
                source: None,
            });
        }
        match (c.kind, c.verified) {
            (CategoryKind::Occupations, false) => notes.push(
                "This occupation list is transcribed but not yet checked against the official page"
                    .to_string(),
            ),
            (CategoryKind::French, false) => notes.push(
                "This rule comes from reports of the official page, not the page itself"
                    .to_string(),
            ),
            _ => {}
        }
        if c.kind == CategoryKind::Occupations && !c.list_complete {
            notes.push(if c.nocs.is_empty() {
                text!(
                    "Incomplete: landed does not have this category's occupation list for the categories in force from {}",
                    v.effective_from
                )
            } else {
                text!(
                    "Incomplete: landed has only {} code(s) of this category's occupation list for the categories in force from {}",
                    c.nocs.len(),
                    v.effective_from
                )
            });
        }
        notes.extend(c.experience_note.iter().cloned());
        results.push(CategoryResult {
            slug: &c.slug,
            title: &c.title,
            list_verified: c.verified,
            list_complete: c.list_complete,
            confidence: &c.confidence,
            list_note: c.note.as_deref(),
            result: ProgramResult::from_requirements(
                reqs,
                notes.into_iter().map(crate::text::Text::from).collect(),
            ),
        });
    }

    let mut notes = vec![
        "A category-based round invites candidates who are eligible for CEC, FSW or FST and meet the round's own instructions, ranked by CRS within the category (C3)".to_string(),
        "Which work counts toward a category's experience (self-employment, work while studying) is not stated in landed's sources: landed counts paid, authorized work in Canada or abroad as for FSW and, for the categories \"with Canadian work experience\", work in Canada as for CEC. Not settled".to_string(),
    ];
    if as_of.year() == 2024 {
        notes.push("The 2023 categories were reported unchanged through 2024 (C3)".into());
    }
    Ok(CategorySelection {
        rules_from: Some(v.effective_from),
        experience_rule: Some(&set.experience_rule),
        source: Some(&v.source),
        results,
        notes: notes.into_iter().map(crate::text::Text::from).collect(),
    })
}

/// Eligible for CEC, FSW or FST.
fn program_requirement(programs: [&ProgramResult; 3]) -> Requirement {
    let eligible: Vec<&str> = Program::ORDER
        .iter()
        .zip(programs)
        .filter(|(_, r)| r.eligible == Some(true))
        .map(|(p, _)| p.abbreviation())
        .collect();
    let undecided: Vec<&str> = Program::ORDER
        .iter()
        .zip(programs)
        .filter(|(_, r)| r.eligible.is_none())
        .map(|(p, _)| p.abbreviation())
        .collect();
    let (status, detail) = if !eligible.is_empty() {
        (
            Status::Met,
            text!("You are eligible for {}", eligible.join(" and ")),
        )
    } else if undecided.is_empty() {
        (
            Status::NotMet,
            "Category-based rounds invite only candidates eligible for CEC, FSW or FST; you are eligible for none of them".to_string(),
        )
    } else {
        (
            Status::Unknown,
            text!(
                "Category-based rounds need eligibility for CEC, FSW or FST; not yet known for {}",
                undecided.join(" and ")
            ),
        )
    };
    // The selection's source covers it; each category does not repeat it.
    Requirement {
        id: String::new(),
        status,
        detail: detail.into(),
        source: None,
    }
}

fn french(ctx: &Context<'_>, id: String, min: u8) -> Requirement {
    let (status, detail) = match ctx.test_for(Language::French) {
        Some(t) => {
            let short = crate::text::Shortfalls {
                levels: t.clb,
                min: [min; 4],
            };
            if short.is_empty() {
                (
                    Status::Met,
                    text!(
                        "NCLC {min} needed in all four abilities; your French result is {}",
                        t.clb.summary()
                    ),
                )
            } else {
                (
                    Status::NotMet,
                    text!(
                        "NCLC {min} needed in all four abilities; your French result is {} (too low: {})",
                        t.clb.summary(),
                        short.text_in(crate::text::Lang::En)
                    ),
                )
            }
        }
        None if ctx.tests.is_empty() => (
            Status::Unknown,
            text!(
                "No language test recorded; this category needs NCLC {min} in all four abilities of French (TEF Canada or TCF Canada)"
            ),
        ),
        None => (
            Status::NotMet,
            text!(
                "No valid French test result on {}; this category needs NCLC {min} in all four abilities (TEF Canada or TCF Canada)",
                ctx.as_of
            ),
        ),
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

/// The candidate's occupations under one set of criteria, with their labels
/// looked up once for every category.
struct WorkSet {
    occs: Vec<OccupationWork>,
    labels: Vec<String>,
    /// "63200 Cooks; 13110 Administrative assistants".
    all: std::cell::OnceCell<String>,
}

impl WorkSet {
    fn new(occs: Vec<OccupationWork>) -> WorkSet {
        let labels = occs.iter().map(|o| noc_label(o.noc)).collect();
        WorkSet {
            occs,
            labels,
            all: std::cell::OnceCell::new(),
        }
    }
    fn all(&self) -> &str {
        self.all.get_or_init(|| self.labels.join("; "))
    }
}

fn experience(
    c: &CategoryDef,
    set: &CategorySet,
    work: &WorkSet,
    window: &str,
    needed: &str,
    id: String,
) -> Requirement {
    let h = set.experience_hours;
    let meets = |o: &OccupationWork| {
        if set.experience_continuous {
            o.longest().is_some_and(|r| r.at_least(h))
        } else {
            o.at_least(h)
        }
    };
    let amount = |o: &OccupationWork| {
        if set.experience_continuous {
            o.longest().map_or(0.0, |r| r.hours)
        } else {
            o.hours()
        }
    };
    let kind = if set.experience_continuous {
        " of continuous work"
    } else {
        ""
    };
    let place = if c.canadian_experience_only {
        " in Canada"
    } else {
        ""
    };
    let listed = |o: &OccupationWork| c.nocs.contains(&o.noc);
    let occs = work.occs.iter().zip(&work.labels);
    let best = |pred: &dyn Fn(&OccupationWork) -> bool| {
        occs.clone()
            .filter(|(o, _)| pred(o))
            .max_by_key(|(o, _)| o.units)
    };
    let (status, detail) = if let Some((o, label)) = best(&|o| listed(o) && meets(o)) {
        (
            Status::Met,
            text!(
                "{} hours{kind}{place} as {label}, a listed occupation, {window}; needed: {needed}",
                fmt_hours(amount(o)),
            ),
        )
    } else if !c.list_complete && work.occs.iter().any(|o| !listed(o) && meets(o)) {
        let maybe: Vec<&str> = occs
            .clone()
            .filter(|(o, _)| !listed(o) && meets(o))
            .map(|(_, l)| l.as_str())
            .collect();
        (
            Status::Unknown,
            text!(
                "landed does not have this category's whole occupation list; you have enough experience{place} {window} as {}, which may be on the official list; needed: {needed}",
                maybe.join(" or ")
            ),
        )
    } else if let Some((o, label)) = best(&listed) {
        (
            Status::NotMet,
            text!(
                "{} hours{kind}{place} as {label}, a listed occupation, {window}; needed: {needed}",
                fmt_hours(amount(o)),
            ),
        )
    } else if work.occs.is_empty() {
        (
            Status::NotMet,
            text!("No counted work{place} {window}; needed: {needed}"),
        )
    } else if c.list_complete {
        (
            Status::NotMet,
            text!(
                "Your occupations{place} {window} ({}) are not on this category's list",
                work.all()
            ),
        )
    } else {
        (
            Status::NotMet,
            text!(
                "No occupation of yours{place} {window} reaches {needed}, whatever the full list holds"
            ),
        )
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

fn job_offer(ctx: &Context<'_>, c: &CategoryDef, id: String) -> Requirement {
    let (status, detail) = match &ctx.profile.job_offer {
        Some(o) if c.nocs.contains(&o.noc) => (Status::Met, text!("A job offer as {}", noc_label(o.noc))),
        Some(o) => (
            Status::NotMet,
            text!("This category needs a job offer in one of its occupations; your offer is as {}", noc_label(o.noc)),
        ),
        None => (Status::NotMet, "This category needs a job offer in one of its occupations (a Canadian Armed Forces offer)".to_string()),
    };
    Requirement {
        id,
        status,
        detail: detail.into(),
        source: None,
    }
}

/// What category-based selection says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CategoryText {}

impl crate::text::Say for CategoryText {
    fn say(&self, _lang: crate::text::Lang, _f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl From<CategoryText> for crate::text::Text {
    fn from(m: CategoryText) -> Self {
        crate::text::Text::Category(m)
    }
}
