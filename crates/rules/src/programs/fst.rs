//! Federal Skilled Trades Program (IRPR s.87.2).
//!
//! Which work counts (decided here, cited in the output):
//! - paid work in one eligible skilled trade (one NOC unit group: "the
//!   skilled trade in respect of which the application is made", s.87.2(3)(b));
//! - work while a full-time student does not count, co-op terms included
//!   (IRCC Help Centre, C2);
//! - self-employment counts: s.87.2 does not exclude it (not settled);
//! - work in Canada must have been authorized (as for FSW: not settled).

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::funds;
use super::{
    Context, OccupationWork, STUDENT_WORK_HREF, STUDENT_WORK_TITLE, WorkFact, fmt_hours, noc_label,
    not_counted, per_occupation, table_error,
};
use crate::assess::{ProgramResult, Requirement, Status};
use crate::dated::{Source, Table};
use crate::error::Result;
use crate::hours::{self, Criteria, Occupations, Place};
use crate::noc::Noc;
use crate::profile::JobOffer;

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

/// A NOC group (2 to 5 digits) and its title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Group {
    pub code: String,
    pub title: String,
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
                return Err(text!(
                    "fst_eligible_groups.toml: {:?} is not a NOC group code",
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

/// Whether a unit group is an eligible skilled trade under the newest
/// version of the FST groups table (NOC 2021 codes have only one version).
pub fn is_skilled_trade(noc: Noc) -> bool {
    tables()
        .ok()
        .and_then(|t| t.groups.versions.last())
        .is_some_and(|v| v.values.classify(noc).is_ok())
}

/// Why a unit group is or is not a skilled trade on `on`: `Ok(group title)`
/// for the included group that holds it, `Err(reason)` otherwise.
pub fn trade_group(noc: Noc, on: Date) -> Result<std::result::Result<String, String>> {
    let v = tables()?.groups.require("fst.eligible_groups", on)?;
    Ok(match v.values.classify(noc) {
        Ok(g) => Ok(text!("{} {}", g.code, g.title)),
        Err(Some(ex)) => Err(text!(
            "{noc} is in group {} {}, which is excluded",
            ex.code,
            ex.title
        )),
        Err(None) => Err(text!("{noc} is not in an eligible skilled-trade group")),
    })
}

const GROUPS_TEXT: &str = "Major Groups 72 (except 726), 73, 82, 83, 92 and 93 (except 932), Minor Group 6320 and Unit Group 62200";

fn criteria(window_years: i16) -> Criteria {
    Criteria {
        window_years,
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
        let empty = hours::tally(&[], &[], as_of, &criteria(5));
        return Ok((
            ProgramResult::from_requirements(
                vec![Requirement {
                    id: "fst.rules".into(),
                    status: Status::Unknown,
                    detail: ptext!(
                        "landed has no FST rules (NOC 2021 trades) for {as_of}: the earliest date it covers is {earliest}"
                    ),
                    source: None,
                }],
                Vec::new(),
            ),
            WorkFact::none(empty.window_from, empty.window_to),
        ));
    };
    let m = &min.values;
    let fst_src = || Some(min.source.clone());
    let groups_src = || Some(groups.source.clone());
    let mut reqs = Vec::with_capacity(6);
    let mut notes = Vec::new();

    // 1. Work experience: 3,120 hours in one skilled trade within 5 years.
    let crit = criteria(m.window_years);
    let all = hours::tally(&p.work_history, &p.study_periods, as_of, &crit);
    let trades = per_occupation(
        &p.work_history,
        &p.study_periods,
        as_of,
        &crit,
        is_skilled_trade,
    );
    let best = trades.iter().max_by_key(|o| o.units);
    let needed = fmt_hours(f64::from(m.experience_hours));
    let window = text!(
        "within the {} years from {} to {}",
        m.window_years,
        all.window_from,
        all.window_to
    );
    let (status, mut detail) = match best {
        Some(o) if o.at_least(m.experience_hours) => (
            Status::Met,
            text!(
                "{} hours of paid work as {} (a skilled trade) {window} ({needed} needed in one trade)",
                fmt_hours(o.hours()),
                noc_label(o.noc)
            ),
        ),
        Some(o) => (
            Status::NotMet,
            text!(
                "{} hours of paid work as {} (a skilled trade) {window}; FST needs {needed} hours in one trade",
                fmt_hours(o.hours()),
                noc_label(o.noc)
            ),
        ),
        None => (
            Status::NotMet,
            text!(
                "No paid work in an eligible skilled trade ({GROUPS_TEXT}) {window}; FST needs {needed} hours in one trade"
            ),
        ),
    };
    detail.push_str(&not_counted(&all.excluded));
    reqs.push(Requirement {
        id: "fst.work_experience".into(),
        status,
        detail: detail.into(),
        source: groups_src(),
    });
    if status == Status::NotMet && trades.len() > 1 && all.at_least(m.experience_hours) {
        notes.push(text!(
            "Your work in several trades adds up to {} hours, but FST counts the hours in the one trade you apply in (IRPR s.87.2(3)(b), \"the skilled trade\"); landed does not combine trades. Not settled",
            fmt_hours(all.hours)
        ));
    }
    if all.excluded.iter().any(|e| {
        matches!(
            e.reason,
            hours::ExclusionReason::FullTimeStudy | hours::ExclusionReason::Coop
        )
    }) {
        notes.push(text!("Work while a full-time student does not count for FST ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"));
    }
    if p.work_history
        .iter()
        .any(|j| j.kind == crate::profile::JobKind::SelfEmployed && is_skilled_trade(j.noc))
    {
        notes.push(
            "FST: landed counts self-employment, which IRPR s.87.2 does not exclude; not settled"
                .into(),
        );
    }
    notes.push("FST work counts only after you were qualified to practise the trade independently where you worked, and you must meet the trade's NOC employment requirements (except a certificate of qualification): landed cannot check this".into());

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
        detail: "There is no education requirement for the Federal Skilled Trades Program".into(),
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
    notes.push("Admissibility (medical, security, criminality) is not assessed.".into());

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
    Ok((
        ProgramResult::from_requirements(
            reqs,
            notes.into_iter().map(crate::text::Text::from).collect(),
        ),
        work,
    ))
}

fn offer_or_certificate(
    ctx: &Context<'_>,
    primary: Option<Noc>,
    groups: &Groups,
    source: Option<Source>,
) -> Requirement {
    let p = ctx.profile;
    let same_trade = |noc: Noc| primary.is_none_or(|t| t == noc);
    let describe = |noc: Noc| match groups.classify(noc) {
        Ok(_) => None,
        Err(Some(ex)) => Some(text!(
            "{} is in group {} ({}), which is not a skilled trade for FST",
            noc_label(noc),
            ex.code,
            ex.title
        )),
        Err(None) => Some(text!("{} is not an eligible skilled trade", noc_label(noc))),
    };
    let mut why_not: Vec<String> = Vec::new();
    if let Some(c) = &p.certificate_of_qualification {
        match describe(c.noc) {
            None if same_trade(c.noc) => {
                return Requirement {
                    id: "fst.offer_or_certificate".into(),
                    status: Status::Met,
                    detail: ptext!(
                        "A Canadian certificate of qualification as {}{}",
                        noc_label(c.noc),
                        c.province
                            .map_or(String::new(), |pr| text!(" ({})", pr.as_str()))
                    ),
                    source,
                };
            }
            None => why_not.push(text!(
                "your certificate of qualification ({}) is not in the trade of your experience",
                noc_label(c.noc)
            )),
            Some(w) => why_not.push(text!("certificate: {w}")),
        }
    }
    if let Some(o) = &p.job_offer {
        let terms = o.full_time && o.at_least_one_year && o.lmia_or_exempt;
        match describe(o.noc) {
            None if terms && same_trade(o.noc) => {
                return Requirement {
                    id: "fst.offer_or_certificate".into(),
                    status: Status::Met,
                    detail: ptext!("A valid full-time job offer for at least one year as {}", noc_label(o.noc)),
                    source,
                };
            }
            None if terms => why_not.push(text!(
                "your job offer ({}) is not in the trade of your experience",
                noc_label(o.noc)
            )),
            None => why_not.push("your job offer must be full-time, for at least one year, and supported by an LMIA or exempt".into()),
            Some(w) => why_not.push(text!("job offer: {w}")),
        }
    }
    let detail = if why_not.is_empty() {
        "FST needs a valid job offer of full-time work for at least one year, or a certificate of qualification in your trade issued by a Canadian provincial, territorial or federal authority; the profile has neither".to_string()
    } else {
        text!(
            "FST needs a valid full-time job offer for at least one year, or a Canadian certificate of qualification, in your skilled trade: {}",
            why_not.join("; ")
        )
    };
    Requirement {
        id: "fst.offer_or_certificate".into(),
        status: Status::NotMet,
        detail: detail.into(),
        source,
    }
}

/// What the FST checks say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum FstText {}

impl crate::text::Say for FstText {
    fn say(&self, _lang: crate::text::Lang, _f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl From<FstText> for crate::text::Text {
    fn from(m: FstText) -> Self {
        crate::text::Text::Fst(m)
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
}
