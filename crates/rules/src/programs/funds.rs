//! Proof of settlement funds (FSW and FST): the amount for a family size on a
//! date, from `data/programs/proof_of_funds.toml`, and the requirement line.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Context, fmt_int, table_error, working_in_canada};
use crate::assess::{Requirement, Status};
use crate::dated::{Source, Table};
use crate::error::{Result, RulesError};
use crate::profile::Profile;

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
            return Err(text!(
                "proof_of_funds.toml: the version from {} must list 7 amounts",
                v.effective_from
            ));
        }
    }
    Ok(t)
});

pub(crate) fn table() -> Result<&'static Table<Amounts>> {
    TABLE.as_ref().map_err(|e| table_error(e))
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

/// The amount for `family_size` members (1 or more) in the table in force on `on`.
pub fn funds_required(family_size: u8, on: Date) -> Result<FundsRequired> {
    if family_size == 0 {
        return Err(RulesError::invalid(
            "family_size",
            "0 is not a family size: 1 (the candidate alone) or more",
        ));
    }
    let v = table()?.require("proof_of_funds", on)?;
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

/// The proof-of-funds requirement and its notes.
pub(crate) fn requirement(
    ctx: &Context<'_>,
    id: &str,
    exempt: Exemption,
) -> (Requirement, Vec<String>) {
    let mut notes = Vec::new();
    let size = family_size(ctx.profile);
    if exempt == Exemption::Exempt {
        return (
            Requirement {
                id: id.to_string(),
                status: Status::Met,
                detail: "Not needed: you are working in Canada with authorization and have a valid job offer".into(),
                source: None,
            },
            notes,
        );
    }
    let req = match funds_required(size.members, ctx.as_of) {
        Ok(r) => r,
        Err(e) => {
            return (
                Requirement {
                    id: id.to_string(),
                    status: Status::Unknown,
                    detail: ptext!("The amount cannot be looked up: {e}"),
                    source: None,
                },
                notes,
            );
        }
    };
    if size.derived {
        notes.push(text!(
            "Proof of funds: landed counted a family of {} ({}); dependent children are not in the profile, so this may be too low. Enter family_size: you, your spouse or partner and every dependent child (yours and theirs), even those who are citizens, permanent residents or not coming",
            size.members,
            if size.members == 1 { "you alone" } else { "you and your spouse or partner" }
        ));
    }
    if ctx.as_of > req.table_from.saturating_add(jiff::Span::new().years(1)) {
        notes.push(text!(
            "Proof of funds: the newest table landed knows is from {}; IRCC updates the amounts about once a year, so check canada.ca for newer ones",
            req.table_from
        ));
    }
    let need = text!(
        "CAD {} needed for a family of {} (IRCC table from {})",
        fmt_int(u64::from(req.amount)),
        req.family_size,
        req.table_from
    );
    let (status, detail) = match ctx.profile.settlement_funds_cad {
        Some(have) if have >= f64::from(req.amount) => (
            Status::Met,
            text!("CAD {} available; {need}", fmt_int(have.floor() as u64)),
        ),
        Some(have) if exempt == Exemption::OfferOnly => (
            Status::Unknown,
            text!(
                "CAD {} available; {need}. Your job offer exempts you if you are authorized to work in Canada now: the profile shows no current authorized job in Canada",
                fmt_int(have.floor() as u64)
            ),
        ),
        Some(have) => (
            Status::NotMet,
            text!("CAD {} available; {need}", fmt_int(have.floor() as u64)),
        ),
        None => (
            Status::Unknown,
            text!("How much money you can bring is not in the profile; {need}"),
        ),
    };
    (
        Requirement {
            id: id.to_string(),
            status,
            detail: detail.into(),
            source: Some(req.source.clone()),
        },
        notes,
    )
}
