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

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::funds;
use super::{
    Context, OccupationWork, STUDENT_WORK_HREF, STUDENT_WORK_TITLE, WorkFact, fmt_hours, noc_label,
    not_counted, per_occupation, src, table_error,
};
use crate::assess::{ProgramResult, Requirement, Status, age_on};
use crate::clb::{Ability, LanguageLevels};
use crate::crs::EducationLevel;
use crate::dated::{Source, Table};
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::profile::{Credential, CredentialLevel};

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
            None if k != 0 => return Err(text!("{file}: the first row must start at 0")),
            Some(p) if k <= p => return Err(text!("{file}: rows must increase ({k} after {p})")),
            _ => {}
        }
        prev = Some(k);
    }
    if prev.is_none() {
        return Err(text!("{file}: no rows"));
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
                    return Err(text!(
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
    id: &'static str,
    points: u8,
    max: u8,
    detail: String,
    source: &'static Source,
) -> GridLine {
    GridLine {
        id,
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
        let empty = hours::tally(&[], &[], as_of, &criteria(10));
        return Ok((
            not_covered(as_of, t.minimums.earliest()),
            WorkFact::none(empty.window_from, empty.window_to),
        ));
    };
    let m = &min.values;
    let fsw_src = || Some(min.source.clone());
    let mut reqs = Vec::with_capacity(6);
    let mut notes = Vec::new();

    // 1. Work experience: 1,560 continuous hours in one TEER 0-3 occupation within 10 years.
    let crit = criteria(m.window_years);
    let all = hours::tally(&p.work_history, &p.study_periods, as_of, &crit);
    let occs = per_occupation(&p.work_history, &p.study_periods, as_of, &crit, |n| {
        n.teer().is_skilled()
    });
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
    let window = text!(
        "within the {} years from {} to {}",
        m.window_years,
        all.window_from,
        all.window_to
    );
    let needed = fmt_hours(f64::from(m.experience_hours));
    let (status, mut detail) = match primary {
        Some(o) if meets(o) => {
            let run = o.longest();
            (
                Status::Met,
                text!(
                    "{} hours of continuous paid work as {} (TEER {}){} {window} ({needed} needed in one occupation, without a gap)",
                    fmt_hours(run.map_or(0.0, |r| r.hours)),
                    noc_label(o.noc),
                    o.noc.teer().level(),
                    run.map_or(String::new(), |r| text!(" from {} to {}", r.from, r.to)),
                ),
            )
        }
        Some(o) => {
            let run = o.longest();
            (
                Status::NotMet,
                text!(
                    "Your longest continuous period in one TEER 0–3 occupation is {} hours as {}{} ({} hours in that occupation in all); FSW needs {needed} hours of continuous work in one occupation {window}",
                    fmt_hours(run.map_or(0.0, |r| r.hours)),
                    noc_label(o.noc),
                    run.map_or(String::new(), |r| text!(", from {} to {}", r.from, r.to)),
                    fmt_hours(o.hours()),
                ),
            )
        }
        None => (
            Status::NotMet,
            text!(
                "No paid TEER 0, 1, 2 or 3 work {window}; FSW needs {needed} hours of continuous work in one occupation"
            ),
        ),
    };
    detail.push_str(&not_counted(&all.excluded));
    reqs.push(Requirement {
        id: "fsw.work_experience".into(),
        status,
        detail: detail.into(),
        source: fsw_src(),
    });
    if status == Status::NotMet && occs.iter().any(|o| o.at_least(m.experience_hours)) {
        notes.push("You have enough hours in one occupation but not without a gap: FSW's year must be continuous. landed ends a continuous period at any day without work in that occupation, including a short gap between two employers; how IRCC treats short gaps is not settled".into());
    }
    if p.work_history
        .iter()
        .any(|j| j.kind == crate::profile::JobKind::SelfEmployed)
    {
        notes.push("FSW: landed counts self-employment, which neither IRPR s.75 nor the FSW page excludes; some practitioners say self-employment in Canada does not count. Not settled".into());
    }
    if p.work_history
        .iter()
        .any(|j| j.in_canada() && !j.authorized)
    {
        notes.push("FSW: landed does not count work in Canada without authorization; the FSW rules do not say so in words (CEC's do, IRPR s.87.1(3)). Not settled".into());
    }
    if p.study_periods.iter().any(|s| s.full_time) && !p.work_history.is_empty() {
        notes.push(text!(
            "FSW counts paid work done while studying, co-op terms included, if it meets the other rules ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
        ));
    }
    notes.push("FSW also needs you to have performed the lead statement and most main duties, including all essential duties, of your primary occupation's NOC description (IRPR s.75(2)(b)–(c)): landed cannot check this".into());

    // 2. Language: CLB/NCLC 7 in all four abilities.
    reqs.push(super::language_requirement(
        "fsw.language",
        ctx,
        [m.min_clb; 4],
        fsw_src(),
    ));

    // 3. Education: secondary or higher; foreign credentials need an ECA.
    reqs.push(education_requirement(ctx, fsw_src()));
    if ctx.profile.education.iter().any(|c| !c.in_canada && c.eca) {
        notes.push("An Educational Credential Assessment must be less than 5 years old when you apply (MI s.3(4)); the profile does not record its date".into());
    }

    // 4. The selection grid.
    let grid = grid(ctx, t, &all, m.pass_mark, m.max_points)?;
    let (status, detail) = if grid.total >= grid.pass_mark {
        (
            Status::Met,
            text!(
                "{} of {} points; the pass mark is {}",
                grid.total,
                grid.max,
                grid.pass_mark
            ),
        )
    } else if grid.possible < grid.pass_mark {
        (
            Status::NotMet,
            if grid.possible > grid.total {
                text!(
                    "{} of {} points (at most {} with facts the profile does not hold); the pass mark is {}",
                    grid.total,
                    grid.max,
                    grid.possible,
                    grid.pass_mark
                )
            } else {
                text!(
                    "{} of {} points; the pass mark is {}",
                    grid.total,
                    grid.max,
                    grid.pass_mark
                )
            },
        )
    } else {
        let missing: Vec<&str> = grid
            .lines
            .iter()
            .flat_map(|l| std::iter::once(l).chain(l.items.iter()))
            .filter(|l| l.up_to.is_some_and(|u| u > l.points) && l.items.is_empty())
            .map(|l| l.id.rsplit('.').next().unwrap_or(l.id))
            .collect();
        (
            Status::Unknown,
            text!(
                "{} of {} points from what the profile says, up to {} with facts it does not hold ({}); the pass mark is {}",
                grid.total,
                grid.max,
                grid.possible,
                missing.join(", ").replace('_', " "),
                grid.pass_mark
            ),
        )
    };
    reqs.push(Requirement {
        id: "fsw.selection_grid".into(),
        status,
        detail: detail.into(),
        source: src(
            "Six selection factors – Federal Skilled Worker Program (Express Entry)",
            "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers/six-selection-factors-federal-skilled-workers.html",
            "C3",
        ),
    });
    notes.push("FSW age points count your age on the day IRCC receives your application; landed uses the assessment date".into());

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
    notes.push("Admissibility (medical, security, criminality) is not assessed.".into());

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
    let mut result = ProgramResult::from_requirements(
        reqs,
        notes.into_iter().map(crate::text::Text::from).collect(),
    );
    result.grid = Some(grid);
    Ok((result, work))
}

fn not_covered(as_of: jiff::civil::Date, earliest: jiff::civil::Date) -> ProgramResult {
    ProgramResult::from_requirements(
        vec![Requirement {
            id: "fsw.rules".into(),
            status: Status::Unknown,
            detail: ptext!(
                "landed has no FSW rules for {as_of}: the earliest date it covers is {earliest}"
            ),
            source: None,
        }],
        Vec::new(),
    )
}

fn education_requirement(ctx: &Context<'_>, source: Option<Source>) -> Requirement {
    let creds = &ctx.profile.education;
    let level = ctx.education.crs_level;
    let (status, detail) = if level >= EducationLevel::Secondary {
        (
            Status::Met,
            text!(
                "Your {} counts (a Canadian credential, or a foreign one with an Educational Credential Assessment); FSW needs secondary education or higher",
                level.describe()
            ),
        )
    } else if creds.is_empty() {
        (
            Status::Unknown,
            "No education recorded; FSW needs secondary education or higher (a foreign credential needs an Educational Credential Assessment)".to_string(),
        )
    } else if creds
        .iter()
        .any(|c| !c.in_canada && !c.eca && c.level >= CredentialLevel::Secondary)
    {
        (
            Status::NotMet,
            "Your foreign credential does not count without an Educational Credential Assessment (ECA); FSW needs secondary education or higher".to_string(),
        )
    } else {
        (
            Status::NotMet,
            "FSW needs secondary education or higher; the profile shows less than secondary school"
                .to_string(),
        )
    };
    Requirement {
        id: "fsw.education".into(),
        status,
        detail: detail.into(),
        source,
    }
}

fn levels_detail(l: &LanguageLevels, pts: &[u8; 4]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(80);
    for (i, (a, p)) in Ability::ALL.iter().zip(pts).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{a} {} → {p}", l.get(*a));
    }
    s
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
        Some(f) => {
            let pts: [u8; 4] = Ability::ALL.map(|a| {
                threshold(
                    &fl.values.rows,
                    |r| r.clb,
                    |r| r.points,
                    f.clb.get(a).scored(),
                )
            });
            let sum: u8 = pts.iter().sum::<u8>().min(fl.values.max);
            line(
                "fsw.grid.first_language",
                sum,
                fl.values.max,
                text!(
                    "{} ({}): {}",
                    f.language,
                    f.language.benchmark(),
                    levels_detail(&f.clb, &pts)
                ),
                &fl.source,
            )
        }
        None if ctx.tests.is_empty() => GridLine {
            up_to: Some(fl.values.max),
            ..line(
                "fsw.grid.first_language",
                0,
                fl.values.max,
                "No language test recorded".into(),
                &fl.source,
            )
        },
        None => line(
            "fsw.grid.first_language",
            0,
            fl.values.max,
            "No valid result in a first official language".into(),
            &fl.source,
        ),
    });

    // 1b. Second official language: all four at CLB 5 or more.
    let second = ctx.first_language.and_then(|l| ctx.test_for(l.other()));
    lines.push(match second {
        Some(s) => {
            let ok = s.clb.all_at_least(sl.values.min_clb);
            line(
                "fsw.grid.second_language",
                if ok { sl.values.points } else { 0 },
                sl.values.points,
                text!(
                    "{}: {}{}",
                    s.language,
                    s.clb.summary(),
                    if ok {
                        text!(" — {} or more in all four abilities", sl.values.min_clb)
                    } else {
                        text!(
                            " — points need {} or more in all four abilities",
                            sl.values.min_clb
                        )
                    }
                ),
                &sl.source,
            )
        }
        None if ctx.tests.is_empty() => GridLine {
            up_to: Some(sl.values.points),
            ..line(
                "fsw.grid.second_language",
                0,
                sl.values.points,
                "No language test recorded".into(),
                &sl.source,
            )
        },
        None => line(
            "fsw.grid.second_language",
            0,
            sl.values.points,
            "No valid result in the other official language".into(),
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
    let mut ed_line = line(
        "fsw.grid.education",
        ed_points,
        ed_max,
        text!("{}: {ed_points} points", level.describe()),
        &ed.source,
    );
    if p.education.is_empty() {
        ed_line.detail = "No education recorded".into();
        ed_line.up_to = Some(ed_max);
    } else if p
        .education
        .iter()
        .any(|c| !c.in_canada && !c.eca && c.level > CredentialLevel::LessThanSecondary)
    {
        ed_line.detail = crate::text::Text::from(format!(
            "{}; a foreign credential without an Educational Credential Assessment does not count",
            ed_line.detail.en()
        ));
    }
    lines.push(ed_line);

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
        "fsw.grid.experience",
        ex_points,
        ex_max,
        text!(
            "{years} full year(s) ({} hours, 1,560 a year) of paid TEER 0–3 work between {} and {}: {ex_points} points",
            fmt_hours(skilled.hours),
            skilled.window_from,
            skilled.window_to
        ),
        &ex.source,
    ));

    // 4. Age.
    let age = age_on(p.date_of_birth, as_of);
    let age_points = threshold(&ag.values.rows, |r| r.age, |r| r.points, age);
    let age_max = ag.values.rows.iter().map(|r| r.points).max().unwrap_or(0);
    lines.push(line(
        "fsw.grid.age",
        age_points,
        age_max,
        text!("Age {age} on {as_of}: {age_points} points"),
        &ag.source,
    ));

    // 5. Arranged employment.
    let offer = valid_offer(ctx);
    lines.push(line(
        "fsw.grid.arranged_employment",
        if offer { ae.values.points } else { 0 },
        ae.values.points,
        match &p.job_offer {
            Some(o) if offer => text!("A valid job offer as {}", noc_label(o.noc)),
            Some(o) if !o.noc.teer().is_skilled() => text!("The job offer ({}) is not TEER 0, 1, 2 or 3", noc_label(o.noc)),
            Some(_) => "The job offer does not qualify: it must be full-time, non-seasonal, for at least one year and supported by an LMIA or exempt".into(),
            None => "No job offer".into(),
        },
        &ae.source,
    ));

    // 6. Adaptability, capped.
    let a = &ad.values;
    let mut items = Vec::with_capacity(7);
    let undeclared = ctx.spouse_undeclared();
    let spouse = p.scoring_spouse().filter(|_| !undeclared);
    let unknown_spouse = |id: &'static str, max: u8, what: &str| GridLine {
        up_to: Some(max),
        ..line(
            id,
            0,
            max,
            text!("Spouse details not given: {what} unknown"),
            &ad.source,
        )
    };
    let no_spouse = |id: &'static str, max: u8| {
        line(
            id,
            0,
            max,
            "No accompanying spouse or partner".into(),
            &ad.source,
        )
    };
    // Spouse's language.
    items.push(
        match (undeclared, spouse, ctx.spouse.and_then(|s| s.language)) {
            (true, _, _) => unknown_spouse(
                "fsw.grid.adaptability.spouse_language",
                a.spouse_language,
                "their language level",
            ),
            (false, None, _) => {
                no_spouse("fsw.grid.adaptability.spouse_language", a.spouse_language)
            }
            (false, Some(_), Some(l)) => {
                let ok = l.all_at_least(a.spouse_language_min_clb);
                line(
                    "fsw.grid.adaptability.spouse_language",
                    if ok { a.spouse_language } else { 0 },
                    a.spouse_language,
                    text!(
                        "Spouse's {}: {}{}",
                        l.language,
                        l.summary(),
                        if ok {
                            ""
                        } else {
                            " (points need CLB/NCLC 4 or more in all four abilities)"
                        }
                    ),
                    &ad.source,
                )
            }
            (false, Some(_), None) => line(
                "fsw.grid.adaptability.spouse_language",
                0,
                a.spouse_language,
                "No valid language result for your spouse".into(),
                &ad.source,
            ),
        },
    );
    // Own study in Canada.
    items.push(if p.education.iter().any(|c| two_years_in_canada(c, as_of)) {
        line(
            "fsw.grid.adaptability.study_in_canada",
            a.own_study_in_canada,
            a.own_study_in_canada,
            "Two or more years of full-time study in Canada (a Canadian credential from a program of two years or more; assumes full-time study in good standing)".into(),
            &ad.source,
        )
    } else if p.study_periods.iter().any(|s| s.in_canada && s.full_time) {
        GridLine {
            up_to: Some(a.own_study_in_canada),
            ..line(
                "fsw.grid.adaptability.study_in_canada",
                0,
                a.own_study_in_canada,
                "Study in Canada without a credential of a two-year program: two academic years of full-time study may count".into(),
                &ad.source,
            )
        }
    } else {
        line(
            "fsw.grid.adaptability.study_in_canada",
            0,
            a.own_study_in_canada,
            "No two-year program of study in Canada".into(),
            &ad.source,
        )
    });
    // Spouse's study in Canada.
    items.push(match (undeclared, spouse) {
        (true, _) => unknown_spouse(
            "fsw.grid.adaptability.spouse_study_in_canada",
            a.spouse_study_in_canada,
            "their study in Canada",
        ),
        (false, None) => no_spouse(
            "fsw.grid.adaptability.spouse_study_in_canada",
            a.spouse_study_in_canada,
        ),
        (false, Some(sp)) => {
            let ok = sp.education.iter().any(|c| two_years_in_canada(c, as_of));
            line(
                "fsw.grid.adaptability.spouse_study_in_canada",
                if ok { a.spouse_study_in_canada } else { 0 },
                a.spouse_study_in_canada,
                if ok {
                    "Your spouse studied two or more years full-time in Canada".into()
                } else {
                    "Your spouse has no two-year program of study in Canada".into()
                },
                &ad.source,
            )
        }
    });
    // Own work in Canada: 1 year full-time, TEER 0-3, authorized (any time).
    let canada_work = hours::tally(
        &p.work_history,
        &p.study_periods,
        as_of,
        &Criteria {
            window_years: 50,
            place: Place::Canada,
            ..criteria(50)
        },
    );
    let ok = canada_work.at_least(hours::HOURS_PER_YEAR);
    items.push(line(
        "fsw.grid.adaptability.work_in_canada",
        if ok { a.own_work_in_canada } else { 0 },
        a.own_work_in_canada,
        text!(
            "{} hours of authorized TEER 0–3 work in Canada (1,560 needed; landed counts work at any time before {as_of})",
            fmt_hours(canada_work.hours)
        ),
        &ad.source,
    ));
    // Spouse's work in Canada: 1 year full-time, authorized, any occupation.
    items.push(match (undeclared, spouse) {
        (true, _) => unknown_spouse(
            "fsw.grid.adaptability.spouse_work_in_canada",
            a.spouse_work_in_canada,
            "their work in Canada",
        ),
        (false, None) => no_spouse(
            "fsw.grid.adaptability.spouse_work_in_canada",
            a.spouse_work_in_canada,
        ),
        (false, Some(sp)) => {
            let w = hours::tally(
                &sp.work_history,
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
                "fsw.grid.adaptability.spouse_work_in_canada",
                if ok { a.spouse_work_in_canada } else { 0 },
                a.spouse_work_in_canada,
                text!(
                    "Your spouse: {} hours of authorized work in Canada (1,560 needed)",
                    fmt_hours(w.hours)
                ),
                &ad.source,
            )
        }
    });
    // Arranged employment.
    items.push(line(
        "fsw.grid.adaptability.arranged_employment",
        if offer { a.arranged_employment } else { 0 },
        a.arranged_employment,
        if offer {
            "A valid job offer".into()
        } else {
            "No valid job offer".into()
        },
        &ad.source,
    ));
    // Relatives in Canada.
    items.push(if p.sibling_in_canada {
        line(
            "fsw.grid.adaptability.relatives_in_canada",
            a.relatives_in_canada,
            a.relatives_in_canada,
            "A brother or sister in Canada (citizen or permanent resident, 18 or older, living in Canada)".into(),
            &ad.source,
        )
    } else {
        GridLine {
            up_to: Some(a.relatives_in_canada),
            ..line(
                "fsw.grid.adaptability.relatives_in_canada",
                0,
                a.relatives_in_canada,
                "No brother or sister in Canada; other relatives who count (a parent, grandparent, child, grandchild, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada) are not in the profile".into(),
                &ad.source,
            )
        }
    });
    let raw: u8 = items.iter().map(|i| i.points).sum();
    let raw_possible: u8 = items.iter().map(GridLine::possible).sum();
    let points = raw.min(a.cap);
    let possible = raw_possible.min(a.cap);
    lines.push(GridLine {
        id: "fsw.grid.adaptability",
        points,
        max: a.cap,
        up_to: (possible > points).then_some(possible),
        detail: if raw > a.cap {
            ptext!("{raw} points from the items below, capped at {}", a.cap)
        } else {
            ptext!("{raw} points from the items below (at most {})", a.cap)
        },
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

/// What the FSW checks and grid say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum FswText {}

impl crate::text::Say for FswText {
    fn say(&self, _lang: crate::text::Lang, _f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl From<FswText> for crate::text::Text {
    fn from(m: FswText) -> Self {
        crate::text::Text::Fsw(m)
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
    fn threshold_takes_the_highest_row_not_above() {
        let rows = [(0u8, 0u8), (18, 12), (36, 11)];
        let f = |x| threshold(&rows, |r| r.0, |r| r.1, x);
        assert_eq!(
            (f(0), f(17), f(18), f(35), f(36), f(99)),
            (0, 0, 12, 12, 11, 11)
        );
    }
}
