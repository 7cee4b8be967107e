//! What a what-if says, in English and French (typed messages, as
//! `crate::crs::text` does for CRS lines).

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::{Field, Value};
use crate::clb::Language;
use crate::crs::{CanadianEducation, education_words};
use crate::text::{Capitalized, In, Lang, Num, Say, ability_name, language_name, output_language};

/// One sentence of a what-if result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatIfText {
    /// An option: one field changed on its own.
    Option {
        field: Field,
        /// The language of a language field.
        language: Language,
        from: Value,
        to: Value,
        before: u16,
        after: u16,
        /// Experience years: the day reached if current work goes on.
        on: Option<Date>,
        /// Whether `on` was looked for (a profile was given).
        projected: bool,
    },
    /// One change of a plan, as a sentence.
    Change {
        field: Field,
        language: Language,
        from: Value,
        to: Value,
    },
    /// `target_basis` when the target was given.
    TargetGiven,
    /// `target_basis` when it comes from the draws data.
    TargetFromDraws { types: Vec<Cow<'static, str>> },
    /// No plan: the score already reaches the target.
    TargetMet { crs: u16, target: u16 },
    /// No plan: even the best results in every plan field fall short.
    OutOfReach { crs: u16, target: u16 },
    /// The plan's summary.
    Plan {
        fields: usize,
        crs: u16,
        target: u16,
    },
}

impl Serialize for WhatIfText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&In(self, output_language()))
    }
}

/// Written in the thread's output language ([`crate::text::in_language`]).
impl fmt::Display for WhatIfText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.say(output_language(), f)
    }
}

/// "18 points" / "1 point" (French: "1 point", "18 points" as well).
struct Points(u16);

impl Say for Points {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            In(&Num(u64::from(self.0)), lang),
            if self.0 < 2 { "point" } else { "points" }
        )
    }
}

fn canadian_education_words(c: CanadianEducation, lang: Lang) -> &'static str {
    match (c, lang) {
        (CanadianEducation::None, Lang::En) => "no Canadian post-secondary credential",
        (CanadianEducation::OneOrTwoYear, Lang::En) => {
            "a Canadian post-secondary credential of one or two years"
        }
        (CanadianEducation::ThreeYearOrLonger, Lang::En) => {
            "a Canadian post-secondary credential of three years or longer (or a master's, professional or doctoral degree)"
        }
        (CanadianEducation::None, Lang::Fr) => "aucun diplôme postsecondaire canadien",
        (CanadianEducation::OneOrTwoYear, Lang::Fr) => {
            "un diplôme postsecondaire canadien d’un ou deux ans"
        }
        (CanadianEducation::ThreeYearOrLonger, Lang::Fr) => {
            "un diplôme postsecondaire canadien de trois ans ou plus (ou une maîtrise, un diplôme professionnel ou un doctorat)"
        }
    }
}

/// "CLB 9" / "NCLC 7".
fn level(f: &mut fmt::Formatter<'_>, language: Language, v: &Value) -> fmt::Result {
    match v {
        Value::Level(n) => write!(f, "{} {n}", language.benchmark()),
        Value::Language(Some(l)) => write!(f, "{} {}", l.language.benchmark(), l.listening),
        _ => Ok(()),
    }
}

/// What changes, as the opening of a sentence: "Raising English speaking
/// from CLB 7 to CLB 9", "A French test result of NCLC 7 in all four
/// abilities". `standalone`: the phrase is the whole sentence (a plan's change).
fn subject(
    f: &mut fmt::Formatter<'_>,
    lang: Lang,
    field: &Field,
    language: &Language,
    from: &Value,
    to: &Value,
    standalone: bool,
) -> fmt::Result {
    let fr = lang == Lang::Fr;
    match field {
                    Field::FirstLanguage(ab) | Field::SecondLanguageAbility(ab) => {
                        if fr {
                            write!(f, "Passer de ")?;
                            level(f, *language, from)?;
                            write!(f, " à ")?;
                            level(f, *language, to)?;
                            write!(
                                f,
                                " en {} ({})",
                                ability_name(*ab, lang),
                                language_name(*language, lang)
                            )?;
                        } else {
                            write!(
                                f,
                                "Raising {} {} from ",
                                language_name(*language, lang),
                                ability_name(*ab, lang)
                            )?;
                            level(f, *language, from)?;
                            write!(f, " to ")?;
                            level(f, *language, to)?;
                        }
                    }
                    Field::SpouseFirstLanguageAbility(ab) => {
                        if fr {
                            write!(f, "Si votre époux ou conjoint de fait passe de ")?;
                            level(f, *language, from)?;
                            write!(f, " à ")?;
                            level(f, *language, to)?;
                            write!(f, " en {}", ability_name(*ab, lang))?;
                            if !standalone {
                                f.write_str(", cela")?;
                            }
                        } else {
                            write!(
                                f,
                                "Your spouse or partner raising {} from ",
                                ability_name(*ab, lang)
                            )?;
                            level(f, *language, from)?;
                            write!(f, " to ")?;
                            level(f, *language, to)?;
                        }
                    }
                    Field::SecondLanguage => {
                        if fr {
                            write!(f, "Un résultat en {} de ", language_name(*language, lang))?;
                            level(f, *language, to)?;
                            write!(f, " dans les quatre compétences")?;
                        } else {
                            write!(f, "A {} test result of ", language_name(*language, lang))?;
                            level(f, *language, to)?;
                            write!(f, " in all four abilities")?;
                        }
                    }
                    Field::SpouseFirstLanguage => {
                        if fr {
                            write!(
                                f,
                                "Un résultat de test de langue de votre époux ou conjoint de fait de "
                            )?;
                            level(f, *language, to)?;
                            write!(f, " dans les quatre compétences")?;
                        } else {
                            write!(f, "A language test result for your spouse or partner of ")?;
                            level(f, *language, to)?;
                            write!(f, " in all four abilities")?;
                        }
                    }
                    Field::Education | Field::SpouseEducation => {
                        let (Value::Education(from), Value::Education(to)) = (from, to) else {
                            return Ok(());
                        };
                        let whose = match (field, fr) {
                            (Field::SpouseEducation, false) => "your spouse's or partner's ",
                            (Field::SpouseEducation, true) => " de votre époux ou conjoint de fait",
                            _ => "",
                        };
                        if fr {
                            write!(
                                f,
                                "Un niveau de scolarité{whose} « {} » (aujourd’hui « {} »)",
                                education_words(*to, lang),
                                education_words(*from, lang)
                            )?;
                        } else {
                            write!(
                                f,
                                "Raising {whose}education to “{}” (now “{}”)",
                                education_words(*to, lang),
                                education_words(*from, lang)
                            )?;
                        }
                    }
                    Field::CanadianEducation => {
                        let Value::CanadianEducation(to) = to else {
                            return Ok(());
                        };
                        let words = canadian_education_words(*to, lang);
                        write!(f, "{}", Capitalized(words))?;
                    }
                    Field::CanadianExperienceYears
                    | Field::ForeignExperienceYears
                    | Field::SpouseCanadianExperienceYears => {
                        let Value::Years(y) = to else { return Ok(()) };
                        let y = *y;
                        match (field, fr) {
                            (Field::CanadianExperienceYears, false) => write!(
                                f,
                                "Reaching {y} year{} of skilled work experience in Canada",
                                if y > 1 { "s" } else { "" }
                            )?,
                            (Field::CanadianExperienceYears, true) => write!(
                                f,
                                "Atteindre {y} an{} d’expérience de travail qualifié au Canada",
                                if y > 1 { "s" } else { "" }
                            )?,
                            (Field::ForeignExperienceYears, false) => write!(
                                f,
                                "Reaching {y} year{} of skilled work experience outside Canada",
                                if y > 1 { "s" } else { "" }
                            )?,
                            (Field::ForeignExperienceYears, true) => write!(
                                f,
                                "Atteindre {y} an{} d’expérience de travail qualifié à l’étranger",
                                if y > 1 { "s" } else { "" }
                            )?,
                            (_, false) => write!(
                                f,
                                "Your spouse or partner reaching {y} year{} of skilled work experience in Canada",
                                if y > 1 { "s" } else { "" }
                            )?,
                            (_, true) => write!(
                                f,
                                "Si votre époux ou conjoint de fait atteint {y} an{} d’expérience de travail qualifié au Canada, cela",
                                if y > 1 { "s" } else { "" }
                            )?,
                        }
                    }
                    Field::CertificateOfQualification => f.write_str(if fr {
                        "Un certificat de qualification dans un métier spécialisé, délivré par une province ou un territoire,"
                    } else {
                        "A certificate of qualification in a skilled trade, issued by a province or territory,"
                    })?,
                    Field::ProvincialNomination => f.write_str(if fr {
                        "Une nomination d’une province ou d’un territoire"
                    } else {
                        "A provincial or territorial nomination"
                    })?,
                }
    Ok(())
}

impl Say for WhatIfText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            WhatIfText::Option {
                field,
                language,
                from,
                to,
                before,
                after,
                on,
                projected,
            } => {
                let gain = Points(after.saturating_sub(*before));
                let (before, after) = (
                    In(&Num(u64::from(*before)), lang),
                    In(&Num(u64::from(*after)), lang),
                );
                let adds = if fr { "ajoute" } else { "adds" };
                subject(f, lang, field, language, from, to, false)?;
                write!(f, " {adds} {} ({before} → {after})", In(&gain, lang))?;
                match field {
                    Field::CanadianEducation => f.write_str(if fr {
                        " ; un tel diplôme élève souvent aussi le niveau de scolarité, une option à part"
                    } else {
                        "; such a credential often raises your education level too, a separate option"
                    })?,
                    Field::CertificateOfQualification => f.write_str(if fr {
                        " (métiers spécialisés seulement)"
                    } else {
                        " (skilled trades only)"
                    })?,
                    Field::CanadianExperienceYears
                    | Field::ForeignExperienceYears
                    | Field::SpouseCanadianExperienceYears
                        if *projected =>
                    {
                        match (on, fr) {
                            (Some(d), false) => write!(f, "; if current work goes on, on {d}")?,
                            (Some(d), true) => {
                                write!(f, " ; si le travail actuel continue, le {d}")?
                            }
                            (None, false) => f.write_str(
                                "; current work alone does not get there within 11 years",
                            )?,
                            (None, true) => f.write_str(
                                " ; le travail actuel seul n’y mène pas d’ici 11 ans",
                            )?,
                        }
                    }
                    _ => {}
                }
                f.write_str(".")
            }
            WhatIfText::Change {
                field,
                language,
                from,
                to,
            } => {
                subject(f, lang, field, language, from, to, true)?;
                f.write_str(".")
            }
            WhatIfText::TargetGiven => f.write_str(if fr {
                "la cible que vous avez donnée"
            } else {
                "the target you gave"
            }),
            WhatIfText::TargetFromDraws { types } => {
                f.write_str(if fr {
                    "le score minimal le plus bas des rondes des 6 derniers mois auxquelles vous êtes admissible ("
                } else {
                    "the lowest cutoff of the last 6 months' rounds you are eligible for ("
                })?;
                for (i, t) in types.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(t)?;
                }
                f.write_str(")")
            }
            WhatIfText::TargetMet { crs, target } => {
                let (crs, target) = (
                    In(&Num(u64::from(*crs)), lang),
                    In(&Num(u64::from(*target)), lang),
                );
                if fr {
                    write!(
                        f,
                        "Votre score, {crs}, atteint déjà la cible de {target} : aucun changement n’est nécessaire."
                    )
                } else {
                    write!(
                        f,
                        "Your score, {crs}, already reaches the target of {target}: no change is needed."
                    )
                }
            }
            WhatIfText::OutOfReach { crs, target } => {
                let (crs, target) = (
                    In(&Num(u64::from(*crs)), lang),
                    In(&Num(u64::from(*target)), lang),
                );
                if fr {
                    write!(
                        f,
                        "Même les meilleurs résultats dans chaque facteur que vous pouvez changer (langues, études, et celles de votre époux ou conjoint de fait) ne font pas passer {crs} à {target} ; une nomination provinciale ou l’expérience qui s’accumule sont les autres voies."
                    )
                } else {
                    write!(
                        f,
                        "Even the best results in every factor you can change (languages, education, and your spouse's or partner's) do not bring {crs} to {target}; a provincial nomination or experience over time are the other ways."
                    )
                }
            }
            WhatIfText::Plan {
                fields,
                crs,
                target,
            } => {
                let (crs, target) = (
                    In(&Num(u64::from(*crs)), lang),
                    In(&Num(u64::from(*target)), lang),
                );
                match (fr, *fields) {
                    (false, 1) => write!(
                        f,
                        "One change brings your score to {crs}, at or above the target of {target}; it asks for no more than needed."
                    ),
                    (false, n) => write!(
                        f,
                        "{n} changes together bring your score to {crs}, at or above the target of {target}: no fewer changes reach it, and each asks for no more than needed."
                    ),
                    (true, 1) => write!(
                        f,
                        "Un seul changement porte votre score à {crs}, ce qui atteint ou dépasse la cible de {target} ; il ne demande pas plus que nécessaire."
                    ),
                    (true, n) => write!(
                        f,
                        "{n} changements ensemble portent votre score à {crs}, ce qui atteint ou dépasse la cible de {target} : aucun plan plus court n’y parvient, et chacun ne demande pas plus que nécessaire."
                    ),
                }
            }
        }
    }
}
