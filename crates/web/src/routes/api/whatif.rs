//! `POST /api/v1/whatif[?target=N][&lang=en|fr]`: a profile (as for
//! `/api/v1/assess`) → the what-if result (contract planning.md, "What-if"):
//! the options ranked by gain, the target, and the smallest plan reaching it.
//! A target outside 1 to 1,200 is a 422 naming `target`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use landed_rules::planning::whatif::{Target, whatif as run_whatif};

use crate::routes::api::{OutputParams, engine_input, rules_error, to_json};
use crate::state::AppState;

/// `?target=N&lang=en|fr`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct WhatIfParams {
    pub target: Option<String>,
    pub lang: Option<String>,
}

/// `POST /api/v1/whatif`.
pub async fn whatif(
    State(state): State<AppState>,
    Query(params): Query<WhatIfParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let target = match params.target.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) => match Target::parse(t) {
            Ok(t) => Some(t),
            Err(e) => return rules_error(&e),
        },
    };
    let output = OutputParams {
        lang: params.lang,
        detail: None,
    };
    let (lang, profile) = match engine_input(&output, &headers, &body, |text| {
        landed_rules::profile::parse_profile(text)
    }) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let result = landed_rules::assess::assess(&profile, state.today()).and_then(|a| {
        let default = landed_rules::planning::whatif::DefaultTarget::from_assessment(&a);
        run_whatif(&profile, &a, target, default.as_ref())
    });
    match result {
        Ok(w) => to_json(&w, lang),
        Err(e) => rules_error(&e),
    }
}
