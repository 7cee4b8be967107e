//! The router and its layers.
//!
//! From the outside in: the cap on requests in flight (503 at once beyond it), the security
//! headers (tower-http `SetResponseHeaderLayer`s, HSTS when `secure_cookies`), the log line
//! for errors and slow requests, the request and body timeouts, the body size limit, the
//! form-text check (invalid UTF-8 / NUL), and the cross-site check (tower-http `CsrfLayer`).
//! The connection-level limits (connection cap, header-read and idle timeouts) are in
//! [`crate::cli`]'s accept loop.

use std::time::{Duration, Instant};

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower::limit::ConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyDeadlineLayer, TimeoutLayer};

use crate::routes::{api, crs, draws, pages, questions, rules, staff, wizard};
use crate::security;
use crate::state::AppState;
use crate::statics;

/// Build the whole application.
pub fn app(state: AppState) -> Router {
    let s = state.settings().clone();
    // Staff pages hold personal data: never cached.
    let staff_routes = Router::new()
        .route("/staff", get(staff::inbox))
        .route("/staff/", get(staff::inbox))
        .route("/staff/login", get(staff::login_form).post(staff::login))
        .route("/staff/logout", post(staff::logout))
        .route("/staff/lang", get(staff::switch_lang))
        .route("/staff/export.csv", get(staff::export_csv))
        .route("/staff/questions/{id}", get(staff::detail))
        .route("/staff/questions/{id}/notes", post(staff::add_note))
        .route("/staff/questions/{id}/status", post(staff::change_status))
        .route("/staff/questions/{id}/replies", post(staff::add_reply))
        .route(
            "/staff/profile",
            get(staff::profile).post(staff::save_profile),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let mut router = Router::new()
        .route("/", get(pages::root))
        .route("/health", get(pages::health))
        .route("/static/{*path}", get(statics::serve))
        .route("/{lang}", get(pages::lang_root))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/privacy", get(pages::privacy))
        .route("/{lang}/crs", get(crs::page))
        .route("/{lang}/draws", get(draws::page))
        .route("/{lang}/rules", get(rules::page))
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
        .merge(staff_routes)
        .merge(api::router())
        .fallback(pages::fallback);
    // Settings::validate checked the public URL's form; a URL the CSRF layer still refuses
    // leaves the Host comparison alone in force (logged).
    match security::csrf_layer(s.public_url.as_deref()) {
        Ok(layer) => router = router.layer(layer),
        Err(e) => {
            tracing::warn!("{e}");
            if let Ok(layer) = security::csrf_layer(None) {
                router = router.layer(layer);
            }
        }
    }
    router = router
        .layer(axum::middleware::from_fn(security::form_text_check))
        .layer(RequestBodyLimitLayer::new(s.body_limit_bytes))
        .layer(RequestBodyDeadlineLayer::new(Duration::from_secs(
            s.body_timeout_secs,
        )))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(s.request_timeout_secs),
        ))
        // Every refusal under /api/ as an RFC 9457 problem (outside the body limit and the
        // timeout, so their 413 and 408 become problems too).
        .layer(axum::middleware::from_fn(api::problems))
        .layer(axum::middleware::from_fn_with_state(
            Duration::from_millis(s.slow_request_ms),
            log_errors_and_slow,
        ));
    for (name, value) in security::SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    let hsts = s
        .secure_cookies
        .then(|| HeaderValue::from_static(security::HSTS));
    router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::STRICT_TRANSPORT_SECURITY,
        move |_: &Response| hsts.clone(),
    ));
    let routed = router.with_state(state);
    // One cap for the whole application (a layer on the router would give each route its own).
    let capped = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
            overloaded()
        }))
        .layer(LoadShedLayer::new())
        .layer(ConcurrencyLimitLayer::new(s.max_in_flight))
        .service(routed);
    Router::new().fallback_service(capped)
}

/// 503 with `Retry-After` and the security headers (the cap sits outside their layers).
fn overloaded() -> Response {
    let mut res = (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "1")],
        "Busy: try again in a second.",
    )
        .into_response();
    for (name, value) in security::SECURITY_HEADERS {
        res.headers_mut().insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    res
}

/// One log line at most per request, and only for a server error (5xx) or a request slower
/// than the threshold: the method, the route template (never the path or the query string,
/// which can carry a profile), the status and the time. Nothing personal.
async fn log_errors_and_slow(
    axum::extract::State(slow): axum::extract::State<Duration>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req.extensions().get::<MatchedPath>().cloned();
    let res = next.run(req).await;
    let elapsed = started.elapsed();
    let status = res.status();
    if status.is_server_error() || elapsed >= slow {
        let route = route.as_ref().map_or("(unmatched)", MatchedPath::as_str);
        let ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
        if status.is_server_error() {
            tracing::warn!(%method, route, status = status.as_u16(), ms, "server error");
        } else {
            tracing::info!(%method, route, status = status.as_u16(), ms, "slow request");
        }
    }
    res
}
