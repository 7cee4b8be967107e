//! Planning: what changes ahead and what could change it (issue 11).

pub mod dates;
pub mod timeline;
pub mod timeline_text;
