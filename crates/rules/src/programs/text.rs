//! The programs' names and what the shared program checks say, in English
//! and French side by side.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::profile::kinds::Province;
use crate::text::say::{In, Lang, Levels, Say, Shortfalls, language_name};

/// An Express Entry program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Program {
    Cec,
    Fsw,
    Fst,
}

impl Program {
    /// In the order an invitation is issued under when several apply.
    pub const ORDER: [Program; 3] = [Program::Cec, Program::Fsw, Program::Fst];

    pub fn abbreviation(self) -> &'static str {
        match self {
            Program::Cec => "CEC",
            Program::Fsw => "FSW",
            Program::Fst => "FST",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Program::Cec => "Canadian Experience Class",
            Program::Fsw => "Federal Skilled Worker Program",
            Program::Fst => "Federal Skilled Trades Program",
        }
    }
}

/// "CLB/NCLC 7 needed in all four abilities of your first official language".
/// (The French starts a sentence or follows a semicolon: `.1` says which.)
pub(crate) struct Needed([u8; 4], bool);

impl Say for Needed {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [l, r, w, s] = self.0;
        if lang == Lang::Fr {
            f.write_str(if self.1 { "Il faut" } else { "il faut" })?;
        }
        match (lang, l == r && r == w && w == s) {
            (Lang::En, true) => write!(
                f,
                "CLB/NCLC {l} needed in all four abilities, in English or in French"
            ),
            (Lang::Fr, true) => write!(
                f,
                " CLB/NCLC {l} dans les quatre habiletés, en anglais ou en français"
            ),
            (Lang::En, false) => write!(
                f,
                "CLB/NCLC {} in speaking and listening and {} in reading and writing needed",
                s.max(l),
                r.max(w)
            ),
            (Lang::Fr, false) => write!(
                f,
                " CLB/NCLC {} en expression orale et en compréhension de l’oral, et {} en compréhension de l’écrit et en expression écrite",
                s.max(l),
                r.max(w)
            ),
        }
    }
}

/// What the shared program checks say.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgramText {
    Quebec,
    OutsideQuebec(Province),
    ProvinceMissing,
    /// The first official language's valid result against the minimums.
    LanguageResult {
        min: [u8; 4],
        short: Shortfalls,
    },
    NoLanguageTest {
        min: [u8; 4],
    },
    NoValidLanguageTest {
        min: [u8; 4],
        as_of: Date,
    },
    InvitedUnlessEarlier {
        program: Program,
        undecided: Vec<Program>,
    },
    InvitedUnderFirst(Program),
    NominationRound,
    /// Every program's checklist ends with it.
    AdmissibilityNotAssessed,
}

impl Program {
    /// "FSW" / "PTQF".
    pub fn abbreviation_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (p, Lang::En) => p.abbreviation(),
            (Program::Cec, Lang::Fr) => "CEC",
            (Program::Fsw, Lang::Fr) => "PTQF",
            (Program::Fst, Lang::Fr) => "PTMSF",
        }
    }
    pub fn name_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (p, Lang::En) => p.name(),
            (Program::Cec, Lang::Fr) => "catégorie de l’expérience canadienne",
            (Program::Fsw, Lang::Fr) => "Programme des travailleurs qualifiés (fédéral)",
            (Program::Fst, Lang::Fr) => {
                "Programme des travailleurs de métiers spécialisés (fédéral)"
            }
        }
    }
}

impl Say for ProgramText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            ProgramText::Quebec => f.write_str(lang.pick(
                "You plan to live in Quebec: Quebec selects its own skilled workers; see the Quebec programs instead",
                "Vous prévoyez vivre au Québec : le Québec sélectionne ses propres travailleurs qualifiés; voyez plutôt les programmes du Québec",
            )),
            ProgramText::OutsideQuebec(p) => {
                if fr {
                    write!(f, "Vous prévoyez vivre en dehors du Québec ({})", p.as_str())
                } else {
                    write!(f, "You plan to live in {} (outside Quebec)", p.as_str())
                }
            }
            ProgramText::ProvinceMissing => f.write_str(lang.pick(
                "Intended province not given: you must plan to live outside Quebec",
                "Province de destination non indiquée : vous devez prévoir vivre en dehors du Québec",
            )),
            ProgramText::LanguageResult { min, short } => {
                let levels = In(&Levels(short.levels), lang);
                let name = language_name(short.levels.language, lang);
                write!(f, "{}", In(&Needed(*min, true), lang))?;
                if fr {
                    write!(f, "; votre résultat en {name} est {levels}")?;
                    if !short.is_empty() {
                        write!(f, " (trop bas : {})", In(short, lang))?;
                    }
                } else {
                    write!(f, "; your {name} result is {levels}")?;
                    if !short.is_empty() {
                        write!(f, " (too low: {})", In(short, lang))?;
                    }
                }
                Ok(())
            }
            ProgramText::NoLanguageTest { min } => {
                if fr {
                    write!(f, "Aucun test de langue enregistré; {}", In(&Needed(*min, false), lang))
                } else {
                    write!(f, "No language test recorded; {}", In(&Needed(*min, false), lang))
                }
            }
            ProgramText::NoValidLanguageTest { min, as_of } => {
                if fr {
                    write!(
                        f,
                        "Aucun résultat de test de langue valide le {as_of} (un résultat compte pendant deux ans à partir de la date du test); {}",
                        In(&Needed(*min, false), lang)
                    )
                } else {
                    write!(
                        f,
                        "No valid language test result on {as_of} (results count for two years from the test date); {}",
                        In(&Needed(*min, false), lang)
                    )
                }
            }
            ProgramText::InvitedUnlessEarlier { program, undecided } => {
                let p = program;
                let list = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
                    for (i, u) in undecided.iter().enumerate() {
                        if i > 0 {
                            f.write_str(lang.pick(" or ", " ou "))?;
                        }
                        f.write_str(u.abbreviation_in(lang))?;
                    }
                    Ok(())
                };
                if fr {
                    write!(
                        f,
                        "Une invitation serait émise au titre de la {} ({}); s’il s’avère que vous êtes admissible à ",
                        p.abbreviation_in(lang),
                        p.name_in(lang)
                    )?;
                    list(f)?;
                    f.write_str(", elle serait plutôt émise au titre de ce programme : IRCC retient la CEC, puis le PTQF, puis le PTMSF (rapport de tiers, C4)")
                } else {
                    write!(
                        f,
                        "An invitation would be issued under {} ({}); if you turn out to be eligible for ",
                        p.abbreviation(),
                        p.name()
                    )?;
                    list(f)?;
                    f.write_str(", it would be issued under that program instead: IRCC takes CEC, then FSW, then FST (third-party report, C4)")
                }
            }
            ProgramText::InvitedUnderFirst(p) => {
                if fr {
                    write!(
                        f,
                        "Vous êtes admissible à plus d’un programme; une invitation serait émise au titre de : {} ({}). IRCC retient la CEC, puis le PTQF, puis le PTMSF (rapport de tiers, C4)",
                        p.abbreviation_in(lang),
                        p.name_in(lang)
                    )
                } else {
                    write!(
                        f,
                        "You are eligible for more than one program; an invitation would be issued under {} ({}): IRCC takes CEC, then FSW, then FST (third-party report, C4)",
                        p.abbreviation(),
                        p.name()
                    )
                }
            }
            ProgramText::AdmissibilityNotAssessed => f.write_str(lang.pick(
                "Admissibility (medical, security, criminality) is not assessed.",
                "L’interdiction de territoire (motifs sanitaires, sécurité, criminalité) n’est pas évaluée.",
            )),
            ProgramText::NominationRound => f.write_str(lang.pick(
                "With a provincial nomination, an invitation in an all-program or PNP round is issued under the Provincial Nominee Class (third-party report, C4)",
                "Avec une désignation provinciale, une invitation lors d’une ronde tous programmes ou d’une ronde du PCP est émise au titre de la catégorie des candidats des provinces (rapport de tiers, C4)",
            )),
        }
    }
}

/// IRCC Help Centre answer on student work (FSW counts it, CEC and FST do not).
pub(crate) const STUDENT_WORK_TITLE: &str = "IRCC Help Centre: Can I count student work experience toward the Express Entry work requirement?";
pub(crate) const STUDENT_WORK_HREF: &str =
    "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=394&top=29";
