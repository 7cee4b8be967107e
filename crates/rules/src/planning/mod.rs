//! Planning: what the candidate can change, and when things change.
//! Each feature is its own module; this file only lists them.

pub mod dates;
pub mod timeline;
pub mod timeline_text;
pub mod whatif;
