//! What the draws and the outlook say, in English and French.

use std::fmt;

use jiff::civil::Date;

use super::RoundType;
use super::Window;
pub use crate::text::say::LongDate;
use crate::text::say::{Lang, Num, Say};

/// The name of a round type, as a person reads it.
pub fn type_name(t: RoundType, lang: Lang) -> &'static str {
    use RoundType as T;
    match t {
        T::General => lang.pick("General (all programs)", "Générale (tous les programmes)"),
        T::Cec => lang.pick(
            "Canadian Experience Class",
            "Catégorie de l’expérience canadienne",
        ),
        T::Fsw => lang.pick(
            "Federal Skilled Worker",
            "Programme des travailleurs qualifiés (fédéral)",
        ),
        T::Fst => lang.pick(
            "Federal Skilled Trades",
            "Programme des travailleurs de métiers spécialisés (fédéral)",
        ),
        T::Pnp => lang.pick(
            "Provincial Nominee Program",
            "Programme des candidats des provinces",
        ),
        T::French => lang.pick(
            "French-language proficiency",
            "Compétence linguistique en français",
        ),
        T::Healthcare => lang.pick(
            "Healthcare and social services",
            "Soins de santé et services sociaux",
        ),
        T::Stem => lang.pick(
            "Science, technology, engineering and math (STEM)",
            "Sciences, technologies, génie et mathématiques (STGM)",
        ),
        T::Trades => lang.pick("Trades", "Métiers"),
        T::Transport => lang.pick("Transport", "Transport"),
        T::Agriculture => lang.pick(
            "Agriculture and agri-food",
            "Agriculture et agroalimentaire",
        ),
        T::Education => lang.pick("Education", "Éducation"),
        T::Physicians => lang.pick(
            "Physicians with Canadian work experience",
            "Médecins ayant une expérience de travail au Canada",
        ),
        T::SeniorManagers => lang.pick(
            "Senior managers with Canadian work experience",
            "Cadres supérieurs ayant une expérience de travail au Canada",
        ),
        T::Researchers => lang.pick(
            "Researchers with Canadian work experience",
            "Chercheurs ayant une expérience de travail au Canada",
        ),
        T::SkilledMilitary => {
            lang.pick("Skilled military recruits", "Recrues militaires qualifiées")
        }
        T::Other => lang.pick("Other", "Autre"),
    }
}

/// A sentence about past rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawsText {
    /// No rounds in the data.
    NoRounds,
    /// No CRS score to compare with.
    NoScore {
        months: u8,
        since: Date,
        rounds: u32,
    },
    /// Eligible for none of the window's rounds.
    NoneEligible {
        months: u8,
        since: Date,
        rounds: u32,
    },
    /// "Your 471 would have cleared 2 of the 6 … rounds since …".
    Cleared {
        crs: u16,
        since: Date,
        cleared: u32,
        eligible: u32,
        /// The type, when every eligible round was of one type.
        only: Option<RoundType>,
        lowest: u16,
    },
}

impl DrawsText {
    /// The sentence for a window.
    pub fn summary(crs: Option<u16>, w: &Window) -> DrawsText {
        match (crs, w.lowest_cutoff()) {
            (None, _) => DrawsText::NoScore {
                months: w.months,
                since: w.since,
                rounds: w.rounds,
            },
            (Some(_), None) => DrawsText::NoneEligible {
                months: w.months,
                since: w.since,
                rounds: w.rounds,
            },
            (Some(crs), Some(lowest)) => DrawsText::Cleared {
                crs,
                since: w.since,
                cleared: w.cleared,
                eligible: w.eligible_rounds,
                only: (w.by_type.len() == 1)
                    .then(|| w.by_type.keys().next().copied())
                    .flatten(),
                lowest,
            },
        }
    }
}

impl Say for DrawsText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: u32| crate::text::say::In(&Num(u64::from(v)), lang).to_string();
        let day = |d: Date| crate::text::say::In(&LongDate(d), lang).to_string();
        match (*self, lang) {
            (DrawsText::NoRounds, Lang::En) => f.write_str("No rounds of invitations are known."),
            (DrawsText::NoRounds, Lang::Fr) => {
                f.write_str("Aucune ronde d’invitations n’est connue.")
            }
            (
                DrawsText::NoScore {
                    months,
                    since,
                    rounds,
                },
                Lang::En,
            ) => write!(
                f,
                "Without a CRS score, past rounds cannot be compared: {} rounds were held in the last {months} months (since {}).",
                n(rounds),
                day(since)
            ),
            (
                DrawsText::NoScore {
                    months,
                    since,
                    rounds,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Sans score CRS, les rondes passées ne peuvent pas être comparées\u{202f}: {} rondes ont eu lieu au cours des {months} derniers mois (depuis le {}).",
                n(rounds),
                day(since)
            ),
            (
                DrawsText::NoneEligible {
                    months,
                    since,
                    rounds,
                },
                Lang::En,
            ) => write!(
                f,
                "You were not eligible for any of the {} rounds of the last {months} months (since {}).",
                n(rounds),
                day(since)
            ),
            (
                DrawsText::NoneEligible {
                    months,
                    since,
                    rounds,
                },
                Lang::Fr,
            ) => write!(
                f,
                "Vous n’étiez admissible à aucune des {} rondes des {months} derniers mois (depuis le {}).",
                n(rounds),
                day(since)
            ),
            (
                DrawsText::Cleared {
                    crs,
                    since,
                    cleared,
                    eligible,
                    only,
                    lowest,
                },
                Lang::En,
            ) => {
                write!(
                    f,
                    "Your {crs} would have cleared {} of the {} ",
                    n(cleared),
                    n(eligible)
                )?;
                match only {
                    Some(t) => write!(f, "{} rounds since {}", type_name(t, lang), day(since))?,
                    None => write!(f, "rounds you were eligible for since {}", day(since))?,
                }
                write!(f, "; the lowest cutoff was {lowest}.")
            }
            (
                DrawsText::Cleared {
                    crs,
                    since,
                    cleared,
                    eligible,
                    only,
                    lowest,
                },
                Lang::Fr,
            ) => {
                write!(
                    f,
                    "Avec {crs} points, vous auriez atteint le seuil de {} des {} ",
                    n(cleared),
                    n(eligible)
                )?;
                match only {
                    Some(t) => write!(
                        f,
                        "rondes «\u{202f}{}\u{202f}» tenues depuis le {}",
                        type_name(t, lang),
                        day(since)
                    )?,
                    None => write!(
                        f,
                        "rondes auxquelles vous étiez admissible depuis le {}",
                        day(since)
                    )?,
                }
                write!(f, "\u{202f}; le seuil le plus bas était de {lowest}.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::In;

    #[test]
    fn sentences_in_both_languages() {
        let t = DrawsText::Cleared {
            crs: 471,
            since: Date::constant(2026, 2, 19),
            cleared: 2,
            eligible: 6,
            only: Some(RoundType::Cec),
            lowest: 469,
        };
        assert_eq!(
            In(&t, Lang::En).to_string(),
            "Your 471 would have cleared 2 of the 6 Canadian Experience Class rounds since February 19, 2026; the lowest cutoff was 469."
        );
        assert_eq!(
            In(&t, Lang::Fr).to_string(),
            "Avec 471 points, vous auriez atteint le seuil de 2 des 6 rondes «\u{202f}Catégorie de l’expérience canadienne\u{202f}» tenues depuis le 19 février 2026\u{202f}; le seuil le plus bas était de 469."
        );
        for lang in [Lang::En, Lang::Fr] {
            for t in RoundType::ALL {
                assert!(!type_name(t, lang).is_empty());
            }
        }
    }
}
