//! A candidate's facts as dated records: the contract `profile.schema.json`.
//!
//! Parsing happens here, at the edge: [`parse_profile`] turns JSON into a
//! [`Profile`] and [`Profile::validate`] checks what the schema cannot (dates in
//! order, hours in range). Everything downstream
//! trusts these types.

pub(crate) mod kinds;
pub use kinds::{PermitKind, Province};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::clb::Language;
use crate::error::{Result, RulesError};
use crate::language::LanguageTest;
use crate::noc::Noc;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaritalStatus {
    #[default]
    Single,
    Married,
    CommonLaw,
    Separated,
    Divorced,
    Widowed,
    Annulled,
}

impl MaritalStatus {
    /// Married or common-law: a spouse or partner exists.
    pub fn has_partner(self) -> bool {
        matches!(self, MaritalStatus::Married | MaritalStatus::CommonLaw)
    }
}

/// Credential levels a profile can hold ("two or more" is derived, not entered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialLevel {
    LessThanSecondary,
    Secondary,
    OneYear,
    TwoYear,
    Bachelors,
    Masters,
    Doctoral,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    pub level: CredentialLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_years: Option<f64>,
    #[serde(default)]
    pub in_canada: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    #[serde(default)]
    pub eca: bool,
    /// Day the ECA was issued: it counts for 5 years (see [`crate::planning::dates`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eca_issued_on: Option<Date>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    #[default]
    Employee,
    SelfEmployed,
    Volunteer,
    UnpaidInternship,
    Coop,
}

impl JobKind {
    pub fn describe(self) -> &'static str {
        match self {
            JobKind::Employee => "paid employment",
            JobKind::SelfEmployed => "self-employment",
            JobKind::Volunteer => "volunteer work",
            JobKind::UnpaidInternship => "an unpaid internship",
            JobKind::Coop => "a co-op work term",
        }
    }
}

fn default_country() -> String {
    "CA".to_string()
}
fn default_true() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub noc: Noc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default = "default_country")]
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<Province>,
    pub start: Date,
    /// Last day worked; `None` while ongoing.
    #[serde(default)]
    pub end: Option<Date>,
    pub hours_per_week: f64,
    #[serde(default)]
    pub kind: JobKind,
    #[serde(default = "default_true")]
    pub authorized: bool,
    /// A physician's self-employed work providing publicly funded services
    /// (for example fee-for-service billing to a provincial health plan): the
    /// CEC page's temporary public policy counts it as Canadian work
    /// experience. Only meaningful with `kind: "self_employed"` in NOC
    /// 31100–31102. Absent: not said (for such a job, the CEC answer is
    /// then `unknown` when it decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicly_funded: Option<bool>,
}

impl Job {
    pub fn in_canada(&self) -> bool {
        self.country == "CA"
    }

    /// Self-employed work in Canada as a physician (NOC 31100, 31101,
    /// 31102): the CEC page's temporary public policy may count it.
    pub fn is_self_employed_physician(&self) -> bool {
        self.kind == JobKind::SelfEmployed
            && self.in_canada()
            && matches!(self.noc.as_str(), "31100" | "31101" | "31102")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyPeriod {
    pub start: Date,
    pub end: Date,
    #[serde(default = "default_true")]
    pub full_time: bool,
    #[serde(default = "default_true")]
    pub in_canada: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateOfQualification {
    pub noc: Noc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<Province>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobOffer {
    pub noc: Noc,
    #[serde(default = "default_true")]
    pub full_time: bool,
    #[serde(default = "default_true")]
    pub non_seasonal: bool,
    #[serde(default = "default_true")]
    pub at_least_one_year: bool,
    #[serde(default = "default_true")]
    pub lmia_or_exempt: bool,
}

impl JobOffer {
    /// Full-time, non-seasonal, at least one year, supported by an LMIA or exempt.
    pub fn is_qualifying(&self) -> bool {
        self.full_time && self.non_seasonal && self.at_least_one_year && self.lmia_or_exempt
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spouse {
    #[serde(default = "default_true")]
    pub accompanying: bool,
    #[serde(default)]
    pub canadian_citizen_or_pr: bool,
    #[serde(default)]
    pub education: Vec<Credential>,
    #[serde(default)]
    pub language_tests: Vec<LanguageTest>,
    #[serde(default)]
    pub work_history: Vec<Job>,
}

static UNDECLARED_SPOUSE: Spouse = Spouse {
    accompanying: true,
    canadian_citizen_or_pr: false,
    education: Vec::new(),
    language_tests: Vec::new(),
    work_history: Vec::new(),
};

/// The profile contract, exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub date_of_birth: Date,
    #[serde(default)]
    pub marital_status: MaritalStatus,
    #[serde(default)]
    pub spouse: Option<Spouse>,
    #[serde(default)]
    pub education: Vec<Credential>,
    #[serde(default)]
    pub language_tests: Vec<LanguageTest>,
    #[serde(default)]
    pub work_history: Vec<Job>,
    #[serde(default)]
    pub study_periods: Vec<StudyPeriod>,
    #[serde(default)]
    pub certificate_of_qualification: Option<CertificateOfQualification>,
    #[serde(default)]
    pub job_offer: Option<JobOffer>,
    #[serde(default)]
    pub provincial_nomination: bool,
    #[serde(default)]
    pub sibling_in_canada: bool,
    /// FSW adaptability: a relative (18 or older, citizen or PR, living in
    /// Canada) of the candidate or the accompanying spouse. `None`: not said
    /// (a sibling in Canada still implies it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_in_canada: Option<bool>,
    #[serde(default)]
    pub intended_province: Option<Province>,
    #[serde(default)]
    pub settlement_funds_cad: Option<f64>,
    #[serde(default)]
    pub family_size: Option<u8>,
    #[serde(default)]
    pub first_official_language: Option<Language>,
    /// Temporary resident documents held in Canada (issue 11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permits: Vec<Permit>,
    /// Where the candidate stands in Express Entry (the timeline's deadlines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_entry: Option<ExpressEntry>,
}

/// One temporary resident document held in Canada. Maintained status (an
/// extension applied for before the permit ended): list it as a permit of
/// the same kind ending on the decision date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permit {
    pub kind: PermitKind,
    /// First day of validity; absent: valid from before any work listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Last day of validity.
    pub end: Date,
}

impl Permit {
    /// Whether the permit is valid on `day` and allows work.
    pub fn covers_work_on(&self, day: Date) -> bool {
        self.kind.allows_work() && self.start.is_none_or(|s| s <= day) && day <= self.end
    }
}

/// Parse profile JSON; errors name the field path. Call [`Profile::validate`]
/// (or [`crate::assess::assess`], which does) before trusting the dates.
pub fn parse_profile(json: &str) -> Result<Profile> {
    crate::json::from_str(json)
}

fn check_credentials(prefix: &str, creds: &[Credential]) -> Result<()> {
    for (i, c) in creds.iter().enumerate() {
        // The field path, formatted only for an error.
        let f = || format!("{prefix}education[{i}]");
        if let Some(y) = c.program_years
            && !(y.is_finite() && (0.0..=15.0).contains(&y))
        {
            return Err(RulesError::invalid(
                format!("{}.program_years", f()),
                format!("{y} is not a program length in years (0 to 15)"),
            ));
        }
    }
    Ok(())
}

fn check_tests(
    prefix: &str,
    tests: &[LanguageTest],
    as_of: Date,
    check_scores: bool,
) -> Result<()> {
    for (i, t) in tests.iter().enumerate() {
        // The field path, formatted only for an error.
        let f = || format!("{prefix}language_tests[{i}]");
        // A result that cannot count on `as_of` (expired, taken later, before
        // any chart) is left out by the assessment with its reason, never an
        // error: only one that could count must be well formed.
        if crate::language::left_out(t, as_of).is_some() {
            continue;
        }
        // Converting validates every score against the test's scale.
        if check_scores {
            crate::language::convert(t).map_err(|e| e.within(&f()))?;
        }
    }
    Ok(())
}

fn check_jobs(prefix: &str, jobs: &[Job]) -> Result<()> {
    for (i, j) in jobs.iter().enumerate() {
        // The field path, formatted only for an error.
        let f = || format!("{prefix}work_history[{i}]");
        if !(j.hours_per_week.is_finite() && j.hours_per_week > 0.0 && j.hours_per_week <= 168.0) {
            return Err(RulesError::invalid(
                format!("{}.hours_per_week", f()),
                format!(
                    "{} is not a number of hours a week: more than 0 and at most 168",
                    j.hours_per_week
                ),
            ));
        }
        if j.country.len() != 2 || !j.country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(RulesError::invalid(
                format!("{}.country", f()),
                format!(
                    "{:?} is not an ISO 3166-1 alpha-2 country code such as \"CA\" or \"IN\"",
                    j.country
                ),
            ));
        }
        if let Some(t) = &j.title
            && t.chars().count() > 200
        {
            return Err(RulesError::invalid(
                format!("{}.title", f()),
                "a job title has at most 200 characters",
            ));
        }
        if let Some(end) = j.end
            && end < j.start
        {
            return Err(RulesError::invalid(
                format!("{}.end", f()),
                format!(
                    "the last day worked ({end}) is before the start ({})",
                    j.start
                ),
            ));
        }
        crate::noc::lookup(j.noc).map_err(|e| e.within(&format!("{}.noc", f())))?;
    }
    Ok(())
}

impl Profile {
    /// Checks beyond the schema: dates in order and not after `as_of`, hours
    /// within a week, scores valid for their test, NOC codes that exist.
    pub fn validate(&self, today: Date) -> Result<()> {
        self.validate_records(today, true)
    }

    /// [`Profile::validate`]; `check_scores: false` leaves the test scores to
    /// the caller that converts them anyway (the assessment), to convert once.
    ///
    /// Nothing here depends on the day the program runs: dates are checked
    /// against `as_of` (or `today` when the profile has none), and a record
    /// dated after it is not an error: the assessment leaves it out with a
    /// note, so the same file gives the same answer on any day.
    pub(crate) fn validate_records(&self, today: Date, check_scores: bool) -> Result<()> {
        let as_of = self.as_of.unwrap_or(today);
        if self.date_of_birth > as_of {
            return Err(match self.as_of {
                Some(_) => RulesError::invalid(
                    "as_of",
                    format!(
                        "{as_of} is before the date of birth ({})",
                        self.date_of_birth
                    ),
                ),
                None => RulesError::invalid(
                    "date_of_birth",
                    format!("{} is after today ({today})", self.date_of_birth),
                ),
            });
        }
        check_credentials("", &self.education)?;
        check_tests("", &self.language_tests, as_of, check_scores)?;
        check_jobs("", &self.work_history)?;
        for (i, s) in self.study_periods.iter().enumerate() {
            if s.end < s.start {
                return Err(RulesError::invalid(
                    format!("study_periods[{i}].end"),
                    format!("the end ({}) is before the start ({})", s.end, s.start),
                ));
            }
        }
        check_profile_dates(self, today)?;
        if let Some(sp) = &self.spouse {
            check_credentials("spouse.", &sp.education)?;
            check_tests("spouse.", &sp.language_tests, as_of, check_scores)?;
            check_jobs("spouse.", &sp.work_history)?;
        }
        if let Some(c) = &self.certificate_of_qualification {
            crate::noc::lookup(c.noc).map_err(|e| e.within("certificate_of_qualification.noc"))?;
        }
        if let Some(o) = &self.job_offer {
            crate::noc::lookup(o.noc).map_err(|e| e.within("job_offer.noc"))?;
        }
        if let Some(f) = self.settlement_funds_cad
            && !(f.is_finite() && f >= 0.0)
        {
            return Err(RulesError::invalid(
                "settlement_funds_cad",
                format!("{f} is not an amount of money: 0 or more Canadian dollars"),
            ));
        }
        if let Some(n) = self.family_size
            && !(1..=30).contains(&n)
        {
            return Err(RulesError::invalid(
                "family_size",
                format!("{n} is not a family size: 1 (the candidate alone) to 30"),
            ));
        }
        Ok(())
    }

    /// The spouse or partner whose factors count for the CRS: married or
    /// common-law, accompanying, and not a Canadian citizen or PR
    /// (MI s.1, "accompanying spouse or common-law partner").
    /// Married or common-law with no `spouse` record: assumed accompanying
    /// and not a citizen or PR, with no facts (the lower, safer score); the
    /// assessment says so.
    pub fn scoring_spouse(&self) -> Option<&Spouse> {
        if !self.marital_status.has_partner() {
            return None;
        }
        match &self.spouse {
            Some(sp) if sp.accompanying && !sp.canadian_citizen_or_pr => Some(sp),
            Some(_) => None,
            None => Some(&UNDECLARED_SPOUSE),
        }
    }
}

/// Where the candidate stands in Express Entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpressEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_submitted_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ita_received_on: Option<Date>,
}

/// Checks of the dated records (issue 11; here, with the other checks at the
/// edge, so that `planning::dates` and `profile` do not import each other): permits end on or after they start; the days
/// of a submitted profile, an invitation and an ECA are not after `today`.
pub(crate) fn check_profile_dates(p: &Profile, today: Date) -> Result<()> {
    for (i, permit) in p.permits.iter().enumerate() {
        if let Some(start) = permit.start
            && permit.end < start
        {
            return Err(RulesError::invalid(
                format!("permits[{i}].end"),
                format!(
                    "the last day of validity ({}) is before the first ({start})",
                    permit.end
                ),
            ));
        }
    }
    if let Some(ee) = &p.express_entry {
        for (field, day) in [
            (
                "express_entry.profile_submitted_on",
                ee.profile_submitted_on,
            ),
            ("express_entry.ita_received_on", ee.ita_received_on),
        ] {
            if let Some(d) = day
                && d > today
            {
                return Err(RulesError::invalid(
                    field,
                    format!("{d} is after today ({today})"),
                ));
            }
        }
        if let (Some(sub), Some(ita)) = (ee.profile_submitted_on, ee.ita_received_on)
            && ita < sub
        {
            return Err(RulesError::invalid(
                "express_entry.ita_received_on",
                format!("the invitation ({ita}) is before the profile was submitted ({sub})"),
            ));
        }
    }
    let spouse_education = p.spouse.iter().flat_map(|s| s.education.iter());
    let creds = p
        .education
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("education[{i}]"), c))
        .chain(
            spouse_education
                .enumerate()
                .map(|(i, c)| (format!("spouse.education[{i}]"), c)),
        );
    for (path, c) in creds {
        if let Some(d) = c.eca_issued_on {
            if d > today {
                return Err(RulesError::invalid(
                    format!("{path}.eca_issued_on"),
                    format!("{d} is after today ({today}): enter an assessment already issued"),
                ));
            }
            if c.in_canada {
                return Err(RulesError::invalid(
                    format!("{path}.eca_issued_on"),
                    "a Canadian credential needs no educational credential assessment",
                ));
            }
        }
    }
    Ok(())
}
