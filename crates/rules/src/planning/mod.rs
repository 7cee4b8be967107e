//! Planning: what the candidate can change, and when things change.
//! Each feature is its own module; this file only lists them.

pub mod whatif;
