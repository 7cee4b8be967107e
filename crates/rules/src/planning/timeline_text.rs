//! What a timeline event says (its `detail`), in English and French, as
//! typed messages: numbers, dates and codes until written.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::language::kind::TestKind;
use crate::profile::kinds::PermitKind;
use crate::programs::text::Program;
use crate::text::say::{In, Lang, Num, Say, output_language};

/// One sentence of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineText {
    /// CEC's hours (`hours`) reached in its window of `years`.
    CecHoursReached {
        hours: u32,
        years: i16,
    },
    EligibilityStarts(Program),
    EligibilityEnds(Program),
    CrsChange {
        before: Option<u16>,
        after: Option<u16>,
    },
    LanguageTestExpires {
        test: TestKind,
        test_date: Date,
        years: u8,
    },
    EcaExpires {
        index: usize,
        issued_on: Date,
        years: i16,
    },
    PermitEnds {
        kind: PermitKind,
        warning: bool,
    },
    ProfileExpires {
        submitted_on: Date,
        months: i16,
    },
    ApplicationDue {
        ita_received_on: Date,
        days: i16,
    },
}

fn permit_name(kind: PermitKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (PermitKind::Pgwp, Lang::En) => "post-graduation work permit",
        (PermitKind::WorkPermit, Lang::En) => "work permit",
        (PermitKind::StudyPermit, Lang::En) => "study permit",
        (PermitKind::VisitorRecord, Lang::En) => "visitor record",
        (PermitKind::Pgwp, Lang::Fr) => "permis de travail postdiplôme",
        (PermitKind::WorkPermit, Lang::Fr) => "permis de travail",
        (PermitKind::StudyPermit, Lang::Fr) => "permis d’études",
        (PermitKind::VisitorRecord, Lang::Fr) => "fiche du visiteur",
    }
}

/// "the Canadian Experience Class (CEC)" / "la catégorie de l’expérience canadienne (CEC)".
fn program(p: Program, lang: Lang) -> String {
    match lang {
        Lang::En => format!("the {} ({})", p.name(), p.abbreviation()),
        Lang::Fr => {
            let article = if p == Program::Cec { "la" } else { "le" };
            format!(
                "{article} {} ({})",
                p.name_in(lang),
                p.abbreviation_in(lang)
            )
        }
    }
}

impl Say for TimelineText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TimelineText as T;
        match (*self, lang) {
            (T::CecHoursReached { hours, years }, Lang::En) => write!(
                f,
                "Your qualifying work in Canada in the last {years} years reaches {} hours (one year of full-time work), the CEC minimum",
                In(&Num(u64::from(hours)), lang)
            ),
            (T::CecHoursReached { hours, years }, Lang::Fr) => write!(
                f,
                "Votre travail admissible au Canada au cours des {years} dernières années atteint {} heures (une année à temps plein), le minimum de la CEC",
                In(&Num(u64::from(hours)), lang)
            ),
            (T::EligibilityStarts(p), Lang::En) => {
                write!(f, "You become eligible for {}", program(p, lang))
            }
            (T::EligibilityStarts(p), Lang::Fr) => {
                write!(f, "Vous devenez admissible à {}", program(p, lang))
            }
            (T::EligibilityEnds(p), Lang::En) => {
                write!(f, "You are no longer eligible for {}", program(p, lang))
            }
            (T::EligibilityEnds(p), Lang::Fr) => {
                write!(f, "Vous n’êtes plus admissible à {}", program(p, lang))
            }
            (
                T::CrsChange {
                    before: Some(b),
                    after: Some(a),
                },
                Lang::En,
            ) => {
                write!(f, "Your CRS score changes from {b} to {a}")
            }
            (
                T::CrsChange {
                    before: Some(b),
                    after: Some(a),
                },
                Lang::Fr,
            ) => {
                write!(f, "Votre score CRS passe de {b} à {a}")
            }
            (
                T::CrsChange {
                    before: Some(b),
                    after: None,
                },
                Lang::En,
            ) => write!(
                f,
                "Your CRS score ({b}) can no longer be computed: no valid language test result in a first official language"
            ),
            (
                T::CrsChange {
                    before: Some(b),
                    after: None,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Votre score CRS ({b}) ne peut plus être calculé : aucun résultat de test linguistique valide dans une première langue officielle"
            ),
            (
                T::CrsChange {
                    before: None,
                    after: Some(a),
                },
                Lang::En,
            ) => {
                write!(f, "Your CRS score can be computed again: {a}")
            }
            (
                T::CrsChange {
                    before: None,
                    after: Some(a),
                },
                Lang::Fr,
            ) => {
                write!(f, "Votre score CRS peut de nouveau être calculé : {a}")
            }
            (
                T::CrsChange {
                    before: None,
                    after: None,
                },
                Lang::En,
            ) => f.write_str("Your CRS score cannot be computed"),
            (
                T::CrsChange {
                    before: None,
                    after: None,
                },
                Lang::Fr,
            ) => f.write_str("Votre score CRS ne peut pas être calculé"),
            (
                T::LanguageTestExpires {
                    test,
                    test_date,
                    years,
                },
                Lang::En,
            ) => write!(
                f,
                "Your {} result of {test_date} is {years} years old and no longer counts: take the test again to keep a valid result",
                test.display_name()
            ),
            (
                T::LanguageTestExpires {
                    test,
                    test_date,
                    years,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Votre résultat {} du {test_date} a {years} ans et ne compte plus : repassez le test pour garder un résultat valide",
                test.display_name()
            ),
            (
                T::EcaExpires {
                    index,
                    issued_on,
                    years,
                },
                Lang::En,
            ) => write!(
                f,
                "The educational credential assessment of credential {} (issued on {issued_on}) is {years} years old and no longer counts: ask for a new one",
                index + 1
            ),
            (
                T::EcaExpires {
                    index,
                    issued_on,
                    years,
                },
                Lang::Fr,
            ) => write!(
                f,
                "L’évaluation des diplômes d’études du diplôme {} (délivrée le {issued_on}) a {years} ans et ne compte plus : demandez-en une nouvelle",
                index + 1
            ),
            (T::PermitEnds { kind, warning }, Lang::En) => {
                write!(f, "Last day of your {}", permit_name(kind, lang))?;
                if warning {
                    f.write_str(": you are not eligible for any Express Entry program on that day; plan to extend your status before it ends")?;
                }
                Ok(())
            }
            (T::PermitEnds { kind, warning }, Lang::Fr) => {
                write!(f, "Dernier jour de votre {}", permit_name(kind, lang))?;
                if warning {
                    f.write_str(" : vous n’êtes admissible à aucun programme d’Entrée express ce jour-là ; prévoyez de prolonger votre statut avant la fin")?;
                }
                Ok(())
            }
            (
                T::ProfileExpires {
                    submitted_on,
                    months,
                },
                Lang::En,
            ) => write!(
                f,
                "Your Express Entry profile, submitted on {submitted_on}, expires after {months} months: create a new one if you are still eligible"
            ),
            (
                T::ProfileExpires {
                    submitted_on,
                    months,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Votre profil Entrée express, soumis le {submitted_on}, expire après {months} mois : créez-en un nouveau si vous êtes toujours admissible"
            ),
            (
                T::ApplicationDue {
                    ita_received_on,
                    days,
                },
                Lang::En,
            ) => write!(
                f,
                "Last day to submit your application for permanent residence: {days} days after the invitation of {ita_received_on}"
            ),
            (
                T::ApplicationDue {
                    ita_received_on,
                    days,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Dernier jour pour présenter votre demande de résidence permanente : {days} jours après l’invitation du {ita_received_on}"
            ),
        }
    }
}

impl Serialize for TimelineText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&In(self, output_language()))
    }
}
