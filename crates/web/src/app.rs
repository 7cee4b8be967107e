//! The router and its layers.

use std::time::Duration;

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::StatusCode;
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::routes::{api, crs, draws, pages, questions, staff, wizard};
use crate::security;
use crate::state::AppState;
use crate::statics;

/// Build the whole application.
pub fn app(state: AppState) -> Router {
    let body_limit = state.settings().body_limit_bytes;
    Router::new()
        .route("/", get(pages::root))
        .route("/health", get(pages::health))
        .route("/static/{*path}", get(statics::serve))
        .route("/{lang}", get(pages::lang_root))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/privacy", get(pages::privacy))
        .route("/{lang}/crs", get(crs::page))
        .route("/{lang}/draws", get(draws::page))
        .route(
            "/{lang}/assessment",
            get(wizard::start).post(wizard::submit),
        )
        .route("/{lang}/assessment/results", get(wizard::results))
        .route("/{lang}/noc/suggest", get(wizard::noc_suggest))
        .route(
            "/{lang}/questions/new",
            get(questions::form).post(questions::submit),
        )
        .route("/{lang}/questions/sent", get(questions::sent))
        .route("/staff", get(staff::inbox))
        .route("/staff/", get(staff::inbox))
        .route("/staff/login", get(staff::login_form).post(staff::login))
        .route("/staff/logout", post(staff::logout))
        .route("/staff/lang", get(staff::switch_lang))
        .route("/staff/export.csv", get(staff::export_csv))
        .route("/staff/questions/{id}", get(staff::detail))
        .route("/staff/questions/{id}/notes", post(staff::add_note))
        .route("/staff/questions/{id}/status", post(staff::change_status))
        .merge(api::router())
        .fallback(pages::fallback)
        .layer(axum::middleware::from_fn(security::origin_check))
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // Every refusal under /api/ as an RFC 9457 problem (outside the body limit and the
        // timeout, so their 413 and 408 become problems too).
        .layer(axum::middleware::from_fn(api::problems))
        .layer(axum::middleware::from_fn(security::security_headers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    // Only the route template: never the query string (it can carry a profile).
                    let route = req
                        .extensions()
                        .get::<MatchedPath>()
                        .map(|m| m.as_str().to_string())
                        .unwrap_or_else(|| "(unmatched)".to_string());
                    tracing::info_span!("request", method = %req.method(), route = %route)
                })
                .on_request(())
                .on_response(
                    |res: &axum::response::Response, latency: Duration, _span: &tracing::Span| {
                        tracing::info!(
                            status = res.status().as_u16(),
                            ms = latency.as_millis() as u64,
                            "response"
                        );
                    },
                ),
        )
        .with_state(state)
}
