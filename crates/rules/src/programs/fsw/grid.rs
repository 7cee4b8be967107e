//! The FSW selection grid (IRPR s.76; the six selection factors): one line per
//! factor, each from its table in `data/programs/fsw_grid_*.toml`, out of 100.

use super::{
    Context, Grid, GridFactor, GridLine, GridText, Tables, criteria, valid_offer, without_eca,
};
use crate::assess::facts::age_on;
use crate::clb::Ability;
use crate::dated::Source;
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::profile::{Credential, CredentialLevel};
use crate::text::hours_num;

/// How far back "work in Canada" counts for adaptability (the grid asks for a year of it at
/// any time, with no window): 50 years, longer than any working life the engine sees.
pub(crate) const ANY_TIME_YEARS: i16 = 50;

/// The points of the highest row whose key is at most `x`.
pub(super) fn threshold<R>(
    rows: &[R],
    key: impl Fn(&R) -> u8,
    points: impl Fn(&R) -> u8,
    x: u8,
) -> u8 {
    rows.iter()
        .take_while(|r| key(r) <= x)
        .last()
        .map_or(0, points)
}

fn line(
    factor: GridFactor,
    points: u8,
    max: u8,
    detail: GridText,
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

/// A Canadian credential from a program of at least two years.
fn two_years_in_canada(c: &Credential, as_of: jiff::civil::Date) -> bool {
    c.in_canada
        && c.completed_on.is_none_or(|d| d <= as_of)
        && match c.program_years {
            Some(y) => y >= 2.0,
            None => c.level >= CredentialLevel::TwoYear,
        }
}

pub(super) fn grid(
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
                GridText::FirstLanguage {
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
                GridText::NoLanguageTest,
                &fl.source,
            )
        },
        None => line(
            G::FirstLanguage,
            0,
            fl.values.max,
            GridText::NoFirstLanguageResult,
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
                GridText::SecondLanguage {
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
                GridText::NoLanguageTest,
                &sl.source,
            )
        },
        None => line(
            G::SecondLanguage,
            0,
            sl.values.points,
            GridText::NoSecondLanguageResult,
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
                GridText::NoEducation,
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
            GridText::Education {
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
        GridText::Experience {
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
        GridText::Age {
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
            Some(o) if offer => GridText::Offer(o.noc),
            Some(o) if !o.noc.teer().is_skilled() => GridText::OfferNotSkilled(o.noc),
            Some(_) => GridText::OfferNotQualifying,
            None => GridText::NoOffer,
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
        ..line(factor, 0, max, GridText::SpouseUnknown(factor), &ad.source)
    };
    let no_spouse =
        |factor: GridFactor, max: u8| line(factor, 0, max, GridText::NoSpouse, &ad.source);
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
                    GridText::SpouseLanguage {
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
                GridText::SpouseNoLanguageResult,
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
                GridText::StudyInCanada,
                &ad.source,
            )
        } else if p.study_periods.iter().any(|s| s.in_canada && s.full_time) {
            GridLine {
                up_to: Some(a.own_study_in_canada),
                ..line(
                    G::StudyInCanada,
                    0,
                    a.own_study_in_canada,
                    GridText::StudyWithoutCredential,
                    &ad.source,
                )
            }
        } else {
            line(
                G::StudyInCanada,
                0,
                a.own_study_in_canada,
                GridText::NoStudyInCanada,
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
                GridText::SpouseStudyInCanada(ok),
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
            window_years: ANY_TIME_YEARS,
            place: Place::Canada,
            ..criteria(ANY_TIME_YEARS)
        },
    );
    let ok = canada_work.at_least(hours::HOURS_PER_YEAR);
    items.push(line(
        G::WorkInCanada,
        if ok { a.own_work_in_canada } else { 0 },
        a.own_work_in_canada,
        GridText::WorkInCanada {
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
                    window_years: ANY_TIME_YEARS,
                    place: Place::Canada,
                    occupations: Occupations::Only(|_| true),
                    ..criteria(ANY_TIME_YEARS)
                },
            );
            let ok = w.at_least(hours::HOURS_PER_YEAR);
            line(
                G::SpouseWorkInCanada,
                if ok { a.spouse_work_in_canada } else { 0 },
                a.spouse_work_in_canada,
                GridText::SpouseWorkInCanada {
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
        GridText::ValidOffer(offer),
        &ad.source,
    ));
    // Relatives in Canada: a sibling implies it; `relative_in_canada` says
    // it for any relative who counts; unsaid, the points stay possible.
    items.push(match (p.sibling_in_canada, p.relative_in_canada) {
        (true, _) => line(
            G::RelativesInCanada,
            a.relatives_in_canada,
            a.relatives_in_canada,
            GridText::Sibling,
            &ad.source,
        ),
        (false, Some(true)) => line(
            G::RelativesInCanada,
            a.relatives_in_canada,
            a.relatives_in_canada,
            GridText::Relative,
            &ad.source,
        ),
        (false, Some(false)) => line(
            G::RelativesInCanada,
            0,
            a.relatives_in_canada,
            GridText::NoRelative,
            &ad.source,
        ),
        (false, None) => GridLine {
            up_to: Some(a.relatives_in_canada),
            ..line(
                G::RelativesInCanada,
                0,
                a.relatives_in_canada,
                GridText::NoSibling,
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
        detail: GridText::Adaptability { raw, cap: a.cap }.into(),
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
