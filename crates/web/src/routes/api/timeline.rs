//! `POST /api/v1/timeline[?until=&jobs_end=&lang=]`: profile → timeline
//! (planning.md, "Timeline"). Errors as the other endpoints:
//! `{"error": {"field", "message"}}`, 422; a `jobs_end` before the
//! assessment date names `jobs_end`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use landed_rules::Date;
use landed_rules::planning::timeline::{TimelineOptions, timeline as compute};

use super::api::{OutputParams, engine_input, error, rules_error, to_json};
use crate::state::AppState;

/// The query: the horizon, the scenario, the language.
#[derive(Debug, Default, serde::Deserialize)]
pub struct TimelineParams {
    pub until: Option<String>,
    pub jobs_end: Option<String>,
    pub lang: Option<String>,
}

fn date_param(field: &str, v: Option<&str>) -> Result<Option<Date>, Box<Response>> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => s.parse::<Date>().map(Some).map_err(|_| {
            Box::new(error(
                StatusCode::UNPROCESSABLE_ENTITY,
                field,
                &format!("{s:?} is not a date (YYYY-MM-DD)"),
            ))
        }),
    }
}

pub async fn timeline(
    State(state): State<AppState>,
    Query(params): Query<TimelineParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let opts = match (
        date_param("until", params.until.as_deref()),
        date_param("jobs_end", params.jobs_end.as_deref()),
    ) {
        (Ok(until), Ok(jobs_end)) => TimelineOptions { until, jobs_end },
        (Err(r), _) | (_, Err(r)) => return *r,
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
    match compute(&profile, state.today(), &opts) {
        Ok(t) => to_json(&t, lang),
        Err(e) => rules_error(&e),
    }
}
