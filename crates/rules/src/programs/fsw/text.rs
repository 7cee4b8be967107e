//! What the FSW checks and grid say, in English and French side by side.

use crate::clb::{Ability, Language, LanguageLevels};
use crate::crs::levels::EducationLevel;
use crate::crs::text::education_words;
use crate::hours::basis::NotCounted;
use crate::hours::basis::{self, ExclusionReasons};
use crate::noc::Noc;
use crate::programs::funds::text::FundsText;
use crate::programs::text::{STUDENT_WORK_HREF, STUDENT_WORK_TITLE};
use crate::text::say::{
    Capitalized, In, Lang, Levels, NocLabel, Num, Say, Window, heures, language_name,
};
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
pub(crate) struct PointCount(u8);

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

/// What the FSW checks and grid say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FswText {
    // ---- minimum requirements
    /// A continuous year in one occupation; `run`: the period it covers.
    WorkMet {
        hours: Num,
        noc: Noc,
        run: Option<(Date, Date)>,
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    /// The longest continuous period, too short; `total`: all hours in that occupation.
    WorkShort {
        longest: Num,
        noc: Noc,
        run: Option<(Date, Date)>,
        total: Num,
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    WorkNone {
        window: Window,
        needed: Num,
        not_counted: ExclusionReasons,
    },
    EducationMet(EducationLevel),
    EducationNone,
    EducationWithoutEca,
    EducationBelowSecondary,
    /// At or above the pass mark, or below it with nothing unknown.
    GridScore(Score),
    /// Below the pass mark even with the unknown facts.
    GridBelow(Score),
    /// Below the pass mark unless facts the profile does not hold (`missing`) count.
    GridOpen {
        score: Score,
        missing: GridFactors,
    },
    /// No FSW rules in force on `as_of`.
    NotCovered {
        as_of: Date,
        earliest: Date,
    },
    /// Proof of funds.
    Funds(FundsText),

    // ---- notes
    GapNote,
    SelfEmployedNote,
    UnauthorizedNote,
    StudentWorkNote,
    DutiesNote,
    EcaAgeNote,
    /// The ECA of credential `index` (issued on `issued_on`) is `years` or more years old.
    EcaExpired {
        index: usize,
        issued_on: Date,
        years: i16,
    },
    AgeNote,

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
    /// The continuous year spans gaps of only weekends or holidays.
    ContinuityBridged {
        days: u32,
    },
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

impl Say for FswText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            FswText::WorkMet {
                hours,
                noc,
                run,
                window,
                needed,
                not_counted,
            } => {
                let (h, noc, teer) = (In(hours, lang), In(&NocLabel(*noc), lang), noc.teer().level());
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "{h} {} de travail rémunéré continu comme {noc} (FEER {teer})",
                        heures(*hours)
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, " du {from} au {to}")?;
                    }
                    write!(
                        f,
                        " {window} (il en faut {needed} dans une même profession, sans interruption)"
                    )?;
                } else {
                    write!(f, "{h} hours of continuous paid work as {noc} (TEER {teer})")?;
                    if let Some((from, to)) = run {
                        write!(f, " from {from} to {to}")?;
                    }
                    write!(
                        f,
                        " {window} ({needed} needed in one occupation, without a gap)"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::WorkShort {
                longest,
                noc,
                run,
                total,
                window,
                needed,
                not_counted,
            } => {
                let (h, noc, all) = (
                    In(longest, lang),
                    In(&NocLabel(*noc), lang),
                    In(total, lang),
                );
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "Votre plus longue période continue dans une même profession de FEER 0 à 3 est de {h} {} comme {noc}",
                        heures(*longest)
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, ", du {from} au {to}")?;
                    }
                    write!(
                        f,
                        " ({all} {} dans cette profession en tout); le PTQF exige {needed} heures de travail continu dans une même profession {window}",
                        heures(*total)
                    )?;
                } else {
                    write!(
                        f,
                        "Your longest continuous period in one TEER 0–3 occupation is {h} hours as {noc}"
                    )?;
                    if let Some((from, to)) = run {
                        write!(f, ", from {from} to {to}")?;
                    }
                    write!(
                        f,
                        " ({all} hours in that occupation in all); FSW needs {needed} hours of continuous work in one occupation {window}"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::WorkNone {
                window,
                needed,
                not_counted,
            } => {
                let (window, needed) = (In(window, lang), In(needed, lang));
                if fr {
                    write!(
                        f,
                        "Aucun travail rémunéré de FEER 0, 1, 2 ou 3 {window}; le PTQF exige {needed} heures de travail continu dans une même profession"
                    )?;
                } else {
                    write!(
                        f,
                        "No paid TEER 0, 1, 2 or 3 work {window}; FSW needs {needed} hours of continuous work in one occupation"
                    )?;
                }
                NotCounted(*not_counted).say(lang, f)
            }
            FswText::EducationMet(level) => {
                if fr {
                    write!(
                        f,
                        "Vos études comptent ({}) : un diplôme canadien, ou un diplôme étranger accompagné d’une évaluation des diplômes d’études (EDE); le PTQF exige des études secondaires ou plus",
                        education_words(*level, lang)
                    )
                } else {
                    write!(
                        f,
                        "Your {} counts (a Canadian credential, or a foreign one with an Educational Credential Assessment); FSW needs secondary education or higher",
                        level.describe()
                    )
                }
            }
            FswText::EducationNone => f.write_str(lang.pick(
                "No education recorded; FSW needs secondary education or higher (a foreign credential needs an Educational Credential Assessment)",
                "Aucun diplôme enregistré; le PTQF exige des études secondaires ou plus (un diplôme étranger doit faire l’objet d’une évaluation des diplômes d’études (EDE))",
            )),
            FswText::EducationWithoutEca => f.write_str(lang.pick(
                "Your foreign credential does not count without an Educational Credential Assessment (ECA); FSW needs secondary education or higher",
                "Votre diplôme étranger ne compte pas sans évaluation des diplômes d’études (EDE); le PTQF exige des études secondaires ou plus",
            )),
            FswText::EducationBelowSecondary => f.write_str(lang.pick(
                "FSW needs secondary education or higher; the profile shows less than secondary school",
                "Le PTQF exige des études secondaires ou plus; le profil indique des études secondaires non terminées",
            )),
            FswText::GridScore(s) => {
                if fr {
                    write!(
                        f,
                        "{} sur {}; la note de passage est de {}",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.pass_mark
                    )
                } else {
                    write!(
                        f,
                        "{} of {} points; the pass mark is {}",
                        s.total, s.max, s.pass_mark
                    )
                }
            }
            FswText::GridBelow(s) => {
                if fr {
                    write!(
                        f,
                        "{} sur {} (au plus {} avec des renseignements qui ne figurent pas dans le profil); la note de passage est de {}",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.possible,
                        s.pass_mark
                    )
                } else {
                    write!(
                        f,
                        "{} of {} points (at most {} with facts the profile does not hold); the pass mark is {}",
                        s.total, s.max, s.possible, s.pass_mark
                    )
                }
            }
            FswText::GridOpen { score: s, missing } => {
                if fr {
                    write!(
                        f,
                        "{} sur {} selon le profil, jusqu’à {} avec des renseignements qui n’y figurent pas (",
                        In(&PointCount(s.total), lang),
                        s.max,
                        s.possible
                    )?;
                } else {
                    write!(
                        f,
                        "{} of {} points from what the profile says, up to {} with facts it does not hold (",
                        s.total, s.max, s.possible
                    )?;
                }
                for (i, factor) in missing.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    factor.say(lang, f)?;
                }
                if fr {
                    write!(f, "); la note de passage est de {}", s.pass_mark)
                } else {
                    write!(f, "); the pass mark is {}", s.pass_mark)
                }
            }
            FswText::NotCovered { as_of, earliest } => {
                if fr {
                    write!(
                        f,
                        "landed n’a pas de règles du PTQF pour le {as_of} : la première date qu’il couvre est le {earliest}"
                    )
                } else {
                    write!(
                        f,
                        "landed has no FSW rules for {as_of}: the earliest date it covers is {earliest}"
                    )
                }
            }
            FswText::Funds(m) => m.say(lang, f),

            FswText::GapNote => f.write_str(lang.pick(
                "You have enough hours in one occupation but not without a gap: FSW's year must be continuous. landed ends a continuous period at any working day without work in that occupation, including a short gap between two employers (a gap of only weekends or federal holidays does not break it); how IRCC treats short gaps is not settled",
                "Vous avez assez d’heures dans une même profession, mais pas sans interruption : l’année exigée par le PTQF doit être continue. landed met fin à une période continue à tout jour ouvrable sans travail dans cette profession, y compris une courte interruption entre deux employeurs (une interruption faite seulement de fins de semaine ou de jours fériés fédéraux ne l’interrompt pas); la façon dont IRCC traite les courtes interruptions n’est pas établie",
            )),
            FswText::SelfEmployedNote => f.write_str(lang.pick(
                "FSW: landed counts self-employment, which neither IRPR s.75 nor the FSW page excludes; some practitioners say self-employment in Canada does not count. Not settled",
                "PTQF : landed compte le travail autonome, que n’excluent ni l’article 75 du RIPR ni la page du PTQF; selon certains praticiens, le travail autonome au Canada ne compte pas. Non établi",
            )),
            FswText::UnauthorizedNote => f.write_str(lang.pick(
                "FSW: landed does not count work in Canada without authorization; the FSW rules do not say so in words (CEC's do, IRPR s.87.1(3)). Not settled",
                "PTQF : landed ne compte pas le travail au Canada sans autorisation; les règles du PTQF ne le disent pas expressément (celles de la CEC le disent, RIPR, par. 87.1(3)). Non établi",
            )),
            FswText::StudentWorkNote => {
                if fr {
                    write!(
                        f,
                        "Le PTQF compte le travail rémunéré effectué pendant les études, stages coopératifs compris, s’il respecte les autres règles ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
                    )
                } else {
                    write!(
                        f,
                        "FSW counts paid work done while studying, co-op terms included, if it meets the other rules ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
                    )
                }
            }
            FswText::DutiesNote => f.write_str(lang.pick(
                "FSW also needs you to have performed the lead statement and most main duties, including all essential duties, of your primary occupation's NOC description (IRPR s.75(2)(b)–(c)): landed cannot check this",
                "Le PTQF exige aussi que vous ayez accompli les actions décrites dans l’énoncé principal et la plupart des fonctions principales, y compris toutes les fonctions essentielles, de la description de votre profession principale dans la CNP (RIPR, al. 75(2)b) et c)) : landed ne peut pas le vérifier",
            )),
            FswText::EcaAgeNote => f.write_str(lang.pick(
                "An Educational Credential Assessment must be less than 5 years old when you apply (MI s.3(4)); the profile does not record its date",
                "Une évaluation des diplômes d’études (EDE) doit dater de moins de 5 ans au moment de la demande (IM, par. 3(4)); le profil n’en indique pas la date",
            )),
            FswText::EcaExpired {
                index,
                issued_on,
                years,
            } => {
                if fr {
                    write!(
                        f,
                        "L’évaluation des diplômes d’études (EDE) du diplôme {} (délivrée le {}) a {years} ans ou plus à la date de l’évaluation : le PTQF la traite comme absente, pour l’exigence d’études et les points d’études (une EDE doit dater de moins de {years} ans, IM, par. 3(4))",
                        index + 1,
                        issued_on
                    )
                } else {
                    write!(
                        f,
                        "The Educational Credential Assessment (ECA) of credential {} (issued on {}) is {years} or more years old on the assessment date: FSW treats it as missing, for the education requirement and the education points (an ECA must be less than {years} years old, MI s.3(4))",
                        index + 1,
                        issued_on
                    )
                }
            }
            FswText::AgeNote => f.write_str(lang.pick(
                "FSW age points count your age on the day IRCC receives your application; landed uses the assessment date",
                "Les points du PTQF pour l’âge tiennent compte de votre âge le jour où IRCC reçoit votre demande; landed utilise la date de l’évaluation",
            )),

            FswText::FirstLanguage {
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
            FswText::NoLanguageTest => f.write_str(lang.pick(
                "No language test recorded",
                "Aucun test de langue enregistré",
            )),
            FswText::NoFirstLanguageResult => f.write_str(lang.pick(
                "No valid result in a first official language",
                "Aucun résultat valide dans une première langue officielle",
            )),
            FswText::SecondLanguage {
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
            FswText::NoSecondLanguageResult => f.write_str(lang.pick(
                "No valid result in the other official language",
                "Aucun résultat valide dans l’autre langue officielle",
            )),
            FswText::Education {
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
            FswText::NoEducation => f.write_str(lang.pick(
                "No education recorded",
                "Aucun diplôme enregistré",
            )),
            FswText::Experience {
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
            FswText::Age { age, on, points } => {
                if fr {
                    write!(f, "{age} ans le {on} : {}", In(&PointCount(*points), lang))
                } else {
                    write!(f, "Age {age} on {on}: {points} points")
                }
            }
            FswText::Offer(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "Une offre d’emploi valide comme {noc}")
                } else {
                    write!(f, "A valid job offer as {noc}")
                }
            }
            FswText::OfferNotSkilled(noc) => {
                let noc = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "L’offre d’emploi ({noc}) n’est pas de FEER 0, 1, 2 ou 3")
                } else {
                    write!(f, "The job offer ({noc}) is not TEER 0, 1, 2 or 3")
                }
            }
            FswText::OfferNotQualifying => f.write_str(lang.pick(
                "The job offer does not qualify: it must be full-time, non-seasonal, for at least one year and supported by an LMIA or exempt",
                "L’offre d’emploi n’est pas admissible : elle doit être à temps plein, non saisonnière, d’une durée d’au moins un an et appuyée par une EIMT ou en être dispensée",
            )),
            FswText::NoOffer => f.write_str(lang.pick("No job offer", "Aucune offre d’emploi")),

            FswText::SpouseUnknown(factor) => {
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
            FswText::NoSpouse => f.write_str(lang.pick(
                "No accompanying spouse or partner",
                "Aucun époux ni conjoint de fait qui vous accompagne",
            )),
            FswText::SpouseLanguage { levels, min, ok } => {
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
            FswText::SpouseNoLanguageResult => f.write_str(lang.pick(
                "No valid language result for your spouse",
                "Aucun résultat de test de langue valide pour votre époux ou conjoint de fait",
            )),
            FswText::StudyInCanada => f.write_str(lang.pick(
                "Two or more years of full-time study in Canada (a Canadian credential from a program of two years or more; assumes full-time study in good standing)",
                "Au moins deux années d’études à temps plein au Canada (un diplôme canadien d’un programme de deux ans ou plus; landed suppose des études à temps plein avec un dossier satisfaisant)",
            )),
            FswText::StudyWithoutCredential => f.write_str(lang.pick(
                "Study in Canada without a credential of a two-year program: two academic years of full-time study may count",
                "Études au Canada sans diplôme d’un programme de deux ans : deux années scolaires d’études à temps plein peuvent compter",
            )),
            FswText::NoStudyInCanada => f.write_str(lang.pick(
                "No two-year program of study in Canada",
                "Aucun programme d’études de deux ans au Canada",
            )),
            FswText::SpouseStudyInCanada(true) => f.write_str(lang.pick(
                "Your spouse studied two or more years full-time in Canada",
                "Votre époux ou conjoint de fait a étudié à temps plein au Canada pendant au moins deux ans",
            )),
            FswText::SpouseStudyInCanada(false) => f.write_str(lang.pick(
                "Your spouse has no two-year program of study in Canada",
                "Votre époux ou conjoint de fait n’a suivi aucun programme d’études de deux ans au Canada",
            )),
            FswText::WorkInCanada { hours, before } => {
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
            FswText::SpouseWorkInCanada { hours } => {
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
            FswText::ValidOffer(true) => f.write_str(lang.pick(
                "A valid job offer",
                "Une offre d’emploi valide",
            )),
            FswText::ValidOffer(false) => f.write_str(lang.pick(
                "No valid job offer",
                "Aucune offre d’emploi valide",
            )),
            FswText::Sibling => f.write_str(lang.pick(
                "A brother or sister in Canada (citizen or permanent resident, 18 or older, living in Canada)",
                "Un frère ou une sœur au Canada (citoyen ou résident permanent, âgé de 18 ans ou plus, qui vit au Canada)",
            )),
            FswText::NoSibling => f.write_str(lang.pick(
                "No brother or sister in Canada; other relatives who count (a parent, grandparent, child, grandchild, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada) are not in the profile",
                "Aucun frère ni sœur au Canada; les autres membres de la famille qui comptent (un parent, grand-parent, enfant, petit-enfant, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada) ne figurent pas dans le profil",
            )),
            FswText::ContinuityBridged { days } => {
                if lang == Lang::Fr {
                    write!(
                        f,
                        "L’année continue comprend {days} jour(s) sans emploi entre deux emplois de la même profession, tous des fins de semaine ou des jours fériés fédéraux (Code canadien du travail, art. 166) : landed ne les considère pas comme une interruption. Le RIPR et la page du PTQF ne définissent pas l’interruption; c’est la lecture des praticiens, non une règle publiée."
                    )
                } else {
                    write!(
                        f,
                        "The continuous year includes {days} day(s) between two jobs in the same occupation, all weekends or federal holidays (Canada Labour Code s.166): landed does not count them as a break. IRPR s.75 and the FSW page do not define a break; this is practitioners' reading, not a published rule."
                    )
                }
            }
            FswText::Relative => f.write_str(lang.pick(
                "A relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Un membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            FswText::NoRelative => f.write_str(lang.pick(
                "No relative in Canada who counts (a parent, grandparent, child, grandchild, brother, sister, aunt, uncle, niece or nephew of you or your spouse, 18 or older, a citizen or PR living in Canada)",
                "Aucun membre de la famille au Canada qui compte (un parent, grand-parent, enfant, petit-enfant, frère, sœur, oncle, tante, neveu ou nièce de vous-même ou de votre époux ou conjoint de fait, âgé de 18 ans ou plus, citoyen ou résident permanent vivant au Canada)",
            )),
            FswText::Adaptability { raw, cap } => {
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
