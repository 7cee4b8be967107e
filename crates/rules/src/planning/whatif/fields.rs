//! The fields of `crs-answers` a what-if may change: their order, public
//! names, value codes, the answers with one field changed, and where each
//! factor's points are published.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use super::Value;
use crate::clb::{Ability, Clb, Language, LanguageLevels};
use crate::crs::{CanadianEducation, CrsAnswers, EducationLevel, RuleSet};

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
    pub(super) fn max_code(self) -> u8 {
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
    pub(super) fn code(self, a: &CrsAnswers) -> u8 {
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
    pub(super) fn set(self, a: &mut CrsAnswers, code: u8) {
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
    pub(super) fn value(self, a: &CrsAnswers) -> Value {
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
    pub(super) fn value_of(self, a: &CrsAnswers, code: u8) -> Value {
        let mut changed = a.clone();
        self.set(&mut changed, code);
        self.value(&changed)
    }

    /// Where the factor's points are published.
    pub(super) fn source(self, rs: &RuleSet) -> Cow<'static, str> {
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
pub(super) fn field_language(a: &CrsAnswers, field: Field) -> Language {
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

pub(super) fn canadian_education_code(c: CanadianEducation) -> u8 {
    match c {
        CanadianEducation::None => 0,
        CanadianEducation::OneOrTwoYear => 1,
        CanadianEducation::ThreeYearOrLonger => 2,
    }
}

pub(super) fn canadian_education_of(code: u8) -> CanadianEducation {
    match code {
        0 => CanadianEducation::None,
        1 => CanadianEducation::OneOrTwoYear,
        _ => CanadianEducation::ThreeYearOrLonger,
    }
}

pub(super) fn education_of(code: u8) -> EducationLevel {
    EducationLevel::ALL
        .get(usize::from(code))
        .copied()
        .unwrap_or(EducationLevel::Doctoral)
}

pub(super) fn set_ability(l: &mut LanguageLevels, ab: Ability, level: Clb) {
    match ab {
        Ability::Listening => l.listening = level,
        Ability::Reading => l.reading = level,
        Ability::Writing => l.writing = level,
        Ability::Speaking => l.speaking = level,
    }
}

pub(super) fn uniform(language: Language, level: Clb) -> LanguageLevels {
    LanguageLevels {
        language,
        listening: level,
        reading: level,
        writing: level,
        speaking: level,
    }
}
