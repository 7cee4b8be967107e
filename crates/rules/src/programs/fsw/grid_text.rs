//! What the FSW selection grid says, in English and French side by side: its
//! factors, its score, and one sentence per grid line and adaptability item.

use crate::clb::{Ability, Language, LanguageLevels};
use crate::crs::levels::EducationLevel;
use crate::crs::text::education_words;
use crate::hours::basis;
use crate::noc::Noc;
use crate::text::say::{Capitalized, In, Lang, Levels, NocLabel, Num, Say, heures, language_name};
use jiff::civil::Date;
use std::fmt::{self, Write as _};

/// A factor of the selection grid, or an adaptability item: a grid line's `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridFactor {
    FirstLanguage,
    SecondLanguage,
    Education,
    Experience,
    Age,
    ArrangedEmployment,
    Adaptability,
    SpouseLanguage,
    StudyInCanada,
    SpouseStudyInCanada,
    WorkInCanada,
    SpouseWorkInCanada,
    AdaptabilityArrangedEmployment,
    RelativesInCanada,
}

impl GridFactor {
    /// In the order of the grid's lines, each factor followed by its items.
    pub const ALL: [GridFactor; 14] = [
        GridFactor::FirstLanguage,
        GridFactor::SecondLanguage,
        GridFactor::Education,
        GridFactor::Experience,
        GridFactor::Age,
        GridFactor::ArrangedEmployment,
        GridFactor::Adaptability,
        GridFactor::SpouseLanguage,
        GridFactor::StudyInCanada,
        GridFactor::SpouseStudyInCanada,
        GridFactor::WorkInCanada,
        GridFactor::SpouseWorkInCanada,
        GridFactor::AdaptabilityArrangedEmployment,
        GridFactor::RelativesInCanada,
    ];

    pub fn id(self) -> &'static str {
        match self {
            GridFactor::FirstLanguage => "fsw.grid.first_language",
            GridFactor::SecondLanguage => "fsw.grid.second_language",
            GridFactor::Education => "fsw.grid.education",
            GridFactor::Experience => "fsw.grid.experience",
            GridFactor::Age => "fsw.grid.age",
            GridFactor::ArrangedEmployment => "fsw.grid.arranged_employment",
            GridFactor::Adaptability => "fsw.grid.adaptability",
            GridFactor::SpouseLanguage => "fsw.grid.adaptability.spouse_language",
            GridFactor::StudyInCanada => "fsw.grid.adaptability.study_in_canada",
            GridFactor::SpouseStudyInCanada => "fsw.grid.adaptability.spouse_study_in_canada",
            GridFactor::WorkInCanada => "fsw.grid.adaptability.work_in_canada",
            GridFactor::SpouseWorkInCanada => "fsw.grid.adaptability.spouse_work_in_canada",
            GridFactor::AdaptabilityArrangedEmployment => {
                "fsw.grid.adaptability.arranged_employment"
            }
            GridFactor::RelativesInCanada => "fsw.grid.adaptability.relatives_in_canada",
        }
    }

    /// The factor of a grid line's `id`.
    pub fn of(id: &str) -> Option<GridFactor> {
        GridFactor::ALL.into_iter().find(|f| f.id() == id)
    }
}

impl Say for GridFactor {
    /// English: the last part of the id, in words ("relatives in canada").
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use GridFactor as G;
        match lang {
            Lang::En => {
                let id = self.id();
                for c in id.rsplit('.').next().unwrap_or(id).chars() {
                    f.write_char(if c == '_' { ' ' } else { c })?;
                }
                Ok(())
            }
            Lang::Fr => f.write_str(match self {
                G::FirstLanguage => "première langue officielle",
                G::SecondLanguage => "seconde langue officielle",
                G::Education => "études",
                G::Experience => "expérience",
                G::Age => "âge",
                G::ArrangedEmployment | G::AdaptabilityArrangedEmployment => "emploi réservé",
                G::Adaptability => "capacité d’adaptation",
                G::SpouseLanguage => "langue de l’époux ou du conjoint de fait",
                G::StudyInCanada => "études au Canada",
                G::SpouseStudyInCanada => "études au Canada de l’époux ou du conjoint de fait",
                G::WorkInCanada => "travail au Canada",
                G::SpouseWorkInCanada => "travail au Canada de l’époux ou du conjoint de fait",
                G::RelativesInCanada => "membres de la famille au Canada",
            }),
        }
    }
}

/// A set of grid factors, listed in the grid's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridFactors(u16);

impl GridFactors {
    pub fn insert(&mut self, f: GridFactor) {
        self.0 |= 1 << (f as u16);
    }
    pub fn contains(self, f: GridFactor) -> bool {
        self.0 & (1 << (f as u16)) != 0
    }
    pub fn iter(self) -> impl Iterator<Item = GridFactor> {
        GridFactor::ALL
            .into_iter()
            .filter(move |f| self.contains(*f))
    }
}

/// The grid's total against the pass mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub total: u8,
    pub max: u8,
    /// The most the total could be with facts the profile does not hold.
    pub possible: u8,
    pub pass_mark: u8,
}

/// "1 point" / "2 points"; in French 0 and 1 take the singular.
pub(crate) struct PointCount(pub(crate) u8);

impl Say for PointCount {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        match lang {
            Lang::En => write!(f, "{n} points"),
            Lang::Fr if n < 2 => write!(f, "{n} point"),
            Lang::Fr => write!(f, "{n} points"),
        }
    }
}

/// What a line of the FSW grid says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridText {
    // ---- grid lines
    FirstLanguage {
        language: Language,
        levels: LanguageLevels,
        /// Points per ability, in [`Ability::ALL`] order.
        points: [u8; 4],
    },
    NoLanguageTest,
    NoFirstLanguageResult,
    SecondLanguage {
        language: Language,
        levels: LanguageLevels,
        min: u8,
        ok: bool,
    },
    NoSecondLanguageResult,
    Education {
        level: EducationLevel,
        points: u8,
        /// A foreign credential without an ECA was left out.
        foreign_without_eca: bool,
    },
    NoEducation,
    Experience {
        years: u32,
        hours: Num,
        from: Date,
        to: Date,
        points: u8,
    },
    Age {
        age: u8,
        on: Date,
        points: u8,
    },
    Offer(Noc),
    OfferNotSkilled(Noc),
    OfferNotQualifying,
    NoOffer,

    // ---- adaptability
    /// Married or common-law, no spouse record: the item is unknown.
    SpouseUnknown(GridFactor),
    NoSpouse,
    SpouseLanguage {
        levels: LanguageLevels,
        min: u8,
        ok: bool,
    },
    SpouseNoLanguageResult,
    StudyInCanada,
    StudyWithoutCredential,
    NoStudyInCanada,
    SpouseStudyInCanada(bool),
    WorkInCanada {
        hours: Num,
        before: Date,
    },
    SpouseWorkInCanada {
        hours: Num,
    },
    ValidOffer(bool),
    Sibling,
    NoSibling,
    /// `relative_in_canada: true`.
    Relative,
    /// `relative_in_canada: false`.
    NoRelative,
    /// The items' sum against the cap.
    Adaptability {
        raw: u8,
        cap: u8,
    },
}

impl Say for GridText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            GridText::FirstLanguage {
                language,
                levels,
                points,
            } => {
                if fr {
                    write!(
                        f,
                        "{} ({}) : ",
                        Capitalized(language_name(*language, lang)),
                        language.benchmark()
                    )?;
                } else {
                    write!(f, "{language} ({}): ", language.benchmark())?;
                }
                for (i, (a, p)) in Ability::ALL.iter().zip(points).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    if fr {
                        write!(
                            f,
                            "{} {} → {p}",
                            crate::text::say::ability_name(*a, lang),
                            levels.get(*a)
                        )?;
                    } else {
                        write!(f, "{a} {} → {p}", levels.get(*a))?;
                    }
                }
                Ok(())
            }
            GridText::NoLanguageTest => f.write_str(lang.pick(
                "No language test recorded",
                "Aucun test de langue enregistré",
            )),
            GridText::NoFirstLanguageResult => f.write_str(lang.pick(
                "No valid result in a first official language",
                "Aucun résultat valide dans une première langue officielle",
            )),
            GridText::SecondLanguage {
                language,
                levels,
                min,
                ok,
            } => {
                let l = In(&Levels(*levels), lang);
                match (fr, ok) {
                    (false, true) => write!(
                        f,
                        "{language}: {l} — {min} or more in all four abilities"
                    ),
                    (false, false) => write!(
                        f,
                        "{language}: {l} — points need {min} or more in all four abilities"
                    ),
                    (true, true) => write!(
                        f,
                        "{} : {l} — {min} ou plus dans les quatre habiletés",
                        Capitalized(language_name(*language, lang))
                    ),
                    (true, false) => write!(
                        f,
                        "{} : {l} — il faut {min} ou plus dans les quatre habiletés pour obtenir des points",
                        Capitalized(language_name(*language, lang))
                    ),
                }
            }
            GridText::NoSecondLanguageResult => f.write_str(lang.pick(
                "No valid result in the other official language",
                "Aucun résultat valide dans l’autre langue officielle",
            )),
            GridText::Education {
                level,
                points,
                foreign_without_eca,
            } => {
                if fr {
                    write!(
                        f,
                        "{} : {}",
                        Capitalized(education_words(*level, lang)),
                        In(&PointCount(*points), lang)
                    )?;
                } else {
                    write!(f, "{}: {points} points", level.describe())?;
                }
                if *foreign_without_eca {
                    f.write_str(lang.pick(
                        "; a foreign credential without an Educational Credential Assessment does not count",
                        "; un diplôme étranger sans évaluation des diplômes d’études (EDE) ne compte pas",
                    ))?;
                }
                Ok(())
            }
            GridText::NoEducation => f.write_str(lang.pick(
                "No education recorded",
                "Aucun diplôme enregistré",
            )),
            GridText::Experience {
                years,
                hours,
                from,
                to,
                points,
            } => {
                let h = In(hours, lang);
                let per_year = In(&Num(u64::from(basis::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "{years} {} ({h} {}, {per_year} par année) de travail rémunéré de FEER 0 à 3 entre le {from} et le {to} : {}",
                        if *years > 1 {
                            "années complètes"
                        } else {
                            "année complète"
                        },
                        heures(*hours),
                        In(&PointCount(*points), lang)
                    )
                } else {
                    write!(
                        f,
                        "{years} full year(s) ({h} hours, {per_year} a year) of paid TEER 0–3 work between {from} and {to}: {points} points"
                    )
                }
            }
            GridText::Age { age, on, points } => {
                if fr {
                    write!(f, "{age} ans le {on} : {}", In(&PointCount(*points), lang))
                } else {
                    write!(f, "Age {age} on {on}: {points} points")
                }
            }
            GridText::Offer(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "Une offre d’emploi valide comme {noc}")
                } else {
                    write!(f, "A valid job offer as {noc}")
                }
            }
            GridText::OfferNotSkilled(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "L’offre d’emploi ({noc}) n’est pas de FEER 0, 1, 2 ou 3")
                } else {
                    write!(f, "The job offer ({noc}) is not TEER 0, 1, 2 or 3")
                }
            }
            GridText::OfferNotQualifying => f.write_str(lang.pick(
                "The job offer does not qualify: it must be full-time, non-seasonal, for at least one year and supported by an LMIA or exempt",
                "L’offre d’emploi n’est pas admissible : elle doit être à temps plein, non saisonnière, d’une durée d’au moins un an et appuyée par une EIMT ou en être dispensée",
            )),
            GridText::NoOffer => f.write_str(lang.pick("No job offer", "Aucune offre d’emploi")),

            GridText::SpouseUnknown(factor) => {
                let what = match (factor, lang) {
                    (GridFactor::SpouseLanguage, Lang::En) => "their language level",
                    (GridFactor::SpouseStudyInCanada, Lang::En) => "their study in Canada",
                    (GridFactor::SpouseWorkInCanada, Lang::En) => "their work in Canada",
                    (_, Lang::En) => "this item",
                    (GridFactor::SpouseLanguage, Lang::Fr) => "son niveau de langue est inconnu",
                    (GridFactor::SpouseStudyInCanada, Lang::Fr) => {
                        "ses études au Canada sont inconnues"
                    }
                    (GridFactor::SpouseWorkInCanada, Lang::Fr) => {
                        "son travail au Canada est inconnu"
                    }
                    (_, Lang::Fr) => "cet élément est inconnu",
                };
                if fr {
                    write!(
                        f,
                        "Renseignements sur l’époux ou le conjoint de fait non fournis : {what}"
                    )
                } else {
                    write!(f, "Spouse details not given: {what} unknown")
                }
            }
            GridText::NoSpouse => f.write_str(lang.pick(
                "No accompanying spouse or partner",
                "Aucun époux ni conjoint de fait qui vous accompagne",
            )),
            GridText::SpouseLanguage { levels, min, ok } => {
                let l = In(&Levels(*levels), lang);
                if fr {
                    write!(
                        f,
                        "Époux ou conjoint de fait, {} : {l}",
                        language_name(levels.language, lang)
                    )?;
                    if !ok {
                        write!(
                            f,
                            " (il faut CLB/NCLC {min} ou plus dans les quatre habiletés pour obtenir des points)"
                        )?;
                    }
                } else {
                    write!(f, "Spouse's {}: {l}", levels.language)?;
                    if !ok {
                        write!(
                            f,
                            " (points need CLB/NCLC {min} or more in all four abilities)"
                        )?;
                    }
                }
                Ok(())
            }
            GridText::SpouseNoLanguageResult => f.write_str(lang.pick(
                "No valid language result for your spouse",
                "Aucun résultat de test de langue valide pour votre époux ou conjoint de fait",
            )),
            GridText::StudyInCanada => f.write_str(lang.pick(
                "Two or more years of full-time study in Canada (a Canadian credential from a program of two years or more; assumes full-time study in good standing)",
                "Au moins deux années d’études à temps plein au Canada (un diplôme canadien d’un programme de deux ans ou plus; landed suppose des études à temps plein avec un dossier satisfaisant)",
            )),
            GridText::StudyWithoutCredential => f.write_str(lang.pick(
                "Study in Canada without a credential of a two-year program: two academic years of full-time study may count",
                "Études au Canada sans diplôme d’un programme de deux ans : deux années scolaires d’études à temps plein peuvent compter",
            )),
            GridText::NoStudyInCanada => f.write_str(lang.pick(
                "No two-year program of study in Canada",
                "Aucun programme d’études de deux ans au Canada",
            )),
            GridText::SpouseStudyInCanada(true) => f.write_str(lang.pick(
                "Your spouse studied two or more years full-time in Canada",
                "Votre époux ou conjoint de fait a étudié à temps plein au Canada pendant au moins deux ans",
            )),
            GridText::SpouseStudyInCanada(false) => f.write_str(lang.pick(
                "Your spouse has no two-year program of study in Canada",
                "Votre époux ou conjoint de fait n’a suivi aucun programme d’études de deux ans au Canada",
            )),
            GridText::WorkInCanada { hours, before } => {
                let h = In(hours, lang);
                let needed = In(&Num(u64::from(basis::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "{h} {} de travail autorisé de FEER 0 à 3 au Canada (il en faut {needed}; landed compte le travail effectué à tout moment avant le {before})",
                        heures(*hours)
                    )
                } else {
                    write!(
                        f,
                        "{h} hours of authorized TEER 0–3 work in Canada ({needed} needed; landed counts work at any time before {before})"
                    )
                }
            }
            GridText::SpouseWorkInCanada { hours } => {
                let h = In(hours, lang);
                let needed = In(&Num(u64::from(basis::HOURS_PER_YEAR)), lang);
                if fr {
                    write!(
                        f,
                        "Votre époux ou conjoint de fait : {h} {} de travail autorisé au Canada (il en faut {needed})",
                        heures(*hours)
                    )
                } else {
                    write!(
                        f,
                        "Your spouse: {h} hours of authorized work in Canada ({needed} needed)"
                    )
                }
            }
            GridText::ValidOffer(true) => f.write_str(lang.pick(
                "A valid job offer",
                "Une offre d’emploi valide",
            )),
            GridText::ValidOffer(false) => f.write_str(lang.pick(
                "No valid job offer",
                "Aucune offre d’emploi valide",
            )),
            GridText::Sibling => f.write_str(lang.pick(
                "A brother or sister in Canada (citizen or permanent resident, 18 or older, living in Canada)",
                "Un frère ou une sœur au Canada (citoyen ou résident permanent, âgé de 18 ans ou plus, qui vit au Canada)",
            )),
            GridText::NoSibling => f.write_str(lang.pick(
                "No brother or sister in Canada; other relatives who count (a parent, grandparent, child, grandchild, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada) are not in the profile",
                "Aucun frère ni sœur au Canada; les autres membres de la famille qui comptent (un parent, grand-parent, enfant, petit-enfant, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada) ne figurent pas dans le profil",
            )),
            GridText::Relative => f.write_str(lang.pick(
                "A relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Un membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            GridText::NoRelative => f.write_str(lang.pick(
                "No relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Aucun membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            GridText::Adaptability { raw, cap } => {
                let pts = In(&PointCount(*raw), lang);
                match (fr, raw > cap) {
                    (false, true) => write!(f, "{pts} from the items below, capped at {cap}"),
                    (false, false) => write!(f, "{pts} from the items below (at most {cap})"),
                    (true, true) => {
                        write!(f, "{pts} pour les éléments ci-dessous, plafonnés à {cap}")
                    }
                    (true, false) => {
                        write!(f, "{pts} pour les éléments ci-dessous (au plus {cap})")
                    }
                }
            }
        }
    }
}
