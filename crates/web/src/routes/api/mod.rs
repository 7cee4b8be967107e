//! The JSON API: `POST /api/v1/crs`, `POST /api/v1/assess`, `GET /api/v1/noc/search`, and
//! the OpenAPI document at `/api/openapi.json`. Errors are
//! `{"error": {"field": "...", "message": "..."}}` with status 422 (400 for a body that is
//! not UTF-8, 413 for one that is too large).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use landed_rules::RulesError;
use landed_rules::noc::SearchLang;
use serde_json::json;

use crate::state::AppState;

/// The OpenAPI 3.1 document (hand-written; a snapshot test keeps it in step with the code).
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// Most NOC hits one search returns.
pub const NOC_LIMIT_MAX: usize = 50;

pub(crate) fn error(status: StatusCode, field: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "error": { "field": field, "message": message } })),
    )
        .into_response()
}

pub(crate) fn rules_error(e: &RulesError) -> Response {
    error(StatusCode::UNPROCESSABLE_ENTITY, e.field(), &e.message())
}

fn not_utf8() -> Response {
    error(StatusCode::BAD_REQUEST, "", "the body is not UTF-8 text")
}

/// `?lang=en|fr` for the language of the engine's sentences; `?detail=full|totals`
/// for how much of a result (totals: the numbers only, the same in every language).
#[derive(Debug, Default, serde::Deserialize)]
pub struct OutputParams {
    pub lang: Option<String>,
    pub detail: Option<String>,
}

/// Whether `?detail=totals` was asked (default `full`).
fn totals_only(params: &OutputParams) -> Result<bool, Box<Response>> {
    match params.detail.as_deref().map(str::trim) {
        None | Some("") | Some("full") => Ok(false),
        Some("totals") => Ok(true),
        Some(_) => Err(Box::new(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "detail",
            "use full or totals",
        ))),
    }
}

/// The language of the sentences in a result: `?lang=` if given, else the
/// first of English or French in `Accept-Language`, else English.
fn output_lang(
    params: &OutputParams,
    headers: &HeaderMap,
) -> Result<landed_rules::text::Lang, Box<Response>> {
    use landed_rules::text::Lang;
    match params.lang.as_deref().map(str::trim) {
        Some("en") => Ok(Lang::En),
        Some("fr") => Ok(Lang::Fr),
        Some("") | None => Ok(crate::i18n::Lang::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
        .engine()),
        Some(_) => Err(Box::new(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "lang",
            "use en or fr",
        ))),
    }
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T, lang: landed_rules::text::Lang) -> Response {
    match landed_rules::text::in_language(lang, || serde_json::to_value(value)) {
        Ok(v) => {
            let mut response = Json(v).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(lang.code()),
            );
            headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "serialising a result");
            error(StatusCode::INTERNAL_SERVER_ERROR, "", "internal error")
        }
    }
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// What the engine's endpoints share before scoring: the output language,
/// then the body as UTF-8 text, parsed by `parse`; or the error response.
pub(crate) fn engine_input<T>(
    params: &OutputParams,
    headers: &HeaderMap,
    body: &[u8],
    parse: impl FnOnce(&str) -> Result<T, RulesError>,
) -> Result<(landed_rules::text::Lang, T), Box<Response>> {
    let lang = output_lang(params, headers)?;
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Box::new(not_utf8()));
    };
    parse(text)
        .map(|input| (lang, input))
        .map_err(|e| Box::new(rules_error(&e)))
}

/// `POST /api/v1/crs[?lang=en|fr][&detail=full|totals]`: crs-answers → CRS result.
pub async fn crs(
    State(state): State<AppState>,
    Query(params): Query<OutputParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let totals = match totals_only(&params) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let (lang, answers) = match engine_input(&params, &headers, &body, |text| {
        landed_rules::crs::parse_answers(text)
    }) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    if totals {
        return match landed_rules::totals::score_totals(&answers, state.today()) {
            Ok(t) => to_json(&t, lang),
            Err(e) => rules_error(&e),
        };
    }
    match landed_rules::crs::score_answers(&answers, state.today()) {
        Ok(r) => to_json(&r, lang),
        Err(e) => rules_error(&e),
    }
}

/// `POST /api/v1/assess[?lang=en|fr][&detail=full|totals]`: profile → assessment.
pub async fn assess(
    State(state): State<AppState>,
    Query(params): Query<OutputParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let totals = match totals_only(&params) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let (lang, profile) = match engine_input(&params, &headers, &body, |text| {
        landed_rules::profile::parse_profile(text)
    }) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    match landed_rules::assess::assess(&profile, state.today()) {
        Ok(mut a) => {
            crate::draws_store::apply(&mut a, profile.provincial_nomination);
            if totals {
                to_json(&landed_rules::totals::AssessmentTotals::from(&a), lang)
            } else {
                to_json(&a, lang)
            }
        }
        Err(e) => rules_error(&e),
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct NocParams {
    pub q: Option<String>,
    pub lang: Option<String>,
    pub limit: Option<String>,
}

/// Search the NOC catalogue; shared by the API and the wizard's type-ahead.
pub fn noc_hits(
    query: &str,
    lang: SearchLang,
    limit: usize,
) -> Result<Vec<landed_rules::noc::SearchHit>, RulesError> {
    let cat = landed_rules::noc::catalogue()?;
    Ok(cat.search(query, lang, limit.clamp(1, NOC_LIMIT_MAX)))
}

/// `GET /api/v1/noc/search?q=…[&lang=en|fr|any][&limit=10]`.
pub async fn noc_search(Query(params): Query<NocParams>) -> Response {
    let q = params.q.unwrap_or_default();
    let q = q.trim();
    if q.is_empty() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
            "enter a job title or a NOC code",
        );
    }
    if q.chars().count() > 200 {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
            "at most 200 characters",
        );
    }
    let lang = match params.lang.as_deref() {
        None | Some("") | Some("any") => SearchLang::Any,
        Some("en") => SearchLang::En,
        Some("fr") => SearchLang::Fr,
        Some(_) => {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "lang",
                "use en, fr or any",
            );
        }
    };
    let limit = match params.limit.as_deref() {
        None | Some("") => 10,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=NOC_LIMIT_MAX).contains(&n) => n,
            _ => {
                return error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "limit",
                    "a whole number from 1 to 50",
                );
            }
        },
    };
    match noc_hits(q, lang, limit) {
        Ok(hits) => Json(json!({ "query": q, "hits": hits })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "NOC catalogue");
            error(StatusCode::INTERNAL_SERVER_ERROR, "", "internal error")
        }
    }
}
