//! The assessment wizard's state and its translation into a profile.
//!
//! The whole draft is a flat map from **profile-contract paths** (`date_of_birth`,
//! `work_history[1].hours_per_week`, `spouse.language_tests[0].reading`) to the text typed.
//! Form inputs carry those same names, so an error from the rules engine (which names the
//! path) is shown next to the right input, and the draft travels between steps as one
//! hidden field (deflated JSON, base64url; it is the person's own data, so it needs no
//! signature: everything is validated again at the end). Nothing is stored on the server.
//!
//! One module per part: [`fields`] (the steps, their fields and lists), [`input`] (a step's
//! form into the draft, entries added and removed, numbers as typed), [`validate`] (a step's
//! checks and their messages), [`profile`] (the draft to the profile and back).

use std::collections::BTreeMap;

use crate::security;

pub mod fields;
pub mod input;
pub mod profile;
pub mod validate;

pub use fields::{
    ABOUT, COQ_FIELDS, CREDENTIAL_FIELDS, FAMILY_FIELDS, FieldDef, GROUPS, JOB_FIELDS, JOB_KINDS,
    Kind, LEVELS, LIST_EDUCATION, LIST_JOBS, LIST_PERMITS, LIST_SPOUSE_EDUCATION, LIST_SPOUSE_JOBS,
    LIST_SPOUSE_TESTS, LIST_STUDY, LIST_TESTS, ListDef, MARITAL, OFFER_FIELDS, OFFICIAL,
    OWN_CREDENTIAL_FIELDS, PERMIT_FIELDS, PERMIT_KINDS, PLANS, PROVINCES, SPOUSE_FIELDS, STEPS,
    STUDY_FIELDS, TEST_FIELDS, TESTS, is_wizard_only, only_in_canada, step_of, step_parts,
};
pub use input::{add_entry, merge_step, number, remove_entry};
pub use profile::{credential_study, draft_path, from_profile, to_profile};
pub use validate::{field_label, name_fields, score_message, validate_step};

/// The draft: contract path → text as typed.
pub type Draft = BTreeMap<String, String>;

/// Largest inflated draft accepted (bytes).
pub const DRAFT_MAX: usize = 64 * 1024;
/// At most this many entries in each list.
pub const MAX_ENTRIES: usize = 20;

/// The count key of a list in the draft.
pub fn count_key(list: &str) -> String {
    format!("_n.{list}")
}

/// How many entries a list has in the draft.
pub fn count(d: &Draft, list: &str) -> usize {
    d.get(&count_key(list))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0)
        .min(MAX_ENTRIES)
}

pub fn entry_key(list: &str, i: usize, field: &str) -> String {
    format!("{list}[{i}].{field}")
}

/// Decode the hidden state; anything unreadable is an empty draft.
pub fn decode(state: &str) -> Draft {
    if state.is_empty() {
        return Draft::new();
    }
    security::unpack(state, DRAFT_MAX)
        .and_then(|b| serde_json::from_slice::<Draft>(&b).ok())
        .unwrap_or_default()
}

pub fn encode(d: &Draft) -> String {
    match serde_json::to_vec(d) {
        Ok(bytes) => security::pack(&bytes),
        Err(_) => String::new(),
    }
}

/// Whether every field of entry `i` is empty (such entries are ignored).
pub fn entry_is_blank(d: &Draft, l: &ListDef, i: usize) -> bool {
    l.fields.iter().all(|fd| {
        d.get(&entry_key(l.path, i, fd.key))
            .is_none_or(|v| v.is_empty())
    })
}

/// Whether every field of an optional object is empty (then it is left out).
pub fn group_is_blank(d: &Draft, fields: &[FieldDef]) -> bool {
    fields
        .iter()
        .all(|fd| d.get(fd.key).is_none_or(|v| v.is_empty()))
}

/// Married or common-law: the spouse questions apply.
pub fn has_partner(d: &Draft) -> bool {
    matches!(
        d.get("marital_status").map(String::as_str),
        Some("married" | "common_law")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A form as the browser sends it (for the tests of every part).
    pub(super) fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
}
