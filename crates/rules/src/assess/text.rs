//! What the assessment says about the records it reads (education, language
//! tests, dates) and about its own choices (the first official language, the
//! CRS), in English and French side by side.

use std::fmt::{self, Write as _};

use jiff::civil::Date;

use crate::clb::{Ability, Clb, Language};
use crate::crs::levels::EducationLevel;
use crate::language::kind::{LeftOut, TefScale, TestKind};
use crate::text::say::{In, Lang, Say, ability_name, language_name};

/// What the assessment says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum AssessText {
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
    DeclaredLanguageUntested {
        language: Language,
        as_of: Date,
    },
    NoCrsScore,
    CrsCanadianExperienceNotSettled,
}

impl Say for AssessText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            AssessText::CompletedLater { index, as_of } => {
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
            AssessText::ForeignWithoutEca { index } => {
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
            AssessText::CanadianEducationConditions => f.write_str(lang.pick(
                "Canadian-education points assume the study met IRCC's conditions: in Canada, full-time for at least 8 months (unless completed between March 2020 and August 2022), not mostly ESL/FSL, and no award that required a return home",
                "Les points pour études au Canada supposent que les études remplissaient les conditions d’IRCC : au Canada, à temps plein pendant au moins 8 mois (sauf si elles ont pris fin entre mars 2020 et août 2022), pas principalement en anglais ou en français langue seconde, et sans bourse exigeant un retour au pays d’origine",
            )),
            AssessText::LevelFromLength {
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
            AssessText::TefScaleAssumed(scale) => {
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
            AssessText::BelowChart {
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
            AssessText::Tef699Entered => f.write_str(lang.pick(
                "Express Entry profiles ask for the \"Équivalence ancien score\" values of a TEF Canada attestation; canada.ca warns that entering the /699 scores may produce an incorrect NCLC equivalency. These levels come from the 0–699 chart for the test date.",
                "Le profil Entrée express demande les valeurs « Équivalence ancien score » de l’attestation du TEF Canada; canada.ca prévient que la saisie des résultats sur 699 peut produire une équivalence NCLC erronée. Ces niveaux proviennent du tableau 0–699 en vigueur à la date du test.",
            )),
            AssessText::TestLeftOut {
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
            AssessText::FirstLanguageChosen {
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
            AssessText::RecordAfterAsOf {
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
            AssessText::SpouseDetailsMissing => f.write_str(lang.pick(
                "Married or common-law with no spouse details: scored with the 'with an accompanying spouse or partner' columns (age, education, languages and Canadian experience) and no spouse factors, because a spouse or partner is counted as accompanying unless you say otherwise (the lower score, so the CRS is never overstated). Add the spouse's details, or say they are not accompanying or are a Canadian citizen or PR (then the 'without a spouse' columns apply).",
                "Vous êtes marié ou en union de fait, mais aucun renseignement sur votre époux ou conjoint de fait n’est donné : les points sont calculés selon les colonnes « avec époux ou conjoint de fait qui vous accompagne » (âge, études, langues et expérience canadienne), sans les facteurs liés à l’époux ou conjoint de fait, car il est compté comme vous accompagnant à moins que vous n’indiquiez le contraire (le score le plus bas, pour ne jamais le surestimer). Ajoutez ses renseignements, ou indiquez qu’il ne vous accompagne pas ou qu’il est citoyen canadien ou résident permanent (les colonnes « sans époux ni conjoint de fait » s’appliquent alors).",
            )),
            AssessText::DeclaredLanguageUntested { language, as_of } => {
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
            AssessText::NoCrsScore => f.write_str(lang.pick(
                "No CRS score: it needs a valid language test result (less than two years old on the assessment date)",
                "Aucune note du SCG : il faut un résultat de test de langue valide (datant de moins de deux ans à la date de l’évaluation)",
            )),
            AssessText::CrsCanadianExperienceNotSettled => f.write_str(lang.pick(
                "CRS Canadian experience leaves out work while a full-time student, self-employment and unauthorized work, as for CEC eligibility; whether IRCC counts such work for CRS points is not settled",
                "L’expérience canadienne du SCG exclut le travail effectué pendant des études à temps plein, le travail autonome et le travail non autorisé, comme pour l’admissibilité à la CEC; la question de savoir si IRCC compte ce travail pour les points du SCG n’est pas tranchée",
            )),
        }
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
