//! Federal Skilled Worker Program (IRPR ss.75–76): the minimum requirements,
//! one line each, and the 67-point selection grid, one line per factor.
//!
//! Which work counts (decided here, cited in the output):
//! - paid work only: volunteer work and unpaid internships never count (FSW page, C2);
//! - work while studying counts, co-op terms included (IRCC Help Centre, C2);
//! - self-employment counts: neither IRPR s.75 nor the FSW page excludes it
//!   (some practitioners say self-employment in Canada does not count: not settled);
//! - work in Canada must have been authorized (not stated for FSW; landed
//!   follows IRPR s.87.1(3) and the CRS rules: not settled);
//! - the year must be continuous: no gap day in the primary occupation.

use std::fmt::{self, Write as _};
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::funds::{self, FundsText};
use super::{
    Context, OccupationWork, STUDENT_WORK_HREF, STUDENT_WORK_TITLE, WorkFact, per_occupation,
    table_error,
};
use crate::assess::{ProgramResult, Requirement, Status, age_on};
use crate::clb::{Ability, Language, LanguageLevels};
use crate::crs::{EducationLevel, education_words};
use crate::dated::{Source, Table};
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, Occupations, Place};
use crate::noc::Noc;
use crate::profile::{Credential, CredentialLevel};
use crate::text::{
    Capitalized, In, Lang, Levels, NocLabel, NotCounted, Num, Say, Text, Window, heures, hours_num,
    language_name,
};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Minimums {
    experience_hours: u32,
    window_years: i16,
    continuous: bool,
    min_clb: u8,
    pass_mark: u8,
    max_points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClbRow {
    clb: u8,
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FirstLanguage {
    max: u8,
    rows: Vec<ClbRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecondLanguage {
    min_clb: u8,
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelRow {
    level: EducationLevel,
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Education {
    rows: Vec<LevelRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsRow {
    years: u8,
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Experience {
    rows: Vec<YearsRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRow {
    age: u8,
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Age {
    rows: Vec<AgeRow>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Points {
    points: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Adaptability {
    cap: u8,
    spouse_language: u8,
    spouse_language_min_clb: u8,
    own_study_in_canada: u8,
    spouse_study_in_canada: u8,
    own_work_in_canada: u8,
    spouse_work_in_canada: u8,
    arranged_employment: u8,
    relatives_in_canada: u8,
}

struct Tables {
    minimums: Table<Minimums>,
    first_language: Table<FirstLanguage>,
    second_language: Table<SecondLanguage>,
    education: Table<Education>,
    experience: Table<Experience>,
    age: Table<Age>,
    arranged_employment: Table<Points>,
    adaptability: Table<Adaptability>,
}

/// Threshold rows must start at 0 and increase.
fn check_thresholds(keys: impl Iterator<Item = u8>, file: &str) -> std::result::Result<(), String> {
    let mut prev: Option<u8> = None;
    for k in keys {
        match prev {
            None if k != 0 => return Err(format!("{file}: the first row must start at 0")),
            Some(p) if k <= p => return Err(format!("{file}: rows must increase ({k} after {p})")),
            _ => {}
        }
        prev = Some(k);
    }
    if prev.is_none() {
        return Err(format!("{file}: no rows"));
    }
    Ok(())
}

impl Tables {
    fn load() -> std::result::Result<Tables, String> {
        let t = Tables {
            minimums: load_table!("fsw_minimums.toml")?,
            first_language: load_table!("fsw_grid_first_language.toml")?,
            second_language: load_table!("fsw_grid_second_language.toml")?,
            education: load_table!("fsw_grid_education.toml")?,
            experience: load_table!("fsw_grid_experience.toml")?,
            age: load_table!("fsw_grid_age.toml")?,
            arranged_employment: load_table!("fsw_grid_arranged_employment.toml")?,
            adaptability: load_table!("fsw_grid_adaptability.toml")?,
        };
        for v in &t.first_language.versions {
            check_thresholds(
                v.values.rows.iter().map(|r| r.clb),
                "fsw_grid_first_language.toml",
            )?;
        }
        for v in &t.experience.versions {
            check_thresholds(
                v.values.rows.iter().map(|r| r.years),
                "fsw_grid_experience.toml",
            )?;
        }
        for v in &t.age.versions {
            check_thresholds(v.values.rows.iter().map(|r| r.age), "fsw_grid_age.toml")?;
        }
        for v in &t.education.versions {
            for level in EducationLevel::ALL {
                if v.values.rows.iter().filter(|r| r.level == level).count() != 1 {
                    return Err(format!(
                        "fsw_grid_education.toml: level {level:?} must appear exactly once"
                    ));
                }
            }
        }
        Ok(t)
    }
}

static TABLES: LazyLock<std::result::Result<Tables, String>> = LazyLock::new(Tables::load);

fn tables() -> Result<&'static Tables> {
    TABLES.as_ref().map_err(|e| table_error(e))
}

/// The points of the highest row whose key is at most `x`.
fn threshold<R>(rows: &[R], key: impl Fn(&R) -> u8, points: impl Fn(&R) -> u8, x: u8) -> u8 {
    rows.iter()
        .take_while(|r| key(r) <= x)
        .last()
        .map_or(0, points)
}

/// One factor of the selection grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridLine {
    pub id: &'static str,
    pub points: u8,
    pub max: u8,
    /// The most this line could give with facts the profile does not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to: Option<u8>,
    pub detail: crate::text::Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static Source>,
    /// Sub-items (adaptability).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<GridLine>,
}

impl GridLine {
    fn possible(&self) -> u8 {
        self.up_to.unwrap_or(self.points).max(self.points)
    }
}

/// The FSW selection grid: six factors out of 100, against the pass mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub total: u8,
    pub max: u8,
    pub pass_mark: u8,
    /// The most the total could be with facts the profile does not hold.
    pub possible: u8,
    pub lines: Vec<GridLine>,
}

fn line(
    factor: GridFactor,
    points: u8,
    max: u8,
    detail: FswText,
    source: &'static Source,
) -> GridLine {
    GridLine {
        id: factor.id(),
        points,
        max,
        up_to: None,
        detail: detail.into(),
        source: Some(source),
        items: Vec::new(),
    }
}

/// The FSW criteria for work experience (see the module documentation).
fn criteria(window_years: i16) -> Criteria {
    Criteria {
        window_years,
        place: Place::Anywhere,
        occupations: Occupations::Skilled,
        exclude_full_time_study: false,
        require_authorization: true,
        exclude_self_employed: false,
    }
}

/// A job offer that earns FSW arranged-employment points: full-time,
/// non-seasonal, at least one year, LMIA or exempt, TEER 0–3.
fn valid_offer(ctx: &Context<'_>) -> bool {
    ctx.profile
        .job_offer
        .as_ref()
        .is_some_and(|o| o.is_qualifying() && o.noc.teer().is_skilled())
}

/// Assess the Federal Skilled Worker Program.
pub fn fsw(ctx: &Context<'_>) -> Result<(crate::assess::ProgramResult, WorkFact)> {
    let t = tables()?;
    let p = ctx.profile;
    let as_of = ctx.as_of;
    let Some(min) = t.minimums.in_force(as_of) else {
        let empty = hours::tally(&[], &[], &[], as_of, &criteria(10));
        return Ok((
            not_covered(as_of, t.minimums.earliest()),
            WorkFact::none(empty.window_from, empty.window_to),
        ));
    };
    let m = &min.values;
    let fsw_src = || Some(&min.source);
    let mut reqs = Vec::with_capacity(6);
    let mut notes: Vec<Text> = Vec::new();

    // 1. Work experience: 1,560 continuous hours in one TEER 0-3 occupation within 10 years.
    let crit = criteria(m.window_years);
    let all = hours::tally(&p.work_history, &p.study_periods, &p.permits, as_of, &crit);
    let occs = per_occupation(
        &p.work_history,
        &p.study_periods,
        &p.permits,
        as_of,
        &crit,
        |n| n.teer().is_skilled(),
    );
    let meets = |o: &OccupationWork| {
        if m.continuous {
            o.longest().is_some_and(|r| r.at_least(m.experience_hours))
        } else {
            o.at_least(m.experience_hours)
        }
    };
    // Primary occupation: one that qualifies with the most hours; else the longest run.
    let primary = occs
        .iter()
        .filter(|o| meets(o))
        .max_by_key(|o| o.units)
        .or_else(|| {
            occs.iter()
                .max_by_key(|o| o.longest().map_or(0, |r| r.units))
        });
    let window = Window {
        years: m.window_years,
        from: all.window_from,
        to: all.window_to,
    };
    let needed = Num(u64::from(m.experience_hours));
    let not_counted = ExclusionReasons::of(&all.excluded);
    if let Some(run) = primary.and_then(|o| o.longest())
        && m.continuous
        && run.bridged_days > 0
    {
        notes.push(
            FswText::ContinuityBridged {
                days: run.bridged_days,
            }
            .into(),
        );
    }
    let run_dates = |o: &OccupationWork| o.longest().map(|r| (r.from, r.to));
    let run_hours = |o: &OccupationWork| hours_num(o.longest().map_or(0.0, |r| r.hours));
    let (status, detail) = match primary {
        Some(o) if meets(o) => (
            Status::Met,
            FswText::WorkMet {
                hours: run_hours(o),
                noc: o.noc,
                run: run_dates(o),
                window,
                needed,
                not_counted,
            },
        ),
        Some(o) => (
            Status::NotMet,
            FswText::WorkShort {
                longest: run_hours(o),
                noc: o.noc,
                run: run_dates(o),
                total: hours_num(o.hours()),
                window,
                needed,
                not_counted,
            },
        ),
        None => (
            Status::NotMet,
            FswText::WorkNone {
                window,
                needed,
                not_counted,
            },
        ),
    };
    reqs.push(Requirement {
        id: "fsw.work_experience".into(),
        status,
        detail: detail.into(),
        source: fsw_src(),
    });
    if status == Status::NotMet && occs.iter().any(|o| o.at_least(m.experience_hours)) {
        notes.push(FswText::GapNote.into());
    }
    if p.work_history
        .iter()
        .any(|j| j.kind == crate::profile::JobKind::SelfEmployed)
    {
        notes.push(FswText::SelfEmployedNote.into());
    }
    if p.work_history
        .iter()
        .any(|j| j.in_canada() && !j.authorized)
    {
        notes.push(FswText::UnauthorizedNote.into());
    }
    if p.study_periods.iter().any(|s| s.full_time) && !p.work_history.is_empty() {
        notes.push(FswText::StudentWorkNote.into());
    }
    notes.push(FswText::DutiesNote.into());

    // 2. Language: CLB/NCLC 7 in all four abilities.
    reqs.push(super::language_requirement(
        "fsw.language",
        ctx,
        [m.min_clb; 4],
        fsw_src(),
    ));

    // 3. Education: secondary or higher; foreign credentials need an ECA.
    reqs.push(education_requirement(ctx, fsw_src()));
    // An ECA 5 or more years old on `as_of` is treated as missing (MI s.3(4),
    // the same rule and table as the CRS: `data/planning/eca_validity.toml`).
    for (index, c) in ctx.profile.education.iter().enumerate() {
        if let Some((issued_on, years)) = expired_eca(c, as_of) {
            notes.push(
                FswText::EcaExpired {
                    index,
                    issued_on,
                    years,
                }
                .into(),
            );
        }
    }
    if ctx
        .profile
        .education
        .iter()
        .any(|c| !c.in_canada && c.eca && c.eca_issued_on.is_none())
    {
        notes.push(FswText::EcaAgeNote.into());
    }

    // 4. The selection grid.
    let grid = grid(ctx, t, &all, m.pass_mark, m.max_points)?;
    let score = Score {
        total: grid.total,
        max: grid.max,
        possible: grid.possible,
        pass_mark: grid.pass_mark,
    };
    let (status, detail) = if grid.total >= grid.pass_mark {
        (Status::Met, FswText::GridScore(score))
    } else if grid.possible < grid.pass_mark {
        (
            Status::NotMet,
            if grid.possible > grid.total {
                FswText::GridBelow(score)
            } else {
                FswText::GridScore(score)
            },
        )
    } else {
        let mut missing = GridFactors::default();
        for l in grid
            .lines
            .iter()
            .flat_map(|l| std::iter::once(l).chain(l.items.iter()))
            .filter(|l| l.up_to.is_some_and(|u| u > l.points) && l.items.is_empty())
        {
            if let Some(f) = GridFactor::of(l.id) {
                missing.insert(f);
            }
        }
        (Status::Unknown, FswText::GridOpen { score, missing })
    };
    reqs.push(Requirement {
        id: "fsw.selection_grid".into(),
        status,
        detail: detail.into(),
        source: Some(&SIX_FACTORS_SOURCE),
    });
    notes.push(FswText::AgeNote.into());

    // 5. Proof of funds, unless authorized to work in Canada with a valid job offer.
    let (funds_req, funds_notes) = funds::requirement(
        ctx,
        "fsw.proof_of_funds",
        funds::exemption(ctx, valid_offer(ctx)),
    );
    reqs.push(funds_req);
    notes.extend(funds_notes);

    // 6. Live outside Quebec.
    reqs.push(super::province_requirement("fsw.province", p, fsw_src()));
    notes.push(super::ProgramText::AdmissibilityNotAssessed.into());

    let work = WorkFact {
        window_from: all.window_from,
        window_to: all.window_to,
        needed_hours: m.experience_hours,
        qualifying_hours: primary.and_then(|o| o.longest()).map_or(0.0, |r| r.hours),
        counted_in: primary.map(|o| vec![o.noc]).unwrap_or_default(),
        continuous: primary.and_then(|o| o.longest().copied()),
        occupations: occs.iter().map(OccupationWork::summary).collect(),
        excluded: all.excluded,
    };
    let mut result = ProgramResult::from_requirements(reqs, notes);
    result.grid = Some(grid);
    Ok((result, work))
}

fn not_covered(as_of: Date, earliest: Date) -> ProgramResult {
    ProgramResult::from_requirements(
        vec![Requirement {
            id: "fsw.rules".into(),
            status: Status::Unknown,
            detail: FswText::NotCovered { as_of, earliest }.into(),
            source: None,
        }],
        Vec::new(),
    )
}

fn education_requirement(ctx: &Context<'_>, source: Option<&'static Source>) -> Requirement {
    let creds = &ctx.profile.education;
    let level = ctx.education.crs_level;
    let (status, detail) = if level >= EducationLevel::Secondary {
        (Status::Met, FswText::EducationMet(level))
    } else if creds.is_empty() {
        (Status::Unknown, FswText::EducationNone)
    } else if creds
        .iter()
        .any(|c| without_eca(c, ctx.as_of) && c.level >= CredentialLevel::Secondary)
    {
        (Status::NotMet, FswText::EducationWithoutEca)
    } else {
        (Status::NotMet, FswText::EducationBelowSecondary)
    };
    Requirement {
        id: "fsw.education".into(),
        status,
        detail: detail.into(),
        source,
    }
}

/// When the ECA of a foreign credential is 5 or more years old on `as_of`:
/// the day it was issued and the rule's number of years. Such an ECA counts
/// as missing for FSW, as it does for the CRS.
fn expired_eca(c: &Credential, as_of: Date) -> Option<(Date, i16)> {
    let issued = c.eca_issued_on?;
    if c.in_canada || !c.eca || crate::planning::dates::eca_counts_on(issued, as_of) {
        return None;
    }
    let years = crate::planning::dates::eca_rule(as_of).map_or(5, |v| v.values.years);
    Some((issued, years))
}

/// A foreign credential with no ECA that counts on `as_of` (none, or one 5
/// or more years old).
fn without_eca(c: &Credential, as_of: Date) -> bool {
    !c.in_canada && (!c.eca || expired_eca(c, as_of).is_some())
}

/// A Canadian credential from a program of at least two years.
fn two_years_in_canada(c: &Credential, as_of: jiff::civil::Date) -> bool {
    c.in_canada
        && c.completed_on.is_none_or(|d| d <= as_of)
        && match c.program_years {
            Some(y) => y >= 2.0,
            None => c.level >= CredentialLevel::TwoYear,
        }
}

fn grid(
    ctx: &Context<'_>,
    t: &'static Tables,
    skilled: &hours::HoursTally,
    pass_mark: u8,
    max_points: u8,
) -> Result<Grid> {
    use GridFactor as G;
    let as_of = ctx.as_of;
    let p = ctx.profile;
    let fl = t.first_language.require("fsw.grid.first_language", as_of)?;
    let sl = t
        .second_language
        .require("fsw.grid.second_language", as_of)?;
    let ed = t.education.require("fsw.grid.education", as_of)?;
    let ex = t.experience.require("fsw.grid.experience", as_of)?;
    let ag = t.age.require("fsw.grid.age", as_of)?;
    let ae = t
        .arranged_employment
        .require("fsw.grid.arranged_employment", as_of)?;
    let ad = t.adaptability.require("fsw.grid.adaptability", as_of)?;
    let mut lines = Vec::with_capacity(7);

    // 1a. First official language, per ability.
    let first = ctx.first_test();
    lines.push(match first {
        Some((f, levels)) => {
            let pts: [u8; 4] = Ability::ALL.map(|a| {
                threshold(
                    &fl.values.rows,
                    |r| r.clb,
                    |r| r.points,
                    levels.get(a).scored(),
                )
            });
            let sum: u8 = pts.iter().sum::<u8>().min(fl.values.max);
            line(
                G::FirstLanguage,
                sum,
                fl.values.max,
                FswText::FirstLanguage {
                    language: f.language,
                    levels,
                    points: pts,
                },
                &fl.source,
            )
        }
        None if ctx.tests.is_empty() => GridLine {
            up_to: Some(fl.values.max),
            ..line(
                G::FirstLanguage,
                0,
                fl.values.max,
                FswText::NoLanguageTest,
                &fl.source,
            )
        },
        None => line(
            G::FirstLanguage,
            0,
            fl.values.max,
            FswText::NoFirstLanguageResult,
            &fl.source,
        ),
    });

    // 1b. Second official language: all four at CLB 5 or more.
    let second = ctx.first_language.and_then(|l| ctx.test_for(l.other()));
    lines.push(match second {
        Some((s, levels)) => {
            let ok = levels.all_at_least(sl.values.min_clb);
            line(
                G::SecondLanguage,
                if ok { sl.values.points } else { 0 },
                sl.values.points,
                FswText::SecondLanguage {
                    language: s.language,
                    levels,
                    min: sl.values.min_clb,
                    ok,
                },
                &sl.source,
            )
        }
        None if ctx.tests.is_empty() => GridLine {
            up_to: Some(sl.values.points),
            ..line(
                G::SecondLanguage,
                0,
                sl.values.points,
                FswText::NoLanguageTest,
                &sl.source,
            )
        },
        None => line(
            G::SecondLanguage,
            0,
            sl.values.points,
            FswText::NoSecondLanguageResult,
            &sl.source,
        ),
    });

    // 2. Education.
    let level = ctx.education.crs_level;
    let ed_points = ed
        .values
        .rows
        .iter()
        .find(|r| r.level == level)
        .map_or(0, |r| r.points);
    let ed_max = ed.values.rows.iter().map(|r| r.points).max().unwrap_or(0);
    lines.push(if p.education.is_empty() {
        GridLine {
            up_to: Some(ed_max),
            ..line(
                G::Education,
                ed_points,
                ed_max,
                FswText::NoEducation,
                &ed.source,
            )
        }
    } else {
        let foreign_without_eca = p
            .education
            .iter()
            .any(|c| without_eca(c, as_of) && c.level > CredentialLevel::LessThanSecondary);
        line(
            G::Education,
            ed_points,
            ed_max,
            FswText::Education {
                level,
                points: ed_points,
                foreign_without_eca,
            },
            &ed.source,
        )
    });

    // 3. Experience: full years of TEER 0-3 work in the last 10 years.
    let years = skilled.full_years();
    let ex_points = threshold(
        &ex.values.rows,
        |r| r.years,
        |r| r.points,
        u8::try_from(years).unwrap_or(u8::MAX),
    );
    let ex_max = ex.values.rows.iter().map(|r| r.points).max().unwrap_or(0);
    lines.push(line(
        G::Experience,
        ex_points,
        ex_max,
        FswText::Experience {
            years,
            hours: hours_num(skilled.hours),
            from: skilled.window_from,
            to: skilled.window_to,
            points: ex_points,
        },
        &ex.source,
    ));

    // 4. Age.
    let age = age_on(p.date_of_birth, as_of);
    let age_points = threshold(&ag.values.rows, |r| r.age, |r| r.points, age);
    let age_max = ag.values.rows.iter().map(|r| r.points).max().unwrap_or(0);
    lines.push(line(
        G::Age,
        age_points,
        age_max,
        FswText::Age {
            age,
            on: as_of,
            points: age_points,
        },
        &ag.source,
    ));

    // 5. Arranged employment.
    let offer = valid_offer(ctx);
    lines.push(line(
        G::ArrangedEmployment,
        if offer { ae.values.points } else { 0 },
        ae.values.points,
        match &p.job_offer {
            Some(o) if offer => FswText::Offer(o.noc),
            Some(o) if !o.noc.teer().is_skilled() => FswText::OfferNotSkilled(o.noc),
            Some(_) => FswText::OfferNotQualifying,
            None => FswText::NoOffer,
        },
        &ae.source,
    ));

    // 6. Adaptability, capped.
    let a = &ad.values;
    let mut items = Vec::with_capacity(7);
    let undeclared = ctx.spouse_undeclared();
    let spouse = p.scoring_spouse().filter(|_| !undeclared);
    let unknown_spouse = |factor: GridFactor, max: u8| GridLine {
        up_to: Some(max),
        ..line(factor, 0, max, FswText::SpouseUnknown(factor), &ad.source)
    };
    let no_spouse =
        |factor: GridFactor, max: u8| line(factor, 0, max, FswText::NoSpouse, &ad.source);
    // Spouse's language.
    items.push(
        match (undeclared, spouse, ctx.spouse.and_then(|s| s.language)) {
            (true, _, _) => unknown_spouse(G::SpouseLanguage, a.spouse_language),
            (false, None, _) => no_spouse(G::SpouseLanguage, a.spouse_language),
            (false, Some(_), Some(l)) => {
                let ok = l.all_at_least(a.spouse_language_min_clb);
                line(
                    G::SpouseLanguage,
                    if ok { a.spouse_language } else { 0 },
                    a.spouse_language,
                    FswText::SpouseLanguage {
                        levels: l,
                        min: a.spouse_language_min_clb,
                        ok,
                    },
                    &ad.source,
                )
            }
            (false, Some(_), None) => line(
                G::SpouseLanguage,
                0,
                a.spouse_language,
                FswText::SpouseNoLanguageResult,
                &ad.source,
            ),
        },
    );
    // Own study in Canada.
    items.push(
        if p.education.iter().any(|c| two_years_in_canada(c, as_of)) {
            line(
                G::StudyInCanada,
                a.own_study_in_canada,
                a.own_study_in_canada,
                FswText::StudyInCanada,
                &ad.source,
            )
        } else if p.study_periods.iter().any(|s| s.in_canada && s.full_time) {
            GridLine {
                up_to: Some(a.own_study_in_canada),
                ..line(
                    G::StudyInCanada,
                    0,
                    a.own_study_in_canada,
                    FswText::StudyWithoutCredential,
                    &ad.source,
                )
            }
        } else {
            line(
                G::StudyInCanada,
                0,
                a.own_study_in_canada,
                FswText::NoStudyInCanada,
                &ad.source,
            )
        },
    );
    // Spouse's study in Canada.
    items.push(match (undeclared, spouse) {
        (true, _) => unknown_spouse(G::SpouseStudyInCanada, a.spouse_study_in_canada),
        (false, None) => no_spouse(G::SpouseStudyInCanada, a.spouse_study_in_canada),
        (false, Some(sp)) => {
            let ok = sp.education.iter().any(|c| two_years_in_canada(c, as_of));
            line(
                G::SpouseStudyInCanada,
                if ok { a.spouse_study_in_canada } else { 0 },
                a.spouse_study_in_canada,
                FswText::SpouseStudyInCanada(ok),
                &ad.source,
            )
        }
    });
    // Own work in Canada: 1 year full-time, TEER 0-3, authorized (any time).
    let canada_work = hours::counted(
        &p.work_history,
        &p.study_periods,
        &p.permits,
        as_of,
        &Criteria {
            window_years: 50,
            place: Place::Canada,
            ..criteria(50)
        },
    );
    let ok = canada_work.at_least(hours::HOURS_PER_YEAR);
    items.push(line(
        G::WorkInCanada,
        if ok { a.own_work_in_canada } else { 0 },
        a.own_work_in_canada,
        FswText::WorkInCanada {
            hours: hours_num(canada_work.hours()),
            before: as_of,
        },
        &ad.source,
    ));
    // Spouse's work in Canada: 1 year full-time, authorized, any occupation.
    items.push(match (undeclared, spouse) {
        (true, _) => unknown_spouse(G::SpouseWorkInCanada, a.spouse_work_in_canada),
        (false, None) => no_spouse(G::SpouseWorkInCanada, a.spouse_work_in_canada),
        (false, Some(sp)) => {
            let w = hours::counted(
                &sp.work_history,
                &[],
                &[],
                as_of,
                &Criteria {
                    window_years: 50,
                    place: Place::Canada,
                    occupations: Occupations::Only(|_| true),
                    ..criteria(50)
                },
            );
            let ok = w.at_least(hours::HOURS_PER_YEAR);
            line(
                G::SpouseWorkInCanada,
                if ok { a.spouse_work_in_canada } else { 0 },
                a.spouse_work_in_canada,
                FswText::SpouseWorkInCanada {
                    hours: hours_num(w.hours()),
                },
                &ad.source,
            )
        }
    });
    // Arranged employment.
    items.push(line(
        G::AdaptabilityArrangedEmployment,
        if offer { a.arranged_employment } else { 0 },
        a.arranged_employment,
        FswText::ValidOffer(offer),
        &ad.source,
    ));
    // Relatives in Canada: a sibling implies it; `relative_in_canada` says
    // it for any relative who counts; unsaid, the points stay possible.
    items.push(match (p.sibling_in_canada, p.relative_in_canada) {
        (true, _) => line(
            G::RelativesInCanada,
            a.relatives_in_canada,
            a.relatives_in_canada,
            FswText::Sibling,
            &ad.source,
        ),
        (false, Some(true)) => line(
            G::RelativesInCanada,
            a.relatives_in_canada,
            a.relatives_in_canada,
            FswText::Relative,
            &ad.source,
        ),
        (false, Some(false)) => line(
            G::RelativesInCanada,
            0,
            a.relatives_in_canada,
            FswText::NoRelative,
            &ad.source,
        ),
        (false, None) => GridLine {
            up_to: Some(a.relatives_in_canada),
            ..line(
                G::RelativesInCanada,
                0,
                a.relatives_in_canada,
                FswText::NoSibling,
                &ad.source,
            )
        },
    });
    let raw: u8 = items.iter().map(|i| i.points).sum();
    let raw_possible: u8 = items.iter().map(GridLine::possible).sum();
    let points = raw.min(a.cap);
    let possible = raw_possible.min(a.cap);
    lines.push(GridLine {
        id: G::Adaptability.id(),
        points,
        max: a.cap,
        up_to: (possible > points).then_some(possible),
        detail: FswText::Adaptability { raw, cap: a.cap }.into(),
        source: Some(&ad.source),
        items,
    });

    let total: u8 = lines.iter().map(|l| l.points).sum();
    let possible: u8 = lines.iter().map(GridLine::possible).sum();
    Ok(Grid {
        total,
        max: max_points,
        pass_mark,
        possible,
        lines,
    })
}

/// A factor of the selection grid, or an adaptability item: a grid line's `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridFactor {
    FirstLanguage,
    SecondLanguage,
    Education,
    Experience,
    Age,
    ArrangedEmployment,
    Adaptability,
    SpouseLanguage,
    StudyInCanada,
    SpouseStudyInCanada,
    WorkInCanada,
    SpouseWorkInCanada,
    AdaptabilityArrangedEmployment,
    RelativesInCanada,
}

impl GridFactor {
    /// In the order of the grid's lines, each factor followed by its items.
    pub const ALL: [GridFactor; 14] = [
        GridFactor::FirstLanguage,
        GridFactor::SecondLanguage,
        GridFactor::Education,
        GridFactor::Experience,
        GridFactor::Age,
        GridFactor::ArrangedEmployment,
        GridFactor::Adaptability,
        GridFactor::SpouseLanguage,
        GridFactor::StudyInCanada,
        GridFactor::SpouseStudyInCanada,
        GridFactor::WorkInCanada,
        GridFactor::SpouseWorkInCanada,
        GridFactor::AdaptabilityArrangedEmployment,
        GridFactor::RelativesInCanada,
    ];

    pub fn id(self) -> &'static str {
        match self {
            GridFactor::FirstLanguage => "fsw.grid.first_language",
            GridFactor::SecondLanguage => "fsw.grid.second_language",
            GridFactor::Education => "fsw.grid.education",
            GridFactor::Experience => "fsw.grid.experience",
            GridFactor::Age => "fsw.grid.age",
            GridFactor::ArrangedEmployment => "fsw.grid.arranged_employment",
            GridFactor::Adaptability => "fsw.grid.adaptability",
            GridFactor::SpouseLanguage => "fsw.grid.adaptability.spouse_language",
            GridFactor::StudyInCanada => "fsw.grid.adaptability.study_in_canada",
            GridFactor::SpouseStudyInCanada => "fsw.grid.adaptability.spouse_study_in_canada",
            GridFactor::WorkInCanada => "fsw.grid.adaptability.work_in_canada",
            GridFactor::SpouseWorkInCanada => "fsw.grid.adaptability.spouse_work_in_canada",
            GridFactor::AdaptabilityArrangedEmployment => {
                "fsw.grid.adaptability.arranged_employment"
            }
            GridFactor::RelativesInCanada => "fsw.grid.adaptability.relatives_in_canada",
        }
    }

    /// The factor of a grid line's `id`.
    pub fn of(id: &str) -> Option<GridFactor> {
        GridFactor::ALL.into_iter().find(|f| f.id() == id)
    }
}

impl Say for GridFactor {
    /// English: the last part of the id, in words ("relatives in canada").
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use GridFactor as G;
        match lang {
            Lang::En => {
                let id = self.id();
                for c in id.rsplit('.').next().unwrap_or(id).chars() {
                    f.write_char(if c == '_' { ' ' } else { c })?;
                }
                Ok(())
            }
            Lang::Fr => f.write_str(match self {
                G::FirstLanguage => "première langue officielle",
                G::SecondLanguage => "seconde langue officielle",
                G::Education => "études",
                G::Experience => "expérience",
                G::Age => "âge",
                G::ArrangedEmployment | G::AdaptabilityArrangedEmployment => "emploi réservé",
                G::Adaptability => "capacité d’adaptation",
                G::SpouseLanguage => "langue de l’époux ou du conjoint de fait",
                G::StudyInCanada => "études au Canada",
                G::SpouseStudyInCanada => "études au Canada de l’époux ou du conjoint de fait",
                G::WorkInCanada => "travail au Canada",
                G::SpouseWorkInCanada => "travail au Canada de l’époux ou du conjoint de fait",
                G::RelativesInCanada => "membres de la famille au Canada",
            }),
        }
    }
}

/// A set of grid factors, listed in the grid's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridFactors(u16);

impl GridFactors {
    pub fn insert(&mut self, f: GridFactor) {
        self.0 |= 1 << (f as u16);
    }
    pub fn contains(self, f: GridFactor) -> bool {
        self.0 & (1 << (f as u16)) != 0
    }
    pub fn iter(self) -> impl Iterator<Item = GridFactor> {
        GridFactor::ALL
            .into_iter()
            .filter(move |f| self.contains(*f))
    }
}

/// The grid's total against the pass mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub total: u8,
    pub max: u8,
    /// The most the total could be with facts the profile does not hold.
    pub possible: u8,
    pub pass_mark: u8,
}

/// "1 point" / "2 points"; in French 0 and 1 take the singular.
struct PointCount(u8);

impl Say for PointCount {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        match lang {
            Lang::En => write!(f, "{n} points"),
            Lang::Fr if n < 2 => write!(f, "{n} point"),
            Lang::Fr => write!(f, "{n} points"),
        }
    }
}

/// "heure" or "heures": in French 0 and 1 take the singular.
static SIX_FACTORS_SOURCE: Source = Source::fixed(
    "Six selection factors – Federal Skilled Worker Program (Express Entry)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html",
    "C3",
);

/// What the FSW checks and grid say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FswText {
    // ---- minimum requirements
    /// A continuous year in one occupation; `run`: the period it covers.
    WorkMet {
        hours: Num,
        noc: Noc,
        run: Option<(Date, Date)>,
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    /// The longest continuous period, too short; `total`: all hours in that occupation.
    WorkShort {
        longest: Num,
        noc: Noc,
        run: Option<(Date, Date)>,
        total: Num,
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    WorkNone {
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    EducationMet(EducationLevel),
    EducationNone,
    EducationWithoutEca,
    EducationBelowSecondary,
    /// At or above the pass mark, or below it with nothing unknown.
    GridScore(Score),
    /// Below the pass mark even with the unknown facts.
    GridBelow(Score),
    /// Below the pass mark unless facts the profile does not hold (`missing`) count.
    GridOpen {
        score: Score,
        missing: GridFactors,
    },
    /// No FSW rules in force on `as_of`.
    NotCovered {
        as_of: Date,
        earliest: Date,
    },
    /// Proof of funds.
    Funds(FundsText),

    // ---- notes
    GapNote,
    SelfEmployedNote,
    UnauthorizedNote,
    StudentWorkNote,
    DutiesNote,
    EcaAgeNote,
    /// The ECA of credential `index` (issued on `issued_on`) is `years` or more years old.
    EcaExpired {
        index: usize,
        issued_on: Date,
        years: i16,
    },
    AgeNote,

    // ---- grid lines
    FirstLanguage {
        language: Language,
        levels: LanguageLevels,
        /// Points per ability, in [`Ability::ALL`] order.
        points: [u8; 4],
    },
    NoLanguageTest,
    NoFirstLanguageResult,
    SecondLanguage {
        language: Language,
        levels: LanguageLevels,
        min: u8,
        ok: bool,
    },
    NoSecondLanguageResult,
    Education {
        level: EducationLevel,
        points: u8,
        /// A foreign credential without an ECA was left out.
        foreign_without_eca: bool,
    },
    NoEducation,
    Experience {
        years: u32,
        hours: Num,
        from: Date,
        to: Date,
        points: u8,
    },
    Age {
        age: u8,
        on: Date,
        points: u8,
    },
    Offer(Noc),
    OfferNotSkilled(Noc),
    OfferNotQualifying,
    NoOffer,

    // ---- adaptability
    /// Married or common-law, no spouse record: the item is unknown.
    SpouseUnknown(GridFactor),
    NoSpouse,
    SpouseLanguage {
        levels: LanguageLevels,
        min: u8,
        ok: bool,
    },
    SpouseNoLanguageResult,
    StudyInCanada,
    StudyWithoutCredential,
    NoStudyInCanada,
    SpouseStudyInCanada(bool),
    WorkInCanada {
        hours: Num,
        before: Date,
    },
    SpouseWorkInCanada {
        hours: Num,
    },
    ValidOffer(bool),
    Sibling,
    NoSibling,
    /// The continuous year spans gaps of only weekends or holidays.
    ContinuityBridged {
        days: u32,
    },
    /// `relative_in_canada: true`.
    Relative,
    /// `relative_in_canada: false`.
    NoRelative,
    /// The items' sum against the cap.
    Adaptability {
        raw: u8,
        cap: u8,
    },
}

impl Say for FswText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            FswText::WorkMet {
                hours,
                noc,
                run,
                window,
                needed,
                not_counted,
            } => {
                let (h, noc, teer) = (In(hours, lang), In(&NocLabel(*noc), lang), noc.teer().level());
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "{h} {} de travail rémunéré continu comme {noc} (FEER {teer})",
                        heures(*hours)
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, " du {from} au {to}")?;
                    }
                    write!(
                        f,
                        " {window} (il en faut {needed} dans une même profession, sans interruption)"
                    )?;
                } else {
                    write!(f, "{h} hours of continuous paid work as {noc} (TEER {teer})")?;
                    if let Some((from, to)) = run {
                        write!(f, " from {from} to {to}")?;
                    }
                    write!(
                        f,
                        " {window} ({needed} needed in one occupation, without a gap)"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::WorkShort {
                longest,
                noc,
                run,
                total,
                window,
                needed,
                not_counted,
            } => {
                let (h, noc, all) = (
                    In(longest, lang),
                    In(&NocLabel(*noc), lang),
                    In(total, lang),
                );
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "Votre plus longue période continue dans une même profession de FEER 0 à 3 est de {h} {} comme {noc}",
                        heures(*longest)
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, ", du {from} au {to}")?;
                    }
                    write!(
                        f,
                        " ({all} {} dans cette profession en tout); le PTQF exige {needed} heures de travail continu dans une même profession {window}",
                        heures(*total)
                    )?;
                } else {
                    write!(
                        f,
                        "Your longest continuous period in one TEER 0–3 occupation is {h} hours as {noc}"
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, ", from {from} to {to}")?;
                    }
                    write!(
                        f,
                        " ({all} hours in that occupation in all); FSW needs {needed} hours of continuous work in one occupation {window}"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::WorkNone {
                window,
                needed,
                not_counted,
            } => {
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "Aucun travail rémunéré de FEER 0, 1, 2 ou 3 {window}; le PTQF exige {needed} heures de travail continu dans une même profession"
                    )?;
                } else {
                    write!(
                        f,
                        "No paid TEER 0, 1, 2 or 3 work {window}; FSW needs {needed} hours of continuous work in one occupation"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::EducationMet(level) => {
                if fr {
                    write!(
                        f,
                        "Vos études comptent ({}) : un diplôme canadien, ou un diplôme étranger accompagné d’une évaluation des diplômes d’études (EDE); le PTQF exige des études secondaires ou plus",
                        education_words(*level, lang)
                    )
                } else {
                    write!(
                        f,
                        "Your {} counts (a Canadian credential, or a foreign one with an Educational Credential Assessment); FSW needs secondary education or higher",
                        level.describe()
                    )
                }
            }
            FswText::EducationNone => f.write_str(lang.pick(
                "No education recorded; FSW needs secondary education or higher (a foreign credential needs an Educational Credential Assessment)",
                "Aucun diplôme enregistré; le PTQF exige des études secondaires ou plus (un diplôme étranger doit faire l’objet d’une évaluation des diplômes d’études (EDE))",
            )),
            FswText::EducationWithoutEca => f.write_str(lang.pick(
                "Your foreign credential does not count without an Educational Credential Assessment (ECA); FSW needs secondary education or higher",
                "Votre diplôme étranger ne compte pas sans évaluation des diplômes d’études (EDE); le PTQF exige des études secondaires ou plus",
            )),
            FswText::EducationBelowSecondary => f.write_str(lang.pick(
                "FSW needs secondary education or higher; the profile shows less than secondary school",
                "Le PTQF exige des études secondaires ou plus; le profil indique des études secondaires non terminées",
            )),
            FswText::GridScore(s) => {
                if fr {
                    write!(
                        f,
                        "{} sur {}; la note de passage est de {}",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.pass_mark
                    )
                } else {
                    write!(
                        f,
                        "{} of {} points; the pass mark is {}",
                        s.total, s.max, s.pass_mark
                    )
                }
            }
            FswText::GridBelow(s) => {
                if fr {
                    write!(
                        f,
                        "{} sur {} (au plus {} avec des renseignements qui ne figurent pas dans le profil); la note de passage est de {}",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.possible,
                        s.pass_mark
                    )
                } else {
                    write!(
                        f,
                        "{} of {} points (at most {} with facts the profile does not hold); the pass mark is {}",
                        s.total, s.max, s.possible, s.pass_mark
                    )
                }
            }
            FswText::GridOpen { score: s, missing } => {
                if fr {
                    write!(
                        f,
                        "{} sur {} selon le profil, jusqu’à {} avec des renseignements qui n’y figurent pas (",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.possible
                    )?;
                } else {
                    write!(
                        f,
                        "{} of {} points from what the profile says, up to {} with facts it does not hold (",
                        s.total, s.max, s.possible
                    )?;
                }
                for (i, factor) in missing.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    factor.say(lang, f)?;
                }
                if fr {
                    write!(f, "); la note de passage est de {}", s.pass_mark)
                } else {
                    write!(f, "); the pass mark is {}", s.pass_mark)
                }
            }
            FswText::NotCovered { as_of, earliest } => {
                if fr {
                    write!(
                        f,
                        "landed n’a pas de règles du PTQF pour le {as_of} : la première date qu’il couvre est le {earliest}"
                    )
                } else {
                    write!(
                        f,
                        "landed has no FSW rules for {as_of}: the earliest date it covers is {earliest}"
                    )
                }
            }
            FswText::Funds(m) => m.say(lang, f),

            FswText::GapNote => f.write_str(lang.pick(
                "You have enough hours in one occupation but not without a gap: FSW's year must be continuous. landed ends a continuous period at any working day without work in that occupation, including a short gap between two employers (a gap of only weekends or federal holidays does not break it); how IRCC treats short gaps is not settled",
                "Vous avez assez d’heures dans une même profession, mais pas sans interruption : l’année exigée par le PTQF doit être continue. landed met fin à une période continue à tout jour ouvrable sans travail dans cette profession, y compris une courte interruption entre deux employeurs (une interruption faite seulement de fins de semaine ou de jours fériés fédéraux ne l’interrompt pas); la façon dont IRCC traite les courtes interruptions n’est pas établie",
            )),
            FswText::SelfEmployedNote => f.write_str(lang.pick(
                "FSW: landed counts self-employment, which neither IRPR s.75 nor the FSW page excludes; some practitioners say self-employment in Canada does not count. Not settled",
                "PTQF : landed compte le travail autonome, que n’excluent ni l’article 75 du RIPR ni la page du PTQF; selon certains praticiens, le travail autonome au Canada ne compte pas. Non établi",
            )),
            FswText::UnauthorizedNote => f.write_str(lang.pick(
                "FSW: landed does not count work in Canada without authorization; the FSW rules do not say so in words (CEC's do, IRPR s.87.1(3)). Not settled",
                "PTQF : landed ne compte pas le travail au Canada sans autorisation; les règles du PTQF ne le disent pas expressément (celles de la CEC le disent, RIPR, par. 87.1(3)). Non établi",
            )),
            FswText::StudentWorkNote => {
                if fr {
                    write!(
                        f,
                        "Le PTQF compte le travail rémunéré effectué pendant les études, stages coopératifs compris, s’il respecte les autres règles ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
                    )
                } else {
                    write!(
                        f,
                        "FSW counts paid work done while studying, co-op terms included, if it meets the other rules ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
                    )
                }
            }
            FswText::DutiesNote => f.write_str(lang.pick(
                "FSW also needs you to have performed the lead statement and most main duties, including all essential duties, of your primary occupation's NOC description (IRPR s.75(2)(b)–(c)): landed cannot check this",
                "Le PTQF exige aussi que vous ayez accompli les actions décrites dans l’énoncé principal et la plupart des fonctions principales, y compris toutes les fonctions essentielles, de la description de votre profession principale dans la CNP (RIPR, al. 75(2)b) et c)) : landed ne peut pas le vérifier",
            )),
            FswText::EcaAgeNote => f.write_str(lang.pick(
                "An Educational Credential Assessment must be less than 5 years old when you apply (MI s.3(4)); the profile does not record its date",
                "Une évaluation des diplômes d’études (EDE) doit dater de moins de 5 ans au moment de la demande (IM, par. 3(4)); le profil n’en indique pas la date",
            )),
            FswText::EcaExpired {
                index,
                issued_on,
                years,
            } => {
                if fr {
                    write!(
                        f,
                        "L’évaluation des diplômes d’études (EDE) du diplôme {} (délivrée le {}) a {years} ans ou plus à la date de l’évaluation : le PTQF la traite comme absente, pour l’exigence d’études et les points d’études (une EDE doit dater de moins de {years} ans, IM, par. 3(4))",
                        index + 1,
                        issued_on
                    )
                } else {
                    write!(
                        f,
                        "The Educational Credential Assessment (ECA) of credential {} (issued on {}) is {years} or more years old on the assessment date: FSW treats it as missing, for the education requirement and the education points (an ECA must be less than {years} years old, MI s.3(4))",
                        index + 1,
                        issued_on
                    )
                }
            }
            FswText::AgeNote => f.write_str(lang.pick(
                "FSW age points count your age on the day IRCC receives your application; landed uses the assessment date",
                "Les points du PTQF pour l’âge tiennent compte de votre âge le jour où IRCC reçoit votre demande; landed utilise la date de l’évaluation",
            )),

            FswText::FirstLanguage {
                language,
                levels,
                points,
            } => {
                if fr {
                    write!(
                        f,
                        "{} ({}) : ",
                        Capitalized(language_name(*language, lang)),
                        language.benchmark()
                    )?;
                } else {
                    write!(f, "{language} ({}): ", language.benchmark())?;
                }
                for (i, (a, p)) in Ability::ALL.iter().zip(points).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    if fr {
                        write!(
                            f,
                            "{} {} → {p}",
                            crate::text::ability_name(*a, lang),
                            levels.get(*a)
                        )?;
                    } else {
                        write!(f, "{a} {} → {p}", levels.get(*a))?;
                    }
                }
                Ok(())
            }
            FswText::NoLanguageTest => f.write_str(lang.pick(
                "No language test recorded",
                "Aucun test de langue enregistré",
            )),
            FswText::NoFirstLanguageResult => f.write_str(lang.pick(
                "No valid result in a first official language",
                "Aucun résultat valide dans une première langue officielle",
            )),
            FswText::SecondLanguage {
                language,
                levels,
                min,
                ok,
            } => {
                let l = In(&Levels(*levels), lang);
                match (fr, ok) {
                    (false, true) => write!(
                        f,
                        "{language}: {l} — {min} or more in all four abilities"
                    ),
                    (false, false) => write!(
                        f,
                        "{language}: {l} — points need {min} or more in all four abilities"
                    ),
                    (true, true) => write!(
                        f,
                        "{} : {l} — {min} ou plus dans les quatre habiletés",
                        Capitalized(language_name(*language, lang))
                    ),
                    (true, false) => write!(
                        f,
                        "{} : {l} — il faut {min} ou plus dans les quatre habiletés pour obtenir des points",
                        Capitalized(language_name(*language, lang))
                    ),
                }
            }
            FswText::NoSecondLanguageResult => f.write_str(lang.pick(
                "No valid result in the other official language",
                "Aucun résultat valide dans l’autre langue officielle",
            )),
            FswText::Education {
                level,
                points,
                foreign_without_eca,
            } => {
                if fr {
                    write!(
                        f,
                        "{} : {}",
                        Capitalized(education_words(*level, lang)),
                        In(&PointCount(*points), lang)
                    )?;
                } else {
                    write!(f, "{}: {points} points", level.describe())?;
                }
                if *foreign_without_eca {
                    f.write_str(lang.pick(
                        "; a foreign credential without an Educational Credential Assessment does not count",
                        "; un diplôme étranger sans évaluation des diplômes d’études (EDE) ne compte pas",
                    ))?;
                }
                Ok(())
            }
            FswText::NoEducation => f.write_str(lang.pick(
                "No education recorded",
                "Aucun diplôme enregistré",
            )),
            FswText::Experience {
                years,
                hours,
                from,
                to,
                points,
            } => {
                let h = In(hours, lang);
                let per_year = In(&Num(u64::from(hours::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "{years} {} ({h} {}, {per_year} par année) de travail rémunéré de FEER 0 à 3 entre le {from} et le {to} : {}",
                        if *years > 1 {
                            "années complètes"
                        } else {
                            "année complète"
                        },
                        heures(*hours),
                        In(&PointCount(*points), lang)
                    )
                } else {
                    write!(
                        f,
                        "{years} full year(s) ({h} hours, {per_year} a year) of paid TEER 0–3 work between {from} and {to}: {points} points"
                    )
                }
            }
            FswText::Age { age, on, points } => {
                if fr {
                    write!(f, "{age} ans le {on} : {}", In(&PointCount(*points), lang))
                } else {
                    write!(f, "Age {age} on {on}: {points} points")
                }
            }
            FswText::Offer(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "Une offre d’emploi valide comme {noc}")
                } else {
                    write!(f, "A valid job offer as {noc}")
                }
            }
            FswText::OfferNotSkilled(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "L’offre d’emploi ({noc}) n’est pas de FEER 0, 1, 2 ou 3")
                } else {
                    write!(f, "The job offer ({noc}) is not TEER 0, 1, 2 or 3")
                }
            }
            FswText::OfferNotQualifying => f.write_str(lang.pick(
                "The job offer does not qualify: it must be full-time, non-seasonal, for at least one year and supported by an LMIA or exempt",
                "L’offre d’emploi n’est pas admissible : elle doit être à temps plein, non saisonnière, d’une durée d’au moins un an et appuyée par une EIMT ou en être dispensée",
            )),
            FswText::NoOffer => f.write_str(lang.pick("No job offer", "Aucune offre d’emploi")),

            FswText::SpouseUnknown(factor) => {
                let what = match (factor, lang) {
                    (GridFactor::SpouseLanguage, Lang::En) => "their language level",
                    (GridFactor::SpouseStudyInCanada, Lang::En) => "their study in Canada",
                    (GridFactor::SpouseWorkInCanada, Lang::En) => "their work in Canada",
                    (_, Lang::En) => "this item",
                    (GridFactor::SpouseLanguage, Lang::Fr) => "son niveau de langue est inconnu",
                    (GridFactor::SpouseStudyInCanada, Lang::Fr) => {
                        "ses études au Canada sont inconnues"
                    }
                    (GridFactor::SpouseWorkInCanada, Lang::Fr) => {
                        "son travail au Canada est inconnu"
                    }
                    (_, Lang::Fr) => "cet élément est inconnu",
                };
                if fr {
                    write!(
                        f,
                        "Renseignements sur l’époux ou le conjoint de fait non fournis : {what}"
                    )
                } else {
                    write!(f, "Spouse details not given: {what} unknown")
                }
            }
            FswText::NoSpouse => f.write_str(lang.pick(
                "No accompanying spouse or partner",
                "Aucun époux ni conjoint de fait qui vous accompagne",
            )),
            FswText::SpouseLanguage { levels, min, ok } => {
                let l = In(&Levels(*levels), lang);
                if fr {
                    write!(
                        f,
                        "Époux ou conjoint de fait, {} : {l}",
                        language_name(levels.language, lang)
                    )?;
                    if !ok {
                        write!(
                            f,
                            " (il faut CLB/NCLC {min} ou plus dans les quatre habiletés pour obtenir des points)"
                        )?;
                    }
                } else {
                    write!(f, "Spouse's {}: {l}", levels.language)?;
                    if !ok {
                        write!(
                            f,
                            " (points need CLB/NCLC {min} or more in all four abilities)"
                        )?;
                    }
                }
                Ok(())
            }
            FswText::SpouseNoLanguageResult => f.write_str(lang.pick(
                "No valid language result for your spouse",
                "Aucun résultat de test de langue valide pour votre époux ou conjoint de fait",
            )),
            FswText::StudyInCanada => f.write_str(lang.pick(
                "Two or more years of full-time study in Canada (a Canadian credential from a program of two years or more; assumes full-time study in good standing)",
                "Au moins deux années d’études à temps plein au Canada (un diplôme canadien d’un programme de deux ans ou plus; landed suppose des études à temps plein avec un dossier satisfaisant)",
            )),
            FswText::StudyWithoutCredential => f.write_str(lang.pick(
                "Study in Canada without a credential of a two-year program: two academic years of full-time study may count",
                "Études au Canada sans diplôme d’un programme de deux ans : deux années scolaires d’études à temps plein peuvent compter",
            )),
            FswText::NoStudyInCanada => f.write_str(lang.pick(
                "No two-year program of study in Canada",
                "Aucun programme d’études de deux ans au Canada",
            )),
            FswText::SpouseStudyInCanada(true) => f.write_str(lang.pick(
                "Your spouse studied two or more years full-time in Canada",
                "Votre époux ou conjoint de fait a étudié à temps plein au Canada pendant au moins deux ans",
            )),
            FswText::SpouseStudyInCanada(false) => f.write_str(lang.pick(
                "Your spouse has no two-year program of study in Canada",
                "Votre époux ou conjoint de fait n’a suivi aucun programme d’études de deux ans au Canada",
            )),
            FswText::WorkInCanada { hours, before } => {
                let h = In(hours, lang);
                let needed = In(&Num(u64::from(hours::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "{h} {} de travail autorisé de FEER 0 à 3 au Canada (il en faut {needed}; landed compte le travail effectué à tout moment avant le {before})",
                        heures(*hours)
                    )
                } else {
                    write!(
                        f,
                        "{h} hours of authorized TEER 0–3 work in Canada ({needed} needed; landed counts work at any time before {before})"
                    )
                }
            }
            FswText::SpouseWorkInCanada { hours } => {
                let h = In(hours, lang);
                let needed = In(&Num(u64::from(hours::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "Votre époux ou conjoint de fait : {h} {} de travail autorisé au Canada (il en faut {needed})",
                        heures(*hours)
                    )
                } else {
                    write!(
                        f,
                        "Your spouse: {h} hours of authorized work in Canada ({needed} needed)"
                    )
                }
            }
            FswText::ValidOffer(true) => f.write_str(lang.pick(
                "A valid job offer",
                "Une offre d’emploi valide",
            )),
            FswText::ValidOffer(false) => f.write_str(lang.pick(
                "No valid job offer",
                "Aucune offre d’emploi valide",
            )),
            FswText::Sibling => f.write_str(lang.pick(
                "A brother or sister in Canada (citizen or permanent resident, 18 or older, living in Canada)",
                "Un frère ou une sœur au Canada (citoyen ou résident permanent, âgé de 18 ans ou plus, qui vit au Canada)",
            )),
            FswText::NoSibling => f.write_str(lang.pick(
                "No brother or sister in Canada; other relatives who count (a parent, grandparent, child, grandchild, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada) are not in the profile",
                "Aucun frère ni sœur au Canada; les autres membres de la famille qui comptent (un parent, grand-parent, enfant, petit-enfant, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada) ne figurent pas dans le profil",
            )),
            FswText::ContinuityBridged { days } => {
                if lang == Lang::Fr {
                    write!(
                        f,
                        "L’année continue comprend {days} jour(s) sans emploi entre deux emplois de la même profession, tous des fins de semaine ou des jours fériés fédéraux (Code canadien du travail, art. 166) : landed ne les considère pas comme une interruption. Le RIPR et la page du PTQF ne définissent pas l’interruption; c’est la lecture des praticiens, non une règle publiée."
                    )
                } else {
                    write!(
                        f,
                        "The continuous year includes {days} day(s) between two jobs in the same occupation, all weekends or federal holidays (Canada Labour Code s.166): landed does not count them as a break. IRPR s.75 and the FSW page do not define a break; this is practitioners' reading, not a published rule."
                    )
                }
            }
            FswText::Relative => f.write_str(lang.pick(
                "A relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Un membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            FswText::NoRelative => f.write_str(lang.pick(
                "No relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Aucun membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            FswText::Adaptability { raw, cap } => {
                let pts = In(&PointCount(*raw), lang);
                match (fr, raw > cap) {
                    (false, true) => write!(f, "{pts} from the items below, capped at {cap}"),
                    (false, false) => write!(f, "{pts} from the items below (at most {cap})"),
                    (true, true) => {
                        write!(f, "{pts} pour les éléments ci-dessous, plafonnés à {cap}")
                    }
                    (true, false) => {
                        write!(f, "{pts} pour les éléments ci-dessous (au plus {cap})")
                    }
                }
            }
        }
    }
}

impl From<FswText> for Text {
    fn from(m: FswText) -> Self {
        Text::Fsw(m)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_embedded_tables_load_and_their_maxima_add_up_to_100() {
        let t = tables().unwrap();
        let d: jiff::civil::Date = "2026-11-24".parse().unwrap();
        let max = t.first_language.in_force(d).unwrap().values.max
            + t.second_language.in_force(d).unwrap().values.points
            + 25
            + 15
            + 12
            + t.arranged_employment.in_force(d).unwrap().values.points
            + t.adaptability.in_force(d).unwrap().values.cap;
        assert_eq!(max, 100);
        assert_eq!(t.minimums.in_force(d).unwrap().values.max_points, 100);
    }

    #[test]
    fn grid_factors_name_their_line_ids_in_english_and_french() {
        for f in GridFactor::ALL {
            assert_eq!(GridFactor::of(f.id()), Some(f));
            let last = f.id().rsplit('.').next().unwrap().replace('_', " ");
            assert_eq!(In(&f, Lang::En).to_string(), last);
            assert!(!In(&f, Lang::Fr).to_string().contains('_'));
        }
        let mut set = GridFactors::default();
        set.insert(GridFactor::RelativesInCanada);
        set.insert(GridFactor::FirstLanguage);
        let order: Vec<GridFactor> = set.iter().collect();
        assert_eq!(
            order,
            [GridFactor::FirstLanguage, GridFactor::RelativesInCanada]
        );
    }

    #[test]
    fn french_counts_take_the_singular_under_two() {
        let fr = |m: FswText| In(&m, Lang::Fr).to_string();
        assert_eq!(
            fr(FswText::Adaptability { raw: 1, cap: 10 }),
            "1 point pour les éléments ci-dessous (au plus 10)"
        );
        assert_eq!(
            fr(FswText::SpouseWorkInCanada { hours: Num(1) }),
            "Votre époux ou conjoint de fait : 1 heure de travail autorisé au Canada (il en faut 1\u{202f}560)"
        );
        assert_eq!(
            In(&FswText::SpouseWorkInCanada { hours: Num(1) }, Lang::En).to_string(),
            "Your spouse: 1 hours of authorized work in Canada (1,560 needed)"
        );
    }

    #[test]
    fn threshold_takes_the_highest_row_not_above() {
        let rows = [(0u8, 0u8), (18, 12), (36, 11)];
        let f = |x| threshold(&rows, |r| r.0, |r| r.1, x);
        assert_eq!(
            (f(0), f(17), f(18), f(35), f(36), f(99)),
            (0, 0, 12, 12, 11, 11)
        );
    }
}
