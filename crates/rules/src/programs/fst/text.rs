//! What the FST checks say, in English and French side by side.

use serde::Deserialize;

use crate::hours::basis::ExclusionReasons;
use crate::hours::basis::NotCounted;
use crate::noc::Noc;
use crate::profile::kinds::Province;
use crate::programs::text::{STUDENT_WORK_HREF, STUDENT_WORK_TITLE};
use crate::text::say::{In, Lang, NocLabel, Num, Say, Window};
use jiff::civil::Date;
use std::fmt;

/// A NOC group (2 to 5 digits) and its title in English and French.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub code: String,
    pub title: String,
    pub title_fr: String,
}

impl Group {
    pub(crate) fn title_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.title,
            Lang::Fr => &self.title_fr,
        }
    }
}

/// "Major Groups 72 (except 726), …": the eligible groups in a sentence.
pub(crate) const GROUPS_EN: &str = "Major Groups 72 (except 726), 73, 82, 83, 92 and 93 (except 932), Minor Group 6320 and Unit Group 62200";
pub(crate) const GROUPS_FR: &str = "grands groupes 72 (sauf 726), 73, 82, 83, 92 et 93 (sauf 932), groupe intermédiaire 6320 et groupe de base 62200";

/// Why a certificate of qualification or a job offer does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyNot {
    /// In an eligible trade, but not the one of the experience.
    OtherTrade(Noc),
    /// In a group excluded from the skilled trades.
    ExcludedGroup { noc: Noc, group: &'static Group },
    /// In no eligible group.
    NotTrade(Noc),
    /// The offer is not full-time for a year with an LMIA (or exempt).
    OfferTerms,
}

impl WhyNot {
    fn say(self, certificate: bool, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        let what = match (certificate, fr) {
            (true, false) => "certificate: ",
            (false, false) => "job offer: ",
            (true, true) => "certificat : ",
            (false, true) => "offre d’emploi : ",
        };
        match self {
            WhyNot::OtherTrade(noc) => {
                let label = In(&NocLabel(noc), lang);
                match (certificate, fr) {
                    (true, false) => write!(
                        f,
                        "your certificate of qualification ({label}) is not in the trade of your experience"
                    ),
                    (false, false) => write!(
                        f,
                        "your job offer ({label}) is not in the trade of your experience"
                    ),
                    (true, true) => write!(
                        f,
                        "votre certificat de compétence ({label}) ne porte pas sur le métier de votre expérience"
                    ),
                    (false, true) => write!(
                        f,
                        "votre offre d’emploi ({label}) ne porte pas sur le métier de votre expérience"
                    ),
                }
            }
            WhyNot::ExcludedGroup { noc, group } => {
                let label = In(&NocLabel(noc), lang);
                let (code, title) = (&group.code, group.title_in(lang));
                if fr {
                    write!(
                        f,
                        "{what}{label} fait partie du groupe {code} ({title}), qui n’est pas un métier spécialisé pour le PTMSF"
                    )
                } else {
                    write!(
                        f,
                        "{what}{label} is in group {code} ({title}), which is not a skilled trade for FST"
                    )
                }
            }
            WhyNot::NotTrade(noc) => {
                let label = In(&NocLabel(noc), lang);
                if fr {
                    write!(f, "{what}{label} n’est pas un métier spécialisé admissible")
                } else {
                    write!(f, "{what}{label} is not an eligible skilled trade")
                }
            }
            WhyNot::OfferTerms => f.write_str(lang.pick(
                "your job offer must be full-time, for at least one year, and supported by an LMIA or exempt",
                "votre offre d’emploi doit être à temps plein, d’au moins un an, et appuyée par une EIMT ou dispensée de l’EIMT",
            )),
        }
    }
}

/// What the FST checks say: one variant per sentence, worded in English and French in [`Say`](crate::text::Say).
#[derive(Debug, Clone, PartialEq)]
pub enum FstText {
    /// No FST table covers the assessment date.
    NoRules {
        as_of: Date,
        earliest: Date,
    },
    /// Paid work in the skilled trade with the most hours, against the minimum.
    TradeWork {
        hours: Num,
        noc: Noc,
        met: bool,
        window: Window,
        needed: Num,
        excluded: ExclusionReasons,
    },
    /// No paid work in any eligible trade.
    NoTradeWork {
        window: Window,
        needed: Num,
        excluded: ExclusionReasons,
    },
    /// Enough hours in several trades together, not in one.
    TradesNotCombined {
        hours: Num,
    },
    StudentWork,
    SelfEmployment,
    QualifiedToPractise,
    NoEducationRequirement,
    /// A certificate of qualification in the trade.
    Certificate {
        noc: Noc,
        province: Option<Province>,
    },
    /// A valid job offer in the trade.
    JobOffer {
        noc: Noc,
    },
    NeitherOfferNorCertificate,
    /// A certificate or an offer that does not count, and why.
    OfferOrCertificateMissing {
        certificate: Option<WhyNot>,
        offer: Option<WhyNot>,
    },
    /// The eligible group a unit group falls in: "6320 Cooks, butchers and bakers".
    TradeGroup(&'static Group),
    /// A unit group in an excluded group.
    ExcludedGroup {
        noc: Noc,
        group: &'static Group,
    },
    /// A unit group in no eligible group.
    NotInTradeGroup(Noc),
}

impl Say for FstText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match *self {
            FstText::NoRules { as_of, earliest } => {
                if fr {
                    write!(
                        f,
                        "landed n’a pas de règles du PTMSF (métiers de la CNP 2021) pour le {as_of} : la première date qu’il couvre est le {earliest}"
                    )
                } else {
                    write!(
                        f,
                        "landed has no FST rules (NOC 2021 trades) for {as_of}: the earliest date it covers is {earliest}"
                    )
                }
            }
            FstText::TradeWork {
                hours,
                noc,
                met,
                window,
                needed,
                excluded,
            } => {
                let (hours, label) = (In(&hours, lang), In(&NocLabel(noc), lang));
                let (window, needed) = (In(&window, lang), In(&needed, lang));
                match (fr, met) {
                    (false, true) => write!(
                        f,
                        "{hours} hours of paid work as {label} (a skilled trade) {window} ({needed} needed in one trade)"
                    ),
                    (false, false) => write!(
                        f,
                        "{hours} hours of paid work as {label} (a skilled trade) {window}; FST needs {needed} hours in one trade"
                    ),
                    (true, true) => write!(
                        f,
                        "{hours} heures de travail rémunéré dans le métier {label} (un métier spécialisé) {window} (il en faut {needed} dans un même métier)"
                    ),
                    (true, false) => write!(
                        f,
                        "{hours} heures de travail rémunéré dans le métier {label} (un métier spécialisé) {window}; le PTMSF exige {needed} heures dans un même métier"
                    ),
                }?;
                NotCounted(excluded).say(lang, f)
            }
            FstText::NoTradeWork {
                window,
                needed,
                excluded,
            } => {
                let (window, needed) = (In(&window, lang), In(&needed, lang));
                if fr {
                    write!(
                        f,
                        "Aucun travail rémunéré dans un métier spécialisé admissible ({GROUPS_FR}) {window}; le PTMSF exige {needed} heures dans un même métier"
                    )?;
                } else {
                    write!(
                        f,
                        "No paid work in an eligible skilled trade ({GROUPS_EN}) {window}; FST needs {needed} hours in one trade"
                    )?;
                }
                NotCounted(excluded).say(lang, f)
            }
            FstText::TradesNotCombined { hours } => {
                let hours = In(&hours, lang);
                if fr {
                    write!(
                        f,
                        "Votre travail dans plusieurs métiers totalise {hours} heures, mais le PTMSF ne compte que les heures dans le métier visé par votre demande (RIPR, alinéa 87.2(3)b), « le métier spécialisé visé par la demande »); landed n’additionne pas les heures de métiers différents. Question non tranchée"
                    )
                } else {
                    write!(
                        f,
                        "Your work in several trades adds up to {hours} hours, but FST counts the hours in the one trade you apply in (IRPR s.87.2(3)(b), \"the skilled trade\"); landed does not combine trades. Not settled"
                    )
                }
            }
            FstText::StudentWork => {
                if fr {
                    write!(
                        f,
                        "Le travail effectué pendant des études à temps plein ne compte pas pour le PTMSF (Centre d’aide d’IRCC : {STUDENT_WORK_HREF})"
                    )
                } else {
                    write!(
                        f,
                        "Work while a full-time student does not count for FST ({STUDENT_WORK_TITLE}, {STUDENT_WORK_HREF})"
                    )
                }
            }
            FstText::SelfEmployment => f.write_str(lang.pick(
                "FST: landed counts self-employment, which IRPR s.87.2 does not exclude; not settled",
                "PTMSF : landed compte le travail autonome, que l’article 87.2 du RIPR n’exclut pas; question non tranchée",
            )),
            FstText::QualifiedToPractise => f.write_str(lang.pick(
                "FST work counts only after you were qualified to practise the trade independently where you worked, and you must meet the trade's NOC employment requirements (except a certificate of qualification): landed cannot check this",
                "Pour le PTMSF, le travail ne compte qu’à partir du moment où vous étiez qualifié pour exercer le métier de façon autonome là où vous travailliez, et vous devez satisfaire aux conditions d’accès à la profession que la CNP prévoit pour ce métier (sauf le certificat de compétence) : landed ne peut pas le vérifier",
            )),
            FstText::NoEducationRequirement => f.write_str(lang.pick(
                "There is no education requirement for the Federal Skilled Trades Program",
                "Le Programme des travailleurs de métiers spécialisés (fédéral) n’a aucune exigence en matière d’études",
            )),
            FstText::Certificate { noc, province } => {
                let label = In(&NocLabel(noc), lang);
                if fr {
                    write!(f, "Un certificat de compétence canadien dans le métier {label}")?;
                } else {
                    write!(f, "A Canadian certificate of qualification as {label}")?;
                }
                match province {
                    Some(pr) => write!(f, " ({})", pr.as_str()),
                    None => Ok(()),
                }
            }
            FstText::JobOffer { noc } => {
                let label = In(&NocLabel(noc), lang);
                if fr {
                    write!(
                        f,
                        "Une offre d’emploi valide à temps plein d’au moins un an dans le métier {label}"
                    )
                } else {
                    write!(
                        f,
                        "A valid full-time job offer for at least one year as {label}"
                    )
                }
            }
            FstText::NeitherOfferNorCertificate => f.write_str(lang.pick(
                "FST needs a valid job offer of full-time work for at least one year, or a certificate of qualification in your trade issued by a Canadian provincial, territorial or federal authority; the profile has neither",
                "Le PTMSF exige une offre d’emploi valide pour un travail à temps plein d’au moins un an, ou un certificat de compétence dans votre métier délivré par une autorité provinciale, territoriale ou fédérale du Canada; le profil ne contient ni l’un ni l’autre",
            )),
            FstText::OfferOrCertificateMissing { certificate, offer } => {
                f.write_str(lang.pick(
                    "FST needs a valid full-time job offer for at least one year, or a Canadian certificate of qualification, in your skilled trade: ",
                    "Le PTMSF exige une offre d’emploi valide à temps plein d’au moins un an, ou un certificat de compétence canadien, dans votre métier spécialisé : ",
                ))?;
                if let Some(w) = certificate {
                    w.say(true, lang, f)?;
                }
                if let Some(w) = offer {
                    if certificate.is_some() {
                        f.write_str("; ")?;
                    }
                    w.say(false, lang, f)?;
                }
                Ok(())
            }
            FstText::TradeGroup(g) => write!(f, "{} {}", g.code, g.title_in(lang)),
            FstText::ExcludedGroup { noc, group } => {
                let (code, title) = (&group.code, group.title_in(lang));
                if fr {
                    write!(f, "{noc} fait partie du groupe {code} {title}, qui est exclu")
                } else {
                    write!(f, "{noc} is in group {code} {title}, which is excluded")
                }
            }
            FstText::NotInTradeGroup(noc) => {
                if fr {
                    write!(
                        f,
                        "{noc} ne fait partie d’aucun groupe de métiers spécialisés admissible"
                    )
                } else {
                    write!(f, "{noc} is not in an eligible skilled-trade group")
                }
            }
        }
    }
}
