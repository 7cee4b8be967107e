//! `POST /api/v1/crs`, `POST /api/v1/assess` and `GET /api/v1/draws`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use landed_rules::Date;

use super::body::{self, Contract, read_profile};
use super::{msg, output_lang, rules_error, to_json};
use crate::error::{Problem, WebError};
use crate::i18n::Lang;
use crate::state::AppState;

/// `?lang=en|fr` for the language of the engine's sentences; `?detail=full|totals`
/// for how much of a result (totals: the numbers only, the same in every language).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutputParams {
    /// The language of the sentences (default: `Accept-Language`, else English).
    #[param(value_type = Option<super::doc::LangCode>)]
    pub lang: Option<String>,
    /// `full` (default) or `totals`: the numbers only.
    #[param(value_type = Option<super::doc::Detail>)]
    pub detail: Option<String>,
}

/// Whether `?detail=totals` was asked (default `full`).
fn totals_only(detail: Option<&str>, lang: Lang) -> Result<bool, WebError> {
    match detail {
        None | Some("full") => Ok(false),
        Some("totals") => Ok(true),
        Some(_) => Err(WebError::invalid_param(
            lang,
            "detail",
            msg(lang, "use full or totals", "utilisez full ou totals"),
        )),
    }
}

/// Score the official CRS tool's questions.
#[utoipa::path(
    post,
    path = "/api/v1/crs",
    tag = "engine",
    params(OutputParams),
    request_body(content = super::doc::CrsAnswers, content_type = "application/json"),
    responses(
        (status = 200, description = "The CRS result (or its totals with `detail=totals`)",
            content((super::doc::CrsResponse = "application/json"))),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid answers or parameters, each field named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn crs(
    State(state): State<AppState>,
    Query(params): Query<OutputParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = output_lang(params.lang.as_deref(), &headers)?;
    let totals = totals_only(params.detail.as_deref(), lang)?;
    let answers = body::read(&headers, &body, lang, Contract::CrsAnswers, |text| {
        landed_rules::crs::parse_answers(text)
    })?;
    if totals {
        return landed_rules::totals::score_totals(&answers, state.today())
            .map(|t| to_json(&t, lang))
            .map_err(|e| rules_error(lang, &e));
    }
    landed_rules::text::in_language(lang, || {
        landed_rules::crs::score_answers(&answers, state.today())
    })
    .map(|r| to_json(&r, lang))
    .map_err(|e| rules_error(lang, &e))
}

/// Eligibility for CEC, FSW and FST, and the CRS, from a full profile.
#[utoipa::path(
    post,
    path = "/api/v1/assess",
    tag = "engine",
    params(OutputParams),
    request_body(content = super::doc::Profile, content_type = "application/json"),
    responses(
        (status = 200, description = "The assessment (or its totals with `detail=totals`)",
            content((super::doc::AssessResponse = "application/json"))),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid profile or parameter, each field named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn assess(
    State(state): State<AppState>,
    Query(params): Query<OutputParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = output_lang(params.lang.as_deref(), &headers)?;
    let totals = totals_only(params.detail.as_deref(), lang)?;
    let profile = read_profile(&headers, &body, lang, state.today())?;
    let mut a = landed_rules::text::in_language(lang, || {
        landed_rules::assess::assess(&profile, state.today())
    })
    .map_err(|e| rules_error(lang, &e))?;
    crate::draws_store::apply(&mut a, profile.provincial_nomination);
    if totals {
        Ok(to_json(
            &landed_rules::totals::AssessmentTotals::from(&a),
            lang,
        ))
    } else {
        Ok(to_json(&a, lang))
    }
}

/// `type` (repeatable), `since`, `until`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DrawsParams {
    /// Round types (repeat, or separate with commas), e.g. `cec`, `french`; default all.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<Vec<String>>,
    /// The first day of the period (YYYY-MM-DD), inclusive.
    #[param(value_type = Option<String>, format = Date)]
    pub since: Option<String>,
    /// The last day of the period (YYYY-MM-DD), inclusive.
    #[param(value_type = Option<String>, format = Date)]
    pub until: Option<String>,
}

/// The rounds of invitations, newest first, with the pool's distribution.
#[utoipa::path(
    get,
    path = "/api/v1/draws",
    tag = "engine",
    params(DrawsParams),
    responses(
        (status = 200, description = "The rounds matching the filter", body = super::doc::Draws),
        (status = 422, description = "A bad filter, the parameter named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn draws(
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let lang = super::header_lang(&headers);
    // Dates exactly as documented (an empty `since=` is not a date).
    for (k, v) in &pairs {
        if (k == "since" || k == "until") && v.parse::<Date>().is_err() {
            return Err(WebError::invalid_param(
                lang,
                k,
                msg(
                    lang,
                    &format!("{v:?} is not a date (YYYY-MM-DD)"),
                    &format!("{v:?} n’est pas une date (AAAA-MM-JJ)"),
                ),
            ));
        }
    }
    let filter = crate::form::filter_from(&pairs)
        .map_err(|(field, message)| WebError::invalid_param(lang, &field, message))?;
    let draws = crate::draws_store::current();
    Ok(to_json(&draws.output(&filter), lang))
}
