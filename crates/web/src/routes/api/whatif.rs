//! `POST /api/v1/whatif[?target=N][&lang=en|fr]`: a profile (as for
//! `/api/v1/assess`) → the what-if result (contract planning.md, "What-if"):
//! the options ranked by gain, the target, and the smallest plan reaching it.
//! A target outside 1 to 1,200 is a 422 naming `target`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use landed_rules::planning::whatif::{Target, whatif as run_whatif};

use super::body::read_profile;
use super::{output_lang, rules_error, to_json};
use crate::error::{Problem, WebError};
use crate::state::AppState;

/// `?target=N&lang=en|fr`.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WhatIfParams {
    /// The CRS score to reach, 1 to 1,200 (default: from the rounds' outlook).
    #[param(value_type = Option<u16>, minimum = 1, maximum = 1200)]
    pub target: Option<String>,
    /// The language of the sentences (default: `Accept-Language`, else English).
    #[param(value_type = Option<super::doc::LangCode>)]
    pub lang: Option<String>,
}

/// What raises the CRS score, and the fewest changes that reach a target.
#[utoipa::path(
    post,
    path = "/api/v1/whatif",
    tag = "engine",
    params(WhatIfParams),
    request_body(content = super::doc::Profile, content_type = "application/json"),
    responses(
        (status = 200, description = "The what-if result (planning.md)", body = super::doc::WhatIf),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid profile or parameter, each field named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn whatif(
    State(state): State<AppState>,
    Query(params): Query<WhatIfParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = output_lang(params.lang.as_deref(), &headers)?;
    let target = match params.target.as_deref() {
        None => None,
        Some(t) if super::parse_digits::<u64>(t.strip_prefix('-').unwrap_or(t)).is_none() => {
            return Err(crate::error::WebError::invalid_param(
                lang,
                "target",
                super::msg(
                    lang,
                    "a whole number from 1 to 1,200",
                    "un nombre entier de 1 à 1 200",
                ),
            ));
        }
        Some(t) => Some(
            landed_rules::text::in_language(lang, || Target::parse(t))
                .map_err(|e| crate::error::WebError::invalid_param(lang, "target", e.message()))?,
        ),
    };
    let profile = read_profile(&headers, &body, lang, state.today())?;
    landed_rules::text::in_language(lang, || {
        landed_rules::assess::assess(&profile, state.today()).and_then(|a| {
            let default = landed_rules::planning::whatif::DefaultTarget::from_assessment(&a);
            run_whatif(&profile, &a, target, default.as_ref())
        })
    })
    .map(|w| to_json(&w, lang))
    .map_err(|e| rules_error(lang, &e))
}
