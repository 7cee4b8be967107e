//! What-if: which single changes raise the CRS and by how much, and the
//! smallest set of changes that reaches a target score.
//!
//! Contract: `shared/contracts/planning.md`, section "What-if" (not yet copied into
//! `docs/contracts/`). Everything works on the assessment's `crs_answers`, so
//! every figure can be re-scored with `landed crs`.
//!
//! - **Options.** For each field a person can change (below), every higher
//!   value that changes the total when only that field changes, with the new
//!   total and the gain. Sorted by gain (largest first); ties by field, in the
//!   contract's order ([`Field`]'s order), then by value, lowest first.
//! - **Plan.** The fewest changed fields, among those a person *makes*
//!   ([`Field::in_plans`]: not the nomination, the certificate of qualification
//!   or the experience years), that bring the total to the target or above;
//!   each field at the lowest value with which the plan still reaches it.
//!   Exact: subsets of 1, 2, … fields, each subset pruned unless all its fields
//!   at their highest values reach the target; inside a subset a depth-first
//!   search assigns values lowest first, pruned again (the fields not yet
//!   assigned at their highest). The CRS never goes down when one answer goes
//!   up (checked by a property test), so both prunings lose nothing. Among
//!   the smallest plans, the one with the lowest total wins (it asks for the
//!   least); ties go to the first in field order, then value order. A
//!   property test checks the search against trying every combination.

mod text;

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::assess::Assessment;
use crate::clb::{Ability, Clb, Language, LanguageLevels};
use crate::crs::{self, CanadianEducation, CrsAnswers, EducationLevel, RuleSet};
use crate::error::{Result, RulesError};
use crate::hours::{self, Criteria, HOURS_PER_YEAR, Occupations};
use crate::profile::Profile;

pub use text::WhatIfText;

/// The highest target: the CRS's maximum (1,200).
pub const MAX_TARGET: u16 = 1200;

/// How far ahead the day experience years are reached is looked for (days).
const PROJECTION_DAYS: i64 = 11 * 366;

/// A target score, 1 to 1,200: parsed at the edge, so it is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Target(u16);

impl Target {
    /// A target from a number; out of range is an error naming `target`.
    pub fn new(n: i64) -> Result<Target> {
        match u16::try_from(n) {
            Ok(t) if (1..=MAX_TARGET).contains(&t) => Ok(Target(t)),
            _ => Err(RulesError::invalid(
                "target",
                format!("{n} is not a CRS score: the target must be from 1 to 1,200"),
            )),
        }
    }

    /// A target from text (a command-line flag, a query string).
    pub fn parse(s: &str) -> Result<Target> {
        match s.trim().parse::<i64>() {
            Ok(n) => Target::new(n),
            Err(_) => Err(RulesError::invalid(
                "target",
                format!("{s:?} is not a whole number from 1 to 1,200"),
            )),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

/// The target when none is given: the lowest cutoff of the last 6 months'
/// rounds the candidate is eligible for, and the types of those rounds
/// (`cec`, `fsw`, `french`, …) — from the draws data, supplied by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultTarget {
    pub cutoff: u16,
    pub types: Vec<Cow<'static, str>>,
}

impl DefaultTarget {
    /// From the assessment's `outlook`: the 6-month window's lowest cutoff
    /// among the round types the candidate is eligible for, and those types
    /// with that cutoff. `None` without draws data or an eligible round.
    pub fn from_assessment(a: &Assessment) -> Option<DefaultTarget> {
        let window = a.outlook.as_ref()?.windows.iter().find(|w| w.months == 6)?;
        let cutoff = window.lowest_cutoff()?;
        let types = window
            .by_type
            .iter()
            .filter(|(_, t)| t.lowest_cutoff == cutoff)
            .map(|(k, _)| Cow::Borrowed(k.slug()))
            .collect();
        Some(DefaultTarget { cutoff, types })
    }
}

/// A field of `crs-answers` that may change, in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    FirstLanguage(Ability),
    /// A whole second-language result (there is none yet).
    SecondLanguage,
    SecondLanguageAbility(Ability),
    Education,
    CanadianEducation,
    CanadianExperienceYears,
    ForeignExperienceYears,
    CertificateOfQualification,
    ProvincialNomination,
    /// A whole language result for the spouse (there is none yet).
    SpouseFirstLanguage,
    SpouseFirstLanguageAbility(Ability),
    SpouseEducation,
    SpouseCanadianExperienceYears,
}

impl Field {
    /// The dotted path into crs-answers: the public name.
    pub fn path(self) -> &'static str {
        use Ability as A;
        match self {
            Field::FirstLanguage(A::Listening) => "first_language.listening",
            Field::FirstLanguage(A::Reading) => "first_language.reading",
            Field::FirstLanguage(A::Writing) => "first_language.writing",
            Field::FirstLanguage(A::Speaking) => "first_language.speaking",
            Field::SecondLanguage => "second_language",
            Field::SecondLanguageAbility(A::Listening) => "second_language.listening",
            Field::SecondLanguageAbility(A::Reading) => "second_language.reading",
            Field::SecondLanguageAbility(A::Writing) => "second_language.writing",
            Field::SecondLanguageAbility(A::Speaking) => "second_language.speaking",
            Field::Education => "education",
            Field::CanadianEducation => "canadian_education",
            Field::CanadianExperienceYears => "canadian_experience_years",
            Field::ForeignExperienceYears => "foreign_experience_years",
            Field::CertificateOfQualification => "certificate_of_qualification",
            Field::ProvincialNomination => "provincial_nomination",
            Field::SpouseFirstLanguage => "spouse.first_language",
            Field::SpouseFirstLanguageAbility(A::Listening) => "spouse.first_language.listening",
            Field::SpouseFirstLanguageAbility(A::Reading) => "spouse.first_language.reading",
            Field::SpouseFirstLanguageAbility(A::Writing) => "spouse.first_language.writing",
            Field::SpouseFirstLanguageAbility(A::Speaking) => "spouse.first_language.speaking",
            Field::SpouseEducation => "spouse.education",
            Field::SpouseCanadianExperienceYears => "spouse.canadian_experience_years",
        }
    }

    /// Whether a plan may change it: a change the person makes, not one
    /// waited for (experience years) or granted (nomination, certificate).
    pub fn in_plans(self) -> bool {
        !matches!(
            self,
            Field::CanadianExperienceYears
                | Field::ForeignExperienceYears
                | Field::SpouseCanadianExperienceYears
                | Field::CertificateOfQualification
                | Field::ProvincialNomination
        )
    }

    /// The fields that exist for these answers, in order.
    pub fn all_for(a: &CrsAnswers) -> Vec<Field> {
        let mut v = Vec::with_capacity(22);
        v.extend(Ability::ALL.map(Field::FirstLanguage));
        match a.second_language {
            None => v.push(Field::SecondLanguage),
            Some(_) => v.extend(Ability::ALL.map(Field::SecondLanguageAbility)),
        }
        v.extend([
            Field::Education,
            Field::CanadianEducation,
            Field::CanadianExperienceYears,
            Field::ForeignExperienceYears,
            Field::CertificateOfQualification,
            Field::ProvincialNomination,
        ]);
        if let Some(sp) = &a.spouse {
            match sp.first_language {
                None => v.push(Field::SpouseFirstLanguage),
                Some(_) => v.extend(Ability::ALL.map(Field::SpouseFirstLanguageAbility)),
            }
            v.extend([Field::SpouseEducation, Field::SpouseCanadianExperienceYears]);
        }
        v
    }

    /// The highest value code: levels count up to 10, experience up to the
    /// years that still earn more (5 in Canada, 3 abroad).
    fn max_code(self) -> u8 {
        match self {
            Field::FirstLanguage(_)
            | Field::SecondLanguage
            | Field::SecondLanguageAbility(_)
            | Field::SpouseFirstLanguage
            | Field::SpouseFirstLanguageAbility(_) => 10,
            Field::Education | Field::SpouseEducation => EducationLevel::Doctoral as u8,
            Field::CanadianEducation => 2,
            Field::CanadianExperienceYears | Field::SpouseCanadianExperienceYears => 5,
            Field::ForeignExperienceYears => 3,
            Field::CertificateOfQualification | Field::ProvincialNomination => 1,
        }
    }

    /// The current value as a code on the field's scale (levels as scored,
    /// none as 0, years capped at the top of the scale).
    fn code(self, a: &CrsAnswers) -> u8 {
        let c = match self {
            Field::FirstLanguage(ab) => a.first_language.get(ab).scored(),
            Field::SecondLanguage => a.second_language.map_or(0, |l| l.min_scored()),
            Field::SecondLanguageAbility(ab) => a.second_language.map_or(0, |l| l.get(ab).scored()),
            Field::Education => a.education as u8,
            Field::CanadianEducation => canadian_education_code(a.canadian_education),
            Field::CanadianExperienceYears => a.canadian_experience_years,
            Field::ForeignExperienceYears => a.foreign_experience_years,
            Field::CertificateOfQualification => u8::from(a.certificate_of_qualification),
            Field::ProvincialNomination => u8::from(a.provincial_nomination),
            Field::SpouseFirstLanguage => a
                .spouse
                .as_ref()
                .and_then(|s| s.first_language)
                .map_or(0, |l| l.min_scored()),
            Field::SpouseFirstLanguageAbility(ab) => a
                .spouse
                .as_ref()
                .and_then(|s| s.first_language)
                .map_or(0, |l| l.get(ab).scored()),
            Field::SpouseEducation => a.spouse.as_ref().map_or(0, |s| s.education as u8),
            Field::SpouseCanadianExperienceYears => {
                a.spouse.as_ref().map_or(0, |s| s.canadian_experience_years)
            }
        };
        c.min(self.max_code())
    }

    /// Set the field to a value code (within `code(a)..=max_code()`).
    fn set(self, a: &mut CrsAnswers, code: u8) {
        let level = Clb::from_table(code);
        match self {
            Field::FirstLanguage(ab) => set_ability(&mut a.first_language, ab, level),
            Field::SecondLanguage => {
                a.second_language = Some(uniform(a.first_language.language.other(), level));
            }
            Field::SecondLanguageAbility(ab) => {
                if let Some(l) = a.second_language.as_mut() {
                    set_ability(l, ab, level);
                }
            }
            Field::Education => a.education = education_of(code),
            Field::CanadianEducation => a.canadian_education = canadian_education_of(code),
            Field::CanadianExperienceYears => a.canadian_experience_years = code,
            Field::ForeignExperienceYears => a.foreign_experience_years = code,
            Field::CertificateOfQualification => a.certificate_of_qualification = code > 0,
            Field::ProvincialNomination => a.provincial_nomination = code > 0,
            Field::SpouseFirstLanguage => {
                let language = a.first_language.language;
                if let Some(s) = a.spouse.as_mut() {
                    s.first_language = Some(uniform(language, level));
                }
            }
            Field::SpouseFirstLanguageAbility(ab) => {
                if let Some(l) = a.spouse.as_mut().and_then(|s| s.first_language.as_mut()) {
                    set_ability(l, ab, level);
                }
            }
            Field::SpouseEducation => {
                if let Some(s) = a.spouse.as_mut() {
                    s.education = education_of(code);
                }
            }
            Field::SpouseCanadianExperienceYears => {
                if let Some(s) = a.spouse.as_mut() {
                    s.canadian_experience_years = code;
                }
            }
        }
    }

    /// The field's value in these answers, as the contract writes it.
    fn value(self, a: &CrsAnswers) -> Value {
        match self {
            Field::FirstLanguage(ab) => Value::Level(a.first_language.get(ab).level()),
            Field::SecondLanguage => Value::Language(a.second_language),
            Field::SecondLanguageAbility(ab) => {
                Value::Level(a.second_language.map_or(0, |l| l.get(ab).level()))
            }
            Field::Education => Value::Education(a.education),
            Field::CanadianEducation => Value::CanadianEducation(a.canadian_education),
            Field::CanadianExperienceYears => Value::Years(a.canadian_experience_years),
            Field::ForeignExperienceYears => Value::Years(a.foreign_experience_years),
            Field::CertificateOfQualification => Value::Flag(a.certificate_of_qualification),
            Field::ProvincialNomination => Value::Flag(a.provincial_nomination),
            Field::SpouseFirstLanguage => {
                Value::Language(a.spouse.as_ref().and_then(|s| s.first_language))
            }
            Field::SpouseFirstLanguageAbility(ab) => Value::Level(
                a.spouse
                    .as_ref()
                    .and_then(|s| s.first_language)
                    .map_or(0, |l| l.get(ab).level()),
            ),
            Field::SpouseEducation => Value::Education(
                a.spouse
                    .as_ref()
                    .map_or(EducationLevel::Secondary, |s| s.education),
            ),
            Field::SpouseCanadianExperienceYears => {
                Value::Years(a.spouse.as_ref().map_or(0, |s| s.canadian_experience_years))
            }
        }
    }

    /// The value a code stands for (given the other answers).
    fn value_of(self, a: &CrsAnswers, code: u8) -> Value {
        let mut changed = a.clone();
        self.set(&mut changed, code);
        self.value(&changed)
    }

    /// Where the factor's points are published.
    fn source(self, rs: &RuleSet) -> Cow<'static, str> {
        let s = match self {
            Field::FirstLanguage(_) => rs.src.first_language,
            Field::SecondLanguage | Field::SecondLanguageAbility(_) => rs.src.second_language,
            Field::Education => rs.src.education,
            Field::CanadianEducation => rs.src.canadian_education,
            Field::CanadianExperienceYears => rs.src.canadian_experience,
            Field::ForeignExperienceYears => rs.src.transfer_foreign,
            Field::CertificateOfQualification => rs.src.transfer_certificate,
            Field::ProvincialNomination => rs.src.provincial_nomination,
            Field::SpouseFirstLanguage | Field::SpouseFirstLanguageAbility(_) => {
                rs.src.spouse_language
            }
            Field::SpouseEducation => rs.src.spouse_education,
            Field::SpouseCanadianExperienceYears => rs.src.spouse_experience,
        };
        s.href.clone()
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.path())
    }
}

/// The language a language field is in (the candidate's first for a spouse's
/// new result: only the levels count for a spouse).
fn field_language(a: &CrsAnswers, field: Field) -> Language {
    match field {
        Field::SecondLanguage | Field::SecondLanguageAbility(_) => a
            .second_language
            .map_or(a.first_language.language.other(), |l| l.language),
        Field::SpouseFirstLanguage | Field::SpouseFirstLanguageAbility(_) => a
            .spouse
            .as_ref()
            .and_then(|s| s.first_language)
            .map_or(a.first_language.language, |l| l.language),
        _ => a.first_language.language,
    }
}

fn canadian_education_code(c: CanadianEducation) -> u8 {
    match c {
        CanadianEducation::None => 0,
        CanadianEducation::OneOrTwoYear => 1,
        CanadianEducation::ThreeYearOrLonger => 2,
    }
}

fn canadian_education_of(code: u8) -> CanadianEducation {
    match code {
        0 => CanadianEducation::None,
        1 => CanadianEducation::OneOrTwoYear,
        _ => CanadianEducation::ThreeYearOrLonger,
    }
}

fn education_of(code: u8) -> EducationLevel {
    EducationLevel::ALL
        .get(usize::from(code))
        .copied()
        .unwrap_or(EducationLevel::Doctoral)
}

fn set_ability(l: &mut LanguageLevels, ab: Ability, level: Clb) {
    match ab {
        Ability::Listening => l.listening = level,
        Ability::Reading => l.reading = level,
        Ability::Writing => l.writing = level,
        Ability::Speaking => l.speaking = level,
    }
}

fn uniform(language: Language, level: Clb) -> LanguageLevels {
    LanguageLevels {
        language,
        listening: level,
        reading: level,
        writing: level,
        speaking: level,
    }
}

/// A field's value as crs-answers writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A CLB/NCLC level.
    Level(u8),
    Years(u8),
    Flag(bool),
    Education(EducationLevel),
    CanadianEducation(CanadianEducation),
    /// A whole language result, or none (`null`).
    Language(Option<LanguageLevels>),
}

/// One change on its own and what it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIfOption {
    pub field: Field,
    pub from: Value,
    pub to: Value,
    /// The total with only this change.
    pub crs: u16,
    pub gain: u16,
    /// Experience years: the day they are reached if current work goes on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
    pub detail: WhatIfText,
    /// Where the factor's points are published.
    pub source: Cow<'static, str>,
}

/// One field of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: Field,
    pub to: Value,
    /// The value today (an addition to the contract).
    pub from: Value,
    /// The change as a sentence (an addition to the contract).
    pub detail: WhatIfText,
}

/// The fewest changes that reach the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub crs: u16,
    pub detail: WhatIfText,
}

/// The what-if result (contract "What-if").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    pub as_of: Date,
    pub crs: u16,
    pub options: Vec<WhatIfOption>,
    pub target: Option<u16>,
    pub target_basis: Option<WhatIfText>,
    pub plan: Option<Plan>,
    /// Why there is no plan (target met, or out of reach), when there is none
    /// and there is a target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_note: Option<WhatIfText>,
}

/// What the plan search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    AlreadyMet,
    /// Even every plan field at its highest value does not reach the target.
    OutOfReach,
    /// The fields (in order) and their value codes, and the total.
    Plan(Vec<(Field, u8)>, u16),
}

/// The CRS total of answers on a day, for a rule set already looked up.
struct Scorer {
    as_of: Date,
}

impl Scorer {
    fn new(as_of: Date) -> Result<Scorer> {
        crs::rule_set_on(as_of)?;
        Ok(Scorer { as_of })
    }
    #[inline]
    fn total(&self, a: &CrsAnswers) -> u16 {
        crs::score_points(a, self.as_of).map_or(0, |p| p.total())
    }
}

/// Every higher value of every field that changes the total on its own.
/// `on` is left empty (it needs the profile: see [`whatif`]).
pub fn options(a: &CrsAnswers, as_of: Date) -> Result<Vec<WhatIfOption>> {
    let scorer = Scorer::new(as_of)?;
    let rs = crs::rule_set_on(as_of)?;
    let base = scorer.total(a);
    let mut out = Vec::new();
    let mut changed = a.clone();
    for field in Field::all_for(a) {
        let from = field.value(a);
        let source = field.source(rs);
        for code in field.code(a) + 1..=field.max_code() {
            field.set(&mut changed, code);
            let total = scorer.total(&changed);
            if total != base {
                let to = field.value(&changed);
                let gain = total.saturating_sub(base);
                out.push(WhatIfOption {
                    field,
                    from,
                    to,
                    crs: total,
                    gain,
                    on: None,
                    detail: WhatIfText::Option {
                        field,
                        language: field_language(a, field),
                        from,
                        to,
                        before: base,
                        after: total,
                        on: None,
                        projected: false,
                    },
                    source: source.clone(),
                });
            }
        }
        changed.clone_from(a);
    }
    // Stable: equal gains keep field order, then value order.
    out.sort_by_key(|o| std::cmp::Reverse(o.gain));
    Ok(out)
}

/// The smallest plan reaching `target` (see the module documentation).
pub fn search_plan(a: &CrsAnswers, as_of: Date, target: u16) -> Result<Search> {
    let scorer = Scorer::new(as_of)?;
    Ok(search_with(a, target, &|x| scorer.total(x)))
}

/// The fields a plan may change that can still go up, with their ranges.
fn plan_fields(a: &CrsAnswers) -> Vec<(Field, u8, u8)> {
    Field::all_for(a)
        .into_iter()
        .filter(|f| f.in_plans())
        .map(|f| (f, f.code(a) + 1, f.max_code()))
        .filter(|(_, lo, hi)| lo <= hi)
        .collect()
}

fn search_with(a: &CrsAnswers, target: u16, total: &dyn Fn(&CrsAnswers) -> u16) -> Search {
    if total(a) >= target {
        return Search::AlreadyMet;
    }
    let fields = plan_fields(a);
    let mut top = a.clone();
    for &(f, _, hi) in &fields {
        f.set(&mut top, hi);
    }
    if total(&top) < target {
        return Search::OutOfReach;
    }
    let n = fields.len();
    for k in 1..=n {
        let mut best: Option<(u16, Vec<(Field, u8)>)> = None;
        let mut combo: Vec<usize> = (0..k).collect();
        loop {
            let chosen: Vec<(Field, u8, u8)> = combo.iter().map(|&i| fields[i]).collect();
            let mut work = a.clone();
            for &(f, _, hi) in &chosen {
                f.set(&mut work, hi);
            }
            if total(&work) >= target {
                let mut codes = vec![0u8; k];
                dfs(&chosen, 0, &mut work, &mut codes, target, total, &mut best);
            }
            if !next_combination(&mut combo, n) {
                break;
            }
        }
        if let Some((crs, plan)) = best {
            return Search::Plan(plan, crs);
        }
    }
    // Unreachable: all fields at their highest reach the target.
    Search::OutOfReach
}

/// Assign values to `chosen[i..]` (lowest first), the fields after `i` at
/// their highest in `work`; keep each minimal assignment, the lowest total.
fn dfs(
    chosen: &[(Field, u8, u8)],
    i: usize,
    work: &mut CrsAnswers,
    codes: &mut [u8],
    target: u16,
    total: &dyn Fn(&CrsAnswers) -> u16,
    best: &mut Option<(u16, Vec<(Field, u8)>)>,
) {
    let (f, lo, hi) = chosen[i];
    // The lowest value that still reaches (with the rest at their highest);
    // every higher value does too (monotone).
    let mut v = lo;
    loop {
        f.set(work, v);
        if total(work) >= target || v == hi {
            break;
        }
        v += 1;
    }
    if i + 1 == chosen.len() {
        codes[i] = v;
        let reached = total(work);
        if reached >= target && is_minimal(chosen, work, codes, target, total) {
            let better = best.as_ref().is_none_or(|(b, _)| reached < *b);
            if better {
                let plan = chosen
                    .iter()
                    .zip(codes.iter())
                    .map(|(&(f, _, _), &c)| (f, c))
                    .collect();
                *best = Some((reached, plan));
            }
        }
    } else {
        for value in v..=hi {
            f.set(work, value);
            codes[i] = value;
            dfs(chosen, i + 1, work, codes, target, total, best);
        }
    }
    f.set(work, hi);
}

/// Lowering any one field by one step misses the target (the last field is
/// already at its lowest; a field at its lowest step would mean a smaller
/// plan, which the search has ruled out).
fn is_minimal(
    chosen: &[(Field, u8, u8)],
    work: &mut CrsAnswers,
    codes: &[u8],
    target: u16,
    total: &dyn Fn(&CrsAnswers) -> u16,
) -> bool {
    let last = chosen.len() - 1;
    for (j, &(f, lo, _)) in chosen.iter().enumerate().take(last) {
        if codes[j] > lo {
            f.set(work, codes[j] - 1);
            let misses = total(work) < target;
            f.set(work, codes[j]);
            if !misses {
                return false;
            }
        }
    }
    true
}

/// The next k-combination of 0..n in lexicographic order.
fn next_combination(c: &mut [usize], n: usize) -> bool {
    let k = c.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if c[i] < n - k + i {
            c[i] += 1;
            for j in i + 1..k {
                c[j] = c[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// What-if from answers alone (no experience projections): options, target
/// and plan. `target`: the given one, else `default`.
pub fn whatif_answers(
    a: &CrsAnswers,
    as_of: Date,
    target: Option<Target>,
    default: Option<&DefaultTarget>,
) -> Result<WhatIf> {
    a.validate()?;
    let scorer = Scorer::new(as_of)?;
    let crs_now = scorer.total(a);
    let options = options(a, as_of)?;
    let (target, target_basis) = match (target, default) {
        (Some(t), _) => (Some(t.get()), Some(WhatIfText::TargetGiven)),
        (None, Some(d)) => (
            Some(d.cutoff.clamp(1, MAX_TARGET)),
            Some(WhatIfText::TargetFromDraws {
                types: d.types.clone(),
            }),
        ),
        (None, None) => (None, None),
    };
    let (plan, plan_note) = match target {
        None => (None, None),
        Some(t) => match search_with(a, t, &|x| scorer.total(x)) {
            Search::AlreadyMet => (
                None,
                Some(WhatIfText::TargetMet {
                    crs: crs_now,
                    target: t,
                }),
            ),
            Search::OutOfReach => (
                None,
                Some(WhatIfText::OutOfReach {
                    crs: crs_now,
                    target: t,
                }),
            ),
            Search::Plan(changes, reached) => (
                Some(Plan {
                    changes: changes
                        .iter()
                        .map(|&(f, code)| {
                            let (from, to) = (f.value(a), f.value_of(a, code));
                            Change {
                                field: f,
                                to,
                                from,
                                detail: WhatIfText::Change {
                                    field: f,
                                    language: field_language(a, f),
                                    from,
                                    to,
                                },
                            }
                        })
                        .collect(),
                    crs: reached,
                    detail: WhatIfText::Plan {
                        fields: changes.len(),
                        crs: reached,
                        target: t,
                    },
                }),
                None,
            ),
        },
    };
    Ok(WhatIf {
        as_of,
        crs: crs_now,
        options,
        target,
        target_basis,
        plan,
        plan_note,
    })
}

/// What-if for an assessed profile: [`whatif_answers`] on its `crs_answers`,
/// with the day each experience option is reached if current work goes on.
/// Without `crs_answers` (no valid language test) it is an error naming
/// `language_tests`.
pub fn whatif(
    profile: &Profile,
    assessment: &Assessment,
    target: Option<Target>,
    default: Option<&DefaultTarget>,
) -> Result<WhatIf> {
    let Some(a) = assessment.crs_answers.as_ref() else {
        return Err(RulesError::invalid(
            "language_tests",
            "no CRS score can be computed without a valid language test result, so there is nothing to raise yet",
        ));
    };
    let as_of = assessment.as_of;
    let mut w = whatif_answers(a, as_of, target, default)?;
    let foreign = Criteria {
        occupations: assessment
            .facts
            .foreign_experience_noc
            .map_or(Occupations::Skilled, Occupations::Exactly),
        ..Criteria::CRS_FOREIGN
    };
    let spouse_jobs = profile
        .scoring_spouse()
        .map_or(&[][..], |s| &s.work_history[..]);
    for o in &mut w.options {
        let Value::Years(years) = o.to else { continue };
        let hours = u32::from(years) * HOURS_PER_YEAR;
        let on = match o.field {
            Field::CanadianExperienceYears => hours::projected_date(
                &profile.work_history,
                &profile.study_periods,
                &profile.permits,
                as_of,
                &Criteria::CRS_CANADIAN,
                hours,
                PROJECTION_DAYS,
            ),
            Field::ForeignExperienceYears => hours::projected_date(
                &profile.work_history,
                &[],
                &[],
                as_of,
                &foreign,
                hours,
                PROJECTION_DAYS,
            ),
            Field::SpouseCanadianExperienceYears => hours::projected_date(
                spouse_jobs,
                &[],
                &[],
                as_of,
                &Criteria::CRS_CANADIAN,
                hours,
                PROJECTION_DAYS,
            ),
            _ => None,
        };
        // A day after as_of: the years are not held today.
        let on = on.filter(|d| *d > as_of);
        o.on = on;
        if let WhatIfText::Option {
            on: ref mut t_on,
            ref mut projected,
            ..
        } = o.detail
        {
            *t_on = on;
            *projected = true;
        }
    }
    Ok(w)
}

#[cfg(test)]
mod tests;
