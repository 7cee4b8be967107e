//! The JSON of an input that could not be read, on its own line of standard error or in
//! place of a result: `{"line": 3, "error": {"field": "…", "message": "…"}}` — one shape for
//! batch mode, `timeline`/`whatif` and `pool` (docs/output.md).

use serde::Serialize;

#[derive(Serialize)]
pub struct LineError<'a> {
    pub line: usize,
    pub error: ErrorBody<'a>,
}

#[derive(Serialize)]
pub struct ErrorBody<'a> {
    pub field: &'a str,
    pub message: &'a str,
}
