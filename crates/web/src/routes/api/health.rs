//! `GET /api/v1/health` (the process answers) and `GET /api/v1/ready` (and so does the
//! database).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;

use super::{header_lang, msg, to_json};
use crate::error::{Problem, WebError};
use crate::state::AppState;

/// The service's state.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` (health) or `ready` (readiness).
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// The process is up and answering.
#[utoipa::path(
    get,
    path = "/api/v1/health",
    tag = "service",
    responses((status = 200, description = "The process answers", body = Health))
)]
pub async fn health(headers: HeaderMap) -> Response {
    to_json(&Health { status: "ok" }, header_lang(&headers))
}

/// The process and its database answer: ready for traffic.
#[utoipa::path(
    get,
    path = "/api/v1/ready",
    tag = "service",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ready(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let lang = header_lang(&headers);
    match state.store().ping().await {
        Ok(()) => Ok(to_json(&Health { status: "ready" }, lang)),
        Err(e) => {
            tracing::error!(error = %e, "readiness: database");
            Err(WebError::problem(StatusCode::SERVICE_UNAVAILABLE, lang)
                .with_detail(msg(
                    lang,
                    "the database does not answer",
                    "la base de données ne répond pas",
                ))
                .with_retry_after(5))
        }
    }
}
