//! `POST /api/v1/timeline[?until=&jobs_end=&lang=]`: profile → timeline
//! (planning.md, "Timeline"). A `jobs_end` before the assessment date names `jobs_end`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use landed_rules::Date;
use landed_rules::planning::timeline::{TimelineOptions, timeline as compute};

use super::body::read_profile;
use super::{msg, output_lang, rules_error, to_json};
use crate::error::{Problem, WebError};
use crate::i18n::Lang;
use crate::state::AppState;

/// The query: the horizon, the scenario, the language.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// The last day looked at (default: 5 years after `as_of`).
    #[param(value_type = Option<String>, format = Date)]
    pub until: Option<String>,
    /// "What if every job ends on this day" (not before `as_of`).
    #[param(value_type = Option<String>, format = Date)]
    pub jobs_end: Option<String>,
    /// The language of the sentences (default: `Accept-Language`, else English).
    #[param(value_type = Option<super::doc::LangCode>)]
    pub lang: Option<String>,
}

fn date_param(field: &str, v: Option<&str>, lang: Lang) -> Result<Option<Date>, WebError> {
    match v {
        None => Ok(None),
        Some(s) => s.parse::<Date>().map(Some).map_err(|_| {
            WebError::invalid_param(
                lang,
                field,
                msg(
                    lang,
                    &format!("{s:?} is not a date (YYYY-MM-DD)"),
                    &format!("{s:?} n’est pas une date (AAAA-MM-JJ)"),
                ),
            )
        }),
    }
}

/// What changes ahead, dated: CEC hours, eligibility, CRS, test validity, deadlines.
#[utoipa::path(
    post,
    path = "/api/v1/timeline",
    tag = "engine",
    params(TimelineParams),
    request_body(content = super::doc::Profile, content_type = "application/json"),
    responses(
        (status = 200, description = "The timeline (planning.md)", body = super::doc::Timeline),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid profile or parameter, each field named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn timeline(
    State(state): State<AppState>,
    Query(params): Query<TimelineParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = output_lang(params.lang.as_deref(), &headers)?;
    let opts = TimelineOptions {
        until: date_param("until", params.until.as_deref(), lang)?,
        jobs_end: date_param("jobs_end", params.jobs_end.as_deref(), lang)?,
    };
    let profile = read_profile(&headers, &body, lang, state.today())?;
    landed_rules::text::in_language(lang, || compute(&profile, state.today(), &opts))
        .map(|t| to_json(&t, lang))
        .map_err(|e| {
            // A horizon or scenario date the engine refuses is about the query parameter.
            let field = e.field();
            if field == "until" || field == "jobs_end" {
                WebError::invalid_param(lang, field, e.message())
            } else {
                rules_error(lang, &e)
            }
        })
}
