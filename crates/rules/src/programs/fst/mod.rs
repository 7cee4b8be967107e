//! Federal Skilled Trades Program (IRPR s.87.2).
//!
//! Which work counts (decided here, cited in the output):
//! - paid work in one eligible skilled trade (one NOC unit group: "the
//!   skilled trade in respect of which the application is made", s.87.2(3)(b));
//! - work while a full-time student does not count, co-op terms included
//!   (IRCC Help Centre, C2);
//! - self-employment counts: s.87.2 does not exclude it (not settled);
//! - work in Canada must have been authorized (as for FSW: not settled).

pub(crate) mod text;

pub use text::{FstText, Group, WhyNot};

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::funds;
use super::{Context, OccupationWork, WorkFact, per_occupation, table_error};
use crate::dated::{Source, Table};
use crate::error::Result;
use crate::hours::{self, Criteria, ExclusionReasons, Occupations, Place};
use crate::noc::Noc;
use crate::profile::JobOffer;
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::text::{Num, Text, Window, hours_num};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Minimums {
    experience_hours: u32,
    window_years: i16,
    speaking: u8,
    listening: u8,
    reading: u8,
    writing: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Groups {
    pub include: Vec<Group>,
    pub exclude: Vec<Group>,
}

impl Groups {
    /// The included group the code falls in, unless an excluded group holds it.
    fn classify(&self, noc: Noc) -> std::result::Result<&Group, Option<&Group>> {
        let code = noc.as_str();
        if let Some(ex) = self
            .exclude
            .iter()
            .find(|g| code.starts_with(g.code.as_str()))
        {
            return Err(Some(ex));
        }
        self.include
            .iter()
            .find(|g| code.starts_with(g.code.as_str()))
            .ok_or(None)
    }
}

struct Tables {
    minimums: Table<Minimums>,
    groups: Table<Groups>,
}

static TABLES: LazyLock<std::result::Result<Tables, String>> = LazyLock::new(|| {
    let t = Tables {
        minimums: load_table!("fst_minimums.toml")?,
        groups: load_table!("fst_eligible_groups.toml")?,
    };
    for v in &t.groups.versions {
        for g in v.values.include.iter().chain(&v.values.exclude) {
            if !(2..=5).contains(&g.code.len()) || !g.code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "fst_eligible_groups.toml: {:?} is not a NOC group code",
                    g.code
                ));
            }
            if g.title.trim().is_empty() || g.title_fr.trim().is_empty() {
                return Err(format!(
                    "fst_eligible_groups.toml: group {} needs a title in English and in French",
                    g.code
                ));
            }
        }
    }
    Ok(t)
});

fn tables() -> Result<&'static Tables> {
    TABLES.as_ref().map_err(|e| table_error(e))
}

/// The experience window of every version of the minimums, in years (the timeline's
/// breakpoints shift every job boundary by each).
pub(crate) fn window_years() -> impl Iterator<Item = i16> {
    TABLES
        .as_ref()
        .into_iter()
        .flat_map(|t| t.minimums.versions.iter().map(|v| v.values.window_years))
}

/// Whether a unit group is an eligible skilled trade under the newest
/// version of the FST groups table (NOC 2021 codes have only one version).
pub fn is_skilled_trade(noc: Noc) -> bool {
    tables()
        .ok()
        .and_then(|t| t.groups.versions.last())
        .is_some_and(|v| v.values.classify(noc).is_ok())
}

/// Why a unit group is or is not a skilled trade on `on`: `Ok(group)` for
/// the included group that holds it ("6320 Cooks, butchers and bakers"),
/// `Err(reason)` otherwise.
pub fn trade_group(noc: Noc, on: Date) -> Result<std::result::Result<Text, Text>> {
    let v = tables()?.groups.require("fst.eligible_groups", on)?;
    Ok(match v.values.classify(noc) {
        Ok(g) => Ok(FstText::TradeGroup(g).into()),
        Err(Some(ex)) => Err(FstText::ExcludedGroup { noc, group: ex }.into()),
        Err(None) => Err(FstText::NotInTradeGroup(noc).into()),
    })
}

fn criteria(window_years: i16) -> Criteria {
    Criteria {
        window_years,
        weekly_cap_hours: hours::FULL_TIME_WEEKLY_HOURS,
        place: Place::Anywhere,
        occupations: Occupations::Only(is_skilled_trade),
        exclude_full_time_study: true,
        require_authorization: true,
        exclude_self_employed: false,
    }
}

/// A job offer that counts for FST: full-time, for at least one year,
/// supported by an LMIA or exempt, in an eligible trade.
fn counts(o: &JobOffer) -> bool {
    o.full_time && o.at_least_one_year && o.lmia_or_exempt && is_skilled_trade(o.noc)
}

/// Assess the Federal Skilled Trades Program.
pub fn fst(ctx: &Context<'_>) -> Result<(ProgramResult, WorkFact)> {
    let t = tables()?;
    let p = ctx.profile;
    let as_of = ctx.as_of;
    let (Some(min), Some(groups)) = (t.minimums.in_force(as_of), t.groups.in_force(as_of)) else {
        let earliest = t.minimums.earliest().max(t.groups.earliest());
        let empty = hours::tally(&[], &[], &[], as_of, &criteria(5));
        return Ok((
            ProgramResult::from_requirements(
                vec![Requirement {
                    id: "fst.rules".into(),
                    status: Status::Unknown,
                    detail: FstText::NoRules { as_of, earliest }.into(),
                    source: None,
                }],
                Vec::new(),
            ),
            WorkFact::none(empty.window_from, empty.window_to),
        ));
    };
    let m = &min.values;
    let fst_src = || Some(&min.source);
    let groups_src = || Some(&groups.source);
    let mut reqs = Vec::with_capacity(6);
    let mut notes: Vec<Text> = Vec::new();

    // 1. Work experience: 3,120 hours in one skilled trade within 5 years.
    let crit = criteria(m.window_years);
    let all = hours::tally(&p.work_history, &p.study_periods, &p.permits, as_of, &crit);
    let trades = per_occupation(
        &p.work_history,
        &p.study_periods,
        &p.permits,
        as_of,
        &crit,
        is_skilled_trade,
    );
    let best = trades.iter().max_by_key(|o| o.units);
    let needed = Num(u64::from(m.experience_hours));
    let window = Window {
        years: m.window_years,
        from: all.window_from,
        to: all.window_to,
    };
    let excluded = ExclusionReasons::of(&all.excluded);
    let (status, detail) = match best {
        Some(o) => {
            let met = o.at_least(m.experience_hours);
            (
                if met { Status::Met } else { Status::NotMet },
                FstText::TradeWork {
                    hours: hours_num(o.hours()),
                    noc: o.noc,
                    met,
                    window,
                    needed,
                    excluded,
                },
            )
        }
        None => (
            Status::NotMet,
            FstText::NoTradeWork {
                window,
                needed,
                excluded,
            },
        ),
    };
    reqs.push(Requirement {
        id: "fst.work_experience".into(),
        status,
        detail: detail.into(),
        source: groups_src(),
    });
    if status == Status::NotMet && trades.len() > 1 && all.at_least(m.experience_hours) {
        notes.push(
            FstText::TradesNotCombined {
                hours: hours_num(all.hours),
            }
            .into(),
        );
    }
    if excluded.contains(hours::ExclusionReason::FullTimeStudy)
        || excluded.contains(hours::ExclusionReason::Coop)
    {
        notes.push(FstText::StudentWork.into());
    }
    if p.work_history
        .iter()
        .any(|j| j.kind == crate::profile::JobKind::SelfEmployed && is_skilled_trade(j.noc))
    {
        notes.push(FstText::SelfEmployment.into());
    }
    notes.push(FstText::QualifiedToPractise.into());

    // 2. Language: CLB 5 speaking and listening, CLB 4 reading and writing.
    reqs.push(super::language_requirement(
        "fst.language",
        ctx,
        [m.listening, m.reading, m.writing, m.speaking],
        fst_src(),
    ));

    // 3. A valid job offer or a Canadian certificate of qualification, in the trade.
    let primary = best
        .filter(|o| o.at_least(m.experience_hours))
        .map(|o| o.noc);
    reqs.push(offer_or_certificate(
        ctx,
        primary,
        &groups.values,
        groups_src(),
    ));

    // 4. No education requirement.
    reqs.push(Requirement {
        id: "fst.education".into(),
        status: Status::Met,
        detail: FstText::NoEducationRequirement.into(),
        source: fst_src(),
    });

    // 5. Proof of funds, unless authorized to work in Canada with a valid job offer.
    let offer_ok = p.job_offer.as_ref().is_some_and(counts);
    let (funds_req, funds_notes) =
        funds::requirement(ctx, "fst.proof_of_funds", funds::exemption(ctx, offer_ok));
    reqs.push(funds_req);
    notes.extend(funds_notes);

    // 6. Live outside Quebec.
    reqs.push(super::province_requirement("fst.province", p, fst_src()));
    notes.push(super::ProgramText::AdmissibilityNotAssessed.into());

    let work = WorkFact {
        window_from: all.window_from,
        window_to: all.window_to,
        needed_hours: m.experience_hours,
        qualifying_hours: best.map_or(0.0, OccupationWork::hours),
        counted_in: best.map(|o| vec![o.noc]).unwrap_or_default(),
        continuous: None,
        occupations: trades
            .iter()
            .map(|o| super::OccupationHours {
                noc: o.noc,
                hours: o.hours(),
                longest_continuous: None,
            })
            .collect(),
        excluded: all.excluded,
    };
    Ok((ProgramResult::from_requirements(reqs, notes), work))
}

fn offer_or_certificate(
    ctx: &Context<'_>,
    primary: Option<Noc>,
    groups: &'static Groups,
    source: Option<&'static Source>,
) -> Requirement {
    let p = ctx.profile;
    let same_trade = |noc: Noc| primary.is_none_or(|t| t == noc);
    let describe = |noc: Noc| match groups.classify(noc) {
        Ok(_) => None,
        Err(Some(group)) => Some(WhyNot::ExcludedGroup { noc, group }),
        Err(None) => Some(WhyNot::NotTrade(noc)),
    };
    let met = |detail: FstText| Requirement {
        id: "fst.offer_or_certificate".into(),
        status: Status::Met,
        detail: detail.into(),
        source,
    };
    let mut certificate = None;
    if let Some(c) = &p.certificate_of_qualification {
        match describe(c.noc) {
            None if same_trade(c.noc) => {
                return met(FstText::Certificate {
                    noc: c.noc,
                    province: c.province,
                });
            }
            None => certificate = Some(WhyNot::OtherTrade(c.noc)),
            Some(w) => certificate = Some(w),
        }
    }
    let mut offer = None;
    if let Some(o) = &p.job_offer {
        let terms = o.full_time && o.at_least_one_year && o.lmia_or_exempt;
        match describe(o.noc) {
            None if terms && same_trade(o.noc) => {
                return met(FstText::JobOffer { noc: o.noc });
            }
            None if terms => offer = Some(WhyNot::OtherTrade(o.noc)),
            None => offer = Some(WhyNot::OfferTerms),
            Some(w) => offer = Some(w),
        }
    }
    let detail = if certificate.is_none() && offer.is_none() {
        FstText::NeitherOfferNorCertificate
    } else {
        FstText::OfferOrCertificateMissing { certificate, offer }
    };
    Requirement {
        id: "fst.offer_or_certificate".into(),
        status: Status::NotMet,
        detail: detail.into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn n(s: &str) -> Noc {
        Noc::parse(s).unwrap()
    }

    #[test]
    fn group_boundaries() {
        for yes in [
            "72410", "72999", "73100", "82010", "83100", "92100", "93100", "63200", "63201",
            "63202", "62200",
        ] {
            assert!(is_skilled_trade(n(yes)), "{yes}");
        }
        for no in [
            "72600", "72604", "93200", "62201", "63100", "21231", "74100", "94100",
        ] {
            assert!(!is_skilled_trade(n(no)), "{no}");
        }
    }

    #[test]
    fn every_group_has_its_french_title() {
        let t = tables().unwrap();
        for v in &t.groups.versions {
            for g in v.values.include.iter().chain(&v.values.exclude) {
                assert!(!g.title_fr.trim().is_empty(), "{}", g.code);
                assert_eq!(
                    Text::from(FstText::TradeGroup(g)).en(),
                    format!("{} {}", g.code, g.title)
                );
            }
        }
    }
}
