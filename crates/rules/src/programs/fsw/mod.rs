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
//!
//! The grid: `grid.rs` (its lines), `grid_text.rs` (their sentences); the
//! requirements' and notes' sentences: `text.rs`.

mod grid;
use grid::grid;
pub(crate) mod grid_text;
pub(crate) mod text;

pub use crate::programs::result::{Grid, GridLine};

pub use grid_text::{GridFactor, GridFactors, GridText, Score};
pub use text::FswText;

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::funds::{self};
use super::{Context, OccupationWork, WorkFact, per_occupation, table_error};
use crate::crs::EducationLevel;
use crate::dated::{Source, Table};
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, Occupations, Place};
use crate::profile::{Credential, CredentialLevel};
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::text::{Num, Text, Window, hours_num};

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

/// The experience window of every version of the minimums, then the adaptability grid's
/// "any time" look-back ([`grid::ANY_TIME_YEARS`]), in years (the timeline's breakpoints
/// shift every job boundary by each).
pub(crate) fn window_years() -> impl Iterator<Item = i16> {
    TABLES
        .as_ref()
        .into_iter()
        .flat_map(|t| t.minimums.versions.iter().map(|v| v.values.window_years))
        .chain([grid::ANY_TIME_YEARS])
}

/// The FSW criteria for work experience (see the module documentation).
fn criteria(window_years: i16) -> Criteria {
    Criteria {
        window_years,
        weekly_cap_hours: hours::FULL_TIME_WEEKLY_HOURS,
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
pub fn fsw(ctx: &Context<'_>) -> Result<(ProgramResult, WorkFact)> {
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

static SIX_FACTORS_SOURCE: Source = Source::fixed(
    "Six selection factors – Federal Skilled Worker Program (Express Entry)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html",
    "C3",
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::text::{In, Lang};

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
        let fr = |m: GridText| In(&m, Lang::Fr).to_string();
        assert_eq!(
            fr(GridText::Adaptability { raw: 1, cap: 10 }),
            "1 point pour les éléments ci-dessous (au plus 10)"
        );
        assert_eq!(
            fr(GridText::SpouseWorkInCanada { hours: Num(1) }),
            "Votre époux ou conjoint de fait : 1 heure de travail autorisé au Canada (il en faut 1\u{202f}560)"
        );
        assert_eq!(
            In(&GridText::SpouseWorkInCanada { hours: Num(1) }, Lang::En).to_string(),
            "Your spouse: 1 hours of authorized work in Canada (1,560 needed)"
        );
    }

    #[test]
    fn threshold_takes_the_highest_row_not_above() {
        let rows = [(0u8, 0u8), (18, 12), (36, 11)];
        let f = |x| grid::threshold(&rows, |r| r.0, |r| r.1, x);
        assert_eq!(
            (f(0), f(17), f(18), f(35), f(36), f(99)),
            (0, 0, 12, 12, 11, 11)
        );
    }
}
