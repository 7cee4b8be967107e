//! What the proof-of-funds requirement says, in English and French side by side.

use std::fmt;

use jiff::civil::Date;

use crate::text::say::{In, Lang, Num, Say};

/// "CAD 15,263 needed for a family of 1 (IRCC table from 2025-07-07)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub amount: u32,
    pub family_size: u8,
    pub table_from: Date,
}

/// An amount of Canadian dollars: "CAD 15,263" / "15 263 $".
struct Cad(Num);

impl Say for Cad {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En => write!(f, "CAD {}", In(&self.0, lang)),
            Lang::Fr => write!(f, "{}\u{202f}$", In(&self.0, lang)),
        }
    }
}

impl Say for Need {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = In(&Cad(Num(u64::from(self.amount))), lang);
        let (n, from) = (self.family_size, self.table_from);
        match lang {
            Lang::En => write!(
                f,
                "{amount} needed for a family of {n} (IRCC table from {from})"
            ),
            Lang::Fr => write!(
                f,
                "il faut {amount} pour une famille de {n} {} (tableau d’IRCC en vigueur depuis le {from})",
                if n > 1 { "personnes" } else { "personne" }
            ),
        }
    }
}

/// What the proof-of-funds requirement and its notes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundsText {
    /// Working in Canada with authorization and a valid job offer.
    Exempt,
    Unavailable(FundsError),
    /// The money declared against the amount needed; `offer_only`: too
    /// little, but a job offer may exempt the candidate.
    Available {
        have: Num,
        need: Need,
        offer_only: bool,
    },
    /// No amount in the profile.
    NotGiven(Need),
    /// Note: landed counted the family (no `family_size`).
    DerivedFamily {
        members: u8,
    },
    /// Note: the newest table is more than a year old.
    OldTable {
        from: Date,
    },
}

impl Say for FundsText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fr = lang == Lang::Fr;
        match self {
            FundsText::Exempt => f.write_str(lang.pick(
                "Not needed: you are working in Canada with authorization and have a valid job offer",
                "Non exigée : vous travaillez au Canada avec une autorisation et vous avez une offre d’emploi valide",
            )),
            FundsText::Unavailable(e) => {
                if fr {
                    f.write_str("Le montant ne peut pas être déterminé : ")?;
                    match e {
                        FundsError::NoMembers => f.write_str(
                            "family_size : 0 n’est pas une taille de famille; il faut 1 (le candidat seul) ou plus",
                        ),
                        FundsError::NotCovered { date, earliest } => write!(
                            f,
                            "landed ne connaît aucun tableau de preuve de fonds pour le {date}; la première date prise en charge est le {earliest}"
                        ),
                        FundsError::BadTable(e) => write!(
                            f,
                            "rules : les tableaux de programmes intégrés sont invalides ({e})"
                        ),
                    }
                } else {
                    write!(f, "The amount cannot be looked up: {}", e.error())
                }
            }
            FundsText::Available {
                have,
                need,
                offer_only,
            } => {
                write!(f, "{}", In(&Cad(*have), lang))?;
                f.write_str(lang.pick(" available; ", " disponibles; "))?;
                write!(f, "{}", In(need, lang))?;
                if *offer_only {
                    f.write_str(lang.pick(
                        ". Your job offer exempts you if you are authorized to work in Canada now: the profile shows no current authorized job in Canada",
                        ". Votre offre d’emploi vous en dispense si vous êtes autorisé à travailler au Canada en ce moment : le profil n’indique aucun emploi autorisé en cours au Canada",
                    ))?;
                }
                Ok(())
            }
            FundsText::NotGiven(need) => {
                f.write_str(lang.pick(
                    "How much money you can bring is not in the profile; ",
                    "Le profil n’indique pas combien d’argent vous pouvez apporter; ",
                ))?;
                write!(f, "{}", In(need, lang))
            }
            FundsText::DerivedFamily { members } => {
                let alone = *members == 1;
                if fr {
                    write!(
                        f,
                        "Preuve de fonds : landed a compté une famille de {members} {} ({}); les enfants à charge ne figurent pas dans le profil, ce montant peut donc être trop bas. Indiquez family_size : vous, votre époux ou conjoint de fait et chaque enfant à charge (les vôtres et les siens), même ceux qui sont citoyens ou résidents permanents ou qui ne vous accompagnent pas",
                        if alone { "personne" } else { "personnes" },
                        if alone {
                            "vous seulement"
                        } else {
                            "vous et votre époux ou conjoint de fait"
                        }
                    )
                } else {
                    write!(
                        f,
                        "Proof of funds: landed counted a family of {members} ({}); dependent children are not in the profile, so this may be too low. Enter family_size: you, your spouse or partner and every dependent child (yours and theirs), even those who are citizens, permanent residents or not coming",
                        if alone {
                            "you alone"
                        } else {
                            "you and your spouse or partner"
                        }
                    )
                }
            }
            FundsText::OldTable { from } => {
                if fr {
                    write!(
                        f,
                        "Preuve de fonds : le tableau le plus récent que landed connaît est en vigueur depuis le {from}; IRCC met les montants à jour environ une fois par année, vérifiez donc sur canada.ca s’il y en a de plus récents"
                    )
                } else {
                    write!(
                        f,
                        "Proof of funds: the newest table landed knows is from {from}; IRCC updates the amounts about once a year, so check canada.ca for newer ones"
                    )
                }
            }
        }
    }
}

/// Why the amount cannot be looked up (kept as data, so that the requirement
/// can say it in either language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundsError {
    /// A family size of 0.
    NoMembers,
    /// No table is in force on `date`.
    NotCovered { date: Date, earliest: Date },
    /// The embedded table is invalid (a build error: the tests load it).
    BadTable(&'static str),
}
