//! What the CEC checklist and the assessment say, in English and French side by side.

use std::fmt::{self, Write as _};

use jiff::civil::Date;

use crate::clb::{Ability, Clb, Language, LanguageLevels};
use crate::crs::levels::EducationLevel;
use crate::hours::basis::ExclusionReasons;
use crate::hours::basis::NotCounted;
use crate::language::kind::{LeftOut, TefScale, TestKind};
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

/// What the CEC checklist and the assessment say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
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

    // --- Facts: education --------------------------------------------------
    /// `education[index]` is completed after the assessment date.
    CompletedLater {
        index: usize,
        as_of: Date,
    },
    /// `education[index]` is foreign and has no ECA.
    ForeignWithoutEca {
        index: usize,
    },
    CanadianEducationConditions,
    /// `education[index]`'s length decides its level.
    LevelFromLength {
        index: usize,
        years: f64,
        level: EducationLevel,
    },

    // --- Facts: language tests (from [`crate::language::convert`]) ---------
    /// TEF Canada without `tef_scale`: the scale assumed from the test date.
    TefScaleAssumed(TefScale),
    /// A score under the lowest level the chart publishes.
    BelowChart {
        ability: Ability,
        score: f64,
        test: TestKind,
        lowest: Clb,
    },
    /// TEF Canada 0–699 scores where the Express Entry profile asks for the ancien score.
    Tef699Entered,

    // --- Assessment notes --------------------------------------------------
    /// `language_tests[index]` (`prefix`: the candidate's, else the spouse's) cannot count on `as_of`.
    TestLeftOut {
        prefix: bool,
        index: usize,
        test: TestKind,
        taken: Date,
        why: LeftOut,
        as_of: Date,
    },
    /// Both official languages tested and none declared first: the choice made, and what the other would give.
    FirstLanguageChosen {
        language: Language,
        other: Language,
        crs: Option<u16>,
        other_crs: Option<u16>,
        programs_differ: bool,
    },
    /// A job or study period that starts after the assessment date.
    RecordAfterAsOf {
        spouse: bool,
        job: bool,
        index: usize,
        start: Date,
        as_of: Date,
    },
    SpouseDetailsMissing,
    /// A self-employed physician's job decides CEC and the profile does not say whether it was publicly funded.
    PhysicianFundingUnknown,
    DeclaredLanguageUntested {
        language: Language,
        as_of: Date,
    },
    NoCrsScore,
    CrsCanadianExperienceNotSettled,
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
            CecText::CompletedLater { index, as_of } => {
                if fr {
                    write!(
                        f,
                        "education[{index}] est un diplôme obtenu après le {as_of} : il ne compte pas encore"
                    )
                } else {
                    write!(
                        f,
                        "education[{index}] is completed after {as_of} and does not count yet"
                    )
                }
            }
            CecText::ForeignWithoutEca { index } => {
                if fr {
                    write!(
                        f,
                        "education[{index}] est un diplôme étranger sans évaluation des diplômes d’études (EDE) : il ne rapporte aucun point du SCG tant qu’il n’a pas été évalué"
                    )
                } else {
                    write!(
                        f,
                        "education[{index}] is a foreign credential without an Educational Credential Assessment (ECA): it earns no CRS points until assessed"
                    )
                }
            }
            CecText::CanadianEducationConditions => f.write_str(lang.pick(
                "Canadian-education points assume the study met IRCC's conditions: in Canada, full-time for at least 8 months (unless completed between March 2020 and August 2022), not mostly ESL/FSL, and no award that required a return home",
                "Les points pour études au Canada supposent que les études remplissaient les conditions d’IRCC : au Canada, à temps plein pendant au moins 8 mois (sauf si elles ont pris fin entre mars 2020 et août 2022), pas principalement en anglais ou en français langue seconde, et sans bourse exigeant un retour au pays d’origine",
            )),
            CecText::LevelFromLength {
                index,
                years,
                level,
            } => {
                let years = In(&Score(*years), lang);
                if fr {
                    write!(
                        f,
                        "education[{index}] : la durée du programme ({years} ans) détermine le niveau retenu ({}), comme le demande l’outil du SCG",
                        crate::crs::text::education_words(*level, lang)
                    )
                } else {
                    write!(
                        f,
                        "education[{index}]: the program's length ({years} years) decides its level ({}), as the CRS tool asks",
                        level.describe()
                    )
                }
            }
            CecText::TefScaleAssumed(scale) => {
                let from = TefScale::SCORE_699_DEFAULT_FROM;
                match (scale, fr) {
                    (TefScale::Score699, false) => write!(
                        f,
                        "tef_scale not given: the scores are read as TEF Canada 0–699 scores, the default for tests taken from {from}"
                    ),
                    (TefScale::Score699, true) => write!(
                        f,
                        "tef_scale non indiqué : les résultats sont lus comme des résultats du TEF Canada sur 699, l’échelle par défaut pour les tests passés à partir du {from}"
                    ),
                    (TefScale::AncienScore, false) => write!(
                        f,
                        "tef_scale not given: the scores are read on the old TEF Canada scale (reading /300, listening /360, writing and speaking /450), the default for tests taken before {from}"
                    ),
                    (TefScale::AncienScore, true) => write!(
                        f,
                        "tef_scale non indiqué : les résultats sont lus sur l’ancienne échelle du TEF Canada (compréhension de l’écrit sur 300, compréhension de l’oral sur 360, expression écrite et expression orale sur 450), l’échelle par défaut pour les tests passés avant le {from}"
                    ),
                }
            }
            CecText::BelowChart {
                ability,
                score,
                test,
                lowest,
            } => {
                let a = ability_name(*ability, lang);
                let t = test.display_name();
                let b = test.language().benchmark();
                let score = In(&Score(*score), lang);
                if fr {
                    write!(
                        f,
                        "Le résultat en {a} ({score}) est inférieur au niveau le plus bas du tableau d’équivalence pour {t} ({b} {lowest}) : niveau 0, qui ne rapporte aucun point"
                    )
                } else {
                    write!(
                        f,
                        "{a} {score} is below the lowest level of the {t} chart ({b} {lowest}): level 0, which earns no points"
                    )
                }
            }
            CecText::Tef699Entered => f.write_str(lang.pick(
                "Express Entry profiles ask for the \"Équivalence ancien score\" values of a TEF Canada attestation; canada.ca warns that entering the /699 scores may produce an incorrect NCLC equivalency. These levels come from the 0–699 chart for the test date.",
                "Le profil Entrée express demande les valeurs « Équivalence ancien score » de l’attestation du TEF Canada; canada.ca prévient que la saisie des résultats sur 699 peut produire une équivalence NCLC erronée. Ces niveaux proviennent du tableau 0–699 en vigueur à la date du test.",
            )),
            CecText::TestLeftOut {
                prefix,
                index,
                test,
                taken,
                why,
                as_of,
            } => {
                let who = if *prefix { "" } else { "spouse." };
                let t = test.display_name();
                match (why, fr) {
                    (LeftOut::TakenLater, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: it was taken after the assessment date {as_of}"
                    ),
                    (LeftOut::TakenLater, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : il a été passé après la date de l’évaluation ({as_of})"
                    ),
                    (LeftOut::Expired { until }, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: it expired on {until} (results count for two years)"
                    ),
                    (LeftOut::Expired { until }, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : il a expiré le {until} (un résultat compte pendant deux ans)"
                    ),
                    (LeftOut::NotAcceptedYet { from }, false) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) is left out: {t} results count for Express Entry only for tests taken on or after {from}"
                    ),
                    (LeftOut::NotAcceptedYet { from }, true) => write!(
                        f,
                        "{who}language_tests[{index}] ({t}, {taken}) n’est pas pris en compte : les résultats du {t} ne comptent pour Entrée express que pour les tests passés à partir du {from}"
                    ),
                }
            }
            CecText::FirstLanguageChosen {
                language,
                other,
                crs,
                other_crs,
                programs_differ,
            } => {
                let (l, o) = (language_name(*language, lang), language_name(*other, lang));
                let score = |c: &Option<u16>| c.map_or_else(|| "—".to_string(), |c| c.to_string());
                if fr {
                    write!(
                        f,
                        "Aucune première langue officielle n’est déclarée : landed retient l’{l}, qui rend admissible au plus grand nombre de programmes, puis donne le score SCG le plus élevé ({}); avec l’{o} comme première langue, le score serait {}",
                        score(crs),
                        score(other_crs)
                    )?;
                    if *programs_differ {
                        f.write_str(" et l’admissibilité à un programme changerait")?;
                    }
                    f.write_str(". Les exigences linguistiques des programmes sont satisfaites par l’une ou l’autre langue officielle.")
                } else {
                    write!(
                        f,
                        "No first official language declared: landed uses {l}, which makes you eligible for the most programs and then gives the higher CRS ({}); with {o} as first language the CRS would be {}",
                        score(crs),
                        score(other_crs)
                    )?;
                    if *programs_differ {
                        f.write_str(" and a program's eligibility would change")?;
                    }
                    f.write_str(". The programs' language minimums are met by either official language.")
                }
            }
            CecText::RecordAfterAsOf {
                spouse,
                job,
                index,
                start,
                as_of,
            } => {
                let who = if *spouse { "spouse." } else { "" };
                let field = if *job { "work_history" } else { "study_periods" };
                if fr {
                    write!(
                        f,
                        "{who}{field}[{index}] commence le {start}, après la date de l’évaluation ({as_of}) : il n’est pas pris en compte à cette date"
                    )
                } else {
                    write!(
                        f,
                        "{who}{field}[{index}] starts on {start}, after the assessment date {as_of}: it does not count on that date"
                    )
                }
            }
            CecText::PhysicianFundingUnknown => f.write_str(lang.pick(
                "Your self-employed work as a physician decides the work requirement. Under a temporary public policy on the CEC page, a physician's self-employed work providing publicly funded services (for example fee-for-service billing to a provincial health plan) counts as Canadian work experience (for invitations from 2023-04-25). Say whether it was publicly funded (publicly_funded) to settle the answer.",
                "Votre travail autonome de médecin décide de l’exigence d’expérience. Selon une politique d’intérêt public temporaire décrite sur la page de la CEC, le travail autonome d’un médecin qui fournit des services financés par l’État (par exemple la rémunération à l’acte par un régime provincial d’assurance maladie) compte comme expérience de travail canadienne (pour les invitations à partir du 2023-04-25). Indiquez s’il était financé par l’État (publicly_funded) pour trancher.",
            )),
            CecText::SpouseDetailsMissing => f.write_str(lang.pick(
                "Married or common-law with no spouse details: scored with the 'with an accompanying spouse or partner' columns (age, education, languages and Canadian experience) and no spouse factors, because a spouse or partner is counted as accompanying unless you say otherwise (the lower score, so the CRS is never overstated). Add the spouse's details, or say they are not accompanying or are a Canadian citizen or PR (then the 'without a spouse' columns apply).",
                "Vous êtes marié ou en union de fait, mais aucun renseignement sur votre époux ou conjoint de fait n’est donné : les points sont calculés selon les colonnes « avec époux ou conjoint de fait qui vous accompagne » (âge, études, langues et expérience canadienne), sans les facteurs liés à l’époux ou conjoint de fait, car il est compté comme vous accompagnant à moins que vous n’indiquiez le contraire (le score le plus bas, pour ne jamais le surestimer). Ajoutez ses renseignements, ou indiquez qu’il ne vous accompagne pas ou qu’il est citoyen canadien ou résident permanent (les colonnes « sans époux ni conjoint de fait » s’appliquent alors).",
            )),
            CecText::DeclaredLanguageUntested { language, as_of } => {
                if fr {
                    let the = match language {
                        Language::English => "L’anglais",
                        Language::French => "Le français",
                    };
                    write!(
                        f,
                        "{the} est déclaré comme première langue officielle, mais aucun résultat de test valide dans cette langue n’existe le {as_of}"
                    )
                } else {
                    write!(
                        f,
                        "{language} is declared as first official language but has no valid test result on {as_of}"
                    )
                }
            }
            CecText::NoCrsScore => f.write_str(lang.pick(
                "No CRS score: it needs a valid language test result (less than two years old on the assessment date)",
                "Aucune note du SCG : il faut un résultat de test de langue valide (datant de moins de deux ans à la date de l’évaluation)",
            )),
            CecText::CrsCanadianExperienceNotSettled => f.write_str(lang.pick(
                "CRS Canadian experience leaves out work while a full-time student, self-employment and unauthorized work, as for CEC eligibility; whether IRCC counts such work for CRS points is not settled",
                "L’expérience canadienne du SCG exclut le travail effectué pendant des études à temps plein, le travail autonome et le travail non autorisé, comme pour l’admissibilité à la CEC; la question de savoir si IRCC compte ce travail pour les points du SCG n’est pas tranchée",
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

/// A test score as reported: `3.5` / `3,5` (French decimal comma).
struct Score(f64);

impl Say for Score {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En => write!(f, "{}", self.0),
            Lang::Fr => write!(DecimalComma(f), "{}", self.0),
        }
    }
}

/// Writes through, with `.` as `,`.
struct DecimalComma<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for DecimalComma<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            self.0.write_char(if c == '.' { ',' } else { c })?;
        }
        Ok(())
    }
}
