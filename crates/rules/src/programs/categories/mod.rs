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
//!
//! The sets as the files define them, and their load-time checks: `table.rs`.

mod table;
pub(crate) mod text;

use table::table;
pub use table::{CategoryDef, CategoryKind, CategorySet, ExtraCheck, category_rules_on};
pub use text::{CategoryText, Experience, Programs, Wording};

use std::borrow::Cow;
use std::sync::Arc;

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
use serde::Serialize;

use super::{Context, OccupationWork, per_occupation};
use crate::clb::Language;
use crate::dated::Source;
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::noc::Noc;
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::text::{Shortfalls, Text, hours_num};

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
        weekly_cap_hours: hours::FULL_TIME_WEEKLY_HOURS,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::table::check_french;
    use super::*;
    use crate::dated::Table;

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
