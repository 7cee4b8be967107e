//! # landed-rules
//!
//! The pure rules engine of landed: no I/O, no async. Everything a result
//! says can be traced to a rule table in `data/` and the page that publishes it.
#![forbid(unsafe_code)]

pub mod assess;
pub mod clb;
pub mod crs;
pub mod dated;
pub mod error;
pub mod hours;
pub mod json;
pub mod language;
pub mod noc;
pub mod planning;
pub mod profile;
pub mod programs;
pub mod text;

pub use error::{Result, RulesError};
pub use jiff::civil::Date;
