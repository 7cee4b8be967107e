//! What the currency notes say, and the reported changes they name.

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dated::Source;
use crate::text::say::{Lang, Say};

/// A reported change that is not encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    pub id: String,
    /// What the change would affect (`crs`, `cec`, …).
    pub affects: Vec<String>,
    pub reported_effective: Date,
    pub what: String,
    pub what_fr: String,
    pub status: String,
    pub status_fr: String,
    pub sources: Vec<Source>,
}

/// What the currency notes say.
#[derive(Debug, Clone, PartialEq)]
pub enum CurrencyText {
    NotVerifiedSince { through: Date },
    Pending(&'static Pending),
}

impl Say for CurrencyText {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, lang) {
            (CurrencyText::NotVerifiedSince { through }, Lang::En) => write!(
                f,
                "landed's rules data was last verified against the published pages on {through}; rules may have changed since (see landed rules or the rules page)"
            ),
            (CurrencyText::NotVerifiedSince { through }, Lang::Fr) => write!(
                f,
                "Les données de règles de landed ont été vérifiées pour la dernière fois par rapport aux pages publiées le {through}; les règles ont pu changer depuis (voir landed rules ou la page des règles)"
            ),
            (CurrencyText::Pending(p), Lang::En) => {
                let grades: Vec<Cow<'_, str>> = p
                    .sources
                    .iter()
                    .filter_map(|s| s.confidence.clone())
                    .collect();
                write!(
                    f,
                    "Not encoded: {} — {} (sources graded {}). This result may be too low if that factor applies to you.",
                    p.what,
                    p.status,
                    grades.join(", ")
                )
            }
            (CurrencyText::Pending(p), Lang::Fr) => {
                let grades: Vec<Cow<'_, str>> = p
                    .sources
                    .iter()
                    .filter_map(|s| s.confidence.clone())
                    .collect();
                write!(
                    f,
                    "Non intégré : {} — {} (sources cotées {}). Ce résultat peut être trop bas si ce facteur s’applique à vous.",
                    p.what_fr,
                    p.status_fr,
                    grades.join(", ")
                )
            }
        }
    }
}
