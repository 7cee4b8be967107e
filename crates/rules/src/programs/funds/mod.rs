//! Proof of settlement funds (FSW and FST): the amount for a family size on a
//! date, from `data/programs/proof_of_funds.toml`, and the requirement line.

pub(crate) mod text;
pub use text::{FundsError, FundsText, Need};

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Context, FswText, table_error, working_in_canada};
use crate::dated::{Source, Table};
use crate::error::{Result, RulesError};
use crate::profile::Profile;
use crate::programs::result::{Requirement, Status};
use crate::text::{Num, Text};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Amounts {
    /// For 1 to 7 family members.
    pub amounts: Vec<u32>,
    pub each_additional: u32,
}

static TABLE: LazyLock<std::result::Result<Table<Amounts>, String>> = LazyLock::new(|| {
    let t: Table<Amounts> = load_table!("proof_of_funds.toml")?;
    for v in &t.versions {
        if v.values.amounts.len() != 7 {
            return Err(format!(
                "proof_of_funds.toml: the version from {} must list 7 amounts",
                v.effective_from
            ));
        }
    }
    Ok(t)
});

impl FundsError {
    fn error(self) -> RulesError {
        match self {
            FundsError::NoMembers => RulesError::invalid(
                "family_size",
                "0 is not a family size: 1 (the candidate alone) or more",
            ),
            FundsError::NotCovered { date, earliest } => RulesError::DateNotCovered {
                table: "proof_of_funds",
                date,
                earliest,
            },
            FundsError::BadTable(e) => table_error(e),
        }
    }
}

/// The amount for `family_size` members (1 or more) in the table in force on `on`.
pub fn funds_required(family_size: u8, on: Date) -> Result<FundsRequired> {
    lookup(family_size, on).map_err(FundsError::error)
}

fn lookup(family_size: u8, on: Date) -> std::result::Result<FundsRequired, FundsError> {
    if family_size == 0 {
        return Err(FundsError::NoMembers);
    }
    let t = TABLE
        .as_ref()
        .map_err(|e| FundsError::BadTable(e.as_str()))?;
    let v = t.in_force(on).ok_or(FundsError::NotCovered {
        date: on,
        earliest: t.earliest(),
    })?;
    let n = usize::from(family_size);
    let a = &v.values.amounts;
    let amount = match a.get(n - 1) {
        Some(x) => *x,
        None => {
            let last = a.last().copied().unwrap_or(0);
            let extra = u32::try_from(n - a.len()).unwrap_or(u32::MAX);
            last.saturating_add(extra.saturating_mul(v.values.each_additional))
        }
    };
    Ok(FundsRequired {
        family_size,
        amount,
        table_from: v.effective_from,
        source: &v.source,
    })
}

/// The settlement funds required for a family size on a date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FundsRequired {
    pub family_size: u8,
    /// Canadian dollars.
    pub amount: u32,
    /// The table's first day in force.
    pub table_from: Date,
    pub source: &'static Source,
}

/// The family size used for funds, and whether landed derived it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FamilySize {
    pub members: u8,
    /// `true` when the profile has no `family_size` and landed counted the
    /// candidate and a spouse or partner (children are not in the profile).
    pub derived: bool,
}

/// `family_size` from the profile, else 1 + a spouse or partner (married or
/// common-law, whether or not they come to Canada or are a citizen or PR).
pub fn family_size(profile: &Profile) -> FamilySize {
    match profile.family_size {
        Some(n) => FamilySize {
            members: n,
            derived: false,
        },
        None => FamilySize {
            members: 1 + u8::from(profile.marital_status.has_partner()),
            derived: true,
        },
    }
}

/// Whether a job offer exempts the candidate from showing funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exemption {
    /// No valid job offer for the program.
    None,
    /// A valid offer; authorized to work in Canada as far as the profile shows.
    Exempt,
    /// A valid offer, but the profile does not show a current authorization.
    OfferOnly,
}

pub(crate) fn exemption(ctx: &Context<'_>, has_valid_offer: bool) -> Exemption {
    match (has_valid_offer, working_in_canada(ctx.profile, ctx.as_of)) {
        (false, _) => Exemption::None,
        (true, Some(_)) => Exemption::Exempt,
        (true, None) => Exemption::OfferOnly,
    }
}

fn note(m: FundsText) -> Text {
    FswText::Funds(m).into()
}

/// The proof-of-funds requirement and its notes.
pub(crate) fn requirement(
    ctx: &Context<'_>,
    id: &'static str,
    exempt: Exemption,
) -> (Requirement, Vec<Text>) {
    let mut notes = Vec::new();
    let size = family_size(ctx.profile);
    let requirement = |status, detail: FundsText, source| Requirement {
        id: id.into(),
        status,
        detail: FswText::Funds(detail).into(),
        source,
    };
    if exempt == Exemption::Exempt {
        return (requirement(Status::Met, FundsText::Exempt, None), notes);
    }
    let req = match lookup(size.members, ctx.as_of) {
        Ok(r) => r,
        Err(e) => {
            return (
                requirement(Status::Unknown, FundsText::Unavailable(e), None),
                notes,
            );
        }
    };
    if size.derived {
        notes.push(note(FundsText::DerivedFamily {
            members: size.members,
        }));
    }
    if ctx.as_of > req.table_from.saturating_add(jiff::Span::new().years(1)) {
        notes.push(note(FundsText::OldTable {
            from: req.table_from,
        }));
    }
    let need = Need {
        amount: req.amount,
        family_size: req.family_size,
        table_from: req.table_from,
    };
    let available = |have: f64, offer_only| FundsText::Available {
        have: Num(have.max(0.0).floor() as u64),
        need,
        offer_only,
    };
    let (status, detail) = match ctx.profile.settlement_funds_cad {
        Some(have) if have >= f64::from(req.amount) => (Status::Met, available(have, false)),
        Some(have) if exempt == Exemption::OfferOnly => (Status::Unknown, available(have, true)),
        Some(have) => (Status::NotMet, available(have, false)),
        None => (Status::Unknown, FundsText::NotGiven(need)),
    };
    (requirement(status, detail, Some(req.source)), notes)
}
