//! The assessment wizard (`/{lang}/assessment`), its results page and the NOC type-ahead.
//!
//! Works without JavaScript: each step is a server-rendered form whose buttons are named
//! `action` (`next`, `back`, `add:LIST`, `remove:LIST:I`, `find_noc:SLOT`, `pick_noc:SLOT:CODE`;
//! a NOC slot is `I` for the candidate's job I, `spouse.work_history:I`, `job_offer` or
//! `certificate_of_qualification`, see [`NocSlot`]).
//! The draft travels in a hidden `state` field (see [`crate::wizard`]). With JavaScript,
//! htmx adds entries in place and the job title field suggests NOC codes as you type.
//!
//! One module per part: [`steps`] (the first step and moving between steps), [`view`] (a
//! step's page), [`results`](mod@results) (the results page), [`noc`] (NOC slots, search
//! and the type-ahead fragment).

pub mod noc;
pub mod results;
pub mod steps;
pub mod view;

pub use noc::{NocFragment, NocSlot, NocView, Suggestion, noc_suggest};
pub use results::{ResultsInvalid, ResultsPage, ResultsParams, results};
pub use steps::{StartParams, start, submit};
pub use view::{EntryView, FieldView, ListView, OptView, WizardPage};

/// Largest profile accepted in a results URL (inflated bytes).
pub const PROFILE_MAX: usize = 64 * 1024;
