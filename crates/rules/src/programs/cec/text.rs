//! What the CEC checklist says, in English and French side by side (what the
//! assessment says about the records is in `assess/text.rs`).

use std::fmt;

use jiff::civil::Date;

use crate::clb::{Ability, LanguageLevels};
use crate::hours::basis::ExclusionReasons;
use crate::hours::basis::NotCounted;
use crate::language::kind::TestKind;
use crate::profile::kinds::Province;
use crate::text::say::{In, Lang, Levels, Num, Say, ability_name, hours_num, language_name};

use super::minimums::CecMinimums;

/// Why the CEC language requirement is the level it is: the TEER of the qualifying work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageBasis {
    /// No qualifying work yet: the TEER 0 or 1 level (7), or the TEER 2 or 3 level (5).
    NoQualifyingWork,
    /// All TEER 2 or 3: the TEER 2 or 3 level (CLB 5).
    Teer23,
    /// Mixed, and the TEER 2 or 3 work alone reaches the hours (1,560): the TEER 2 or 3 level.
    MixedTeer23Alone,
    /// Mixed, and TEER 0 or 1 work is needed to reach the hours: the TEER 0 or 1 level.
    MixedTeer01Needed,
    /// All TEER 0 or 1: the TEER 0 or 1 level (CLB 7).
    Teer01,
}

impl LanguageBasis {
    /// The level needed in all four abilities under `min` (`cec_minimums.toml`);
    /// `None` before any qualifying work.
    pub fn needed(self, min: &CecMinimums) -> Option<u8> {
        match self {
            LanguageBasis::NoQualifyingWork => None,
            LanguageBasis::Teer23 | LanguageBasis::MixedTeer23Alone => Some(min.clb_teer_2_3),
            LanguageBasis::MixedTeer01Needed | LanguageBasis::Teer01 => Some(min.clb_teer_0_1),
        }
    }
}

/// What the CEC checklist says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CecText {
    // --- The CEC checklist -------------------------------------------------
    /// Qualifying hours in the window (`recorded`: any work entered at all),
    /// what was not counted, and the day the `needed` hours would be reached.
    WorkExperience {
        recorded: bool,
        hours: f64,
        from: Date,
        to: Date,
        not_counted: ExclusionReasons,
        reaches_on: Option<Date>,
        needed: u32,
    },
    /// The first official language's valid result against the level the work needs.
    LanguageLevel {
        basis: LanguageBasis,
        levels: LanguageLevels,
        min: CecMinimums,
    },
    NoValidLanguageTest,
    NoLanguageTest {
        min: CecMinimums,
    },
    TestValid {
        test: TestKind,
        taken: Date,
        until: Date,
    },
    TestAfterAssessmentDate {
        test: TestKind,
        taken: Date,
        as_of: Date,
    },
    TestExpired {
        test: TestKind,
        taken: Date,
        until: Date,
    },
    NoTestResult,
    Quebec,
    OutsideQuebec(Province),
    ProvinceMissing,
    NoEducationRequirement,

    // --- CEC notes ---------------------------------------------------------
    /// Mixed TEER 0/1 and 2/3 work: the TEER 2/3 level when that work alone reaches the hours, else the TEER 0/1 level.
    MixedTeer {
        teer23_alone: bool,
        min: CecMinimums,
    },

    // --- CEC notes (the assessment's) ---------------------------------------
    /// A self-employed physician's job decides CEC and the profile does not say whether it was publicly funded.
    PhysicianFundingUnknown,
}

impl Say for CecText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            CecText::WorkExperience {
                recorded,
                hours,
                from,
                to,
                not_counted,
                reaches_on,
                needed,
            } => {
                let year = In(&Num(u64::from(*needed)), lang);
                match (recorded, fr) {
                    (false, false) => write!(
                        f,
                        "No work recorded; CEC needs {year} hours of skilled work in Canada between {from} and {to}"
                    )?,
                    (false, true) => write!(
                        f,
                        "Aucun emploi enregistré; la CEC exige {year} heures de travail qualifié au Canada entre le {from} et le {to}"
                    )?,
                    (true, false) => write!(
                        f,
                        "{} qualifying hours in Canada between {from} and {to} ({year} needed)",
                        In(&hours_num(*hours), lang)
                    )?,
                    (true, true) => {
                        let h = hours_num(*hours);
                        let (heures, admissibles) = if h.0 < 2 {
                            ("heure", "admissible")
                        } else {
                            ("heures", "admissibles")
                        };
                        write!(
                            f,
                            "{} {heures} de travail qualifié {admissibles} au Canada entre le {from} et le {to} ({year} requises)",
                            In(&h, lang)
                        )?
                    }
                }
                NotCounted(*not_counted).say(lang, f)?;
                match reaches_on {
                    Some(day) if fr => write!(
                        f,
                        "; si vous continuez à travailler le même nombre d’heures, vous atteindrez {year} heures le {day}"
                    ),
                    Some(day) => write!(
                        f,
                        "; if your current work continues at the same hours, you reach {year} hours on {day}"
                    ),
                    None => Ok(()),
                }
            }
            CecText::LanguageLevel { basis, levels, min } => {
                let name = language_name(levels.language, lang);
                let result = In(&Levels(*levels), lang);
                let (teer01, teer23) = (min.clb_teer_0_1, min.clb_teer_2_3);
                let hours = In(&Num(u64::from(min.experience_hours)), lang);
                let Some(level) = basis.needed(min) else {
                    return if fr {
                        write!(
                            f,
                            "Aucun travail admissible pour l’instant : il faut CLB/NCLC {teer01} pour un travail de FEER 0 ou 1 et CLB/NCLC {teer23} pour un travail de FEER 2 ou 3; votre résultat en {name} est {result}"
                        )
                    } else {
                        write!(
                            f,
                            "no qualifying work yet: CLB {teer01} is needed for TEER 0 or 1 work, CLB {teer23} for TEER 2 or 3; your {name} result is {result}"
                        )
                    };
                };
                let b = levels.language.benchmark();
                let min = levels.min_scored();
                let weakest = Weakest(*levels);
                if fr {
                    write!(f, "Il faut {b} {level} dans les quatre habiletés, car ")?;
                    match basis {
                        LanguageBasis::Teer23 => {
                            f.write_str("le travail admissible relève de la FEER 2 ou 3")?
                        }
                        LanguageBasis::MixedTeer23Alone => write!(
                            f,
                            "le travail de FEER 2 ou 3 atteint à lui seul {hours} heures (FEER mixtes : règle non établie)"
                        )?,
                        LanguageBasis::MixedTeer01Needed => write!(
                            f,
                            "le travail de FEER 0 ou 1 est nécessaire pour atteindre {hours} heures (FEER mixtes : règle non établie)"
                        )?,
                        LanguageBasis::Teer01 | LanguageBasis::NoQualifyingWork => {
                            f.write_str("le travail admissible relève de la FEER 0 ou 1")?
                        }
                    }
                    write!(f, "; votre résultat en {name} est {result} ")?;
                    if weakest.count() == Ability::ALL.len() {
                        write!(f, "(les quatre habiletés sont à {min})")
                    } else {
                        write!(
                            f,
                            "(niveau le plus faible : {}, à {min})",
                            In(&weakest, lang)
                        )
                    }
                } else {
                    write!(f, "{b} {level} needed in all four abilities because ")?;
                    match basis {
                        LanguageBasis::Teer23 => f.write_str("the qualifying work is TEER 2 or 3")?,
                        LanguageBasis::MixedTeer23Alone => write!(
                            f,
                            "the TEER 2 or 3 work alone reaches {hours} hours (mixed TEER: not settled)"
                        )?,
                        LanguageBasis::MixedTeer01Needed => write!(
                            f,
                            "TEER 0 or 1 work is needed to reach {hours} hours (mixed TEER: not settled)"
                        )?,
                        LanguageBasis::Teer01 | LanguageBasis::NoQualifyingWork => {
                            f.write_str("the qualifying work is TEER 0 or 1")?
                        }
                    }
                    write!(
                        f,
                        "; your {name} result is {result} (lowest: {} at {min})",
                        In(&weakest, lang)
                    )
                }
            }
            CecText::NoValidLanguageTest => f.write_str(lang.pick(
                "No valid language test result on the assessment date (results count for two years from the test date)",
                "Aucun résultat de test de langue valide à la date de l’évaluation (un résultat compte pendant deux ans à partir de la date du test)",
            )),
            CecText::NoLanguageTest { min } => {
                let (teer01, teer23) = (min.clb_teer_0_1, min.clb_teer_2_3);
                if fr {
                    write!(
                        f,
                        "Aucun test de langue enregistré; la CEC exige CLB/NCLC {teer01} dans les quatre habiletés pour un travail de FEER 0 ou 1, ou {teer23} pour un travail de FEER 2 ou 3"
                    )
                } else {
                    write!(
                        f,
                        "No language test recorded; CEC needs CLB/NCLC {teer01} in all four abilities for TEER 0 or 1 work, or {teer23} for TEER 2 or 3"
                    )
                }
            }
            CecText::TestValid { test, taken, until } => {
                let t = test.display_name();
                if fr {
                    write!(f, "Le test {t} passé le {taken} est valide jusqu’au {until}")
                } else {
                    write!(f, "{t} taken {taken} is valid until {until}")
                }
            }
            CecText::TestAfterAssessmentDate { test, taken, as_of } => {
                let t = test.display_name();
                if fr {
                    write!(
                        f,
                        "Le test {t} passé le {taken} est postérieur à la date de l’évaluation ({as_of})"
                    )
                } else {
                    write!(f, "{t} taken {taken} is after the assessment date {as_of}")
                }
            }
            CecText::TestExpired {
                test,
                taken,
                until,
            } => {
                let t = test.display_name();
                if fr {
                    write!(
                        f,
                        "Le test {t} passé le {taken} a expiré le {until} : un résultat compte pendant deux ans"
                    )
                } else {
                    write!(
                        f,
                        "{t} taken {taken} expired on {until}: results count for two years"
                    )
                }
            }
            CecText::NoTestResult => f.write_str(lang.pick(
                "No language test result recorded",
                "Aucun résultat de test de langue enregistré",
            )),
            CecText::Quebec => f.write_str(lang.pick(
                "You plan to live in Quebec: Quebec selects its own skilled workers; see the Quebec Experience Class (PEQ) instead",
                "Vous prévoyez vivre au Québec : le Québec sélectionne ses propres travailleurs qualifiés; voyez plutôt le Programme de l’expérience québécoise (PEQ)",
            )),
            CecText::OutsideQuebec(p) => {
                if fr {
                    write!(f, "Vous prévoyez vivre en dehors du Québec ({})", p.as_str())
                } else {
                    write!(f, "You plan to live in {} (outside Quebec)", p.as_str())
                }
            }
            CecText::ProvinceMissing => f.write_str(lang.pick(
                "Intended province not given: CEC requires you to plan to live outside Quebec",
                "Province de destination non indiquée : la CEC exige que vous prévoyiez vivre en dehors du Québec",
            )),
            CecText::NoEducationRequirement => f.write_str(lang.pick(
                "There is no education requirement for the Canadian Experience Class",
                "Il n’y a aucune exigence en matière d’études pour la catégorie de l’expérience canadienne (CEC)",
            )),
            CecText::MixedTeer { teer23_alone, min } => {
                let hours = In(&Num(u64::from(min.experience_hours)), lang);
                let (teer01, teer23) = (min.clb_teer_0_1, min.clb_teer_2_3);
                match (teer23_alone, fr) {
                    (true, false) => write!(
                        f,
                        "Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB {teer23} because the TEER 2/3 work alone reaches {hours} hours."
                    ),
                    (true, true) => write!(
                        f,
                        "Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC {teer23}, car le travail de FEER 2 ou 3 atteint à lui seul {hours} heures."
                    ),
                    (false, false) => write!(
                        f,
                        "Your qualifying work mixes TEER 0/1 and TEER 2/3 occupations. IRCC's rule for mixed TEER levels is not settled; landed applies CLB {teer01} because TEER 0/1 work is needed to reach {hours} hours."
                    ),
                    (false, true) => write!(
                        f,
                        "Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC {teer01}, car du travail de FEER 0 ou 1 est nécessaire pour atteindre {hours} heures."
                    ),
                }
            }
            CecText::PhysicianFundingUnknown => f.write_str(lang.pick(
                "Your self-employed work as a physician decides the work requirement. Under a temporary public policy on the CEC page, a physician's self-employed work providing publicly funded services (for example fee-for-service billing to a provincial health plan) counts as Canadian work experience (for invitations from 2023-04-25). Say whether it was publicly funded (publicly_funded) to settle the answer.",
                "Votre travail autonome de médecin décide de l’exigence d’expérience. Selon une politique d’intérêt public temporaire décrite sur la page de la CEC, le travail autonome d’un médecin qui fournit des services financés par l’État (par exemple la rémunération à l’acte par un régime provincial d’assurance maladie) compte comme expérience de travail canadienne (pour les invitations à partir du 2023-04-25). Indiquez s’il était financé par l’État (publicly_funded) pour trancher.",
            )),
        }
    }
}

/// The abilities at the lowest level: "reading and writing" (English keeps
/// "a and b and c"), "compréhension de l’écrit et expression écrite".
struct Weakest(LanguageLevels);

impl Weakest {
    fn abilities(&self) -> impl Iterator<Item = Ability> + '_ {
        let min = self.0.min_scored();
        Ability::ALL
            .into_iter()
            .filter(move |a| self.0.get(*a).scored() == min)
    }
    fn count(&self) -> usize {
        self.abilities().count()
    }
}

impl Say for Weakest {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.count();
        for (i, a) in self.abilities().enumerate() {
            if i > 0 {
                f.write_str(match lang {
                    Lang::En => " and ",
                    Lang::Fr if i + 1 == count => " et ",
                    Lang::Fr => ", ",
                })?;
            }
            f.write_str(ability_name(a, lang))?;
        }
        Ok(())
    }
}
