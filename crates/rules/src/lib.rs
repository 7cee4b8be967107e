//! # landed-rules
//!
//! The pure rules engine of landed: no I/O, no async. Everything a result
//! says can be traced to a rule table in `data/` and the page that publishes it.
#![forbid(unsafe_code)]

pub mod assess;
pub mod clb;
pub mod crs;
pub mod currency;
pub mod dated;
pub mod draws;
pub mod error;
pub mod holidays;
pub mod hours;
pub mod json;
pub mod language;
pub mod noc;
pub mod planning;
pub mod pool;
pub mod profile;
pub mod programs;
pub mod text;
pub mod totals;

pub use error::{Result, RulesError};
pub use jiff::civil::Date;
