//! What a CRS line says (its `basis`) and the CRS notes, in English and French.
//! French follows the wording of IRCC's French CRS page ("Critères du Système
//! de classement global").

use std::fmt;

use jiff::civil::Date;

use super::levels::{CanadianEducation, EducationLevel};
use crate::clb::{Ability, Clb, Language, LanguageLevels};
use crate::text::say::{Capitalized, In, Lang, Levels, Say, ability_name, language_name};

/// Which column of the transferability language grids the first language reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguageColumn {
    /// CLB 9 or more in all four.
    NineOrMore,
    /// CLB 7 or more in all four, one or more under 9.
    SevenOrMore,
    /// Not all at CLB 7.
    Below,
}

/// The first factor of a transferability group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransferFactor {
    Education(EducationLevel),
    ForeignExperience(u8),
}

/// One sentence of a CRS result. `Copy` and `Hash`: it holds only numbers,
/// dates and codes, so a batch writer can remember how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CrsText {
    Age {
        age: u8,
        with_spouse: bool,
    },
    Education {
        level: EducationLevel,
        with_spouse: bool,
    },
    Ability {
        language: Language,
        ability: Ability,
        level: Clb,
    },
    SecondLanguage {
        levels: LanguageLevels,
        /// Points before the cap and the cap, when the cap cut.
        capped: Option<(u16, u16)>,
    },
    NoSecondLanguage,
    CanadianExperience {
        years: u8,
    },
    SpouseEducation(EducationLevel),
    SpouseLanguage(Option<LanguageLevels>),
    SpouseExperience {
        years: u8,
    },
    Transfer {
        factor: TransferFactor,
        benchmark: Language,
        column: LanguageColumn,
        language_points: u16,
        experience_points: u16,
        canadian_years: u8,
        group_cap: u16,
        /// Points cut by the 100-point cap on the whole section.
        cut: u16,
    },
    Certificate {
        benchmark: Language,
        lowest: u8,
        cut: u16,
        section_cap: u16,
    },
    NoCertificate,
    Nomination(bool),
    NoJobOffer,
    JobOfferWithoutPoints {
        as_of: Date,
    },
    JobOfferMajorGroup00,
    JobOfferTeer0123,
    CanadianEducation(CanadianEducation),
    Sibling(bool),
    /// 2: NCLC 7 + CLB 5; 1: NCLC 7 without CLB 5; 0: French below NCLC 7.
    French(u8),
    /// The effective date of the October 2020 French points is not settled.
    FrenchDateNotSettled,
}

fn spouse_words(with_spouse: bool, lang: Lang) -> &'static str {
    match (with_spouse, lang) {
        (true, Lang::En) => "with an accompanying spouse or partner",
        (false, Lang::En) => "no accompanying spouse or partner",
        (true, Lang::Fr) => "avec un époux ou conjoint de fait qui vous accompagne",
        (false, Lang::Fr) => "sans époux ni conjoint de fait qui vous accompagne",
    }
}

/// Words a candidate understands (the CRS tool's answers).
pub fn education_words(level: EducationLevel, lang: Lang) -> &'static str {
    use EducationLevel as E;
    match lang {
        Lang::En => level.describe(),
        Lang::Fr => match level {
            E::LessThanSecondary => "études secondaires non terminées",
            E::Secondary => "diplôme d’études secondaires",
            E::OneYear => "diplôme ou certificat d’un programme postsecondaire d’un an",
            E::TwoYear => "programme postsecondaire de deux ans",
            E::Bachelors => "baccalauréat ou programme postsecondaire de trois ans ou plus",
            E::TwoOrMore => {
                "au moins deux diplômes postsecondaires, dont un d’un programme de trois ans ou plus"
            }
            E::Masters => "maîtrise ou diplôme professionnel requis pour exercer une profession",
            E::Doctoral => "doctorat (Ph. D.)",
        },
    }
}

/// "no year", "1 year", "3 years", "5 years (5 or more count the same)".
pub(crate) struct Years {
    pub years: u8,
    /// From this many years on, more count the same.
    pub top: u8,
}

impl Say for Years {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, top) = (self.years, self.top);
        match (lang, y) {
            (Lang::En, 0) => f.write_str("no year"),
            (Lang::Fr, 0) => f.write_str("aucune année"),
            (Lang::En, 1) if top > 1 => f.write_str("1 year"),
            (Lang::Fr, 1) if top > 1 => f.write_str("1 an"),
            (Lang::En, y) if y >= top => write!(f, "{y} years ({top} or more count the same)"),
            (Lang::Fr, y) if y >= top => write!(f, "{y} ans ({top} ou plus comptent autant)"),
            (Lang::En, y) => write!(f, "{y} years"),
            (Lang::Fr, y) => write!(f, "{y} ans"),
        }
    }
}

impl Say for CrsText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            CrsText::Age { age, with_spouse } => {
                match (*age, fr) {
                    (0..=17, false) => write!(f, "age {age} (17 or less scores 0)")?,
                    (45.., false) => write!(f, "age {age} (45 or more scores 0)")?,
                    (_, false) => write!(f, "age {age}")?,
                    (0..=17, true) => write!(f, "{age} ans (17 ans ou moins : 0 point)")?,
                    (45.., true) => write!(f, "{age} ans (45 ans ou plus : 0 point)")?,
                    (_, true) => write!(f, "{age} ans")?,
                }
                write!(f, ", {}", spouse_words(*with_spouse, lang))
            }
            CrsText::Education { level, with_spouse } => write!(
                f,
                "{}, {}",
                education_words(*level, lang),
                spouse_words(*with_spouse, lang)
            ),
            CrsText::Ability {
                language,
                ability,
                level,
            } => {
                let counts_as_10 = level.level() > 10;
                if fr {
                    write!(
                        f,
                        "{} en {} : {} {level}{}",
                        Capitalized(ability_name(*ability, lang)),
                        language_name(*language, lang),
                        language.benchmark(),
                        if counts_as_10 { " (compte comme 10)" } else { "" }
                    )
                } else {
                    write!(
                        f,
                        "{} {}: {} {level}{}",
                        language_name(*language, lang),
                        ability_name(*ability, lang),
                        language.benchmark(),
                        if counts_as_10 { " (counts as 10)" } else { "" }
                    )
                }
            }
            CrsText::SecondLanguage { levels, capped } => {
                let name = language_name(levels.language, lang);
                if fr {
                    write!(f, "{name} comme seconde langue ({})", In(&Levels(*levels), lang))?;
                    if let Some((raw, cap)) = capped {
                        write!(f, " : {raw} points, plafonnés à {cap}")?;
                    }
                } else {
                    write!(f, "{name} as second language ({})", In(&Levels(*levels), lang))?;
                    if let Some((raw, cap)) = capped {
                        write!(f, ": {raw} points, capped at {cap}")?;
                    }
                }
                Ok(())
            }
            CrsText::NoSecondLanguage => f.write_str(lang.pick(
                "no second official language test",
                "aucun test dans la seconde langue officielle",
            )),
            CrsText::CanadianExperience { years } => {
                let y = In(&Years { years: *years, top: 5 }, lang);
                if fr {
                    write!(f, "{y} d’expérience de travail qualifié au Canada dans les 10 dernières années")
                } else {
                    write!(f, "{y} of skilled Canadian work experience in the last 10 years")
                }
            }
            CrsText::SpouseEducation(level) => write!(
                f,
                "{} {}",
                lang.pick("spouse or partner:", "époux ou conjoint de fait :"),
                education_words(*level, lang)
            ),
            CrsText::SpouseLanguage(levels) => {
                f.write_str(lang.pick("spouse or partner: ", "époux ou conjoint de fait : "))?;
                match levels {
                    Some(l) => write!(f, "{}", In(&Levels(*l), lang)),
                    None => f.write_str(lang.pick("no language test", "aucun test de langue")),
                }
            }
            CrsText::SpouseExperience { years } => {
                let y = In(&Years { years: *years, top: 5 }, lang);
                if fr {
                    write!(f, "époux ou conjoint de fait : {y} d’expérience de travail qualifié au Canada")
                } else {
                    write!(f, "spouse or partner: {y} of skilled Canadian work experience")
                }
            }
            CrsText::Transfer {
                factor,
                benchmark,
                column,
                language_points,
                experience_points,
                canadian_years,
                group_cap,
                cut,
            } => {
                match factor {
                    TransferFactor::Education(level) => f.write_str(education_words(*level, lang))?,
                    TransferFactor::ForeignExperience(y) => {
                        let y = In(&Years { years: *y, top: 3 }, lang);
                        if fr {
                            write!(f, "{y} d’expérience de travail qualifié à l’étranger")?;
                        } else {
                            write!(f, "{y} of foreign skilled work experience")?;
                        }
                    }
                }
                let b = benchmark.benchmark();
                let cy = In(
                    &Years {
                        years: *canadian_years,
                        top: 2,
                    },
                    lang,
                );
                if fr {
                    f.write_str(" : ")?;
                    write!(f, "{language_points} avec ")?;
                    match column {
                        LanguageColumn::NineOrMore => write!(
                            f,
                            "{b} 9 ou plus dans les quatre habiletés de la première langue"
                        )?,
                        LanguageColumn::SevenOrMore => write!(
                            f,
                            "{b} 7 ou plus dans toutes les habiletés de la première langue, dont au moins une sous 9"
                        )?,
                        LanguageColumn::Below => write!(
                            f,
                            "des habiletés de la première langue qui ne sont pas toutes à {b} 7 ou plus"
                        )?,
                    }
                    if *canadian_years == 0 {
                        write!(f, ", {experience_points} sans expérience au Canada")?;
                    } else {
                        write!(f, ", {experience_points} avec {cy} d’expérience au Canada")?;
                    }
                    if language_points + experience_points > *group_cap {
                        write!(f, "; groupe plafonné à {group_cap}")?;
                    }
                    if *cut > 0 {
                        write!(
                            f,
                            "; {cut} points retranchés par le plafond de 100 points de la transférabilité des compétences"
                        )?;
                    }
                } else {
                    write!(f, ": {language_points} with ")?;
                    match column {
                        LanguageColumn::NineOrMore => {
                            write!(f, "{b} 9 or more on all four first-language abilities")?
                        }
                        LanguageColumn::SevenOrMore => write!(
                            f,
                            "{b} 7 or more on all first-language abilities, one or more under 9"
                        )?,
                        LanguageColumn::Below => {
                            write!(f, "first-language abilities not all at {b} 7 or more")?
                        }
                    }
                    write!(
                        f,
                        ", {experience_points} with {cy} of Canadian experience"
                    )?;
                    if language_points + experience_points > *group_cap {
                        write!(f, "; group capped at {group_cap}")?;
                    }
                    if *cut > 0 {
                        write!(
                            f,
                            "; {cut} points cut by the 100-point cap on skill transferability"
                        )?;
                    }
                }
                Ok(())
            }
            CrsText::Certificate {
                benchmark,
                lowest,
                cut,
                section_cap,
            } => {
                let b = benchmark.benchmark();
                if fr {
                    write!(
                        f,
                        "certificat de compétence avec la plus faible habileté de la première langue à {b} {lowest}{}",
                        if *lowest < 5 { " (il faut 5 ou plus)" } else { "" }
                    )?;
                    if *cut > 0 {
                        write!(
                            f,
                            "; {cut} points retranchés par le plafond de {section_cap} points de la transférabilité des compétences"
                        )?;
                    }
                } else {
                    write!(
                        f,
                        "certificate of qualification with the lowest first-language ability at {b} {lowest}{}",
                        if *lowest < 5 { " (needs 5 or more)" } else { "" }
                    )?;
                    if *cut > 0 {
                        write!(
                            f,
                            "; {cut} points cut by the {section_cap}-point cap on skill transferability"
                        )?;
                    }
                }
                Ok(())
            }
            CrsText::NoCertificate => f.write_str(lang.pick(
                "no certificate of qualification in a trade",
                "aucun certificat de compétence dans un métier",
            )),
            CrsText::Nomination(true) => f.write_str(lang.pick(
                "provincial or territorial nomination",
                "désignation d’une province ou d’un territoire",
            )),
            CrsText::Nomination(false) => f.write_str(lang.pick(
                "no provincial or territorial nomination",
                "aucune désignation d’une province ou d’un territoire",
            )),
            CrsText::NoJobOffer => f.write_str(lang.pick(
                "no qualifying job offer",
                "aucune offre d’emploi admissible",
            )),
            CrsText::JobOfferWithoutPoints { as_of } => {
                if fr {
                    write!(
                        f,
                        "offre d’emploi : aucun point du SCG pour un emploi réservé selon les règles en vigueur le {as_of} (retirés le 2025-03-25); elle compte toujours pour l’admissibilité aux programmes des travailleurs qualifiés (fédéral) et des métiers spécialisés (fédéral)"
                    )
                } else {
                    write!(
                        f,
                        "job offer: no CRS points for arranged employment under the rules in force on {as_of} (removed 2025-03-25); it still matters for FSW and FST eligibility"
                    )
                }
            }
            CrsText::JobOfferMajorGroup00 => f.write_str(lang.pick(
                "job offer in NOC TEER 0 Major Group 00 (senior management)",
                "offre d’emploi dans la FEER 0 de la CNP, grand groupe 00 (cadres supérieurs)",
            )),
            CrsText::JobOfferTeer0123 => f.write_str(lang.pick(
                "job offer in a TEER 0, 1, 2 or 3 occupation",
                "offre d’emploi dans une profession de FEER 0, 1, 2 ou 3",
            )),
            CrsText::CanadianEducation(level) => f.write_str(match level {
                CanadianEducation::None => lang.pick(
                    "no post-secondary credential from Canada",
                    "aucun diplôme postsecondaire canadien",
                ),
                CanadianEducation::OneOrTwoYear => lang.pick(
                    "Canadian post-secondary credential of one or two years",
                    "diplôme postsecondaire canadien d’un ou deux ans",
                ),
                CanadianEducation::ThreeYearOrLonger => lang.pick(
                    "Canadian post-secondary credential of three years or longer, or a master's, professional or doctoral degree",
                    "diplôme postsecondaire canadien de trois ans ou plus, ou une maîtrise, un diplôme professionnel ou un doctorat",
                ),
            }),
            CrsText::Sibling(true) => f.write_str(lang.pick(
                "brother or sister in Canada who is a citizen or permanent resident",
                "frère ou sœur au Canada, citoyen ou résident permanent",
            )),
            CrsText::Sibling(false) => f.write_str(lang.pick(
                "no brother or sister in Canada declared",
                "aucun frère ni sœur au Canada déclaré",
            )),
            CrsText::French(2) => f.write_str(lang.pick(
                "NCLC 7 or more in all four French abilities and CLB 5 or more in all four English abilities",
                "NCLC 7 ou plus dans les quatre habiletés en français et CLB 5 ou plus dans les quatre habiletés en anglais",
            )),
            CrsText::French(1) => f.write_str(lang.pick(
                "NCLC 7 or more in all four French abilities, and English below CLB 5 in at least one ability or no English test",
                "NCLC 7 ou plus dans les quatre habiletés en français, et en anglais moins de CLB 5 dans au moins une habileté ou aucun test",
            )),
            CrsText::French(_) => f.write_str(lang.pick(
                "French not at NCLC 7 or more in all four abilities",
                "français qui n’est pas à NCLC 7 ou plus dans les quatre habiletés",
            )),
            CrsText::FrenchDateNotSettled => f.write_str(lang.pick(
                "additional.french: Not settled: sources give 2020-10-20 or 2020-10-27 (the announcement) as the effective date; landed uses 2020-10-27",
                "additional.french : non établi : les sources donnent le 2020-10-20 ou le 2020-10-27 (l’annonce) comme date d’entrée en vigueur; landed retient le 2020-10-27",
            )),
        }
    }
}
