//! What category-based selection says, in English and French side by side (and the wording of the data files).

use crate::noc::Noc;
use crate::programs::text::Program;
use crate::text::say::{In, Lang, Levels, NocLabel, Num, Say, Shortfalls};
use jiff::civil::Date;
use std::fmt;
use std::sync::Arc;

/// A sentence of the data files, in English and French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    pub(crate) en: &'static str,
    pub(crate) fr: &'static str,
}

impl Wording {
    pub(crate) fn new(en: &'static str, fr: &'static str) -> Wording {
        Wording { en, fr }
    }
    /// An optional sentence and its French (checked on loading to come in pairs).
    pub(crate) fn pair(
        en: &'static Option<String>,
        fr: &'static Option<String>,
    ) -> Option<Wording> {
        let en = en.as_deref()?;
        Some(Wording {
            en,
            fr: fr.as_deref().unwrap_or(en),
        })
    }
}

impl Say for Wording {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(lang.pick(self.en, self.fr))
    }
}

/// The experience a category asks for, and where and when it is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Experience {
    pub(crate) hours: u32,
    /// Without a gap day.
    pub(crate) continuous: bool,
    /// The window's first and last days.
    pub(crate) from: Date,
    pub(crate) to: Date,
    /// Only work in Canada counts.
    pub(crate) in_canada: bool,
}

impl Experience {
    /// " in Canada" or nothing.
    fn place(self, lang: Lang) -> &'static str {
        match (self.in_canada, lang) {
            (false, _) => "",
            (true, Lang::En) => " in Canada",
            (true, Lang::Fr) => " au Canada",
        }
    }
    /// "between 2023-06-01 and 2026-05-31".
    fn window(self) -> Window {
        Window(self)
    }
    /// "780 hours without a gap (6 months full-time) in one listed occupation".
    fn needed(self) -> Needed {
        Needed(self)
    }
}

/// See [`Experience::window`].
pub(crate) struct Window(Experience);

impl Say for Window {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.0.from, self.0.to);
        match lang {
            Lang::En => write!(f, "between {from} and {to}"),
            Lang::Fr => write!(f, "entre le {from} et le {to}"),
        }
    }
}

/// See [`Experience::needed`].
pub(crate) struct Needed(Experience);

impl Say for Needed {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        let hours = In(&Num(u64::from(e.hours)), lang);
        let months = e.hours / 130;
        match (lang, e.continuous) {
            (Lang::En, true) => write!(
                f,
                "{hours} hours without a gap ({months} months full-time) in one listed occupation"
            ),
            (Lang::En, false) => write!(
                f,
                "{hours} hours ({months} months full-time) in one listed occupation, not necessarily continuous"
            ),
            (Lang::Fr, true) => write!(
                f,
                "{hours} heures sans interruption ({months} mois à temps plein) dans une profession de la liste"
            ),
            (Lang::Fr, false) => write!(
                f,
                "{hours} heures ({months} mois à temps plein) dans une profession de la liste, pas nécessairement continues"
            ),
        }
    }
}

/// Which of CEC, FSW and FST (in [`Program::ORDER`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Programs(pub(crate) [bool; 3]);

impl Programs {
    pub(crate) fn is_empty(self) -> bool {
        !self.0.contains(&true)
    }
    fn iter(self) -> impl Iterator<Item = Program> {
        Program::ORDER
            .into_iter()
            .zip(self.0)
            .filter_map(|(p, yes)| yes.then_some(p))
    }
    /// "CEC and FSW" / "la CEC et le PTQF"; with `to`, French contracts the
    /// article with "à": "à la CEC et au PTQF".
    fn say(self, lang: Lang, to: bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<Program> = self.iter().collect();
        match lang {
            Lang::En => {
                for (i, p) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" and ")?;
                    }
                    f.write_str(p.abbreviation())?;
                }
                Ok(())
            }
            Lang::Fr => crate::text::say::and_list(&list, lang, f, |p, f| {
                f.write_str(match (p, to) {
                    (Program::Cec, false) => "la CEC",
                    (Program::Fsw, false) => "le PTQF",
                    (Program::Fst, false) => "le PTMSF",
                    (Program::Cec, true) => "à la CEC",
                    (Program::Fsw, true) => "au PTQF",
                    (Program::Fst, true) => "au PTMSF",
                })
            }),
        }
    }
}

/// "21231 Software engineers and designers; 13110 Administrative assistants"
/// (`sep` "; "), or joined with " or ".
pub(crate) fn labels(
    nocs: &[Noc],
    or: bool,
    lang: Lang,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let sep = match (or, lang) {
        (false, _) => "; ",
        (true, Lang::En) => " or ",
        (true, Lang::Fr) => " ou ",
    };
    for (i, noc) in nocs.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        NocLabel(*noc).say(lang, f)?;
    }
    Ok(())
}

/// What category-based selection says: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum CategoryText {
    /// A sentence of the data files: a category's title, list note or
    /// experience note, or a set's experience rule.
    Data(Wording),
    /// Before the first categories.
    NoCategories {
        began: Date,
        as_of: Date,
    },
    EligibleFor(Programs),
    EligibleForNone,
    ProgramsUndecided(Programs),
    /// A French result against NCLC `min` in all four abilities.
    FrenchResult {
        min: u8,
        short: Shortfalls,
    },
    NoLanguageTest {
        min: u8,
    },
    NoValidFrenchTest {
        min: u8,
        as_of: Date,
    },
    /// Hours in a listed occupation (enough or not).
    ListedWork {
        hours: Num,
        noc: Noc,
        rule: Experience,
    },
    /// Enough hours in occupations that may be on the part of the list landed lacks.
    MaybeListed {
        nocs: Arc<[Noc]>,
        rule: Experience,
    },
    NoWork {
        rule: Experience,
    },
    NotOnList {
        nocs: Arc<[Noc]>,
        rule: Experience,
    },
    /// Not enough hours in any occupation (the list being incomplete).
    NoneReaches {
        rule: Experience,
    },
    JobOfferListed(Noc),
    JobOfferNotListed(Noc),
    NoJobOffer,
    /// A condition landed cannot check.
    ExtraCondition(Wording),
    /// A reported condition landed checks from the profile.
    ExtraChecked {
        condition: Wording,
        met: bool,
    },
    ListUnverified,
    RuleFromReports,
    /// landed has `codes` codes (maybe none) of the list in force from `from`.
    ListIncomplete {
        codes: usize,
        from: Date,
    },
    HowRoundsWork,
    WhichWorkCounts,
    Unchanged2024,
}

impl Say for CategoryText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            CategoryText::Data(w) => w.say(lang, f),
            CategoryText::NoCategories { began, as_of } => {
                if fr {
                    write!(
                        f,
                        "La sélection par catégorie a commencé le {began} : aucune catégorie le {as_of}"
                    )
                } else {
                    write!(
                        f,
                        "Category-based selection began on {began}: no categories on {as_of}"
                    )
                }
            }
            CategoryText::EligibleFor(programs) => {
                f.write_str(lang.pick("You are eligible for ", "Vous êtes admissible "))?;
                programs.say(lang, true, f)
            }
            CategoryText::EligibleForNone => f.write_str(lang.pick(
                "Category-based rounds invite only candidates eligible for CEC, FSW or FST; you are eligible for none of them",
                "Les rondes d’invitations ciblées par catégorie n’invitent que des candidats admissibles à la CEC, au PTQF ou au PTMSF; vous n’êtes admissible à aucun de ces programmes",
            )),
            CategoryText::ProgramsUndecided(programs) => {
                f.write_str(lang.pick(
                    "Category-based rounds need eligibility for CEC, FSW or FST; not yet known for ",
                    "Les rondes d’invitations ciblées par catégorie exigent l’admissibilité à la CEC, au PTQF ou au PTMSF; elle n’est pas encore établie pour ",
                ))?;
                programs.say(lang, false, f)
            }
            CategoryText::FrenchResult { min, short } => {
                let levels = In(&Levels(short.levels), lang);
                if fr {
                    write!(
                        f,
                        "Il faut NCLC {min} dans les quatre habiletés; votre résultat en français est {levels}"
                    )?;
                    if !short.is_empty() {
                        write!(f, " (trop bas : {})", In(short, lang))?;
                    }
                } else {
                    write!(
                        f,
                        "NCLC {min} needed in all four abilities; your French result is {levels}"
                    )?;
                    if !short.is_empty() {
                        write!(f, " (too low: {})", In(short, lang))?;
                    }
                }
                Ok(())
            }
            CategoryText::NoLanguageTest { min } => {
                if fr {
                    write!(
                        f,
                        "Aucun test de langue enregistré; cette catégorie exige NCLC {min} dans les quatre habiletés en français (TEF Canada ou TCF Canada)"
                    )
                } else {
                    write!(
                        f,
                        "No language test recorded; this category needs NCLC {min} in all four abilities of French (TEF Canada or TCF Canada)"
                    )
                }
            }
            CategoryText::NoValidFrenchTest { min, as_of } => {
                if fr {
                    write!(
                        f,
                        "Aucun résultat valide de test de français le {as_of}; cette catégorie exige NCLC {min} dans les quatre habiletés (TEF Canada ou TCF Canada)"
                    )
                } else {
                    write!(
                        f,
                        "No valid French test result on {as_of}; this category needs NCLC {min} in all four abilities (TEF Canada or TCF Canada)"
                    )
                }
            }
            CategoryText::ListedWork { hours, noc, rule } => {
                let hours = In(hours, lang);
                let label = In(&NocLabel(*noc), lang);
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    let kind = if rule.continuous {
                        " de travail continu"
                    } else {
                        ""
                    };
                    write!(
                        f,
                        "{hours} heures{kind}{place} dans la profession {label}, qui figure sur la liste, {window}; exigence : {needed}"
                    )
                } else {
                    let kind = if rule.continuous {
                        " of continuous work"
                    } else {
                        ""
                    };
                    write!(
                        f,
                        "{hours} hours{kind}{place} as {label}, a listed occupation, {window}; needed: {needed}"
                    )
                }
            }
            CategoryText::MaybeListed { nocs, rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(
                        f,
                        "landed n’a pas la liste complète des professions de cette catégorie; vous avez assez d’expérience{place} {window} dans la profession "
                    )?;
                    labels(nocs, true, lang, f)?;
                    write!(
                        f,
                        ", qui pourrait figurer sur la liste officielle; exigence : {needed}"
                    )
                } else {
                    write!(
                        f,
                        "landed does not have this category's whole occupation list; you have enough experience{place} {window} as "
                    )?;
                    labels(nocs, true, lang, f)?;
                    write!(f, ", which may be on the official list; needed: {needed}")
                }
            }
            CategoryText::NoWork { rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(f, "Aucun travail compté{place} {window}; exigence : {needed}")
                } else {
                    write!(f, "No counted work{place} {window}; needed: {needed}")
                }
            }
            CategoryText::NotOnList { nocs, rule } => {
                let (place, window) = (rule.place(lang), In(&rule.window(), lang));
                if fr {
                    write!(f, "Vos professions{place} {window} (")?;
                    labels(nocs, false, lang, f)?;
                    f.write_str(") ne figurent pas sur la liste de cette catégorie")
                } else {
                    write!(f, "Your occupations{place} {window} (")?;
                    labels(nocs, false, lang, f)?;
                    f.write_str(") are not on this category's list")
                }
            }
            CategoryText::NoneReaches { rule } => {
                let (place, window, needed) = (
                    rule.place(lang),
                    In(&rule.window(), lang),
                    In(&rule.needed(), lang),
                );
                if fr {
                    write!(
                        f,
                        "Aucune de vos professions{place} {window} n’atteint l’exigence ({needed}), quel que soit le contenu de la liste complète"
                    )
                } else {
                    write!(
                        f,
                        "No occupation of yours{place} {window} reaches {needed}, whatever the full list holds"
                    )
                }
            }
            CategoryText::JobOfferListed(noc) => {
                let label = In(&NocLabel(*noc), lang);
                if fr {
                    write!(f, "Une offre d’emploi dans la profession {label}")
                } else {
                    write!(f, "A job offer as {label}")
                }
            }
            CategoryText::JobOfferNotListed(noc) => {
                let label = In(&NocLabel(*noc), lang);
                if fr {
                    write!(
                        f,
                        "Cette catégorie exige une offre d’emploi dans l’une de ses professions; votre offre est dans la profession {label}"
                    )
                } else {
                    write!(
                        f,
                        "This category needs a job offer in one of its occupations; your offer is as {label}"
                    )
                }
            }
            CategoryText::NoJobOffer => f.write_str(lang.pick(
                "This category needs a job offer in one of its occupations (a Canadian Armed Forces offer)",
                "Cette catégorie exige une offre d’emploi dans l’une de ses professions (une offre des Forces armées canadiennes)",
            )),
            CategoryText::ExtraCondition(x) => {
                let x = In(x, lang);
                if fr {
                    write!(
                        f,
                        "Cette catégorie exige aussi {x} : landed ne peut pas le vérifier"
                    )
                } else {
                    write!(f, "This category also needs {x}: landed cannot check it")
                }
            }
            CategoryText::ExtraChecked { condition, met } => {
                let x = In(condition, lang);
                match (fr, met) {
                    (false, true) => write!(f, "This category also needs {x}: your education meets it"),
                    (false, false) => write!(f, "This category also needs {x}: no counted credential in the profile meets it"),
                    (true, true) => write!(f, "Cette catégorie exige aussi {x} : vos études y répondent"),
                    (true, false) => write!(f, "Cette catégorie exige aussi {x} : aucun diplôme pris en compte dans le profil n’y répond"),
                }
            }
            CategoryText::ListUnverified => f.write_str(lang.pick(
                "This occupation list is transcribed but not yet checked against the official page",
                "Cette liste de professions a été transcrite, mais pas encore vérifiée par rapport à la page officielle",
            )),
            CategoryText::RuleFromReports => f.write_str(lang.pick(
                "This rule comes from reports of the official page, not the page itself",
                "Cette règle provient de comptes rendus de la page officielle, et non de la page elle-même",
            )),
            CategoryText::ListIncomplete { codes: 0, from } => {
                if fr {
                    write!(
                        f,
                        "Incomplet : landed n’a pas la liste des professions de cette catégorie pour les catégories en vigueur à partir du {from}"
                    )
                } else {
                    write!(
                        f,
                        "Incomplete: landed does not have this category's occupation list for the categories in force from {from}"
                    )
                }
            }
            CategoryText::ListIncomplete { codes, from } => {
                if fr {
                    let codes_fr = if *codes == 1 { "code" } else { "codes" };
                    write!(
                        f,
                        "Incomplet : landed n’a que {codes} {codes_fr} de la liste des professions de cette catégorie pour les catégories en vigueur à partir du {from}"
                    )
                } else {
                    write!(
                        f,
                        "Incomplete: landed has only {codes} code(s) of this category's occupation list for the categories in force from {from}"
                    )
                }
            }
            CategoryText::HowRoundsWork => f.write_str(lang.pick(
                "A category-based round invites candidates who are eligible for CEC, FSW or FST and meet the round's own instructions, ranked by CRS within the category (C3)",
                "Une ronde d’invitations ciblée par catégorie invite les candidats admissibles à la CEC, au PTQF ou au PTMSF qui satisfont aux instructions propres à cette ronde, classés selon leur note au SCG au sein de la catégorie (C3)",
            )),
            CategoryText::WhichWorkCounts => f.write_str(lang.pick(
                "Which work counts toward a category's experience (self-employment, work while studying) is not stated in landed's sources: landed counts paid, authorized work in Canada or abroad as for FSW and, for the categories \"with Canadian work experience\", work in Canada as for CEC. Not settled",
                "Les sources de landed ne précisent pas quel travail compte pour l’expérience exigée par une catégorie (travail autonome, travail pendant les études) : landed compte le travail rémunéré et autorisé, au Canada ou à l’étranger, comme pour le PTQF et, pour les catégories « ayant une expérience de travail au Canada », le travail au Canada comme pour la CEC. Question non tranchée",
            )),
            CategoryText::Unchanged2024 => f.write_str(lang.pick(
                "The 2023 categories were reported unchanged through 2024 (C3)",
                "Selon les comptes rendus, les catégories de 2023 sont restées inchangées tout au long de 2024 (C3)",
            )),
        }
    }
}
