//! The full-time year and week, and why work does not count, in English
//! and French (a leaf: the sentences of every program use them).

use jiff::civil::Date;
use serde::Serialize;

use crate::noc::Noc;

/// Full-time is 30 hours a week: a definition (IRPR s.73(1)), the weekly cap of the CRS, FSW and FST counts (CEC's is in its table).
pub const FULL_TIME_WEEKLY_HOURS: u32 = 30;
/// One year of full-time work is 1,560 hours (30 × 52): a definition (IRPR s.73(1)), for years of experience (CRS, FSW); CEC's minimum is in its table.
pub const HOURS_PER_YEAR: u32 = 1_560;

/// Why (part of) a job does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    NotSkilled,
    NotEligibleOccupation,
    SelfEmployed,
    Volunteer,
    UnpaidInternship,
    Coop,
    NotAuthorized,
    OutsideCanada,
    InCanada,
    FullTimeStudy,
    AboveWeeklyCap,
    /// Work in Canada on days no listed permit covers (only when the
    /// profile lists `permits`).
    NotCoveredByPermit,
}

impl ExclusionReason {
    pub const ALL: [ExclusionReason; 12] = [
        ExclusionReason::NotSkilled,
        ExclusionReason::NotEligibleOccupation,
        ExclusionReason::SelfEmployed,
        ExclusionReason::Volunteer,
        ExclusionReason::UnpaidInternship,
        ExclusionReason::Coop,
        ExclusionReason::NotAuthorized,
        ExclusionReason::OutsideCanada,
        ExclusionReason::InCanada,
        ExclusionReason::FullTimeStudy,
        ExclusionReason::AboveWeeklyCap,
        ExclusionReason::NotCoveredByPermit,
    ];

    /// In English.
    pub fn describe(self) -> &'static str {
        self.describe_in(crate::text::say::Lang::En)
    }

    pub fn describe_in(self, lang: crate::text::say::Lang) -> &'static str {
        use ExclusionReason as R;
        let (en, fr) = match self {
            R::NotSkilled => (
                "the occupation is not TEER 0, 1, 2 or 3",
                "la profession n’est pas de FEER 0, 1, 2 ou 3",
            ),
            R::NotEligibleOccupation => (
                "the occupation is not one that counts here",
                "la profession n’est pas de celles qui comptent ici",
            ),
            R::SelfEmployed => (
                "self-employment does not count",
                "le travail autonome ne compte pas",
            ),
            R::Volunteer => (
                "volunteer work is unpaid and does not count",
                "le bénévolat n’est pas rémunéré et ne compte pas",
            ),
            R::UnpaidInternship => (
                "an unpaid internship does not count",
                "un stage non rémunéré ne compte pas",
            ),
            R::Coop => (
                "a co-op work term is part of full-time study and does not count",
                "un stage d’alternance travail-études fait partie des études à temps plein et ne compte pas",
            ),
            R::NotAuthorized => (
                "work in Canada without authorization does not count",
                "le travail au Canada sans autorisation ne compte pas",
            ),
            R::OutsideCanada => (
                "work outside Canada does not count here",
                "le travail hors du Canada ne compte pas ici",
            ),
            R::InCanada => (
                "work in Canada counts separately, as Canadian experience",
                "le travail au Canada compte à part, comme expérience canadienne",
            ),
            R::FullTimeStudy => (
                "work while a full-time student does not count",
                "le travail pendant des études à temps plein ne compte pas",
            ),
            R::AboveWeeklyCap => (
                "hours above 30 a week across all jobs do not count",
                "les heures au-delà de 30 par semaine, tous emplois confondus, ne comptent pas",
            ),
            R::NotCoveredByPermit => (
                "work in Canada on days no listed permit covers is work without authorization and does not count (IRPR s.87.1(3); canada.ca, Canadian Experience Class)",
                "le travail au Canada les jours qu’aucun permis indiqué ne couvre est du travail sans autorisation et ne compte pas (RIPR, par. 87.1(3); canada.ca, catégorie de l’expérience canadienne)",
            ),
        };
        lang.pick(en, fr)
    }
}

/// Every reason, alphabetical by its English wording (a test keeps it so).
pub(crate) const BY_ENGLISH_WORDING: [ExclusionReason; 12] = {
    use ExclusionReason as R;
    [
        R::Coop,
        R::UnpaidInternship,
        R::AboveWeeklyCap,
        R::SelfEmployed,
        R::NotSkilled,
        R::NotEligibleOccupation,
        R::Volunteer,
        R::InCanada,
        R::NotCoveredByPermit,
        R::NotAuthorized,
        R::OutsideCanada,
        R::FullTimeStudy,
    ]
};

/// The distinct reasons among excluded periods (a set: no allocation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExclusionReasons(u16);

impl ExclusionReasons {
    pub fn of(excluded: &[ExcludedPeriod]) -> Self {
        let mut bits = 0u16;
        for e in excluded {
            bits |= 1 << (e.reason as u16);
        }
        ExclusionReasons(bits)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn contains(self, r: ExclusionReason) -> bool {
        self.0 & (1 << (r as u16)) != 0
    }
    /// In a stable order: alphabetical by the English wording (as it always was).
    pub fn iter(self) -> impl Iterator<Item = ExclusionReason> {
        BY_ENGLISH_WORDING
            .into_iter()
            .filter(move |r| self.contains(*r))
    }
}

/// "; not counted: …" for the distinct exclusion reasons, or nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NotCounted(pub ExclusionReasons);

impl crate::text::say::Say for NotCounted {
    fn say(
        &self,
        lang: crate::text::say::Lang,
        f: &mut std::fmt::Formatter<'_>,
    ) -> std::fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        f.write_str(lang.pick("; not counted: ", "; non comptées : "))?;
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(r.describe_in(lang))?;
        }
        Ok(())
    }
}

/// A period of a job that does not count, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcludedPeriod {
    /// Index in the profile's `work_history`.
    pub job: usize,
    pub noc: Noc,
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
    pub hours: f64,
    pub reason: ExclusionReason,
}
