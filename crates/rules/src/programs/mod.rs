//! Federal Skilled Worker, Federal Skilled Trades, proof of funds and
//! category-based selection, and the program an invitation would be issued
//! under (`cec`, `fsw`, `fst`, `categories`, one room each).
//!
//! The numbers live in `crates/rules/data/programs/` (one TOML file per
//! table, effective-dated, each version with its source); work hours come from
//! the one engine in [`crate::hours`], parameterised per program by window,
//! place, continuity and occupation grouping:
//!
//! | program | window | place | grouping | continuity |
//! |---|---|---|---|---|
//! | CEC | 3 years | Canada | all TEER 0–3 together | no |
//! | FSW | 10 years | anywhere | one TEER 0–3 unit group | yes (no gap day) |
//! | FST | 5 years | anywhere | one skilled-trade unit group | no |
//! | categories | 3 years | anywhere, or Canada | one listed unit group | 2023–2025 yes, 2026 no |

use jiff::civil::Date;
use serde::Serialize;

use crate::assess::facts::{EducationFact, LanguageFact, SpouseFacts};
use crate::clb::{Language, LanguageLevels};
use crate::dated::Source;
use crate::error::RulesError;
use crate::hours::{self, ContinuousRun, Criteria, ExcludedPeriod, HoursTally, Occupations};
use crate::noc::Noc;
use crate::profile::{Job, Profile, Province, StudyPeriod};
use crate::programs::result::{ProgramResult, Requirement, Status};
use crate::text::{Shortfalls, Text};

/// Parse one embedded table of `data/programs/`.
macro_rules! load_table {
    ($file:literal) => {
        crate::dated::Table::from_embedded(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/programs/",
            $file
        )))
        .map_err(|e| format!("{}: {e}", $file))
    };
}

pub(crate) mod categories;
pub(crate) mod cec;
pub(crate) mod fst;
pub(crate) mod fsw;
mod funds;
pub(crate) mod result;
pub(crate) mod text;

pub use categories::{
    CategoryDef, CategoryKind, CategoryResult, CategorySelection, CategorySet, CategoryText,
    categories, category_rules_on,
};
pub use fst::{FstText, fst, is_skilled_trade, trade_group};
pub use fsw::{FswText, Grid, GridLine, fsw};
pub use funds::{FamilySize, FundsRequired, family_size, funds_required};
pub use text::{Program, ProgramText};

/// What the program checks need besides the profile: the facts `assess`
/// derived once for everything.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub as_of: Date,
    /// Every language test, converted, with the best valid one per language marked `used`.
    pub tests: &'a [LanguageFact],
    /// The first official language (declared, else the one that scores more).
    pub first_language: Option<Language>,
    pub education: &'a EducationFact,
    /// The accompanying spouse's facts (not a citizen or PR), if any.
    pub spouse: Option<&'a SpouseFacts>,
}

impl Context<'_> {
    /// The valid result used for `lang`, with its levels.
    pub(crate) fn test_for(&self, lang: Language) -> Option<(&LanguageFact, LanguageLevels)> {
        self.tests
            .iter()
            .find(|t| t.used && t.language == lang)
            .and_then(|t| t.levels().map(|l| (t, l)))
    }
    /// The valid result of the first official language.
    pub(crate) fn first_test(&self) -> Option<(&LanguageFact, LanguageLevels)> {
        self.first_language.and_then(|l| self.test_for(l))
    }
    /// Married or common-law with no spouse record: the spouse's facts are unknown.
    pub(crate) fn spouse_undeclared(&self) -> bool {
        self.profile.marital_status.has_partner() && self.profile.spouse.is_none()
    }
}

/// Hours in one occupation (unit group) under a program's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationHours {
    pub noc: Noc,
    /// Counted hours in the window.
    pub hours: f64,
    /// The longest stretch without a gap day (FSW).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_continuous: Option<ContinuousRun>,
}

/// The work experience one program counts: the qualifying hours, the
/// occupation(s) they count in, and every excluded period with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkFact {
    pub window_from: Date,
    /// Last day of the window (the day before the assessment date).
    pub window_to: Date,
    pub needed_hours: u32,
    /// The hours that decide the work requirement: CEC all qualifying hours;
    /// FSW the longest continuous period in the primary occupation; FST the
    /// hours in the trade with the most.
    pub qualifying_hours: f64,
    /// The occupation(s) those hours count in.
    pub counted_in: Vec<Noc>,
    /// FSW: the continuous period that counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuous: Option<ContinuousRun>,
    /// Every occupation that counts for the program, with its hours.
    pub occupations: Vec<OccupationHours>,
    pub excluded: Vec<ExcludedPeriod>,
}

impl WorkFact {
    /// No work counted: the program's rules do not cover the date.
    pub(crate) fn none(window_from: Date, window_to: Date) -> WorkFact {
        WorkFact {
            window_from,
            window_to,
            needed_hours: 0,
            qualifying_hours: 0.0,
            counted_in: Vec::new(),
            continuous: None,
            occupations: Vec::new(),
            excluded: Vec::new(),
        }
    }
}

/// Work experience per program (`facts.program_work`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramWork {
    pub cec: WorkFact,
    pub fsw: WorkFact,
    pub fst: WorkFact,
}

/// CEC's work fact from its tally (all TEER 0–3 work in Canada counts together).
pub fn cec_work(t: &HoursTally, needed_hours: u32) -> WorkFact {
    let mut occupations: Vec<OccupationHours> = Vec::with_capacity(t.jobs.len());
    for j in &t.jobs {
        match occupations.iter_mut().find(|o| o.noc == j.noc) {
            Some(o) => o.hours += j.hours,
            None => occupations.push(OccupationHours {
                noc: j.noc,
                hours: j.hours,
                longest_continuous: None,
            }),
        }
    }
    occupations.sort_by_key(|o| o.noc);
    WorkFact {
        window_from: t.window_from,
        window_to: t.window_to,
        needed_hours,
        qualifying_hours: t.hours,
        counted_in: occupations.iter().map(|o| o.noc).collect(),
        continuous: None,
        occupations,
        excluded: t.excluded.clone(),
    }
}

/// The program an invitation would be issued under: the first eligible one
/// in the order CEC, FSW, FST (rules.md §5, C4), with notes when an earlier
/// program is undecided or the candidate has a provincial nomination.
pub fn invited_under(
    profile: &Profile,
    cec: &ProgramResult,
    fsw: &ProgramResult,
    fst: &ProgramResult,
) -> (Option<Program>, Vec<Text>) {
    let mut notes = Vec::new();
    let mut undecided: Vec<Program> = Vec::new();
    let mut chosen = None;
    for (p, r) in Program::ORDER.into_iter().zip([cec, fsw, fst]) {
        match r.eligible {
            Some(true) => {
                chosen = Some(p);
                break;
            }
            None => undecided.push(p),
            Some(false) => {}
        }
    }
    match (chosen, undecided.is_empty()) {
        (Some(p), false) => notes.push(
            ProgramText::InvitedUnlessEarlier {
                program: p,
                undecided,
            }
            .into(),
        ),
        (Some(p), true)
            if [cec, fsw, fst]
                .iter()
                .filter(|r| r.eligible == Some(true))
                .count()
                > 1 =>
        {
            notes.push(ProgramText::InvitedUnderFirst(p).into());
        }
        _ => {}
    }
    if profile.provincial_nomination && chosen.is_some() {
        notes.push(ProgramText::NominationRound.into());
    }
    (chosen, notes)
}

pub(crate) fn table_error(e: &str) -> RulesError {
    RulesError::invalid("rules", format!("embedded program tables are invalid: {e}"))
}

/// Hours in one unit group: total and continuous runs.
#[derive(Debug, Clone)]
pub(crate) struct OccupationWork {
    pub noc: Noc,
    pub units: u64,
    pub runs: Vec<ContinuousRun>,
}

impl OccupationWork {
    pub fn hours(&self) -> f64 {
        self.units as f64 / hours::UNITS_PER_HOUR as f64
    }
    pub fn at_least(&self, h: u32) -> bool {
        self.units >= u64::from(h) * hours::UNITS_PER_HOUR
    }
    pub fn longest(&self) -> Option<&ContinuousRun> {
        self.runs
            .iter()
            .max_by_key(|r| (r.units, std::cmp::Reverse(r.from)))
    }
    pub fn summary(&self) -> OccupationHours {
        OccupationHours {
            noc: self.noc,
            hours: self.hours(),
            longest_continuous: self.longest().copied(),
        }
    }
}

/// Counted hours per unit group (only those with some), each counted alone
/// under `base` with its occupations set to exactly that unit group; `keep`
/// picks the unit groups to look at.
pub(crate) fn per_occupation(
    jobs: &[Job],
    study: &[StudyPeriod],
    permits: &[crate::profile::Permit],
    as_of: Date,
    base: &Criteria,
    keep: impl Fn(Noc) -> bool,
) -> Vec<OccupationWork> {
    let mut nocs: smallvec::SmallVec<[Noc; 8]> =
        jobs.iter().map(|j| j.noc).filter(|n| keep(*n)).collect();
    nocs.sort_unstable();
    nocs.dedup();
    let mut out = Vec::with_capacity(nocs.len());
    for noc in nocs {
        let c = Criteria {
            occupations: Occupations::Exactly(noc),
            ..*base
        };
        let runs = hours::continuous_runs(jobs, study, permits, as_of, &c);
        let units = runs.iter().map(|r| r.units).sum();
        if units > 0 {
            out.push(OccupationWork { noc, units, runs });
        }
    }
    out
}

/// Authorized to work in Canada on `as_of`, as far as the profile shows: an
/// authorized job in Canada that has started and not ended.
pub(crate) fn working_in_canada(profile: &Profile, as_of: Date) -> Option<&Job> {
    profile.work_history.iter().find(|j| {
        j.in_canada() && j.authorized && j.start <= as_of && j.end.is_none_or(|e| e >= as_of)
    })
}

/// "You must plan to live outside Quebec".
pub(crate) fn province_requirement(
    id: &'static str,
    profile: &Profile,
    source: Option<&'static Source>,
) -> Requirement {
    let (status, detail) = match profile.intended_province {
        Some(Province::QC) => (Status::NotMet, ProgramText::Quebec),
        Some(p) => (Status::Met, ProgramText::OutsideQuebec(p)),
        None => (Status::Unknown, ProgramText::ProvinceMissing),
    };
    Requirement {
        id: id.into(),
        status,
        detail: detail.into(),
        source,
    }
}

/// A language requirement with a minimum level per ability (in
/// [`Ability::ALL`] order), met by a valid result in either official
/// language (IRPR ss. 75(2)(d), 87.2(3)(a)), whichever is the first.
pub(crate) fn language_requirement(
    id: &'static str,
    ctx: &Context<'_>,
    min: [u8; 4],
    source: Option<&'static Source>,
) -> Requirement {
    let meets = |levels: &crate::clb::LanguageLevels| {
        Shortfalls {
            levels: *levels,
            min,
        }
        .is_empty()
    };
    let (status, detail) =
        match crate::assess::facts::either_language(ctx.tests, ctx.first_language, meets) {
            Some((_, levels)) => {
                let short = Shortfalls { levels, min };
                let status = if short.is_empty() {
                    Status::Met
                } else {
                    Status::NotMet
                };
                (status, ProgramText::LanguageResult { min, short })
            }
            None if ctx.tests.is_empty() => (Status::Unknown, ProgramText::NoLanguageTest { min }),
            None => (
                Status::NotMet,
                ProgramText::NoValidLanguageTest {
                    min,
                    as_of: ctx.as_of,
                },
            ),
        };
    Requirement {
        id: id.into(),
        status,
        detail: detail.into(),
        source,
    }
}
