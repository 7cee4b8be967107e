//! What the FSW checks say (the minimum requirements, the grid's total, the
//! notes), in English and French side by side; the grid's lines are in `grid_text.rs`.

use crate::crs::levels::EducationLevel;
use crate::crs::text::education_words;
use crate::hours::basis::ExclusionReasons;
use crate::hours::basis::NotCounted;
use crate::noc::Noc;
use crate::programs::funds::text::FundsText;
use crate::programs::text::{STUDENT_WORK_HREF, STUDENT_WORK_TITLE};

use super::grid_text::{GridFactors, PointCount, Score};
use crate::text::say::{In, Lang, NocLabel, Num, Say, Window, heures};
use jiff::civil::Date;
use std::fmt;

/// What the FSW checks say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
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

    /// The continuous year spans gaps of only weekends or holidays.
    ContinuityBridged {
        days: u32,
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
        }
    }
}
